// The browser window: the page's <canvas id="canvas">, a WebGL2 context and Dear ImGui's input,
// straight on Emscripten's HTML5 API. No SDL on the web: SDL2 was ~72 KB of the gzipped wasm to
// give us a canvas, a context and DOM events, and it resized the canvas twice at start-up.
// The desktop build has the same calls in sdl_window.cpp.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "imgui.h"
#include "platform/platform.hpp"
#include "platform/webgl_renderer.hpp"
#include "platform/window.hpp"
#include "ui/app.hpp"

extern "C" void buyin_wake();  // main_web.cpp: draw again, resuming a paused main loop

namespace buyin::platform {

static constexpr const char* kCanvas = "#canvas";

static EMSCRIPTEN_WEBGL_CONTEXT_HANDLE g_gl = 0;
static double g_css_w = 0, g_css_h = 0;  // the canvas's size in CSS pixels (ImGui's display size)
static int g_fb_w = 0, g_fb_h = 0;       // its drawing buffer, in device pixels
static bool g_size_dirty = true;         // a resize arrived: measure the canvas again
static double g_last_time = 0;
static ImGuiMouseCursor g_cursor = ImGuiMouseCursor_Arrow;

// Also resumes the main loop when it has paused: input queued while idle (a paste chosen from the
// browser's context menu, a resize) must not wait for the next mouse move.
void request_redraw() { buyin_wake(); }

// ---------------------------------------------------------------------------------------------
// Input: DOM events arrive in the page's event handlers, between frames. They are queued as they
// come and handed to ImGui in window_pump_events, in order, a frame's worth at a time.
// ---------------------------------------------------------------------------------------------

enum class In : unsigned char { Move, Down, Up, Leave, Wheel, KeyDown, KeyUp, Text, Paste, Focus, Blur };
enum : unsigned char { kCtrl = 1, kShift = 2, kAlt = 4, kSuper = 8 };

struct InputEvent {
  explicit InputEvent(In k) : kind(k) {}
  In kind;
  unsigned char mods = 0;
  int code = 0;        // mouse button (ImGui's numbering) or DOM keyCode
  float x = 0, y = 0;  // pointer position in CSS pixels, or wheel steps
  std::string text;    // typed or pasted, UTF-8
};

static std::deque<InputEvent> g_queue;

static unsigned char mods_of(EM_BOOL ctrl, EM_BOOL shift, EM_BOOL alt, EM_BOOL meta) {
  return (ctrl ? kCtrl : 0) | (shift ? kShift : 0) | (alt ? kAlt : 0) | (meta ? kSuper : 0);
}

static void push(const InputEvent& e) {
  g_queue.push_back(e);
  request_redraw();
}

static EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* m, void*) {
  InputEvent e{In::Move};
  // mouseup is heard on the whole document (a drag may end off the canvas); the canvas fills the
  // window at (0,0) (style.css), so client coordinates are canvas coordinates there.
  const bool on_document = type == EMSCRIPTEN_EVENT_MOUSEUP;
  e.x = (float)(on_document ? m->clientX : m->targetX);
  e.y = (float)(on_document ? m->clientY : m->targetY);
  if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
    // DOM numbers buttons left 0, middle 1, right 2; ImGui left 0, right 1, middle 2.
    const int b = m->button == 0 ? 0 : m->button == 2 ? 1 : m->button == 1 ? 2 : -1;
    if (b < 0) return EM_FALSE;
    e.kind = type == EMSCRIPTEN_EVENT_MOUSEDOWN ? In::Down : In::Up;
    e.code = b;
  } else if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) {
    e.kind = In::Leave;
  }
  push(e);
  // A press on the canvas is ours (no text selection; web/glue.js gives the canvas focus itself).
  return type == EMSCRIPTEN_EVENT_MOUSEDOWN;
}

