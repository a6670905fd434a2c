// The leaderboard: codes verified by replay, refused ones with their reason, players and teams
// ranked by the rules (best game per player; team = mean of members' best; ties by meetings).
#include <doctest/doctest.h>

#include "core/leaderboard.hpp"
#include "helpers.hpp"

using namespace buyin;

namespace {

const Content& C() { return th::fixtures(); }

// A real game played by a bot, turned into the code its player would submit.
std::string code_for(const Challenge& ch, Policy p, const std::string& player, const std::string& team, int* score = nullptr,
                     int* meetings = nullptr) {
  Game g = play_policy(C(), GameConfig{ch.scenario_id, ch.seed, ch.meeting_limit}, p);
  const int s = final_score(C(), g.state).total;
  if (score) *score = s;
  if (meetings) *meetings = meetings_used(g.state);
  return encode_result(C(), ResultCode{C().hash, ch, player, team, g.actions, s});
}

}  // namespace

TEST_CASE("leaderboard: split_codes takes one code per line and ignores blanks") {
  CHECK(split_codes("  abc \r\n\n def\n") == std::vector<std::string>{"abc", "def"});
  CHECK(split_codes("").empty());
}

TEST_CASE("leaderboard: players ranked by verified score, teams by the mean of members' best") {
  Challenge ch{"fixture_clinic", 42, true, 0};
  int s_fac = 0, s_push = 0, s_cls = 0, m_fac = 0;
  std::vector<std::string> codes = {
      code_for(ch, Policy::pusher, "Bo", "Red", &s_push),
      code_for(ch, Policy::facilitator, "Ada", "Blue", &s_fac, &m_fac),
      code_for(ch, Policy::classic, "Cy", "Blue", &s_cls),
      code_for(ch, Policy::pusher, "Ada", "Blue"),  // Ada's weaker second game: her best counts
  };
  REQUIRE(s_fac > s_push);
  const Leaderboard lb = build_leaderboard(C(), codes, &ch);
  CHECK(lb.accepted == 4);
  CHECK(lb.refused == 0);
  REQUIRE(lb.players.size() == 3);
  CHECK(lb.players[0].player == "Ada");
  CHECK(lb.players[0].score == s_fac);
  CHECK(lb.players[0].meetings == m_fac);
  CHECK(lb.players[0].games == 2);
  CHECK(lb.players[0].rank == 1);
  for (size_t i = 1; i < lb.players.size(); ++i) CHECK(lb.players[i - 1].score >= lb.players[i].score);
  REQUIRE(lb.teams.size() == 2);
  const TeamRank& blue = lb.teams[0].team == "Blue" ? lb.teams[0] : lb.teams[1];
  CHECK(blue.members == 2);
  CHECK(blue.mean_x10 == (s_fac + s_cls) * 10 / 2);
  const TeamRank& red = lb.teams[0].team == "Red" ? lb.teams[0] : lb.teams[1];
  CHECK(red.mean_x10 == s_push * 10);
  CHECK(lb.teams[0].mean_x10 >= lb.teams[1].mean_x10);
}

TEST_CASE("leaderboard: forged, damaged and foreign codes are refused with their reason, the rest still ranks") {
  Challenge ch{"fixture_clinic", 42, true, 0};
  Challenge other{"fixture_clinic", 43, true, 0};
  int score = 0;
  const std::string good = code_for(ch, Policy::facilitator, "Ada", "Blue", &score);
  Game g = play_policy(C(), GameConfig{ch.scenario_id, ch.seed, 0}, Policy::pusher);
  const std::string forged = encode_result(C(), ResultCode{C().hash, ch, "Eve", "Red", g.actions, 999});
  std::string edited = good;
  edited[edited.size() / 2] = edited[edited.size() / 2] == 'A' ? 'B' : 'A';
  const std::vector<std::string> codes = {good, forged, edited, code_for(other, Policy::facilitator, "Zed", ""), "hello",
                                          good.substr(0, good.size() / 2)};
  const Leaderboard lb = build_leaderboard(C(), codes, &ch);
  CHECK(lb.accepted == 1);
  CHECK(lb.refused == 5);
  REQUIRE(lb.players.size() == 1);
  CHECK(lb.players[0].player == "Ada");
  CHECK(lb.entries[1].v.error == CodeError::score_mismatch);
  CHECK(lb.entries[2].v.error != CodeError::none);
  CHECK(lb.entries[3].v.error == CodeError::foreign_challenge);
  CHECK(lb.entries[4].v.error != CodeError::none);
  CHECK(lb.entries[5].v.error != CodeError::none);
  // Without the challenge nothing is ranked (the first code no longer decides), and it says why.
  const Leaderboard none = build_leaderboard(C(), codes, nullptr);
  CHECK_FALSE(none.has_challenge);
  CHECK(none.players.empty());
  CHECK(none.error.find("challenge code") != std::string::npos);
}

TEST_CASE("leaderboard: the CSV has a row per player, per team and per refused code, with formulas defused") {
  Challenge ch{"fixture_clinic", 7, false, 0};
  const std::vector<std::string> codes = {code_for(ch, Policy::facilitator, "=cmd()", "Blue, \"the best\""), "broken"};
  const Leaderboard lb = build_leaderboard(C(), codes, &ch);
  const std::string csv = leaderboard_csv(lb);
  CHECK(csv.rfind("section,rank,player,team,score,percent_of_expert,expert_score,meetings,ending,games,attempts,status\n", 0) == 0);
  CHECK(csv.find("player,1,\"'=cmd()\",\"Blue, \"\"the best\"\"\"") != std::string::npos);
  CHECK(csv.find("team,1,,\"Blue, \"\"the best\"\"\"") != std::string::npos);
  CHECK(csv.find("refused,") != std::string::npos);
  CHECK(csv.find("line 2:") != std::string::npos);
  size_t rows = 0;
  for (char ch2 : csv) rows += ch2 == '\n';
  CHECK(rows == 4);
}

TEST_CASE("leaderboard: the expert's score is what its path earns played in full (the board plays it without text)") {
  Challenge ch{"fixture_clinic", 42, true, 0};
  const std::vector<std::string> codes = {code_for(ch, Policy::facilitator, "Ada", "Blue"), code_for(ch, Policy::pusher, "Bo", "Red")};
  const Leaderboard lb = build_leaderboard(C(), codes, &ch);
  REQUIRE(lb.accepted == 2);
  for (const LeaderboardEntry& e : lb.entries) {
    const std::vector<Action> path = expert_path(C(), ch.scenario_id, e.v.seed, nullptr, ch.meeting_limit);
    const ReplayResult rr = replay(C(), Record{C().hash, GameConfig{ch.scenario_id, e.v.seed, ch.meeting_limit}, path});
    REQUIRE(rr.ok);
    CHECK(e.expert_score == final_score(C(), rr.game.state).total);
    CHECK(e.expert_score > 0);
  }
}
