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
  for (int d : drawn) {
    ConstraintState cs;
    cs.def = d;
    // Unaware constraints start with a little seeded background awareness so seeds differ.
    cs.awareness = sc.pool[static_cast<size_t>(d)].aware ? 60 : r.below(20);
    st.constraints.push_back(cs);
  }
  st.move_uses.assign(sc.deck.size(), 0);
  st.stage = derive_stage(sc, st);
  st.peak_stage = st.stage;
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

// The hand, written to `out` (room for sc.hand_size cards); returns the number of cards.
// deal_hand's algorithm exactly, without allocations, and without the dice whose results cannot
// change the hand (the shuffle of the remaining cards is skipped once one card per category filled it).
int deal_into(const Content& c, const State& st, Card* out) {
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
    // One card per category: the hand's order (category, then slot) is the category order.
    n = 0;
    for (int k = 0; k < kCategoryCount; ++k) {
      int slot = pick_of[static_cast<size_t>(k)];
      if (slot >= 0) out[n++] = {sc.deck[static_cast<size_t>(slot)], slot};
    }
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
  // Order by category, then deck slot (insertion sort: a hand is a few cards).
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
  return n;
}

bool target_ok(const Content& c, const State& st, int move, int target) {
  if (move < 0 || move >= static_cast<int>(c.moves.size())) return false;
  const MoveDef& m = c.moves[static_cast<size_t>(move)];
  if (m.target == TargetKind::none) return target == -1;
  if (target < 0 || target >= static_cast<int>(st.people.size())) return false;
  return can_aim(m, st, static_cast<size_t>(target));
}