static EM_BOOL on_wheel(int, const EmscriptenWheelEvent* w, void*) {
  // As SDL2 counted steps: 100 pixels, 3 lines or 1/80 page make one. DOM's y grows downwards.
  double scale = w->deltaMode == DOM_DELTA_PIXEL ? 0.01 : w->deltaMode == DOM_DELTA_LINE ? 1.0 / 3.0 : 80.0;
  InputEvent e{In::Wheel};
  e.x = (float)(-w->deltaX * scale);
  e.y = (float)(-w->deltaY * scale);
  push(e);
  return EM_TRUE;  // the page itself never scrolls
}

// Touch: a tap is a click of a one-button mouse; a finger dragged more than a few pixels scrolls
// what is under it (ImGui itself has no touch scrolling, and a phone's screens are taller than
// the phone). The press is held back until the finger lifts, so a drag never presses anything.
static long g_touch_id = -1;
static bool g_touch_scrolling = false;
static float g_touch_x0 = 0, g_touch_y0 = 0, g_touch_last_x = 0, g_touch_last_y = 0;
static EM_BOOL on_touch(int type, const EmscriptenTouchEvent* t, void*) {
  for (int i = 0; i < t->numTouches; ++i) {
    const EmscriptenTouchPoint& p = t->touches[i];
    if (!p.isChanged) continue;
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART && g_touch_id < 0) {
      g_touch_id = p.identifier;
      g_touch_scrolling = false;
      g_touch_x0 = g_touch_last_x = (float)p.targetX;
      g_touch_y0 = g_touch_last_y = (float)p.targetY;
    }
    if (p.identifier != g_touch_id) continue;
    InputEvent e{In::Move};
    e.x = (float)p.targetX;
    e.y = (float)p.targetY;
    if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
      if (!g_touch_scrolling && std::fabs(e.x - g_touch_x0) + std::fabs(e.y - g_touch_y0) > 10.0f) g_touch_scrolling = true;
      if (g_touch_scrolling) {
        // The content follows the finger: one wheel step scrolls about 5 lines (ImGui 1.86).
        InputEvent w{In::Wheel};
        const float step = 5.0f * ImGui::GetFontSize();
        w.x = (e.x - g_touch_last_x) / step;
        w.y = (e.y - g_touch_last_y) / step;
        g_touch_last_x = e.x;
        g_touch_last_y = e.y;
        e.x = g_touch_x0;  // the pointer stays where the finger went down: that window scrolls
        e.y = g_touch_y0;
        push(e);
        push(w);
      }
    } else if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
      push(e);  // hover only, until it is known to be a tap
    } else if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
      if (!g_touch_scrolling && type == EMSCRIPTEN_EVENT_TOUCHEND) {
        e.x = g_touch_x0;
        e.y = g_touch_y0;
        e.kind = In::Down;
        push(e);
        e.kind = In::Up;
        push(e);
      }
      e.kind = In::Leave;  // no finger, no hover
      push(e);
      g_touch_id = -1;
    }
  }
  return EM_TRUE;  // no scrolling or zooming the page, and no mouse events made up from the touch
}

// The number of bytes of one UTF-8 character at s, or 0 if s is not exactly one character.
static int single_character(const char* s) {
  const unsigned char c = (unsigned char)s[0];
  const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || std::strlen(s) != (size_t)n) return 0;
  return c < 0x20 || c == 0x7f ? 0 : n;
}

// The DOM keyCodes ImGui is told about (KeysDown is indexed by keyCode: the layout's keys, as
// shortcuts expect): {ImGuiKey, keyCode}.
static const int kKeys[][2] = {
    {ImGuiKey_Tab, 9},        {ImGuiKey_LeftArrow, 37}, {ImGuiKey_RightArrow, 39}, {ImGuiKey_UpArrow, 38},
    {ImGuiKey_DownArrow, 40}, {ImGuiKey_PageUp, 33},    {ImGuiKey_PageDown, 34},   {ImGuiKey_Home, 36},
    {ImGuiKey_End, 35},       {ImGuiKey_Insert, 45},    {ImGuiKey_Delete, 46},     {ImGuiKey_Backspace, 8},
    {ImGuiKey_Space, 32},     {ImGuiKey_Enter, 13},     {ImGuiKey_Escape, 27},     {ImGuiKey_KeyPadEnter, 13},
    {ImGuiKey_A, 'A'},        {ImGuiKey_C, 'C'},        {ImGuiKey_V, 'V'},         {ImGuiKey_X, 'X'},
    {ImGuiKey_Y, 'Y'},        {ImGuiKey_Z, 'Z'},
};
static bool is_imgui_key(int code) {
  for (const auto& k : kKeys)
    if (k[1] == code) return true;
  return false;
}

static EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* k, void*) {
  // keyCode is 0 for some characters of some layouts (and for composed ones): they still type.
  const int code = k->keyCode < 512 ? (int)k->keyCode : 0;
  if (code > 0) {
    InputEvent e{type == EMSCRIPTEN_EVENT_KEYDOWN ? In::KeyDown : In::KeyUp};
    e.mods = mods_of(k->ctrlKey, k->shiftKey, k->altKey, k->metaKey);
    e.code = code;
    push(e);
  }
  const bool command = (k->ctrlKey && !k->altKey) || k->metaKey;  // Ctrl+Alt is AltGr: it types
  if (type != EMSCRIPTEN_EVENT_KEYDOWN) return EM_FALSE;
  if (!command) {
    // The typed character is the key's value (DOM `key`: "a", "A", "é"; named keys are longer).
    if (int n = single_character(k->key)) {
      InputEvent t{In::Text};
      t.text.assign(k->key, (size_t)n);
      push(t);
      return EM_TRUE;
    }
    // ImGui's keys are ours (Tab and arrows must not move the page's focus); F5, F12 and the
    // like stay the browser's.
    return is_imgui_key(code);
  }
  // Ctrl/Cmd+C, X and V stay the browser's, so it fires copy/cut/paste (web/glue.js hands pasted
  // text over); so do its own shortcuts (reload, new tab). A, Z, Y are ImGui's text editing.
  return code == 'A' || code == 'Z' || code == 'Y';
}

static EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
  push(InputEvent{type == EMSCRIPTEN_EVENT_FOCUS ? In::Focus : In::Blur});
  return EM_FALSE;
}

static EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  g_size_dirty = true;
  request_redraw();
  return EM_FALSE;
}

// ImGui 1.86 reads key state once per frame: a key pressed and released between two frames
// (fast typists, scripted input) would never be seen. So a frame takes events in order only up
// to such a release; the release and everything after it wait for the next frame. A mouse button
// event ends a frame's share too, so each press and release is seen where it happened.
bool window_pump_events(Window& w) {
  ImGuiIO& io = ImGui::GetIO();
  const bool any = !g_queue.empty();
  std::vector<int> pressed_now;
  while (!g_queue.empty()) {
    if (g_queue.front().kind == In::KeyUp &&
        std::find(pressed_now.begin(), pressed_now.end(), g_queue.front().code) != pressed_now.end())
      break;
    const InputEvent e = std::move(g_queue.front());
    g_queue.pop_front();
    bool end_of_frame = false;
    switch (e.kind) {
      case In::Move: io.MousePos = ImVec2(e.x, e.y); break;
      case In::Leave: io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); break;
      case In::Down:
      case In::Up:
        io.MousePos = ImVec2(e.x, e.y);
        io.MouseDown[e.code] = e.kind == In::Down;
        end_of_frame = true;
        break;
      case In::Wheel:
        io.MouseWheelH += e.x;
        io.MouseWheel += e.y;
        break;
      case In::KeyDown:
      case In::KeyUp:
        if (e.kind == In::KeyDown) pressed_now.push_back(e.code);
        io.KeysDown[e.code] = e.kind == In::KeyDown;
        io.KeyCtrl = e.mods & kCtrl;
        io.KeyShift = e.mods & kShift;
        io.KeyAlt = e.mods & kAlt;
        io.KeySuper = e.mods & kSuper;
        break;
      case In::Text: io.AddInputCharactersUTF8(e.text.c_str()); break;
      case In::Paste:
        // Arrives while Ctrl/Cmd is still held, and ImGui drops characters typed with it held:
        // this frame sees the text without the modifier; the keys' releases come next frame.
        io.KeyCtrl = io.KeySuper = false;
        io.AddInputCharactersUTF8(e.text.c_str());
        end_of_frame = true;
        break;
      case In::Focus: io.AddFocusEvent(true); break;
      case In::Blur:
        io.AddFocusEvent(false);  // keys held while the page lost focus never see their release
        io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
        break;
    }
    if (end_of_frame) break;
  }
  if (any) window_wake(w);
  return any;
}

