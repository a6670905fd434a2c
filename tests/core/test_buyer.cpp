// The buyer model as a Buying Facilitation trainer would sign it: each case spells out a situation
// and the verdict or reaction a real buyer gives. Rules live in game/core/sim.cpp and rules.cpp.
#include <doctest/doctest.h>

#include "core/internal.hpp"
#include "core/rules.hpp"
#include "helpers.hpp"

using namespace buyin;

namespace {

const Content& C() { return th::fixtures(); }
int sid(const char* id) { return C().find_scenario(id); }
const Scenario& S(const State& st) { return C().scenarios[static_cast<size_t>(st.scenario)]; }

// Moves whose card is not in the hand are dealt by re-seeding (the seed only drives dice from here on).
bool deal(const Content& c, State& st, const std::string& move_id) {
  int mi = c.find_move(move_id);
  uint64_t base = st.seed;
  for (uint64_t k = 0; k < 3000; ++k) {
    st.seed = base + k * 7919;
    for (const Card& card : deal_hand(c, st)) if (card.move == mi) return true;
  }
  return false;
}
MoveResult say(State& st, const std::string& move_id, int target = -1, const Content& c = C()) {
  REQUIRE(deal(c, st, move_id));
  return apply_move(c, st, {c.find_move(move_id), target}, true);
}

// The clinic with everyone in the room, moved to a stage by setting what the stage derives from.
State clinic(int stage) {
  State st = initial_state(C(), sid("fixture_clinic"), 1, 0);
  for (PersonState& p : st.people) p.engaged = true;
  st.need = stage >= 3 ? 70 : stage == 2 ? 50 : stage == 1 ? 30 : 10;
  if (stage >= 5) for (ConstraintState& c : st.constraints) { c.awareness = 80; c.progress = 100; c.learned = true; c.aware_since = 0; }
  if (stage == 4) for (ConstraintState& c : st.constraints) { c.awareness = 10; c.progress = 0; }
  if (stage >= 6) st.needs_stated = 70;
  if (stage >= 7) st.confidence = 70;
  if (stage == 3) st.people[0].engaged = false;  // the economic buyer is not in yet: still building the team
  st.stage = st.peak_stage = derive_stage(S(st), st);
  REQUIRE(st.stage == stage);
  return st;
}

bool pushy(Verdict v) { return v == Verdict::pushed || v == Verdict::harmful; }

}  // namespace

TEST_CASE("pressure (urgency, discounts, a signature pushed for) is never neutral or better, at any stage, S7 included") {
  for (int stage = 0; stage <= 7; ++stage) {
    for (const char* move : {"limited_offer", "ask_for_signature"}) {
      State st = clinic(stage);
      MoveResult r = say(st, move);
      INFO("S" << stage << " " << move);
      CHECK(pushy(r.verdict));
      CHECK(r.points < 0);
    }
  }
}

TEST_CASE("a ready buyer (S7) may still sign after pressure, but the move is judged pushed and costs trust") {
  State st = clinic(7);
  st.commitment = 90;
  int trust = mean_trust(st);
  MoveResult r = say(st, "ask_for_signature");
  CHECK(r.verdict == Verdict::pushed);
  CHECK(mean_trust(st) < trust);
}

TEST_CASE("an early need-payoff question is neutral, not pushed: the buyer simply cannot answer it yet") {
  for (int stage = 0; stage <= 2; ++stage) {
    State st = clinic(stage);
    MoveResult r = say(st, "what_would_it_give");
    CHECK(r.verdict == Verdict::neutral);
    CHECK(st.needs_stated == 0);
    CHECK(r.explanation.find("too early") != std::string::npos);
  }
  State st = clinic(5);
  MoveResult r = say(st, "what_would_it_give");
  CHECK(r.verdict == Verdict::facilitated);
  CHECK(st.needs_stated > 0);
}

