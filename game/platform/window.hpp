// The app's one window: a GL context, Dear ImGui's input and the frame loop's pieces. Two
// implementations behind the same calls: sdl_window.cpp (desktop: SDL2 + OpenGL 3) and
// web_window.cpp (browser: Emscripten's HTML5 events + WebGL2, no SDL).
#pragma once

namespace buyin::platform {

struct Window {
  float pixel_ratio = 1.0f;   // framebuffer pixels per window point; the font atlas is built for it
  int frames_pending = 0;     // frames still to draw after the last input (ImGui settles in a few)
  bool quit = false;
};

// Returns false (with a message on stderr) when no window or GL context could be had.
bool window_open(Window& w, const char* title);
// Hands the input that arrived since the last frame to ImGui; returns true if anything arrived.
bool window_pump_events(Window& w);
// Draws one frame of the app: NewFrame, the UI, Render, present.
void window_draw_frame(Window& w);
void window_close(Window& w);
// Call after input or request_redraw(): the next few ticks draw (ImGui needs a couple of frames
// to settle hover and layout after an event).
inline void window_wake(Window& w) { w.frames_pending = 4; }

}  // namespace buyin::platform
