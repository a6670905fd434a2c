// The content bundle compiled into the app (tools/cmake/bundle_content.py) holds content/ minified:
// it must load, name the same content (hash of the files as written: codes and saves travel between
// the app and the CLI) and play exactly as content/ does, text included.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "core/hash.hpp"
#include "platform/content_bundle.hpp"

using namespace buyin;

static std::string read_pack() {
  std::string bytes;
  REQUIRE(th::read(BUYIN_CONTENT_PACK, bytes));
  return bytes;
}

// The files the app loads: compiled in (desktop), or from content.pack (the web build, whose table is empty).
static std::vector<SourceFile> app_files() {
  std::vector<SourceFile> files;
  for (const BundledFile* f = bundled_content(); f->path; ++f) files.push_back({f->path, std::string(f->data, f->size)});
  if (files.empty()) files = read_content_pack(read_pack(), content_pack_checksum()).files;
  return files;
}

TEST_CASE("bundle: the app's minified content loads, has content/'s hash, and plays as content/ does, word for word") {
  const std::vector<SourceFile> disk = th::read_dir(th::root() + "/content");
  const std::vector<SourceFile> bundled = app_files();
  size_t disk_bytes = 0, bundled_bytes = 0;
  for (const SourceFile& f : bundled) bundled_bytes += f.text.size();
  REQUIRE(!bundled.empty());
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

// --- content.pack: what the web app fetches instead of carrying the files ----------------------------
TEST_CASE("bundle: content.pack holds the bundle's files byte for byte and matches the checksum the app knows") {
  const PackRead r = read_content_pack(read_pack(), content_pack_checksum());
  REQUIRE(r.error == "");
  REQUIRE(!r.files.empty());
  size_t i = 0;
  for (const BundledFile* f = bundled_content(); f->path; ++f, ++i) {
    REQUIRE(i < r.files.size());
    CHECK(r.files[i].path == f->path);
    CHECK(r.files[i].text == std::string(f->data, f->size));
  }
  if (BUYIN_CONTENT_PACK_ONLY) CHECK(i == 0);  // the web app carries none of it in its first download
  else CHECK(i == r.files.size());
  const LoadResult loaded = load_content(r.files);
  CHECK(loaded.ok);
  CHECK(content_hash(th::read_dir(th::root() + "/content")) == bundled_content_hash());
}

TEST_CASE("bundle: a damaged, cut or foreign content.pack is refused with a message naming it, and nothing is loaded") {
  const std::string good = read_pack();
  const uint64_t sum = content_pack_checksum();
  SUBCASE("empty") {
    const PackRead r = read_content_pack("", sum);
    CHECK(r.error == "content.pack is empty");
    CHECK(r.files.empty());
  }
  SUBCASE("one byte changed, anywhere") {
    for (size_t at : {size_t{0}, good.size() / 3, good.size() / 2, good.size() - 2}) {
      std::string bad = good;
      bad[at] = static_cast<char>(bad[at] ^ 0x01);
      const PackRead r = read_content_pack(bad, sum);
      CHECK(r.error.rfind("content.pack does not match this build of the game", 0) == 0);
      CHECK(r.files.empty());
    }
  }
  SUBCASE("cut short, or an HTML error page served in its place") {
    for (const std::string& bad : {good.substr(0, good.size() / 2), std::string("<!doctype html><title>404</title>")}) {
      const PackRead r = read_content_pack(bad, sum);
      CHECK(r.error.find("does not match this build") != std::string::npos);
      CHECK(r.error.find("Reload the page") != std::string::npos);
      CHECK(r.files.empty());
    }
  }
  SUBCASE("a pack this build wrote wrongly (the checksum agrees): every fault named") {
    auto read = [](const std::string& bytes) {
      Fnv f;
      f.bytes(bytes.data(), bytes.size());
      return read_content_pack(bytes, f.h);
    };
    CHECK(read("not a pack\n").error == "content.pack: not a content pack (first line)");
    CHECK(read("buyin-content-pack 1\nx\n").error == "content.pack: no file count on line 2");
    CHECK(read("buyin-content-pack 1\n1\n").error == "content.pack: file 1 has no path");
    CHECK(read("buyin-content-pack 1\n1\na.json\n-3\n").error == "content.pack: a.json has no size");
    CHECK(read("buyin-content-pack 1\n1\na.json\n02\n{}\n").error == "content.pack: a.json has no size");
    CHECK(read("buyin-content-pack 1\n01\na.json\n2\n{}\n").error == "content.pack: no file count on line 2");
    CHECK(read("buyin-content-pack 1\n1\na.json\n99\n{}\n").error == "content.pack: a.json is cut short");
    CHECK(read("buyin-content-pack 1\n1\na.json\n2\n{}x").error == "content.pack: a.json is cut short");
    CHECK(read("buyin-content-pack 1\n1\na.json\n2\n{}\nmore").error == "content.pack: bytes after the last file");
    const PackRead ok = read("buyin-content-pack 1\n2\na.json\n2\n{}\nb.json\n0\n\n");
    CHECK(ok.error == "");
    REQUIRE(ok.files.size() == 2);
    CHECK(ok.files[1].path == "b.json");
    CHECK(ok.files[1].text == "");
  }
}
