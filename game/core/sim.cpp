// The move loop: effects by category and stage, repetition decay, meetings, endings, replies.
#include "core/sim.hpp"

#include <algorithm>
#include <cassert>

#include "core/dialogue.hpp"
#include "core/hash.hpp"
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

std::vector<Card> deal_hand(const Content& c, const State& st) {
  std::vector<Card> hand;
  if (st.ending != Ending::none) return hand;
  const Scenario& sc = scen(c, st);
  // Eligible deck slots, bucketed by category without per-call nested allocations (hot in search).
  std::vector<int> slots;
  slots.reserve(sc.deck.size());
  std::array<int, kCategoryCount + 1> start{};
  for (int pass = 0; pass < 2; ++pass) {
    std::array<int, kCategoryCount> fill{};
    for (size_t slot = 0; slot < sc.deck.size(); ++slot) {
      const MoveDef& m = c.moves[static_cast<size_t>(sc.deck[slot])];
      if (st.stage < m.min_stage || st.stage > m.max_stage) continue;
      int k = static_cast<int>(m.category);
      if (pass == 0) ++start[static_cast<size_t>(k) + 1];
      else slots[static_cast<size_t>(start[static_cast<size_t>(k)] + fill[static_cast<size_t>(k)]++)] = static_cast<int>(slot);
    }
    if (pass == 0) {
      for (int k = 0; k < kCategoryCount; ++k) start[static_cast<size_t>(k) + 1] += start[static_cast<size_t>(k)];
      slots.assign(static_cast<size_t>(start[kCategoryCount]), 0);
    }
  }
  Rng r = rng_for(st.seed, 2, static_cast<uint64_t>(st.moves_made));
  // One card per category first (in seeded order) so every hand offers real choices, then fill.
  std::array<int, kCategoryCount> cats{};
  int ncat = 0;
  for (int k = 0; k < kCategoryCount; ++k) if (start[static_cast<size_t>(k) + 1] > start[static_cast<size_t>(k)]) cats[static_cast<size_t>(ncat++)] = k;
  for (int i = ncat; i > 1; --i) std::swap(cats[static_cast<size_t>(i - 1)], cats[static_cast<size_t>(r.below(i))]);
  std::vector<int> chosen, rest;
  chosen.reserve(static_cast<size_t>(sc.hand_size));
  rest.reserve(slots.size());
  for (int ci = 0; ci < ncat; ++ci) {
    int k = cats[static_cast<size_t>(ci)];
    int lo = start[static_cast<size_t>(k)], n = start[static_cast<size_t>(k) + 1] - lo;
    int pick = r.below(n);
    for (int j = 0; j < n; ++j) {
      if (j == pick && static_cast<int>(chosen.size()) < sc.hand_size) chosen.push_back(slots[static_cast<size_t>(lo + j)]);
      else rest.push_back(slots[static_cast<size_t>(lo + j)]);
    }
  }
  std::sort(rest.begin(), rest.end());
  for (size_t i = rest.size(); i > 1; --i) std::swap(rest[i - 1], rest[static_cast<size_t>(r.below(static_cast<int>(i)))]);
  for (size_t i = 0; i < rest.size() && static_cast<int>(chosen.size()) < sc.hand_size; ++i) chosen.push_back(rest[i]);
  hand.reserve(chosen.size());
  for (int slot : chosen) hand.push_back({sc.deck[static_cast<size_t>(slot)], slot});
  std::sort(hand.begin(), hand.end(), [&](const Card& a, const Card& b) {
    int ca = static_cast<int>(c.moves[static_cast<size_t>(a.move)].category), cb = static_cast<int>(c.moves[static_cast<size_t>(b.move)].category);
    return ca != cb ? ca < cb : a.deck_slot < b.deck_slot;
  });
  return hand;
}

std::vector<int> legal_targets(const Content& c, const State& st, int move) {
  std::vector<int> out;
  if (move < 0 || move >= static_cast<int>(c.moves.size())) return out;
  const MoveDef& m = c.moves[static_cast<size_t>(move)];
  if (m.target == TargetKind::none) return {-1};
  for (size_t i = 0; i < st.people.size(); ++i)
    if (st.people[i].engaged || m.category == Category::involve_others) out.push_back(static_cast<int>(i));
  return out;
}

