#include "core/leaderboard.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/internal.hpp"
#include "core/sim.hpp"

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

namespace {

// Competition ranking over a sorted list: equal entries share a rank and the next one skips ("1, 1, 3").
template <class T, class Same>
void assign_ranks(std::vector<T>& v, Same same) {
  for (size_t i = 0; i < v.size(); ++i) v[i].rank = (i > 0 && same(v[i - 1], v[i])) ? v[i - 1].rank : static_cast<int>(i + 1);
}

// Floor division, so a negative score's percent rounds the same way as a positive one (down).
int64_t floordiv(int64_t a, int64_t b) { int64_t q = a / b; if ((a % b != 0) && ((a < 0) != (b < 0))) --q; return q; }

// A name's look: capitals folded, and the Cyrillic and Greek letters that look like Latin ones
// read as those ("Al\u0456ce" looks like "Alice"). Only for flagging: names stay distinct.
std::string looks_like(const std::string& s) {
  static const struct { uint32_t cp; char as; } kLookAlike[] = {
      {0x0391, 'a'}, {0x0392, 'b'}, {0x0395, 'e'}, {0x0396, 'z'}, {0x0397, 'h'}, {0x0399, 'i'}, {0x039A, 'k'}, {0x039C, 'm'},
      {0x039D, 'n'}, {0x039F, 'o'}, {0x03A1, 'p'}, {0x03A4, 't'}, {0x03A5, 'y'}, {0x03A7, 'x'}, {0x03B1, 'a'}, {0x03B9, 'i'},
      {0x03BA, 'k'}, {0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03C5, 'u'}, {0x0405, 's'}, {0x0406, 'i'}, {0x0408, 'j'},
      {0x0410, 'a'}, {0x0412, 'b'}, {0x0415, 'e'}, {0x041A, 'k'}, {0x041C, 'm'}, {0x041D, 'h'}, {0x041E, 'o'}, {0x0420, 'p'},
      {0x0421, 'c'}, {0x0422, 't'}, {0x0423, 'y'}, {0x0425, 'x'}, {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'},
      {0x0441, 'c'}, {0x0443, 'y'}, {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x04BB, 'h'}, {0x0501, 'd'}};
  std::string o;
  for (size_t i = 0; i < s.size();) {
    const uint8_t c = static_cast<uint8_t>(s[i]);
    if (c < 0x80) { o += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c); ++i; continue; }
    const size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;  // names reaching here are valid UTF-8
    uint32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<uint8_t>(s[i + k]) & 0x3F);
    char as = 0;
    for (const auto& l : kLookAlike) if (l.cp == cp) as = l.as;
    if (as) o += as;
    else o.append(s, i, n);
    i += n;
  }
  return o;
}

std::string line_ref(int line) { return "line " + std::to_string(line); }

// The expert's score from a start: its path played without the buyer's replies and explanations
// (points are the same; writing the text was a third of a 1,000-code board's time). 0 if it fails.
int expert_score_from(const Content& c, const Challenge& ch, uint64_t seed) {
  // A typing-only challenge's players may say any move of the deck: so may its expert.
  const std::vector<Action> path = expert_path(c, ch.scenario_id, seed, nullptr, ch.meeting_limit, ch.typed);
  GameConfig cfg{ch.scenario_id, seed, ch.meeting_limit, ch.notebook};
  cfg.open_play = ch.typed;
  StartResult s = start_game(c, cfg);
  if (!s.ok) return 0;
  Game& g = s.game;
  for (const Action& a : path) {
    MoveResult r = apply_move(c, g.state, a, false);
    if (!r.ok) return 0;
    g.actions.push_back(a);
    g.results.push_back(std::move(r));
  }
  if (ch.notebook) note_what_was_voiced(g, false);  // the expert listens too (the bulk tally needs no text)
  return detail::final_total(c, g.state);
}

}  // namespace

