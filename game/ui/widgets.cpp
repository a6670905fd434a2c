// Widgets shared by several screens.
#include <cstdlib>
#include <string>
#include <vector>

#include "imgui.h"
#include <imgui_internal.h>  // RenderNavHighlight, ImRect: internal in 1.86
#include "ui/screens.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

namespace buyin::ui {

// A large card-like button: a title line and a dimmer description underneath.
bool big_entry(const char* id, const char* title, const char* body, float width) {
  const Palette& p = palette();
  ImGui::PushID(id);
  ImGui::PushFont(fonts().heading);
  const float title_h = ImGui::GetTextLineHeight();
  ImGui::PopFont();
  const float wrap = width - 40.0f;
  const ImVec2 body_size = ImGui::CalcTextSize(body, nullptr, false, wrap);
  const float height = 20.0f + title_h + 8.0f + body_size.y + 20.0f;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(title, ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  const bool focused = ImGui::IsItemFocused();
  track_item(id, Sem::Button, std::string(title) + ". " + body);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height),
                    ImGui::GetColorU32(hovered || focused ? p.panel_hover : p.panel), 12.0f);
  dl->AddRectFilled(pos, ImVec2(pos.x + 6.0f, pos.y + height), ImGui::GetColorU32(p.accent), 12.0f,
                    ImDrawFlags_RoundCornersLeft);
  ImGui::PushFont(fonts().heading);
  dl->AddText(ImVec2(pos.x + 24.0f, pos.y + 18.0f), ImGui::GetColorU32(p.text), title);
  ImGui::PopFont();
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + 24.0f, pos.y + 18.0f + title_h + 8.0f),
              ImGui::GetColorU32(p.text_dim), body, nullptr, wrap);
  ImGui::PopID();
  return pressed;
}

bool back_button(const char* label) { return tracked_button(label, "back"); }

void heading(const char* text, int level) {
  ImGui::PushFont(fonts().heading);
  ImGui::TextWrapped("%s", text);
  ImGui::PopFont();
  track_text(Sem::Heading, text, level);
}

void para(const std::string& text, ImVec4 color, ImFont* font) {
  if (font) ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  if (font) ImGui::PopFont();
  track_text(Sem::Text, text);
}
void para(const std::string& text) { para(text, palette().text); }
void para_dim(const std::string& text) { para(text, palette().text_dim); }

std::string visible_label(const char* label) {
  const char* end = ImGui::FindRenderedTextEnd(label);
  return std::string(label, end);
}

// At least 44 CSS px high on touch screens (WCAG 2.5.5's size), whatever the font size.
float touch_height() {
  const float min_h = narrow_layout() ? 44.0f : 0.0f;
  return ImGui::GetFrameHeight() < min_h ? min_h : 0.0f;
}

namespace {
// A button whose label does not fit what is left of the line goes to the next line, and one that
// does not fit a whole line wraps its label (large text on a phone: nothing runs off the screen).
bool button_impl(const char* label, const char* id, ImVec2 size, bool primary) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const std::string name = visible_label(label);
  if (size.x == 0.0f) {
    const float want = ImGui::CalcTextSize(name.c_str()).x + 2 * st.FramePadding.x;
    if (want > ImGui::GetContentRegionAvail().x + 0.5f) {
      ImGuiWindow* w = ImGui::GetCurrentWindow();
      if (w->DC.CursorPos.x > w->Pos.x + w->DC.Indent.x + w->DC.ColumnsOffset.x + 0.5f) ImGui::NewLine();  // after SameLine()
      if (want > ImGui::GetContentRegionAvail().x + 0.5f) return wrap_button(id, name, 0.0f, primary);
    }
  }
  if (size.y == 0.0f) size.y = touch_height();
  if (primary) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent_hover);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
  }
  bool pressed = ImGui::Button(label, size);
  if (primary) ImGui::PopStyleColor(4);
  track_item(id, Sem::Button, name);
  // A label wider than its button is cut by ImGui: the clipping test must see it.
  if (ImGui::CalcTextSize(name.c_str()).x + 2 * st.FramePadding.x > ImGui::GetItemRectSize().x + 1.0f) mark_clipped();
  return pressed;
}
}  // namespace

bool tracked_button(const char* label, const char* id, ImVec2 size) { return button_impl(label, id, size, false); }

// A button in the accent colour, for the one action a screen is about.
bool primary_button(const char* label, const char* id, ImVec2 size) { return button_impl(label, id, size, true); }

ImVec4 verdict_color(int verdict) {
  const Palette& p = palette();
  switch (verdict) {
    case 0: return p.good;
    case 1: return p.neutral;
    case 2: return p.warn;
    default: return p.bad;
  }
}