bool is_legal(const Content& c, const State& st, const Action& a) {
  if (st.ending != Ending::none) return false;
  bool in_hand = false;
  for (const Card& k : deal_hand(c, st)) in_hand |= k.move == a.move;
  if (!in_hand) return false;
  for (int t : legal_targets(c, st, a.move)) if (t == a.target) return true;
  return false;
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
  bool text = true;
  Rng rng;
  MoveResult& out;
  std::vector<int> touched;  // constraint indices whose awareness/progress moved

  int openness() const {
    if (a.target >= 0) return st.people[static_cast<size_t>(a.target)].openness;
    int sum = 0, n = 0;
    for (const PersonState& p : st.people) if (p.engaged) { sum += p.openness; ++n; }
    return n ? sum / n : 0;
  }
  // Scaled positive effect: base x at strength 2, full repetition factor, openness 50.
  int amt(int x) const { return x * m.strength * rep * (50 + openness()) / 20000; }
  const ConstraintDef& def(size_t i) const { return sc.pool[static_cast<size_t>(st.constraints[i].def)]; }
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
      touched.push_back(static_cast<int>(i));
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
      touched.push_back(static_cast<int>(i));
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

}  // namespace

MoveResult apply_move(const Content& c, State& st, const Action& a, bool text) {
  MoveResult out;
  out.action = a;
  if (st.ending != Ending::none) { out.error = "the game is over"; return out; }
  if (a.move < 0 || a.move >= static_cast<int>(c.moves.size())) { out.error = "unknown move"; return out; }
  int slot = -1;
  for (const Card& k : deal_hand(c, st)) if (k.move == a.move) slot = k.deck_slot;
  if (slot < 0) { out.error = "that move is not in the hand"; return out; }
  bool target_ok = false;
  for (int t : legal_targets(c, st, a.move)) target_ok |= t == a.target;
  if (!target_ok) { out.error = "that move cannot be aimed there"; return out; }
  return apply_card(c, st, a, slot, text);
}

