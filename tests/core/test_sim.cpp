// Simulation rules, invariants, determinism, replay, golden transcripts.
#include <algorithm>
#include <doctest/doctest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include <set>

#include "core/dialogue.hpp"
#include "core/internal.hpp"
#include "core/rules.hpp"
#include "helpers.hpp"

using namespace buyin;

namespace {

const Content& C() { return th::fixtures(); }
int sid(const char* id) { return C().find_scenario(id); }
const Scenario& S(const State& st) { return C().scenarios[static_cast<size_t>(st.scenario)]; }

// Re-seeds the dealing until `move_id` is in the hand (the seed only drives dice from here on).
bool force_in_hand(State& st, const std::string& move_id) {
  int mi = C().find_move(move_id);
  uint64_t base = st.seed;
  for (uint64_t k = 0; k < 2000; ++k) {
    st.seed = base + k * 7919;
    for (const Card& c : deal_hand(C(), st)) if (c.move == mi) return true;
  }
  return false;
}

MoveResult force_play(State& st, const std::string& move_id, int target = -1) {
  REQUIRE(force_in_hand(st, move_id));
  return apply_move(C(), st, {C().find_move(move_id), target}, true);
}

// A clinic state moved to the given stage by setting the quantities the stage derives from.
// Uses the first seed from `seed` on that draws Priya's tech overlap, so S3 has someone missing.
State clinic_at(int stage, uint64_t seed = 1) {
  State st;
  for (;; ++seed) {
    st = initial_state(C(), sid("fixture_clinic"), seed, 0);
    bool overlap = false;
    for (const ConstraintState& c : st.constraints) overlap |= S(st).pool[static_cast<size_t>(c.def)].owner == 1;
    if (overlap) break;
  }
  const Scenario& sc = S(st);
  if (stage >= 1) st.need = 30;
  if (stage >= 2) { st.need = 50; st.people[3].engaged = true; }
  if (stage >= 3) st.need = 70;
  if (stage >= 4) for (PersonState& p : st.people) p.engaged = true;
  if (stage >= 5) for (ConstraintState& c : st.constraints) { c.awareness = 80; c.progress = 100; c.learned = true; }
  if (stage >= 6) st.needs_stated = 70;
  if (stage >= 7) st.confidence = 70;
  st.stage = derive_stage(sc, st);
  REQUIRE(st.stage == stage);
  return st;
}

void check_invariants(const State& st) {
  const Scenario& sc = S(st);
  CHECK(st.stage == derive_stage(sc, st));
  CHECK(st.stage >= 0);
  CHECK(st.stage <= 7);
  for (int v : {st.need, st.needs_stated, st.confidence, st.commitment}) { CHECK(v >= 0); CHECK(v <= 100); }
  for (const PersonState& p : st.people) { CHECK(p.trust >= 0); CHECK(p.trust <= 100); CHECK(p.openness >= 0); CHECK(p.openness <= 100); }
  for (const ConstraintState& c : st.constraints) { CHECK(c.awareness >= 0); CHECK(c.awareness <= 100); CHECK(c.progress >= 0); CHECK(c.progress <= 100); }
  CHECK(st.meeting <= st.meetings_total);
  CHECK(st.turn < sc.moves_per_meeting);
  if (st.ending == Ending::none) CHECK(st.meeting < st.meetings_total);
}

}  // namespace

TEST_CASE("the category x stage table encodes DESIGN.md section 3") {
  for (int s = 0; s <= 4; ++s) CHECK(category_fit(Category::pitch, s) < 0);
  CHECK(category_fit(Category::pitch, 5) > 0);
  CHECK(category_fit(Category::pitch, 6) > 0);
  for (int s = 0; s <= 7; ++s) CHECK(category_fit(Category::pressure, s) < 0);
  for (int s = 0; s <= 7; ++s) CHECK(category_fit(Category::rebuttal, s) < 0);
  for (int s = 0; s <= 3; ++s) CHECK(category_fit(Category::de_risk, s) < 0);
  CHECK(category_fit(Category::de_risk, 6) > 0);
  CHECK(category_fit(Category::implication, 1) > 0);
  CHECK(category_fit(Category::implication, 6) < 0);
  CHECK(category_fit(Category::need_payoff, 1) == 0);  // too early is unanswerable, not pushy
  CHECK(category_fit(Category::need_payoff, 4) > 0);
  for (int s = 0; s <= 7; ++s) { CHECK(category_fit(Category::facilitative, s) > 0); CHECK(category_fit(Category::listen, s) > 0); }
  CHECK(category_fit(Category::involve_others, 3) >= 2);
  CHECK(repeat_factor(0, 0) == 100);
  CHECK(repeat_factor(1, 0) < repeat_factor(0, 0));
  CHECK(repeat_factor(2, 2) < repeat_factor(1, 1));
}

