// The desktop entry point (for content authors): the same app in an SDL2 + OpenGL 3 window.
// It sleeps in SDL_WaitEventTimeout while idle instead of spinning.
#include <cstdio>
#include <cstdlib>

#include <SDL.h>

#include "platform/window.hpp"

using namespace buyin::platform;

int main(int, char**) {
  Window w;
  if (!window_open(w, "Buy-In")) return 1;
  // BUYIN_EXIT_AFTER_FRAMES=N: draw N frames and quit (the smoke test in tools/test).
  const char* limit_env = std::getenv("BUYIN_EXIT_AFTER_FRAMES");
  const int limit = limit_env ? std::atoi(limit_env) : 0;
  int drawn = 0;
  while (!w.quit) {
    if (w.frames_pending <= 0 && !limit) SDL_WaitEventTimeout(nullptr, 500);
    window_pump_events(w);
    if (w.frames_pending > 0 || limit) {
      window_draw_frame(w);
      if (limit && ++drawn >= limit) {
        std::printf("drew %d frames\n", drawn);
        break;
      }
    }
  }
  window_close(w);
  return 0;
}
