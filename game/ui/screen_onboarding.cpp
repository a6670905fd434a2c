// Onboarding: the ordered lessons; each unlocks when the one before it is passed.
#include <algorithm>
#include <string>

#include "imgui.h"
#include "platform/platform.hpp"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

namespace buyin::ui {

static bool passed(const std::string& id) {
  const auto& v = session().progress.lessons_passed;
  return std::find(v.begin(), v.end(), id) != v.end();
}

// A printable certificate (HTML) with the trainee's name, the date, and each lesson's best score.
static std::string certificate_html() {
  const Session& s = session();
  auto esc = [](const std::string& t) {
    std::string o;
    for (char c : t) o += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : c == '"' ? "&quot;" : std::string(1, c);
    return o;
  };
  std::string rows;
  for (const Lesson& l : content().lessons) {
    int best = -100000;
    for (const GameRecord& r : s.progress.history)
      if (r.mode == "onboarding" && r.scenario_id == l.scenario && r.score > best) best = r.score;
    rows += "<tr><td>" + esc(l.title) + "</td><td>" + (best > -100000 ? std::to_string(best) : "-") + "</td></tr>";
  }
  const std::string name = s.progress.settings.player_name.empty() ? "Trainee" : s.progress.settings.player_name;
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Buy-In certificate</title><style>"
         "body{font-family:Georgia,serif;max-width:46rem;margin:3rem auto;padding:2rem 3rem;border:6px double #2BB3A3;color:#141821}"
         "h1{letter-spacing:.05em}td,th{padding:.3rem 1rem;border-bottom:1px solid #ccc;text-align:left}</style></head><body>"
         "<h1>Certificate of completion</h1><p>This certifies that</p><h2>" + esc(name) + "</h2>"
         "<p>completed the Buy-In onboarding path: helping buyers work through their own decision before placing a solution.</p>"
         "<table><tr><th>Lesson</th><th>Best score</th></tr>" + rows + "</table><p>Date: " + esc(platform::now_iso8601().substr(0, 10)) +
         "</p></body></html>\n";
}

void draw_onboarding() {
  const Palette& p = palette();
  if (back_button()) go(Screen::Title);
  heading("Onboarding", 1);
  para_dim("Short lessons, each with one idea and a coach. Pass one to unlock the next.");
  ImGui::Dummy(ImVec2(0, 6));
  const auto& lessons = content().lessons;
  const float w = ImGui::GetContentRegionAvail().x > 760 ? 720.0f : ImGui::GetContentRegionAvail().x;
  bool all = !lessons.empty();
  for (const Lesson& l : lessons) all = all && passed(l.id);
  if (all) {
    para("Every lesson passed. Well done.", p.good);
    if (primary_button("Download your certificate", "onboarding.certificate"))
      platform::download("buyin-certificate.html", "text/html", certificate_html());
  }
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
