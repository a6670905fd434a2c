// Balance: the targets of the buyer model, asserted on 1,000 seeds of every shipped scenario
// (content/README.md section 5 has the table). Conventional selling fails mostly by no decision and
// wins a fair share of ready buyers; facilitation wins 30-60%, less as difficulty rises; no degenerate
// strategy comes near it; lessons are passed only by doing what they teach.
// The suite is "balance": natively it runs in full; the wasm run skips it (goldens prove native = wasm).
#include <doctest/doctest.h>

#include <map>

#include "helpers.hpp"

using namespace buyin;

namespace {

constexpr int kSeeds = 1000;

struct Table {
  PolicyStats s[kAllPolicies];
  const PolicyStats& operator[](Policy p) const { return s[static_cast<int>(p)]; }
};

Table run_all(const Content& c, const Scenario& sc, int seeds) {
  Table t;
  for (int p = 0; p < kAllPolicies; ++p) t.s[p] = run_policy(c, sc.id, static_cast<Policy>(p), 1, seeds);
  return t;
}

void check_order(const Table& t) {
  CHECK(t[Policy::expert].mean_score >= t[Policy::facilitator].mean_score);
  CHECK(t[Policy::facilitator].mean_score > t[Policy::classic].mean_score);
  CHECK(t[Policy::classic].mean_score > t[Policy::pusher].mean_score);
  CHECK(t[Policy::facilitator].purchases > t[Policy::pusher].purchases);
}

bool ready_scenario(const Scenario& sc) { return sc.start_stage >= 5; }

}  // namespace

TEST_SUITE("balance") {

TEST_CASE("balance on the fixtures: expert >= facilitator > classic > pusher") {
  for (const Scenario& sc : th::fixtures().scenarios) {
    Table t = run_all(th::fixtures(), sc, 200);
    INFO(sc.id);
    check_order(t);
  }
}

TEST_CASE("balance targets on every shipped full scenario, 1,000 seeds each") {
  const Content* c = th::shipped();
  if (!c) { MESSAGE("shipped content missing or not loading; balance checked on fixtures only"); return; }
  std::map<int, std::pair<int, int>> by_difficulty;  // difficulty -> (sum of facilitator purchase %, scenarios)
  int ready_seen = 0;
  for (const Scenario& sc : c->scenarios) {
    if (sc.kind != ScenarioKind::full) continue;
    Table t = run_all(*c, sc, kSeeds);
    const PolicyStats &cl = t[Policy::classic], &pu = t[Policy::pusher], &fa = t[Policy::facilitator], &ex = t[Policy::expert];
    INFO(sc.id << ": classic " << cl.purchase_pct << "% buy / " << cl.no_decision_pct << "% no decision / " << cl.disengaged_pct
                << "% disengaged, score " << cl.mean_score << "; pusher " << pu.purchase_pct << "%, " << pu.mean_score << "; facilitator "
                << fa.purchase_pct << "%, " << fa.disengaged_pct << "% disengaged, " << fa.mean_score << "; expert " << ex.purchase_pct << "%");
    CHECK(ex.games == kSeeds);
    CHECK(pu.mean_score < cl.mean_score);
    CHECK(fa.disengaged_pct <= 5);
    CHECK(fa.mean_score > cl.mean_score);
    if (ready_scenario(sc)) {
      // A buyer who did their own work buys from a conventional seller too ("we win our fair share"),
      // and a facilitator closes nearly all of them: the purchase-rate bands below are for buyers who are not.
      ++ready_seen;
      CHECK(cl.purchase_pct >= 40);
    } else {
      CHECK(pu.purchase_pct <= 5);
      CHECK(ex.purchase_pct >= fa.purchase_pct + 10);
      CHECK(cl.purchase_pct >= 5);
      CHECK(cl.purchase_pct <= 15);
      CHECK(cl.no_decision_pct >= 50);
      CHECK(cl.disengaged_pct <= 25);
      CHECK(fa.purchase_pct >= 30);
      CHECK(fa.purchase_pct <= 60);
      auto& d = by_difficulty[sc.difficulty];
      d.first += fa.purchase_pct;
      d.second += 1;
    }
    for (int z = kZooFirst; z < kAllPolicies; ++z) {
      const PolicyStats& s = t.s[z];
      INFO("zoo " << to_string(static_cast<Policy>(z)) << ": " << s.purchase_pct << "% buy, score " << s.mean_score);
      // A buyer who did their own work buys from a conventional seller (88% on harbour_physio), and now
      // and then from one who clicks the top card of a shuffled hand (a random card): there the band is
      // relative, a quarter of the conventional seller's rate at most.
      if (ready_scenario(sc)) CHECK(s.purchase_pct * 4 <= cl.purchase_pct);
      else CHECK(s.purchase_pct <= 10);
      CHECK(s.mean_score * 10 <= fa.mean_score * 6);
    }
  }
  CHECK(ready_seen >= 1);
  // Difficulty means something: the facilitator's mean purchase rate falls from level to level.
  int prev = 101, prev_level = 0;
  for (const auto& entry : by_difficulty) {
    const int level = entry.first;  // (structured bindings cannot be captured by INFO's lambda in C++17)
    const int mean = entry.second.first / entry.second.second;
    INFO("difficulty " << prev_level << " -> " << level << ": facilitator " << prev << "% -> " << mean << "%");
    CHECK(mean < prev);
    prev = mean;
    prev_level = level;
  }
  CHECK(by_difficulty.size() >= 3);
}

TEST_CASE("the expert never pushes on shipped content: no pushed or harmful verdict on its path") {
  const Content* c = th::shipped();
  if (!c) return;
  for (const Scenario& sc : c->scenarios)
    for (uint64_t seed = 1; seed <= 100; ++seed) {
      Game g = play_policy(*c, GameConfig{sc.id, seed, 0}, Policy::expert, false);
      for (const MoveResult& r : g.results) {
        INFO(sc.id << " seed " << seed << ": " << r.move_id);
        CHECK(r.verdict != Verdict::pushed);
        CHECK(r.verdict != Verdict::harmful);
      }
    }
}

TEST_CASE("lessons: winnable, and passed only by doing what they teach") {
  const Content* c = th::shipped();
  if (!c) return;
  for (const Scenario& sc : c->scenarios) {
    if (sc.kind != ScenarioKind::lesson) continue;
    Table t = run_all(*c, sc, kSeeds);
    INFO(sc.id << ": facilitator passes " << t[Policy::facilitator].lesson_pass_pct << "% and buys " << t[Policy::facilitator].purchase_pct
                << "%, expert buys " << t[Policy::expert].purchase_pct << "%");
    check_order(t);
    REQUIRE(t[Policy::facilitator].lesson_pass_pct >= 0);  // every shipped lesson scenario is played by a lesson
    CHECK(t[Policy::facilitator].lesson_pass_pct >= 50);
    CHECK(t[Policy::expert].purchase_pct >= 60);
    CHECK(t[Policy::facilitator].purchase_pct >= 30);
    CHECK(t[Policy::pusher].purchases == 0);
    CHECK(t[Policy::pusher].lesson_pass_pct <= 10);
    for (int z = kZooFirst; z < kAllPolicies; ++z) {
      INFO("zoo " << to_string(static_cast<Policy>(z)));
      CHECK(t.s[z].lesson_pass_pct <= 10);
    }
  }
}

}  // TEST_SUITE