TEST_CASE("summarizing what you heard before the buyer has said anything is neutral") {
  State st = clinic(1);
  REQUIRE(st.spoke == 0);
  MoveResult r = say(st, "summarize_back");
  CHECK(r.verdict == Verdict::neutral);
  CHECK(r.points <= 0);
  CHECK(r.explanation.find("nothing yet to play back") != std::string::npos);
  // Once the buyer has said something of substance, the same move helps.
  st = clinic(1);
  st.spoke = 2;
  st.people[0].trust = 40;
  r = say(st, "summarize_back");
  CHECK(r.verdict == Verdict::facilitated);
}

TEST_CASE("overuse is judged per meeting for every question category, facilitative included") {
  State st = clinic(1);
  std::vector<Verdict> v;
  for (int i = 0; i < 4; ++i) v.push_back(say(st, i % 2 ? "who_else_affected" : "what_would_it_cost").verdict);
  CHECK(v[3] == Verdict::neutral);  // the fourth facilitative question in one meeting (of four moves)
  REQUIRE(st.meeting == 1);
  MoveResult r = say(st, "what_tools_now");
  CHECK(r.verdict != Verdict::neutral);  // a new meeting, a fresh ear
}

TEST_CASE("give space counts only when something surfaced or moved in that meeting") {
  State st = clinic(4);
  st.constraints[0].awareness = 80;
  st.constraints[0].aware_since = 0;
  REQUIRE_FALSE(st.moved_meeting);
  MoveResult r = say(st, "let_them_think");
  CHECK(r.verdict == Verdict::neutral);
  CHECK(r.points < 0);
  st = clinic(4);
  st.constraints[0].awareness = 80;
  st.constraints[0].aware_since = 0;
  MoveResult q = say(st, "what_would_it_cost");  // budget: something surfaces or moves
  REQUIRE(st.moved_meeting);
  (void)q;
  r = say(st, "let_them_think");
  CHECK(r.verdict == Verdict::facilitated);
}

TEST_CASE("the buyer works between every pair of meetings; a pause after something surfaced lets them do much more") {
  auto after_meeting = [](bool pause) {
    State st = clinic(4);
    st.constraints[0].awareness = 80;
    st.constraints[0].aware_since = 0;
    st.moved_meeting = true;
    if (pause) {
      say(st, "let_them_think");
    } else {
      while (st.meeting == 0) { st.spoke = 1; say(st, "summarize_back"); }
    }
    return st.constraints[0].progress;
  };
  const int plain = after_meeting(false), paused = after_meeting(true);
  CHECK(plain > 0);
  CHECK(paused > plain);
}

TEST_CASE("a move is judged against what the buyer just said: answering a voiced worry beats the same move out of the blue") {
  // Marta has just voiced her budget worry (an objection); the budget question answers it.
  State answer = clinic(4);
  answer.constraints[0].awareness = 60;
  answer.constraints[0].learned = true;
  answer.constraints[0].aware_since = 0;
  State blue = answer;
  answer.said = Said::objection;
  answer.said_constraint = 0;
  answer.said_speaker = S(answer).pool[static_cast<size_t>(answer.constraints[0].def)].owner;
  MoveResult a = say(answer, "what_would_it_cost");
  MoveResult b = say(blue, "what_would_it_cost");
  CHECK(a.answered);
  CHECK_FALSE(b.answered);
  CHECK(a.points > b.points);
  CHECK(answer.constraints[0].progress > blue.constraints[0].progress);
  CHECK(a.explanation.find("took up") != std::string::npos);
  // Moving past it costs: trust of the person who voiced it falls, and the verdict is no better than neutral.
  State ignored = clinic(4);
  ignored.said = Said::objection;
  ignored.said_constraint = 0;
  ignored.said_speaker = 0;
  int t0 = ignored.people[0].trust;
  MoveResult c = say(ignored, "what_tools_now");
  CHECK(c.ignored);
  CHECK(c.verdict != Verdict::facilitated);
  CHECK(ignored.people[0].trust < t0 + 2);
  CHECK(c.explanation.find("moved past") != std::string::npos);
}

TEST_CASE("no free lunch: one move resolves at most one constraint") {
  State st = clinic(4);
  for (ConstraintState& c : st.constraints) { c.awareness = 90; c.progress = 95; c.aware_since = 0; }
  st.meeting = 3;
  st.moved_meeting = true;
  MoveResult r = say(st, "let_them_think");
  CHECK(r.resolved.size() <= 1);
  int resolved = 0;
  for (const ConstraintState& c : st.constraints) resolved += c.progress >= kResolved;
  CHECK(resolved == 1);
}

