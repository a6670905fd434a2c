// Competition integrity (issue 18): names, per-player seeds, close codes, attempts, the
// leaderboard's rules and flags, CSV injection, saves that lose nothing, deep nesting.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/leaderboard.hpp"
#include "core/progress.hpp"
#include "core/hash.hpp"
#include "helpers.hpp"

using namespace buyin;

namespace {

const Content& C() { return th::fixtures(); }

// What a player's browser hands in: a bot's game from the player's own start.
std::string code_for(const Challenge& ch, Policy p, const std::string& player, const std::string& team = "", int attempt = 1,
                     uint32_t earlier = 0, Verification* out = nullptr) {
  const uint64_t seed = game_seed(ch, player);
  Game g = play_policy(C(), GameConfig{ch.scenario_id, seed, ch.meeting_limit}, p);
  const std::string code =
      encode_result(C(), ResultCode{C().hash, ch, player, team, g.actions, final_score(C(), g.state).total, seed, attempt, earlier});
  if (out) *out = verify_result(C(), code, &ch);
  return code;
}

int expert_score(const Challenge& ch, uint64_t seed) {
  std::vector<Action> path = expert_path(C(), ch.scenario_id, seed, nullptr, ch.meeting_limit);
  ReplayResult rr = replay(C(), Record{C().hash, GameConfig{ch.scenario_id, seed, ch.meeting_limit}, path});
  REQUIRE(rr.ok);
  return final_score(C(), rr.game.state).total;
}

// The code alphabet, to rebuild a code with one byte changed and a fresh checksum (as a script would).
const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
std::vector<uint8_t> bytes_of(const std::string& code) {
  std::vector<uint8_t> out;
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = 1; i < code.size(); ++i) {
    acc = (acc << 6) | static_cast<uint32_t>(std::string(kB64).find(code[i]));
    bits += 6;
    if (bits >= 8) { bits -= 8; out.push_back(static_cast<uint8_t>(acc >> bits)); }
  }
  return out;
}
std::string code_of(char kind, std::vector<uint8_t> b) {
  b.resize(b.size() - 4);
  Fnv f;
  f.bytes(b.data(), b.size());
  const uint32_t ck = static_cast<uint32_t>(f.h ^ (f.h >> 32));
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

Challenge per_player_challenge(uint64_t seed) {
  Challenge ch{"fixture_clinic", seed, true, 0};
  ch.per_player = true;
  ch.lock = challenge_lock(0x1234567890abcdefull);
  return ch;
}

}  // namespace

TEST_CASE("names: NFC, trimmed, inner spaces collapsed; one name looks one way") {
  CHECK(normalize_name("  Alice   Smith  ").name == "Alice Smith");
  CHECK(normalize_name("Alice\xC2\xA0Smith").name == "Alice Smith");                       // no-break space
  CHECK(normalize_name("Alic" "e\xCC\x81").name == "Alic\xC3\xA9");                        // e + combining acute -> é
  CHECK(normalize_name("Nguy" "e\xCC\x82\xCC\x83" "n").name == "Nguy\xE1\xBB\x85n");        // e + circumflex + tilde -> ễ
  CHECK(normalize_name("e\xCC\xA3\xCC\x82").name == normalize_name("e\xCC\x82\xCC\xA3").name);  // marks in either order: ệ
  CHECK(normalize_name("e\xCC\xA3\xCC\x82").name == "\xE1\xBB\x87");
  CHECK(normalize_name("\xD0\xB8\xCC\x86").name == "\xD0\xB9");                            // и + breve -> й
  CHECK(normalize_name("Al\xD1\x96" "ce").ok);  // a Cyrillic і is a real letter: kept (and stays a different name)
  CHECK(normalize_name(std::string(kNameMaxBytes, 'a')).ok);
}

