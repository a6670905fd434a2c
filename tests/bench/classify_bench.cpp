// classify_bench MODEL CORPUS.tsv [ROUNDS]: microseconds per typed sentence, the same program
// natively and in wasm (node). Reads every sentence of CORPUS.tsv ROUNDS times (default 20) through
// classify::read (features, scores, topics, target, nearest move); prints one JSON object: mean
// over all reads, and the slowest single sentence (best of its rounds). Target < 5 ms in wasm.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "../../tools/cli/content_io.hpp"
#include "classify/classify.hpp"

namespace cls = buyin::classify;

int main(int argc, char** argv) {
  if (argc < 4) { std::fprintf(stderr, "usage: classify_bench CONTENT_DIR MODEL CORPUS.tsv [ROUNDS]\n"); return 2; }
  const int rounds = argc > 4 ? std::max(1, std::atoi(argv[4])) : 20;
  buyin::LoadResult loaded = buyin::load_content(cli::read_content_dir(argv[1]));
  if (!loaded.ok) { std::fprintf(stderr, "classify_bench: content does not load\n"); return 1; }
  std::string bytes, corpus, error;
  cls::Model model;
  if (!cli::read_file(argv[2], bytes) || !cls::load_model(bytes, model, error)) {
    std::fprintf(stderr, "classify_bench: cannot load the model %s %s\n", argv[2], error.c_str());
    return 1;
  }
  std::vector<cls::Example> rows;
  if (!cli::read_file(argv[3], corpus) || !cls::parse_corpus(corpus, argv[3], rows, error)) {
    std::fprintf(stderr, "classify_bench: cannot read %s %s\n", argv[3], error.c_str());
    return 1;
  }
  cls::Context ctx;
  ctx.content = &loaded.content;
  ctx.people = cls::people_of(loaded.content);
  using clock = std::chrono::steady_clock;
  auto t_load = clock::now();
  cls::Model again;
  cls::load_model(bytes, again, error);
  const double load_ms = std::chrono::duration<double, std::milli>(clock::now() - t_load).count();
  std::vector<double> best(rows.size(), 1e18);
  double total = 0;
  int sink = 0;
  for (int r = 0; r < rounds; ++r)
    for (size_t i = 0; i < rows.size(); ++i) {
      auto t0 = clock::now();
      cls::Result res = cls::read(model, ctx, rows[i].text);
      double us = std::chrono::duration<double, std::micro>(clock::now() - t0).count();
      sink += res.best.category;
      total += us;
      best[i] = std::min(best[i], us);
    }
  const double mean = total / (static_cast<double>(rows.size()) * rounds);
  const double slowest = *std::max_element(best.begin(), best.end());
  std::printf("{\"sentences\": %zu, \"rounds\": %d, \"us_per_sentence\": %.1f, \"slowest_sentence_us\": %.1f, "
              "\"model_bytes\": %zu, \"model_load_ms\": %.2f, \"sink\": %d}\n",
              rows.size(), rounds, mean, slowest, bytes.size(), load_ms, sink % 7);
  return 0;
}