// ---------------------------------------------------------------------------------------------
// The page's side: cursor shape, clipboard.
// ---------------------------------------------------------------------------------------------

EM_JS(void, js_set_cursor, (const char* css), {
  var c = document.getElementById("canvas");
  if (c) c.style.cursor = UTF8ToString(css);
});

static const char* css_cursor(ImGuiMouseCursor c) {
  switch (c) {
    case ImGuiMouseCursor_None: return "none";
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    default: return "default";
  }
}

// ImGui's Ctrl+C / Ctrl+X in a text field write the system clipboard. Its Ctrl+V reads nothing
// from here: the browser's paste event brings the text (web/glue.js), so it is never typed twice.
static void set_clipboard(void*, const char* text) { copy_to_clipboard(text); }
static const char* get_clipboard(void*) { return ""; }

// ---------------------------------------------------------------------------------------------
// Window and frame.
// ---------------------------------------------------------------------------------------------

// Sizes the drawing buffer to the canvas's CSS size times the device pixel ratio, so text is
// crisp on high-density screens. Returns that ratio.
static float fit_canvas() {
  const double dpr = emscripten_get_device_pixel_ratio();
  if (g_size_dirty) {
    emscripten_get_element_css_size(kCanvas, &g_css_w, &g_css_h);
    g_size_dirty = false;
  }
  const int fw = (int)std::lround(g_css_w * dpr), fh = (int)std::lround(g_css_h * dpr);
  if (fw != g_fb_w || fh != g_fb_h) {
    // Setting a canvas's size, even to the size it has, reallocates its drawing buffer: only on a
    // real change (web/loader.js sized it already when it made the context).
    int cw = 0, ch = 0;
    emscripten_get_canvas_element_size(kCanvas, &cw, &ch);
    if (cw != fw || ch != fh) emscripten_set_canvas_element_size(kCanvas, fw, fh);
    g_fb_w = fw;
    g_fb_h = fh;
  }
  return dpr > 0 ? (float)dpr : 1.0f;
}