TEST_CASE("names: control, bidi, invisible and unnormalisable characters are refused with a message") {
  for (const std::string& bad : {std::string("Ali\nce"), std::string("Ali\tce"), std::string("Eve\x1b[2J"), std::string("A\0b", 3),
                                std::string("Bob\xE2\x80\xAE"), std::string("\xE2\x81\xA6x"), std::string("Al\xE2\x80\x8Bice"),
                                std::string("a\xC2\x85"), std::string("\xEF\xBB\xBFzed")}) {
    NameCheck n = normalize_name(bad);
    CHECK_FALSE(n.ok);
    CHECK(n.error.find("invisible or control") != std::string::npos);
  }
  CHECK(normalize_name("\xCC\x81" "abc").error.find("cannot normalise") != std::string::npos);   // a lone accent
  CHECK(normalize_name("\xE2\x84\xAA" "elvin").error.find("cannot normalise") != std::string::npos);  // KELVIN SIGN
  CHECK(normalize_name("\xE1\x84\x80\xE1\x85\xA1").error.find("cannot normalise") != std::string::npos);  // conjoining jamo
  CHECK(normalize_name("ab\xFF").error.find("UTF-8") != std::string::npos);
  CHECK(normalize_name("   ").error.find("empty") != std::string::npos);
  CHECK(normalize_name("   ", true).ok);
  CHECK(normalize_name(std::string(kNameMaxBytes + 1, 'a')).error.find("too long") != std::string::npos);
}

TEST_CASE("printable: the CLI never prints a raw control or bidi character") {
  CHECK(printable("OK Alice") == "OK Alice");
  CHECK(printable("a\x1b[2Jb") == "a\\u{1b}[2Jb");
  CHECK(printable("x\xE2\x80\xAEy") == "x\\u{202e}y");
  CHECK(printable("bad\xFF") == "bad\\xff");
  CHECK(printable("a\\b") == "a\\\\b");
}

TEST_CASE("per-player seeds: the same on every platform, different per name, the challenge's own seed otherwise") {
  Challenge ch = per_player_challenge(42);
  // A fixed value, so the wasm build of this suite proves it derives the same seed as native.
  CHECK(game_seed(ch, "Alice") == 887906212ull);
  CHECK(game_seed(ch, "Alice") != game_seed(ch, "Bob"));
  CHECK(game_seed(ch, "Alice") < 1000000000ull);
  ch.per_player = false;
  CHECK(game_seed(ch, "Alice") == 42);
}

TEST_CASE("per-player seeds: a renamed code is refused, 100 of 100") {
  const Challenge ch = per_player_challenge(7);
  int refused = 0;
  for (int i = 0; i < 100; ++i) {
    Verification v;
    const std::string code = code_for(ch, i % 2 ? Policy::facilitator : Policy::classic, "Player " + std::to_string(i), "Red", 1, 0, &v);
    REQUIRE(v.error == CodeError::none);
    // The renamer keeps everything else and re-checksums: what one script does.
    ResultCode r = v.result;
    r.player = "Thief " + std::to_string(i);
    const Verification w = verify_result(C(), encode_result(C(), r), &ch);
    refused += w.error == CodeError::wrong_player;
  }
  CHECK(refused == 100);
}

TEST_CASE("codes: a code of the previous version is refused as made by an older version") {
  const Challenge ch = per_player_challenge(3);
  std::vector<uint8_t> b = bytes_of(code_for(ch, Policy::facilitator, "Ada"));
  b[0] = 1;
  const ResultDecode d = decode_result(C(), code_of('R', b));
  CHECK(d.error == CodeError::wrong_version);
  CHECK(d.detail.find("older version") != std::string::npos);
  std::vector<uint8_t> c = bytes_of(encode_challenge(ch, C().hash));
  c[0] = 1;
  CHECK(decode_challenge(code_of('C', c), &C()).detail.find("older version") != std::string::npos);
}