// Icons are drawn, not glyphs: a tick, a dash, an arrow pushing right, a cross.
void verdict_badge(int verdict, int points, bool show_points) {
  static const char* kWords[] = {"Facilitated", "Neutral", "Pushed", "Harmful"};
  const ImVec4 col = verdict_color(verdict);
  const ImU32 c = ImGui::GetColorU32(col);
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 m(o.x + h * 0.5f, o.y + h * 0.5f);
  const float r = h * 0.42f;
  dl->AddCircle(m, r, c, 20, 2.0f);
  const float k = r * 0.5f;
  switch (verdict) {
    case 0:
      dl->AddLine(ImVec2(m.x - k, m.y), ImVec2(m.x - k * 0.2f, m.y + k * 0.8f), c, 2.0f);
      dl->AddLine(ImVec2(m.x - k * 0.2f, m.y + k * 0.8f), ImVec2(m.x + k, m.y - k * 0.8f), c, 2.0f);
      break;
    case 1: dl->AddLine(ImVec2(m.x - k, m.y), ImVec2(m.x + k, m.y), c, 2.0f); break;
    case 2:
      dl->AddLine(ImVec2(m.x - k, m.y), ImVec2(m.x + k, m.y), c, 2.0f);
      dl->AddLine(ImVec2(m.x + k * 0.1f, m.y - k * 0.8f), ImVec2(m.x + k, m.y), c, 2.0f);
      dl->AddLine(ImVec2(m.x + k * 0.1f, m.y + k * 0.8f), ImVec2(m.x + k, m.y), c, 2.0f);
      break;
    default:
      dl->AddLine(ImVec2(m.x - k, m.y - k), ImVec2(m.x + k, m.y + k), c, 2.0f);
      dl->AddLine(ImVec2(m.x - k, m.y + k), ImVec2(m.x + k, m.y - k), c, 2.0f);
      break;
  }
  ImGui::Dummy(ImVec2(h, h));
  ImGui::SameLine();
  const char* word = kWords[verdict < 0 || verdict > 3 ? 1 : verdict];
  if (show_points) ImGui::TextColored(col, "%s %s%d", word, points >= 0 ? "+" : "", points);
  else ImGui::TextColored(col, "%s", word);
}

}  // namespace buyin::ui

namespace buyin::ui {

// A full-width button whose label wraps onto as many lines as it needs (move cards, targets):
// ImGui's own buttons cut a long label at their edge.
bool wrap_button(const char* id, const std::string& label, float width, bool primary) {
  const Palette& p = palette();
  const ImGuiStyle& st = ImGui::GetStyle();
  if (width <= 0.0f) width = ImGui::GetContentRegionAvail().x;
  const float wrap = width - 2 * st.FramePadding.x;
  const ImVec2 text = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
  float height = text.y + 2 * st.FramePadding.y;
  if (height < ImGui::GetFrameHeight()) height = ImGui::GetFrameHeight();
  if (height < touch_height()) height = touch_height();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::PushID(id);
  const bool pressed = ImGui::InvisibleButton("##wrap", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered(), held = ImGui::IsItemActive();
  track_item(id, Sem::Button, label);
  ImGui::PopID();
  const ImVec4 bg = primary ? (hovered || held ? p.accent_hover : p.accent) : (held ? ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive)
                                                                                  : hovered ? p.panel_hover : p.panel);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), ImGui::GetColorU32(bg), st.FrameRounding);
  if (st.FrameBorderSize > 0.0f)
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + height), ImGui::GetColorU32(ImGuiCol_Border), st.FrameRounding, 0, st.FrameBorderSize);
  ImGui::RenderNavHighlight(ImRect(pos, ImVec2(pos.x + width, pos.y + height)), ImGui::GetItemID());
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + st.FramePadding.x, pos.y + (height - text.y) * 0.5f),
              ImGui::GetColorU32(primary ? p.accent_text : p.text), label.c_str(), nullptr, wrap);
  return pressed;
}

// Keeps the next button on this line when it fits, else starts a new line (narrow screens).
void same_line_if_fits(const char* next_label) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float w = ImGui::CalcTextSize(next_label, nullptr, true).x + 2 * st.FramePadding.x;
  const float right = ImGui::GetItemRectMax().x + st.ItemSpacing.x + w;
  if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

