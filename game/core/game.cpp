// Game-level API for the UI: start, play, view, debrief.
#include <algorithm>

#include "core/buyin.hpp"
#include "core/rng.hpp"
#include "core/rules.hpp"

namespace buyin {

StartResult start_game(const Content& c, const GameConfig& cfg) {
  StartResult r;
  int si = c.find_scenario(cfg.scenario_id);
  if (si < 0) { r.error = "unknown scenario \"" + cfg.scenario_id + "\""; return r; }
  if (cfg.meeting_limit < 0 || cfg.meeting_limit > 12) { r.error = "meeting limit must be 0..12"; return r; }
  r.game.content = &c;
  r.game.config = cfg;
  r.game.state = initial_state(c, si, cfg.seed, cfg.meeting_limit);
  r.game.state.notebook = cfg.notebook;
  r.game.state.open_play = cfg.open_play;
  r.ok = true;
  return r;
}

void open_play(Game& g) {
  g.config.open_play = true;
  g.state.open_play = true;
}

MoveResult play(Game& g, const Action& a) {
  MoveResult r = apply_move(*g.content, g.state, a, true, &g.results);
  if (r.ok) {
    g.actions.push_back(a);
    g.results.push_back(r);
  }
  return r;
}

View view(const Game& g) {
  const Content& c = *g.content;
  const Scenario& sc = g.scenario();
  const State& st = g.state;
  View v;
  v.stage = st.stage;
  v.stage_name = describe_stage(st.stage);
  v.meeting = st.meeting;
  v.meetings_total = st.meetings_total;
  v.turn = st.turn;
  v.moves_per_meeting = sc.moves_per_meeting;
  v.meetings_left = std::max(0, st.meetings_total - st.meeting);
  v.turns_left_in_meeting = sc.moves_per_meeting - st.turn;
  v.trust = mean_trust(st);
  v.ending = st.ending;
  for (const MoveResult& r : g.results) v.points += r.points;
  for (size_t i = 0; i < sc.stakeholders.size(); ++i) {
    const StakeholderDef& d = sc.stakeholders[i];
    const PersonState& p = st.people[i];
    v.people.push_back({static_cast<int>(i), d.id, d.name, d.title, d.personality, d.role, p.trust, p.openness, p.engaged, d.veto, p.invited,
                        d.through >= 0 ? sc.stakeholders[static_cast<size_t>(d.through)].name : std::string()});
  }
  for (size_t i = 0; i < st.constraints.size(); ++i) {
    const ConstraintState& cs = st.constraints[i];
    if (!cs.learned) continue;
    const ConstraintDef& d = sc.pool[static_cast<size_t>(cs.def)];
    NoteView n;
    n.constraint = static_cast<int>(i);
    n.type = d.type;
    n.owner_id = sc.stakeholders[static_cast<size_t>(d.owner)].id;
    n.owner_name = sc.stakeholders[static_cast<size_t>(d.owner)].name;
    n.heard = d.hints[0];
    for (const MoveResult& r : g.results)
      for (const Reply& rep : r.replies)
        if (rep.kind == ReplyKind::hint && rep.constraint == static_cast<int>(i)) n.heard = rep.text;
    n.resolved = cs.progress >= kResolved;
    v.voiced.push_back(n);
  }
  for (const Note& note : g.notes) {
    const Reply* line = buyer_line(g, note.line);
    NoteEntry e;
    e.line = note.line;
    e.heard = line ? line->text : std::string();
    e.speaker_name = line ? std::string(line->speaker_name) : std::string();
    e.type = note.type;
    e.owner_id = sc.stakeholders[static_cast<size_t>(note.owner)].id;
    e.owner_name = sc.stakeholders[static_cast<size_t>(note.owner)].name;
    v.notebook.push_back(e);
  }
  for (const Card& k : deal_hand(c, st)) {
    const MoveDef& m = c.moves[static_cast<size_t>(k.move)];
    CardView cv;
    cv.action = {k.move, -1};
    cv.move_id = m.id;
    cv.label = label_for(m, sc, k.move);
    const std::vector<std::string>& ph = phrasings_for(m, sc, k.move);
    cv.phrasing = ph[static_cast<size_t>(phrasing_index(st, k.deck_slot, static_cast<int>(ph.size())))];
    cv.category = m.category;
    cv.target_kind = m.target;
    cv.targets = legal_targets(c, st, k.move);
    v.hand.push_back(cv);
  }
  return v;
}

namespace {

// Names the moment the deal died: the pushed or harmful move that cost the most hidden ground, or,
// when nothing was pushed, what was still open when the meetings ran out.
void turning_point(const Content& c, const Game& g, Debrief& d) {
  const Scenario& sc = g.scenario();
  const State& st = g.state;
  d.ready_buyer = st.ready;
  d.stalls = st.stalls;
  d.objections = st.objections;
  d.proposals = st.proposals;
  if (st.ending == Ending::purchase || st.ending == Ending::none) return;
  int worst = -1;
  for (size_t i = 0; i < g.results.size(); ++i) {
    const MoveResult& r = g.results[i];
    if (r.verdict != Verdict::pushed && r.verdict != Verdict::harmful) continue;
    if (st.ending == Ending::disengaged || (r.setback > 0 && (worst < 0 || r.setback > g.results[static_cast<size_t>(worst)].setback)))
      worst = static_cast<int>(i);
  }
  std::string& w = d.turning_why;
  if (worst >= 0) {
    const MoveResult& r = g.results[static_cast<size_t>(worst)];
    d.turning_point = worst;
    w = "The deal died in meeting " + std::to_string(d.timeline[static_cast<size_t>(worst)].meeting + 1) + ", at \"" +
        label_for(c.moves[static_cast<size_t>(r.action.move)], sc, r.action.move) + "\": the buyer was at " + stage_phrase(r.stage_before);
    w += r.stage_before >= 5 ? ", ready to look, and the move pushed instead of helping." : ", not ready for a solution.";
    if (st.ending == Ending::disengaged) {
      w += " After repeated pressure the buyer stopped taking your calls.";
    } else {
      if (r.stall == static_cast<int>(Stall::proposal)) w += " They asked for a proposal: it sounded like progress and was a polite goodbye.";
      else if (r.stall >= 0) w += " They put you off politely, and nobody said what it cost.";
      else if (r.replies.size() && r.replies[0].kind == ReplyKind::objection) w += " A worry came up instead of interest.";
      w += " From there the buyer's defences stayed up, the felt need slid, and the meetings ran out: no decision.";
    }
  } else if (st.ending == Ending::no_decision) {
    // What was still open, named only when the trainee heard it (the rest stays for the constraints list).
    int open = 0;
    std::string heard;
    for (const ConstraintState& cs : st.constraints) {
      const ConstraintDef& def = sc.pool[static_cast<size_t>(cs.def)];
      if (cs.progress >= kResolved || (def.severity < 2 && cs.awareness >= kAware)) continue;
      ++open;
      if (cs.learned && heard.empty()) heard = std::string(describe(def.type)) + " (" + sc.stakeholders[static_cast<size_t>(def.owner)].name + ")";
    }
    w = std::string("Nothing you did pushed the buyer back: the meetings ran out with the buyer at ") + stage_phrase(st.stage);
    if (open == 0) w += ".";
    else if (!heard.empty()) w += " and " + std::to_string(open) + (open == 1 ? " worry" : " worries") + " still open, " + heard + (open == 1 ? "." : " among them.");
    else w += " and " + std::to_string(open) + (open == 1 ? " worry" : " worries") + " still open that the buyer never voiced to you.";
  }
  if (st.proposals > 0)
    w += " Proposals asked for along the way: " + std::to_string(st.proposals) + ", none of them a step forward.";
}

}  // namespace

Debrief debrief(const Game& g, bool with_expert) {
  const Content& c = *g.content;
  const Scenario& sc = g.scenario();
  Debrief d;
  d.ending = g.state.ending;
  d.score = final_score(c, g.state);
  for (const ConstraintState& cs : g.state.constraints) {
    const ConstraintDef& def = sc.pool[static_cast<size_t>(cs.def)];
    ConstraintReport r;
    r.id = def.id;
    r.owner_id = sc.stakeholders[static_cast<size_t>(def.owner)].id;
    r.owner_name = sc.stakeholders[static_cast<size_t>(def.owner)].name;
    r.summary = def.summary;
    r.type = def.type;
    r.severity = def.severity;
    r.awareness = cs.awareness;
    r.progress = cs.progress;
    r.surfaced = cs.learned;
    r.aware = cs.awareness >= kAware;
    r.resolved = cs.progress >= kResolved;
    d.constraints.push_back(r);
  }
  int total = 0, meeting = 0;
  for (size_t i = 0; i < g.results.size(); ++i) {
    const MoveResult& r = g.results[i];
    total += r.points;
    TimelineEntry t;
    t.index = static_cast<int>(i);
    t.meeting = meeting;
    t.points = r.points;
    t.total_points = total;
    t.trust = r.trust_after;
    t.stage = r.stage_after;
    t.move_id = r.move_id;
    t.label = label_for(c.moves[static_cast<size_t>(r.action.move)], sc, r.action.move);
    t.verdict = r.verdict;
    t.explanation = r.explanation;
    d.timeline.push_back(t);
    // Best is the move that gained most, worst the one that lost most: a game where nothing lost
    // points has no worst move (a 0-point question is not a mistake to single out).
    if (r.points > 0 && (d.best_move < 0 || r.points > g.results[static_cast<size_t>(d.best_move)].points)) d.best_move = static_cast<int>(i);
    if (r.points < 0 && (d.worst_move < 0 || r.points < g.results[static_cast<size_t>(d.worst_move)].points)) d.worst_move = static_cast<int>(i);
    if (r.meeting_ended) ++meeting;
  }
  turning_point(c, g, d);
  for (const Note& n : g.notes) d.notes.push_back({n, judge_note(g, n)});
  for (size_t i = 0; i < g.state.constraints.size(); ++i) {
    bool voiced = false;
    for (int line = 0, n = buyer_line_count(g); line < n && !voiced; ++line) voiced = line_constraint(g, line) == static_cast<int>(i);
    if (voiced && !(i < 64 && (g.state.noted >> i & 1))) ++d.notes_missed;
  }
  if (with_expert) {
    // A game played open (typed) is measured against an expert who may say any move of the deck too.
    d.expert = expert_path(c, sc.id, g.state.seed, nullptr, g.config.meeting_limit, g.config.open_play);
    Record rec{c.hash, g.config, d.expert, {}};
    ReplayResult rr = replay(c, rec);
    // The expert listens too: its notes count wherever the trainee's do.
    if (rr.ok) note_what_was_voiced(rr.game);
    if (rr.ok) d.expert_score = final_score(c, rr.game.state).total;
  }
  return d;
}

}  // namespace buyin
