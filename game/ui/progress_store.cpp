#include "ui/progress_store.hpp"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/hash.hpp"
#include "platform/platform.hpp"
#include "ui/challenge.hpp"
#include "ui/screens.hpp"
#include "ui/session.hpp"

namespace buyin::ui {

static const char* kFile = "progress.json";
static std::string g_damaged;

// An LMS may hold lessons passed in an earlier session on another machine: merge them in. The
// content loads after the save, so the ids are checked against it then (progress_content_loaded).
static std::vector<std::string> g_from_lms;
static void merge_lms_resume() {
  const std::string data = platform::lms_resume_data();
  if (data.empty()) return;
  nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  if (!j.is_object() || !j.contains("lessons") || !j["lessons"].is_array()) return;
  auto& passed = session().progress.lessons_passed;
  for (const auto& id : j["lessons"])
    if (id.is_string() && std::find(passed.begin(), passed.end(), id.get<std::string>()) == passed.end()) {
      passed.push_back(id.get<std::string>());
      g_from_lms.push_back(id.get<std::string>());
    }
}

void progress_content_loaded() {
  // A made-up lesson id from the LMS would count as a lesson passed (and could report "passed").
  auto& passed = session().progress.lessons_passed;
  for (const std::string& v : g_from_lms) {
    bool known = false;
    for (const Lesson& l : content().lessons) known |= l.id == v;
    if (known) continue;
    passed.erase(std::remove(passed.begin(), passed.end(), v), passed.end());
    session().save_problems.push_back("The learning system listed a lesson this game does not have (\"" + v + "\"): left out.");
  }
  g_from_lms.clear();
}

void progress_load() {
  Session& s = session();
  std::string text;
  struct Merge { ~Merge() { merge_lms_resume(); } } merge_at_exit;
  const std::string problem = platform::storage_problem();
  if (!problem.empty())
    s.save_problems.push_back("Your saved progress could not be read from this browser's storage (" + problem +
                              "). It is left as it was: nothing is saved while this page is open. Reload to try again.");
  if (!platform::storage_read(kFile, text)) return;  // first visit
  ProgressDecode d = decode_progress(text);
  s.progress = d.progress;
  if (d.damaged) {
    // Keep the original bytes before anything overwrites them.
    g_damaged = text;
    const std::string backup = "progress.backup-" + platform::now_iso8601() + ".json";
    platform::storage_write(backup, text);
    s.save_problems.insert(s.save_problems.end(), d.problems.begin(), d.problems.end());
    s.save_problems.insert(s.save_problems.begin(),
                           "Your saved progress was damaged. What could be read is kept; the original is backed up as " + backup + ".");
  }
}

void progress_save() { platform::storage_write(kFile, encode_progress(session().progress)); }

const std::string& damaged_save() { return g_damaged; }
void dismiss_save_problems() { session().save_problems.clear(); }

void record_finished_game() {
  Session& s = session();
  if (s.recorded || !s.active || !s.game.over()) return;
  s.recorded = true;
  const Debrief& d = session_debrief();
  GameRecord r;
  r.mode = s.mode == Mode::Onboarding ? "onboarding" : s.mode == Mode::Challenge ? "challenge" : "practice";
  r.scenario_id = s.game.config.scenario_id;
  r.seed = s.game.config.seed;
  r.moves = encode_moves(content(), s.game.scenario(), s.game.actions);
  r.notes = encode_notes(s.game.scenario(), s.game.notes);
  r.typed = s.game.config.open_play;  // a sentence was typed (the game turned open), or a typed challenge
  r.content_hash = hex64(content().hash);
  r.ending = to_string(d.ending);
  r.finished_at = platform::now_iso8601();
  if (s.mode == Mode::Challenge) {  // kept so the next attempt's code can name this one
    r.challenge = active_challenge_code();
    r.code = challenge_result_code();
  }
  r.score = d.score.total;
  r.meetings = s.game.state.meeting < s.game.state.meetings_total ? s.game.state.meeting + 1 : s.game.state.meetings_total;
  for (const ScoreLine& l : d.score.lines) {
    if (l.key == "discovered") r.discovered = l.points;
    else if (l.key == "progress") r.progress = l.points;
    else if (l.key == "pitch_timing") r.pitch_timing = l.points;
    else if (l.key == "trust") r.trust = l.points;
    else if (l.key == "cycle") r.cycle = l.points;
    else if (l.key == "listening") r.listening = l.points;
  }
  s.progress.history.push_back(r);
  nlohmann::json summary = {{"mode", r.mode}, {"scenario", r.scenario_id}, {"seed", std::to_string(r.seed)},
                            {"score", r.score}, {"ending", r.ending}, {"moves", r.moves}, {"meetings", r.meetings},
                            {"player", s.progress.settings.player_name}, {"team", s.progress.settings.team}, {"typed", r.typed}};
  if (s.mode == Mode::Onboarding && s.lesson >= 0) {
    const Lesson& l = content().lessons[static_cast<size_t>(s.lesson)];
    auto& passed = s.progress.lessons_passed;
    const bool ok = check_lesson(content(), l, s.game).passed;
    if (ok && std::find(passed.begin(), passed.end(), l.id) == passed.end()) passed.push_back(l.id);
    summary["lesson"] = l.id;
    summary["lesson_index"] = s.lesson;
    summary["lessons_total"] = content().lessons.size();
    summary["pass_score"] = l.pass_score;
    summary["passed"] = ok;
    summary["lessons_passed"] = passed;
  }
  progress_save();
  platform::game_finished(summary.dump());
}

}  // namespace buyin::ui