TEST_CASE("codes: names that the game would refuse are refused in a code too") {
  const Challenge ch = per_player_challenge(3);
  Verification v;
  code_for(ch, Policy::facilitator, "Ada", "", 1, 0, &v);
  REQUIRE(v.error == CodeError::none);
  for (const std::string& bad : {std::string(""), std::string("Ada "), std::string("Ev\x1b" "e"), std::string(kNameMaxBytes + 1, 'x'),
                                std::string("Al\xE2\x80\xAE" "ice")}) {
    ResultCode r = v.result;
    r.player = bad;
    r.seed_played = game_seed(ch, bad);
    const CodeError e = verify_result(C(), encode_result(C(), r), &ch).error;
    // (the encoder keeps kNameMaxBytes of a longer name, so that one no longer matches its seed)
    CHECK((e == CodeError::bad_name || (bad.size() > kNameMaxBytes && e == CodeError::wrong_player)));
  }
}

TEST_CASE("close codes: only the organizer's secret opens the round") {
  Challenge ch = per_player_challenge(5);
  const uint64_t secret = 0x1234567890abcdefull;
  CHECK(check_close(ch, encode_close(secret, C().hash)).error == CodeError::none);
  CHECK(check_close(ch, encode_close(secret + 1, C().hash)).error == CodeError::foreign_challenge);
  CHECK(check_close(ch, "hello").error != CodeError::none);
  CHECK_FALSE(check_close(ch, encode_challenge(ch, C().hash)).detail.empty());
  Challenge no_lock = ch;
  no_lock.lock = 0;
  CHECK(check_close(no_lock, encode_close(secret, C().hash)).error != CodeError::none);
  // The lock is part of the challenge: a challenge with another lock is another challenge.
  Challenge other = ch;
  other.lock = challenge_lock(99);
  CHECK(challenge_id(other) != challenge_id(ch));
  ChallengeDecode d = decode_challenge(encode_challenge(ch, C().hash), &C());
  REQUIRE(d.error == CodeError::none);
  CHECK(d.challenge.lock == ch.lock);
  CHECK(d.challenge.per_player);
}

TEST_CASE("leaderboard: a foreign code first is refused and the honest codes are ranked") {
  const Challenge ch = per_player_challenge(11);
  const Challenge foreign = per_player_challenge(12);
  const std::vector<std::string> codes = {code_for(foreign, Policy::expert, "Mallory"), code_for(ch, Policy::facilitator, "Ada"),
                                          code_for(ch, Policy::classic, "Bo"), code_for(ch, Policy::pusher, "Cy")};
  const Leaderboard lb = build_leaderboard(C(), codes, &ch);
  CHECK(lb.entries[0].v.error == CodeError::foreign_challenge);
  CHECK(lb.accepted == 3);
  CHECK(lb.players.size() == 3);
  const Leaderboard none = build_leaderboard(C(), codes, nullptr);
  CHECK(none.players.empty());
  CHECK_FALSE(none.error.empty());
}

TEST_CASE("leaderboard: ranks by percent of the expert's score from each player's own start, showing both") {
  const Challenge ch = per_player_challenge(21);
  std::vector<std::string> codes;
  for (const char* n : {"Ada", "Bo", "Cy", "Di"}) codes.push_back(code_for(ch, n[0] == 'B' ? Policy::pusher : Policy::facilitator, n));
  const Leaderboard lb = build_leaderboard(C(), codes, &ch);
  REQUIRE(lb.players.size() == 4);
  for (const PlayerRank& p : lb.players) {
    const int ex = expert_score(ch, game_seed(ch, p.player));
    CHECK(p.expert_score == ex);
    REQUIRE(ex > 0);
    CHECK(p.has_percent);
    int64_t want = static_cast<int64_t>(p.score) * 100 / ex;
    if (static_cast<int64_t>(p.score) * 100 % ex != 0 && p.score < 0) --want;  // floor
    CHECK(p.percent == want);
  }
  for (size_t i = 1; i < lb.players.size(); ++i) CHECK(lb.players[i - 1].percent >= lb.players[i].percent);
  const std::string csv = leaderboard_csv(lb);
  CHECK(csv.find("," + std::to_string(lb.players[0].score) + "," + std::to_string(lb.players[0].percent) + ",") != std::string::npos);
}

