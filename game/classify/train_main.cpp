// buyin_train CORPUS.tsv MOVES.json OUT.model: trains the typed-move model (run by the build) on
// the corpus's training split and the deck's own wording.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "classify/classify.hpp"

static bool slurp(const char* path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

int main(int argc, char** argv) {
  if (argc != 4) { std::fprintf(stderr, "usage: buyin_train CORPUS.tsv MOVES.json OUT.model\n"); return 2; }
  std::string corpus, moves, error;
  if (!slurp(argv[1], corpus)) { std::fprintf(stderr, "buyin_train: cannot read %s\n", argv[1]); return 1; }
  if (!slurp(argv[2], moves)) { std::fprintf(stderr, "buyin_train: cannot read %s\n", argv[2]); return 1; }
  std::vector<buyin::classify::Example> rows;
  if (!buyin::classify::parse_corpus(corpus, argv[1], rows, error) || !buyin::classify::deck_examples(moves, rows, error)) {
    std::fprintf(stderr, "buyin_train: %s\n", error.c_str());
    return 1;
  }
  std::string bytes = buyin::classify::save_model(buyin::classify::train(rows));
  std::ofstream out(argv[3], std::ios::binary);
  out << bytes;
  if (!out) { std::fprintf(stderr, "buyin_train: cannot write %s\n", argv[3]); return 1; }
  std::printf("buyin_train: %zu sentences -> %s (%zu bytes)\n", rows.size(), argv[3], bytes.size());
  return 0;
}
