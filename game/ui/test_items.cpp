#include "ui/test_items.hpp"

#include <cstdio>
#include <string>

#include "imgui.h"
#include "platform/platform.hpp"

namespace buyin::ui {

static std::string g_json;       // being built this frame
static std::string g_published;  // last sent to the platform
static bool g_first = true;

static void append_escaped(std::string& out, const char* s) {
  for (; *s; ++s) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') { out += '\\'; out += (char)c; }
    else if (c < 0x20) { char buf[8]; std::snprintf(buf, sizeof buf, "\\u%04x", c); out += buf; }
    else out += (char)c;
  }
}

void items_begin_frame(const char* screen) {
  g_json = "{\"screen\":\"";
  append_escaped(g_json, screen);
  g_json += "\",\"items\":[";
  g_first = true;
}

void track_item(const char* id) {
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  char buf[160];
  std::snprintf(buf, sizeof buf, "\",\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d,\"visible\":%s,\"focused\":%s}", (int)a.x,
                (int)a.y, (int)(b.x - a.x), (int)(b.y - a.y), ImGui::IsItemVisible() ? "true" : "false",
                ImGui::IsItemFocused() ? "true" : "false");
  if (!g_first) g_json += ',';
  g_first = false;
  g_json += "{\"id\":\"";
  append_escaped(g_json, id);
  g_json += buf;
}

void items_end_frame() {
  g_json += "]}";
  if (g_json != g_published) {
    g_published = g_json;
    platform::publish_ui_state(g_published);
  }
}

}  // namespace buyin::ui
