// The SDL2 window, the GL context and Dear ImGui's backends, shared by the web and desktop mains.
#pragma once
#include <SDL.h>

namespace buyin::platform {

struct Window {
  SDL_Window* sdl = nullptr;
  SDL_GLContext gl = nullptr;
  float pixel_ratio = 1.0f;   // framebuffer pixels per window point; the font atlas is built for it
  int frames_pending = 0;     // frames still to draw after the last input (ImGui settles in a few)
  bool quit = false;
};

// Returns false (with a message on stderr) when no window or GL context could be had.
bool window_open(Window& w, const char* title);
// Drains the event queue into ImGui; returns true if anything arrived.
bool window_pump_events(Window& w);
// Draws one frame of the app: NewFrame, the UI, Render, swap.
void window_draw_frame(Window& w);
void window_close(Window& w);
// Call after input or request_redraw(): the next few ticks draw.
void window_wake(Window& w);

}  // namespace buyin::platform
