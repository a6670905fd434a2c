// The browser's entry point: the page's requestAnimationFrame drives tick(), which draws only
// when something changed. After half a second with nothing to draw the loop pauses entirely;
// web/glue.js resumes it on any input event, so an idle page costs nothing at all.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <string>

#include "platform/window.hpp"
#include "ui/app.hpp"

using namespace buyin::platform;

static Window g_window;

// Counts drawn frames on the page, so tests and benchmarks can see that an idle page draws nothing.
EM_JS(void, js_frame_drawn, (), {
  if (window.buyinGlue) window.buyinGlue.frameDrawn();
});

static constexpr int kIdleTicksBeforePause = 30;  // about half a second of animation frames
static int g_idle_ticks = 0;
static bool g_paused = false;

// The loop is the HTML5 API's requestAnimationFrame loop, not emscripten_set_main_loop: that one
// links Emscripten's Browser library (fullscreen, pointer lock, image decoding), which the game
// never uses. Returning false from a frame ends the loop; buyin_wake starts a new one.
static void tick(void*) {
  window_pump_events(g_window);
  if (g_window.frames_pending <= 0) {  // idle: nothing to draw
    if (++g_idle_ticks >= kIdleTicksBeforePause) g_paused = true;
    return;
  }
  g_idle_ticks = 0;
  window_draw_frame(g_window);
  js_frame_drawn();
}

static EM_BOOL animation_frame(double, void*) {
  tick(nullptr);
  return g_paused ? EM_FALSE : EM_TRUE;
}

// JS calls this on every input event and when something outside the canvas's events needs a
// redraw (files, a changed link); C++ calls it through request_redraw().
extern "C" EMSCRIPTEN_KEEPALIVE void buyin_wake() {
  window_wake(g_window);
  g_idle_ticks = 0;
  if (g_paused) {
    g_paused = false;
    emscripten_request_animation_frame_loop(animation_frame, nullptr);
  }
}

// A challenge link opened in a tab that already runs the game changes only the address's '#'.
extern "C" EMSCRIPTEN_KEEPALIVE void buyin_link_changed() {
  buyin::ui::app_open_link();
  buyin_wake();
}

// Tests ask what the expert would play (see app_suggest_move); the string lives until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* buyin_suggest() {
  static std::string s;
  s = buyin::ui::app_suggest_move();
  return s.c_str();
}

int main() {
  if (!window_open(g_window, "Buy-In: help the buyer decide")) {
    // On the web the only thing that fails here in practice is the WebGL2 context.
    EM_ASM({ if (window.buyinGlue) window.buyinGlue.show('no-webgl'); });
    return 1;
  }
  // The first frame is drawn now rather than at the next animation frame (up to a frame later,
  // more while the page is busy): the browser shows it at its next composite either way.
  tick(nullptr);
  EM_ASM({ if (window.buyinGlue) window.buyinGlue.ready(); });
  emscripten_request_animation_frame_loop(animation_frame, nullptr);
  return 0;
}
