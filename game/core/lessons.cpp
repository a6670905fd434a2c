// A lesson's pass condition: the score, and the behaviour the lesson teaches (onboarding.json "requires").
#include <algorithm>

#include "core/buyin.hpp"
#include "core/rules.hpp"

namespace buyin {

namespace {

bool met(const Content& c, Requirement r, const Game& g) {
  const Scenario& sc = g.scenario();
  const State& st = g.state;
  switch (r) {
    case Requirement::no_early_pitch:
      // No pitch, argument, pressure or premature close while the buyer was not ready.
      for (const MoveResult& m : g.results) {
        const Category k = c.moves[static_cast<size_t>(m.action.move)].category;
        const bool pushy = k == Category::pitch || k == Category::rebuttal || k == Category::pressure || k == Category::de_risk;
        if (pushy && (m.verdict == Verdict::pushed || m.verdict == Verdict::harmful)) return false;
      }
      return true;
    case Requirement::recommend_when_ready:
      return st.first_recommend_stage >= 5;
    case Requirement::cost_named:
      return st.peak_stage >= 1 && st.peak_stage > derive_stage(sc, initial_state(c, st.scenario, st.seed, g.config.meeting_limit));
    case Requirement::hints_heard: {
      int learned = 0;
      for (const ConstraintState& cs : st.constraints) learned += cs.learned ? 1 : 0;
      return learned >= std::min<int>(2, static_cast<int>(st.constraints.size()));
    }
    case Requirement::people_brought_in:
      // Everyone outside the room at the start who carries a drawn constraint or a veto was brought in.
      for (size_t i = 0; i < sc.stakeholders.size(); ++i) {
        if (sc.stakeholders[i].engaged || st.people[i].engaged) continue;
        bool matters = sc.stakeholders[i].veto;
        for (const ConstraintState& cs : st.constraints) matters |= sc.pool[static_cast<size_t>(cs.def)].owner == static_cast<int>(i);
        if (matters) return false;
      }
      return true;
    case Requirement::worries_worked_through:
      for (const ConstraintState& cs : st.constraints)
        if (sc.pool[static_cast<size_t>(cs.def)].severity >= 2 && cs.progress < kResolved) return false;
      return true;
  }
  return false;
}

}  // namespace

const Lesson* lesson_for(const Content& c, const std::string& scenario_id) {
  for (const Lesson& l : c.lessons) if (l.scenario == scenario_id) return &l;
  return nullptr;
}

LessonCheck check_lesson(const Content& c, const Lesson& l, const Game& g) {
  LessonCheck out;
  out.score = final_score(c, g.state).total;
  out.score_ok = out.score >= l.pass_score;
  out.passed = out.score_ok;
  for (Requirement r : l.requirements) {
    bool ok = met(c, r, g);
    out.requirements.push_back({r, ok});
    out.passed = out.passed && ok;
  }
  return out;
}

}  // namespace buyin
