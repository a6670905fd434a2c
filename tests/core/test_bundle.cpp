// The content bundle compiled into the app (tools/cmake/bundle_content.py) holds content/ minified:
// it must load, name the same content (hash of the files as written: codes and saves travel between
// the app and the CLI) and play exactly as content/ does, text included.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "platform/content_bundle.hpp"

using namespace buyin;

TEST_CASE("bundle: the app's minified content loads, has content/'s hash, and plays as content/ does, word for word") {
  const std::vector<SourceFile> disk = th::read_dir(th::root() + "/content");
  std::vector<SourceFile> bundled;
  size_t disk_bytes = 0, bundled_bytes = 0;
  for (const BundledFile* f = bundled_content(); f->path; ++f) {
    bundled.push_back({f->path, std::string(f->data, f->size)});
    bundled_bytes += f->size;
  }
  for (const SourceFile& f : disk) disk_bytes += is_content_path(f.path) ? f.text.size() : 0;
  CHECK(bundled_bytes < disk_bytes);  // minified
  CHECK(bundled_content_hash() == content_hash(disk));
  const LoadResult a = load_content(disk), b = load_content(bundled);
  REQUIRE(a.ok);
  for (const Diagnostic& d : b.errors) MESSAGE(d.str());
  REQUIRE(b.ok);
  REQUIRE(a.content.scenarios.size() == b.content.scenarios.size());
  CHECK(a.content.moves.size() == b.content.moves.size());
  CHECK(a.content.lessons.size() == b.content.lessons.size());
  for (const Scenario& sc : a.content.scenarios) {
    CAPTURE(sc.id);
    for (Policy p : {Policy::facilitator, Policy::classic}) {
      const Game ga = play_policy(a.content, GameConfig{sc.id, 7, 0, true}, p);
      const Game gb = play_policy(b.content, GameConfig{sc.id, 7, 0, true}, p);
      REQUIRE(ga.results.size() == gb.results.size());
      CHECK(state_hash(ga.state) == state_hash(gb.state));
      CHECK(final_score(a.content, ga.state).total == final_score(b.content, gb.state).total);
      for (size_t i = 0; i < ga.results.size(); ++i) {
        const MoveResult &ra = ga.results[i], &rb = gb.results[i];
        CHECK(ra.phrasing == rb.phrasing);
        CHECK(ra.explanation == rb.explanation);
        REQUIRE(ra.replies.size() == rb.replies.size());
        for (size_t k = 0; k < ra.replies.size(); ++k) CHECK(ra.replies[k].text == rb.replies[k].text);
      }
    }
  }
}