TEST_CASE("stage is derived from state and each threshold matters") {
  for (int s = 0; s <= 7; ++s) clinic_at(s);
  State st = clinic_at(5);
  st.constraints[0].progress = 10;  // always-drawn budget constraint, severity 3: blocks S4
  CHECK(derive_stage(S(st), st) == 4);
  st = clinic_at(4);
  st.people[0].engaged = false;  // the economic buyer left: back to building the team
  CHECK(derive_stage(S(st), st) == 3);
}

TEST_CASE("constraints are drawn from the pool by the seed") {
  const Scenario& sc = C().scenarios[static_cast<size_t>(sid("fixture_clinic"))];
  std::set<std::vector<int>> draws;
  for (uint64_t seed = 0; seed < 60; ++seed) {
    State st = initial_state(C(), sid("fixture_clinic"), seed, 0);
    CHECK(static_cast<int>(st.constraints.size()) >= sc.draw_min);
    CHECK(static_cast<int>(st.constraints.size()) <= sc.draw_max);
    bool has_always = false;
    std::vector<int> d;
    for (const ConstraintState& c : st.constraints) { has_always |= sc.pool[static_cast<size_t>(c.def)].always; d.push_back(c.def); CHECK_FALSE(c.learned); }
    CHECK(has_always);
    draws.insert(d);
    CHECK(state_hash(st) == state_hash(initial_state(C(), sid("fixture_clinic"), seed, 0)));
  }
  CHECK(draws.size() > 2);
}

TEST_CASE("the hand: size, stage preconditions, deck, shown in a seeded order, deterministic") {
  for (int stage : {0, 3, 6}) {
    State st = clinic_at(stage, 5);
    const Scenario& sc = S(st);
    std::vector<Card> h = deal_hand(C(), st);
    CHECK(static_cast<int>(h.size()) == sc.hand_size);
    for (size_t i = 0; i < h.size(); ++i) {
      const MoveDef& m = C().moves[static_cast<size_t>(h[i].move)];
      CHECK(m.min_stage <= stage);
      CHECK(m.max_stage >= stage);
      CHECK(sc.deck[static_cast<size_t>(h[i].deck_slot)] == h[i].move);
    }
    std::vector<Card> again = deal_hand(C(), st);
    for (size_t i = 0; i < h.size(); ++i) CHECK(again[i].move == h[i].move);
  }
  State late = clinic_at(6);
  for (const Card& c : deal_hand(C(), late)) CHECK(C().moves[static_cast<size_t>(c.move)].id != "how_many_staff");  // max_stage 4
}

TEST_CASE("an early pitch is pushed, not harmful: defences rise, need slips, penalty grows with distance from ready") {
  State s0 = clinic_at(0), s4 = clinic_at(4);
  int t0 = mean_trust(s0), need0 = s0.need;
  MoveResult r0 = force_play(s0, "product_demo");
  MoveResult r4 = force_play(s4, "product_demo");
  CHECK(r0.verdict == Verdict::pushed);
  CHECK(r4.verdict == Verdict::pushed);
  CHECK(mean_trust(s0) < t0);
  CHECK(s0.need < need0);
  CHECK(s0.resistance > s4.resistance);  // the further from ready, the harder the buyer's system pushes back
  CHECK(s4.resistance > 0);
  CHECK(r0.points < r4.points);
  CHECK(r0.points < 0);
  CHECK(r0.explanation.find("You pitched while") == 0);
  CHECK(s0.early_pitches == 1);
  CHECK(s0.ending == Ending::none);
}

