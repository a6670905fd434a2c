// See fuzz_entries.hpp. Test code: reads the real content from disk once, then never does I/O.
#include "fuzz_entries.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include <iostream>

#include "../../tools/cli/commands.hpp"
#include "core/buyin.hpp"
#include "core/hash.hpp"
#include "core/leaderboard.hpp"
#include "core/progress.hpp"
#include "platform/content_bundle.hpp"

#ifndef BUYIN_SOURCE_DIR
#define BUYIN_SOURCE_DIR "."
#endif

namespace fuzz {

using namespace buyin;

std::string content_dir() {
  const char* e = std::getenv("BUYIN_CONTENT_DIR");
  return e && *e ? std::string(e) : std::string(BUYIN_SOURCE_DIR) + "/content";
}

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Real {
  std::vector<SourceFile> files;  // every content file, paths relative to content/
  SourceFile moves;               // moves.json
  SourceFile small_scenario;      // the smallest scenario file (paired with a fuzzed moves.json)
  SourceFile lines;               // lines.json (the shared line sets scenarios include)
  Content content;                // the loaded real content
};

const Real& real() {
  static const Real r = [] {
    Real x;
    const std::string dir = content_dir();
    x.moves = {"moves.json", read_file(dir + "/moves.json")};
    x.files.push_back(x.moves);
    x.files.push_back({"onboarding.json", read_file(dir + "/onboarding.json")});
    x.lines = {"lines.json", read_file(dir + "/lines.json")};
    x.files.push_back(x.lines);
    std::vector<std::string> names;
    if (DIR* d = opendir((dir + "/scenarios").c_str())) {
      while (dirent* e = readdir(d)) {
        std::string n = e->d_name;
        if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0) names.push_back(n);
      }
      closedir(d);
    }
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      SourceFile f{"scenarios/" + n, read_file(dir + "/scenarios/" + n)};
      if (x.small_scenario.path.empty() || f.text.size() < x.small_scenario.text.size()) x.small_scenario = f;
      x.files.push_back(f);
    }
    LoadResult lr = load_content(x.files);
    if (!lr.ok || x.moves.text.empty() || x.small_scenario.path.empty()) {
      std::fprintf(stderr, "fuzz: the real content in %s does not load (%zu errors)%s%s\n", dir.c_str(), lr.errors.size(),
                   lr.errors.empty() ? "" : ": ", lr.errors.empty() ? "" : lr.errors[0].str().c_str());
      std::abort();
    }
    x.content = std::move(lr.content);
    return x;
  }();
  return r;
}

// --- content -------------------------------------------------------------------------------------

bool syntax_refused(const LoadResult& lr) {
  for (const Diagnostic& d : lr.errors)
    if (d.message.rfind("expected valid JSON", 0) == 0) return true;
  return false;
}

std::string check_load(const LoadResult& lr, const char* as, const std::string& text) {
  if (!lr.ok && lr.errors.empty()) return std::string(as) + ": refused without any error";
  // A raw NUL byte is never valid JSON (not even inside a string): the file must be refused as JSON.
  if (text.find('\0') != std::string::npos && !syntax_refused(lr))
    return std::string(as) + ": a text with a NUL byte was not refused as JSON (the parser stops at NUL)";
  if (lr.ok && !lr.errors.empty()) return std::string(as) + ": ok but with errors";
  for (const Diagnostic& d : lr.errors) {
    if (d.message.empty()) return std::string(as) + ": an error without a message (file \"" + d.file + "\", pointer \"" + d.pointer + "\")";
    if (d.file.empty()) return std::string(as) + ": an error without a file: " + d.message;
    if (d.str().empty()) return std::string(as) + ": Diagnostic::str() is empty";
  }
  return "";
}