// A checkbox whose label wraps beside it (ImGui's own label runs past a narrow screen's edge).
// Published as a checkbox named by its label.
bool wrap_checkbox(const char* id, const char* label, bool* v) {
  ImGui::PushID(id);
  const bool changed = ImGui::Checkbox("##box", v);
  track_item(id, Sem::Checkbox, label, *v ? kChecked : 0);
  ImGui::PopID();
  ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::AlignTextToFramePadding();
  ImGui::TextWrapped("%s", label);
  return changed;
}

// Whether the combo just drawn has its list open (ImGui 1.86 names the popup after the combo).
bool combo_open() { return ImGui::IsPopupOpen(ImHashStr("##ComboPopup", 0, ImGui::GetItemID()), ImGuiPopupFlags_None); }

bool tracked_combo(const char* id, const char* label, const std::string& name, int* current,
                   const std::vector<std::string>& options) {
  const int n = static_cast<int>(options.size());
  const std::string preview = *current >= 0 && *current < n ? options[static_cast<size_t>(*current)] : std::string();
  const size_t at = items_count();
  bool changed = false;
  const bool open = ImGui::BeginCombo(label, preview.c_str());
  if (open) {
    const std::string list = std::string(id) + ".options";
    begin_container(list.c_str(), Sem::Listbox, name);
    for (int i = 0; i < n; ++i) {
      const bool selected = i == *current;
      if (ImGui::Selectable(options[static_cast<size_t>(i)].c_str(), selected)) {
        changed = *current != i;
        *current = i;
      }
      // Opened from the keyboard or a screen reader, the choice made so far takes the focus.
      if (selected) ImGui::SetItemDefaultFocus();
      track_item(list + "." + std::to_string(i), Sem::Option, options[static_cast<size_t>(i)], selected ? static_cast<unsigned>(kSelected) : 0u);
    }
    end_container();
    ImGui::EndCombo();
  }
  track_item(id, Sem::Combobox, name, open ? static_cast<unsigned>(kExpanded) : 0u, preview);
  if (open) move_last_to(at);  // the combo is read before its list
  return changed;
}

bool tracked_slider_int(const char* id, const char* label, const std::string& name, int* v, int lo, int hi) {
  bool changed = false;
  std::string asked;
  if (take_value_request(id, asked)) {
    char* end = nullptr;
    const long x = std::strtol(asked.c_str(), &end, 10);
    if (end != asked.c_str() && *end == '\0') {
      const int clamped = x < lo ? lo : x > hi ? hi : static_cast<int>(x);
      changed = clamped != *v;
      *v = clamped;
    }
  }
  if (ImGui::SliderInt(label, v, lo, hi)) changed = true;
  track_item(id, Sem::Slider, name, 0, std::to_string(*v));
  mark_range(lo, hi);
  return changed;
}

// A child window whose text wraps at its own edge (each ImGui window keeps its own wrap position).
// A bordered panel keeps its text off its edges (the theme draws no border, so ImGui would not).
bool begin_panel(const char* id, ImVec2 size, bool border, ImGuiWindowFlags flags) {
  if (border) ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 10));
  const bool open = ImGui::BeginChild(id, size, border, flags | (border ? ImGuiWindowFlags_AlwaysUseWindowPadding : 0));
  if (border) ImGui::PopStyleVar();
  ImGui::PushTextWrapPos(0.0f);
  return open;
}
namespace {
// Scroll chaining, as a browser does it: a wheel or a swipe that a panel scrolled to its end cannot
// follow scrolls the window around it. (ImGui 1.86 passes the wheel on only from panels that do not
// scroll at all; on a phone with large text the transcript fills the screen's middle, and the page
// around it must still scroll to what is below.)
void chain_scroll_to_parent() {
  ImGuiContext& g = *GImGui;
  ImGuiWindow* w = g.CurrentWindow;
  ImGuiWindow* parent = w->ParentWindow;
  const float wheel = g.IO.MouseWheel;
  if (!parent || wheel == 0.0f || g.IO.KeyCtrl || g.IO.KeyShift || w->ScrollMax.y <= 0.0f) return;
  if ((g.WheelingWindow ? g.WheelingWindow : g.HoveredWindow) != w) return;
  const bool at_end = wheel < 0.0f ? w->Scroll.y >= w->ScrollMax.y : w->Scroll.y <= 0.0f;
  if (!at_end || (parent->Flags & ImGuiWindowFlags_NoScrollWithMouse)) return;
  const float step = ImFloor(ImMin(5 * parent->CalcFontSize(), parent->InnerRect.GetHeight() * 0.67f));
  ImGui::SetScrollY(parent, parent->Scroll.y - wheel * step);
}
}  // namespace

void end_panel() {
  ImGui::PopTextWrapPos();
  chain_scroll_to_parent();
  ImGui::EndChild();
}

}  // namespace buyin::ui