TEST_CASE("pushing erodes the need out of sight: the buyer slides back a stage over meetings, politely") {
  State st = clinic_at(4);
  st.need = 64;
  int guard = 0;
  bool retreated = false;
  while (st.ending == Ending::none && guard++ < 12) {
    MoveResult r = force_play(st, "product_demo");
    retreated |= r.stage_after < r.stage_before || st.stage < 4;
    bool put_off = false;
    for (const Reply& rep : r.replies) put_off |= rep.kind == ReplyKind::stall || rep.kind == ReplyKind::objection;
    CHECK(put_off);  // every push is met with a stall or a worry, never with interest
  }
  CHECK(retreated);
  CHECK(st.ending != Ending::disengaged);  // pitching is not disrespect: nobody walks out over it
  CHECK(st.stalls + st.objections >= 12);
}

TEST_CASE("a pitch at S5: tied to the needs the buyer stated it helps; a generic one is only tolerated") {
  State st = clinic_at(5);
  st.needs_stated = 40;
  st.stage = derive_stage(S(st), st);
  REQUIRE(st.stage == 5);
  State generic = st;
  int before = st.confidence;
  MoveResult r = force_play(st, "case_study");  // ties_to_need in the fixture deck
  CHECK(st.confidence > before);
  CHECK(r.verdict == Verdict::facilitated);
  CHECK(r.points > 0);
  MoveResult g = force_play(generic, "product_demo");
  CHECK(g.verdict == Verdict::neutral);
  CHECK(generic.confidence < st.confidence);
  CHECK(g.points <= 0);
  CHECK(g.explanation.find("generic pitch") != std::string::npos);
}

TEST_CASE("implication questions raise felt need early, and scare a buyer at S6") {
  State st = clinic_at(0);
  int need = st.need;
  MoveResult r = force_play(st, "cost_of_waiting");
  CHECK(st.need > need);
  CHECK(r.verdict == Verdict::facilitated);
  State s6 = clinic_at(6);
  s6.confidence = 50;
  MoveResult r6 = force_play(s6, "cost_of_waiting");
  CHECK(r6.verdict == Verdict::pushed);
  CHECK(s6.confidence < 50);
}

TEST_CASE("repetition has diminishing returns") {
  State st = clinic_at(0);
  std::vector<int> gains;
  for (int i = 0; i < 4; ++i) {
    int need = st.need;
    REQUIRE(force_in_hand(st, "cost_of_waiting"));
    if (st.ending != Ending::none) break;
    apply_move(C(), st, {C().find_move("cost_of_waiting"), -1}, false);
    gains.push_back(st.need - need);
  }
  REQUIRE(gains.size() >= 3);
  CHECK(gains[0] > gains[1]);
  CHECK(gains[1] > gains[2]);
}

TEST_CASE("situation questions help sparingly and push when overused in a meeting") {
  State st = clinic_at(1);
  std::vector<Verdict> v;
  for (int i = 0; i < 3 && st.ending == Ending::none; ++i) {
    REQUIRE(force_in_hand(st, "how_many_staff"));
    v.push_back(apply_move(C(), st, {C().find_move("how_many_staff"), -1}, true).verdict);
  }
  REQUIRE(v.size() == 3);
  CHECK(v[0] != Verdict::pushed);
  CHECK(v[2] == Verdict::pushed);  // the third fact question in one meeting is an interrogation
}

TEST_CASE("involve_others brings in a stakeholder only when conditions fit") {
  State st = clinic_at(0);
  MoveResult r = force_play(st, "bring_in_person", 1);
  CHECK_FALSE(st.people[1].engaged);  // S0: nobody sees a reason yet
  CHECK(r.explanation.find("Nobody saw a reason") == 0);
  st = clinic_at(1);
  r = force_play(st, "bring_in_person", 2);
  CHECK_FALSE(st.people[2].engaged);  // nobody joins mid-meeting: the buyer asks them to the next one
  CHECK(st.people[2].invited);
  REQUIRE(r.invited.size() == 1);
  CHECK(r.explanation.find("The buyer will ask Dana Okafor") == 0);
  r = force_play(st, "let_them_think");
  REQUIRE(r.joined.size() == 1);
  CHECK(r.joined[0] == 2);
  CHECK(st.people[2].engaged);
  st = clinic_at(1);
  r = force_play(st, "who_should_be_here");
  CHECK(st.people[3].invited);  // the veto holder comes first
  st = clinic_at(1);
  for (PersonState& p : st.people) p.trust = 20;
  st.stage = derive_stage(S(st), st);
  force_play(st, "bring_in_person", 2);
  CHECK_FALSE(st.people[2].engaged);  // nobody vouches for a seller they do not trust
}

