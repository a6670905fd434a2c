// The move loop: effects by category and stage, repetition decay, meetings, endings, replies.
#include "core/sim.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>

#include "core/dialogue.hpp"
#include "core/hash.hpp"
#include "core/internal.hpp"
#include "core/rng.hpp"
#include "core/rules.hpp"

namespace buyin {

const char* to_string(Ending e) {
  switch (e) {
    case Ending::none: return "none";
    case Ending::purchase: return "purchase";
    case Ending::no_decision: return "no_decision";
    case Ending::disengaged: return "disengaged";
  }
  return "none";
}

namespace {
int clamp100(int v) { return v < 0 ? 0 : (v > 100 ? 100 : v); }
const Scenario& scen(const Content& c, const State& st) {
  assert(st.scenario >= 0 && st.scenario < static_cast<int>(c.scenarios.size()));
  return c.scenarios[static_cast<size_t>(st.scenario)];
}
int engaged_count(const State& st) {
  int n = 0;
  for (const PersonState& p : st.people) n += p.engaged ? 1 : 0;
  return n;
}
}  // namespace

int mean_trust(const State& st) {
  int sum = 0, n = 0;
  for (const PersonState& p : st.people)
    if (p.engaged) { sum += p.trust; ++n; }
  return n ? sum / n : 0;
}

int derive_stage(const Scenario& sc, const State& st) {
  if (st.need < kNeedNoticed) return 0;
  bool shared = st.need >= kNeedShared && (st.people.size() == 1 || engaged_count(st) >= 2);
  if (!shared) return 1;
  if (st.need < kNeedBeyondSelf) return 2;
  for (size_t i = 0; i < sc.stakeholders.size(); ++i)
    if (sc.stakeholders[i].role == Role::economic_buyer && !st.people[i].engaged) return 3;
  for (const ConstraintState& cs : st.constraints)
    if (!st.people[static_cast<size_t>(sc.pool[static_cast<size_t>(cs.def)].owner)].engaged) return 3;
  for (const ConstraintState& cs : st.constraints) {
    const ConstraintDef& d = sc.pool[static_cast<size_t>(cs.def)];
    // Blocking constraints must be resolved; minor ones only need to be on the table.
    if (d.severity >= 2 && cs.progress < kResolved) return 4;
    if (d.severity < 2 && cs.awareness < kAware && cs.progress < kResolved) return 4;
  }
  if (st.needs_stated < kNeedsStated) return 5;
  if (st.confidence < kConfidence) return 6;
  return 7;
}

State initial_state(const Content& c, int scenario, uint64_t seed, int meeting_limit) {
  assert(scenario >= 0 && scenario < static_cast<int>(c.scenarios.size()));
  const Scenario& sc = c.scenarios[static_cast<size_t>(scenario)];
  State st;
  st.scenario = scenario;
  st.seed = seed;
  st.meetings_total = (meeting_limit > 0 && meeting_limit < sc.meetings) ? meeting_limit : sc.meetings;
  st.need = sc.need;
  for (const StakeholderDef& s : sc.stakeholders) st.people.push_back({s.trust, s.openness, s.engaged});
  Rng r = rng_for(seed, 1);
  std::vector<int> always, others;
  for (size_t i = 0; i < sc.pool.size(); ++i) (sc.pool[i].always ? always : others).push_back(static_cast<int>(i));
  int n = sc.draw_min + r.below(sc.draw_max - sc.draw_min + 1);
  if (n < static_cast<int>(always.size())) n = static_cast<int>(always.size());
  for (size_t i = others.size(); i > 1; --i) std::swap(others[i - 1], others[static_cast<size_t>(r.below(static_cast<int>(i)))]);
  std::vector<int> drawn = always;
  for (size_t i = 0; i < others.size() && static_cast<int>(drawn.size()) < n; ++i) drawn.push_back(others[i]);
  std::sort(drawn.begin(), drawn.end());
  // A buyer who starts further along has done that much of their own work before the first meeting:
  // the scenario says so (start_stage), or this draw is one of its ready buyers (ready_share).
  Rng ready = rng_for(seed, 6);
  const bool ready_draw = ready.below(100) < sc.ready_share;
  st.ready = ready_draw;
  const int ss = std::max(sc.start_stage, ready_draw ? 5 : 0);
  const int need_floor[] = {0, kNeedNoticed, kNeedShared, kNeedBeyondSelf};
  st.need = std::max(st.need, need_floor[std::min(ss, 3)] + (ss >= 3 ? 10 : 0));
  st.needs_stated = std::max(sc.needs_stated, ss >= 6 ? kNeedsStated : 0);
  st.confidence = ss >= 7 ? kConfidence : 0;
  if (ss >= 4) {
    // The decision team is assembled: the economic buyer, veto holders and every drawn owner are in.
    for (size_t i = 0; i < sc.stakeholders.size(); ++i) {
      bool needed = sc.stakeholders[i].role == Role::economic_buyer || sc.stakeholders[i].veto;
      for (int d : drawn) needed |= sc.pool[static_cast<size_t>(d)].owner == static_cast<int>(i);
      if (needed) st.people[i].engaged = true;
    }
  }
  for (int d : drawn) {
    const ConstraintDef& def = sc.pool[static_cast<size_t>(d)];
    ConstraintState cs;
    cs.def = d;
    // Unaware constraints start with a little seeded background awareness so seeds differ.
    cs.awareness = def.aware ? 60 : r.below(20);
    ConstraintDef::Start start = ss >= 5 ? ConstraintDef::Start::resolved : def.start;
    if (start != ConstraintDef::Start::hidden) cs.awareness = std::max(cs.awareness, 60);
    if (start == ConstraintDef::Start::known) cs.learned = true;
    if (start == ConstraintDef::Start::resolved) { cs.progress = kResolved; cs.done_before = true; }
    if (cs.awareness >= kAware) cs.aware_since = 0;
    st.constraints.push_back(cs);
  }
  st.move_uses.assign(sc.deck.size(), 0);
  st.stage = derive_stage(sc, st);
  st.peak_stage = st.start_stage = st.stage;
  return st;
}

using detail::SmallBuf;

namespace detail {

int dealable_slots(const Content& c, const Scenario& sc, int stage, std::array<int, kCategoryCount + 1>& start, int* out) {
  int n = 0;
  for (int k = 0; k < kCategoryCount; ++k) {
    start[static_cast<size_t>(k)] = n;
    for (size_t slot = 0; slot < sc.deck.size(); ++slot) {
      const MoveDef& m = c.moves[static_cast<size_t>(sc.deck[slot])];
      if (static_cast<int>(m.category) == k && stage >= m.min_stage && stage <= m.max_stage) out[n++] = static_cast<int>(slot);
    }
  }
  start[kCategoryCount] = n;
  return n;
}

// The order the hand is shown in: a seeded permutation of the canonical order (category, then slot),
// so a card's position says nothing about its category. Its own dice stream (7), one per move, so
// the dealing and the simulation draw exactly what they drew before; moves are named by id, never
// by position, so replays and result codes keep their meaning.
void shuffle_order(const State& st, Card* out, int n) {
  Rng r = rng_for(st.seed, 7, static_cast<uint64_t>(st.moves_made));
  for (int i = n; i > 1; --i) std::swap(out[i - 1], out[r.below(i)]);
}

// The hand, written to `out` (room for sc.hand_size cards); returns the number of cards.
// deal_hand's algorithm exactly, without allocations, and without the dice whose results cannot
// change the hand (the shuffle of the remaining cards is skipped once one card per category filled it).
int deal_into(const Content& c, const State& st, Card* out, bool shown) {
  if (st.ending != Ending::none) return 0;
  const Scenario& sc = scen(c, st);
  const size_t deck = sc.deck.size();
  // Dealable slots by category: the loader's table, or the same built here from the deck.
  const int* by_cat;
  std::array<int, kCategoryCount + 1> start{};
  SmallBuf<int, 256> scan(sc.deal_indexed && sc.deal_deck_size == deck ? 0 : deck);
  if (sc.deal_indexed && sc.deal_deck_size == deck && st.stage >= 0 && st.stage < kStageCount) {
    const DealStage& d = sc.deal[static_cast<size_t>(st.stage)];
    start = d.start;
    by_cat = d.by_category.data();
  } else {
    dealable_slots(c, sc, st.stage, start, scan.p);
    by_cat = scan.p;
  }
  Rng r = rng_for(st.seed, 2, static_cast<uint64_t>(st.moves_made));
  // One card per category first (in seeded order) so every hand offers real choices, then fill.
  std::array<int, kCategoryCount> cats{};
  int ncat = 0;
  for (int k = 0; k < kCategoryCount; ++k) if (start[static_cast<size_t>(k) + 1] > start[static_cast<size_t>(k)]) cats[static_cast<size_t>(ncat++)] = k;
  for (int i = ncat; i > 1; --i) std::swap(cats[static_cast<size_t>(i - 1)], cats[static_cast<size_t>(r.below(i))]);
  const int hand = sc.hand_size;
  int n = 0;
  std::array<int, kCategoryCount> pick_of;  // the card picked for each category, -1 for none
  pick_of.fill(-1);
  for (int ci = 0; ci < ncat && n < hand; ++ci) {
    int k = cats[static_cast<size_t>(ci)];
    int lo = start[static_cast<size_t>(k)], cnt = start[static_cast<size_t>(k) + 1] - lo;
    pick_of[static_cast<size_t>(k)] = by_cat[lo + r.below(cnt)];
    ++n;
  }
  if (n == hand) {
    // Once one card per category filled the hand, the shuffle of the others cannot change it: skipped.
    // One card per category: the canonical order (category, then slot) is the category order.
    n = 0;
    for (int k = 0; k < kCategoryCount; ++k) {
      int slot = pick_of[static_cast<size_t>(k)];
      if (slot >= 0) out[n++] = {sc.deck[static_cast<size_t>(slot)], slot};
    }
    if (shown) shuffle_order(st, out, n);
    return n;
  }
  // Every pick went into the hand: the rest is the other dealable slots, ascending, then shuffled.
  n = 0;
  for (int ci = 0; ci < ncat; ++ci) {
    int slot = pick_of[static_cast<size_t>(cats[static_cast<size_t>(ci)])];
    out[n++] = {sc.deck[static_cast<size_t>(slot)], slot};
  }
  {
    const int total = start[kCategoryCount];
    SmallBuf<int, 256> rest(static_cast<size_t>(total));
    int nrest = 0;
    for (int k = 0; k < kCategoryCount; ++k)
      for (int i = start[static_cast<size_t>(k)]; i < start[static_cast<size_t>(k) + 1]; ++i)
        if (by_cat[i] != pick_of[static_cast<size_t>(k)]) rest[static_cast<size_t>(nrest++)] = by_cat[i];
    std::sort(rest.p, rest.p + nrest);
    for (int i = nrest; i > 1; --i) std::swap(rest[static_cast<size_t>(i - 1)], rest[static_cast<size_t>(r.below(i))]);
    for (int i = 0; i < nrest && n < hand; ++i) out[n++] = {sc.deck[static_cast<size_t>(rest[static_cast<size_t>(i)])], rest[static_cast<size_t>(i)]};
  }
  // The canonical order, category then deck slot (insertion sort: a hand is a few cards), then shuffled.
  for (int i = 1; i < n; ++i) {
    Card k = out[i];
    int ck = static_cast<int>(c.moves[static_cast<size_t>(k.move)].category);
    int j = i;
    for (; j > 0; --j) {
      const Card& p = out[j - 1];
      int cp = static_cast<int>(c.moves[static_cast<size_t>(p.move)].category);
      if (cp < ck || (cp == ck && p.deck_slot < k.deck_slot)) break;
      out[j] = out[j - 1];
    }
    out[j] = k;
  }
  if (shown) shuffle_order(st, out, n);
  return n;
}

bool target_ok(const Content& c, const State& st, int move, int target) {
  if (move < 0 || move >= static_cast<int>(c.moves.size())) return false;
  const MoveDef& m = c.moves[static_cast<size_t>(move)];
  if (m.target == TargetKind::none) return target == -1;
  if (target < 0 || target >= static_cast<int>(st.people.size())) return false;
  return can_aim(m, st, static_cast<size_t>(target));
}

HandBuf::HandBuf(const Content& c, const State& st, bool shown)
    : SmallBuf<Card, 16>(st.ending != Ending::none ? 0 : static_cast<size_t>(std::max(0, c.scenarios[static_cast<size_t>(st.scenario)].hand_size))) {
  n = deal_into(c, st, p, shown);
}

}  // namespace detail

namespace {

// Deck slot of `move` in the current hand, -1 if it is not there.
int slot_in_hand(const Content& c, const State& st, int move) {
  int slot = -1;
  for (const Card& k : detail::HandBuf(c, st)) if (k.move == move) slot = k.deck_slot;
  return slot;
}

}  // namespace

// The deck slot a move is played from: its card when dealt (so a card plays the same in open play),
// else in open play the move's first slot in the scenario's deck; -1 when it cannot be played.
int detail::slot_to_play(const Content& c, const State& st, int move) {
  int slot = slot_in_hand(c, st, move);
  if (slot >= 0 || !st.open_play) return slot;
  const Scenario& sc = scen(c, st);
  for (size_t k = 0; k < sc.deck.size(); ++k) if (sc.deck[k] == move) return static_cast<int>(k);
  return -1;
}

namespace {
using detail::slot_to_play;
}  // namespace

std::vector<Card> deal_hand(const Content& c, const State& st) {
  std::vector<Card> hand;
  if (st.ending != Ending::none) return hand;
  hand.resize(static_cast<size_t>(std::max(0, scen(c, st).hand_size)));
  hand.resize(static_cast<size_t>(detail::deal_into(c, st, hand.data())));
  return hand;
}

std::vector<int> legal_targets(const Content& c, const State& st, int move) {
  std::vector<int> out;
  if (move < 0 || move >= static_cast<int>(c.moves.size())) return out;
  const MoveDef& m = c.moves[static_cast<size_t>(move)];
  if (m.target == TargetKind::none) return {-1};
  for (size_t i = 0; i < st.people.size(); ++i)
    if (detail::can_aim(m, st, i)) out.push_back(static_cast<int>(i));
  return out;
}

bool is_legal(const Content& c, const State& st, const Action& a) {
  if (st.ending != Ending::none) return false;
  if (a.move < 0 || a.move >= static_cast<int>(c.moves.size())) return false;
  if (slot_to_play(c, st, a.move) < 0) return false;
  return detail::target_ok(c, st, a.move, a.target);
}

namespace {

// Everything apply_move needs while it works; keeps the category handlers short.
struct Ctx {
  const Content& c;
  const Scenario& sc;
  State& st;
  const MoveDef& m;
  Action a;
  int fit = 0, rep = 100, stage = 0;
  MoveResult& out;
  int first_touched = -1;  // the first constraint whose awareness/progress moved
  bool resolved_one = false;  // one move (or one pause between meetings) resolves at most one constraint
  int boost = 100;         // percent: a move that answers what the buyer just said lands harder
  // What the buyer had just said before this move, and what the category's rule decides.
  Said b_said = Said::nothing;
  int b_said_speaker = -1, b_trust = 0;
  bool capped = false;     // the move can be no better than neutral (generic, overused, nothing to play back)
  bool pushback = false;   // the buyer answers with a stall or an objection
  bool wasted = false;     // give_space with nothing surfaced or moved in the meeting
  int blocked_by = -1;     // involve_others not taken up: 0 too early, 1 needs someone, 2 stage, 3 already asked