Leaderboard build_leaderboard(const Content& c, const std::vector<std::string>& codes, const Challenge* expected, const BoardOptions& opt) {
  Leaderboard lb;
  if (!expected) {
    lb.error = "Enter the challenge code first: only codes for that challenge are ranked.";
    return lb;
  }
  lb.challenge = *expected;
  lb.has_challenge = true;
  std::map<uint64_t, int> expert;                    // seed -> the expert's score from that start
  std::map<std::string, size_t> seen_code;           // trimmed code -> entry index
  std::map<std::string, std::pair<std::string, int>> moves_by;  // seed+moves -> first player, line
  std::map<std::string, std::pair<std::string, int>> team_of;   // player -> team of their first code, line
  std::map<std::string, std::pair<std::string, int>> lower_name;  // looks_like(name) -> first name, line
  std::map<std::string, std::map<int, std::vector<size_t>>> attempts;  // player -> attempt -> entries
  for (size_t i = 0; i < codes.size(); ++i) {
    LeaderboardEntry e;
    e.line = static_cast<int>(i + 1);
    e.code = codes[i];
    while (!e.code.empty() && (e.code.back() == ' ' || e.code.back() == '\r' || e.code.back() == '\n' || e.code.back() == '\t')) e.code.pop_back();
    size_t lead = e.code.find_first_not_of(" \t\r\n");
    e.code = lead == std::string::npos ? "" : e.code.substr(lead);
    e.v = verify_result(c, e.code, expected);
    if (e.v.error != CodeError::none) {
      ++lb.refused;
      lb.entries.push_back(std::move(e));
      continue;
    }
    ++lb.accepted;
    const ResultCode& r = e.v.result;
    auto dup = seen_code.find(e.code);
    if (dup != seen_code.end()) {
      e.flags.push_back("the same code as " + line_ref(lb.entries[dup->second].line) + ": counted once");
      ++lb.duplicates;
      lb.entries.push_back(std::move(e));
      continue;
    }
    seen_code[e.code] = lb.entries.size();
    auto ex = expert.find(e.v.seed);
    if (ex == expert.end()) ex = expert.emplace(e.v.seed, expert_score_from(c, r.challenge, e.v.seed)).first;
    e.expert_score = ex->second;
    e.has_percent = e.expert_score > 0;
    e.percent = e.has_percent ? static_cast<int>(floordiv(static_cast<int64_t>(e.v.score) * 100, e.expert_score)) : 0;
    // Identical moves from the same start under two names: one game handed in twice.
    std::string key = std::to_string(e.v.seed) + ":";
    for (const Action& a : r.actions) key += std::to_string(a.move) + "@" + std::to_string(a.target) + " ";
    auto same = moves_by.find(key);
    if (same == moves_by.end()) moves_by[key] = {r.player, e.line};
    else if (same->second.first != r.player)
      e.flags.push_back("the same moves as " + same->second.first + " (" + line_ref(same->second.second) + ")");
    auto tm = team_of.find(r.player);
    if (tm == team_of.end()) team_of[r.player] = {r.team, e.line};
    else if (tm->second.first != r.team)
      e.flags.push_back("team \"" + r.team + "\" differs from this player's earlier code (\"" + tm->second.first + "\", " +
                        line_ref(tm->second.second) + "): the earlier team is kept");
    const std::string look = looks_like(r.player);
    auto ln = lower_name.find(look);
    if (ln == lower_name.end()) lower_name[look] = {r.player, e.line};
    else if (ln->second.first != r.player)
      e.flags.push_back("a name that looks like \"" + ln->second.first + "\" (" + line_ref(ln->second.second) + "): capitals or look-alike letters");
    attempts[r.player][r.attempt].push_back(lb.entries.size());
    e.counted = !(opt.first_attempts_only && r.attempt != 1);
    if (!e.counted) e.flags.push_back("attempt " + std::to_string(r.attempt) + ": only first attempts are ranked");
    lb.entries.push_back(std::move(e));
  }
  // Attempts: two different codes claiming the same attempt, and earlier attempts that do not add up.
  for (auto& pl : attempts) {
    bool complete = true;  // attempts 1..k-1 each present once so far
    std::vector<std::string> earlier;
    int expect = 1;
    for (auto& at : pl.second) {
      if (at.second.size() > 1)
        for (size_t k = 1; k < at.second.size(); ++k)
          lb.entries[at.second[k]].flags.push_back("another code also says it is attempt " + std::to_string(at.first) + " (" +
                                                   line_ref(lb.entries[at.second[0]].line) + "): storage cleared, or another browser?");
      if (at.first != expect) complete = false;
      LeaderboardEntry& e = lb.entries[at.second[0]];
      if (complete && at.first > 1 && e.v.result.earlier != attempts_hash(earlier))
        e.flags.push_back("its earlier attempts do not match the codes handed in for them");
      if (at.second.size() > 1) complete = false;
      earlier.push_back(e.code);
      expect = at.first + 1;
    }
  }
  std::map<std::string, PlayerRank> best;  // by normalised player name (ordered: deterministic)
  for (const LeaderboardEntry& e : lb.entries) {
    if (!e.flags.empty()) ++lb.flagged;
    if (e.v.error != CodeError::none || !e.counted) continue;
    PlayerRank& p = best[e.v.result.player];
    const bool better = p.games == 0 || e.percent > p.percent || (e.percent == p.percent && e.v.score > p.score) ||
                        (e.percent == p.percent && e.v.score == p.score && e.v.meetings < p.meetings);
    if (p.games == 0) p.team = team_of[e.v.result.player].first;
    p.games++;
    p.attempts = std::max(p.attempts, e.v.result.attempt);
    if (better) {
      p.player = e.v.result.player;
      p.score = e.v.score;
      p.meetings = e.v.meetings;
      p.ending = e.v.ending;
      p.percent = e.percent;
      p.has_percent = e.has_percent;
      p.expert_score = e.expert_score;
      p.best_line = e.line;
    }
  }
  for (auto& kv : best) lb.players.push_back(kv.second);
  auto key = [](const PlayerRank& p) { return std::make_tuple(p.has_percent ? 1 : 0, p.percent, p.score, -p.meetings); };
  std::stable_sort(lb.players.begin(), lb.players.end(), [&](const PlayerRank& a, const PlayerRank& b) {
    if (key(a) != key(b)) return key(a) > key(b);
    return a.player < b.player;
  });
  assign_ranks(lb.players, [&](const PlayerRank& a, const PlayerRank& b) { return key(a) == key(b); });
  // A team's score is the mean of its members' best games (players with no team are not ranked as a team).
  std::map<std::string, std::vector<const PlayerRank*>> teams;
  for (const PlayerRank& p : lb.players)
    if (!p.team.empty()) teams[p.team].push_back(&p);
  for (auto& kv : teams) {
    TeamRank t;
    t.team = kv.first;
    t.members = static_cast<int>(kv.second.size());
    int64_t sum = 0, pct = 0, meet = 0;
    for (const PlayerRank* p : kv.second) { sum += p->score; pct += p->percent; meet += p->meetings; }
    t.mean_x10 = static_cast<int>(floordiv(sum * 10, t.members));
    t.mean_percent_x10 = static_cast<int>(floordiv(pct * 10, t.members));
    t.mean_meetings_x10 = static_cast<int>(meet * 10 / t.members);
    lb.teams.push_back(t);
  }
  auto tkey = [](const TeamRank& t) { return std::make_tuple(t.mean_percent_x10, t.mean_x10, -t.mean_meetings_x10); };
  std::stable_sort(lb.teams.begin(), lb.teams.end(), [&](const TeamRank& a, const TeamRank& b) {
    if (tkey(a) != tkey(b)) return tkey(a) > tkey(b);
    return a.team < b.team;
  });
  assign_ranks(lb.teams, [&](const TeamRank& a, const TeamRank& b) { return tkey(a) == tkey(b); });
  return lb;
}

