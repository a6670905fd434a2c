// Challenge and result codes: round trips, and every kind of bad code refused with its own reason.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/rng.hpp"
#include "helpers.hpp"

using namespace buyin;

namespace {
const Content& C() { return th::fixtures(); }

struct Made { Challenge ch; Game game; std::string code; int score; };

Made make(uint64_t seed, Policy p, const std::string& player = "Ana María", const std::string& team = "North") {
  Made m;
  m.ch = Challenge{"fixture_clinic", seed, true, 6};
  m.game = play_policy(C(), GameConfig{m.ch.scenario_id, m.ch.seed, m.ch.meeting_limit}, p);
  m.score = final_score(C(), m.game.state).total;
  m.code = encode_result(C(), ResultCode{C().hash, m.ch, player, team, m.game.actions, m.score});
  return m;
}

bool url_safe(const std::string& s) {
  for (char ch : s)
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_')) return false;
  return true;
}

// Flip one character of the payload to another valid code character.
std::string flip(std::string s, size_t at) {
  s[at] = s[at] == 'A' ? 'B' : 'A';
  return s;
}
}  // namespace

TEST_CASE("challenge codes round-trip") {
  Challenge ch{"fixture_solo", 1234567890123ull, true, 4};
  std::string code = encode_challenge(ch, C().hash);
  CHECK(code[0] == 'C');
  CHECK(url_safe(code));
  ChallengeDecode d = decode_challenge(code, &C());
  REQUIRE(d.error == CodeError::none);
  CHECK(d.challenge.scenario_id == ch.scenario_id);
  CHECK(d.challenge.seed == ch.seed);
  CHECK(d.challenge.feedback_hidden);
  CHECK(d.challenge.meeting_limit == 4);
  CHECK(challenge_id(d.challenge) == challenge_id(ch));
  CHECK(challenge_id(Challenge{"fixture_solo", 1, true, 4}) != challenge_id(ch));
  CHECK(decode_challenge(encode_challenge(ch, C().hash ^ 7), &C()).error == CodeError::foreign_content);
  CHECK(decode_challenge(encode_challenge(Challenge{"ghost_town", 1, false, 0}, C().hash), &C()).error == CodeError::unknown_scenario);
}

TEST_CASE("result codes round-trip and verify by replay") {
  for (Policy p : {Policy::facilitator, Policy::pusher, Policy::random, Policy::expert}) {
    Made m = make(42, p);
    CHECK(m.code[0] == 'R');
    CHECK(url_safe(m.code));
    ResultDecode d = decode_result(C(), m.code, &m.ch);
    REQUIRE(d.error == CodeError::none);
    CHECK(d.result.player == "Ana María");
    CHECK(d.result.team == "North");
    CHECK(d.result.claimed_score == m.score);
    CHECK(d.result.actions == m.game.actions);
    Verification v = verify_result(C(), m.code, &m.ch);
    CHECK(v.error == CodeError::none);
    CHECK(v.score == m.score);
    CHECK(v.ending == m.game.state.ending);
  }
  CHECK(verify_result(C(), "  " + make(3, Policy::facilitator).code + "\n").error == CodeError::none);
}

TEST_CASE("a forged score is refused: the replay decides") {
  Made m = make(42, Policy::pusher);
  std::string forged = encode_result(C(), ResultCode{C().hash, m.ch, "Eve", "", m.game.actions, m.score + 500});
  Verification v = verify_result(C(), forged, &m.ch);
  CHECK(v.error == CodeError::score_mismatch);
  CHECK(v.score == m.score);
}

TEST_CASE("bad codes are refused, each with its own reason") {
  Made m = make(7, Policy::facilitator);
  const std::string& code = m.code;
  CHECK(decode_result(C(), "").error == CodeError::malformed);
  CHECK(decode_result(C(), "hello world").error == CodeError::malformed);
  CHECK(decode_result(C(), code.substr(0, 5) + "!" + code.substr(6)).error == CodeError::malformed);
  CHECK(decode_result(C(), code + "AAAA").error == CodeError::malformed);
  for (size_t cut : {size_t(1), size_t(3), code.size() / 2, code.size() - 2}) CHECK(decode_result(C(), code.substr(0, cut)).error == CodeError::truncated);
  for (size_t at = 6; at < code.size() - 1; at += 3) {
    INFO("flip at " << at);
    CHECK(decode_result(C(), flip(code, at)).error == CodeError::tampered);
  }
  std::string v2 = code;
  v2[1] = 'C';  // the version byte's top bits: version 4 -> 8, newer than this game reads
  CHECK(decode_result(C(), v2).error == CodeError::wrong_version);
  CHECK(decode_result(C(), encode_challenge(m.ch, C().hash)).error == CodeError::wrong_kind);
  CHECK(decode_challenge(code).error == CodeError::wrong_kind);
  Challenge other = m.ch;
  other.seed += 1;
  CHECK(decode_result(C(), code, &other).error == CodeError::foreign_challenge);
  other = m.ch;
  other.feedback_hidden = false;
  CHECK(decode_result(C(), code, &other).error == CodeError::foreign_challenge);
  std::string foreign = encode_result(C(), ResultCode{C().hash ^ 1, m.ch, "A", "B", m.game.actions, m.score});
  CHECK(decode_result(C(), foreign).error == CodeError::foreign_content);
  // Moves that are in the deck but not legal at that point of the game.
  std::vector<Action> bad = m.game.actions;
  std::reverse(bad.begin(), bad.end());
  Verification v = verify_result(C(), encode_result(C(), ResultCode{C().hash, m.ch, "A", "", bad, 0}), &m.ch);
  CHECK(v.error == CodeError::illegal_move);
  std::set<std::string> reasons;
  for (int e = 0; e <= static_cast<int>(CodeError::score_mismatch); ++e) reasons.insert(describe(static_cast<CodeError>(e)));
  CHECK(reasons.size() == static_cast<size_t>(CodeError::score_mismatch) + 1);
}

TEST_CASE("random garbage never crashes the decoders") {
  Rng r(99);
  const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_RC!";
  for (int i = 0; i < 3000; ++i) {
    std::string s(1, i % 2 ? 'R' : 'C');
    int n = r.below(80);
    for (int k = 0; k < n; ++k) s += alphabet[r.below(66)];
    ResultDecode d = decode_result(C(), s);
    ChallengeDecode c = decode_challenge(s, &C());
    CHECK((d.error != CodeError::none || c.error != CodeError::none));
  }
}
