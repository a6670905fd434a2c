// What the cards and the explanations give away: the hand's order says nothing about a card's
// category, and no explanation names a hidden constraint's type before the buyer has voiced it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "helpers.hpp"

using namespace buyin;

namespace {

// ---- chi-square upper tail, in doubles (the test only; the core never uses floating point) ----
// Q(a, x), the regularized upper incomplete gamma: a series below a+1, a continued fraction above.
double gamma_q(double a, double x) {
  if (x <= 0) return 1.0;
  const double lg = std::lgamma(a);
  if (x < a + 1) {
    double sum = 1.0 / a, term = sum;
    for (int n = 1; n < 500; ++n) {
      term *= x / (a + n);
      sum += term;
      if (std::fabs(term) < std::fabs(sum) * 1e-14) break;
    }
    return 1.0 - sum * std::exp(-x + a * std::log(x) - lg);
  }
  double b = x + 1 - a, c = 1e300, d = 1 / b, h = d;
  for (int i = 1; i < 500; ++i) {
    const double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (std::fabs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (std::fabs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1) < 1e-14) break;
  }
  return std::exp(-x + a * std::log(x) - lg) * h;
}

// p-value of a chi-square goodness-of-fit test of `counts` against the uniform distribution.
double uniform_p(const std::vector<long>& counts) {
  long total = 0;
  for (long k : counts) total += k;
  const double expect = static_cast<double>(total) / static_cast<double>(counts.size());
  double chi = 0;
  for (long k : counts) chi += (static_cast<double>(k) - expect) * (static_cast<double>(k) - expect) / expect;
  return gamma_q((static_cast<double>(counts.size()) - 1) / 2, chi / 2);
}

}  // namespace

TEST_CASE("the statistic itself: a uniform table passes, a table ordered by category fails") {
  CHECK(uniform_p({100, 100, 100, 100}) > 0.99);
  CHECK(uniform_p({110, 95, 100, 95}) > 0.01);
  CHECK(uniform_p({400, 0, 0, 0}) < 1e-9);
  // Known values: chi2 = 6.635 with 1 degree of freedom is p = 0.01; 9.21 with 2 is p = 0.01.
  CHECK(std::fabs(gamma_q(0.5, 6.635 / 2) - 0.01) < 1e-4);
  CHECK(std::fabs(gamma_q(1.0, 9.210 / 2) - 0.01) < 1e-4);
  CHECK(std::fabs(gamma_q(3.5, 18.475 / 2) - 0.01) < 1e-4);
}

TEST_CASE("the hand's order gives nothing away: each category's position is uniform over 1000 seeds") {
  const Content* c = th::shipped();
  REQUIRE(c);
  int tests = 0;
  double min_p = 1;
  for (size_t si = 0; si < c->scenarios.size(); ++si) {
    const Scenario& sc = c->scenarios[si];
    // counts[category][position]: where in the hand a card of that category was shown.
    std::map<int, std::vector<long>> counts;
    for (uint64_t seed = 1; seed <= 1000; ++seed) {
      const State st = initial_state(*c, static_cast<int>(si), seed, 0);
      const std::vector<Card> hand = deal_hand(*c, st);
      REQUIRE(static_cast<int>(hand.size()) == sc.hand_size);
      for (size_t pos = 0; pos < hand.size(); ++pos) {
        std::vector<long>& row = counts[static_cast<int>(c->moves[static_cast<size_t>(hand[pos].move)].category)];
        row.resize(hand.size());
        ++row[pos];
      }
    }
    for (const auto& entry : counts) {
      const int cat = entry.first;  // not a structured binding: INFO captures it
      const std::vector<long>& row = entry.second;
      long total = 0;
      for (long k : row) total += k;
      if (total < 5 * static_cast<long>(row.size())) continue;  // too rare for the test (expected count below 5)
      ++tests;
      const double p = uniform_p(row);
      min_p = std::min(min_p, p);
      INFO(sc.id << ", " << to_string(static_cast<Category>(cat)) << ": " << total << " cards, p = " << p);
      CHECK(p > 0.01);
    }
  }
  CHECK(tests >= 50);  // the test saw most categories in every scenario
  MESSAGE(tests << " (scenario, category) tables, smallest p = " << min_p);
}

TEST_CASE("the hand is the same set of cards in every order: shuffling changes only the positions") {
  const Content* c = th::shipped();
  REQUIRE(c);
  for (size_t si = 0; si < c->scenarios.size(); ++si) {
    for (uint64_t seed = 1; seed <= 20; ++seed) {
      Game g = play_policy(*c, GameConfig{c->scenarios[si].id, seed, 0}, Policy::random, false);
      State st = initial_state(*c, static_cast<int>(si), seed, 0);
      int moved = 0, hands = 0;
      for (const MoveResult& r : g.results) {
        std::vector<Card> hand = deal_hand(*c, st);
        // The canonical order (category, then slot) is what the shown order is a permutation of.
        for (size_t i = 1; i < hand.size(); ++i) {
          const int a = static_cast<int>(c->moves[static_cast<size_t>(hand[i - 1].move)].category);
          const int b = static_cast<int>(c->moves[static_cast<size_t>(hand[i].move)].category);
          if (a > b || (a == b && hand[i - 1].deck_slot > hand[i].deck_slot)) { ++moved; break; }
        }
        ++hands;
        std::vector<Card> again = deal_hand(*c, st);  // deterministic: the same state, the same order
        REQUIRE(again.size() == hand.size());
        for (size_t i = 0; i < hand.size(); ++i) CHECK(again[i].move == hand[i].move);
        apply_move(*c, st, r.action, false);
      }
      CHECK(moved * 2 > hands);  // most hands are not in the canonical order
    }
  }
}

