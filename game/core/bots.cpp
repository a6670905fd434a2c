// Bot policies. All but the expert see only what a trainee sees (stage, people, notebook, hand).
#include <algorithm>

#include <numeric>

#include "core/buyin.hpp"
#include "core/internal.hpp"
#include "core/rng.hpp"
#include "core/rules.hpp"

namespace buyin {

const char* to_string(Policy p) {
  static const char* n[] = {"random", "pusher", "classic", "facilitator", "expert", "same_card", "facilitative_only",
                            "listen_only", "give_space_first", "top_of_hand", "never_recommend"};
  return n[static_cast<int>(p)];
}
bool parse_policy(const std::string& s, Policy& out) {
  for (int i = 0; i < kAllPolicies; ++i)
    if (s == to_string(static_cast<Policy>(i))) { out = static_cast<Policy>(i); return true; }
  return false;
}

namespace {

struct Option { Action a; Category cat; int value; int slot; };

// Calls f(card, target) for every card of the hand and every legal target, in legal_targets order.
// The hand in its canonical order (category, then slot): a policy chooses by what a card is, never by
// where the screen shows it, so shuffling the shown order moves no bot (top_of_hand reads the screen).
template <class F>
void for_each_option(const Content& c, const State& st, const detail::HandBuf& hand, F&& f) {
  for (const Card& k : hand) {
    const MoveDef& m = c.moves[static_cast<size_t>(k.move)];
    if (m.target == TargetKind::none) { f(k, -1); continue; }
    for (size_t i = 0; i < st.people.size(); ++i)
      if (detail::can_aim(m, st, i)) f(k, static_cast<int>(i));
  }
}
template <class F>
void for_each_option(const Content& c, const State& st, F&& f) {
  for_each_option(c, st, detail::HandBuf(c, st, false), f);
}

std::vector<Option> options(const Game& g) {
  std::vector<Option> out;
  const Content& c = *g.content;
  out.reserve(16);
  for_each_option(c, g.state, [&](const Card& k, int t) { out.push_back({{k.move, t}, c.moves[static_cast<size_t>(k.move)].category, 0, k.deck_slot}); });
  return out;
}

const Option& best(std::vector<Option>& opts, Rng& r) {
  // Highest value; ties broken by the policy's own dice.
  int top = -1000000;
  for (const Option& o : opts) top = std::max(top, o.value);
  std::vector<int> ties;
  for (size_t i = 0; i < opts.size(); ++i) if (opts[i].value == top) ties.push_back(static_cast<int>(i));
  return opts[static_cast<size_t>(ties[static_cast<size_t>(r.below(static_cast<int>(ties.size())))])];
}

const Option& facilitator(const Game& g, std::vector<Option>& opts, Rng& r) {
  const Content& c = *g.content;
  const Scenario& sc = g.scenario();
  const State& st = g.state;
  // Visible facts only: the notebook (learned constraints, resolved or not), people, the buyer's last
  // words (a worry, a stall, a hint), what happened in this meeting, own history.
  bool open_note = false;
  std::array<int, kConstraintTypeCount> note{};  // 1 learned unresolved, 2 learned resolved
  std::vector<int> owner_open(sc.stakeholders.size(), 0);
  for (const ConstraintState& cs : st.constraints) {
    if (!cs.learned) continue;
    const ConstraintDef& d = sc.pool[static_cast<size_t>(cs.def)];
    bool res = cs.progress >= kResolved;
    note[static_cast<size_t>(d.type)] = std::max(note[static_cast<size_t>(d.type)], res ? 2 : 1);
    if (!res) { open_note = true; owner_open[static_cast<size_t>(d.owner)] = 1; }
  }
  std::vector<int> heard_from(sc.stakeholders.size(), 0);  // someone voiced a constraint of theirs
  for (const ConstraintState& cs : st.constraints)
    if (cs.learned) heard_from[static_cast<size_t>(sc.pool[static_cast<size_t>(cs.def)].owner)] = 1;
  int waiting = 0;  // people neither in the room nor asked yet
  for (const PersonState& p : st.people) waiting += (p.engaged || p.invited) ? 0 : 1;
  auto reachable = [&](int who) {
    int t = sc.stakeholders[static_cast<size_t>(who)].through;
    return t < 0 || (st.people[static_cast<size_t>(t)].engaged && st.people[static_cast<size_t>(t)].trust >= 50);
  };
  std::vector<int> go_between(sc.stakeholders.size(), 0);  // colleagues someone waiting must come through
  for (size_t i = 0; i < sc.stakeholders.size(); ++i) {
    int t = sc.stakeholders[i].through;
    if (t >= 0 && !st.people[i].engaged && !st.people[i].invited && !reachable(static_cast<int>(i))) go_between[static_cast<size_t>(t)] = 1;
  }
  const int worry_type = st.said_constraint >= 0 && st.said != Said::stall
                             ? static_cast<int>(sc.pool[static_cast<size_t>(st.constraints[static_cast<size_t>(st.said_constraint)].def)].type) : -1;
  for (Option& o : opts) {
    const MoveDef& m = c.moves[static_cast<size_t>(o.a.move)];
    const int used_here = st.category_uses_meeting[static_cast<size_t>(m.category)];
    int v = category_fit(m.category, st.stage) * 6;
    v -= st.move_uses[static_cast<size_t>(o.slot)] * 8 + used_here * 5;
    if (used_here >= kQuestionsPerMeeting && m.category != Category::listen) v -= 40;  // an interrogation
    for (ConstraintType t : m.addresses) {
      int n = note[static_cast<size_t>(t)];
      if (m.category == Category::facilitative || m.category == Category::implication || m.category == Category::situation ||
          m.category == Category::involve_others)
        v += n == 0 ? (st.stage >= 3 ? 7 : 4) : n == 1 ? 6 : 0;
      if (static_cast<int>(t) == worry_type && m.category != Category::pitch) v += 14;  // answer the worry just voiced
    }
    if (o.a.target >= 0 && owner_open[static_cast<size_t>(o.a.target)]) v += 5;
    // Stuck with nothing open in the notes: ask the people not yet heard from.
    if (o.a.target >= 0 && !open_note && st.stage >= 3 && !heard_from[static_cast<size_t>(o.a.target)] &&
        st.people[static_cast<size_t>(o.a.target)].engaged && m.category == Category::facilitative)
      v += 8;
    if (st.said == Said::objection && (m.category == Category::listen || (o.a.target == st.said_speaker && m.category == Category::facilitative))) v += 14;
    if (st.said == Said::stall && (m.category == Category::facilitative || m.category == Category::involve_others)) v += 8;
    // Someone waits to be brought in through a colleague (the org chart is no secret): win that colleague first.
    if (o.a.target >= 0 && go_between[static_cast<size_t>(o.a.target)] && (m.category == Category::listen || m.category == Category::facilitative))
      v += 10;
    switch (m.category) {
      case Category::involve_others:
        if (o.a.target >= 0 && !st.people[static_cast<size_t>(o.a.target)].engaged && !reachable(o.a.target))
          v -= 20;
        else if (o.a.target >= 0 && !st.people[static_cast<size_t>(o.a.target)].engaged)
          v += st.people[static_cast<size_t>(o.a.target)].invited ? -30 : st.stage >= 1 ? 25 + (sc.stakeholders[static_cast<size_t>(o.a.target)].veto ? 5 : 0) : -5;
        else if (o.a.target < 0 && waiting > 0) v += st.stage >= 1 ? 22 : -5;
        else v -= 8;  // everyone is already here
        break;
      case Category::give_space:
        v += open_note && st.moved_meeting ? 16 + 8 * st.turn : -30;  // let them work once something surfaced, late in the meeting
        break;
      case Category::listen:
        if (st.spoke == 0 && st.said == Said::nothing) v -= 10;  // nothing to play back yet
        else if (o.a.target >= 0) v += (50 - st.people[static_cast<size_t>(o.a.target)].trust) / 4;
        else v += (50 - mean_trust(st)) / 4;
        break;
      case Category::situation:
        if (used_here >= 1 || st.category_uses[static_cast<size_t>(Category::situation)] >= kSituationSparingly - 1) v -= 30;
        break;
      case Category::need_payoff:  // the buyer-ready stage: let them say the value
        if (st.needs_stated >= kNeedsStated) v -= 20;  // they have said it: asking again is a rerun
        else if (st.stage == 5 || (st.stage == 4 && !open_note)) v += 18;
        break;
      case Category::pitch:
        if (st.stage >= 5 && m.ties_to_need && st.needs_stated >= kNeedsStated / 2) v += 20;
        else if (st.stage >= 5) v -= 4;
        break;
      case Category::de_risk:
        if (st.stage >= 6) v += 16 + (st.stage == 7 ? 8 : 0);
        break;
      default:
        break;
    }
    o.value = v;
  }
  return best(opts, r);
}

const Option& classic(const Game& g, std::vector<Option>& opts, Rng& r) {
  // A conventional needs-analysis seller, meeting by meeting: a fact question, a problem question, the
  // pitch, a proposal or trial, then the close; objections are rebutted, the decision maker asked for.
  const State& st = g.state;
  const Scenario& sc = g.scenario();
  int boss = -1;
  for (size_t i = 0; i < sc.stakeholders.size(); ++i)
    if (sc.stakeholders[i].role == Role::economic_buyer && !st.people[i].engaged && !st.people[i].invited) boss = static_cast<int>(i);
  static const Category plan[][3] = {
      {Category::situation, Category::facilitative, Category::implication},
      {Category::implication, Category::facilitative, Category::situation},
      {Category::pitch, Category::pitch, Category::pitch},
      {Category::de_risk, Category::pitch, Category::pitch},
      {Category::pressure, Category::de_risk, Category::pitch}};
  const int turn = std::min(st.turn, 4);
  for (Option& o : opts) {
    int v = 0;
    for (int k = 0; k < 3; ++k) if (o.cat == plan[turn][k]) v = std::max(v, 30 - 10 * k);
    if (st.said == Said::objection && o.cat == Category::rebuttal) v = 40;  // handle the objection
    if (o.cat == Category::involve_others && boss >= 0 && o.a.target == boss && turn == 1) v = 35;  // "who signs?"
    if (o.cat == Category::give_space) v = -10;
    o.value = v;
  }
  return best(opts, r);
}

const Option& pusher(std::vector<Option>& opts, Rng& r) {
  for (Option& o : opts) {
    o.value = o.cat == Category::pitch ? 40 : o.cat == Category::pressure ? 35 : o.cat == Category::de_risk ? 30
            : o.cat == Category::rebuttal ? 25 : o.cat == Category::give_space ? -10 : 0;
  }
  return best(opts, r);
}

// ---- the zoo: degenerate strategies a balanced game must not reward ------------------------------
// Each picks from the options in the canonical order (the first legal target of a card comes first);
// top_of_hand from the order on screen, as a trainee clicking the top card would.
const Option& first_of(std::vector<Option>& opts, Category k) {
  for (const Option& o : opts) if (o.cat == k) return o;
  return opts[0];
}

const Option& zoo(const Game& g, Policy p, std::vector<Option>& opts, Rng& r) {
  switch (p) {
    case Policy::same_card: {
      const int want = g.actions.empty() ? opts[0].a.move : g.actions[0].move;
      for (const Option& o : opts) if (o.a.move == want) return o;
      return opts[0];
    }
    case Policy::facilitative_only: return first_of(opts, Category::facilitative);
    case Policy::listen_only: return first_of(opts, Category::listen);
    case Policy::give_space_first: return first_of(opts, Category::give_space);
    case Policy::never_recommend: {
      for (Option& o : opts)
        o.value = (o.cat == Category::pitch || o.cat == Category::need_payoff || o.cat == Category::de_risk || o.cat == Category::rebuttal ||
                   o.cat == Category::pressure) ? 0 : 1;
      return best(opts, r);
    }
    default: {  // top_of_hand: the first card on screen (the hand as shown), at its first legal target
      const detail::HandBuf shown(*g.content, g.state, true);
      for (const Card& k : shown)
        for (const Option& o : opts) if (o.a.move == k.move) return o;
      return opts[0];
    }
  }
}

// ---- expert: beam search over the full (hidden) state ------------------------------------------
int evaluate(const Content& c, const State& st) {
  const Scenario& sc = c.scenarios[static_cast<size_t>(st.scenario)];
  if (st.ending != Ending::none) return (st.ending == Ending::purchase ? 1000000 : 0) + detail::final_total(c, st) * 100;
  int v = st.stage * 300 + std::min(st.need, 70) * 3 + st.needs_stated * 2 + st.confidence * 2 + st.commitment * 3;
  for (const ConstraintState& cs : st.constraints) {
    int sev = sc.pool[static_cast<size_t>(cs.def)].severity;
    v += sev * (std::min(cs.awareness, kAware) * 2 + cs.progress * 2 + (cs.learned ? 40 : 0));
  }
  for (size_t i = 0; i < st.people.size(); ++i) {
    if (st.people[i].engaged) v += 30;
    else if (st.people[i].invited) v += 28;  // joins at the next meeting
    else if (sc.stakeholders[i].veto && st.stage >= 4) v -= 150;  // it will block late
  }
  v += mean_trust(st) * 2;
  v -= st.resistance * 4;
  v -= st.early_pitches * 150;
  v -= (st.meeting * sc.moves_per_meeting + st.turn) * 15;
  return v;
}

struct Node { State st; int parent; Action a; int value; };
constexpr int kPushPenalty = -100000000;  // the expert models good practice: pushing is its last resort

// Open play (typed moves): every move of the deck once, from the slot play() takes it from (its
// dealt card's, else its first in the deck: detail::slot_to_play, with one deal per state instead
// of one per move). `first_slots`: the deck slots that hold a move's first copy, in deck order.
template <class F>
void for_each_open_option(const Content& c, const State& st, const std::vector<int>& first_slots, F&& f) {
  const Scenario& sc = c.scenarios[static_cast<size_t>(st.scenario)];
  const detail::HandBuf hand(c, st);  // the order on screen, as slot_to_play deals it
  for (int k : first_slots) {
    Card card{sc.deck[static_cast<size_t>(k)], k};
    for (const Card& h : hand) if (h.move == card.move) card.deck_slot = h.deck_slot;
    const MoveDef& m = c.moves[static_cast<size_t>(card.move)];
    if (m.target == TargetKind::none) { f(card, -1); continue; }
    for (size_t i = 0; i < st.people.size(); ++i)
      if (detail::can_aim(m, st, i)) f(card, static_cast<int>(i));
  }
}

// The best ending the beam found from `start` and its value (evaluate's); an empty path when none.
struct Found { std::vector<Action> path; int value = -2000000000; };

// The beam over the moves dealt, or in open play (first_slots given) over every move of the deck.
Found search(const Content& c, const State& start, const std::vector<int>* first_slots) {
  const int kWidth = 5;
  std::vector<Node> arena;
  arena.reserve(4096);
  arena.push_back({start, -1, {}, 0});
  std::vector<int> beam{0};
  int best_end = -1, best_end_value = -2000000000;
  // Children of one depth. Kept across depths so their States reuse their buffers (no allocation).
  std::vector<Node> next;
  std::vector<int> order;
  std::vector<uint64_t> seen;
  for (int depth = 0; depth < 200 && !beam.empty(); ++depth) {
    size_t nnext = 0;
    for (int ni : beam) {
      const State& st = arena[static_cast<size_t>(ni)].st;
      auto expand = [&](const Card& k, int t) {
        if (nnext == next.size()) next.emplace_back();
        Node& child = next[nnext++];
        child.st = st;
        child.parent = ni;
        child.a = {k.move, t};
        MoveResult scratch;
        detail::apply_unchecked(c, child.st, child.a, k.deck_slot, false, scratch);
        child.value = evaluate(c, child.st);
        // The expert models good practice: a pushed or harmful move is taken only when nothing else is dealt.
        if (scratch.verdict == Verdict::pushed || scratch.verdict == Verdict::harmful) child.value += kPushPenalty;
      };
      if (first_slots) for_each_open_option(c, st, *first_slots, expand);
      else for_each_option(c, st, expand);
    }
    // Best first; equal values keep their order of generation (a stable sort of the children).
    order.resize(nnext);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return next[static_cast<size_t>(a)].value > next[static_cast<size_t>(b)].value;
    });
    beam.clear();
    seen.clear();
    for (int oi : order) {
      if (static_cast<int>(beam.size()) >= kWidth) break;
      Node& n = next[static_cast<size_t>(oi)];
      uint64_t h = state_hash(n.st);
      if (std::find(seen.begin(), seen.end(), h) != seen.end()) continue;
      // A pushed or harmful move enters the beam only when no other move of this depth could.
      if (n.value < kPushPenalty / 2 && !beam.empty()) continue;
      seen.push_back(h);
      bool ended = n.st.ending != Ending::none;
      int value = n.value;
      arena.push_back(n);
      int idx = static_cast<int>(arena.size()) - 1;
      if (ended) {
        if (value > best_end_value) { best_end_value = value; best_end = idx; }
      } else {
        beam.push_back(idx);
      }
    }
    // A purchase found: anything still open can only be a slower purchase.
    if (best_end >= 0 && arena[static_cast<size_t>(best_end)].st.ending == Ending::purchase) break;
  }
  Found out;
  for (int i = best_end; i > 0 && arena[static_cast<size_t>(i)].parent >= 0; i = arena[static_cast<size_t>(i)].parent)
    out.path.push_back(arena[static_cast<size_t>(i)].a);
  std::reverse(out.path.begin(), out.path.end());
  if (best_end >= 0) out.value = best_end_value;
  return out;
}

}  // namespace

