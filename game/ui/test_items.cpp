#include "ui/test_items.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "imgui.h"
#include <imgui_internal.h>  // LastItemData, ActivateItem, SetFocusID: internal in 1.86
#include "platform/platform.hpp"

namespace buyin::ui {

namespace {

struct Item {
  std::string id, name, value, parent;
  Sem role = Sem::Text;
  unsigned state = 0;
  bool disabled = false, visible = false, focused = false, clipped = false;
  int level = 0;
  int lo = 0, hi = 0;             // a slider's range
  ImGuiID imgui_id = 0;
  ImVec2 min, max;
};
struct Open { size_t index; int texts; ImVec2 start; float width; };

std::string g_screen;
std::vector<Item> g_items;        // this frame's, in drawing order (containers before their items)
std::vector<Open> g_open;         // containers not yet ended
std::vector<std::pair<std::string, ImGuiID>> g_last_ids;  // last frame's actionable items
int g_screen_texts = 0;
std::string g_json, g_published;
ImGuiID g_focus_request = 0;      // set by focus_item, applied when that item is drawn
bool g_focus_text = false;
ImGuiID g_focus_applied = 0;      // the page's focus request applied this frame
std::vector<std::pair<std::string, std::string>> g_value_requests;  // item id -> value, from the page
std::vector<std::string> g_last_sliders;                            // last frame's slider ids

const char* role_name(Sem r) {
  switch (r) {
    case Sem::Text: return "text";
    case Sem::Button: return "button";
    case Sem::Tab: return "tab";
    case Sem::TabList: return "tablist";
    case Sem::Checkbox: return "checkbox";
    case Sem::Textbox: return "textbox";
    case Sem::Heading: return "heading";
    case Sem::Link: return "link";
    case Sem::List: return "list";
    case Sem::ListItem: return "listitem";
    case Sem::Log: return "log";
    case Sem::Table: return "table";
    case Sem::Row: return "row";
    case Sem::Cell: return "cell";
    case Sem::ColumnHeader: return "columnheader";
    case Sem::Combobox: return "combobox";
    case Sem::Slider: return "slider";
    case Sem::Status: return "status";
    case Sem::Group: return "group";
    case Sem::Img: return "img";
    case Sem::Note: return "note";
    case Sem::Listbox: return "listbox";
    case Sem::Option: return "option";
  }
  return "text";
}

void append_escaped(std::string& out, const std::string& s) {
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') { out += '\\'; out += (char)c; }
    else if (c < 0x20) { char buf[8]; std::snprintf(buf, sizeof buf, "\\u%04x", c); out += buf; }
    else out += (char)c;
  }
}

// Horizontally outside what its window shows: cut off for the reader. (The window's, not the
// table column's: a table row's selectable spans every column by design.)
bool cut_off(ImVec2 a, ImVec2 b) {
  const ImRect clip = ImGui::GetCurrentWindow()->InnerClipRect;
  return b.x > clip.Max.x + 1.0f || a.x < clip.Min.x - 1.0f;
}

Item& add(const std::string& id, Sem role, const std::string& name) {
  g_items.emplace_back();
  Item& it = g_items.back();
  it.id = id;
  it.role = role;
  it.name = name;
  if (!g_open.empty()) it.parent = g_items[g_open.back().index].id;
  return it;
}

}  // namespace

void items_begin_frame(const char* screen) {
  g_screen = screen;
  g_items.clear();
  g_open.clear();
  g_screen_texts = 0;
}