MoveResult apply_card(const Content& c, State& st, const Action& a, int slot, bool text) {
  MoveResult out;
  out.action = a;
  assert(st.ending == Ending::none && slot >= 0);
  const Scenario& sc = scen(c, st);
  const MoveDef& m = c.moves[static_cast<size_t>(a.move)];
  const State before = st;
  out.ok = true;
  out.move_id = m.id;
  out.category = m.category;
  out.stage_before = st.stage;
  Ctx x{c, sc, st, m, a, category_fit(m.category, st.stage),
        repeat_factor(st.move_uses[static_cast<size_t>(slot)], st.category_uses_meeting[static_cast<size_t>(m.category)]),
        st.stage, text, rng_for(st.seed, 3, static_cast<uint64_t>(st.moves_made)), out, {}};
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
          p.trust = (p.trust + mean_trust(before)) / 2;
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
        x.touched.push_back(static_cast<int>(i));
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

  for (size_t i = 0; i < st.constraints.size(); ++i)
    if (before.constraints[i].progress < kResolved && st.constraints[i].progress >= kResolved) out.resolved.push_back(static_cast<int>(i));

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
  if (st.ending == Ending::none && mean_trust(st) < kDisengageTrust) st.ending = Ending::disengaged;
  if (m.category == Category::give_space) end_meeting(st, out);
  else if (++st.turn >= sc.moves_per_meeting) end_meeting(st, out);
  if (st.ending == Ending::none && st.meeting >= st.meetings_total) st.ending = Ending::no_decision;
  if (st.stage > st.peak_stage) st.peak_stage = st.stage;
  out.stage_after = st.stage;
  out.trust_after = mean_trust(st);
  out.ending = st.ending;

  // --- points: measurable change in the buyer's state, weighted by severity ---------------------
  int pts = 0;
  for (size_t i = 0; i < st.constraints.size(); ++i) {
    const ConstraintState& b = before.constraints[i];
    const ConstraintState& n = st.constraints[i];
    int sev = x.def(i).severity;
    if (b.awareness < kAware && n.awareness >= kAware) pts += 2 * sev;
    if (!b.learned && n.learned) pts += 2 * sev;
    pts += (n.progress - b.progress) * sev / 20;
    if (b.progress < kResolved && n.progress >= kResolved) pts += 4 * sev;
  }
  if (before.stage <= 3) pts += (st.need - before.need) / 4;
  pts += 4 * static_cast<int>(out.joined.size());
  pts += (mean_trust(st) - mean_trust(before)) / 2;
  pts += 4 * (st.stage - before.stage);
  pts += (st.needs_stated - before.needs_stated) / 8 + (st.confidence - before.confidence) / 8 +
         (st.commitment - before.commitment) / 8;
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

  if (text) {
    // Who answers: the target, else the owner of what moved, else the least trusting / the buyer.
    int speaker = a.target;
    if (speaker < 0 && !out.joined.empty()) speaker = out.joined[0];
    if (speaker < 0 && !x.touched.empty()) speaker = x.def(static_cast<size_t>(x.touched[0])).owner;
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
    auto say = [&](int who, ReplyKind kind, const std::string& t, int cons) {
      Reply r;
      r.speaker = who;
      r.speaker_id = sc.stakeholders[static_cast<size_t>(who)].id;
      r.speaker_name = sc.stakeholders[static_cast<size_t>(who)].name;
      r.text = fill_text(sc, who, t);
      r.kind = kind;
      r.constraint = cons;
      out.replies.push_back(r);
    };
    for (int j : out.joined) {
      int li = select_line(sc, j, m.category, out.verdict, st.stage, x.rng);
      if (li >= 0) say(j, ReplyKind::joined, sc.lines[static_cast<size_t>(li)].text, -1);
    }
    if (out.joined.empty() || a.target < 0 || out.joined[0] != speaker) {
      int li = select_line(sc, speaker, m.category, out.verdict, st.stage, x.rng);
      if (li >= 0) say(speaker, ReplyKind::reaction, sc.lines[static_cast<size_t>(li)].text, -1);
    }
    for (int i : out.learned) {
      const ConstraintDef& cd = x.def(static_cast<size_t>(i));
      say(cd.owner, ReplyKind::hint, cd.hints[static_cast<size_t>(x.rng.below(static_cast<int>(cd.hints.size())))], i);
    }
    for (int i : out.resolved) {
      const ConstraintDef& cd = x.def(static_cast<size_t>(i));
      say(cd.owner, ReplyKind::resolved, cd.resolved, i);
    }
    if (veto_by >= 0) {
      const StakeholderDef& v = sc.stakeholders[static_cast<size_t>(veto_by)];
      say(veto_by, ReplyKind::veto, "Nobody asked " + v.name + " (" + v.title + "), who has a veto: the purchase is blocked.", -1);
    }

    // --- one sentence, built from what actually changed ----------------------------------------
    auto nm = [&](int i) { return sc.stakeholders[static_cast<size_t>(i)].name; };
    auto st_name = [](int s) { return "S" + std::to_string(s); };
    const std::string who = nm(speaker);
    std::string e;
    if (out.verdict == Verdict::pushed || out.verdict == Verdict::harmful) {
      static const char* verbs[kCategoryCount] = {
          "asked that", "raised the cost of inaction", "pushed to bring others in", "listened",
          "gave space", "asked yet another fact-finding question", "asked for the value of a solution",
          "pitched", "argued with an objection", "pushed for a decision", "offered to de-risk a choice"};
      std::string cause;
      int worst = -1;
      for (size_t i = 0; i < before.constraints.size(); ++i) {
        const ConstraintState& cs = before.constraints[i];
        if (!cs.learned || cs.progress >= kResolved) continue;
        if (worst < 0 || x.def(i).severity > x.def(static_cast<size_t>(worst)).severity) worst = static_cast<int>(i);
      }
      if (m.category == Category::situation) cause = who + " had already answered " + std::to_string(st.category_uses[static_cast<size_t>(Category::situation)] - 1) + " of those";
      else if (m.category == Category::implication && before.stage == 6) cause = who + " already feared a wrong choice";
      else if (worst >= 0) cause = nm(x.def(static_cast<size_t>(worst)).owner) + " still saw " + describe(x.def(static_cast<size_t>(worst)).type);
      else cause = "the buyer was only at " + std::string(describe_stage(before.stage));
      std::string effect;
      if (st.stage < before.stage) effect = "the buyer retreated from " + st_name(before.stage) + " to " + st_name(st.stage);
      else if (mean_trust(st) < mean_trust(before)) effect = "trust fell from " + std::to_string(mean_trust(before)) + " to " + std::to_string(mean_trust(st));
      else if (st.need < before.need) effect = "the felt need to change fell from " + std::to_string(before.need) + " to " + std::to_string(st.need);
      else effect = "it cost you the buyer's patience";
      e = std::string("You ") + verbs[static_cast<int>(m.category)] + " while " + cause + ": " + effect + ".";
    } else if (veto_by >= 0) {
      e = nm(veto_by) + " holds a veto and was never engaged: the purchase was blocked at the last step.";
    } else if (st.ending == Ending::purchase) {
      e = who + " committed: signature and plan, in meeting " + std::to_string(before.meeting + 1) + ".";
    } else if (!out.resolved.empty()) {
      const ConstraintDef& cd = x.def(static_cast<size_t>(out.resolved[0]));
      e = nm(cd.owner) + " worked through " + describe(cd.type) + (m.category == Category::give_space ? " between meetings" : "") + ": it is resolved.";
    } else if (!out.learned.empty()) {
      const ConstraintDef& cd = x.def(static_cast<size_t>(out.learned[0]));
      e = "Your move let " + nm(cd.owner) + " voice " + describe(cd.type) + ": you now know it is in the way.";
    } else if (!out.joined.empty()) {
      e = nm(out.joined[0]) + " joined the conversation: the decision team grew to " + std::to_string(engaged_count(st)) + ".";
    } else if (blocked_early) {
      e = "Nobody saw a reason to bring others in yet: the problem is still " + std::string(describe_stage(st.stage)) + ".";
    } else if (wasted) {
      e = "You gave space with nothing surfaced for the buyer to work on: a meeting was lost.";
    } else if (st.stage > before.stage) {
      e = "The buyer moved from " + st_name(before.stage) + " to " + st_name(st.stage) + " (" + describe_stage(st.stage) + ").";
    } else if (!x.touched.empty() && m.category == Category::give_space) {
      e = "Between meetings the buyer worked on what had surfaced.";
    } else if (!x.touched.empty()) {
      const ConstraintDef& cd = x.def(static_cast<size_t>(x.touched[0]));
      e = nm(cd.owner) + " thought further about " + describe(cd.type) + ".";
    } else if (st.needs_stated > before.needs_stated) {
      e = who + " described the value in their own words.";
    } else if (st.confidence > before.confidence) {
      e = who + " feels surer of the choice (confidence " + std::to_string(st.confidence) + ").";
    } else if (st.commitment > before.commitment) {
      e = who + " moved toward signing (commitment " + std::to_string(st.commitment) + ").";
    } else if (st.need > before.need) {
      e = who + " put a cost on staying put: felt need rose from " + std::to_string(before.need) + " to " + std::to_string(st.need) + ".";
    } else if (mean_trust(st) > mean_trust(before)) {
      e = who + " felt heard: trust rose from " + std::to_string(mean_trust(before)) + " to " + std::to_string(mean_trust(st)) + ".";
    } else if (x.rep < 50) {
      e = "You have used that recently: it no longer moves " + who + ".";
    } else {
      e = "That touched nothing " + who + " is working on right now.";
    }
    if (st.ending == Ending::disengaged) e += " The buyer has stopped taking your calls.";
    else if (st.ending == Ending::no_decision) e += " The meetings ran out: no decision.";
    out.explanation = e;
  }
  return out;
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