std::string csv_cell(const std::string& s) {
  // Formula injection (OWASP): a cell starting with = + - @ tab CR (or NUL) is prefixed with '.
  // Line breaks and NUL inside become spaces, so no cell can start a new row in any reader.
  std::string v;
  for (char ch : s) v += (ch == '\n' || ch == '\r' || ch == '\0') ? ' ' : ch;
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r' || s[0] == '\0'))
    v = "'" + v;
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
  std::string out = "section,rank,player,team,score,percent_of_expert,expert_score,meetings,ending,games,attempts,status\n";
  for (const PlayerRank& p : lb.players)
    out += "player," + std::to_string(p.rank) + "," + csv_cell(p.player) + "," + csv_cell(p.team) + "," + std::to_string(p.score) + "," +
           (p.has_percent ? std::to_string(p.percent) : std::string()) + "," + std::to_string(p.expert_score) + "," +
           std::to_string(p.meetings) + "," + to_string(p.ending) + "," + std::to_string(p.games) + "," + std::to_string(p.attempts) +
           ",verified\n";
  for (const TeamRank& t : lb.teams)
    out += "team," + std::to_string(t.rank) + ",," + csv_cell(t.team) + "," + x10(t.mean_x10) + "," + x10(t.mean_percent_x10) + ",," +
           x10(t.mean_meetings_x10) + ",," + std::to_string(t.members) + ",,mean of members' best\n";
  for (const LeaderboardEntry& e : lb.entries) {
    if (e.v.error != CodeError::none)
      out += "refused,,,,,,,,,,," + csv_cell("line " + std::to_string(e.line) + ": " + describe(e.v.error) +
                                              (e.v.detail.empty() ? "" : " (" + e.v.detail + ")")) + "\n";
    for (const std::string& f : e.flags)
      out += "flagged,," + csv_cell(e.v.result.player) + "," + csv_cell(e.v.result.team) + ",,,,,,,," +
             csv_cell("line " + std::to_string(e.line) + ": " + f) + "\n";
  }
  if (!lb.error.empty()) out += "error,,,,,,,,,,," + csv_cell(lb.error) + "\n";
  return out;
}

}  // namespace buyin
