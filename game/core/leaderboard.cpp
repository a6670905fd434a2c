#include "core/leaderboard.hpp"

#include <algorithm>
#include <map>

namespace buyin {

std::vector<std::string> split_codes(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : text) {
    if (ch == '\n' || ch == '\r') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else if (ch != ' ' && ch != '\t') {
      cur += ch;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// Competition ranking over a sorted list: equal entries share a rank and the next one skips ("1, 1, 3").
template <class T, class Same>
static void assign_ranks(std::vector<T>& v, Same same) {
  for (size_t i = 0; i < v.size(); ++i) v[i].rank = (i > 0 && same(v[i - 1], v[i])) ? v[i - 1].rank : static_cast<int>(i + 1);
}

Leaderboard build_leaderboard(const Content& c, const std::vector<std::string>& codes, const Challenge* expected) {
  Leaderboard lb;
  if (expected) { lb.challenge = *expected; lb.has_challenge = true; }
  // Without a given challenge, the first code that decodes names it.
  for (size_t i = 0; i < codes.size() && !lb.has_challenge; ++i) {
    ResultDecode d = decode_result(c, codes[i]);
    if (d.error == CodeError::none) { lb.challenge = d.result.challenge; lb.has_challenge = true; }
  }
  std::map<std::string, PlayerRank> best;  // by player name (ordered: deterministic)
  for (size_t i = 0; i < codes.size(); ++i) {
    LeaderboardEntry e;
    e.line = static_cast<int>(i + 1);
    e.code = codes[i];
    e.v = verify_result(c, codes[i], lb.has_challenge ? &lb.challenge : nullptr);
    if (e.v.error == CodeError::none) {
      ++lb.accepted;
      PlayerRank& p = best[e.v.result.player];
      const bool better = p.games == 0 || e.v.score > p.score || (e.v.score == p.score && e.v.meetings < p.meetings);
      p.games++;
      if (better) {
        p.player = e.v.result.player;
        p.team = e.v.result.team;
        p.score = e.v.score;
        p.meetings = e.v.meetings;
        p.ending = e.v.ending;
      }
    } else {
      ++lb.refused;
    }
    lb.entries.push_back(std::move(e));
  }
  for (auto& kv : best) lb.players.push_back(kv.second);
  std::stable_sort(lb.players.begin(), lb.players.end(), [](const PlayerRank& a, const PlayerRank& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.meetings != b.meetings) return a.meetings < b.meetings;
    return a.player < b.player;
  });
  assign_ranks(lb.players, [](const PlayerRank& a, const PlayerRank& b) { return a.score == b.score && a.meetings == b.meetings; });
  // A team's score is the mean of its members' best games (players with no team are not ranked as a team).
  std::map<std::string, std::vector<const PlayerRank*>> teams;
  for (const PlayerRank& p : lb.players)
    if (!p.team.empty()) teams[p.team].push_back(&p);
  for (auto& kv : teams) {
    TeamRank t;
    t.team = kv.first;
    t.members = static_cast<int>(kv.second.size());
    long long sum = 0, meet = 0;
    for (const PlayerRank* p : kv.second) { sum += p->score; meet += p->meetings; }
    t.mean_x10 = static_cast<int>(sum * 10 / t.members);
    t.mean_meetings_x10 = static_cast<int>(meet * 10 / t.members);
    lb.teams.push_back(t);
  }
  std::stable_sort(lb.teams.begin(), lb.teams.end(), [](const TeamRank& a, const TeamRank& b) {
    if (a.mean_x10 != b.mean_x10) return a.mean_x10 > b.mean_x10;
    if (a.mean_meetings_x10 != b.mean_meetings_x10) return a.mean_meetings_x10 < b.mean_meetings_x10;
    return a.team < b.team;
  });
  assign_ranks(lb.teams, [](const TeamRank& a, const TeamRank& b) {
    return a.mean_x10 == b.mean_x10 && a.mean_meetings_x10 == b.mean_meetings_x10;
  });
  return lb;
}

static std::string csv_field(const std::string& s) {
  // Quote everything that could break a row; a leading =+-@ is defused so spreadsheets do not run it.
  std::string v = s;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
  std::string out = "\"";
  for (char ch : v) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

static std::string x10(int v) {
  std::string sign = v < 0 ? "-" : "";
  int a = v < 0 ? -v : v;
  return sign + std::to_string(a / 10) + "." + std::to_string(a % 10);
}

std::string leaderboard_csv(const Leaderboard& lb) {
  std::string out = "section,rank,player,team,score,meetings,ending,games,status\n";
  for (const PlayerRank& p : lb.players)
    out += "player," + std::to_string(p.rank) + "," + csv_field(p.player) + "," + csv_field(p.team) + "," +
           std::to_string(p.score) + "," + std::to_string(p.meetings) + "," + to_string(p.ending) + "," +
           std::to_string(p.games) + ",verified\n";
  for (const TeamRank& t : lb.teams)
    out += "team," + std::to_string(t.rank) + ",," + csv_field(t.team) + "," + x10(t.mean_x10) + "," +
           x10(t.mean_meetings_x10) + ",," + std::to_string(t.members) + ",mean of members' best\n";
  for (const LeaderboardEntry& e : lb.entries)
    if (e.v.error != CodeError::none)
      out += "refused,,," + std::string(",,,,,") + csv_field("line " + std::to_string(e.line) + ": " + describe(e.v.error) +
                                                           (e.v.detail.empty() ? "" : " (" + e.v.detail + ")")) + "\n";
  return out;
}

}  // namespace buyin