// Loaded content: lint it, then play one game on every scenario with a bot, check the view and
// the debrief, and that replaying the record gives the identical state.
std::string exercise(const Content& c, const char* as) {
  for (const Diagnostic& d : lint_content(c))
    if (d.message.empty()) return std::string(as) + ": a lint warning without a message";
  for (const Scenario& sc : c.scenarios) {
    Game g = play_policy(c, GameConfig{sc.id, c.hash, 0}, Policy::random);
    if (!g.over()) return std::string(as) + ": a bot game on " + sc.id + " did not end";
    View v = view(g);
    (void)v;
    Debrief db = debrief(g, false);
    (void)db;
    ReplayResult rr = replay(c, record_of(g));
    if (!rr.ok) return std::string(as) + ": replaying a bot game on " + sc.id + " failed: " + rr.error;
    if (state_hash(rr.game.state) != state_hash(g.state)) return std::string(as) + ": replay of " + sc.id + " diverged";
    // A refused move must say why.
    Game g2 = g;
    MoveResult bad = play(g2, Action{-1, -1});
    if (!bad.ok && bad.error.empty()) return std::string(as) + ": an illegal move refused without a reason";
  }
  return "";
}

// --- codes ---------------------------------------------------------------------------------------

const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// The code envelope (result_code.cpp): kind letter + base64url(version 2, u16 total length, body,
// 32-bit folded FNV-1a checksum of everything before it).
std::string envelope(char kind, const std::vector<uint8_t>& body) {
  std::vector<uint8_t> b = {2, 0, 0};
  b.insert(b.end(), body.begin(), body.end());
  size_t total = b.size() + 4;
  b[1] = static_cast<uint8_t>(total & 0xff);
  b[2] = static_cast<uint8_t>((total >> 8) & 0xff);
  Fnv f;
  f.bytes(b.data(), b.size());
  uint32_t ck = static_cast<uint32_t>(f.h ^ (f.h >> 32));
  for (int i = 0; i < 4; ++i) b.push_back(static_cast<uint8_t>(ck >> (8 * i)));
  std::string s(1, kind);
  uint32_t acc = 0;
  int bits = 0;
  for (uint8_t x : b) {
    acc = (acc << 8) | x;
    bits += 8;
    while (bits >= 6) { bits -= 6; s += kB64[(acc >> bits) & 63]; }
  }
  if (bits > 0) s += kB64[(acc << (6 - bits)) & 63];
  return s;
}

std::string refusal(CodeError e, const std::string& detail, const char* what) {
  if (e == CodeError::none) return "";
  if (describe(e).empty()) return std::string(what) + ": describe(" + to_string(e) + ") is empty";
  if (detail.empty()) return std::string(what) + ": refused (" + to_string(e) + ") with an empty detail";
  return "";
}

bool same_challenge(const Challenge& a, const Challenge& b) {
  return a.scenario_id == b.scenario_id && a.seed == b.seed && a.feedback_hidden == b.feedback_hidden &&
         a.meeting_limit == b.meeting_limit && a.per_player == b.per_player && a.lock == b.lock;
}

bool same_actions(const std::vector<Action>& a, const std::vector<Action>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].move != b[i].move || a[i].target != b[i].target) return false;
  return true;
}

