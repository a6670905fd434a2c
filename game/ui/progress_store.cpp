#include "ui/progress_store.hpp"

#include <algorithm>

#include "platform/platform.hpp"
#include "ui/screens.hpp"
#include "ui/session.hpp"

namespace buyin::ui {

static const char* kFile = "progress.json";
static std::string g_damaged;

void progress_load() {
  Session& s = session();
  std::string text;
  if (!platform::storage_read(kFile, text)) return;  // first visit
  ProgressDecode d = decode_progress(text);
  s.progress = d.progress;
  if (d.damaged) {
    // Keep the original bytes before anything overwrites them.
    g_damaged = text;
    const std::string backup = "progress.backup-" + platform::now_iso8601() + ".json";
    platform::storage_write(backup, text);
    s.save_problems = d.problems;
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
  char hash[17];
  snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(content().hash));
  r.content_hash = hash;
  r.ending = to_string(d.ending);
  r.finished_at = platform::now_iso8601();
  r.score = d.score.total;
  r.meetings = s.game.state.meeting < s.game.state.meetings_total ? s.game.state.meeting + 1 : s.game.state.meetings_total;
  for (const ScoreLine& l : d.score.lines) {
    if (l.key == "discovered") r.discovered = l.points;
    else if (l.key == "progress") r.progress = l.points;
    else if (l.key == "pitch_timing") r.pitch_timing = l.points;
    else if (l.key == "trust") r.trust = l.points;
    else if (l.key == "cycle") r.cycle = l.points;
  }
  s.progress.history.push_back(r);
  if (s.mode == Mode::Onboarding && s.lesson >= 0) {
    const Lesson& l = content().lessons[static_cast<size_t>(s.lesson)];
    auto& passed = s.progress.lessons_passed;
    if (d.score.total >= l.pass_score && std::find(passed.begin(), passed.end(), l.id) == passed.end()) passed.push_back(l.id);
  }
  progress_save();
}

}  // namespace buyin::ui