TEST_CASE("targets: non-involve stakeholder moves only at engaged people; illegal moves change nothing") {
  State st = clinic_at(0);
  REQUIRE(force_in_hand(st, "label_the_worry"));
  uint64_t h = state_hash(st);
  MoveResult r = apply_move(C(), st, {C().find_move("label_the_worry"), 2}, true);
  CHECK_FALSE(r.ok);
  CHECK(state_hash(st) == h);
  r = apply_move(C(), st, {C().find_move("label_the_worry"), -1}, true);
  CHECK_FALSE(r.ok);
  r = apply_move(C(), st, {9999, -1}, true);
  CHECK_FALSE(r.ok);
  CHECK(state_hash(st) == h);
}

TEST_CASE("give_space: internal work only on aware constraints with engaged owners, and ends the meeting") {
  State st = clinic_at(4);
  st.turn = 2;
  for (ConstraintState& c : st.constraints) { c.awareness = 0; c.progress = 0; }
  MoveResult r = force_play(st, "let_them_think");
  CHECK(r.meeting_ended);
  CHECK(st.turn == 0);
  CHECK(st.meeting == 1);
  CHECK(r.verdict == Verdict::neutral);
  CHECK(r.points < 0);
  for (const ConstraintState& c : st.constraints) CHECK(c.progress == 0);
  CHECK(r.explanation.find("nothing surfaced") != std::string::npos);

  st = clinic_at(4);
  st.moved_meeting = true;  // something surfaced in this meeting: the pause gives the buyer work to do
  for (ConstraintState& c : st.constraints) { c.awareness = 80; c.progress = 0; }
  int owner0 = S(st).pool[static_cast<size_t>(st.constraints[0].def)].owner;
  for (size_t i = 0; i < st.people.size(); ++i) st.people[i].engaged = static_cast<int>(i) != owner0 ? st.people[i].engaged : true;
  st.people[1].engaged = false;  // Priya out: her constraint cannot move
  r = force_play(st, "let_them_think");
  CHECK(r.verdict == Verdict::facilitated);
  for (const ConstraintState& c : st.constraints) {
    int owner = S(st).pool[static_cast<size_t>(c.def)].owner;
    if (owner == 1) CHECK(c.progress == 0);
    else CHECK(c.progress > 0);
  }
}

TEST_CASE("hints reveal constraints to the trainee; the voiced list shows only learned ones") {
  StartResult sr = start_game(C(), GameConfig{"fixture_clinic", 11, 0});
  REQUIRE(sr.ok);
  Game g = sr.game;
  CHECK(view(g).voiced.empty());
  bool learned = false;
  for (int i = 0; i < 40 && !g.over() && !learned; ++i) {
    MoveResult r = play(g, choose_action(g, Policy::facilitator));
    REQUIRE(r.ok);
    for (int ci : r.learned) {
      learned = true;
      bool hint_reply = false;
      for (const Reply& rep : r.replies) hint_reply |= rep.kind == ReplyKind::hint && rep.constraint == ci;
      CHECK(hint_reply);
      CHECK(g.state.constraints[static_cast<size_t>(ci)].learned);
    }
  }
  CHECK(learned);
  View v = view(g);
  int n = 0;
  for (const ConstraintState& c : g.state.constraints) n += c.learned;
  CHECK(static_cast<int>(v.voiced.size()) == n);
}

