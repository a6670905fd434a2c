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
  track_item("briefing.title", Sem::Heading, sc.title);
  mark_level(1);
  para_dim("Difficulty " + std::to_string(sc.difficulty) + "  |  " + std::to_string(s.game.state.meetings_total) +
           " meetings of up to " + std::to_string(sc.moves_per_meeting) + " moves  |  seed " + std::to_string(s.game.config.seed));
  ImGui::Dummy(ImVec2(0, 4));

  const float col = ImGui::GetContentRegionAvail().x;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (col > 900 ? 860 : col));
  if (s.mode == Mode::Onboarding && s.lesson >= 0) {
    const Lesson& l = content().lessons[static_cast<size_t>(s.lesson)];
    para("Coach: " + l.idea, p.accent);
    para(l.coach_intro);
    ImGui::Dummy(ImVec2(0, 6));
  }
  heading("What you know");
  para(sc.brief);
  ImGui::Dummy(ImVec2(0, 4));
  heading("What you offer");
  para(sc.offering_name + ": " + sc.offering_summary);
  ImGui::Dummy(ImVec2(0, 4));
  heading("Who you will meet");
  begin_container("briefing.people", Sem::List, "Who you will meet");
  for (const StakeholderDef& d : sc.stakeholders) {
    if (!d.engaged) continue;
    ImGui::Bullet();
    ImGui::TextWrapped("%s, %s (%s)", d.name.c_str(), d.title.c_str(), role_name(d.role));
    track_text(Sem::ListItem, d.name + ", " + d.title + " (" + role_name(d.role) + ")");
  }
  end_container();
  int absent = 0;
  for (const StakeholderDef& d : sc.stakeholders) absent += d.engaged ? 0 : 1;
  if (absent > 0)
    para_dim("Others may have a stake in this decision. The buyer knows who; you will have to ask.");
  if (s.feedback_hidden) para("Competition rules: verdicts and points are held back until the debrief.", p.warn);
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, 10));
  // At least 280 px, as wide as its label needs at large text sizes; 0 (wrapped, full width) when no line holds it.
  const float avail = ImGui::GetContentRegionAvail().x;
  const float label_w = ImGui::CalcTextSize("Start the first meeting").x + 2 * ImGui::GetStyle().FramePadding.x;
  const float start_w = label_w > avail ? 0.0f : label_w > 280 ? label_w : avail < 280 ? avail : 280;
  if (primary_button("Start the first meeting", "briefing.start", ImVec2(start_w, 0))) go(Screen::Meeting);
}

}  // namespace buyin::ui
