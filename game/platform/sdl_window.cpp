// The desktop window (for content authors and the smoke test): SDL2, an OpenGL 3.3 core context and
// Dear ImGui 1.86's own SDL2 and OpenGL3 backends. The browser build uses web_window.cpp instead.
#include "platform/window.hpp"

#include <SDL.h>
#include <SDL_opengl.h>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <vector>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"
#include "ui/app.hpp"

namespace buyin::platform {

static SDL_Window* g_sdl = nullptr;
static SDL_GLContext g_gl = nullptr;

// The one window of the app, for request_redraw() from anywhere in the UI.
static Window* g_active = nullptr;

void request_redraw() {
  if (g_active) window_wake(*g_active);
}

static float current_pixel_ratio(SDL_Window* sdl) {
  int ww = 0, wh = 0, dw = 0, dh = 0;
  SDL_GetWindowSize(sdl, &ww, &wh);
  SDL_GL_GetDrawableSize(sdl, &dw, &dh);
  return ww > 0 ? (float)dw / (float)ww : 1.0f;
}

bool window_open(Window& w, const char* title) {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
    return false;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  auto flags = (SDL_WindowFlags)(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  g_sdl = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 760, flags);
  if (!g_sdl) {
    std::fprintf(stderr, "SDL_CreateWindow failed: %s\n", SDL_GetError());
    return false;
  }
  g_gl = SDL_GL_CreateContext(g_sdl);
  if (!g_gl) {
    std::fprintf(stderr, "OpenGL context failed: %s\n", SDL_GetError());
    return false;
  }
  SDL_GL_MakeCurrent(g_sdl, g_gl);
  SDL_GL_SetSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is ours; nothing to persist behind the user's back
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplSDL2_InitForOpenGL(g_sdl, g_gl);
  if (!ImGui_ImplOpenGL3_Init("#version 330 core")) return false;

  g_active = &w;
  w.pixel_ratio = current_pixel_ratio(g_sdl);
  ui::app_init(w.pixel_ratio);
  // (ImGui's OpenGL3 backend uploads the font atlas in its first NewFrame.)
  window_wake(w);
  return true;
}

// ImGui 1.86 reads key state once per frame: a key pressed and released between two frames
// (fast typists, scripted input) would never be seen. So a frame takes events in order only up
// to such a release; the release and everything after it wait for the next frame.
// The mouse likewise: ImGui 1.86's SDL backend reads the pointer from SDL_GetMouseState(), which
// is already where the *last* queued event left it, so a click followed by a move and another
// click in one frame landed both presses on the second spot, and keys typed right after a click
// on a text field went to the field focused before it. So a mouse button event ends the frame's
// share of events too, and the frame sees the pointer and buttons as of its own last event.
static std::deque<SDL_Event> g_queue;
static bool g_mouse_seen = false;        // a mouse event has been taken (g_mouse_pos is known)
static ImVec2 g_mouse_pos;
static bool g_mouse_held[3], g_mouse_clicked[3];  // left, right, middle: as ImGui numbers them

static int imgui_button(Uint8 b) { return b == SDL_BUTTON_LEFT ? 0 : b == SDL_BUTTON_RIGHT ? 1 : b == SDL_BUTTON_MIDDLE ? 2 : -1; }

bool window_pump_events(Window& w) {
  SDL_Event e;
  while (SDL_PollEvent(&e)) g_queue.push_back(e);
  const bool any = !g_queue.empty();
  std::vector<SDL_Scancode> pressed_now;
  while (!g_queue.empty()) {
    SDL_Event& q = g_queue.front();
    if (q.type == SDL_KEYUP &&
        std::find(pressed_now.begin(), pressed_now.end(), q.key.keysym.scancode) != pressed_now.end())
      break;
    if (q.type == SDL_KEYDOWN) pressed_now.push_back(q.key.keysym.scancode);
    ImGui_ImplSDL2_ProcessEvent(&q);
    if (q.type == SDL_QUIT) w.quit = true;
    bool end_of_frame = false;
    if (q.type == SDL_MOUSEMOTION) {
      g_mouse_seen = true;
      g_mouse_pos = ImVec2((float)q.motion.x, (float)q.motion.y);
    } else if (q.type == SDL_MOUSEBUTTONDOWN || q.type == SDL_MOUSEBUTTONUP) {
      g_mouse_seen = true;
      g_mouse_pos = ImVec2((float)q.button.x, (float)q.button.y);
      const int b = imgui_button(q.button.button);
      if (b >= 0) {
        g_mouse_held[b] = q.type == SDL_MOUSEBUTTONDOWN;
        if (g_mouse_held[b]) g_mouse_clicked[b] = true;
      }
      end_of_frame = true;
    }
    g_queue.pop_front();
    if (end_of_frame) break;
  }
  if (any) window_wake(w);
  return any;
}

// After ImGui_ImplSDL2_NewFrame(): the pointer and buttons as of the last event this frame took.
static void apply_mouse_of_this_frame() {
  ImGuiIO& io = ImGui::GetIO();
  if (g_mouse_seen && ImGui::IsMousePosValid(&io.MousePos)) io.MousePos = g_mouse_pos;  // (invalid: outside the window)
  for (int b = 0; b < 3; ++b) {
    io.MouseDown[b] = g_mouse_clicked[b] || g_mouse_held[b];
    g_mouse_clicked[b] = false;
  }
}

void window_draw_frame(Window& w) {
  // Rebuild the font atlas when the window moves to a screen of another pixel ratio, so text stays crisp.
  float ratio = current_pixel_ratio(g_sdl);
  if ((ratio != w.pixel_ratio && ratio > 0.0f) || ui::app_fonts_dirty()) {
    w.pixel_ratio = ratio;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ui::app_rebuild_fonts(ratio);
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  apply_mouse_of_this_frame();
  ImGuiIO& io = ImGui::GetIO();
  if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 1000.0f;  // ImGui 1.86 asserts on zero
  // ImGui 1.86 presses the focused button with Space only; Enter does it too here (not while
  // typing, where Enter belongs to the text field).
  if (!io.WantTextInput && (io.KeysDown[SDL_SCANCODE_RETURN] || io.KeysDown[SDL_SCANCODE_KP_ENTER]))
    io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
  ImGui::NewFrame();
  bool wants_more = ui::app_frame();
  ImGui::Render();
  glViewport(0, 0, (int)(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             (int)(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  const ImVec4 bg = ui::app_background();
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(g_sdl);
  if (w.frames_pending > 0) w.frames_pending--;
  if (wants_more) window_wake(w);
}

void window_close(Window&) {
  ui::app_shutdown();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  if (g_gl) SDL_GL_DeleteContext(g_gl);
  if (g_sdl) SDL_DestroyWindow(g_sdl);
  g_gl = nullptr;
  g_sdl = nullptr;
  g_active = nullptr;
  SDL_Quit();
}

}  // namespace buyin::platform
