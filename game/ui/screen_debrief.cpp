// The debrief: how it ended and why, every point explained, the hidden constraints revealed,
// points and trust over time, the best and worst moves, the expert's path, and "try from here".
#include <cfloat>
#include <string>
#include <vector>

#include "imgui.h"
#include "platform/platform.hpp"
#include "ui/challenge.hpp"
#include "ui/progress_store.hpp"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

namespace buyin::ui {

static std::string action_label(const Scenario& sc, const Action& a) {
  const MoveDef& m = content().moves[static_cast<size_t>(a.move)];
  std::string s = m.label;
  if (a.target >= 0) s += " (" + sc.stakeholders[static_cast<size_t>(a.target)].name + ")";
  return s;
}

static void draw_constraints(const Debrief& d) {
  const Palette& p = palette();
  heading("The hidden constraints");
  const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
  if (ImGui::BeginTable("constraints", 5, tf)) {
    ImGui::TableSetupColumn("Constraint", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Held by", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Severity", ImGuiTableColumnFlags_WidthFixed, 80);
    ImGui::TableSetupColumn("Surfaced", ImGuiTableColumnFlags_WidthFixed, 90);
    ImGui::TableSetupColumn("Resolved", ImGuiTableColumnFlags_WidthFixed, 90);
    ImGui::TableHeadersRow();
    for (const ConstraintReport& c : d.constraints) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextColored(p.highlight, "%s", describe(c.type));
      track_item(("debrief.constraint." + c.id).c_str());
      ImGui::TextWrapped("%s", c.summary.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", c.owner_name.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%s", c.severity >= 3 ? "high" : c.severity == 2 ? "medium" : "low");
      ImGui::TableNextColumn();
      ImGui::TextColored(c.surfaced ? p.good : p.bad, "%s", c.surfaced ? "yes" : "no");
      ImGui::TableNextColumn();
      ImGui::TextColored(c.resolved ? p.good : p.bad, "%s", c.resolved ? "yes" : "no");
    }
    ImGui::EndTable();
  }
}

static void draw_chart(const Debrief& d) {
  heading("Points and trust, move by move");
  if (d.timeline.empty()) { ImGui::TextDisabled("No moves were played."); return; }
  // Floats here are only for drawing; every number shown as text is the core's integer.
  std::vector<float> pts, trust;
  for (const TimelineEntry& t : d.timeline) {
    pts.push_back(static_cast<float>(t.total_points));
    trust.push_back(static_cast<float>(t.trust));
  }
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  ImGui::PlotLines("##points", pts.data(), static_cast<int>(pts.size()), 0, "running points", FLT_MAX, FLT_MAX, ImVec2(w, 110));
  track_item("debrief.chart.points");
  ImGui::SameLine();
  ImGui::PlotLines("##trust", trust.data(), static_cast<int>(trust.size()), 0, "trust (0-100)", 0.0f, 100.0f, ImVec2(w, 110));
  track_item("debrief.chart.trust");
}

static void draw_paths(const Debrief& d) {
  Session& s = session();
  const Palette& p = palette();
  const Scenario& sc = s.game.scenario();
  heading("Your path and an expert's, from the same start");
  ImGui::TextColored(p.text_dim, "The expert knew the hidden constraints; it scored %d. \"Try from here\" replays your game up to that move.",
                     d.expert_score);
  const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("paths", 4, tf)) {
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 30);
    ImGui::TableSetupColumn("You", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 130);
    ImGui::TableSetupColumn("Expert", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    const size_t n = d.timeline.size() > d.expert.size() ? d.timeline.size() : d.expert.size();
    for (size_t i = 0; i < n; ++i) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d", static_cast<int>(i + 1));
      ImGui::TableNextColumn();
      if (i < d.timeline.size()) {
        const TimelineEntry& t = d.timeline[i];
        ImGui::PushID(static_cast<int>(i));
        verdict_badge(static_cast<int>(t.verdict), t.points, true);
        ImGui::SameLine();
        ImGui::TextUnformatted(action_label(sc, s.game.actions[i]).c_str());
        ImGui::PopID();
      }
      ImGui::TableNextColumn();
      if (i < d.timeline.size()) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("Try from here")) {
          if (s.mode == Mode::Challenge) s.mode = Mode::Practice;  // a closed round's retries are practice, with no result code
          session_branch(static_cast<int>(i));
          go(Screen::Meeting);
        }
        track_item(("debrief.branch." + std::to_string(i + 1)).c_str());
        ImGui::PopID();
      }
      ImGui::TableNextColumn();
      if (i < d.expert.size()) ImGui::TextColored(p.text_dim, "%s", action_label(sc, d.expert[i]).c_str());
    }
    ImGui::EndTable();
  }
}

