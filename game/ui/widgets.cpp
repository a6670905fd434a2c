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
  ImGui::PushFont(fonts().body);
  const float wrap = width - 40.0f;
  const ImVec2 body_size = ImGui::CalcTextSize(body, nullptr, false, wrap);
  ImGui::PopFont();
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
  ImGui::PushFont(fonts().body);
  dl->AddText(fonts().body, fonts().body->FontSize * ImGui::GetIO().FontGlobalScale,
              ImVec2(pos.x + 24.0f, pos.y + 18.0f + title_h + 8.0f), ImGui::GetColorU32(p.text_dim), body,
              nullptr, wrap);
  ImGui::PopFont();
  ImGui::PopID();
  return pressed;
}

bool back_button() {
  bool pressed = ImGui::Button("< Back");
  track_item("back");
  return pressed;
}

}  // namespace buyin::ui
