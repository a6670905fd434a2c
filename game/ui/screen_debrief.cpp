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
  // The label the trainee saw on the card: the world's or the scenario's wording, not the deck default.
  std::string s = label_for(content().moves[static_cast<size_t>(a.move)], sc, a.move);
  if (a.target >= 0) s += " (" + sc.stakeholders[static_cast<size_t>(a.target)].name + ")";
  return s;
}

// A table on a wide screen; on a phone each row is a block of wrapped lines (five columns would
// not fit). Either way a screen reader gets a table of rows and cells.
// The trainee's notes, each judged, the wrong ones put right kindly: what the line was really about.
static void draw_notes(const Debrief& d) {
  const Session& s = session();
  const Palette& p = palette();
  const Game& g = s.game;
  const Scenario& sc = g.scenario();
  heading("Your notebook");
  begin_container("debrief.notes", Sem::List, "Your notebook");
  if (d.notes.empty()) {
    const std::string none = d.notes_missed > 0 ? "You noted nothing. The buyer voiced " + std::to_string(d.notes_missed) +
                                                      (d.notes_missed == 1 ? " worry" : " worries") + " you could have written down."
                                                : "You noted nothing, and the buyer voiced no worry to note.";
    para(none, p.text_dim);
    track_item("debrief.notes.none", Sem::Text, none);
  }
  for (size_t i = 0; i < d.notes.size(); ++i) {
    const Note& n = d.notes[i].note;
    const NoteResult& r = d.notes[i].result;
    const Reply* line = buyer_line(g, n.line);
    const std::string owner = sc.stakeholders[static_cast<size_t>(n.owner)].name;
    std::string text = "You noted " + (line ? std::string(line->speaker_name) + "'s \"" + line->text + "\"" : std::string("a line")) + " as about " +
                       about_phrase(n.type) + ", " + owner + "'s";
    if (r.right) {
      text += ". Well heard.";
    } else if (r.constraint < 0) {
      text += ". That line held no worry of theirs: it was a reaction to what you said.";
    } else {
      const ConstraintDef& def = sc.pool[static_cast<size_t>(g.state.constraints[static_cast<size_t>(r.constraint)].def)];
      const std::string real_owner = sc.stakeholders[static_cast<size_t>(def.owner)].name;
      if (def.type != n.type) text += std::string("; it was about ") + about_phrase(def.type);
      if (def.owner != n.owner) text += std::string(def.type != n.type ? ", and " : "; ") + "it was " + real_owner + "'s worry";
      text += ".";
    }
    ImGui::TextColored(r.right ? p.good : p.warn, "%s", r.right ? "Right" : "Not quite");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", text.c_str());
    track_item("debrief.note." + std::to_string(i + 1), Sem::ListItem, std::string(r.right ? "Right. " : "Not quite. ") + text);
  }
  if (!d.notes.empty() && d.notes_missed > 0) {
    const std::string missed = "Voiced but not noted: " + std::to_string(d.notes_missed) + (d.notes_missed == 1 ? " worry." : " worries.");
    para(missed, p.text_dim);
    track_item("debrief.notes.missed", Sem::Text, missed);
  }
  end_container();
}

