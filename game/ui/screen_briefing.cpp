// Briefing: what the trainee knows going in, who they will meet, and (in onboarding) the coach.
#include <string>

#include "imgui.h"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

namespace buyin::ui {

void draw_briefing() {
  Session& s = session();
  const Palette& p = palette();
  const Scenario& sc = s.game.scenario();
  if (back_button()) go(s.mode == Mode::Onboarding ? Screen::Onboarding : s.mode == Mode::Challenge ? Screen::Challenge : Screen::Practice);
  ImGui::PushFont(fonts().heading);
  ImGui::TextWrapped("%s", sc.title.c_str());
  ImGui::PopFont();
  track_item("briefing.title");
  ImGui::TextColored(p.text_dim, "Difficulty %d  |  %d meetings of up to %d moves  |  seed %llu", sc.difficulty,
                     s.game.state.meetings_total, sc.moves_per_meeting, (unsigned long long)s.game.config.seed);
  ImGui::Dummy(ImVec2(0, 4));

  const float col = ImGui::GetContentRegionAvail().x;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (col > 900 ? 860 : col));
  if (s.mode == Mode::Onboarding && s.lesson >= 0) {
    const Lesson& l = content().lessons[static_cast<size_t>(s.lesson)];
    ImGui::TextColored(p.accent, "Coach: %s", l.idea.c_str());
    ImGui::TextWrapped("%s", l.coach_intro.c_str());
    ImGui::Dummy(ImVec2(0, 6));
  }
  heading("What you know");
  ImGui::TextWrapped("%s", sc.brief.c_str());
  ImGui::Dummy(ImVec2(0, 4));
  heading("What you offer");
  ImGui::TextWrapped("%s: %s", sc.offering_name.c_str(), sc.offering_summary.c_str());
  ImGui::Dummy(ImVec2(0, 4));
  heading("Who you will meet");
  for (const StakeholderDef& d : sc.stakeholders) {
    if (!d.engaged) continue;
    ImGui::Bullet();
    ImGui::Text("%s, %s", d.name.c_str(), d.title.c_str());
    ImGui::SameLine();
    ImGui::TextColored(p.text_dim, "(%s)", role_name(d.role));
  }
  int absent = 0;
  for (const StakeholderDef& d : sc.stakeholders) absent += d.engaged ? 0 : 1;
  if (absent > 0)
    ImGui::TextColored(p.text_dim, "Others may have a stake in this decision. The buyer knows who; you will have to ask.");
  if (s.feedback_hidden)
    ImGui::TextColored(p.warn, "Competition rules: verdicts and points are held back until the debrief.");
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, 10));
  if (primary_button("Start the first meeting", "briefing.start", ImVec2(280, 0))) go(Screen::Meeting);
}

}  // namespace buyin::ui