std::string check_code(const Content& c, const std::string& code) {
  std::string e;
  ChallengeDecode ch0 = decode_challenge(code, nullptr);
  if (!(e = refusal(ch0.error, ch0.detail, "decode_challenge")).empty()) return e;
  ChallengeDecode ch = decode_challenge(code, &c);
  if (!(e = refusal(ch.error, ch.detail, "decode_challenge(content)")).empty()) return e;
  if (ch.error == CodeError::none) {
    if (ch0.error != CodeError::none) return "decode_challenge: accepted with content but refused without";
    // Lossless round trip for what the encoder can represent.
    if (ch.challenge.scenario_id.size() <= 48) {
      ChallengeDecode again = decode_challenge(encode_challenge(ch.challenge, ch.content_hash), &c);
      if (again.error != CodeError::none || !same_challenge(again.challenge, ch.challenge))
        return "challenge code round trip changed the challenge";
    }
    (void)challenge_id(ch.challenge);
  }
  ResultDecode rd = decode_result(c, code, nullptr);
  if (!(e = refusal(rd.error, rd.detail, "decode_result")).empty()) return e;
  if (rd.error == CodeError::none) {
    const ResultCode& r = rd.result;
    if (r.player.size() <= kNameMaxBytes && r.team.size() <= kNameMaxBytes && r.challenge.scenario_id.size() <= 48) {
      ResultDecode again = decode_result(c, encode_result(c, r), nullptr);
      if (again.error != CodeError::none) return "result code round trip refused: " + again.detail;
      if (!same_challenge(again.result.challenge, r.challenge) || again.result.player != r.player ||
          again.result.team != r.team || again.result.claimed_score != r.claimed_score ||
          again.result.seed_played != r.seed_played || again.result.attempt != r.attempt || again.result.earlier != r.earlier ||
          !same_actions(again.result.actions, r.actions))
        return "result code round trip changed the result";
    }
    // The same code checked against its own challenge and against another one.
    ResultDecode own = decode_result(c, code, &r.challenge);
    if (own.error != CodeError::none) return "decode_result refused a code for its own challenge: " + own.detail;
    Challenge other = r.challenge;
    other.seed ^= 1;
    ResultDecode foreign = decode_result(c, code, &other);
    if (foreign.error != CodeError::foreign_challenge) return "decode_result accepted a code for another challenge";
    // A decoded code's names are in normal form and its seed is the one its name gives.
    NameCheck pn = normalize_name(r.player);
    if (!pn.ok || pn.name != r.player) return "decode_result accepted a player name that is not normalised";
    if (r.seed_played != game_seed(r.challenge, r.player)) return "decode_result accepted a seed its name does not give";
    if (!(e = refusal(foreign.error, foreign.detail, "decode_result(expected)")).empty()) return e;
  }
  Verification v = verify_result(c, code, nullptr);
  if (!(e = refusal(v.error, v.detail, "verify_result")).empty()) return e;
  if (v.error == CodeError::none && v.score != v.result.claimed_score) return "verify_result accepted a wrong score";
  if (rd.error != CodeError::none && v.error == CodeError::none) return "verify_result accepted what decode_result refused";
  return "";
}

}  // namespace

// --- CSV -----------------------------------------------------------------------------------------

// RFC 4180 read-back: every row has the header's number of fields, no bare CR or LF inside a row,
// and no cell a spreadsheet would run (= + - @ tab CR NUL first, unless defused with ').
std::string check_csv(const std::string& csv) {
  size_t fields_per_row = 0, row = 0, i = 0;
  while (i < csv.size()) {
    size_t fields = 0;
    while (true) {
      std::string cell;
      bool quoted = false;
      if (i < csv.size() && csv[i] == '"') {
        quoted = true;
        ++i;
        while (true) {
          if (i >= csv.size()) return "csv: an unterminated quoted cell";
          if (csv[i] == '"') {
            if (i + 1 < csv.size() && csv[i + 1] == '"') { cell += '"'; i += 2; continue; }
            ++i;
            break;
          }
          if (csv[i] == '\n' || csv[i] == '\r' || csv[i] == '\0') return "csv: a line break or NUL inside a cell";
          cell += csv[i++];
        }
      } else {
        while (i < csv.size() && csv[i] != ',' && csv[i] != '\n') {
          if (csv[i] == '\r' || csv[i] == '"' || csv[i] == '\0') return "csv: a CR, quote or NUL in an unquoted cell";
          cell += csv[i++];
        }
      }
      ++fields;
      if (quoted && !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t'))
        return "csv: a cell starting with a formula character: " + cell.substr(0, 20);
      if (!quoted && !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '@' || cell[0] == '\t' ||
                                       (cell[0] == '-' && cell.find_first_not_of("-0123456789.") != std::string::npos)))
        return "csv: an unquoted cell starting with a formula character: " + cell.substr(0, 20);
      if (i < csv.size() && csv[i] == ',') { ++i; continue; }
      break;
    }
    if (i >= csv.size() || csv[i] != '\n') return "csv: a row does not end in a line feed";
    ++i;
    if (row == 0) fields_per_row = fields;
    else if (fields != fields_per_row) return "csv: row " + std::to_string(row) + " has " + std::to_string(fields) + " fields, not " + std::to_string(fields_per_row);
    ++row;
  }
  return row == 0 ? "csv: no header" : "";
}

