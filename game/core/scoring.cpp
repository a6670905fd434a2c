// Final score: integer components, each explained in the debrief.
#include <algorithm>

#include "core/buyin.hpp"
#include "core/internal.hpp"
#include "core/rules.hpp"

namespace buyin {

namespace {

// The final score's numbers, computed in one place for final_score (which adds the text) and
// final_total (the expert's search scores thousands of ended games and needs only the sum).
struct Parts {
  int discovered = 0, learned = 0, resolved = 0;  // points; constraints surfaced; resolved
  int progress = 0, timing = 0, trust = 0, mean_trust = 0, cycle = 0, used = 0;  // used: meetings
  int listening = 0;  // the trainee's notebook (notes.cpp)
  int total() const { return discovered + progress + timing + trust + cycle + listening; }
};

Parts parts_of(const Content& c, const State& st) {
  const Scenario& sc = c.scenarios[static_cast<size_t>(st.scenario)];
  Parts p;
  for (const ConstraintState& cs : st.constraints) {
    int sev = sc.pool[static_cast<size_t>(cs.def)].severity;
    if (cs.learned) { p.discovered += 8 * sev; ++p.learned; }
    if (cs.progress >= kResolved && !cs.done_before) { p.discovered += 8 * sev; ++p.resolved; }
  }
  // Progress from where the buyer stood at the first meeting: a ready buyer's own work earns nothing.
  p.progress = (st.peak_stage - st.start_stage) * 5 + (st.stage - st.start_stage) * 10;
  if (st.first_pitch_stage >= 5) p.timing = 25;
  if (st.early_pitches > 0) p.timing -= std::min(60, 15 * st.early_pitches);
  p.mean_trust = mean_trust(st);
  p.trust = (p.mean_trust - 50) / 2;
  p.used = st.meeting + (st.turn > 0 ? 1 : 0);
  // The outcome outweighs the work on the way: a deal that ends in no decision lost the seller every
  // meeting spent on it, however good the questions were.
  if (st.ending == Ending::purchase) p.cycle = 150 + 100 * (st.meetings_total - p.used) / (st.meetings_total > 0 ? st.meetings_total : 1);
  else if (st.ending == Ending::no_decision) p.cycle = -30;
  else if (st.ending == Ending::disengaged) p.cycle = -60;
  if (st.vetoes > 0) p.cycle -= 20 * st.vetoes;
  p.listening = listening_points(st);
  return p;
}

}  // namespace

int detail::final_total(const Content& c, const State& st) { return parts_of(c, st).total(); }

FinalScore final_score(const Content& c, const State& st) {
  const Parts n = parts_of(c, st);
  FinalScore fs;
  fs.lines.push_back({"discovered", "Constraints discovered", n.discovered,
                      std::to_string(n.learned) + " of " + std::to_string(st.constraints.size()) + " surfaced, " +
                          std::to_string(n.resolved) + " resolved"});
  // Only when the notebook counts: a challenge that leaves it out shows the score it always did.
  if (st.notebook) {
    int right = 0;
    for (uint64_t x = st.noted; x; x &= x - 1) ++right;
    std::string ld = std::to_string(right) + (right == 1 ? " worry" : " worries") + " noted right";
    if (st.wrong_notes > 0) ld += ", " + std::to_string(st.wrong_notes) + " note" + (st.wrong_notes == 1 ? "" : "s") + " off the mark";
    fs.lines.push_back({"listening", "Listening", n.listening, ld});
  }
  fs.lines.push_back({"progress", "Buyer progress", n.progress,
                      "reached S" + std::to_string(st.peak_stage) + ", ended at S" + std::to_string(st.stage)});
  std::string td = "no pitch";
  if (st.first_pitch_stage >= 5) td = "first pitch at S" + std::to_string(st.first_pitch_stage);
  if (st.early_pitches > 0) td = std::to_string(st.early_pitches) + " pitch(es) before the buyer was ready";
  fs.lines.push_back({"pitch_timing", "Timing of the pitch", n.timing, td});
  fs.lines.push_back({"trust", "Trust", n.trust, "mean trust " + std::to_string(n.mean_trust)});
  std::string cd = "no purchase";
  if (st.ending == Ending::purchase) cd = "purchase after " + std::to_string(n.used) + " of " + std::to_string(st.meetings_total) + " meetings";
  else if (st.ending == Ending::disengaged) cd = "the buyer disengaged";
  else if (st.ending == Ending::no_decision) cd = "no decision";
  if (st.vetoes > 0) cd += ", " + std::to_string(st.vetoes) + " veto(es)";
  fs.lines.push_back({"cycle", "Outcome and cycle length", n.cycle, cd});
  for (const ScoreLine& l : fs.lines) fs.total += l.points;
  return fs;
}

}  // namespace buyin
