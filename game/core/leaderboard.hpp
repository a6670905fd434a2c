// The competition leaderboard: every result code verified by replay (a forged score cannot
// pass), refused codes listed with their reason, players and teams ranked, CSV export.
#pragma once
#include <string>
#include <vector>

#include "core/buyin.hpp"

namespace buyin {

struct LeaderboardEntry {   // one submitted code
  int line = 0;             // 1-based position in the input
  std::string code;
  Verification v;           // v.error == none: verified
};
struct PlayerRank {
  int rank = 0;
  std::string player, team;
  int score = 0, meetings = 0, games = 0;  // best verified game; games = verified codes
  Ending ending = Ending::none;
};
struct TeamRank {
  int rank = 0;
  std::string team;
  int members = 0;
  int mean_x10 = 0;         // mean of members' best scores, times 10 (integers only)
  int mean_meetings_x10 = 0;
};
struct Leaderboard {
  Challenge challenge;      // the challenge every accepted code belongs to
  bool has_challenge = false;
  std::vector<LeaderboardEntry> entries;
  std::vector<PlayerRank> players;  // best first: score, then fewer meetings, then name
  std::vector<TeamRank> teams;      // best first: mean score, then fewer meetings, then name
  int accepted = 0, refused = 0;
};

// Splits pasted text or files into codes: one per line, blank lines and spaces ignored.
std::vector<std::string> split_codes(const std::string& text);
// expected: the challenge to rank; when null, the first code that decodes sets it.
Leaderboard build_leaderboard(const Content& c, const std::vector<std::string>& codes, const Challenge* expected = nullptr);
std::string leaderboard_csv(const Leaderboard& lb);

}  // namespace buyin
