// libFuzzer target: any bytes typed as a sentence. read() must never crash, always offer three
// readings of deck moves with confidences in 0..100, refuse what it cannot read (too long, control
// characters, no words), and read the same bytes the same way twice. Aborts naming the property.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "../../tools/cli/content_io.hpp"
#include "classify/classify.hpp"

#ifndef BUYIN_SOURCE_DIR
#define BUYIN_SOURCE_DIR "."
#endif

namespace {
namespace cls = buyin::classify;

struct World {
  buyin::Content content;
  cls::Model model;
  cls::Context ctx;
};

// Trained once per process from the shipped corpus and deck, as the build does.
const World& world() {
  static const World w = [] {
    World x;
    const std::string root = BUYIN_SOURCE_DIR;
    buyin::LoadResult r = buyin::load_content(cli::read_content_dir(root + "/content"));
    if (!r.ok) { std::fprintf(stderr, "fuzz_classify: shipped content does not load\n"); std::abort(); }
    x.content = std::move(r.content);
    std::string corpus, moves, error;
    std::vector<cls::Example> rows;
    if (!cli::read_file(root + "/content/corpus/train.tsv", corpus) || !cli::read_file(root + "/content/moves.json", moves) ||
        !cls::parse_corpus(corpus, "train.tsv", rows, error) || !cls::deck_examples(moves, rows, error)) {
      std::fprintf(stderr, "fuzz_classify: cannot read the corpus: %s\n", error.c_str());
      std::abort();
    }
    x.model = cls::train(rows);
    x.ctx.content = &x.content;
    x.ctx.people = cls::people_of(x.content);
    return x;
  }();
  return w;
}

std::string check(const std::string& text) {
  const World& w = world();
  cls::Result r = cls::read(w.model, w.ctx, text);
  if (r.closest.size() != 3) return "not three closest readings";
  for (const cls::Reading& c : r.closest) {
    if (c.confidence < 0 || c.confidence > 100) return "confidence out of 0..100";
    if (c.category < 0 || c.category >= buyin::kCategoryCount) return "category out of range";
    if (w.content.find_move(c.move) < 0) return "closest reading is not a deck move";
  }
  if (r.caught == !r.why.empty()) return "caught and why disagree";
  if (r.caught && text.size() > static_cast<size_t>(cls::kMaxChars)) return "a too-long text was read";
  for (unsigned char c : text)
    if (r.caught && ((c < 0x20 && c != '\t') || c == 0x7F)) return "text with control characters was read";
  cls::Result again = cls::read(w.model, w.ctx, text);
  if (again.best.category != r.best.category || again.best.move != r.best.move ||
      again.best.confidence != r.best.confidence || again.caught != r.caught)
    return "the same text read two ways";
  return "";
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string broken = check(std::string(reinterpret_cast<const char*>(data), size));
  if (!broken.empty()) {
    std::fprintf(stderr, "fuzz_classify: property broken: %s\n", broken.c_str());
    std::abort();
  }
  return 0;
}