  int openness() const {
    if (a.target >= 0) return st.people[static_cast<size_t>(a.target)].openness;
    int sum = 0, n = 0;
    for (const PersonState& p : st.people) if (p.engaged) { sum += p.openness; ++n; }
    return n ? sum / n : 0;
  }
  // Scaled positive effect: base x at strength 2, full repetition factor, openness 50, no resistance.
  int amt(int x) const {
    int64_t v = static_cast<int64_t>(x) * m.strength * rep * (50 + openness()) / 20000;
    return static_cast<int>(v * (100 - st.resistance) / 100 * boost / 100);
  }
  const ConstraintDef& def(size_t i) const { return sc.pool[static_cast<size_t>(st.constraints[i].def)]; }
  void touch(size_t i) {
    if (first_touched < 0) first_touched = static_cast<int>(i);
    st.moved_meeting = true;
  }
  bool reachable(size_t i) const {
    int owner = def(i).owner;
    if (!st.people[static_cast<size_t>(owner)].engaged) return false;
    return a.target < 0 || a.target == owner;
  }
  void trust(int dx) {
    for (size_t i = 0; i < st.people.size(); ++i)
      if (st.people[i].engaged && (a.target < 0 || a.target == static_cast<int>(i))) st.people[i].trust = clamp100(st.people[i].trust + dx);
  }
  void trust_of(int who, int dx) {
    if (who >= 0) st.people[static_cast<size_t>(who)].trust = clamp100(st.people[static_cast<size_t>(who)].trust + dx);
  }
  void open(int dx) {
    for (size_t i = 0; i < st.people.size(); ++i)
      if (st.people[i].engaged && (a.target < 0 || a.target == static_cast<int>(i))) st.people[i].openness = clamp100(st.people[i].openness + dx);
  }
  void resist(int dx) { st.resistance = clamp100(st.resistance + dx); }
  void learn(size_t i) {
    if (st.constraints[i].learned) return;
    st.constraints[i].learned = true;
    out.learned.push_back(static_cast<int>(i));
    st.moved_meeting = true;
  }
  void raise_awareness(size_t i, int gain) {
    ConstraintState& cs = st.constraints[i];
    cs.awareness = clamp100(cs.awareness + gain);
    if (cs.awareness >= kAware && cs.aware_since < 0) cs.aware_since = st.meeting;
    touch(i);
  }
  // Raise awareness on addressed constraints; a buyer who becomes (or already is) aware hints at it.
  void aware(int x) {
    if (x <= 0) return;
    for (size_t i = 0; i < st.constraints.size(); ++i) {
      if (!m.addresses_type(def(i).type) || !reachable(i)) continue;
      raise_awareness(i, a.target >= 0 ? x * 3 / 2 : x);  // a question aimed at the owner lands harder
      if (st.constraints[i].awareness >= kAware) learn(i);
    }
  }
  void progress(int x) {
    if (x <= 0) return;
    for (size_t i = 0; i < st.constraints.size(); ++i)
      if (m.addresses_type(def(i).type) && reachable(i)) work_on(st, sc, i, x, resolved_one, this);
  }
  // The buyer voices one constraint they already know about (listening lets them talk).
  bool reveal_one(bool addressed_only) {
    for (size_t i = 0; i < st.constraints.size(); ++i) {
      const ConstraintState& cs = st.constraints[i];
      if (cs.learned || cs.awareness < kAware || !reachable(i)) continue;
      if (addressed_only && !m.addresses_type(def(i).type)) continue;
      learn(i);
      return true;
    }
    return false;
  }
  int distance() const { return std::max(0, 5 - stage); }  // how far from buyer-ready

