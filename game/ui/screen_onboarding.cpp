// Onboarding: the ordered lessons; each unlocks when the one before it is passed.
#include <algorithm>
#include <string>

#include "imgui.h"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

namespace buyin::ui {

static bool passed(const std::string& id) {
  const auto& v = session().progress.lessons_passed;
  return std::find(v.begin(), v.end(), id) != v.end();
}

void draw_onboarding() {
  const Palette& p = palette();
  if (back_button()) go(Screen::Title);
  heading("Onboarding");
  ImGui::TextColored(p.text_dim, "Short lessons, each with one idea and a coach. Pass one to unlock the next.");
  ImGui::Dummy(ImVec2(0, 6));
  const auto& lessons = content().lessons;
  const float w = ImGui::GetContentRegionAvail().x > 760 ? 720.0f : ImGui::GetContentRegionAvail().x;
  for (size_t i = 0; i < lessons.size(); ++i) {
    const Lesson& l = lessons[i];
    const bool unlocked = i == 0 || passed(lessons[i - 1].id);
    const bool done = passed(l.id);
    std::string title = std::to_string(i + 1) + ". " + l.title + (done ? "  (passed)" : unlocked ? "" : "  (locked)");
    std::string body = unlocked ? l.idea : "Pass the lesson before this one to unlock it.";
    ImGui::BeginDisabled(!unlocked);
    if (big_entry(("onboarding.lesson." + l.id).c_str(), title.c_str(), body.c_str(), w) && unlocked) {
      if (session_start(Mode::Onboarding, l.scenario, 1000 + i, static_cast<int>(i)).empty()) go(Screen::Briefing);
    }
    ImGui::EndDisabled();
  }
}

}  // namespace buyin::ui