HandBuf::HandBuf(const Content& c, const State& st)
    : SmallBuf<Card, 16>(st.ending != Ending::none ? 0 : static_cast<size_t>(std::max(0, c.scenarios[static_cast<size_t>(st.scenario)].hand_size))) {
  n = deal_into(c, st, p);
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
  if (slot_in_hand(c, st, a.move) < 0) return false;
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

  int openness() const {
    if (a.target >= 0) return st.people[static_cast<size_t>(a.target)].openness;
    int sum = 0, n = 0;
    for (const PersonState& p : st.people) if (p.engaged) { sum += p.openness; ++n; }
    return n ? sum / n : 0;
  }
  // Scaled positive effect: base x at strength 2, full repetition factor, openness 50.
  int amt(int x) const { return x * m.strength * rep * (50 + openness()) / 20000; }
  const ConstraintDef& def(size_t i) const { return sc.pool[static_cast<size_t>(st.constraints[i].def)]; }
  void touch(size_t i) { if (first_touched < 0) first_touched = static_cast<int>(i); }
  bool reachable(size_t i) const {
    int owner = def(i).owner;
    if (!st.people[static_cast<size_t>(owner)].engaged) return false;
    return a.target < 0 || a.target == owner;
  }
  void trust(int dx) {
    for (size_t i = 0; i < st.people.size(); ++i)
      if (st.people[i].engaged && (a.target < 0 || a.target == static_cast<int>(i))) st.people[i].trust = clamp100(st.people[i].trust + dx);
  }
  void open(int dx) {
    for (size_t i = 0; i < st.people.size(); ++i)
      if (st.people[i].engaged && (a.target < 0 || a.target == static_cast<int>(i))) st.people[i].openness = clamp100(st.people[i].openness + dx);
  }
  void learn(size_t i) {
    if (st.constraints[i].learned) return;
    st.constraints[i].learned = true;
    out.learned.push_back(static_cast<int>(i));
  }
  // Raise awareness on addressed constraints; a buyer who becomes (or already is) aware hints at it.
  void aware(int x) {
    if (x <= 0) return;
    for (size_t i = 0; i < st.constraints.size(); ++i) {
      if (!m.addresses_type(def(i).type) || !reachable(i)) continue;
      ConstraintState& cs = st.constraints[i];
      int gain = a.target >= 0 ? x * 3 / 2 : x;  // a question aimed at the owner lands harder
      cs.awareness = clamp100(cs.awareness + gain);
      touch(i);
      if (cs.awareness >= kAware) learn(i);
    }
  }
  void progress(int x) {
    if (x <= 0) return;
    for (size_t i = 0; i < st.constraints.size(); ++i) {
      if (!m.addresses_type(def(i).type) || !reachable(i)) continue;
      ConstraintState& cs = st.constraints[i];
      if (cs.awareness < kAware || cs.progress >= kResolved) continue;
      cs.progress = clamp100(cs.progress + x);
      touch(i);
    }
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
};

int pick_engaging(const Scenario& sc, const State& st) {
  // Whom "who else should be here?" brings in: veto holders, then constraint owners, then anyone.
  int best = -1, best_rank = 99;
  for (size_t i = 0; i < st.people.size(); ++i) {
    if (st.people[i].engaged) continue;
    int rank = 3;
    if (sc.stakeholders[i].veto) rank = 0;
    else for (const ConstraintState& cs : st.constraints) if (sc.pool[static_cast<size_t>(cs.def)].owner == static_cast<int>(i)) rank = 1;
    if (rank == 3 && sc.stakeholders[i].role == Role::economic_buyer) rank = 2;
    if (rank < best_rank) { best = static_cast<int>(i); best_rank = rank; }
  }
  return best;
}

void end_meeting(State& st, MoveResult& out) {
  st.meeting += 1;
  st.turn = 0;
  st.category_uses_meeting.fill(0);
  out.meeting_ended = true;
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

}  // namespace

MoveResult apply_move(const Content& c, State& st, const Action& a, bool text) {
  MoveResult out;
  out.action = a;
  if (st.ending != Ending::none) { out.error = "the game is over"; return out; }
  if (a.move < 0 || a.move >= static_cast<int>(c.moves.size())) { out.error = "unknown move"; return out; }
  int slot = slot_in_hand(c, st, a.move);
  if (slot < 0) { out.error = "that move is not in the hand"; return out; }
  if (!detail::target_ok(c, st, a.move, a.target)) { out.error = "that move cannot be aimed there"; return out; }
  out.move_id = c.moves[static_cast<size_t>(a.move)].id;
  detail::apply_unchecked(c, st, a, slot, text, out);
  return out;
}

MoveResult apply_card(const Content& c, State& st, const Action& a, int slot, bool text) {
  MoveResult out;
  out.action = a;
  out.move_id = c.moves[static_cast<size_t>(a.move)].id;
  detail::apply_unchecked(c, st, a, slot, text, out);
  return out;
}

// The move itself. `out` arrives fresh (action and move_id set or left to the caller).
void detail::apply_unchecked(const Content& c, State& st, const Action& a, int slot, bool text, MoveResult& out) {
  assert(st.ending == Ending::none && slot >= 0);
  const Scenario& sc = scen(c, st);
  const MoveDef& m = c.moves[static_cast<size_t>(a.move)];
  // What the points and the sentence compare against: the quantities before the move.
  const int b_need = st.need, b_needs_stated = st.needs_stated, b_confidence = st.confidence, b_commitment = st.commitment;
  const int b_stage = st.stage, b_meeting = st.meeting, b_moves_made = st.moves_made, b_trust = mean_trust(st);
  const size_t ncons = st.constraints.size();
  SmallBuf<ConstraintState, 16> bc(ncons);
  for (size_t i = 0; i < ncons; ++i) bc[i] = st.constraints[i];
  out.ok = true;
  out.category = m.category;
  out.stage_before = st.stage;
  Ctx x{c, sc, st, m, a, category_fit(m.category, st.stage),
        repeat_factor(st.move_uses[static_cast<size_t>(slot)], st.category_uses_meeting[static_cast<size_t>(m.category)]),
        st.stage, out};
  if (text) out.phrasing = m.phrasings[static_cast<size_t>(phrasing_index(st, slot, static_cast<int>(m.phrasings.size())))];
  int penalty = 0;        // push penalty: scales with distance from ready
  bool wasted = false;    // give_space with nothing to work on
  bool blocked_early = false;
  int d = x.distance();
  const int f = x.fit;

  switch (m.category) {
    case Category::facilitative:
      x.aware(x.amt(f >= 2 ? 35 : 20));
      x.progress(x.amt(10));
      if (st.stage <= 2) st.need += x.amt(f >= 2 ? 6 : 3);
      x.trust(x.amt(2));
      break;
    case Category::implication:
      if (f > 0) {
        st.need += x.amt(f >= 2 ? 18 : 9);
        x.aware(x.amt(15));
      } else if (f < 0) {  // fear on a buyer who already fears a wrong choice
        st.confidence -= 15;
        x.trust(-3);
      }
      break;
    case Category::involve_others: {
      int who = a.target;
      if (who < 0) who = pick_engaging(sc, st);
      if (who >= 0 && !st.people[static_cast<size_t>(who)].engaged) {
        if (f >= 1 && mean_trust(st) >= 35) {
          PersonState& p = st.people[static_cast<size_t>(who)];
          p.engaged = true;
          p.trust = (p.trust + b_trust) / 2;
          out.joined.push_back(who);
        } else {
          blocked_early = true;
        }
      } else if (f > 0) {  // everyone is here: consensus support
        x.aware(x.amt(10));
        x.progress(x.amt(12));
        x.trust(x.amt(3));
      }
      break;
    }
    case Category::listen:
      x.trust(x.amt(6));
      x.open(x.amt(6));
      if (x.rep >= 35) x.reveal_one(false);
      break;
    case Category::give_space: {
      bool work = false;
      for (size_t i = 0; i < st.constraints.size(); ++i) {
        ConstraintState& cs = st.constraints[i];
        int owner = x.def(i).owner;
        if (cs.awareness < kAware || cs.progress >= kResolved || !st.people[static_cast<size_t>(owner)].engaged) continue;
        cs.progress = clamp100(cs.progress + 40 + st.people[static_cast<size_t>(owner)].openness / 4);
        x.touch(i);
        work = true;
      }
      if (work) {
        if (st.stage >= 1) st.need += 3;
        for (PersonState& p : st.people) if (p.engaged) p.openness = clamp100(p.openness + 4);
      } else {
        wasted = true;
      }
      break;
    }
    case Category::situation:
      if (st.category_uses[static_cast<size_t>(Category::situation)] >= kSituationSparingly) {
        x.fit = -1;  // an interrogation, not a conversation
        x.trust(-3);
      } else if (f > 0) {
        x.aware(x.amt(10));
        x.reveal_one(true);
        st.need += x.amt(3);
      }
      break;
    case Category::need_payoff:
      if (f > 0) {
        st.needs_stated += x.amt(f >= 2 ? 40 : 20);
        st.need += x.amt(4);
        x.trust(x.amt(2));
      } else if (f < 0) {
        st.need -= 2;
        x.trust(-3);
      }
      break;
    case Category::pitch:
      if (st.first_pitch_stage < 0) st.first_pitch_stage = st.stage;
      if (f > 0) {
        st.confidence += x.amt(st.needs_stated >= kNeedsStated ? 35 : 12);
        if (st.stage >= 7) st.commitment += x.amt(10);
      } else {
        st.early_pitches += 1;
        st.need -= 4 + 3 * d;
        x.trust(-(3 + 2 * d));
        x.open(-4);
      }
      break;
    case Category::rebuttal:
      st.need -= 3;
      x.trust(-4);
      x.open(-3);
      break;
    case Category::pressure:
      if (f < 0) {
        st.need -= 5 + 3 * d;
        x.trust(-(5 + 2 * d));
        x.open(-6);
      } else {
        st.commitment += x.amt(15);
        x.trust(-2);
      }
      break;
    case Category::de_risk:
      if (f > 0) {
        if (st.stage >= 7) st.commitment += x.amt(f >= 2 ? 50 : 25);
        else st.confidence += x.amt(f >= 2 ? 35 : 15);
      } else if (f < 0) {
        st.need -= 2 + d;
        x.trust(-(2 + d));
      }
      break;
  }
  if (x.fit < 0) penalty = (x.fit <= -2 ? 3 : 2) * (1 + d);

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

  for (size_t i = 0; i < ncons; ++i)
    if (bc[i].progress < kResolved && st.constraints[i].progress >= kResolved) out.resolved.push_back(static_cast<int>(i));

  // People change only above: the room's trust after the move is known from here on.
  const int a_trust = mean_trust(st);
  st.stage = derive_stage(sc, st);
  // Purchase needs S7 and commitment; a veto holder never brought in blocks it here, late.
  int veto_by = -1;
  if (st.stage == 7 && st.commitment >= kCommitted) {
    for (size_t i = 0; i < st.people.size(); ++i)
      if (sc.stakeholders[i].veto && !st.people[i].engaged) { veto_by = static_cast<int>(i); break; }
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
  if (st.ending == Ending::none && a_trust < kDisengageTrust) st.ending = Ending::disengaged;
  if (m.category == Category::give_space) end_meeting(st, out);
  else if (++st.turn >= sc.moves_per_meeting) end_meeting(st, out);
  if (st.ending == Ending::none && st.meeting >= st.meetings_total) st.ending = Ending::no_decision;
  if (st.stage > st.peak_stage) st.peak_stage = st.stage;
  out.stage_after = st.stage;
  out.trust_after = a_trust;
  out.ending = st.ending;

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
  pts += 4 * static_cast<int>(out.joined.size());
  pts += (a_trust - b_trust) / 2;
  pts += 4 * (st.stage - b_stage);
  pts += (st.needs_stated - b_needs_stated) / 8 + (st.confidence - b_confidence) / 8 +
         (st.commitment - b_commitment) / 8;
  if (veto_by >= 0) pts -= 10;
  if (wasted) pts -= 3;
  pts -= penalty;

  if (x.fit <= -2) out.verdict = Verdict::harmful;
  else if (x.fit < 0) out.verdict = Verdict::pushed;
  else if (m.category == Category::give_space) out.verdict = wasted ? Verdict::neutral : Verdict::facilitated;
  else if (pts > 0 && x.fit > 0) out.verdict = Verdict::facilitated;
  else out.verdict = Verdict::neutral;
  if ((out.verdict == Verdict::pushed || out.verdict == Verdict::harmful) && pts > -1) pts = -1;
  out.points = pts;

  if (!text) return;
  Rng rng = rng_for(st.seed, 3, static_cast<uint64_t>(b_moves_made));
  // Who answers: the target, else the owner of what moved, else the least trusting / the buyer.
  int speaker = a.target;
  if (speaker < 0 && !out.joined.empty()) speaker = out.joined[0];
  if (speaker < 0 && x.first_touched >= 0) speaker = x.def(static_cast<size_t>(x.first_touched)).owner;
  if (speaker < 0) {
    bool push = out.verdict == Verdict::pushed || out.verdict == Verdict::harmful;
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
  out.replies.reserve(out.joined.size() + 1 + out.learned.size() + out.resolved.size() + (veto_by >= 0 ? 1 : 0));
  auto say = [&](int who, ReplyKind kind, const std::string& t, int cons) {
    out.replies.emplace_back();
    Reply& r = out.replies.back();
    r.speaker = who;
    r.speaker_id = sc.stakeholders[static_cast<size_t>(who)].id;
    r.speaker_name = sc.stakeholders[static_cast<size_t>(who)].name;
    r.text = fill_text(sc, who, t);
    r.kind = kind;
    r.constraint = cons;
  };
  for (int j : out.joined) {
    int li = select_line(sc, j, m.category, out.verdict, st.stage, rng);
    if (li >= 0) say(j, ReplyKind::joined, sc.lines[static_cast<size_t>(li)].text, -1);
  }
  if (out.joined.empty() || a.target < 0 || out.joined[0] != speaker) {
    int li = select_line(sc, speaker, m.category, out.verdict, st.stage, rng);
    if (li >= 0) say(speaker, ReplyKind::reaction, sc.lines[static_cast<size_t>(li)].text, -1);
  }
  for (int i : out.learned) {
    const ConstraintDef& cd = x.def(static_cast<size_t>(i));
    say(cd.owner, ReplyKind::hint, cd.hints[static_cast<size_t>(rng.below(static_cast<int>(cd.hints.size())))], i);
  }
  for (int i : out.resolved) {
    const ConstraintDef& cd = x.def(static_cast<size_t>(i));
    say(cd.owner, ReplyKind::resolved, cd.resolved, i);
  }
  if (veto_by >= 0) {
    const StakeholderDef& v = sc.stakeholders[static_cast<size_t>(veto_by)];
    std::string t;
    cat(t, "Nobody asked ", v.name, " (", v.title, "), who has a veto: the purchase is blocked.");
    say(veto_by, ReplyKind::veto, t, -1);
  }

  // --- one sentence, built from what actually changed ------------------------------------------
  auto nm = [&](int i) -> const std::string& { return sc.stakeholders[static_cast<size_t>(i)].name; };
  const std::string& who = nm(speaker);
  std::string& e = out.explanation;
  e.reserve(128);
  if (out.verdict == Verdict::pushed || out.verdict == Verdict::harmful) {
    static const char* verbs[kCategoryCount] = {
        "asked that", "raised the cost of inaction", "pushed to bring others in", "listened",
        "gave space", "asked yet another fact-finding question", "asked for the value of a solution",
        "pitched", "argued with an objection", "pushed for a decision", "offered to de-risk a choice"};
    cat(e, "You ", verbs[static_cast<int>(m.category)], " while ");
    if (m.category == Category::situation) {
      cat(e, who, " had already answered ", static_cast<int>(st.category_uses[static_cast<size_t>(Category::situation)]) - 1, " of those");
    } else if (m.category == Category::implication && b_stage == 6) {
      cat(e, who, " already feared a wrong choice");
    } else {
      int worst = -1;
      for (size_t i = 0; i < ncons; ++i) {
        const ConstraintState& cs = bc[i];
        if (!cs.learned || cs.progress >= kResolved) continue;
        if (worst < 0 || x.def(i).severity > x.def(static_cast<size_t>(worst)).severity) worst = static_cast<int>(i);
      }
      if (worst >= 0) cat(e, nm(x.def(static_cast<size_t>(worst)).owner), " still saw ", describe(x.def(static_cast<size_t>(worst)).type));
      else cat(e, "the buyer was only at ", describe_stage(b_stage));
    }
    e += ": ";
    if (st.stage < b_stage) cat(e, "the buyer retreated from S", b_stage, " to S", st.stage);
    else if (a_trust < b_trust) cat(e, "trust fell from ", b_trust, " to ", a_trust);
    else if (st.need < b_need) cat(e, "the felt need to change fell from ", b_need, " to ", st.need);
    else e += "it cost you the buyer's patience";
    e += ".";
  } else if (veto_by >= 0) {
    cat(e, nm(veto_by), " holds a veto and was never engaged: the purchase was blocked at the last step.");
  } else if (st.ending == Ending::purchase) {
    cat(e, who, " committed: signature and plan, in meeting ", b_meeting + 1, ".");
  } else if (!out.resolved.empty()) {
    const ConstraintDef& cd = x.def(static_cast<size_t>(out.resolved[0]));
    cat(e, nm(cd.owner), " worked through ", describe(cd.type), m.category == Category::give_space ? " between meetings" : "", ": it is resolved.");
  } else if (!out.learned.empty()) {
    const ConstraintDef& cd = x.def(static_cast<size_t>(out.learned[0]));
    cat(e, "Your move let ", nm(cd.owner), " voice ", describe(cd.type), ": you now know it is in the way.");
  } else if (!out.joined.empty()) {
    cat(e, nm(out.joined[0]), " joined the conversation: the decision team grew to ", engaged_count(st), ".");
  } else if (blocked_early) {
    cat(e, "Nobody saw a reason to bring others in yet: the problem is still ", describe_stage(st.stage), ".");
  } else if (wasted) {
    e += "You gave space with nothing surfaced for the buyer to work on: a meeting was lost.";
  } else if (st.stage > b_stage) {
    cat(e, "The buyer moved from S", b_stage, " to S", st.stage, " (", describe_stage(st.stage), ").");
  } else if (x.first_touched >= 0 && m.category == Category::give_space) {
    e += "Between meetings the buyer worked on what had surfaced.";
  } else if (x.first_touched >= 0) {
    const ConstraintDef& cd = x.def(static_cast<size_t>(x.first_touched));
    cat(e, nm(cd.owner), " thought further about ", describe(cd.type), ".");
  } else if (st.needs_stated > b_needs_stated) {
    cat(e, who, " described the value in their own words.");
  } else if (st.confidence > b_confidence) {
    cat(e, who, " feels surer of the choice (confidence ", st.confidence, ").");
  } else if (st.commitment > b_commitment) {
    cat(e, who, " moved toward signing (commitment ", st.commitment, ").");
  } else if (st.need > b_need) {
    cat(e, who, " put a cost on staying put: felt need rose from ", b_need, " to ", st.need, ".");
  } else if (a_trust > b_trust) {
    cat(e, who, " felt heard: trust rose from ", b_trust, " to ", a_trust, ".");
  } else if (x.rep < 50) {
    cat(e, "You have used that recently: it no longer moves ", who, ".");
  } else {
    cat(e, "That touched nothing ", who, " is working on right now.");
  }
  if (st.ending == Ending::disengaged) e += " The buyer has stopped taking your calls.";
  else if (st.ending == Ending::no_decision) e += " The meetings ran out: no decision.";
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
                static_cast<int>(st.ending)})
    f.i32(v);
  for (const PersonState& p : st.people) { f.i32(p.trust); f.i32(p.openness); f.byte(p.engaged); }
  for (const ConstraintState& cs : st.constraints) { f.i32(cs.def); f.i32(cs.awareness); f.i32(cs.progress); f.byte(cs.learned); }
  for (uint8_t u : st.move_uses) f.byte(u);
  for (uint8_t u : st.category_uses) f.byte(u);
  for (uint8_t u : st.category_uses_meeting) f.byte(u);
  return f.h;
}

}  // namespace buyin