TEST_CASE("no explanation names a constraint type the buyer has not voiced (200 bot games)") {
  // Voiced: the buyer said a line of it in an earlier move (a hint, a worry, a resolution told as
  // news), or the brief told it (start: known). The move in which a hint is first said does not
  // count: its explanation would tell the trainee what the hint they just heard is about.
  const Content* c = th::shipped();
  REQUIRE(c);
  const Policy policies[] = {Policy::random, Policy::pusher, Policy::classic, Policy::facilitator};
  int games = 0, named = 0, checked = 0, same_move = 0;
  for (int gi = 0; gi < 200; ++gi) {
    const Scenario& sc = c->scenarios[static_cast<size_t>(gi) % c->scenarios.size()];
    const Game g = play_policy(*c, GameConfig{sc.id, 7000 + static_cast<uint64_t>(gi), 0}, policies[gi % 4], true);
    ++games;
    auto type_of = [&](int ci) { return static_cast<int>(sc.pool[static_cast<size_t>(g.state.constraints[static_cast<size_t>(ci)].def)].type); };
    std::set<int> voiced;
    const State st0 = initial_state(*c, g.state.scenario, g.state.seed, 0);
    for (size_t ci = 0; ci < st0.constraints.size(); ++ci) if (st0.constraints[ci].learned) voiced.insert(type_of(static_cast<int>(ci)));
    for (size_t i = 0; i < g.results.size(); ++i) {
      const MoveResult& r = g.results[i];
      std::set<int> now;
      for (const Reply& rp : r.replies)
        if (rp.constraint >= 0 && (rp.kind == ReplyKind::hint || rp.kind == ReplyKind::objection || rp.kind == ReplyKind::resolved))
          now.insert(type_of(rp.constraint));
      for (int t = 0; t < kConstraintTypeCount; ++t) {
        if (r.explanation.find(describe(static_cast<ConstraintType>(t))) == std::string::npos) continue;
        ++named;
        INFO(sc.id << " seed " << g.state.seed << " move " << i << ": " << r.explanation);
        CHECK(voiced.count(t) == 1);
        if (!voiced.count(t) && now.count(t)) ++same_move;
      }
      voiced.insert(now.begin(), now.end());
      ++checked;
    }
  }
  CHECK(games == 200);
  CHECK(named > 0);  // the explanations still name what the buyer did voice
  MESSAGE("explanations checked: " << checked << "; naming a voiced type: " << named << "; naming one voiced only in the same move: " << same_move);
}

TEST_CASE("the scaffolding fades: the first two lessons show the kinds of move, the later ones do not") {
  const Content* c = th::shipped();
  REQUIRE(c);
  REQUIRE(c->lessons.size() >= 3);
  for (size_t i = 0; i < c->lessons.size(); ++i) {
    INFO(c->lessons[i].id);
    CHECK(c->lessons[i].show_categories == (i < 2));
  }
}

TEST_CASE("lint warns on a label that names its own kind of move, and on nothing else in the shipped deck") {
  const Content* c = th::shipped();
  REQUIRE(c);
  for (const Diagnostic& d : lint_content(*c)) CHECK_MESSAGE(d.message.find("names its own kind of move") == std::string::npos, d.message);
  Content bad = *c;
  int pitch = -1, listen = -1;
  for (size_t i = 0; i < bad.moves.size(); ++i) {
    if (bad.moves[i].category == Category::pitch && pitch < 0) pitch = static_cast<int>(i);
    if (bad.moves[i].category == Category::listen && listen < 0) listen = static_cast<int>(i);
  }
  REQUIRE(pitch >= 0);
  REQUIRE(listen >= 0);
  bad.moves[static_cast<size_t>(pitch)].label = "Pitch the product";
  bad.moves[static_cast<size_t>(listen)].world_label[static_cast<size_t>(World::consumer)] = "Just listen";
  int warned = 0;
  for (const Diagnostic& d : lint_content(bad))
    if (d.message.find("names its own kind of move") != std::string::npos) {
      ++warned;
      CHECK((d.pointer == "/moves/" + std::to_string(pitch) + "/label" || d.pointer == "/moves/" + std::to_string(listen) + "/worlds/consumer/label"));
    }
  CHECK(warned == 2);
  // Another kind's word is not a giveaway of this card's kind ("close" on a question is not a close).
  bad = *c;
  bad.moves[static_cast<size_t>(listen)].label = "Who is close to the problem?";
  for (const Diagnostic& d : lint_content(bad)) CHECK(d.message.find("names its own kind of move") == std::string::npos);
}
