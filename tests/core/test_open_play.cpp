// Open play (typed moves, issue 20): every move of the scenario's deck is legal, dealt or not; the
// record and the result code carry it, so a typed game replays and verifies like a card game.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/buyin.hpp"
#include "helpers.hpp"

using namespace buyin;

namespace {

const Content& C() { return th::fixtures(); }

// A move of the scenario's deck that is not in the hand now, with a legal target; {-1,-1} if none.
Action undealt_move(const Game& g) {
  const Scenario& sc = g.scenario();
  std::vector<Card> hand = deal_hand(*g.content, g.state);
  for (int move : sc.deck) {
    if (std::any_of(hand.begin(), hand.end(), [&](const Card& k) { return k.move == move; })) continue;
    std::vector<int> t = legal_targets(*g.content, g.state, move);
    if (!t.empty()) return {move, t[0]};
  }
  return {-1, -1};
}

// Plays a game where every other move is one the hand does not hold (typed), the rest cards.
Game typed_game(uint64_t seed, bool open_from_start) {
  StartResult s = start_game(C(), GameConfig{"fixture_clinic", seed, 0, true, open_from_start});
  REQUIRE(s.ok);
  Game g = s.game;
  for (int i = 0; !g.over() && i < 60; ++i) {
    if (i == 1 && !open_from_start) open_play(g);
    Action a = i % 2 == 1 ? undealt_move(g) : Action{};
    if (a.move < 0) a = choose_action(g, Policy::facilitator);
    MoveResult r = play(g, a);
    REQUIRE_MESSAGE(r.ok, r.error);
  }
  return g;
}

}  // namespace

TEST_CASE("a card game refuses a move that was not dealt; open play accepts it and judges it by the same rules") {
  StartResult s = start_game(C(), GameConfig{"fixture_clinic", 5});
  REQUIRE(s.ok);
  Game cards = s.game;
  const Action off = undealt_move(cards);
  REQUIRE(off.move >= 0);
  CHECK_FALSE(is_legal(C(), cards.state, off));
  MoveResult refused = play(cards, off);
  CHECK_FALSE(refused.ok);
  CHECK(refused.error == "that move is not in the hand");
  CHECK(cards.actions.empty());

  Game typed = cards;
  open_play(typed);
  CHECK(typed.config.open_play);
  CHECK(is_legal(C(), typed.state, off));
  MoveResult r = play(typed, off);
  REQUIRE(r.ok);
  CHECK(r.move_id == C().moves[static_cast<size_t>(off.move)].id);
  CHECK_FALSE(r.explanation.empty());
  // A move outside the scenario's deck stays illegal, and a target the move cannot take too.
  for (size_t m = 0; m < C().moves.size(); ++m) {
    const Scenario& sc = typed.scenario();
    if (std::find(sc.deck.begin(), sc.deck.end(), static_cast<int>(m)) != sc.deck.end()) continue;
    CHECK_FALSE(is_legal(C(), typed.state, Action{static_cast<int>(m), -1}));
  }
  CHECK_FALSE(is_legal(C(), typed.state, Action{off.move, 99}));
}

TEST_CASE("open play does not change what a dealt card does") {
  for (uint64_t seed = 1; seed <= 6; ++seed) {
    CAPTURE(seed);
    Game cards = play_policy(C(), GameConfig{"fixture_clinic", seed, 0, true}, Policy::facilitator);
    Record rec = record_of(cards);
    ReplayResult closed = replay(C(), rec);
    rec.config.open_play = true;
    ReplayResult open = replay(C(), rec);
    REQUIRE(closed.ok);
    REQUIRE(open.ok);
    CHECK(state_hash(open.game.state) == state_hash(cards.state));
    CHECK(state_hash(open.game.state) == state_hash(closed.game.state));
    CHECK(final_score(C(), open.game.state).total == final_score(C(), closed.game.state).total);
    CHECK(open.game.state.noted == closed.game.state.noted);
  }
}