namespace {

// --- saves ---------------------------------------------------------------------------------------

std::string check_save(const std::string& text) {
  ProgressDecode d = decode_progress(text);
  if (d.damaged != !d.problems.empty()) return "save: damaged flag and problem list disagree";
  for (const std::string& p : d.problems)
    if (p.empty()) return "save: a problem without words";
  if (text.empty() && d.damaged) return "save: an empty save is a fresh start, not damage";
  (void)personal_bests(d.progress);
  // What was salvaged must survive a save and a load unchanged.
  std::string again = encode_progress(d.progress);
  ProgressDecode d2 = decode_progress(again);
  if (d2.damaged) return "save: re-encoded progress reads as damaged: " + d2.problems[0];
  if (!(d2.progress == d.progress)) return "save: re-encoded progress differs";
  return "";
}

}  // namespace

std::string content_one(const uint8_t* data, size_t size) {
  const Real& R = real();
  SourceFile fuzzed{"", std::string(reinterpret_cast<const char*>(data), size)};
  std::string e;
  {  // as a scenario next to the real move deck
    fuzzed.path = "scenarios/fuzzed.json";
    LoadResult lr = load_content({R.moves, R.lines, fuzzed});
    if (!(e = check_load(lr, "as scenarios/fuzzed.json", fuzzed.text)).empty()) return e;
    if (lr.ok && !(e = exercise(lr.content, "as scenarios/fuzzed.json")).empty()) return e;
  }
  {  // as the move deck next to one real scenario
    fuzzed.path = "moves.json";
    LoadResult lr = load_content({fuzzed, R.lines, R.small_scenario});
    if (!(e = check_load(lr, "as moves.json", fuzzed.text)).empty()) return e;
    if (lr.ok && !(e = exercise(lr.content, "as moves.json")).empty()) return e;
  }
  {  // as the shared line sets, included by one real scenario
    fuzzed.path = "lines.json";
    LoadResult lr = load_content({R.moves, fuzzed, R.small_scenario});
    if (!(e = check_load(lr, "as lines.json", fuzzed.text)).empty()) return e;
    if (lr.ok && !(e = exercise(lr.content, "as lines.json")).empty()) return e;
  }
  return "";
}

std::string result_code_one(const uint8_t* data, size_t size) {
  const Real& R = real();
  if (size == 0) return check_code(R.content, "");
  const uint8_t mode = data[0];
  std::vector<uint8_t> rest(data + 1, data + size);
  if ((mode & 1) == 0) return check_code(R.content, std::string(rest.begin(), rest.end()));
  // A well-formed envelope around the fuzzed payload.
  const char kind = (mode & 2) ? 'C' : 'R';
  std::vector<uint8_t> body;
  if (mode & 4) {  // the real content hash first, so decoding gets past "foreign content"
    for (int i = 0; i < 8; ++i) body.push_back(static_cast<uint8_t>(R.content.hash >> (8 * i)));
  }
  body.insert(body.end(), rest.begin(), rest.end());
  if (body.size() > 60000) body.resize(60000);
  return check_code(R.content, envelope(kind, body));
}

std::string save_one(const uint8_t* data, size_t size) {
  return check_save(std::string(reinterpret_cast<const char*>(data), size));
}

