// core_bench CONTENT_DIR [GAMES]: core throughput, the same program natively and in wasm (node).
// For every scenario, GAMES (default 100) games with the random policy (the workload of
// `tools/buyin bench`), three rounds; prints one JSON object: total moves / total seconds of the
// best round, and per-scenario figures. Built by tools/bench (em++ -sNODERAWFS=1 for node).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/buyin.hpp"

using namespace buyin;

static std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int main(int argc, char** argv) {
  if (argc < 2) { std::fprintf(stderr, "usage: core_bench CONTENT_DIR [GAMES]\n"); return 2; }
  const std::string dir = argv[1];
  const int games = argc > 2 ? std::atoi(argv[2]) : 100;
  std::vector<SourceFile> files{{"moves.json", slurp(dir + "/moves.json")}, {"onboarding.json", slurp(dir + "/onboarding.json")}};
  if (DIR* d = opendir((dir + "/scenarios").c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0) files.push_back({"scenarios/" + n, slurp(dir + "/scenarios/" + n)});
    }
    closedir(d);
  }
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
  std::printf("{\"moves_per_sec\":%.0f,\"moves\":%lld,\"seconds\":%.4f,\"games_per_scenario\":%d,\"load_content_ms\":%.2f,\"per_scenario\":{%s}}\n",
              best, best_moves, best_secs, games, std::chrono::duration<double, std::milli>(l1 - l0).count(), per.c_str());
  return 0;
}
