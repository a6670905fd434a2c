// Widgets shared by several screens.
#include "imgui.h"
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
  track_item(id);
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

void heading(const char* text) {
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

bool tracked_button(const char* label, const char* id, ImVec2 size) {
  bool pressed = ImGui::Button(label, size);
  track_item(id);
  return pressed;
}

bool primary_button(const char* label, const char* id, ImVec2 size) {
  const Palette& p = palette();
  ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent_hover);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent_hover);
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
  bool pressed = tracked_button(label, id, size);
  ImGui::PopStyleColor(4);
  return pressed;
}

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
  ImGui::TextColored(col, "%s", kWords[verdict < 0 || verdict > 3 ? 1 : verdict]);
  if (show_points) {
    ImGui::SameLine();
    ImGui::TextColored(col, "%s%d", points >= 0 ? "+" : "", points);
  }
}

}  // namespace buyin::ui