std::vector<Action> expert_path(const Content& c, const std::string& scenario_id, uint64_t seed, const State* from, int meeting_limit,
                                bool open_play) {
  int si = c.find_scenario(scenario_id);
  if (si < 0) return {};
  State start = from ? *from : initial_state(c, si, seed, meeting_limit);
  if (!from) start.open_play = open_play;
  Found cards = search(c, start, nullptr);
  if (!start.open_play) return cards.path;
  // In open play the expert, like a typing player, may say any move of the deck, dealt or not. The
  // wider beam is myopic in its own way (it ends lower than the dealt one on about half the starts
  // of the shipped content), and whoever may say anything may also say what was dealt: the better
  // ending of the two searches is the expert's (the dealt line plays the same in open play).
  std::vector<int> first_slots;
  const std::vector<int>& deck = c.scenarios[static_cast<size_t>(si)].deck;
  for (size_t k = 0; k < deck.size(); ++k)
    if (std::find(deck.begin(), deck.begin() + static_cast<std::ptrdiff_t>(k), deck[k]) == deck.begin() + static_cast<std::ptrdiff_t>(k))
      first_slots.push_back(static_cast<int>(k));
  Found open = search(c, start, &first_slots);
  return open.value >= cards.value ? open.path : cards.path;
}

namespace {

// The policy's move and the deck slot of its card; slot -1 when there is no move.
struct Choice { Action a; int slot = -1; };

Choice choose(const Game& g, Policy p) {
  const Content& c = *g.content;
  if (p == Policy::random) {  // uniform over the options, listed once on the stack
    const detail::HandBuf hand(c, g.state, false);
    struct Opt { int move, target, slot; };  // no initializers: the buffer is not filled up front
    detail::SmallBuf<Opt, 64> opts(static_cast<size_t>(hand.n) * (g.state.people.size() + 1));
    int count = 0;
    for_each_option(c, g.state, hand, [&](const Card& k, int t) { opts[static_cast<size_t>(count++)] = {k.move, t, k.deck_slot}; });
    if (count == 0) return {};
    Rng r = rng_for(g.state.seed, 10 + static_cast<uint64_t>(p), static_cast<uint64_t>(g.state.moves_made));
    const Opt& o = opts[static_cast<size_t>(r.below(count))];
    return {{o.move, o.target}, o.slot};
  }
  std::vector<Option> opts = options(g);
  if (opts.empty()) return {};
  Rng r = rng_for(g.state.seed, 10 + static_cast<uint64_t>(p), static_cast<uint64_t>(g.state.moves_made));
  auto of = [](const Option& o) { return Choice{o.a, o.slot}; };
  switch (p) {
    case Policy::random: return of(opts[static_cast<size_t>(r.below(static_cast<int>(opts.size())))]);
    case Policy::pusher: return of(pusher(opts, r));
    case Policy::classic: return of(classic(g, opts, r));
    case Policy::facilitator: return of(facilitator(g, opts, r));
    case Policy::same_card: case Policy::facilitative_only: case Policy::listen_only: case Policy::give_space_first:
    case Policy::top_of_hand: case Policy::never_recommend:
      return of(zoo(g, p, opts, r));
    case Policy::expert: {
      std::vector<Action> path = expert_path(c, g.scenario().id, g.state.seed, &g.state, g.config.meeting_limit);
      if (path.empty()) return of(opts[0]);
      Choice ch{path[0], -1};  // the search dealt this very hand: its first move is one of the options
      for (const Option& o : opts) if (o.a == path[0]) ch.slot = o.slot;
      return ch;
    }
  }
  return of(opts[0]);
}

}  // namespace