TEST_CASE("no free lunch: a blocking constraint needs meetings of internal work after the buyer becomes aware") {
  State st = clinic(4);
  ConstraintState& budget = st.constraints[0];  // severity 3: two meetings by default
  REQUIRE(S(st).pool[static_cast<size_t>(budget.def)].takes_meetings == 2);
  budget.awareness = 90;
  budget.aware_since = st.meeting;
  budget.progress = 90;
  st.moved_meeting = true;
  say(st, "let_them_think");
  CHECK(st.constraints[0].progress < kResolved);  // one meeting in: not yet, however hard they work
  st.moved_meeting = true;
  say(st, "let_them_think");
  CHECK(st.constraints[0].progress >= kResolved);
}

TEST_CASE("bringing people in: never mid-meeting, and gated by stage and by who can reach them") {
  Content c = C();
  Scenario& sc = c.scenarios[static_cast<size_t>(c.find_scenario("fixture_clinic"))];
  sc.stakeholders[3].joins_from_stage = 4;  // the executive sponsor only once the change is costed
  sc.stakeholders[1].through = 2;           // Priya only through Dana
  State st = initial_state(c, c.find_scenario("fixture_clinic"), 1, 0);
  st.need = 50;
  st.people[2].engaged = false;
  st.stage = derive_stage(sc, st);
  REQUIRE(st.stage >= 1);
  MoveResult r = say(st, "bring_in_person", 3, c);
  CHECK_FALSE(st.people[3].invited);
  CHECK(r.explanation.find("does not see a reason to bring that person in yet") != std::string::npos);
  r = say(st, "bring_in_person", 1, c);
  CHECK_FALSE(st.people[1].invited);
  CHECK(r.explanation.find("is reached through Dana Okafor") != std::string::npos);
  st.people[2].engaged = true;
  st.people[2].trust = 60;
  r = say(st, "bring_in_person", 1, c);
  CHECK(st.people[1].invited);
  CHECK_FALSE(st.people[1].engaged);
}

TEST_CASE("a veto holder in the room is not enough: their own worry resolved, or trust high enough") {
  Content c = C();
  Scenario& sc = c.scenarios[static_cast<size_t>(c.find_scenario("fixture_clinic"))];
  sc.pool[3].owner = 3;  // Dr. Park, the veto holder, now carries the personal-risk worry (severity 1)
  sc.pool[3].always = true;
  State st = initial_state(c, c.find_scenario("fixture_clinic"), 1, 0);
  for (PersonState& p : st.people) { p.engaged = true; p.trust = 50; }
  st.need = 70;
  st.needs_stated = 70;
  st.confidence = 70;
  int park = -1;
  for (size_t i = 0; i < st.constraints.size(); ++i) {
    st.constraints[i].awareness = 80;
    st.constraints[i].aware_since = 0;
    bool parks = sc.pool[static_cast<size_t>(st.constraints[i].def)].owner == 3;
    st.constraints[i].progress = parks ? 0 : 100;  // severity 1 and known: it does not block S4, only the veto
    if (parks) park = static_cast<int>(i);
  }
  REQUIRE(park >= 0);
  st.stage = derive_stage(sc, st);
  REQUIRE(st.stage == 7);
  st.commitment = 95;
  State trusting = st;
  say(st, "ask_for_decision", -1, c);
  CHECK(st.ending == Ending::none);
  CHECK(st.vetoes == 1);
  trusting.people[3].trust = kVetoTrust;
  say(trusting, "ask_for_decision", -1, c);
  CHECK(trusting.ending == Ending::purchase);
}