std::string leaderboard_one(const uint8_t* data, size_t size) {
  const Real& R = real();
  if (size == 0) return "";
  // The first byte picks the challenge the board ranks: one shared seed, or per-player seeds.
  Challenge ch{R.content.scenarios[0].id, 1000, (data[0] & 2) != 0, 0};
  ch.per_player = data[0] & 1;
  ch.lock = (data[0] & 4) ? challenge_lock(7) : 0;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::vector<std::string> codes = split_codes(text);
  if (codes.size() > 200) return "";  // each verified code may run the expert: keep an input quick
  BoardOptions opt;
  opt.first_attempts_only = data[0] & 8;
  const Leaderboard lb = build_leaderboard(R.content, codes, &ch, opt);
  if (lb.entries.size() != codes.size()) return "leaderboard: an entry per code expected";
  if (lb.accepted + lb.refused != static_cast<int>(codes.size())) return "leaderboard: accepted + refused != codes";
  std::string e;
  for (const LeaderboardEntry& en : lb.entries) {
    if (!(e = refusal(en.v.error, en.v.detail, "leaderboard entry")).empty()) return e;
    if (en.v.error != CodeError::none) continue;
    if (en.has_percent) {
      int64_t num = static_cast<int64_t>(en.v.score) * 100, q = num / en.expert_score;
      if (num % en.expert_score != 0 && num < 0) --q;
      if (en.percent != q) return "leaderboard: a percent that is not floor(score * 100 / expert)";
    }
    for (const std::string& f : en.flags) if (f.empty()) return "leaderboard: a flag without words";
  }
  for (size_t i = 1; i < lb.players.size(); ++i) {
    const PlayerRank &a = lb.players[i - 1], &b = lb.players[i];
    if (a.rank > b.rank) return "leaderboard: ranks out of order";
    if (a.has_percent == b.has_percent && a.percent < b.percent) return "leaderboard: a lower percent ranked above a higher one";
  }
  return check_csv(leaderboard_csv(lb));
}

std::string progress_merge_one(const uint8_t* data, size_t size) {
  const Real& R = real();
  const std::string all(reinterpret_cast<const char*>(data), size);
  const size_t cut = all.find('\0');
  const std::string a = all.substr(0, cut), b = cut == std::string::npos ? std::string() : all.substr(cut + 1);
  ProgressDecode mine = decode_progress(a), incoming = decode_progress(b);
  std::vector<std::string> known;
  for (const Lesson& l : R.content.lessons) known.push_back(l.id);
  for (const std::string& m : keep_known_lessons(incoming.progress, known)) if (m.empty()) return "import: a dropped lesson without words";
  for (const std::string& id : incoming.progress.lessons_passed)
    if (std::find(known.begin(), known.end(), id) == known.end()) return "import: an unknown lesson id survived the check";
  const Progress m = merge_progress(mine.progress, incoming.progress);
  if (m.history.size() < mine.progress.history.size()) return "merge: games were lost";
  for (size_t i = 1; i < m.history.size(); ++i)
    if (m.history[i].finished_at < m.history[i - 1].finished_at) return "merge: history out of time order";
  if (!(merge_progress(m, m) == m)) return "merge: merging a progress with itself changed it";
  ProgressDecode again = decode_progress(encode_progress(m));
  if (again.damaged) return "merge: the merged progress reads as damaged: " + again.problems[0];
  if (!(again.progress == m)) return "merge: the merged progress changed in a save and load";
  return "";
}

std::string onboarding_one(const uint8_t* data, size_t size) {
  const Real& R = real();
  std::vector<SourceFile> files;
  for (const SourceFile& f : R.files) if (f.path != "onboarding.json") files.push_back(f);
  const std::string text(reinterpret_cast<const char*>(data), size);
  files.push_back({"onboarding.json", text});
  LoadResult lr = load_content(files);
  std::string e;
  if (!(e = check_load(lr, "as onboarding.json", text)).empty()) return e;
  if (lr.ok)
    for (const Diagnostic& d : lint_content(lr.content)) if (d.message.empty()) return "onboarding: a lint warning without a message";
  return "";
}

