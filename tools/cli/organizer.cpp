// Organizer commands: challenge, code, verify, leaderboard. Everything a user hands them (codes,
// file names, names inside codes) is untrusted: a long code is a code, not a path; names are
// printed escaped, so a name cannot move the cursor or fake a line of output.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "content_io.hpp"
#include "core/buyin.hpp"
#include "core/leaderboard.hpp"

namespace cli {

using json = nlohmann::json;
using namespace buyin;

namespace {

bool load_quiet(const Args& a, Content& out) {
  LoadResult r = load_content(read_content_dir(a.content));
  if (!r.ok) {
    for (const Diagnostic& d : r.errors) std::fprintf(stderr, "error: %s\n", printable(d.str()).c_str());
    return false;
  }
  out = std::move(r.content);
  return true;
}

void print_json(const json& j) { std::cout << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n"; }

// A code is one token of the code alphabet after its kind letter; anything else may be a file.
bool looks_like_code(const std::string& s) {
  if (s.size() < 2 || (s[0] != 'R' && s[0] != 'C' && s[0] != 'K')) return false;
  for (size_t i = 1; i < s.size(); ++i) {
    const char ch = s[i];
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_')) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> gather_codes(const std::vector<std::string>& args) {
  std::vector<std::string> codes;
  for (const std::string& p : args) {
    std::string text;
    std::error_code ec;  // the non-throwing overloads: a name too long for the file system is not a crash
    if (!looks_like_code(p) && p.size() < 4096 && std::filesystem::is_regular_file(p, ec) && !ec && read_file(p, text)) {
      for (const std::string& c : split_codes(text)) codes.push_back(c);
    } else {
      codes.push_back(p);
    }
  }
  return codes;
}

bool read_challenge(const Content& c, const std::string& code, Challenge& out) {
  ChallengeDecode d = decode_challenge(code, &c);
  if (d.error != CodeError::none) {
    std::fprintf(stderr, "challenge: %s (%s)\n", describe(d.error).c_str(), printable(d.detail).c_str());
    return false;
  }
  out = d.challenge;
  return true;
}

int run_challenge(const Content& c, const Args& a) {
  if (a.scenario.empty() || !a.seed_given) { std::fprintf(stderr, "challenge needs --scenario ID and --seed N\n"); return 2; }
  if (c.find_scenario(a.scenario) < 0) { std::fprintf(stderr, "unknown scenario \"%s\"\n", printable(a.scenario).c_str()); return 2; }
  if (a.meetings < 0 || a.meetings > 255) { std::fprintf(stderr, "--meetings takes 0..255\n"); return 2; }
  std::random_device rd;  // the close code's secret: unguessable, never derived from the seed
  const uint64_t secret = (static_cast<uint64_t>(rd()) << 32) ^ rd();
  Challenge ch;
  ch.scenario_id = a.scenario;
  ch.seed = a.seed;
  ch.per_player = a.per_player;
  ch.feedback_hidden = a.hide_feedback;
  ch.notebook = a.notebook;
  ch.typed = a.typed;
  ch.meeting_limit = a.meetings;
  ch.lock = challenge_lock(secret);
  const std::string code = encode_challenge(ch, c.hash), close = encode_close(secret, c.hash);
  if (a.json) print_json({{"challenge", code}, {"close", close}, {"id", challenge_id(ch)}, {"per_player", ch.per_player}});
  else
    std::printf("challenge %s\nclose     %s\n(share the challenge code; keep the close code private and publish it when the round is over)\n",
                code.c_str(), close.c_str());
  return 0;
}

int run_code(const Content& c, const Args& a) {
  Policy p = Policy::facilitator;
  if (!a.policy.empty() && !parse_policy(a.policy, p)) { std::fprintf(stderr, "unknown policy \"%s\"\n", printable(a.policy).c_str()); return 2; }
  Challenge ch{a.scenario, a.seed, false, 0};
  if (!a.challenge.empty()) {
    if (!read_challenge(c, a.challenge, ch)) return 1;
  } else if (c.find_scenario(a.scenario) < 0) {
    std::fprintf(stderr, "code needs --challenge CODE (or --scenario ID --seed N)\n");
    return 2;
  }
  NameCheck player = normalize_name(a.player), team = normalize_name(a.team, true);
  if (!player.ok) { std::fprintf(stderr, "--player: %s\n", player.error.c_str()); return 2; }
  if (!team.ok) { std::fprintf(stderr, "--team: %s\n", team.error.c_str()); return 2; }
  if (a.attempt < 1) { std::fprintf(stderr, "--attempt takes 1 or more\n"); return 2; }
  const uint64_t seed = game_seed(ch, player.name);
  Game g = play_policy(c, GameConfig{ch.scenario_id, seed, ch.meeting_limit, ch.notebook, ch.typed}, p);
  if (!g.content) { std::fprintf(stderr, "unknown scenario\n"); return 1; }
  ResultCode rc{c.hash, ch, player.name, team.name, g.actions, final_score(c, g.state).total, seed, a.attempt, 0, g.notes};
  const std::string code = encode_result(c, rc);
  if (a.json) print_json({{"challenge", encode_challenge(ch, c.hash)}, {"result", code}, {"score", rc.claimed_score}, {"seed", seed}});
  else std::printf("challenge %s\nresult    %s\n", encode_challenge(ch, c.hash).c_str(), code.c_str());
  return 0;
}

int run_verify(const Content& c, const Args& a) {
  Challenge ch;
  const bool have_ch = !a.challenge.empty();
  if (have_ch && !read_challenge(c, a.challenge, ch)) return 1;
  const std::vector<std::string> codes = gather_codes(a.positional);
  if (codes.empty()) { std::fprintf(stderr, "verify needs codes or files of codes\n"); return 2; }
  int bad = 0;
  json out = json::array();
  for (const std::string& code : codes) {
    Verification v = verify_result(c, code, have_ch ? &ch : nullptr);
    bad += v.error != CodeError::none;
    if (a.json)
      out.push_back({{"ok", v.error == CodeError::none}, {"error", to_string(v.error)}, {"detail", v.detail}, {"player", v.result.player},
                     {"team", v.result.team}, {"score", v.score}, {"ending", to_string(v.ending)}, {"attempt", v.result.attempt}});
    else if (v.error == CodeError::none)
      std::printf("OK   %s (%s): %d, %s in %d moves, attempt %d\n", printable(v.result.player).c_str(), printable(v.result.team).c_str(), v.score,
                  to_string(v.ending), v.moves, v.result.attempt);
    else
      std::printf("FAIL %s: %s (%s)\n", to_string(v.error), describe(v.error).c_str(), printable(v.detail).c_str());
  }
  if (a.json) print_json(out);
  else if (!have_ch) std::printf("(no --challenge: each code was checked alone, not that it belongs to your challenge)\n");
  return bad ? 1 : 0;
}

int run_leaderboard(const Content& c, const Args& a) {
  if (a.challenge.empty()) { std::fprintf(stderr, "leaderboard needs --challenge CODE: only codes for that challenge are ranked\n"); return 2; }
  Challenge ch;
  if (!read_challenge(c, a.challenge, ch)) return 1;
  BoardOptions opt;
  opt.first_attempts_only = a.first_attempts;
  const Leaderboard lb = build_leaderboard(c, gather_codes(a.positional), &ch, opt);
  if (!a.csv.empty()) {
    const std::string csv = leaderboard_csv(lb);
    if (a.csv == "-") std::fwrite(csv.data(), 1, csv.size(), stdout);
    else {
      std::ofstream f(a.csv, std::ios::binary);
      if (!(f << csv)) { std::fprintf(stderr, "could not write %s\n", printable(a.csv).c_str()); return 1; }
    }
  }
  if (a.json) {
    json players = json::array(), teams = json::array(), notes = json::array();
    for (const PlayerRank& p : lb.players)
      players.push_back({{"rank", p.rank}, {"player", p.player}, {"team", p.team}, {"score", p.score}, {"percent", p.has_percent ? json(p.percent) : json()},
                         {"expert_score", p.expert_score}, {"meetings", p.meetings}, {"games", p.games}, {"attempts", p.attempts}});
    for (const TeamRank& t : lb.teams)
      teams.push_back({{"rank", t.rank}, {"team", t.team}, {"members", t.members}, {"mean_x10", t.mean_x10}, {"mean_percent_x10", t.mean_percent_x10}});
    for (const LeaderboardEntry& e : lb.entries) {
      if (e.v.error != CodeError::none) notes.push_back({{"line", e.line}, {"refused", to_string(e.v.error)}, {"detail", e.v.detail}});
      for (const std::string& f : e.flags) notes.push_back({{"line", e.line}, {"flag", f}});
    }
    if (a.csv != "-") print_json({{"players", players}, {"teams", teams}, {"notes", notes}, {"accepted", lb.accepted}, {"refused", lb.refused}});
  } else if (a.csv != "-") {
    std::printf("challenge %s: %d verified, %d refused, %d duplicate(s), %d flagged\n", challenge_id(ch).c_str(), lb.accepted, lb.refused,
                lb.duplicates, lb.flagged);
    std::printf("%4s  %-24s %-16s %6s %6s %8s %8s\n", "rank", "player", "team", "score", "%exp", "meetings", "attempts");
    for (const PlayerRank& p : lb.players)
      std::printf("%4d  %-24s %-16s %6d %6s %8d %8d\n", p.rank, printable(p.player).c_str(), printable(p.team).c_str(), p.score,
                  p.has_percent ? (std::to_string(p.percent) + "%").c_str() : "-", p.meetings, p.attempts);
    for (const TeamRank& t : lb.teams)
      std::printf("team %d: %s, %d member(s), mean %d.%d%% of the expert\n", t.rank, printable(t.team).c_str(), t.members, t.mean_percent_x10 / 10,
                  (t.mean_percent_x10 < 0 ? -t.mean_percent_x10 : t.mean_percent_x10) % 10);
    for (const LeaderboardEntry& e : lb.entries) {
      if (e.v.error != CodeError::none)
        std::printf("refused line %d: %s (%s)\n", e.line, describe(e.v.error).c_str(), printable(e.v.detail).c_str());
      for (const std::string& f : e.flags) std::printf("flagged line %d: %s\n", e.line, printable(f).c_str());
    }
  }
  return 0;
}

int cmd_challenge(const Args& a) { Content c; return load_quiet(a, c) ? run_challenge(c, a) : 1; }
int cmd_code(const Args& a) { Content c; return load_quiet(a, c) ? run_code(c, a) : 1; }
int cmd_verify(const Args& a) { Content c; return load_quiet(a, c) ? run_verify(c, a) : 1; }
int cmd_leaderboard(const Args& a) { Content c; return load_quiet(a, c) ? run_leaderboard(c, a) : 1; }

// Strict numbers: "12abc", "-1" and values past the type are refused, not read as something else.
static bool parse_u64(const std::string& s, unsigned long long& out) {
  if (s.empty() || s.size() > 20) return false;
  unsigned long long v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return false;
    const unsigned long long d = static_cast<unsigned long long>(ch - '0');
    if (v > (~0ull - d) / 10) return false;
    v = v * 10 + d;
  }
  out = v;
  return true;
}

bool parse_args(const std::vector<std::string>& argv, Args& a, std::string& error) {
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& s = argv[i];
    std::string v;
    auto val = [&](std::string& out) {
      if (i + 1 >= argv.size()) { error = s + " needs a value"; return false; }
      out = argv[++i];
      return true;
    };
    auto num = [&](long long lo, long long hi, long long& out) {
      std::string t;
      unsigned long long u = 0;
      if (!val(t)) return false;
      if (!parse_u64(t, u) || static_cast<long long>(u) < lo || u > static_cast<unsigned long long>(hi)) {
        error = s + " needs a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + "; got \"" + printable(t) + "\"";
        return false;
      }
      out = static_cast<long long>(u);
      return true;
    };
    long long n = 0;
    if (s == "--json") a.json = true;
    else if (s == "--per-player") a.per_player = true;
    else if (s == "--hide-feedback") a.hide_feedback = true;
    else if (s == "--notebook") a.notebook = true;
    else if (s == "--typed") a.typed = true;
    else if (s == "--first-attempts") a.first_attempts = true;
    else if (s == "--as-trainee") a.as_trainee = true;
    else if (s == "--content") { if (!val(a.content)) return false; }
    else if (s == "--scenario") { if (!val(a.scenario)) return false; }
    else if (s == "--policy") { if (!val(a.policy)) return false; }
    else if (s == "--out") { if (!val(a.out)) return false; }
    else if (s == "--csv") { if (!val(a.csv)) return false; }
    else if (s == "--challenge") { if (!val(a.challenge)) return false; }
    else if (s == "--player") { if (!val(a.player)) return false; }
    else if (s == "--team") { if (!val(a.team)) return false; }
    else if (s == "--eval") { if (!val(a.eval)) return false; }
    else if (s == "--model") { if (!val(a.model)) return false; }
    else if (s == "--seed") {
      unsigned long long u = 0;
      if (!val(v)) return false;
      if (!parse_u64(v, u)) { error = "--seed needs a whole number from 0; got \"" + printable(v) + "\""; return false; }
      a.seed = u;
      a.seed_given = true;
    }
    else if (s == "--games") { if (!num(0, 100000000, n)) return false; a.games = static_cast<int>(n); a.games_given = true; }
    else if (s == "--meetings") { if (!num(0, 255, n)) return false; a.meetings = static_cast<int>(n); }
    else if (s == "--attempt") { if (!num(1, 1000000, n)) return false; a.attempt = static_cast<int>(n); }
    else if (s == "-h" || s == "--help") a.help = true;
    else if (a.command.empty()) a.command = s;
    else a.positional.push_back(s);
  }
  return true;
}

}  // namespace cli