void track_item(const char* id, Sem role, const std::string& name, unsigned state, const std::string& value) {
  ImGuiContext& g = *GImGui;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  Item& it = add(id, role, name);
  it.state = state;
  it.value = value;
  it.min = a;
  it.max = b;
  if (role == Sem::ColumnHeader) {
    // A header's background reaches into the cell padding; its text stays in the column.
    const ImVec2 cmin = ImGui::GetWindowDrawList()->GetClipRectMin(), cmax = ImGui::GetWindowDrawList()->GetClipRectMax();
    it.min.x = a.x < cmin.x ? cmin.x : a.x;
    it.max.x = b.x > cmax.x ? cmax.x : b.x;
  }
  it.visible = ImGui::IsItemVisible();
  it.focused = ImGui::IsItemFocused();
  it.disabled = (g.LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
  it.clipped = cut_off(it.min, it.max);
  it.imgui_id = g.LastItemData.ID;
  // A focus asked for by the page (a screen reader moved to the item): ImGui's navigation
  // focus moves there, the list scrolls to it, and a text field takes the typing.
  if (g_focus_request != 0 && it.imgui_id == g_focus_request) {
    g_focus_request = 0;
    g_focus_applied = it.imgui_id;
    ImGui::SetFocusID(it.imgui_id, g.CurrentWindow);
    g.NavDisableHighlight = false;
    ImGui::SetScrollHereY(0.5f);
    if (g_focus_text) {
      ImGui::ActivateItem(it.imgui_id);
      g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    }
    platform::request_redraw();
  }
}

void track_rect(const char* id, Sem role, const std::string& name, ImVec2 min, ImVec2 max) {
  Item& it = add(id, role, name);
  it.min = min;
  it.max = max;
  it.visible = true;
}

void track_text(Sem role, const std::string& text, int level) {
  std::string id = g_open.empty() ? g_screen : g_items[g_open.back().index].id;
  const int n = g_open.empty() ? ++g_screen_texts : ++g_open.back().texts;
  id += ".t" + std::to_string(n);
  track_item(id.c_str(), role, text);
  g_items.back().level = level;
}

void mark_level(int level) {
  if (!g_items.empty()) g_items.back().level = level;
}

void mark_range(int lo, int hi) {
  if (!g_items.empty()) { g_items.back().lo = lo; g_items.back().hi = hi; }
}

size_t items_count() { return g_items.size(); }

void move_last_to(size_t index) {
  if (index >= g_items.size()) return;
  std::rotate(g_items.begin() + static_cast<std::ptrdiff_t>(index), g_items.end() - 1, g_items.end());
  // Open containers point at items by index: the ones at or after `index` moved one on.
  for (Open& o : g_open)
    if (o.index >= index) ++o.index;
}

void mark_clipped() {
  if (!g_items.empty()) g_items.back().clipped = true;
}

void begin_container(const char* id, Sem role, const std::string& name) {
  Item& it = add(id, role, name);
  it.min = ImGui::GetCursorScreenPos();
  g_open.push_back(Open{g_items.size() - 1, 0, it.min, ImGui::GetContentRegionAvail().x});
}

void begin_container(const char* id, Sem role, const std::string& name, float x0, float x1) {
  Item& it = add(id, role, name);
  it.min = ImVec2(x0, ImGui::GetCursorScreenPos().y);
  g_open.push_back(Open{g_items.size() - 1, 0, it.min, x1 - x0});
}

void end_container() {
  if (g_open.empty()) return;
  const Open o = g_open.back();
  g_open.pop_back();
  Item& it = g_items[o.index];
  // Its rectangle is what it holds, as far as its window shows it (a scrolled log: the visible part).
  ImVec2 a = o.start, b(o.start.x + o.width, ImGui::GetCursorScreenPos().y);
  const ImRect clip = ImGui::GetCurrentWindow()->InnerClipRect;
  a.y = a.y < clip.Min.y ? clip.Min.y : a.y;
  b.y = b.y > clip.Max.y ? clip.Max.y : b.y;
  if (b.y < a.y) b.y = a.y;
  it.min = a;
  it.max = b;
  it.visible = b.y > a.y;
}

bool activate_item(const char* id) {
  for (const auto& [name, imid] : g_last_ids)
    if (name == id) {
      ImGui::ActivateItem(imid);
      for (const Item& it : g_items)
        if (it.imgui_id == imid && it.role == Sem::Textbox) GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
      return true;
    }
  return false;
}

bool focus_item(const char* id) {
  for (const auto& [name, imid] : g_last_ids)
    if (name == id) {
      g_focus_request = imid;
      g_focus_text = false;
      for (const Item& it : g_items)
        if (it.imgui_id == imid && it.role == Sem::Textbox && !(it.state & kReadOnly)) g_focus_text = true;
      return true;
    }
  return false;
}

bool set_item_value(const char* id, const std::string& value) {
  for (const std::string& s : g_last_sliders)
    if (s == id) {
      for (auto& r : g_value_requests)
        if (r.first == id) { r.second = value; return true; }
      g_value_requests.emplace_back(id, value);
      return true;
    }
  return false;
}

bool take_value_request(const char* id, std::string& value) {
  for (size_t i = 0; i < g_value_requests.size(); ++i)
    if (g_value_requests[i].first == id) {
      value = g_value_requests[i].second;
      g_value_requests.erase(g_value_requests.begin() + static_cast<std::ptrdiff_t>(i));
      platform::request_redraw();  // the next frame publishes the new value
      return true;
    }
  return false;
}

void items_end_frame() {
  while (!g_open.empty()) end_container();
  // The item the page just focused is the focused one from this frame on: publishing the one
  // ImGui had before would send the page's focus back there (and the keys after it).
  if (g_focus_applied != 0)
    for (Item& it : g_items) it.focused = it.imgui_id == g_focus_applied;
  g_focus_applied = 0;
  g_last_ids.clear();
  g_last_sliders.clear();
  g_value_requests.clear();  // requests for sliders no longer drawn are dropped
  g_json = "{\"screen\":\"";
  append_escaped(g_json, g_screen);
  g_json += "\",\"items\":[";
  bool first = true;
  for (const Item& it : g_items) {
    if (it.imgui_id != 0) g_last_ids.emplace_back(it.id, it.imgui_id);
    if (it.role == Sem::Slider) g_last_sliders.push_back(it.id);
    if (!first) g_json += ',';
    first = false;
    char buf[200];
    std::snprintf(buf, sizeof buf, "\",\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d,\"visible\":%s,\"focused\":%s,\"clipped\":%s",
                  (int)it.min.x, (int)it.min.y, (int)(it.max.x - it.min.x), (int)(it.max.y - it.min.y),
                  it.visible ? "true" : "false", it.focused ? "true" : "false", it.clipped ? "true" : "false");
    g_json += "{\"id\":\"";
    append_escaped(g_json, it.id);
    g_json += "\",\"role\":\"";
    g_json += role_name(it.role);
    g_json += "\",\"name\":\"";
    append_escaped(g_json, it.name);
    g_json += buf;
    if (!it.parent.empty()) { g_json += ",\"parent\":\""; append_escaped(g_json, it.parent); g_json += '"'; }
    if (it.disabled) g_json += ",\"disabled\":true";
    if (it.role == Sem::Heading) g_json += ",\"level\":" + std::to_string(it.level ? it.level : 2);
    if (it.role == Sem::Tab) g_json += (it.state & kSelected) ? ",\"selected\":true" : ",\"selected\":false";
    if (it.role == Sem::Checkbox) g_json += (it.state & kChecked) ? ",\"checked\":true" : ",\"checked\":false";
    if (it.state & kToggle) g_json += (it.state & kPressed) ? ",\"pressed\":true" : ",\"pressed\":false";
    if (it.role == Sem::Slider) g_json += ",\"min\":" + std::to_string(it.lo) + ",\"max\":" + std::to_string(it.hi);
    if (it.role == Sem::Option) g_json += (it.state & kSelected) ? ",\"selected\":true" : ",\"selected\":false";
    if (it.role == Sem::Combobox || (it.state & kExpandable)) g_json += (it.state & kExpanded) ? ",\"expanded\":true" : ",\"expanded\":false";
    if (it.state & kReadOnly) g_json += ",\"readonly\":true";
    if (it.state & kMultiline) g_json += ",\"multiline\":true";
    if (it.role == Sem::Textbox || it.role == Sem::Combobox || it.role == Sem::Slider || !it.value.empty()) {
      g_json += ",\"value\":\"";
      append_escaped(g_json, it.value);
      g_json += '"';
    }
    g_json += '}';
  }
  g_json += "]}";
  if (g_json != g_published) {
    g_published = g_json;
    platform::publish_ui_state(g_published);
  }
}

}  // namespace buyin::ui