TEST_CASE("leaderboard: duplicates count once; identical moves under two names and changed teams are flagged") {
  const Challenge ch{"fixture_clinic", 31, false, 0};  // one seed for all: copied games replay under any name
  Verification v;
  const std::string ada = code_for(ch, Policy::facilitator, "Ada", "Red", 1, 0, &v);
  REQUIRE(v.error == CodeError::none);
  ResultCode copy = v.result;
  copy.player = "Bob";
  copy.seed_played = 0;
  ResultCode moved = v.result;
  moved.team = "Green";
  moved.attempt = 2;
  const std::vector<std::string> codes = {ada, ada, encode_result(C(), copy), encode_result(C(), moved)};
  const Leaderboard lb = build_leaderboard(C(), codes, &ch);
  CHECK(lb.accepted == 4);
  CHECK(lb.duplicates == 1);
  CHECK_FALSE(lb.entries[1].counted);
  REQUIRE_FALSE(lb.entries[1].flags.empty());
  CHECK(lb.entries[1].flags[0].find("same code as line 1") != std::string::npos);
  REQUIRE_FALSE(lb.entries[2].flags.empty());
  CHECK(lb.entries[2].flags[0].find("same moves as Ada") != std::string::npos);
  bool team_flag = false;
  for (const std::string& f : lb.entries[3].flags) team_flag |= f.find("differs from this player's earlier code") != std::string::npos;
  CHECK(team_flag);
  const PlayerRank& a = lb.players[0].player == "Ada" ? lb.players[0] : lb.players[1];
  CHECK(a.team == "Red");  // the impostor's later code does not move Ada into Green
  CHECK(a.games == 2);
}

TEST_CASE("leaderboard: names that differ only in capitals or look-alike letters are flagged, not merged") {
  const Challenge ch = per_player_challenge(51);
  const std::vector<std::string> codes = {code_for(ch, Policy::facilitator, "Alice"), code_for(ch, Policy::classic, "Al\xD1\x96" "ce"),
                                          code_for(ch, Policy::pusher, "ALICE"), code_for(ch, Policy::pusher, "Bob")};
  const Leaderboard lb = build_leaderboard(C(), codes, &ch);
  CHECK(lb.players.size() == 4);
  CHECK(lb.entries[0].flags.empty());
  for (int i : {1, 2}) {
    REQUIRE(lb.entries[static_cast<size_t>(i)].flags.size() == 1);
    CHECK(lb.entries[static_cast<size_t>(i)].flags[0].find("looks like \"Alice\"") != std::string::npos);
  }
  CHECK(lb.entries[3].flags.empty());
}

TEST_CASE("leaderboard: attempts are shown, checked against earlier codes, and first attempts can rank alone") {
  const Challenge ch = per_player_challenge(41);
  const std::string a1 = code_for(ch, Policy::pusher, "Ada", "", 1, 0);
  const std::string a2 = code_for(ch, Policy::facilitator, "Ada", "", 2, attempts_hash({a1}));
  const std::string b1 = code_for(ch, Policy::classic, "Bo", "", 1, 0);
  const std::string b2 = code_for(ch, Policy::facilitator, "Bo", "", 2, attempts_hash({"Rsomething-else"}));
  const std::vector<std::string> codes = {a1, a2, b1, b2};
  const Leaderboard all = build_leaderboard(C(), codes, &ch);
  REQUIRE(all.players.size() == 2);
  for (const PlayerRank& p : all.players) CHECK(p.attempts == 2);
  CHECK(all.entries[1].flags.empty());
  REQUIRE(all.entries[3].flags.size() == 1);
  CHECK(all.entries[3].flags[0].find("earlier attempts do not match") != std::string::npos);
  BoardOptions first;
  first.first_attempts_only = true;
  const Leaderboard lb = build_leaderboard(C(), codes, &ch, first);
  CHECK_FALSE(lb.entries[1].counted);
  for (const PlayerRank& p : lb.players) CHECK(p.games == 1);
  const PlayerRank& ada = lb.players[0].player == "Ada" ? lb.players[0] : lb.players[1];
  CHECK(ada.score == all.entries[0].v.score);
}

