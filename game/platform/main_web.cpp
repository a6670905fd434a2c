// The browser's entry point: the page's requestAnimationFrame drives tick(), which draws only
// when something changed, so an idle page costs almost nothing.
#include <emscripten.h>

#include "platform/sdl_window.hpp"

using namespace buyin::platform;

static Window g_window;

// Counts drawn frames on the page, so tests and benchmarks can see that an idle page draws nothing.
EM_JS(void, js_frame_drawn, (), {
  if (window.buyinGlue) window.buyinGlue.frameDrawn();
});

static void tick(void*) {
  window_pump_events(g_window);
  if (g_window.frames_pending <= 0) return;  // idle: nothing to draw
  window_draw_frame(g_window);
  js_frame_drawn();
}

// JS calls this when something outside SDL's events needs a redraw (paste, upload, resize).
extern "C" EMSCRIPTEN_KEEPALIVE void buyin_wake() { window_wake(g_window); }

int main() {
  if (!window_open(g_window, "Buy-In: help the buyer decide")) {
    // On the web the only thing that fails here in practice is the WebGL2 context.
    EM_ASM({ if (window.buyinGlue) window.buyinGlue.show('no-webgl'); });
    return 1;
  }
  EM_ASM({ if (window.buyinGlue) window.buyinGlue.ready(); });
  emscripten_set_main_loop_arg(tick, nullptr, 0, false);
  return 0;
}