static void draw_constraints(const Debrief& d) {
  const Palette& p = palette();
  heading("The hidden constraints");
  const bool narrow = narrow_layout();
  const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
  const float x0 = ImGui::GetCursorScreenPos().x, x1 = x0 + ImGui::GetContentRegionAvail().x;
  begin_container("debrief.constraints", Sem::Table, "The hidden constraints", x0, x1);
  if (!narrow && ImGui::BeginTable("constraints", 5, tf)) {
    const char* cols[] = {"Constraint", "Held by", "Severity", "Surfaced", "Resolved"};
    ImGui::TableSetupColumn(cols[0], ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(cols[1], ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(cols[2], ImGuiTableColumnFlags_WidthFixed, 80);
    ImGui::TableSetupColumn(cols[3], ImGuiTableColumnFlags_WidthFixed, 90);
    ImGui::TableSetupColumn(cols[4], ImGuiTableColumnFlags_WidthFixed, 90);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    begin_container("debrief.constraints.head", Sem::Row, "", x0, x1);
    for (int c = 0; c < 5; ++c) {
      ImGui::TableSetColumnIndex(c);
      ImGui::TableHeader(cols[c]);
      track_text(Sem::ColumnHeader, cols[c]);
    }
    end_container();
    for (const ConstraintReport& c : d.constraints) {
      ImGui::TableNextRow();
      begin_container(("debrief.constraints." + c.id).c_str(), Sem::Row, "", x0, x1);
      ImGui::TableNextColumn();
      ImGui::TextColored(p.highlight, "%s", describe(c.type));
      ImGui::TextWrapped("%s", c.summary.c_str());
      ImGui::SetCursorScreenPos(ImGui::GetItemRectMin());  // the cell is the name and the summary
      ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, 0));
      track_item(("debrief.constraint." + c.id).c_str(), Sem::Cell, std::string(describe(c.type)) + ": " + c.summary);
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", c.owner_name.c_str());
      track_text(Sem::Cell, c.owner_name);
      ImGui::TableNextColumn();
      const char* sev = c.severity >= 3 ? "high" : c.severity == 2 ? "medium" : "low";
      ImGui::TextUnformatted(sev);
      track_text(Sem::Cell, sev);
      ImGui::TableNextColumn();
      ImGui::TextColored(c.surfaced ? p.good : p.bad, "%s", c.surfaced ? "yes" : "no");
      track_text(Sem::Cell, c.surfaced ? "yes" : "no");
      ImGui::TableNextColumn();
      ImGui::TextColored(c.resolved ? p.good : p.bad, "%s", c.resolved ? "yes" : "no");
      track_text(Sem::Cell, c.resolved ? "yes" : "no");
      end_container();
    }
    ImGui::EndTable();
  } else if (narrow) {
    for (const ConstraintReport& c : d.constraints) {
      begin_container(("debrief.constraints." + c.id).c_str(), Sem::Row, "", x0, x1);
      ImGui::TextColored(p.highlight, "%s", describe(c.type));
      track_item(("debrief.constraint." + c.id).c_str(), Sem::Cell, describe(c.type));
      para(c.summary);
      const char* sev = c.severity >= 3 ? "high" : c.severity == 2 ? "medium" : "low";
      para_dim("Held by " + c.owner_name + ". Severity " + sev + ". Surfaced: " + (c.surfaced ? "yes" : "no") +
               ". Resolved: " + (c.resolved ? "yes" : "no") + ".");
      end_container();
      ImGui::Separator();
    }
  }
  end_container();
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
  track_item("debrief.chart.points", Sem::Img, "Running points, move by move: " + std::to_string(d.timeline.back().total_points) + " at the end");
  ImGui::SameLine();
  ImGui::PlotLines("##trust", trust.data(), static_cast<int>(trust.size()), 0, "trust (0-100)", 0.0f, 100.0f, ImVec2(w, 110));
  track_item("debrief.chart.trust", Sem::Img, "Trust (0-100), move by move: " + std::to_string(d.timeline.back().trust) + " at the end");
}