TEST_CASE("CSV: cells that a spreadsheet would run are defused and no cell breaks a row") {
  const std::string injections[] = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", std::string("\0x", 2), "=HYPERLINK(\"http://x\")"};
  for (const std::string& s : injections) {
    const std::string cell = csv_cell(s);
    CHECK(cell.rfind("\"'", 0) == 0);
  }
  for (const std::string& s : {std::string("a\nb"), std::string("a\rb"), std::string("a\r\n=b"), std::string("a\0b", 3), std::string("x\"y")}) {
    const std::string cell = csv_cell(s);
    CHECK(cell.find('\n') == std::string::npos);
    CHECK(cell.find('\r') == std::string::npos);
    CHECK(cell.find('\0') == std::string::npos);
    CHECK(cell.front() == '"');
    CHECK(cell.back() == '"');
  }
  CHECK(csv_cell("x\"y") == "\"x\"\"y\"");
  CHECK(csv_cell("Ada") == "\"Ada\"");
}

TEST_CASE("progress: unknown keys and a newer compatible save's fields survive a load and a save") {
  const std::string text = R"({"format":"buyin-progress","version":2,"min_compatible":1,"future_top":{"a":[1,2]},
    "settings":{"font_percent":120,"player_name":"Ada","voice":"calm"},"lessons_passed":["status_quo"],
    "history":[{"mode":"practice","scenario":"clinic","seed":"5","score":10,"moves":"x","replay_v2":{"k":"v"}}]})";
  const ProgressDecode d = decode_progress(text);
  CHECK_FALSE(d.damaged);
  CHECK(d.newer);
  const ProgressDecode again = decode_progress(encode_progress(d.progress));
  CHECK_FALSE(again.damaged);
  CHECK(again.progress == d.progress);
  const std::string saved = encode_progress(again.progress);
  CHECK(saved.find("\"future_top\"") != std::string::npos);
  CHECK(saved.find("\"voice\": \"calm\"") != std::string::npos);
  CHECK(saved.find("\"replay_v2\"") != std::string::npos);
  CHECK(again.progress.settings.font_percent == 120);
}

TEST_CASE("progress: an invalid byte costs only the record, setting or lesson it is in") {
  const std::string text = std::string(R"({"format":"buyin-progress","version":1,"min_compatible":1,)") +
                           R"("settings":{"font_percent":120,"player_name":"Ad)" + "\xff" + R"(a","team":"Red"},)" +
                           R"("lessons_passed":["status_quo","bad)" + "\xc3" + R"(","hearing_hints"],)" +
                           R"("history":[{"scenario":"a","seed":"1","score":1},{"scenario":"b","seed":"2","score":2,"moves":"m)" + "\x80" +
                           R"("},{"scenario":"c","seed":"3","score":3}]})";
  const ProgressDecode d = decode_progress(text);
  CHECK(d.damaged);
  REQUIRE(d.progress.history.size() == 2);
  CHECK(d.progress.history[0].scenario_id == "a");
  CHECK(d.progress.history[1].scenario_id == "c");
  CHECK(d.progress.lessons_passed == std::vector<std::string>{"status_quo", "hearing_hints"});
  CHECK(d.progress.settings.font_percent == 120);
  CHECK(d.progress.settings.team == "Red");
  CHECK(d.progress.settings.player_name.empty());
  CHECK(d.problems.size() == 3);
  bool named = false;
  for (const std::string& p : d.problems) named |= p.find("history/1") != std::string::npos;
  CHECK(named);
}

TEST_CASE("progress: deep nesting in a save is dropped with a message, never a crash") {
  std::string deep = R"({"format":"buyin-progress","version":1,"x":)" + std::string(100000, '[') + std::string(100000, ']') +
                     R"(,"lessons_passed":["status_quo"]})";
  const ProgressDecode d = decode_progress(deep);
  CHECK(d.damaged);
  CHECK(d.progress.lessons_passed == std::vector<std::string>{"status_quo"});
  encode_progress(d.progress);
}

