// The competition leaderboard: every result code verified by replay (a forged score cannot
// pass) against the challenge the organizer names, refused codes listed with their reason,
// suspicious ones flagged (duplicates, identical moves under other names, changed teams,
// attempts that do not add up), players and teams ranked by percent of the expert's score
// from the same start, CSV export.
#pragma once
#include <string>
#include <vector>

#include "core/buyin.hpp"

namespace buyin {

struct LeaderboardEntry {   // one submitted code
  int line = 0;             // 1-based position in the input
  std::string code;
  Verification v;           // v.error == none: verified
  bool counted = false;     // verified and ranked (not a duplicate, not left out as a later attempt)
  int expert_score = 0;     // the expert's score from the same start (verified codes)
  int percent = 0;          // floor(score * 100 / expert_score); meaningful when has_percent
  bool has_percent = false; // the expert scored above 0 from this start
  std::vector<std::string> flags;  // plain-words notes for the organizer
};
struct PlayerRank {
  int rank = 0;
  std::string player, team;
  int score = 0, meetings = 0, games = 0;  // best verified game; games = counted codes
  int percent = 0, expert_score = 0;       // of the best game
  bool has_percent = false;
  int attempts = 0;          // the highest attempt number among the player's codes
  int best_line = 0;         // the input line of the best game
  Ending ending = Ending::none;
};
struct TeamRank {
  int rank = 0;
  std::string team;
  int members = 0;
  int mean_x10 = 0;          // mean of members' best scores, times 10 (integers only)
  int mean_percent_x10 = 0;  // mean of members' best percents, times 10 (ranks the teams)
  int mean_meetings_x10 = 0;
};
struct BoardOptions {
  bool first_attempts_only = false;  // rank only codes that say they were the player's first attempt
};
struct Leaderboard {
  Challenge challenge;      // the challenge every accepted code belongs to
  bool has_challenge = false;
  std::string error;        // set when nothing could be ranked (no challenge given)
  std::vector<LeaderboardEntry> entries;
  std::vector<PlayerRank> players;  // best first: percent, score, fewer meetings, then name
  std::vector<TeamRank> teams;      // best first: mean percent, mean score, fewer meetings, then name
  int accepted = 0, refused = 0, duplicates = 0, flagged = 0;
};

// Splits pasted text or files into codes: one per line, blank lines and spaces ignored.
std::vector<std::string> split_codes(const std::string& text);
// expected: the challenge to rank. Required: without it nothing is ranked and `error` says why
// (letting the first code decide let a foreign code placed first refuse every honest one).
Leaderboard build_leaderboard(const Content& c, const std::vector<std::string>& codes, const Challenge* expected,
                              const BoardOptions& opt = {});
std::string leaderboard_csv(const Leaderboard& lb);
// One CSV cell: quoted, a leading = + - @ tab CR or NUL defused with ', line breaks and NUL replaced.
std::string csv_cell(const std::string& s);

}  // namespace buyin