static void draw_paths(const Debrief& d) {
  Session& s = session();
  const Palette& p = palette();
  const Scenario& sc = s.game.scenario();
  heading("Your path and an expert's, from the same start");
  para_dim("The expert knew the hidden constraints; it scored " + std::to_string(d.expert_score) +
           ". \"Try from here\" replays your game up to that move.");
  // Four columns on a wide screen; on a phone each move is a block (yours, the expert's, the
  // button), still a table of rows and cells for a screen reader.
  const bool narrow = narrow_layout();
  const float x0 = ImGui::GetCursorScreenPos().x, x1 = x0 + ImGui::GetContentRegionAvail().x;
  const size_t n = d.timeline.size() > d.expert.size() ? d.timeline.size() : d.expert.size();
  auto yours = [&](size_t i) {
    const TimelineEntry& t = d.timeline[i];
    verdict_badge(static_cast<int>(t.verdict), t.points, true);
    ImGui::SameLine();
    const std::string label = action_label(sc, s.game.actions[i]);
    ImGui::TextUnformatted(label.c_str());
    track_text(Sem::Cell, std::string("You: ") + verdict_word(t.verdict) + " " + (t.points >= 0 ? "+" : "") + std::to_string(t.points) +
                              ", " + label);
  };
  auto branch = [&](size_t i) {
    begin_container(("debrief.path." + std::to_string(i + 1) + ".try").c_str(), Sem::Cell, "");
    ImGui::PushID(static_cast<int>(i));
    if (tracked_button("Try from here", ("debrief.branch." + std::to_string(i + 1)).c_str())) {
      if (s.mode == Mode::Challenge) s.mode = Mode::Practice;  // a closed round's retries are practice, with no result code
      session_branch(static_cast<int>(i));
      go(Screen::Meeting);
    }
    ImGui::PopID();
    end_container();
  };
  auto expert = [&](size_t i) {
    const std::string label = action_label(sc, d.expert[i]);
    ImGui::TextColored(p.text_dim, "%s%s", narrow ? "Expert: " : "", label.c_str());
    track_text(Sem::Cell, "Expert: " + label);
  };
  begin_container("debrief.paths", Sem::Table, "Your path and an expert's", x0, x1);
  const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!narrow && ImGui::BeginTable("paths", 4, tf)) {
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 30);
    ImGui::TableSetupColumn("You", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 150);
    ImGui::TableSetupColumn("Expert", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < n; ++i) {
      ImGui::TableNextRow();
      begin_container(("debrief.path." + std::to_string(i + 1)).c_str(), Sem::Row, "", x0, x1);
      ImGui::TableNextColumn();
      ImGui::Text("%d", static_cast<int>(i + 1));
      track_text(Sem::Cell, "Move " + std::to_string(i + 1));
      ImGui::TableNextColumn();
      if (i < d.timeline.size()) yours(i);
      ImGui::TableNextColumn();
      if (i < d.timeline.size()) branch(i);
      ImGui::TableNextColumn();
      if (i < d.expert.size()) expert(i);
      end_container();
    }
    ImGui::EndTable();
  } else if (narrow) {
    for (size_t i = 0; i < n; ++i) {
      begin_container(("debrief.path." + std::to_string(i + 1)).c_str(), Sem::Row, "", x0, x1);
      ImGui::Text("Move %d", static_cast<int>(i + 1));
      track_text(Sem::Cell, "Move " + std::to_string(i + 1));
      if (i < d.timeline.size()) yours(i);
      if (i < d.expert.size()) expert(i);
      if (i < d.timeline.size()) branch(i);
      end_container();
      ImGui::Separator();
    }
  }
  end_container();
}

