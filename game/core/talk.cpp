#include "core/talk.hpp"

#include <set>

#include "core/rules.hpp"

namespace buyin {

void add_talk(const Game& g, TalkStats& s, int64_t& distinct_sum, int64_t* answer_sum) {
  const Scenario& sc = g.scenario();
  std::set<std::string> meeting, game, answers;
  std::set<int> heard;  // constraints the trainee heard a hint of (hint or objection replies)
  for (size_t i = 0; i < g.state.constraints.size(); ++i)
    if (sc.pool[static_cast<size_t>(g.state.constraints[i].def)].start == ConstraintDef::Start::known) heard.insert(static_cast<int>(i));
  for (const MoveResult& r : g.results) {
    const bool push = r.verdict == Verdict::pushed || r.verdict == Verdict::harmful;
    if (!r.replies.empty()) answers.insert(r.replies[0].text);
    for (const Reply& rep : r.replies) {
      ++s.replies;
      if (!meeting.insert(rep.text).second) {
        ++s.repeats;
        if (s.debug) s.examples.push_back(std::to_string(static_cast<int>(rep.kind)) + " " + std::string(rep.speaker_id) + ": " + rep.text);
      }
      game.insert(rep.text);
      if (rep.kind == ReplyKind::reaction && push && rep.line >= 0 && sc.lines[static_cast<size_t>(rep.line)].filler()) ++s.fillers_to_push;
      if (rep.kind == ReplyKind::hint || rep.kind == ReplyKind::objection) heard.insert(rep.constraint);
      if (rep.kind == ReplyKind::resolved) {
        if (rep.news) ++s.news;
        else if (!heard.count(rep.constraint)) ++s.resolved_before_hint;
      }
    }
    if (r.meeting_ended) meeting.clear();
  }
  ++s.games;
  s.moves += static_cast<int64_t>(g.results.size());
  int pct = g.results.empty() ? 100 : static_cast<int>(static_cast<int64_t>(game.size()) * 100 / static_cast<int64_t>(g.results.size()));
  if (pct > 100) pct = 100;
  distinct_sum += pct;
  if (answer_sum) *answer_sum += g.results.empty() ? 100 : static_cast<int64_t>(answers.size()) * 100 / static_cast<int64_t>(g.results.size());
  if (s.games == 1 || pct < s.min_distinct_pct) s.min_distinct_pct = pct;
}

TalkStats talk_stats(const Content& c, const std::string& scenario_id, Policy p, uint64_t first_seed, int games, bool debug) {
  TalkStats s;
  s.debug = debug;
  int64_t sum = 0, answers = 0;
  for (int i = 0; i < games; ++i) {
    GameConfig cfg{scenario_id, first_seed + static_cast<uint64_t>(i), 0};
    Game played = play_policy(c, cfg, p, false);
    if (!played.content) continue;
    ReplayResult rr = replay(c, record_of(played));
    if (!rr.ok) continue;
    add_talk(rr.game, s, sum, &answers);
  }
  if (s.games > 0) s.distinct_pct = static_cast<int>(sum / s.games);
  if (s.games > 0) s.answer_pct = static_cast<int>(answers / s.games);
  return s;
}

}  // namespace buyin
