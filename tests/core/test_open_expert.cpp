// The expert of open play (typed moves, issue 20): a typing player may say any move of the deck, so
// the expert they are measured against may too. It ends at least as well as the expert of the dealt
// cards from the same start, and still never pushes (issue 15); a typing-only challenge's leaderboard
// measures its players against it.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/buyin.hpp"
#include "core/leaderboard.hpp"
#include "helpers.hpp"

using namespace buyin;

namespace {

const Content& C() { return th::fixtures(); }

GameConfig open_config(const std::string& scenario, uint64_t seed) {
  GameConfig cfg{scenario, seed, 0};
  cfg.open_play = true;
  return cfg;
}

bool pushy(Verdict v) { return v == Verdict::pushed || v == Verdict::harmful; }

// Whether the path says a move that was not dealt when it was said (it needs open play).
bool says_undealt(const Content& c, const std::string& scenario, uint64_t seed, const std::vector<Action>& path) {
  Game g = start_game(c, open_config(scenario, seed)).game;
  for (const Action& a : path) {
    const std::vector<Card> hand = deal_hand(c, g.state);
    if (std::none_of(hand.begin(), hand.end(), [&](const Card& k) { return k.move == a.move; })) return true;
    if (!play(g, a).ok) return false;
  }
  return false;
}

// Open expert vs the dealt-cards expert on `seeds` starts of every scenario of `c`.
void compare_experts(const Content& c, uint64_t seeds, int& better, int& undealt) {
  for (const Scenario& sc : c.scenarios)
    for (uint64_t seed = 0; seed < seeds; ++seed) {
      const Game cards = play_policy(c, GameConfig{sc.id, seed, 0}, Policy::expert, false);
      const Game open = play_policy(c, open_config(sc.id, seed), Policy::expert, false);
      INFO(sc.id << " seed " << seed);
      REQUIRE(open.config.open_play);
      const int cs = final_score(c, cards.state).total, os = final_score(c, open.state).total;
      CHECK(os >= cs);
      better += os > cs;
      for (const MoveResult& r : open.results) {
        INFO(r.move_id);
        CHECK_FALSE(pushy(r.verdict));
      }
      // The debrief's expert for a typed game is the same open search (and replays open).
      if (seed == 0) {
        Game typed = start_game(c, open_config(sc.id, seed)).game;
        const Debrief d = debrief(typed, true);
        CHECK(d.expert == expert_path(c, sc.id, seed, nullptr, 0, true));
        CHECK(d.expert_score >= debrief(start_game(c, GameConfig{sc.id, seed, 0}).game, true).expert_score);
      }
      undealt += says_undealt(c, sc.id, seed, open.actions);
    }
}

}  // namespace

TEST_CASE("open play's expert: at least the dealt expert's score from the same start, and never a push") {
  int better = 0, undealt = 0;
  compare_experts(C(), 12, better, undealt);
  MESSAGE("fixtures: the open expert scored higher on " << better << " starts, said an undealt move on " << undealt);
  CHECK(undealt > 0);  // it really searches the whole deck
}

TEST_CASE("open play's expert from a state that says open play searches open; a card game's expert never says an undealt move") {
  for (uint64_t seed = 0; seed < 12; ++seed) {
    const std::vector<Action> cards = expert_path(C(), "fixture_clinic", seed);
    CHECK_FALSE(says_undealt(C(), "fixture_clinic", seed, cards));
    Game g = start_game(C(), open_config("fixture_clinic", seed)).game;
    CHECK(expert_path(C(), "fixture_clinic", seed, &g.state) == expert_path(C(), "fixture_clinic", seed, nullptr, 0, true));
  }
}

TEST_CASE("leaderboard: a typing-only challenge measures against the open expert (its own path is 100%)") {
  for (bool notebook : {false, true}) {
    Challenge ch;
    ch.scenario_id = "fixture_clinic";
    ch.seed = 7;
    ch.notebook = notebook;
    ch.typed = true;
    GameConfig cfg = open_config(ch.scenario_id, ch.seed);
    cfg.notebook = notebook;
    const Game expert = play_policy(C(), cfg, Policy::expert);
    const int score = final_score(C(), expert.state).total;
    // The card expert's game, handed in to the same typed challenge (its moves are legal open).
    GameConfig card_cfg{ch.scenario_id, ch.seed, 0, notebook};
    const Game cards = play_policy(C(), card_cfg, Policy::expert);
    const std::vector<std::string> codes = {
        encode_result(C(), ResultCode{C().hash, ch, "Ada", "", expert.actions, score, 0, 1, 0, expert.notes, true}),
        encode_result(C(), ResultCode{C().hash, ch, "Bo", "", cards.actions, final_score(C(), cards.state).total, 0, 1, 0, cards.notes, true})};
    const Leaderboard lb = build_leaderboard(C(), codes, &ch);
    INFO("notebook " << notebook);
    REQUIRE(lb.accepted == 2);
    for (const LeaderboardEntry& e : lb.entries) {
      CHECK(e.expert_score == score);
      REQUIRE(e.has_percent);
      if (e.v.result.player == "Ada") CHECK(e.percent == 100);
      else CHECK(e.percent <= 100);
    }
  }
}

TEST_SUITE("balance") {
TEST_CASE("open play's expert on shipped content: never below the dealt expert, never a push (20 seeds a scenario)") {
  const Content* c = th::shipped();
  if (!c) return;
  int better = 0, undealt = 0;
  compare_experts(*c, 20, better, undealt);
  MESSAGE("shipped: the open expert scored higher on " << better << " starts, said an undealt move on " << undealt);
  CHECK(undealt > 0);
}
}
