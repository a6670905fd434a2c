// The desktop entry point (for content authors): the same app in an SDL2 + OpenGL 3 window.
// It sleeps in SDL_WaitEventTimeout while idle instead of spinning.
#include "platform/sdl_window.hpp"

using namespace buyin::platform;

int main(int, char**) {
  Window w;
  if (!window_open(w, "Buy-In")) return 1;
  while (!w.quit) {
    if (w.frames_pending <= 0) SDL_WaitEventTimeout(nullptr, 500);
    window_pump_events(w);
    if (w.frames_pending > 0) window_draw_frame(w);
  }
  window_close(w);
  return 0;
}