Action choose_action(const Game& g, Policy p) { return choose(g, p).a; }

Game play_policy(const Content& c, const GameConfig& cfg, Policy p, bool text) {
  StartResult s = start_game(c, cfg);
  if (!s.ok) return Game{};
  Game g = std::move(s.game);
  const Scenario& sc = g.scenario();
  g.results.reserve(static_cast<size_t>(g.state.meetings_total) * static_cast<size_t>(sc.moves_per_meeting));
  g.actions.reserve(static_cast<size_t>(g.state.meetings_total) * static_cast<size_t>(sc.moves_per_meeting));
  auto keep = [&](const Action& a, MoveResult&& r) {
    g.actions.push_back(a);
    g.results.push_back(std::move(r));
  };
  // With text the replies remember what was said, as in a game played through play(): the same
  // lines as its replay, so notes on them point at the same lines.
  const std::vector<MoveResult>* said = text ? &g.results : nullptr;
  if (p == Policy::expert) {
    for (const Action& a : expert_path(c, cfg.scenario_id, cfg.seed, nullptr, cfg.meeting_limit, cfg.open_play)) {
      MoveResult r = apply_move(c, g.state, a, text, said);  // checked: the path was found on copies of the state
      if (!r.ok) break;
      keep(a, std::move(r));
    }
  }
  for (int guard = 0; !g.over() && guard < 500; ++guard) {
    // The policy picks from the hand it was dealt, so the move is legal and its card known: it is
    // applied as apply_move would after re-dealing the same hand to check it.
    Choice ch = choose(g, p);
    if (ch.slot < 0) {
      MoveResult r = apply_move(c, g.state, ch.a, text, said);
      if (!r.ok) break;
      keep(ch.a, std::move(r));
      continue;
    }
    keep(ch.a, apply_card(c, g.state, ch.a, ch.slot, text, said));
  }
  // The facilitator and the expert listen: every worry voiced to them goes into their notebook, so
  // a trainee who notes well is measured against players who do too.
  if (p == Policy::facilitator || p == Policy::expert) note_what_was_voiced(g, text);
  return g;
}