bool window_open(Window& w, const char*) {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;  // the app paints every pixel: an opaque canvas composites cheaper
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  attrs.antialias = EM_FALSE;
  attrs.enableExtensionsByDefault = EM_FALSE;  // the renderer needs none
  // web/loader.js made the context already, with these attributes, and getContext returns it;
  // made here only when the page did not. Either way the buffer gets its final size first.
  fit_canvas();
  g_gl = emscripten_webgl_create_context(kCanvas, &attrs);
  if (g_gl <= 0) {
    std::fprintf(stderr, "WebGL2 context failed (%d)\n", (int)g_gl);
    return false;
  }
  emscripten_webgl_make_context_current(g_gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is ours; nothing to persist behind the user's back
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.BackendPlatformName = "buyin_web";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;
  for (const auto& k : kKeys) io.KeyMap[k[0]] = k[1];
  if (!webgl_renderer_init()) return false;

  const char* doc = EMSCRIPTEN_EVENT_TARGET_DOCUMENT;
  const char* win = EMSCRIPTEN_EVENT_TARGET_WINDOW;
  emscripten_set_mousedown_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mousemove_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mouseleave_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mouseup_callback(doc, nullptr, EM_FALSE, on_mouse);
  emscripten_set_wheel_callback(kCanvas, nullptr, EM_FALSE, on_wheel);
  emscripten_set_touchstart_callback(kCanvas, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchmove_callback(kCanvas, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchend_callback(kCanvas, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchcancel_callback(kCanvas, nullptr, EM_FALSE, on_touch);
  // Keys go to the canvas only, so HTML inputs on the page keep working.
  emscripten_set_keydown_callback(kCanvas, nullptr, EM_FALSE, on_key);
  emscripten_set_keyup_callback(kCanvas, nullptr, EM_FALSE, on_key);
  emscripten_set_focus_callback(win, nullptr, EM_FALSE, on_focus);
  emscripten_set_blur_callback(win, nullptr, EM_FALSE, on_focus);
  emscripten_set_resize_callback(win, nullptr, EM_FALSE, on_resize);

  w.pixel_ratio = fit_canvas();
  ui::app_init(w.pixel_ratio);
  webgl_renderer_create_fonts_texture();
  g_last_time = emscripten_get_now();
  window_wake(w);
  return true;
}

void window_draw_frame(Window& w) {
  // Rebuild the font atlas when the page moves to a screen of another pixel ratio (or zooms), so
  // text stays crisp.
  const float ratio = fit_canvas();
  if (ratio != w.pixel_ratio || ui::app_fonts_dirty()) {
    w.pixel_ratio = ratio;
    webgl_renderer_destroy_fonts_texture();
    ui::app_rebuild_fonts(ratio);
    webgl_renderer_create_fonts_texture();
  }
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2((float)g_css_w, (float)g_css_h);
  if (g_css_w > 0 && g_css_h > 0)
    io.DisplayFramebufferScale = ImVec2((float)(g_fb_w / g_css_w), (float)(g_fb_h / g_css_h));
  const double now = emscripten_get_now();
  io.DeltaTime = now > g_last_time ? (float)((now - g_last_time) / 1000.0) : 1.0f / 1000.0f;  // never 0 (ImGui asserts)
  g_last_time = now;
  // ImGui 1.86 presses the focused button with Space only; Enter does it too here (not while
  // typing, where Enter belongs to the text field).
  if (!io.WantTextInput && io.KeysDown[13]) io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
  ImGui::NewFrame();
  const bool wants_more = ui::app_frame();
  const ImGuiMouseCursor cursor = io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
  if (cursor != g_cursor) {
    g_cursor = cursor;
    js_set_cursor(css_cursor(cursor));
  }
  ImGui::Render();
  glViewport(0, 0, g_fb_w, g_fb_h);
  const ImVec4 bg = ui::app_background();
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  webgl_renderer_render(ImGui::GetDrawData());
  // No swap: the browser shows the drawing buffer when this animation frame's callback returns.
  if (w.frames_pending > 0) w.frames_pending--;
  if (wants_more) window_wake(w);
}

void window_close(Window&) {
  ui::app_shutdown();
  webgl_renderer_shutdown();
  ImGui::DestroyContext();
  if (g_gl > 0) emscripten_webgl_destroy_context(g_gl);
  g_gl = 0;
}

}  // namespace buyin::platform

// The page hands pasted text here (web/glue.js, on the browser's paste event). It joins the queue
// behind the keys typed before it, so fast typing and a paste land in the order they were made.
extern "C" EMSCRIPTEN_KEEPALIVE void buyin_paste_text(const char* text) {
  buyin::platform::InputEvent e{buyin::platform::In::Paste};
  e.text = text;
  buyin::platform::push(e);
}

// The page's semantic mirror (web/glue.js): a screen reader, voice control or a test pressed or
// focused the DOM element that stands for a UI item. The UI acts on it from the next frame.
extern "C" EMSCRIPTEN_KEEPALIVE int buyin_activate(const char* id) {
  const bool ok = buyin::ui::app_activate(id);
  buyin_wake();
  return ok;
}
extern "C" EMSCRIPTEN_KEEPALIVE int buyin_focus(const char* id) {
  const bool ok = buyin::ui::app_focus(id);
  buyin_wake();
  return ok;
}
// A mirrored slider's new value (an arrow key or a screen reader's increment on the <input type=range>).
extern "C" EMSCRIPTEN_KEEPALIVE int buyin_set_value(const char* id, const char* value) {
  const bool ok = buyin::ui::app_set_value(id, value);
  buyin_wake();
  return ok;
}