TEST_CASE("progress: imported lesson ids are checked against the content, unknown ones dropped with a message") {
  Progress p;
  p.lessons_passed = {"status_quo", "made_up_1", "hearing_hints", "made_up_2"};
  const std::vector<std::string> problems = keep_known_lessons(p, {"status_quo", "hearing_hints", "timing"});
  CHECK(p.lessons_passed == std::vector<std::string>{"status_quo", "hearing_hints"});
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].find("made_up_1") != std::string::npos);
}

TEST_CASE("progress: challenges opened and closed survive a save and an import") {
  Progress p;
  p.challenges.push_back({"Cabc", ""});
  p.organized.push_back("Cabc Kdef");
  const ProgressDecode d = decode_progress(encode_progress(p));
  CHECK_FALSE(d.damaged);
  CHECK(d.progress == p);
  Progress closed;
  closed.challenges.push_back({"Cabc", "Kdef"});
  const Progress m = merge_progress(p, closed);
  REQUIRE(m.challenges.size() == 1);
  CHECK(m.challenges[0].close == "Kdef");
}

TEST_CASE("loader: content nested 100,000 levels deep is a clear error, not a crash") {
  std::vector<SourceFile> files = th::fixture_files();
  files.push_back({"scenarios/deep.json", std::string(100000, '[') + std::string(100000, ']')});
  files.push_back({"scenarios/deep2.json", "{\"id\":" + std::string(100000, '{') });
  const LoadResult r = load_content(files);
  CHECK_FALSE(r.ok);
  bool said = false;
  for (const Diagnostic& d : r.errors) said |= d.str().find("nested more than") != std::string::npos;
  CHECK(said);
}

TEST_CASE("fuzz corpora: the committed seeds run through the core's parsers (natively, and in the wasm build under node)") {
  const std::string dir = th::root() + "/tests/fuzz/corpus/";
  int n = 0;
  std::string text;
  for (const char* kind : {"content", "onboarding"})
    for (const std::string& f : th::list(dir + kind, ".json")) {
      REQUIRE(th::read(dir + kind + "/" + f, text));
      std::vector<SourceFile> files = th::fixture_files();
      if (std::string(kind) == "content") files.push_back({"scenarios/corpus.json", text});
      else for (SourceFile& s : files) if (s.path == "onboarding.json") s.text = text;
      const LoadResult r = load_content(files);
      INFO(kind << "/" << f);
      CHECK((r.ok || !r.errors.empty()));
      for (const Diagnostic& d : r.errors) CHECK_FALSE(d.message.empty());
      ++n;
    }
  for (const std::string& f : th::list(dir + "save", ".json")) {
    REQUIRE(th::read(dir + "save/" + f, text));
    const ProgressDecode d = decode_progress(text);
    INFO("save/" << f);
    CHECK(d.damaged == !d.problems.empty());
    const ProgressDecode again = decode_progress(encode_progress(d.progress));
    CHECK_FALSE(again.damaged);
    CHECK(again.progress == d.progress);
    ++n;
  }
  for (const std::string& f : th::list(dir + "progress", ".bin")) {
    REQUIRE(th::read(dir + "progress/" + f, text));
    const size_t cut = text.find('\0');
    ProgressDecode a = decode_progress(text.substr(0, cut)), b = decode_progress(cut == std::string::npos ? "" : text.substr(cut + 1));
    keep_known_lessons(b.progress, {"status_quo"});
    const Progress m = merge_progress(a.progress, b.progress);
    INFO("progress/" << f);
    CHECK(decode_progress(encode_progress(m)).progress == m);
    ++n;
  }
  const Challenge ch = per_player_challenge(1000);
  for (const std::string& f : th::list(dir + "leaderboard", ".txt")) {
    REQUIRE(th::read(dir + "leaderboard/" + f, text));
    const Leaderboard lb = build_leaderboard(C(), split_codes(text), &ch);
    INFO("leaderboard/" << f);
    CHECK(lb.entries.size() == split_codes(text).size());
    const std::string csv = leaderboard_csv(lb);
    CHECK(csv.find('\r') == std::string::npos);
    ++n;
  }
  CHECK(n >= 15);
}