TEST_CASE("a typed game replays to the same hash, opened mid-game or from the start") {
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    CAPTURE(seed);
    Game g = typed_game(seed, false);
    REQUIRE(g.over());
    ReplayResult rr = replay(C(), record_of(g));
    REQUIRE_MESSAGE(rr.ok, rr.error);
    CHECK(state_hash(rr.game.state) == state_hash(g.state));
    Game from_start = typed_game(seed, true);
    CHECK(state_hash(from_start.state) == state_hash(g.state));
    // Without open play the same record is refused at the first undealt move.
    Record closed = record_of(g);
    closed.config.open_play = false;
    ReplayResult refused = replay(C(), closed);
    CHECK_FALSE(refused.ok);
    CHECK(refused.failed_at >= 1);
  }
}

TEST_CASE("a typed game's result code verifies; a typed challenge travels in its code") {
  Challenge ch;
  ch.scenario_id = "fixture_clinic";
  ch.seed = 3;
  ch.notebook = true;
  Game g = typed_game(game_seed(ch, "Ana"), false);
  ResultCode rc{C().hash, ch, "Ana", "", g.actions, final_score(C(), g.state).total, 0, 1, 0, g.notes, g.config.open_play};
  const std::string code = encode_result(C(), rc);
  Verification v = verify_result(C(), code, &ch);
  CHECK_MESSAGE(v.error == CodeError::none, v.detail);
  CHECK(v.result.open_play);
  CHECK(v.score == rc.claimed_score);
  // The same moves claimed as a card game cannot be replayed.
  rc.open_play = false;
  CHECK(verify_result(C(), encode_result(C(), rc), &ch).error == CodeError::illegal_move);

  // A challenge that asks for typing: its code carries it, its id differs, and its results play open.
  Challenge typed = ch;
  typed.typed = true;
  ChallengeDecode cd = decode_challenge(encode_challenge(typed, C().hash), &C());
  REQUIRE(cd.error == CodeError::none);
  CHECK(cd.challenge.typed);
  CHECK(challenge_id(typed) != challenge_id(ch));
  CHECK(decode_result(C(), code, &typed).error == CodeError::foreign_challenge);
  ResultCode trc{C().hash, typed, "Ana", "", g.actions, final_score(C(), g.state).total, 0, 1, 0, g.notes};
  Verification tv = verify_result(C(), encode_result(C(), trc), &typed);
  CHECK_MESSAGE(tv.error == CodeError::none, tv.detail);
  CHECK(tv.result.open_play);
}

TEST_CASE("codes made before typing (version 3) still decode and verify, as card games") {
  // Made by the build before typed play (main at 15e5705): buyin --content tests/core/fixtures
  // challenge --scenario fixture_clinic --seed 11 --notebook --meetings 6; code --policy facilitator --player Ana
  const std::string challenge = "CAykAQ2-e0YiH07QOZml4dHVyZV9jbGluaWMLDAbYQpVhdyRJwoVOtOA";
  ChallengeDecode cd = decode_challenge(challenge, &C());
  REQUIRE(cd.error == CodeError::none);
  CHECK(cd.challenge.notebook);
  CHECK_FALSE(cd.challenge.typed);
  const std::string result =
      "RA2oAQ2-e0YiH07QOZml4dHVyZV9jbGluaWMLDAbYQpVhdyRJwgNBbmEACwEAAAAAFQQBCwACAAcEBwILAAMCBgAMAAAADgAIAA8EDQAAAAgAAQAGAAMEAgALAAIBBwEVHAECFbQBJvP3aQ";
  Verification v = verify_result(C(), result, &cd.challenge);
  CHECK_MESSAGE(v.error == CodeError::none, v.detail);
  CHECK(v.score == 90);
  CHECK(v.moves == 21);
  CHECK_FALSE(v.result.open_play);
}