static void draw_lesson_result(const Debrief& d) {
  Session& s = session();
  const Palette& p = palette();
  if (s.mode != Mode::Onboarding || s.lesson < 0) return;
  const Lesson& l = content().lessons[static_cast<size_t>(s.lesson)];
  const LessonCheck check = check_lesson(content(), l, s.game);
  const bool passed = check.passed;
  ImGui::TextColored(passed ? p.good : p.warn, passed ? "Lesson passed (needed %d points and what the lesson teaches)."
                                                      : "Not passed yet. Try again, or go back to any move. You need %d points and:",
                     l.pass_score);
  track_item(passed ? "debrief.lesson.passed" : "debrief.lesson.failed");
  ImGui::TextColored(check.score_ok ? p.good : p.warn, "%s %d of %d points", check.score_ok ? "[done]" : "[not yet]", d.score.total, l.pass_score);
  for (size_t i = 0; i < check.requirements.size(); ++i) {
    const bool met = check.requirements[i].second;
    ImGui::TextColored(met ? p.good : p.warn, "%s %s", met ? "[done]" : "[not yet]", describe(check.requirements[i].first));
    track_item(("debrief.lesson.requirement." + std::string(to_string(check.requirements[i].first))).c_str());
  }
  if (passed && s.lesson + 1 < static_cast<int>(content().lessons.size())) {
    ImGui::SameLine();
    if (primary_button("Next lesson", "debrief.next_lesson")) go(Screen::Onboarding);
  }
}

