// Final score: integer components, each explained in the debrief.
#include <algorithm>

#include "core/buyin.hpp"
#include "core/internal.hpp"
#include "core/rules.hpp"

namespace buyin {

// The same sum as final_score below, line by line, without the text (the expert's search scores
// thousands of ended games). A test checks the two agree.
int detail::final_total(const Content& c, const State& st) {
  const Scenario& sc = c.scenarios[static_cast<size_t>(st.scenario)];
  int pts = 0;
  for (const ConstraintState& cs : st.constraints) {
    int sev = sc.pool[static_cast<size_t>(cs.def)].severity;
    if (cs.learned) pts += 8 * sev;
    if (cs.progress >= kResolved) pts += 8 * sev;
  }
  int total = pts;
  total += st.peak_stage * 5 + st.stage * 10;
  int timing = 0;
  if (st.first_pitch_stage >= 5) timing = 25;
  if (st.early_pitches > 0) timing -= std::min(60, 15 * st.early_pitches);
  total += timing;
  total += (mean_trust(st) - 50) / 2;
  int cycle = 0;
  int used = st.meeting + (st.turn > 0 ? 1 : 0);
  if (st.ending == Ending::purchase) cycle = 100 + 100 * (st.meetings_total - used) / (st.meetings_total > 0 ? st.meetings_total : 1);
  else if (st.ending == Ending::disengaged) cycle = -60;
  if (st.vetoes > 0) cycle -= 20 * st.vetoes;
  return total + cycle;
}

FinalScore final_score(const Content& c, const State& st) {
  const Scenario& sc = c.scenarios[static_cast<size_t>(st.scenario)];
  FinalScore fs;
  int learned = 0, resolved = 0, pts = 0;
  for (const ConstraintState& cs : st.constraints) {
    int sev = sc.pool[static_cast<size_t>(cs.def)].severity;
    if (cs.learned) { pts += 8 * sev; ++learned; }
    if (cs.progress >= kResolved) { pts += 8 * sev; ++resolved; }
  }
  fs.lines.push_back({"discovered", "Constraints discovered", pts,
                      std::to_string(learned) + " of " + std::to_string(st.constraints.size()) + " surfaced, " +
                          std::to_string(resolved) + " resolved"});
  fs.lines.push_back({"progress", "Buyer progress", st.peak_stage * 5 + st.stage * 10,
                      "reached S" + std::to_string(st.peak_stage) + ", ended at S" + std::to_string(st.stage)});
  int timing = 0;
  std::string td = "no pitch";
  if (st.first_pitch_stage >= 5) { timing = 25; td = "first pitch at S" + std::to_string(st.first_pitch_stage); }
  if (st.early_pitches > 0) {
    timing -= std::min(60, 15 * st.early_pitches);
    td = std::to_string(st.early_pitches) + " pitch(es) before the buyer was ready";
  }
  fs.lines.push_back({"pitch_timing", "Timing of the pitch", timing, td});
  int t = mean_trust(st);
  fs.lines.push_back({"trust", "Trust", (t - 50) / 2, "mean trust " + std::to_string(t)});
  int cycle = 0;
  std::string cd = "no purchase";
  int used = st.meeting + (st.turn > 0 ? 1 : 0);
  if (st.ending == Ending::purchase) {
    cycle = 100 + 100 * (st.meetings_total - used) / (st.meetings_total > 0 ? st.meetings_total : 1);
    cd = "purchase after " + std::to_string(used) + " of " + std::to_string(st.meetings_total) + " meetings";
  } else if (st.ending == Ending::disengaged) {
    cycle = -60;
    cd = "the buyer disengaged";
  } else if (st.ending == Ending::no_decision) {
    cd = "no decision";
  }
  if (st.vetoes > 0) { cycle -= 20 * st.vetoes; cd += ", " + std::to_string(st.vetoes) + " veto(es)"; }
  fs.lines.push_back({"cycle", "Outcome and cycle length", cycle, cd});
  for (const ScoreLine& l : fs.lines) fs.total += l.points;
  return fs;
}

}  // namespace buyin