TEST_CASE("early pitching is met politely, with stalls and worries, and the usual end is no decision") {
  int no_decision = 0, disengaged = 0, stalls = 0, proposals = 0;
  for (uint64_t seed = 0; seed < 60; ++seed) {
    Game g = play_policy(C(), GameConfig{"fixture_clinic", seed, 0}, Policy::classic);
    no_decision += g.state.ending == Ending::no_decision;
    disengaged += g.state.ending == Ending::disengaged;
    stalls += g.state.stalls;
    proposals += g.state.proposals;
    for (const MoveResult& r : g.results)
      if (r.verdict == Verdict::pushed && r.ending == Ending::none) {
        bool polite = false;
        for (const Reply& rep : r.replies) polite |= rep.kind == ReplyKind::stall || rep.kind == ReplyKind::objection || rep.kind == ReplyKind::reaction;
        CHECK(polite);
      }
  }
  CHECK(no_decision > disengaged);
  CHECK(no_decision >= 30);
  CHECK(stalls > 0);
  CHECK(proposals > 0);  // "send us a proposal": apparent progress that is not progress
}

TEST_CASE("a stall answered with help is an opening; answered with more pitching it is ignored") {
  State st = clinic(2);
  st.said = Said::stall;
  State pitched = st;
  MoveResult a = say(st, "who_else_affected");
  CHECK(a.answered);
  MoveResult b = say(pitched, "product_demo");
  CHECK(b.ignored);
  CHECK(b.points < a.points);
}

TEST_CASE("ready buyers: a scenario can start further along, and an old file plays as before") {
  Content c = C();
  Scenario& sc = c.scenarios[static_cast<size_t>(c.find_scenario("fixture_clinic"))];
  CHECK(sc.start_stage == 0);  // the fixture sets none of the new fields
  CHECK(sc.ready_share == 10);
  sc.ready_share = 0;
  State plain = initial_state(c, c.find_scenario("fixture_clinic"), 3, 0);
  CHECK(plain.stage == 0);
  CHECK_FALSE(plain.ready);
  sc.start_stage = 5;
  sc.need = 80;  // a buyer who did their work feels the need
  State ready = initial_state(c, c.find_scenario("fixture_clinic"), 3, 0);
  CHECK(ready.stage == 5);
  for (const ConstraintState& cs : ready.constraints) { CHECK(cs.progress == kResolved); CHECK(cs.done_before); CHECK_FALSE(cs.learned); }
  // The buyer's own work earns the seller nothing: a ready buyer left alone scores no progress.
  FinalScore fs = final_score(c, ready);
  for (const ScoreLine& l : fs.lines) if (l.key == "discovered" || l.key == "progress") CHECK(l.points == 0);
  // A conventional seller wins a fair share of ready buyers.
  int bought = 0;
  index_content(c);
  for (uint64_t seed = 0; seed < 100; ++seed) bought += run_policy(c, "fixture_clinic", Policy::classic, seed, 1).purchases;
  CHECK(bought >= 40);
  sc.start_stage = 0;
  sc.ready_share = 100;  // every draw a ready buyer
  CHECK(initial_state(c, c.find_scenario("fixture_clinic"), 3, 0).ready);
}

TEST_CASE("the expert models good practice: its path holds no pushed or harmful verdict") {
  for (const Scenario& sc : C().scenarios)
    for (uint64_t seed = 0; seed < 15; ++seed) {
      Game g = play_policy(C(), GameConfig{sc.id, seed, 0}, Policy::expert);
      for (const MoveResult& r : g.results) { INFO(sc.id << " seed " << seed << " " << r.move_id); CHECK_FALSE(pushy(r.verdict)); }
    }
}

TEST_CASE("the debrief names the moment the deal died, in plain words") {
  bool pushed_case = false, quiet_case = false;
  for (uint64_t seed = 0; seed < 40 && !(pushed_case && quiet_case); ++seed) {
    Game p = play_policy(C(), GameConfig{"fixture_clinic", seed, 0}, Policy::pusher);
    Debrief d = debrief(p, false);
    if (p.state.ending == Ending::no_decision || p.state.ending == Ending::disengaged) {
      REQUIRE(d.turning_point >= 0);
      CHECK(pushy(d.timeline[static_cast<size_t>(d.turning_point)].verdict));
      CHECK(d.turning_why.find("The deal died in meeting") == 0);
      pushed_case = true;
    }
    Game f = play_policy(C(), GameConfig{"fixture_clinic", seed, 0}, Policy::facilitator);
    Debrief e = debrief(f, false);
    bool any_push = false;
    for (const MoveResult& r : f.results) any_push |= pushy(r.verdict);
    if (f.state.ending == Ending::no_decision && !any_push) {
      CHECK(e.turning_point == -1);
      CHECK(e.turning_why.find("Nothing you did pushed the buyer back") == 0);
      quiet_case = true;
    }
    if (f.state.ending == Ending::purchase) CHECK(e.turning_why.empty());
  }
  CHECK(pushed_case);
  CHECK(quiet_case);
}