void draw_debrief() {
  Session& s = session();
  const Palette& p = palette();
  if (!s.active || !s.game.over()) { go(Screen::Title); return; }
  const Debrief& d = session_debrief();
  record_finished_game();

  if (back_button("< Home")) go(Screen::Title);
  ImGui::SameLine();
  if (tracked_button("Download transcript (.txt)", "debrief.download.txt"))
    platform::download("buyin-transcript.txt", "text/plain", transcript_text());
  ImGui::SameLine();
  if (tracked_button("Download JSON", "debrief.download.json"))
    platform::download("buyin-transcript.json", "application/json", transcript_json());
  ImGui::SameLine();
  if (tracked_button("xAPI statements", "debrief.download.xapi")) platform::export_xapi();
  // Before a challenge's round closes its debrief keeps the secrets and offers no retry: a retry
  // in challenge mode made a fresh result code each time, and the expert's path gave the answer.
  const bool unlocked = debrief_unlocked();
  if (unlocked) {
    ImGui::SameLine();
    if (tracked_button("Play again", "debrief.again")) {
      if (s.mode == Mode::Challenge) s.mode = Mode::Practice;  // after the round: practice, no result code
      session_branch(0);
      go(Screen::Meeting);
    }
  }

  ImGui::BeginChild("debrief", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
  ImGui::PushFont(fonts().heading);
  ImGui::Text("Debrief: %s", s.game.scenario().title.c_str());
  ImGui::PopFont();
  ImGui::TextColored(d.ending == Ending::purchase ? p.good : p.warn, "%s", ending_sentence(d.ending));
  track_item((std::string("debrief.ending.") + to_string(d.ending)).c_str());
  // Where the deal died is a judgement on the moves, held back with the rest until a challenge closes.
  if (unlocked && d.ready_buyer) ImGui::TextWrapped("This buyer had already done their own work before your first meeting: a ready buyer.");
  if (unlocked && !d.turning_why.empty()) {
    ImGui::TextWrapped("%s", d.turning_why.c_str());
    track_item("debrief.turning_point");
  }
  draw_lesson_result(d);
  if (s.mode == Mode::Challenge) {
    static std::string code;
    code = challenge_result_code();
    ImGui::TextColored(p.accent, "Your result code: hand it to your organizer. It holds your moves; the leaderboard replays them.");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##result", code.data(), code.size() + 1, ImGuiInputTextFlags_ReadOnly);
    track_item("debrief.result_code");
    if (tracked_button("Copy result code", "debrief.copy_code")) platform::copy_to_clipboard(code);
    ImGui::SameLine();
    if (tracked_button("Download result code", "debrief.download_code"))
      platform::download("buyin-result-" + (s.progress.settings.player_name.empty() ? std::string("player") : s.progress.settings.player_name) + ".txt",
                         "text/plain", code + "\n");
  }

  ImGui::PushFont(fonts().heading);
  ImGui::TextColored(p.accent, "Score %d", d.score.total);
  ImGui::PopFont();
  track_item("debrief.score");
  for (const ScoreLine& l : d.score.lines) {
    ImGui::Text("%-28s", l.label.c_str());
    ImGui::SameLine(300);
    ImGui::TextColored(l.points >= 0 ? p.good : p.bad, "%s%d", l.points >= 0 ? "+" : "", l.points);
    ImGui::SameLine(370);
    ImGui::TextColored(p.text_dim, "%s", l.detail.c_str());
  }
  if (!unlocked) {
    static char close[256] = "";
    static std::string msg;
    ImGui::Dummy(ImVec2(0, 6));
    heading("The rest of the debrief opens when the round closes");
    ImGui::TextWrapped("The hidden constraints, the best and worst moves and the expert's path stay hidden until your organizer "
                       "publishes the close code, so the round stays fair. Enter it here when you have it.");
    track_item("debrief.locked");
    ImGui::SetNextItemWidth(-200);
    ImGui::InputText("##close", close, sizeof close);
    track_item("debrief.close_code");
    ImGui::SameLine();
    if (tracked_button("Open the full debrief", "debrief.unlock")) {
      msg = unlock_active_challenge(close);
      if (msg.empty()) close[0] = 0;
    }
    if (!msg.empty()) {
      ImGui::TextColored(p.bad, "%s", msg.c_str());
      track_item("debrief.close_error");
    }
    ImGui::Dummy(ImVec2(0, 6));
    draw_chart(d);
    ImGui::EndChild();
    return;
  }
  ImGui::Dummy(ImVec2(0, 6));
  draw_constraints(d);
  ImGui::Dummy(ImVec2(0, 6));
  draw_chart(d);
  ImGui::Dummy(ImVec2(0, 6));
  if (!d.timeline.empty()) {
    heading("Best and worst moves");
    if (d.best_move >= 0) {
      const TimelineEntry& b = d.timeline[static_cast<size_t>(d.best_move)];
      ImGui::TextColored(p.good, "Best, move %d: %s.", b.index + 1, b.label.c_str());
      ImGui::TextWrapped("%s", b.explanation.c_str());
      track_item("debrief.best");
    } else {
      ImGui::TextWrapped("No move gained points in this game.");
      track_item("debrief.no_best");
    }
    if (d.worst_move >= 0) {
      const TimelineEntry& w = d.timeline[static_cast<size_t>(d.worst_move)];
      ImGui::TextColored(p.bad, "Worst, move %d: %s.", w.index + 1, w.label.c_str());
      ImGui::TextWrapped("%s", w.explanation.c_str());
      track_item("debrief.worst");
    } else {
      ImGui::TextColored(p.good, "No move cost you points.");
      track_item("debrief.no_worst");
    }
  }
  ImGui::Dummy(ImVec2(0, 6));
  draw_paths(d);
  ImGui::EndChild();
}

}  // namespace buyin::ui