PolicyStats run_policy(const Content& c, const std::string& scenario_id, Policy p, uint64_t first_seed, int games) {
  PolicyStats s;
  const Lesson* lesson = lesson_for(c, scenario_id);
  int64_t meetings = 0;
  for (int i = 0; i < games; ++i) {
    Game g = play_policy(c, GameConfig{scenario_id, first_seed + static_cast<uint64_t>(i), 0}, p, false);
    if (!g.content) continue;
    ++s.games;
    s.total_score += final_score(c, g.state).total;
    s.purchases += g.state.ending == Ending::purchase;
    s.no_decisions += g.state.ending == Ending::no_decision;
    s.disengaged += g.state.ending == Ending::disengaged;
    meetings += g.state.meeting + (g.state.turn > 0 ? 1 : 0);
    if (lesson) s.lesson_passes += check_lesson(c, *lesson, g).passed ? 1 : 0;
  }
  if (s.games > 0) {
    s.mean_score = static_cast<int>(s.total_score / s.games);
    s.purchase_pct = s.purchases * 100 / s.games;
    s.no_decision_pct = s.no_decisions * 100 / s.games;
    s.disengaged_pct = s.disengaged * 100 / s.games;
    s.mean_meetings_x10 = static_cast<int>(meetings * 10 / s.games);
    if (lesson) s.lesson_pass_pct = s.lesson_passes * 100 / s.games;
  }
  return s;
}

}  // namespace buyin