static void draw_lesson_result(const Debrief& d) {
  Session& s = session();
  const Palette& p = palette();
  if (s.mode != Mode::Onboarding || s.lesson < 0) return;
  const Lesson& l = content().lessons[static_cast<size_t>(s.lesson)];
  const LessonCheck check = check_lesson(content(), l, s.game);
  const bool passed = check.passed;
  const std::string verdict = passed ? "Lesson passed: " + std::to_string(l.pass_score) + " points and what the lesson teaches."
                                     : "Not passed yet. Try again, or go back to any move. You need " + std::to_string(l.pass_score) + " points and:";
  ImGui::PushStyleColor(ImGuiCol_Text, passed ? p.good : p.warn);
  ImGui::TextWrapped("%s", verdict.c_str());
  ImGui::PopStyleColor();
  track_item(passed ? "debrief.lesson.passed" : "debrief.lesson.failed", Sem::Status, verdict);
  // The score and each behaviour the lesson asks for, met or not (core decides: check_lesson).
  const std::string pts = std::string(check.score_ok ? "[done] " : "[not yet] ") + std::to_string(d.score.total) + " of " +
                          std::to_string(l.pass_score) + " points";
  ImGui::TextColored(check.score_ok ? p.good : p.warn, "%s", pts.c_str());
  track_item("debrief.lesson.score", Sem::Text, pts);
  for (size_t i = 0; i < check.requirements.size(); ++i) {
    const bool met = check.requirements[i].second;
    const std::string line = std::string(met ? "[done] " : "[not yet] ") + describe(check.requirements[i].first);
    ImGui::PushStyleColor(ImGuiCol_Text, met ? p.good : p.warn);
    ImGui::TextWrapped("%s", line.c_str());
    ImGui::PopStyleColor();
    track_item("debrief.lesson.requirement." + std::string(to_string(check.requirements[i].first)), Sem::Text, line);
  }
  if (passed && s.lesson + 1 < static_cast<int>(content().lessons.size())) {
    same_line_if_fits("Next lesson");
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
  same_line_if_fits("Download transcript (.txt)");
  if (tracked_button("Download transcript (.txt)", "debrief.download.txt"))
    platform::download("buyin-transcript.txt", "text/plain", transcript_text());
  same_line_if_fits("Download JSON");
  if (tracked_button("Download JSON", "debrief.download.json"))
    platform::download("buyin-transcript.json", "application/json", transcript_json());
  same_line_if_fits("xAPI statements");
  if (tracked_button("xAPI statements", "debrief.download.xapi")) platform::export_xapi();
  // Before a challenge's round closes its debrief keeps the secrets and offers no retry: a retry
  // in challenge mode made a fresh result code each time, and the expert's path gave the answer.
  const bool unlocked = debrief_unlocked();
  if (unlocked) {
    same_line_if_fits("Play again");
    if (tracked_button("Play again", "debrief.again")) {
      if (s.mode == Mode::Challenge) s.mode = Mode::Practice;  // after the round: practice, no result code
      session_branch(0);
      go(Screen::Meeting);
    }
  }

  begin_panel("debrief", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
  heading(("Debrief: " + s.game.scenario().title).c_str(), 1);
  ImGui::TextColored(d.ending == Ending::purchase ? p.good : p.warn, "%s", ending_sentence(d.ending));
  track_item(std::string("debrief.ending.") + to_string(d.ending), Sem::Status, ending_sentence(d.ending));
  // Where the deal died is a judgement on the moves, held back with the rest until a challenge closes.
  if (unlocked && d.ready_buyer) {
    ImGui::TextWrapped("This buyer had already done their own work before your first meeting: a ready buyer.");
    track_item("debrief.ready_buyer", Sem::Text, "This buyer had already done their own work before your first meeting: a ready buyer.");
  }
  if (unlocked && !d.turning_why.empty()) {
    ImGui::TextWrapped("%s", d.turning_why.c_str());
    track_item("debrief.turning_point", Sem::Text, d.turning_why);
  }
  draw_lesson_result(d);
  if (s.mode == Mode::Challenge) {
    static std::string code;
    code = challenge_result_code();
    para("Your result code: hand it to your organizer. It holds your moves; the leaderboard replays them.", p.accent);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##result", code.data(), code.size() + 1, ImGuiInputTextFlags_ReadOnly);
    track_item("debrief.result_code", Sem::Textbox, "Your result code", kReadOnly, code);
    if (tracked_button("Copy result code", "debrief.copy_code")) platform::copy_to_clipboard(code);
    same_line_if_fits("Download result code");
    if (tracked_button("Download result code", "debrief.download_code"))
      platform::download("buyin-result-" + (s.progress.settings.player_name.empty() ? std::string("player") : s.progress.settings.player_name) + ".txt",
                         "text/plain", code + "\n");
  }

  ImGui::PushFont(fonts().heading);
  ImGui::TextColored(p.accent, "Score %d", d.score.total);
  ImGui::PopFont();
  track_item("debrief.score", Sem::Heading, "Score " + std::to_string(d.score.total));
  // Label, points and why in three columns; on a phone the why goes under the label.
  {
    const bool narrow = narrow_layout();
    const float x0 = ImGui::GetCursorScreenPos().x, x1 = x0 + ImGui::GetContentRegionAvail().x;
    begin_container("debrief.breakdown", Sem::Table, "Score breakdown", x0, x1);
    for (size_t i = 0; i < d.score.lines.size(); ++i) {
      const ScoreLine& l = d.score.lines[i];
      begin_container(("debrief.breakdown." + std::to_string(i + 1)).c_str(), Sem::Row, "", x0, x1);
      const std::string pts = (l.points >= 0 ? "+" : "") + std::to_string(l.points);
      ImGui::TextUnformatted(l.label.c_str());
      track_text(Sem::Cell, l.label);
      ImGui::SameLine(narrow ? 0.0f : 300.0f, narrow ? 12.0f : -1.0f);
      ImGui::TextColored(l.points >= 0 ? p.good : p.bad, "%s", pts.c_str());
      track_text(Sem::Cell, pts);
      if (!narrow) ImGui::SameLine(370);
      ImGui::TextColored(p.text_dim, "%s", l.detail.c_str());
      track_text(Sem::Cell, l.detail);
      end_container();
    }
    end_container();
  }
  if (!unlocked) {
    static char close[256] = "";
    static std::string msg;
    ImGui::Dummy(ImVec2(0, 6));
    heading("The rest of the debrief opens when the round closes");
    const char* locked = "The hidden constraints, the best and worst moves and the expert's path stay hidden until your organizer "
                         "publishes the close code, so the round stays fair. Enter it here when you have it.";
    ImGui::TextWrapped("%s", locked);
    track_item("debrief.locked", Sem::Text, locked);
    ImGui::SetNextItemWidth(narrow_layout() ? ImGui::GetContentRegionAvail().x : ImGui::GetContentRegionAvail().x - 200);
    ImGui::InputText("##close", close, sizeof close);
    track_item("debrief.close_code", Sem::Textbox, "Close code", 0, close);
    same_line_if_fits("Open the full debrief");
    if (tracked_button("Open the full debrief", "debrief.unlock")) {
      msg = unlock_active_challenge(close);
      if (msg.empty()) close[0] = 0;
    }
    if (!msg.empty()) {
      para(msg, p.bad);
      track_item("debrief.close_error", Sem::Status, msg);
    }
    ImGui::Dummy(ImVec2(0, 6));
    draw_chart(d);
    end_panel();
    return;
  }
  ImGui::Dummy(ImVec2(0, 6));
  draw_notes(d);
  ImGui::Dummy(ImVec2(0, 6));
  draw_constraints(d);
  ImGui::Dummy(ImVec2(0, 6));
  draw_chart(d);
  ImGui::Dummy(ImVec2(0, 6));
  if (!d.timeline.empty()) {
    heading("Best and worst moves");
    if (d.best_move >= 0) {
      const TimelineEntry& b = d.timeline[static_cast<size_t>(d.best_move)];
      const std::string best = "Best, move " + std::to_string(b.index + 1) + ": " + b.label + ".";
      ImGui::TextColored(p.good, "%s", best.c_str());
      ImGui::TextWrapped("%s", b.explanation.c_str());
      track_item("debrief.best", Sem::Text, best + " " + b.explanation);
    } else {
      ImGui::TextWrapped("No move gained points in this game.");
      track_item("debrief.no_best", Sem::Text, "No move gained points in this game.");
    }
    if (d.worst_move >= 0) {
      const TimelineEntry& w = d.timeline[static_cast<size_t>(d.worst_move)];
      const std::string worst = "Worst, move " + std::to_string(w.index + 1) + ": " + w.label + ".";
      ImGui::TextColored(p.bad, "%s", worst.c_str());
      ImGui::TextWrapped("%s", w.explanation.c_str());
      track_item("debrief.worst", Sem::Text, worst + " " + w.explanation);
    } else {
      ImGui::TextColored(p.good, "No move cost you points.");
      track_item("debrief.no_worst", Sem::Text, "No move cost you points.");
    }
  }
  ImGui::Dummy(ImVec2(0, 6));
  draw_paths(d);
  end_panel();
}

}  // namespace buyin::ui