TEST_CASE("replies fill {name} and {offering} and come from the scenario's lines") {
  for (uint64_t seed = 0; seed < 20; ++seed) {
    Game g = play_policy(C(), GameConfig{"fixture_clinic", seed, 0}, Policy::random);
    for (const MoveResult& r : g.results) {
      CHECK_FALSE(r.replies.empty());
      CHECK_FALSE(r.explanation.empty());
      CHECK(r.explanation.back() == '.');
      for (const Reply& rep : r.replies) {
        CHECK(rep.text.find('{') == std::string::npos);
        CHECK(rep.speaker >= 0);
      }
    }
  }
  const Scenario& sc = C().scenarios[static_cast<size_t>(sid("fixture_clinic"))];
  Rng rng(1);
  int li = select_line(sc, 0, Category::listen, Verdict::facilitated, 2, rng);
  REQUIRE(li >= 0);
  CHECK(sc.lines[static_cast<size_t>(li)].speaker == 0);  // speaker-specific beats any
  CHECK(sc.lines[static_cast<size_t>(li)].category == static_cast<int>(Category::listen));
  CHECK(fill_text(sc, 0, "{name} likes {offering}") == "Marta Reyes likes SlotWise");
}

TEST_CASE("a veto holder never engaged blocks the deal late; engaged, the purchase goes through") {
  State st = clinic_at(7);
  st.people[3].engaged = false;  // Dr. Park holds the veto
  st.stage = derive_stage(S(st), st);
  REQUIRE(st.stage == 7);
  st.commitment = 95;
  MoveResult r = force_play(st, "ask_for_decision");
  CHECK(st.ending == Ending::none);
  CHECK(st.vetoes == 1);
  CHECK(st.commitment == 0);
  bool veto = false;
  for (const Reply& rep : r.replies) veto |= rep.kind == ReplyKind::veto && rep.speaker == 3;
  CHECK(veto);
  CHECK(r.explanation.find("Dr. Owen Park holds a veto") == 0);

  st = clinic_at(7);
  st.commitment = 95;
  r = force_play(st, "ask_for_decision");
  CHECK(st.ending == Ending::purchase);
  CHECK(r.ending == Ending::purchase);
  FinalScore fs = final_score(C(), st);
  int sum = 0;
  for (const ScoreLine& l : fs.lines) sum += l.points;
  CHECK(sum == fs.total);
}

TEST_CASE("endings: harmful pressure three times walks the buyer out; stalling runs the meetings out") {
  State st = clinic_at(0);
  for (int i = 0; i < 3; ++i) {
    REQUIRE(st.ending == Ending::none);
    MoveResult r = force_play(st, "limited_offer");
    CHECK(r.verdict == Verdict::harmful);
  }
  CHECK(st.ending == Ending::disengaged);
  CHECK(final_score(C(), st).total < 0);
  st = clinic_at(0);
  int guard = 0;
  while (st.ending == Ending::none && guard++ < 200) {
    REQUIRE(force_in_hand(st, "summarize_back"));
    apply_move(C(), st, {C().find_move("summarize_back"), -1}, false);
  }
  CHECK(st.ending == Ending::no_decision);
  CHECK(st.meeting == st.meetings_total);
}

TEST_CASE("a shorter real purchase scores higher") {
  State a = clinic_at(7), b = clinic_at(7);
  a.ending = b.ending = Ending::purchase;
  a.meeting = 2;
  b.meeting = 6;
  CHECK(final_score(C(), a).total > final_score(C(), b).total);
}

TEST_CASE("no single move or category can be spammed to a win") {
  for (const char* id : {"fixture_clinic", "fixture_solo"}) {
    for (int cat = 0; cat < kCategoryCount; ++cat) {
      for (uint64_t seed = 0; seed < 15; ++seed) {
        StartResult sr = start_game(C(), GameConfig{id, seed, 0});
        Game g = sr.game;
        while (!g.over()) {
          View v = view(g);
          Action a = v.hand[0].action;
          for (const CardView& c : v.hand) if (static_cast<int>(c.category) == cat) a = c.action;
          if (a.target < 0 && C().moves[static_cast<size_t>(a.move)].target == TargetKind::stakeholder) a.target = legal_targets(C(), g.state, a.move)[0];
          REQUIRE(play(g, a).ok);
        }
        CHECK(g.state.ending != Ending::purchase);
      }
    }
  }
}

