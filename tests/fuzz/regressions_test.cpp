// fuzz_regressions: replays, through the same entry points as the fuzz targets (fuzz_entries.hpp),
//   - every file in tests/fuzz/regressions/<target>/ (crashes and broken properties found by
//     tools/fuzz, kept forever), and
//   - every JSONTestSuite parsing case ($BUYIN_JSON_SUITE, default /work/shared/JSONTestSuite/
//     test_parsing): y_ must parse, n_ must be refused as JSON with a message, i_ either way.
// Built with any compiler (no libFuzzer needed); meant to run under ASan + UBSan.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_entries.hpp"

#ifndef BUYIN_SOURCE_DIR
#define BUYIN_SOURCE_DIR "."
#endif

namespace {

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n == "." || n == ".." || n == ".gitkeep" || n == "README.md") continue;
      out.push_back(n);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using Entry = std::string (*)(const uint8_t*, size_t);

void replay_dir(const char* target, Entry entry) {
  const std::string dir = std::string(BUYIN_SOURCE_DIR) + "/tests/fuzz/regressions/" + target;
  int n = 0;
  for (const std::string& f : files_in(dir)) {
    const std::string bytes = slurp(dir + "/" + f);
    const std::string broken = entry(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    CHECK_MESSAGE(broken.empty(), (std::string(target) + "/" + f + ": " + broken));
    ++n;
  }
  MESSAGE((std::string(target) + ": " + std::to_string(n) + " regression inputs"));
}

std::string suite_dir() {
  const char* e = std::getenv("BUYIN_JSON_SUITE");
  return e && *e ? std::string(e) : std::string("/work/shared/JSONTestSuite/test_parsing");
}

}  // namespace

TEST_CASE("fuzz regressions: content") { replay_dir("content", fuzz::content_one); }
TEST_CASE("fuzz regressions: result_code") { replay_dir("result_code", fuzz::result_code_one); }
TEST_CASE("fuzz regressions: save") { replay_dir("save", fuzz::save_one); }
TEST_CASE("fuzz regressions: leaderboard") { replay_dir("leaderboard", fuzz::leaderboard_one); }
TEST_CASE("fuzz regressions: progress") { replay_dir("progress", fuzz::progress_merge_one); }
TEST_CASE("fuzz regressions: onboarding") { replay_dir("onboarding", fuzz::onboarding_one); }
TEST_CASE("fuzz regressions: cli") { replay_dir("cli", fuzz::cli_one); }
TEST_CASE("fuzz regressions: pack") { replay_dir("pack", fuzz::pack_one); }

// The committed corpora (tests/fuzz/corpus/<target>/) are seeds for the fuzzers and tests here.
TEST_CASE("fuzz corpora: every committed seed passes its target") {
  replay_dir("../corpus/content", fuzz::content_one);
  replay_dir("../corpus/save", fuzz::save_one);
  replay_dir("../corpus/result_code", fuzz::result_code_one);  // grows by tools/fuzz --merge
  replay_dir("../corpus/leaderboard", fuzz::leaderboard_one);
  replay_dir("../corpus/progress", fuzz::progress_merge_one);
  replay_dir("../corpus/onboarding", fuzz::onboarding_one);
  replay_dir("../corpus/cli", fuzz::cli_one);
  replay_dir("../corpus/pack", fuzz::pack_one);
}

TEST_CASE("fuzz entries accept the real content files") {
  const std::string dir = fuzz::content_dir();
  std::vector<std::string> paths{dir + "/moves.json"};
  for (const std::string& f : files_in(dir + "/scenarios")) paths.push_back(dir + "/scenarios/" + f);
  for (const std::string& p : paths) {
    const std::string bytes = slurp(p);
    const std::string broken = fuzz::content_one(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    CHECK_MESSAGE(broken.empty(), p, ": ", broken);
  }
}

TEST_CASE("JSONTestSuite: y_ parse, n_ refused with a message, nothing crashes") {
  const std::string dir = suite_dir();
  const std::vector<std::string> names = files_in(dir);
  if (names.empty()) {
    MESSAGE("JSONTestSuite not found in ", dir, " (set BUYIN_JSON_SUITE): skipped");
    return;
  }
  int y = 0, n = 0, i = 0;
  for (const std::string& f : names) {
    if (f.size() < 2 || f[1] != '_' || (f[0] != 'y' && f[0] != 'n' && f[0] != 'i')) continue;
    const std::string text = slurp(dir + "/" + f);
    CHECK_MESSAGE(fuzz::json_suite_one(f, text).empty(), f, ": ", fuzz::json_suite_one(f, text));
    // The same bytes through every fuzz entry point.
    const auto* d = reinterpret_cast<const uint8_t*>(text.data());
    CHECK_MESSAGE(fuzz::content_one(d, text.size()).empty(), f, " (content)");
    CHECK_MESSAGE(fuzz::save_one(d, text.size()).empty(), f, " (save)");
    CHECK_MESSAGE(fuzz::result_code_one(d, text.size()).empty(), f, " (result_code)");
    (f[0] == 'y' ? y : f[0] == 'n' ? n : i)++;
  }
  MESSAGE("JSONTestSuite: ", y, " y_, ", n, " n_, ", i, " i_ files");
  CHECK(y + n + i > 0);
}