  // Progress on constraint i, capped so that one step resolves at most one constraint and none
  // resolves before the internal work it takes (takes_meetings after the buyer became aware).
  static void work_on(State& st, const Scenario& sc, size_t i, int x, bool& resolved_one, Ctx* self) {
    ConstraintState& cs = st.constraints[i];
    const ConstraintDef& d = sc.pool[static_cast<size_t>(cs.def)];
    if (cs.awareness < kAware || cs.progress >= kResolved || x <= 0) return;
    bool ripe = cs.aware_since >= 0 && st.meeting >= cs.aware_since + d.takes_meetings;
    int cap = (ripe && !resolved_one) ? kResolved : kResolved - 1;
    int np = std::min(cap, cs.progress + x);
    if (np <= cs.progress) return;
    cs.progress = np;
    st.moved_meeting = true;
    if (self) self->touch(i);
    if (np >= kResolved) resolved_one = true;
  }
};

bool through_ok(const Scenario& sc, const State& st, int who) {
  int t = sc.stakeholders[static_cast<size_t>(who)].through;
  return t < 0 || (st.people[static_cast<size_t>(t)].engaged && st.people[static_cast<size_t>(t)].trust >= 50);
}

int pick_engaging(const Scenario& sc, const State& st) {
  // Whom "who else should be here?" brings in: veto holders, then constraint owners, then anyone.
  int best = -1, best_rank = 99;
  for (size_t i = 0; i < st.people.size(); ++i) {
    if (st.people[i].engaged || st.people[i].invited) continue;
    int rank = 3;
    if (sc.stakeholders[i].veto) rank = 0;
    else for (const ConstraintState& cs : st.constraints) if (sc.pool[static_cast<size_t>(cs.def)].owner == static_cast<int>(i)) rank = 1;
    if (rank == 3 && sc.stakeholders[i].role == Role::economic_buyer) rank = 2;
    if (rank < best_rank) { best = static_cast<int>(i); best_rank = rank; }
  }
  return best;
}

// ---- the rules: what a move of each category does to the buyer (DESIGN.md section 3) --------------
// Each reads the stage fit (x.fit), scales its effects with x.amt (strength, repetition, openness,
// resistance, answering what was just said) and records what the verdict and the sentence need.

void rule_facilitative(Ctx& x) {
  State& st = x.st;
  const int f = x.fit;
  x.aware(x.amt(f >= 2 ? 35 : 20));
  x.progress(x.amt(10));
  if (st.stage <= 2) st.need += x.amt(f >= 2 ? 6 : 3);
  if (st.stage >= 5) st.needs_stated += x.amt(15);  // criteria questions let a ready buyer say what they need
  x.trust(x.amt(2));
  x.resist(-2);
}

void rule_implication(Ctx& x) {
  State& st = x.st;
  if (x.fit > 0) {
    st.need += x.amt(x.fit >= 2 ? 18 : 9);
    x.aware(x.amt(15));
  } else if (x.fit < 0) {  // fear on a buyer who already fears a wrong choice
    st.confidence -= 15;
    x.trust(-3);
    x.resist(5);
  }
}

void rule_involve_others(Ctx& x) {
  State& st = x.st;
  const Scenario& sc = x.sc;
  int who = x.a.target >= 0 ? x.a.target : pick_engaging(sc, st);
  if (who >= 0 && !st.people[static_cast<size_t>(who)].engaged) {
    PersonState& p = st.people[static_cast<size_t>(who)];
    if (p.invited) x.blocked_by = 3;
    else if (x.fit < 1 || mean_trust(st) < 35) x.blocked_by = 0;
    else if (st.stage < sc.stakeholders[static_cast<size_t>(who)].joins_from_stage) x.blocked_by = 2;
    else if (!through_ok(sc, st, who)) x.blocked_by = 1;
    else {
      // Nobody joins mid-meeting: the buyer asks them, and they come to the next one.
      p.invited = true;
      p.trust = (p.trust + x.b_trust) / 2;
      x.out.invited.push_back(who);
      st.moved_meeting = true;
    }
  } else if (x.fit > 0) {  // everyone is here: consensus support
    x.aware(x.amt(10));
    x.progress(x.amt(12));
    x.trust(x.amt(3));
  }
}

void rule_listen(Ctx& x) {
  if (x.st.spoke == 0 && x.st.said == Said::nothing) {  // nothing said yet to play back
    x.capped = true;
    x.trust(1);
    return;
  }
  x.trust(x.amt(6));
  x.open(x.amt(6));
  x.resist(-4);
  if (x.rep >= 35) x.reveal_one(false);
}

// The pause itself happens between meetings (between_meetings); here only whether it pays.
void rule_give_space(Ctx& x) { x.wasted = !x.st.moved_meeting; }

void rule_situation(Ctx& x) {
  State& st = x.st;
  if (x.fit > 0) {
    x.aware(x.amt(10));
    x.reveal_one(true);
    st.need += x.amt(3);
  }
  if (st.stage >= 5) st.needs_stated += x.amt(8);  // a ready buyer answers facts with requirements
}

void rule_need_payoff(Ctx& x) {
  if (x.fit <= 0) return;  // too early: the buyer cannot say yet what a solution would be worth
  x.st.needs_stated += x.amt(x.fit >= 2 ? 40 : 20);
  x.st.need += x.amt(4);
  x.trust(x.amt(2));
}

void rule_pitch(Ctx& x) {
  State& st = x.st;
  const int d = x.distance();
  if (st.first_pitch_stage < 0) st.first_pitch_stage = st.stage;
  if (st.first_recommend_stage < 0) st.first_recommend_stage = st.stage;
  if (x.fit < 0) {
    st.early_pitches += 1;
    x.resist(8 + 2 * d);
    st.need -= 1 + d / 2;
    x.trust(d >= 3 ? -2 : -1);
    x.open(-2);
    x.pushback = true;
    return;
  }
  // Only a pitch built on needs the buyer has stated helps; a generic one is tolerated.
  const bool tied = x.m.ties_to_need && st.needs_stated >= kNeedsStated / 2;
  x.capped = !tied;
  if (st.stage >= 7) st.commitment += x.amt(tied ? 20 : 5);
  else st.confidence += x.amt(tied ? 35 : 12);
  st.needs_stated += x.amt(tied ? 5 : 15);  // the buyer answers with what matters to them
}

void rule_rebuttal(Ctx& x) {
  const bool worry = x.b_said == Said::objection;
  x.resist(worry ? 10 : 6);  // arguing with a worry just voiced digs it in
  x.st.need -= 1;
  if (worry) x.trust_of(x.b_said_speaker, -3);
  else x.trust(-2);
  x.open(-2);
  x.pushback = true;
}

void rule_pressure(Ctx& x) {
  State& st = x.st;
  const int d = x.distance();
  if (x.fit <= -2) {
    st.strikes += 1;
    x.resist(12 + 2 * d);
    st.need -= 2 + d / 2;
    x.trust(-(2 + d / 2));
    x.open(-4);
    x.pushback = true;
    return;
  }
  x.resist(6);
  x.trust(-2);
  if (st.stage >= 7) {
    st.commitment += x.amt(15);  // it does move a ready buyer, at a price
  } else {
    st.confidence -= 5;
    x.pushback = true;
  }
}

void rule_de_risk(Ctx& x) {
  State& st = x.st;
  if (st.first_recommend_stage < 0) st.first_recommend_stage = st.stage;
  if (x.fit < 0) {
    x.resist(4 + x.distance());
    x.trust(-1);
    st.need -= 1;
    x.pushback = true;
  } else if (x.fit == 0) {
    x.progress(x.amt(8));
  } else {
    if (st.stage >= 7) st.commitment += x.amt(x.fit >= 2 ? 60 : 30);
    else st.confidence += x.amt(x.fit >= 2 ? 35 : 15);
    x.progress(x.amt(15));
  }
}

using Rule = void (*)(Ctx&);
// In Category order.
constexpr Rule kRules[kCategoryCount] = {rule_facilitative, rule_implication, rule_involve_others, rule_listen,
                                         rule_give_space,   rule_situation,   rule_need_payoff,    rule_pitch,
                                         rule_rebuttal,     rule_pressure,    rule_de_risk};


// ---- between meetings ---------------------------------------------------------------------------
// The buyer works between every pair of meetings, paused for or not: the invited join, the owners
// of what they know work on it (a pause given when something surfaced lets them do much more), the
// defensiveness a push raised fades a little, and while it lasts the felt need quietly erodes.
void between_meetings(const Scenario& sc, State& st, MoveResult& out, bool paused, bool work) {
  st.meeting += 1;
  st.turn = 0;
  st.category_uses_meeting.fill(0);
  out.meeting_ended = true;
  if (!work) return;
  for (size_t i = 0; i < st.people.size(); ++i) {
    PersonState& p = st.people[i];
    if (!p.invited || p.engaged) continue;
    p.invited = false;
    p.engaged = true;
    out.joined.push_back(static_cast<int>(i));
  }
  bool resolved_one = false;
  for (size_t i = 0; i < st.constraints.size(); ++i) {
    const ConstraintDef& d = sc.pool[static_cast<size_t>(st.constraints[i].def)];
    const PersonState& owner = st.people[static_cast<size_t>(d.owner)];
    if (!owner.engaged) continue;
    int base = paused ? 40 + owner.openness / 4 : 10 + owner.openness / 8;
    Ctx::work_on(st, sc, i, base * (100 - st.resistance) / 100, resolved_one, nullptr);
  }
  // Each meeting starts civil again: a little of the trust lost to pushing comes back, never above the start.
  for (size_t i = 0; i < st.people.size(); ++i)
    if (st.people[i].trust < sc.stakeholders[i].trust) st.people[i].trust = std::min(sc.stakeholders[i].trust, st.people[i].trust + 3);
  st.need = clamp100(st.need - st.resistance / 8);
  st.resistance = clamp100(st.resistance - (paused ? 15 : 10));
  if (st.strikes > 0) st.strikes -= 1;
  st.moved_meeting = false;
  st.said = Said::nothing;
  st.said_constraint = st.said_speaker = -1;
}

// Text pieces appended in place (no temporary strings).
void app(std::string& s, const std::string& v) { s += v; }
void app(std::string& s, const char* v) { s += v; }
void app(std::string& s, int v) {
  char b[16];
  std::to_chars_result r = std::to_chars(b, b + sizeof b, v);
  s.append(b, r.ptr);
}
template <class... A>
void cat(std::string& s, const A&... a) { (app(s, a), ...); }

bool is_push_category(Category k) { return k == Category::pitch || k == Category::rebuttal || k == Category::pressure; }
bool is_question(Category k) {
  return k == Category::facilitative || k == Category::implication || k == Category::situation || k == Category::need_payoff;
}

// Whether the move answers what the buyer just said: the worry's own subject, a playback, a question
// to the person who said it; a stall is answered by helping the buyer with what stands behind it.
bool answers_said(const Ctx& x) {
  const State& st = x.st;
  const Category k = x.m.category;
  if (st.said == Said::nothing || is_push_category(k)) return false;
  if (k == Category::listen) return true;
  if (st.said == Said::stall)
    return k == Category::facilitative || k == Category::involve_others || k == Category::give_space;
  if (x.a.target >= 0 && x.a.target == st.said_speaker && k == Category::facilitative) return true;
  return st.said_constraint >= 0 && x.m.addresses_type(x.def(static_cast<size_t>(st.said_constraint)).type);
}

// The polite answer to a push: a worry voiced as an objection when one is near the surface, else a
// stall. Returns true when it was an objection (constraint index in `cons`).
bool put_off(Ctx& x, int& cons, Stall& stall) {
  State& st = x.st;
  Rng r = rng_for(st.seed, 5, static_cast<uint64_t>(st.moves_made));
  int cand[16], n = 0;
  for (size_t i = 0; i < st.constraints.size() && n < 16; ++i) {
    const ConstraintState& cs = st.constraints[i];
    if (cs.progress >= kResolved || cs.awareness < 25) continue;
    if (!st.people[static_cast<size_t>(x.def(i).owner)].engaged) continue;
    cand[n++] = static_cast<int>(i);
  }
  if (n > 0 && r.below(100) < 40) {
    cons = cand[r.below(n)];
    return true;
  }
  const Category k = x.m.category;
  int roll = r.below(100);
  if (k == Category::pitch || k == Category::de_risk) stall = x.stage <= 2 ? (roll < 55 ? Stall::proposal : Stall::think)
                                                                           : (roll < 45 ? Stall::team : Stall::proposal);
  else if (k == Category::pressure) stall = roll < 50 ? Stall::later : Stall::think;
  else stall = roll < 50 ? Stall::think : Stall::team;
  return false;
}

// What the move did that the replies and the sentence speak of (apply_unchecked fills it).
struct Notes {
  int b_stage = 0, b_meeting = 0, b_moves_made = 0, b_trust = 0, b_need = 0, b_needs_stated = 0;
  Said b_said = Said::nothing;
  int b_said_speaker = -1;
  int veto_by = -1, objection = -1;
  bool overused = false;
  uint64_t b_heard = 0;     // bit i: the buyer had voiced constraint i before this move (explanations name only those)
  IndexList worked;  // constraints whose awareness or progress this move moved (text only)
  const std::vector<MoveResult>* history = nullptr;  // the game's results so far (text only)
};

bool heard_earlier(const Notes& n, size_t i) { return i < 64 && ((n.b_heard >> i) & 1u) != 0; }

bool bc_progress_resolved(const State& st, int i) { return st.constraints[static_cast<size_t>(i)].progress >= kResolved; }

// Replies and the one-sentence explanation, built from what actually changed.
void write_replies(const Scenario& sc, const State& st, Ctx& x, MoveResult& out, const Notes& n) {
  const MoveDef& m = x.m;
  const Action& a = x.a;
  Rng rng = rng_for(st.seed, 3, static_cast<uint64_t>(n.b_moves_made));
  const bool push = out.verdict == Verdict::pushed || out.verdict == Verdict::harmful;
  // Who answers: the target, the owner of a worry voiced, the owner of what moved, else the least
  // trusting when pushed and the economic buyer otherwise.
  int speaker = a.target;
  if (speaker < 0 && n.objection >= 0) speaker = x.def(static_cast<size_t>(n.objection)).owner;
  if (speaker < 0 && x.first_touched >= 0) speaker = x.def(static_cast<size_t>(x.first_touched)).owner;
  if (speaker >= 0 && !st.people[static_cast<size_t>(speaker)].engaged && !out.invited.empty()) speaker = -1;
  if (speaker < 0) {
    int low = 101;
    for (size_t i = 0; i < st.people.size(); ++i) {
      if (!st.people[i].engaged) continue;
      int si = static_cast<int>(i);
      if (push) {
        if (st.people[i].trust < low) { speaker = si; low = st.people[i].trust; }
      } else if (speaker < 0 || (sc.stakeholders[i].role == Role::economic_buyer &&
                                 sc.stakeholders[static_cast<size_t>(speaker)].role != Role::economic_buyer)) {
        speaker = si;
      }
    }
  }
  if (speaker < 0) speaker = 0;
  if (n.objection >= 0) speaker = x.def(static_cast<size_t>(n.objection)).owner;
  auto nm = [&](int i) -> const std::string& { return sc.stakeholders[static_cast<size_t>(i)].name; };
  out.replies.reserve(4);  // a reaction, and now and then a hint, a resolution or an invitation
  // `t` is taken by value: the line functions return fresh strings, moved in rather than copied.
  auto say = [&](int who, ReplyKind kind, std::string t, int cons, uint64_t hash = 0) {
    out.replies.emplace_back();
    Reply& r = out.replies.back();
    r.speaker = who;
    r.speaker_id = sc.stakeholders[static_cast<size_t>(who)].id;
    r.speaker_name = nm(who);
    r.text = t.find('{') == std::string::npos ? std::move(t) : fill_text(sc, who, t);
    r.text_hash = hash ? hash : TalkMemory::text_hash(r.text);
    r.kind = kind;
    r.constraint = cons;
  };
  // What has been said so far: no reply is repeated within a meeting while another line fits.
  // One scratch memory per thread, synced with the history (only the moves added since the last one
  // when it is the same game); this move's replies are kept apart as pending until it joins it.
  static thread_local TalkMemory mem;
  mem.sync(n.history);
  auto said_line = [&](int who, ReplyKind kind, std::string t, int cons, int line) {
    // A scenario line's hash is known (index_content) unless it names the speaker.
    say(who, kind, std::move(t), cons, line >= 0 ? line_hash_for(sc, who, line) : 0);
    out.replies.back().line = line;
    mem.say_hash(out.replies.back().text_hash);
  };
  ReplyContext rc;
  rc.speaker = speaker;
  rc.move = a.move;
  rc.category = m.category;
  rc.verdict = out.verdict;
  rc.stage = n.b_stage;
  rc.after = n.b_said == Said::objection ? LineAfter::objection : n.b_said == Said::stall ? LineAfter::stall
           : n.b_said == Said::hint ? LineAfter::hint : LineAfter::none;
  rc.answered = out.answered;
  rc.hinted = out.learned;
  rc.resolved = out.resolved;
  SmallBuf<int, 16> worked(n.worked.n);
  size_t nworked = 0;
  for (int i : n.worked)
    if (std::find(out.learned.begin(), out.learned.end(), i) == out.learned.end() &&
        std::find(out.resolved.begin(), out.resolved.end(), i) == out.resolved.end()) worked[nworked++] = i;
  rc.worked = IndexList(worked.p, nworked);
  // The reaction: a goodbye, a yes, a worry voiced, a polite stall, or the scenario's line for the move.
  if (st.ending == Ending::disengaged) {
    said_line(speaker, ReplyKind::farewell, farewell_line(sc, speaker, n.b_stage, rng), -1, -1);
  } else if (n.objection >= 0) {
    said_line(speaker, ReplyKind::objection, worry_line(sc, st, n.objection, rng, mem), n.objection, -1);
  } else if (out.stall >= 0) {
    said_line(speaker, ReplyKind::stall, stall_line(sc, speaker, static_cast<Stall>(out.stall), n.b_stage, rng, &mem), -1, -1);
  } else if (st.ending == Ending::purchase) {
    said_line(speaker, ReplyKind::reaction, purchase_line(sc, speaker, n.b_stage, rng), -1, -1);
  } else {
    int li = pick_line(sc, st, rc, mem, rng);
    const bool push = out.verdict == Verdict::pushed || out.verdict == Verdict::harmful;
    // Every line that fits was said in this meeting: when the buyer has something of substance to say
    // next (a hint, a resolved worry, an invitation), the reaction is left out rather than repeated.
    const bool more = !out.learned.empty() || !out.resolved.empty() || !out.invited.empty();
    const bool said = li >= 0 && mem.said_in_meeting(line_hash_for(sc, speaker, li));
    if (said && more) li = -2;
    if (li == -2) {
    } else if (said) {
      // Said already in this meeting, and nothing else fits: a wordless reaction rather than a repeat.
      said_line(speaker, ReplyKind::reaction, nonverbal_line(sc, speaker, push, rng, mem), -1, -1);
    } else if (li >= 0) said_line(speaker, ReplyKind::reaction, sc.lines[static_cast<size_t>(li)].text, -1, li);
    else if (push) said_line(speaker, ReplyKind::reaction, pushed_line(sc, m.category, out.verdict, rng, mem), -1, -1);
  }
  for (int i : out.invited) {
    std::string t;
    cat(t, "I'll ask ", nm(i), " to join us next time.");
    said_line(speaker == i ? 0 : speaker, ReplyKind::invited, t, -1, -1);
  }
  for (int i : out.learned) {
    if (i == n.objection) continue;
    // A worry already worked through is not voiced again: the owner says it is behind them.
    const bool settled = bc_progress_resolved(st, i);
    said_line(x.def(static_cast<size_t>(i)).owner, ReplyKind::hint, settled ? settled_line(sc, st, i, rng, mem) : worry_line(sc, st, i, rng, mem), i, -1);
  }
  for (int i : out.resolved) {
    const bool news = !st.constraints[static_cast<size_t>(i)].learned;
    said_line(x.def(static_cast<size_t>(i)).owner, ReplyKind::resolved, resolved_line(sc, st, i, news, rng, mem), i, -1);
    out.replies.back().news = news;
  }
  for (int j : out.joined) {
    ReplyContext jc;
    jc.speaker = j;
    jc.move = -1;
    jc.category = Category::involve_others;
    jc.verdict = Verdict::facilitated;
    jc.stage = st.stage;
    int li = pick_line(sc, st, jc, mem, rng);
    if (li >= 0) said_line(j, ReplyKind::joined, sc.lines[static_cast<size_t>(li)].text, -1, li);
  }
  if (n.veto_by >= 0) {
    const StakeholderDef& v = sc.stakeholders[static_cast<size_t>(n.veto_by)];
    std::string t;
    if (!st.people[static_cast<size_t>(n.veto_by)].engaged) cat(t, "Nobody asked ", v.name, " (", v.title, "), who has a veto: the purchase is blocked.");
    else cat(t, "I'm not signing off while my own concern is still open. Not yet.");
    say(n.veto_by, ReplyKind::veto, t, -1);
  }

  // --- one sentence, built from what actually changed ------------------------------------------
  const std::string& who = nm(speaker);
  std::string& e = out.explanation;
  e.reserve(160);
  if (push) {
    static const char* verbs[kCategoryCount] = {
        "asked that", "raised the cost of inaction", "pushed to bring others in", "listened",
        "gave space", "asked yet another fact-finding question", "asked for the value of a solution",
        "pitched", "argued with the buyer", "pushed for a decision", "offered to de-risk a choice"};
    cat(e, "You ", verbs[static_cast<int>(m.category)], " while ");
    if (m.category == Category::situation) {
      cat(e, who, " had already answered several of those");
    } else if (m.category == Category::implication && n.b_stage == 6) {
      cat(e, who, " already feared a wrong choice");
    } else if (m.category == Category::rebuttal && n.b_said == Said::objection) {
      cat(e, nm(n.b_said_speaker), " had just voiced a worry");
    } else {
      cat(e, "the buyer was only at ", stage_phrase(n.b_stage), n.b_stage >= 5 ? "" : ", not ready to look at solutions");
    }
    e += ": ";
    if (st.stage < n.b_stage) cat(e, "the buyer retreated from S", n.b_stage, " to S", st.stage, ".");
    else if (out.trust_after < n.b_trust) cat(e, "trust fell from ", n.b_trust, " to ", out.trust_after, ".");
    else e += "nobody will say so, but they are a little less willing to change.";
    if (n.objection >= 0) cat(e, " ", nm(speaker), " raised a worry instead: hear it out before anything else.");
    else if (out.stall == static_cast<int>(Stall::proposal)) e += " A request for a proposal sounds like progress; here it is a polite way to end the conversation.";
    else if (out.stall == static_cast<int>(Stall::think)) e += " \"We'll think about it\" is how buyers say no without saying it.";
    else if (out.stall == static_cast<int>(Stall::team)) e += " \"I'll run it past the others\": the others were never part of this conversation.";
    else if (out.stall == static_cast<int>(Stall::later)) e += " Pushing for now got you \"later\", which usually means never.";
  } else if (n.veto_by >= 0) {
    if (!st.people[static_cast<size_t>(n.veto_by)].engaged) cat(e, nm(n.veto_by), " holds a veto and was never engaged: the purchase was blocked at the last step.");
    else cat(e, nm(n.veto_by), " holds a veto, was in the room, and still had a concern of their own open: the purchase was blocked at the last step.");
  } else if (st.ending == Ending::purchase) {
    cat(e, who, " committed: signature and plan, in meeting ", n.b_meeting + 1, ".");
  } else if (!out.resolved.empty()) {
    // A hidden constraint's type is named only once the buyer has voiced it: the trainee hears what a
    // hint is about from the buyer's own words, not from the explanation beside them.
    const size_t ri = static_cast<size_t>(out.resolved[0]);
    const ConstraintDef& cd = x.def(ri);
    const bool heard_before = heard_earlier(n, ri);
    const bool heard_now = std::find(out.learned.begin(), out.learned.end(), out.resolved[0]) != out.learned.end();
    cat(e, nm(cd.owner), " worked through ", heard_before ? describe(cd.type) : heard_now ? "what they had just mentioned" : "something they had not mentioned",
        out.meeting_ended ? " between meetings" : "", ": it is resolved.");
  } else if (!out.learned.empty()) {
    const ConstraintDef& cd = x.def(static_cast<size_t>(out.learned[0]));
    cat(e, "Your move let ", nm(cd.owner), " voice something that stands in the way: listen again to what was just said.");
  } else if (!out.invited.empty()) {
    cat(e, "The buyer will ask ", nm(out.invited[0]), " to join from the next meeting: the people it affects come in.");
  } else if (!out.joined.empty()) {
    cat(e, nm(out.joined[0]), " joined the conversation: the decision team grew.");
  } else if (x.blocked_by == 3) {
    e += "They have already been asked to the next meeting: asking again changes nothing.";
  } else if (x.blocked_by == 1) {
    const int who = a.target >= 0 ? a.target : pick_engaging(sc, st);
    const int via = who >= 0 ? sc.stakeholders[static_cast<size_t>(who)].through : -1;
    if (via >= 0) cat(e, nm(who), " is reached through ", nm(via), ", who is not ready to bring them in yet.");
    else e += "That person is reached through someone else on the buyer's side, who is not ready to bring them in yet.";
  } else if (x.blocked_by == 2) {
    cat(e, "The buyer does not see a reason to bring that person in yet: they are still at ", stage_phrase(st.stage), ".");
  } else if (x.blocked_by == 0) {
    cat(e, "Nobody saw a reason to bring others in yet: the buyer is still at ", stage_phrase(st.stage), ".");
  } else if (x.wasted) {
    e += "You gave space with nothing surfaced or moved in this meeting: the buyer had nothing new to work on.";
  } else if (n.overused) {
    e += "Another question of the same kind in one meeting: it began to feel like an interrogation.";
  } else if (m.category == Category::listen && x.capped) {
    e += "There was nothing yet to play back: the buyer had not said anything of substance.";
  } else if (m.category == Category::pitch && x.capped) {
    cat(e, "The buyer is ready to look (", stage_phrase(n.b_stage), "), but a generic pitch is not built on the needs they stated.");
  } else if (st.stage > n.b_stage) {
    cat(e, "The buyer moved from S", n.b_stage, " to ", stage_phrase(st.stage), ".");
  } else if (m.category == Category::give_space) {
    e += "Between meetings the buyer worked on what had surfaced.";
  } else if (x.first_touched >= 0) {
    const size_t i = static_cast<size_t>(x.first_touched);
    const ConstraintDef& cd = x.def(i);
    if (heard_earlier(n, i)) cat(e, nm(cd.owner), " thought further about ", describe(cd.type), ".");
    else cat(e, is_question(m.category) ? "Your question gave " : "That gave ", nm(cd.owner), " something to think about.");
  } else if (st.needs_stated > n.b_needs_stated && out.category == Category::need_payoff) {
    cat(e, who, " described the value in their own words.");
  } else if (m.category == Category::need_payoff && x.fit <= 0) {
    cat(e, who, " could not say what a solution would be worth yet: too early for that question.");
  } else if (out.category == Category::de_risk || out.category == Category::pitch) {
    cat(e, who, " feels surer of the choice.");
  } else if (st.need > n.b_need) {
    // Said as what the buyer did, which depends on the kind of question that moved them.
    if (m.category == Category::situation) cat(e, "Describing how it runs today, ", who, " noticed a little of what it costs them.");
    else if (m.category == Category::facilitative) cat(e, "Thinking it through in their own terms, ", who, " found staying put less comfortable.");
    else if (m.category == Category::implication) cat(e, who, " put a cost on staying put: the felt need to change rose.");
    else cat(e, who, " wants the change a little more than before.");
  } else if (out.trust_after > n.b_trust) {
    cat(e, who, " felt heard: trust rose from ", n.b_trust, " to ", out.trust_after, ".");
  } else if (x.rep < 50) {
    cat(e, "You have used that recently: it no longer moves ", who, ".");
  } else {
    cat(e, "That touched nothing ", who, " is working on right now.");
  }
  if (out.answered && n.b_said == Said::objection) cat(e, " You took up ", nm(n.b_said_speaker), "'s worry instead of moving past it.");
  else if (out.answered && n.b_said == Said::stall) e += " You helped with what stood behind the stall instead of taking it at face value.";
  else if (out.ignored && n.b_said == Said::objection) cat(e, " ", nm(n.b_said_speaker), " had just voiced a worry, and you moved past it.");
  else if (out.ignored) e += " The buyer had just put you off, and you carried on as if they had not.";
  if (st.ending == Ending::disengaged) e += " After repeated pressure the buyer has stopped taking your calls.";
  else if (st.ending == Ending::no_decision) e += " The meetings ran out: no decision.";
}

}  // namespace

const char* to_string(Stall s) {
  static const char* n[] = {"proposal", "think", "team", "later"};
  return n[static_cast<int>(s)];
}

MoveResult apply_move(const Content& c, State& st, const Action& a, bool text, const std::vector<MoveResult>* history) {
  MoveResult out;
  out.action = a;
  if (st.ending != Ending::none) { out.error = "the game is over"; return out; }
  if (a.move < 0 || a.move >= static_cast<int>(c.moves.size())) { out.error = "unknown move"; return out; }
  int slot = slot_to_play(c, st, a.move);
  if (slot < 0) { out.error = st.open_play ? "that move is not in this scenario's deck" : "that move is not in the hand"; return out; }
  if (!detail::target_ok(c, st, a.move, a.target)) { out.error = "that move cannot be aimed there"; return out; }
  out.move_id = c.moves[static_cast<size_t>(a.move)].id;
  detail::apply_unchecked(c, st, a, slot, text, out, history);
  return out;
}

MoveResult apply_card(const Content& c, State& st, const Action& a, int slot, bool text, const std::vector<MoveResult>* history) {
  MoveResult out;
  out.action = a;
  out.move_id = c.moves[static_cast<size_t>(a.move)].id;
  detail::apply_unchecked(c, st, a, slot, text, out, history);
  return out;
}

// The move itself. `out` arrives fresh (action and move_id set or left to the caller).
void detail::apply_unchecked(const Content& c, State& st, const Action& a, int slot, bool text, MoveResult& out,
                             const std::vector<MoveResult>* history) {
  assert(st.ending == Ending::none && slot >= 0);
  const Scenario& sc = scen(c, st);
  const MoveDef& m = c.moves[static_cast<size_t>(a.move)];
  // What the points and the sentence compare against: the quantities before the move.
  const int b_need = st.need, b_needs_stated = st.needs_stated, b_confidence = st.confidence, b_commitment = st.commitment;
  const int b_stage = st.stage, b_meeting = st.meeting, b_moves_made = st.moves_made, b_trust = mean_trust(st);
  const int b_resistance = st.resistance;
  const Said b_said = st.said;
  const int b_said_speaker = st.said_speaker, b_said_constraint = st.said_constraint;
  const size_t ncons = st.constraints.size();
  SmallBuf<ConstraintState, 16> bc(ncons);
  for (size_t i = 0; i < ncons; ++i) bc[i] = st.constraints[i];
  out.ok = true;
  out.category = m.category;
  out.stage_before = st.stage;
  Ctx x{c, sc, st, m, a, category_fit(m.category, st.stage),
        repeat_factor(st.move_uses[static_cast<size_t>(slot)], st.category_uses_meeting[static_cast<size_t>(m.category)]),
        st.stage, out};
  if (text) {
    const std::vector<std::string>& ph = phrasings_for(m, sc, a.move);
    out.phrasing = ph[static_cast<size_t>(phrasing_index(st, slot, static_cast<int>(ph.size())))];
  }
  int penalty = 0;          // push penalty: scales with distance from ready
  x.b_said = b_said;
  x.b_said_speaker = b_said_speaker;
  x.b_trust = b_trust;
  Notes n;
  n.b_stage = b_stage; n.b_meeting = b_meeting; n.b_moves_made = b_moves_made; n.b_trust = b_trust; n.b_need = b_need;
  n.b_needs_stated = b_needs_stated;
  n.b_said = b_said;
  n.b_said_speaker = b_said_speaker;
  for (size_t i = 0; i < ncons && i < 64; ++i) if (bc[i].learned) n.b_heard |= uint64_t{1} << i;
  const int d = x.distance();
  const int cat_in_meeting = st.category_uses_meeting[static_cast<size_t>(m.category)];

  // --- what the buyer just said: answered, or moved past ----------------------------------------
  out.answered = answers_said(x) && x.fit >= 0;
  out.ignored = !out.answered && (st.said == Said::objection || st.said == Said::stall);
  if (out.answered) x.boost = 150;
  // --- overuse: the same kind of question again and again in one meeting is an interrogation -------
  bool overused = false;
  if (m.category == Category::situation) {
    if (cat_in_meeting >= kSituationPerMeeting || st.category_uses[static_cast<size_t>(Category::situation)] >= kSituationSparingly) {
      x.fit = -1;
      overused = true;
    }
  } else if (is_question(m.category) && cat_in_meeting >= kQuestionsPerMeeting) {
    overused = true;
    x.capped = true;
  }

  if (overused) {
    x.trust(-2);
    x.resist(2);
  } else {
    kRules[static_cast<int>(m.category)](x);
  }
  // --- answering what was just said, or moving past it -------------------------------------------
  if (out.answered && b_said == Said::objection && b_said_constraint >= 0) {
    size_t i = static_cast<size_t>(b_said_constraint);
    x.resist(-6);
    x.trust_of(b_said_speaker, 2);
    if (st.constraints[i].awareness >= kAware) Ctx::work_on(st, sc, i, x.amt(10), x.resolved_one, &x);
  }
  if (out.ignored) {
    x.trust_of(b_said_speaker, -1);
    x.resist(3);
  }
  if (x.fit < 0) penalty = (x.fit <= -2 ? 3 : 2) * (1 + d);

  // --- the buyer pushes back, politely -----------------------------------------------------------
  int objection = -1;
  if (x.pushback) {
    Stall s = Stall::think;
    int cons = -1;
    if (put_off(x, cons, s)) {
      objection = cons;
      x.raise_awareness(static_cast<size_t>(cons), std::max(0, kAware - st.constraints[static_cast<size_t>(cons)].awareness));
      x.learn(static_cast<size_t>(cons));
      st.objections += 1;
    } else {
      out.stall = static_cast<int>(s);
      st.stalls += 1;
      if (s == Stall::proposal) st.proposals += 1;
    }
  }

  st.need = clamp100(st.need);
  st.needs_stated = clamp100(st.needs_stated);
  st.confidence = clamp100(st.confidence);
  st.commitment = clamp100(st.commitment);
  st.move_uses[static_cast<size_t>(slot)] = static_cast<uint8_t>(std::min(250, st.move_uses[static_cast<size_t>(slot)] + 1));
  auto& cu = st.category_uses[static_cast<size_t>(m.category)];
  cu = static_cast<uint8_t>(std::min(250, cu + 1));
  auto& cm = st.category_uses_meeting[static_cast<size_t>(m.category)];
  cm = static_cast<uint8_t>(std::min(250, cm + 1));
  st.moves_made += 1;
  if (st.needs_stated > b_needs_stated || st.stage > b_stage) st.moved_meeting = true;

  // What the buyer has now said that the next move will be judged against.
  st.said = Said::nothing;
  st.said_constraint = st.said_speaker = -1;
  if (objection >= 0) {
    st.said = Said::objection;
    st.said_constraint = objection;
    st.said_speaker = x.def(static_cast<size_t>(objection)).owner;
  } else if (out.stall >= 0) {
    st.said = Said::stall;
  } else if (!out.learned.empty()) {
    st.said = Said::hint;
    st.said_constraint = out.learned.back();
    st.said_speaker = x.def(static_cast<size_t>(out.learned.back())).owner;
  }

  // People change only above: the room's trust after the move is known from here on.
  int a_trust = mean_trust(st);
  st.stage = derive_stage(sc, st);
  // Purchase needs S7 and commitment. A veto holder blocks it here, late: one never brought in, or one
  // in the room whose own worry is still open and who does not trust you enough to let it go.
  int veto_by = -1;
  if (st.stage == 7 && st.commitment >= kCommitted) {
    for (size_t i = 0; i < st.people.size() && veto_by < 0; ++i) {
      if (!sc.stakeholders[i].veto) continue;
      if (!st.people[i].engaged) { veto_by = static_cast<int>(i); break; }
      if (st.people[i].trust >= kVetoTrust) continue;
      for (const ConstraintState& cs : st.constraints)
        if (sc.pool[static_cast<size_t>(cs.def)].owner == static_cast<int>(i) && cs.progress < kResolved) { veto_by = static_cast<int>(i); break; }
    }
    if (veto_by >= 0) {
      st.vetoes += 1;
      st.commitment = 0;
      st.confidence = clamp100(st.confidence - 30);
      st.need = clamp100(st.need - 10);
      st.stage = derive_stage(sc, st);
    } else {
      st.ending = Ending::purchase;
    }
  }
  // Walking out is for sustained disrespect: repeated harmful moves, or trust gone with one more.
  if (st.ending == Ending::none && (st.strikes >= kStrikesToLeave || (a_trust < kDisengageTrust && st.strikes >= kStrikesToLeave - 1)))
    st.ending = Ending::disengaged;
  // The turn ends; at a meeting's end the buyer works until the next one (not once the game is over).
  const bool work = st.ending == Ending::none;
  if (m.category == Category::give_space) between_meetings(sc, st, out, !x.wasted, work);
  else if (++st.turn >= sc.moves_per_meeting) between_meetings(sc, st, out, false, work);
  if (work) {
    st.stage = derive_stage(sc, st);
    a_trust = mean_trust(st);
    if (st.meeting >= st.meetings_total) st.ending = Ending::no_decision;
  }
  for (size_t i = 0; i < ncons; ++i)
    if (bc[i].progress < kResolved && st.constraints[i].progress >= kResolved) out.resolved.push_back(static_cast<int>(i));
  if (st.stage > st.peak_stage) st.peak_stage = st.stage;
  out.stage_after = st.stage;
  out.trust_after = a_trust;
  out.ending = st.ending;
  out.setback = std::max(0, st.resistance - b_resistance) + std::max(0, b_need - st.need) + 10 * std::max(0, b_stage - st.stage);

  // --- points: measurable change in the buyer's state, weighted by severity ---------------------
  int pts = 0;
  for (size_t i = 0; i < ncons; ++i) {
    const ConstraintState& b = bc[i];
    const ConstraintState& n = st.constraints[i];
    int sev = x.def(i).severity;
    if (b.awareness < kAware && n.awareness >= kAware) pts += 2 * sev;
    if (!b.learned && n.learned) pts += 2 * sev;
    pts += (n.progress - b.progress) * sev / 20;
    if (b.progress < kResolved && n.progress >= kResolved) pts += 4 * sev;
  }
  if (b_stage <= 3) pts += (st.need - b_need) / 4;
  pts += 4 * static_cast<int>(out.joined.size()) + 2 * static_cast<int>(out.invited.size());
  pts += (a_trust - b_trust) / 2;
  pts += 4 * (st.stage - b_stage);
  pts += (st.needs_stated - b_needs_stated) / 8 + (st.confidence - b_confidence) / 8 +
         (st.commitment - b_commitment) / 8;
  if (veto_by >= 0) pts -= 10;
  if (x.wasted) pts -= 3;
  if (out.answered) pts += 2;
  if (out.ignored) pts -= 2;
  pts -= penalty;

  if (x.fit <= -2) out.verdict = Verdict::harmful;
  else if (x.fit < 0) out.verdict = Verdict::pushed;
  else if (m.category == Category::give_space) out.verdict = x.wasted ? Verdict::neutral : Verdict::facilitated;
  else if (x.capped || out.ignored) out.verdict = Verdict::neutral;
  else if (pts > 0 && x.fit > 0) out.verdict = Verdict::facilitated;
  else out.verdict = Verdict::neutral;
  if ((out.verdict == Verdict::pushed || out.verdict == Verdict::harmful) && pts > -1) pts = -1;
  if (out.verdict == Verdict::neutral && pts > 0 && (x.capped || overused)) pts = 0;
  out.points = pts;
  if (out.verdict == Verdict::facilitated || objection >= 0 || !out.learned.empty()) st.spoke += 1;

  if (!text) return;
  n.veto_by = veto_by;
  n.objection = objection;
  n.overused = overused;
  n.history = history;
  SmallBuf<int, 16> worked(ncons);
  size_t nworked = 0;
  for (size_t i = 0; i < ncons; ++i)
    if (bc[i].awareness != st.constraints[i].awareness || bc[i].progress != st.constraints[i].progress) worked[nworked++] = static_cast<int>(i);
  n.worked = IndexList(worked.p, nworked);
  write_replies(sc, st, x, out, n);
}

int phrasing_index(const State& st, int deck_slot, int n) {
  Rng r = rng_for(st.seed, 4, static_cast<uint64_t>(st.moves_made) * 64 + static_cast<uint64_t>(deck_slot));
  return r.below(n);
}

uint64_t state_hash(const State& st) {
  Fnv f;
  f.i32(st.scenario);
  f.u64(st.seed);
  for (int v : {st.meetings_total, st.need, st.needs_stated, st.confidence, st.commitment, st.meeting, st.turn,
                st.moves_made, st.stage, st.peak_stage, st.first_pitch_stage, st.early_pitches, st.vetoes,
                st.first_recommend_stage, static_cast<int>(st.ready), st.start_stage, st.resistance, st.strikes, st.stalls, st.objections, st.proposals, st.spoke,
                static_cast<int>(st.moved_meeting), static_cast<int>(st.said), st.said_constraint, st.said_speaker,
                static_cast<int>(st.ending)})
    f.i32(v);
  for (const PersonState& p : st.people) { f.i32(p.trust); f.i32(p.openness); f.byte(p.engaged); f.byte(p.invited); }
  for (const ConstraintState& cs : st.constraints) {
    f.i32(cs.def); f.i32(cs.awareness); f.i32(cs.progress); f.byte(cs.learned); f.i32(cs.aware_since); f.byte(cs.done_before);
  }
  for (uint8_t u : st.move_uses) f.byte(u);
  for (uint8_t u : st.category_uses) f.byte(u);
  for (uint8_t u : st.category_uses_meeting) f.byte(u);
  return f.h;
}

}  // namespace buyin
