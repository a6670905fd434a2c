// tools/buyin talk: how the buyer talks. Plays the facilitator and the classic seller on each
// scenario and measures the replies (issue 16's targets: no repeats within a meeting, no filler
// answering a pushed or harmful move, no resolved line before any hint unless told as news, distinct
// replies >= 85% of the moves per game).
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "content_io.hpp"
#include "core/talk.hpp"

namespace cli {

using json = nlohmann::json;
using namespace buyin;

int cmd_talk(const Args& a) {
  LoadResult lr = load_content(read_content_dir(a.content));
  if (!lr.ok) {
    for (const Diagnostic& d : lr.errors) std::fprintf(stderr, "error: %s\n", d.str().c_str());
    return 1;
  }
  const Content& c = lr.content;
  json out = json::array();
  bool ok = true;
  if (!a.positional.empty() && a.positional[0] == "transcript") {  // one game's replies, for writers
    for (const Scenario& sc : c.scenarios) {
      if (!a.scenario.empty() && sc.id != a.scenario) continue;
      Policy p = Policy::classic;
      if (a.policy.size()) parse_policy(a.policy, p);
      Game played = play_policy(c, GameConfig{sc.id, a.seed, 0}, p, false);
      ReplayResult rr = replay(c, record_of(played));
      for (const MoveResult& r : rr.game.results) {
        std::printf("%-24s %-11s", std::string(r.move_id).c_str(), to_string(r.verdict));
        for (const Reply& rep : r.replies) std::printf(" | %.*s: %s", static_cast<int>(rep.speaker_id.size()), rep.speaker_id.data(), rep.text.c_str());
        std::printf("%s\n", r.meeting_ended ? "\n" : "");
      }
    }
    return 0;
  }
  if (!a.json)
    std::printf("%-26s %-11s %6s %7s %8s %6s %5s %8s %6s %6s %5s\n", "scenario", "policy", "games", "moves", "replies", "dist%",
                "min%", "answer%", "repeat", "filler", "early");
  for (const Scenario& sc : c.scenarios) {
    if (!a.scenario.empty() && sc.id != a.scenario) continue;
    for (Policy p : {Policy::facilitator, Policy::classic}) {
      TalkStats s = talk_stats(c, sc.id, p, a.seed, a.games, !a.positional.empty() && a.positional[0] == "examples");
      for (size_t k = 0; k < s.examples.size() && k < 12; ++k) std::fprintf(stderr, "  repeat: %s\n", s.examples[k].c_str());
      bool met = s.repeats == 0 && s.fillers_to_push == 0 && s.resolved_before_hint == 0 && s.distinct_pct >= 85;
      ok &= met;
      if (a.json) {
        out.push_back({{"scenario", sc.id}, {"policy", to_string(p)}, {"games", s.games}, {"moves", s.moves}, {"replies", s.replies},
                       {"distinct_pct", s.distinct_pct}, {"min_distinct_pct", s.min_distinct_pct}, {"answer_distinct_pct", s.answer_pct}, {"repeats_in_meeting", s.repeats},
                       {"fillers_to_pushed", s.fillers_to_push}, {"resolved_before_hint", s.resolved_before_hint},
                       {"resolved_as_news", s.news}, {"targets_met", met}});
      } else {
        std::printf("%-26s %-11s %6d %7lld %8lld %6d %5d %8d %6d %6d %5d%s\n", sc.id.c_str(), to_string(p), s.games,
                    static_cast<long long>(s.moves), static_cast<long long>(s.replies), s.distinct_pct, s.min_distinct_pct, s.answer_pct, s.repeats,
                    s.fillers_to_push, s.resolved_before_hint, met ? "" : "  <- below target");
      }
    }
  }
  if (a.json) std::cout << out.dump(2) << "\n";
  else std::printf("dist%%: distinct replies per game as %% of its moves (mean; min%%: worst game); repeat: replies repeated in a "
                   "meeting; filler: fillers answering pushed/harmful moves; early: resolved lines before any hint, not told as news\n");
  return ok ? 0 : 1;
}

}  // namespace cli
