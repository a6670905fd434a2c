// core_bench CONTENT_DIR [GAMES] [EXPERT_GAMES]: core throughput, the same program natively and in
// wasm (node). Built by tools/bench (em++ -sNODERAWFS=1 for node). Prints one JSON object.
// - moves/s: for every scenario, GAMES (default 100) games with the random policy (the workload of
//   `tools/buyin bench`), three rounds; total moves / total seconds of the best round, and
//   per-scenario figures. Each game is play_policy(..., Policy::random) with text: every move is
//   dealt, chosen and applied with scoring, the buyer's replies and the explanation a player sees;
//   starting the game and freeing it are inside the time. (Since the core-perf change, play_policy
//   applies the card the policy took from the hand it was dealt, through apply_card, instead of
//   apply_move re-dealing the same hand to check it: one deal per move, as before two.)
// - expert: for every scenario, EXPERT_GAMES (default 10) seeds, one full game each with the expert
//   policy, play_policy(..., Policy::expert) with text: the beam search from the start and the
//   path played out, what the debrief does for "what an expert would have done". Mean and max
//   milliseconds per game over all scenarios and seeds, and the mean per scenario; then the same in
//   open play (expert_open_*: a typing player's game, every move of the deck legal; target < 50 ms).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/buyin.hpp"
#include "../../tools/cli/content_io.hpp"

using namespace buyin;

int main(int argc, char** argv) {
  if (argc < 2) { std::fprintf(stderr, "usage: core_bench CONTENT_DIR [GAMES]\n"); return 2; }
  const std::string dir = argv[1];
  const int games = argc > 2 ? std::atoi(argv[2]) : 100;
  const int expert_games = argc > 3 ? std::atoi(argv[3]) : 10;
  std::vector<SourceFile> files = cli::read_content_dir(dir);
  using clk = std::chrono::steady_clock;
  auto l0 = clk::now();
  LoadResult lr = load_content(files);
  auto l1 = clk::now();
  if (!lr.ok) { std::fprintf(stderr, "core_bench: content in %s does not load\n", dir.c_str()); return 1; }
  const Content& c = lr.content;
  double best = 0;
  long long best_moves = 0;
  double best_secs = 0;
  std::string per;
  for (int round = 0; round < 3; ++round) {
    long long moves = 0;
    double secs = 0;
    std::string p;
    for (const Scenario& sc : c.scenarios) {
      long long m = 0;
      auto t0 = clk::now();
      for (int i = 0; i < games; ++i)
        m += static_cast<long long>(play_policy(c, GameConfig{sc.id, static_cast<uint64_t>(i), 0}, Policy::random).actions.size());
      double s = std::chrono::duration<double>(clk::now() - t0).count();
      moves += m;
      secs += s;
      char buf[160];
      std::snprintf(buf, sizeof buf, "%s\"%s\":%.0f", p.empty() ? "" : ",", sc.id.c_str(), s > 0 ? m / s : 0.0);
      p += buf;
    }
    double mps = secs > 0 ? moves / secs : 0;
    if (mps > best) { best = mps; best_moves = moves; best_secs = secs; per = p; }
  }
  // The expert: one full game per scenario and seed, with the cards dealt and in open play (a
  // typing player's game: every move of the deck, a wider beam).
  struct Expert { double sum = 0, max = 0; int n = 0; std::string per; };
  auto expert = [&](bool open) {
    Expert e;
    for (const Scenario& sc : c.scenarios) {
      double sum = 0;
      for (int i = 0; i < expert_games; ++i) {
        GameConfig cfg{sc.id, static_cast<uint64_t>(i), 0};
        cfg.open_play = open;
        auto t0 = clk::now();
        Game g = play_policy(c, cfg, Policy::expert);
        double ms = std::chrono::duration<double, std::milli>(clk::now() - t0).count();
        if (g.actions.empty()) std::fprintf(stderr, "core_bench: the expert made no move in %s seed %d\n", sc.id.c_str(), i);
        sum += ms;
        if (ms > e.max) e.max = ms;
      }
      e.sum += sum;
      e.n += expert_games;
      char buf[160];
      std::snprintf(buf, sizeof buf, "%s\"%s\":%.3f", e.per.empty() ? "" : ",", sc.id.c_str(), expert_games > 0 ? sum / expert_games : 0.0);
      e.per += buf;
    }
    return e;
  };
  const Expert ex = expert(false), op = expert(true);
  std::printf("{\"moves_per_sec\":%.0f,\"moves\":%lld,\"seconds\":%.4f,\"games_per_scenario\":%d,\"load_content_ms\":%.2f,\"per_scenario\":{%s},"
              "\"expert_ms_mean\":%.3f,\"expert_ms_max\":%.3f,\"expert_games\":%d,\"expert_per_scenario_ms\":{%s},"
              "\"expert_open_ms_mean\":%.3f,\"expert_open_ms_max\":%.3f,\"expert_open_per_scenario_ms\":{%s}}\n",
              best, best_moves, best_secs, games, std::chrono::duration<double, std::milli>(l1 - l0).count(), per.c_str(),
              ex.n > 0 ? ex.sum / ex.n : 0.0, ex.max, ex.n, ex.per.c_str(), op.n > 0 ? op.sum / op.n : 0.0, op.max, op.per.c_str());
  return 0;
}
