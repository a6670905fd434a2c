// The title screen: the game's name, what it teaches, and the three ways to play.
#include "imgui.h"
#include "ui/screens.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

namespace buyin::ui {

// Centred when it fits on one line; wrapped from the left edge when it does not (a phone).
static void centered_text(ImFont* font, const char* text, ImVec4 color) {
  ImGui::PushFont(font);
  const float w = ImGui::CalcTextSize(text).x;
  const float x = (ImGui::GetWindowWidth() - w) * 0.5f;
  if (x > ImGui::GetStyle().WindowPadding.x) ImGui::SetCursorPosX(x);
  ImGui::TextColored(color, "%s", text);
  ImGui::PopFont();
}

void draw_title() {
  const Palette& p = palette();
  const float avail_h = ImGui::GetContentRegionAvail().y;
  const float pad = ImGui::GetStyle().WindowPadding.x;
  const float col_w = ImGui::GetWindowWidth() < 760.0f ? ImGui::GetWindowWidth() - 2 * pad - ImGui::GetStyle().ScrollbarSize : 680.0f;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (avail_h > 700.0f ? avail_h * 0.08f : 8.0f));

  centered_text(fonts().title, "Buy-In", p.text);
  track_item("title.name", Sem::Heading, "Buy-In");
  mark_level(1);
  centered_text(fonts().body, "Help the buyer decide. Don't push the sale.", p.accent);
  track_text(Sem::Text, "Help the buyer decide. Don't push the sale.");
  ImGui::Dummy(ImVec2(0, 18));

  const float x = (ImGui::GetWindowWidth() - col_w) * 0.5f;
  ImGui::SetCursorPosX(x);
  if (big_entry("title.onboarding", "Onboarding",
                "Five short lessons with a coach: the settled status quo, hearing hidden constraints, "
                "bringing in the people affected, then a full buying committee.",
                col_w))
    go(Screen::Onboarding);
  ImGui::SetCursorPosX(x);
  if (big_entry("title.practice", "Practice",
                "Pick a buyer from the scenario library and play at your own pace. Fresh seeds, "
                "personal bests and a skill profile, all kept in this browser.",
                col_w))
    go(Screen::Practice);
  ImGui::SetCursorPosX(x);
  if (big_entry("title.challenge", "Team challenge",
                "Everyone faces the identical buyer. Share a challenge code, collect result codes, "
                "and rank the team on a leaderboard that replays every game to check it.",
                col_w))
    go(Screen::Challenge);

  ImGui::Dummy(ImVec2(0, 8));
  ImGui::SetCursorPosX(x);
  if (tracked_button("Settings", "title.settings")) go(Screen::Settings);
  ImGui::SameLine();
  if (tracked_button("About", "title.about")) go(Screen::About);
}

}  // namespace buyin::ui