TEST_CASE("invariants hold under long random play, and every game replays to the same hashes") {
  for (const char* id : {"fixture_clinic", "fixture_solo"}) {
    for (uint64_t seed = 100; seed < 260; ++seed) {
      Game g = play_policy(C(), GameConfig{id, seed, seed % 3 == 0 ? 3 : 0}, Policy::random);
      REQUIRE(g.content);
      CHECK(g.over());
      // Re-play step by step, checking invariants, then replay from the record text.
      StartResult sr = start_game(C(), g.config);
      Game h = sr.game;
      check_invariants(h.state);
      std::vector<uint64_t> hashes;
      for (const Action& a : g.actions) {
        REQUIRE(play(h, a).ok);
        check_invariants(h.state);
        hashes.push_back(state_hash(h.state));
      }
      CHECK(state_hash(h.state) == state_hash(g.state));
      std::vector<Action> decoded;
      std::string err;
      REQUIRE(decode_moves(C(), g.scenario(), encode_moves(C(), g.scenario(), g.actions), decoded, err));
      Record rec = record_of(g);
      rec.actions = decoded;
      ReplayResult rr = replay(C(), rec);
      REQUIRE(rr.ok);
      CHECK(state_hash(rr.game.state) == state_hash(g.state));
      CHECK(final_score(C(), rr.game.state).total == final_score(C(), g.state).total);
      for (size_t i = 0; i < g.results.size(); ++i) {
        CHECK(rr.game.results[i].explanation == g.results[i].explanation);
        CHECK(rr.game.results[i].points == g.results[i].points);
      }
      // Once over, nothing more is accepted.
      CHECK_FALSE(play(h, {0, -1}).ok);
    }
  }
}

TEST_CASE("replay refuses foreign content and illegal moves") {
  Game g = play_policy(C(), GameConfig{"fixture_solo", 4, 0}, Policy::facilitator);
  Record rec = record_of(g);
  rec.content_hash ^= 1;
  CHECK_FALSE(replay(C(), rec).ok);
  rec = record_of(g);
  rec.actions.insert(rec.actions.begin(), Action{C().find_move("ask_for_signature"), 5});
  ReplayResult rr = replay(C(), rec);
  CHECK_FALSE(rr.ok);
  CHECK(rr.failed_at == 0);
}

TEST_CASE("debrief: best is the biggest gain, worst the biggest loss, and neither is a 0-point move") {
  for (Policy pol : {Policy::facilitator, Policy::pusher, Policy::random}) {
    for (uint64_t seed = 1; seed <= 40; ++seed) {
      Game g = play_policy(C(), GameConfig{"fixture_clinic", seed, 0}, pol);
      Debrief d = debrief(g, false);
      int hi = 0, lo = 0;
      for (const TimelineEntry& t : d.timeline) { hi = std::max(hi, t.points); lo = std::min(lo, t.points); }
      if (hi > 0) { REQUIRE(d.best_move >= 0); CHECK(d.timeline[static_cast<size_t>(d.best_move)].points == hi); }
      else CHECK(d.best_move == -1);
      if (lo < 0) { REQUIRE(d.worst_move >= 0); CHECK(d.timeline[static_cast<size_t>(d.worst_move)].points == lo); }
      else CHECK(d.worst_move == -1);
    }
  }
}

TEST_CASE("view and debrief expose what the UI needs") {
  Game g = play_policy(C(), GameConfig{"fixture_clinic", 21, 0}, Policy::facilitator);
  Debrief d = debrief(g, true);
  CHECK(d.ending == g.state.ending);
  CHECK(d.constraints.size() == g.state.constraints.size());
  CHECK(d.timeline.size() == g.results.size());
  REQUIRE(d.best_move >= 0);
  CHECK(d.timeline[static_cast<size_t>(d.best_move)].points > 0);
  CHECK_FALSE(d.expert.empty());
  Record rec{C().hash, g.config, d.expert};
  CHECK(replay(C(), rec).ok);
  StartResult sr = start_game(C(), GameConfig{"fixture_clinic", 21, 0});
  View v = view(sr.game);
  CHECK(v.people.size() == 4);
  CHECK(v.meetings_left == 8);
  CHECK_FALSE(v.hand.empty());
  for (const CardView& c : v.hand) CHECK_FALSE(c.targets.empty());
  CHECK_FALSE(start_game(C(), GameConfig{"nope", 1, 0}).ok);
}

