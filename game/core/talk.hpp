// How the buyer talks, measured over bot games (tools/buyin talk, tests/core/test_talk.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/buyin.hpp"

namespace buyin {

struct TalkStats {
  int games = 0;
  int64_t moves = 0, replies = 0;
  int distinct_pct = 0;      // distinct reply texts per game as a percent of its moves, mean over games
  int min_distinct_pct = 0;  // the lowest game
  int answer_pct = 0;        // the same for the first reply to each move only (the answer to the move)
  int repeats = 0;           // replies repeated within a meeting
  int fillers_to_push = 0;   // pushed or harmful moves answered with a filler (any category, any verdict)
  int resolved_before_hint = 0;  // resolved lines before any hint of it was heard, not told as news
  int news = 0;              // resolved lines told as news
  bool debug = false;        // collect examples of repeats
  std::vector<std::string> examples;
};

// Plays `games` games of policy p from first_seed (moves chosen with text off, then replayed with the
// game's own text, exactly as a trainee would see it) and measures the replies.
TalkStats talk_stats(const Content& c, const std::string& scenario_id, Policy p, uint64_t first_seed, int games, bool debug = false);
// The same measures for one game already played with text.
void add_talk(const Game& g, TalkStats& s, int64_t& distinct_sum, int64_t* answer_sum = nullptr);

}  // namespace buyin