std::string pack_one(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  Fnv f;
  f.bytes(bytes.data(), bytes.size());
  const PackRead wrong = read_content_pack(bytes, f.h ^ 1);
  if (wrong.error.rfind("content.pack", 0) != 0 || !wrong.files.empty()) return "pack: a wrong checksum was not refused by name";
  const PackRead r = read_content_pack(bytes, f.h);
  if (!r.error.empty()) {
    if (r.error.rfind("content.pack", 0) != 0) return "pack: a refusal that does not name content.pack: " + r.error;
    return r.files.empty() ? "" : "pack: files kept from a refused pack";
  }
  std::string back = "buyin-content-pack 1\n" + std::to_string(r.files.size()) + "\n";
  for (const SourceFile& sf : r.files) back += sf.path + "\n" + std::to_string(sf.text.size()) + "\n" + sf.text + "\n";
  return back == bytes ? "" : "pack: read files do not write back to the same bytes";
}

std::string cli_one(const uint8_t* data, size_t size) {
  const Real& R = real();
  std::vector<std::string> args;
  std::string cur;
  for (size_t i = 0; i < size && args.size() < 32; ++i) {
    if (data[i] == 0) { args.push_back(cur); cur.clear(); }
    else if (cur.size() < 4096) cur += static_cast<char>(data[i]);
  }
  if (args.size() < 32) args.push_back(cur);
  cli::Args a;
  std::string error;
  if (!cli::parse_args(args, a, error)) return error.empty() ? "cli: an option refused without a message" : "";
  // Only the organizer's commands (the ones that take what players hand in); never a file written.
  int (*run)(const Content&, const cli::Args&) = a.command == "verify" ? cli::run_verify : a.command == "leaderboard" ? cli::run_leaderboard
                                                : a.command == "challenge" ? cli::run_challenge : a.command == "code" ? cli::run_code : nullptr;
  if (!run) return "";
  if (!a.csv.empty()) a.csv = "-";
  if (a.positional.size() > 40) a.positional.resize(40);
  std::fflush(stdout);
  const int saved = dup(1), sink = open("/dev/null", O_WRONLY);
  if (saved >= 0 && sink >= 0) dup2(sink, 1);
  const int rc = run(R.content, a);
  std::fflush(stdout);
  std::cout.flush();
  if (saved >= 0) { dup2(saved, 1); close(saved); }
  if (sink >= 0) close(sink);
  if (rc < 0 || rc > 2) return "cli: exit code " + std::to_string(rc);
  return "";
}

std::string json_suite_one(const std::string& name, const std::string& text) {
  const Real& R = real();
  const char kind = name.empty() ? '?' : name[0];
  std::string e;
  for (const char* path : {"scenarios/fuzzed.json", "moves.json"}) {
    LoadResult lr = std::string(path) == "moves.json" ? load_content({SourceFile{path, text}, R.lines, R.small_scenario})
                                                       : load_content({R.moves, R.lines, SourceFile{path, text}});
    if (!(e = check_load(lr, path, text)).empty()) return e;
    if (kind == 'y' && syntax_refused(lr)) return std::string("valid JSON refused as JSON (as ") + path + ")";
    if (kind == 'n' && (lr.ok || !syntax_refused(lr))) return std::string("invalid JSON not refused as JSON (as ") + path + ")";
  }
  if (!(e = check_save(text)).empty()) return e;
  ProgressDecode d = decode_progress(text);
  bool unreadable = false;
  for (const std::string& p : d.problems)
    if (p.find("not readable JSON") != std::string::npos) unreadable = true;
  if (kind == 'y' && unreadable) return "valid JSON refused as unreadable by decode_progress";
  // A save is salvaged, not judged: invalid JSON only has to be refused, with words.
  if (kind == 'n' && !text.empty() && (!d.damaged || d.problems.empty())) return "invalid JSON read as a valid save";
  return "";
}

}  // namespace fuzz