TEST_CASE("golden replays: state hash after every move and the final score") {
  std::string dir = th::root() + "/tests/golden";
  std::vector<std::string> names = th::list(dir, ".json");
  REQUIRE_MESSAGE(!names.empty(), "no golden files: run buyin --content tests/core/fixtures golden --out tests/golden");
  for (const std::string& n : names) {
    std::string text;
    REQUIRE(th::read(dir + "/" + n, text));
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    StartResult sr = start_game(C(), GameConfig{j["scenario"].get<std::string>(), j["seed"].get<uint64_t>(), 0});
    REQUIRE(sr.ok);
    Game g = sr.game;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(state_hash(g.state)));
    CHECK(j["initial_hash"].get<std::string>() == buf);
    std::vector<Action> acts;
    std::string err;
    REQUIRE(decode_moves(C(), g.scenario(), j["moves"].get<std::string>(), acts, err));
    REQUIRE(acts.size() == j["hashes"].size());
    for (size_t i = 0; i < acts.size(); ++i) {
      MoveResult r = play(g, acts[i]);
      REQUIRE(r.ok);
      std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(state_hash(g.state)));
      INFO(n << " move " << i);
      CHECK(j["hashes"][i].get<std::string>() == buf);
      CHECK(j["points"][i].get<int>() == r.points);
    }
    CHECK(j["score"].get<int>() == final_score(C(), g.state).total);
    CHECK(j["ending"].get<std::string>() == to_string(g.state.ending));
  }
}

TEST_CASE("the loader's derived tables change nothing: same hands, lines and games without them") {
  // Dealing and line choice read tables index_content builds; without them they scan the content.
  Content plain = C();
  for (Scenario& sc : plain.scenarios) {
    sc.deal_indexed = false;
    sc.lines_indexed = sc.lines.size() + 1;
  }
  for (const Scenario& sc : C().scenarios) {
    for (uint64_t seed = 0; seed < 12; ++seed) {
      for (Policy p : {Policy::random, Policy::facilitator, Policy::pusher}) {
        Game a = play_policy(C(), GameConfig{sc.id, seed, 0}, p);
        Game b = play_policy(plain, GameConfig{sc.id, seed, 0}, p);
        REQUIRE(a.results.size() == b.results.size());
        CHECK(state_hash(a.state) == state_hash(b.state));
        for (size_t i = 0; i < a.results.size(); ++i) {
          CHECK(a.results[i].explanation == b.results[i].explanation);
          REQUIRE(a.results[i].replies.size() == b.results[i].replies.size());
          for (size_t k = 0; k < a.results[i].replies.size(); ++k) CHECK(a.results[i].replies[k].text == b.results[i].replies[k].text);
        }
        State st = initial_state(C(), C().find_scenario(sc.id), seed, 0);
        for (const MoveResult& r : a.results) {
          std::vector<Card> ha = deal_hand(C(), st), hb = deal_hand(plain, st);
          REQUIRE(ha.size() == hb.size());
          for (size_t k = 0; k < ha.size(); ++k) CHECK((ha[k].move == hb[k].move && ha[k].deck_slot == hb[k].deck_slot));
          apply_move(C(), st, r.action, false);
        }
      }
    }
  }
}

TEST_CASE("the expert's text-free score equals the final score's total") {
  for (const Scenario& sc : C().scenarios)
    for (uint64_t seed = 0; seed < 20; ++seed)
      for (int p = 0; p < kPolicyCount; ++p) {
        Game g = play_policy(C(), GameConfig{sc.id, seed, seed % 3 == 2 ? 3 : 0}, static_cast<Policy>(p), false);
        CHECK(detail::final_total(C(), g.state) == final_score(C(), g.state).total);
      }
}