TEST_CASE("lessons require their behaviour, not just a score") {
  const Content* c = th::shipped();
  if (!c) { MESSAGE("shipped content missing; lesson checks skipped"); return; }
  for (const Lesson& l : c->lessons) {
    CHECK_FALSE(l.requirements.empty());
    int fac = 0, push = 0;
    for (uint64_t seed = 1; seed <= 40; ++seed) {
      Game f = play_policy(*c, GameConfig{l.scenario, seed, 0}, Policy::facilitator);
      LessonCheck fc = check_lesson(*c, l, f);
      fac += fc.passed;
      if (fc.passed) for (const auto& rq : fc.requirements) CHECK(rq.second);
      push += check_lesson(*c, l, play_policy(*c, GameConfig{l.scenario, seed, 0}, Policy::pusher)).passed;
    }
    INFO(l.id << ": facilitator passed " << fac << " of 40, pusher " << push);
    CHECK(fac >= 20);
    CHECK(push == 0);
  }
  // The timing lesson: the same good game with one early pitch in front of it fails on behaviour.
  const Lesson* timing = nullptr;
  for (const Lesson& l : c->lessons)
    for (Requirement r : l.requirements) if (r == Requirement::no_early_pitch) timing = &l;
  REQUIRE(timing);
  for (uint64_t seed = 1; seed <= 30; ++seed) {
    StartResult sr = start_game(*c, GameConfig{timing->scenario, seed, 0});
    Game g = sr.game;
    bool pitched = false;
    for (const CardView& card : view(g).hand)
      if (!pitched && (card.category == Category::pitch || card.category == Category::pressure) && card.target_kind == TargetKind::none)
        pitched = play(g, card.action).ok;
    if (!pitched) continue;
    while (!g.over()) REQUIRE(play(g, choose_action(g, Policy::facilitator)).ok);
    LessonCheck lc = check_lesson(*c, *timing, g);
    CHECK_FALSE(lc.passed);
    for (const auto& rq : lc.requirements) if (rq.first == Requirement::no_early_pitch) CHECK_FALSE(rq.second);
  }
}

TEST_CASE("a rise in felt need is explained by what the buyer did, which depends on the kind of question") {
  // A fact-finding question does not make the buyer "put a cost on staying put": that is what an
  // implication question does. 200 random games on the shipped content.
  const Content* c = th::shipped();
  REQUIRE(c);
  int by_kind[kCategoryCount] = {};
  for (int gi = 0; gi < 200; ++gi) {
    const Scenario& sc = c->scenarios[static_cast<size_t>(gi) % c->scenarios.size()];
    const Game g = play_policy(*c, GameConfig{sc.id, 9100 + static_cast<uint64_t>(gi), 0}, Policy::random, true);
    for (const MoveResult& r : g.results) {
      INFO(sc.id << " " << r.move_id << ": " << r.explanation);
      const bool cost = r.explanation.find("put a cost on staying put") != std::string::npos;
      const bool today = r.explanation.find("Describing how it runs today") != std::string::npos;
      const bool own = r.explanation.find("Thinking it through in their own terms") != std::string::npos;
      if (cost) CHECK(r.category == Category::implication);
      if (today) CHECK(r.category == Category::situation);
      if (own) CHECK(r.category == Category::facilitative);
      if (cost || today || own) ++by_kind[static_cast<int>(r.category)];
    }
  }
  CHECK(by_kind[static_cast<int>(Category::situation)] > 0);
  CHECK(by_kind[static_cast<int>(Category::facilitative)] > 0);
}
