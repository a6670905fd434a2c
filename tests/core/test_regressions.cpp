// Bugs the fuzzers found, each pinned by a test (the reproducers also live in tests/fuzz/regressions).
#include <doctest/doctest.h>

#include "helpers.hpp"

using namespace buyin;

TEST_CASE("regression: a result code claiming an extreme score is refused, not overflowed") {
  const ResultDecode d = decode_result(th::fixtures(), "RARsAAAAAAAAAAAAAAAAAAAAA_____w_8r05C");
  CHECK(d.error != CodeError::none);
  CHECK_FALSE(d.detail.empty());
}

TEST_CASE("regression: a code naming an empty scenario is refused with a message") {
  Challenge ch{"", 1, false, 0};
  const ChallengeDecode d = decode_challenge(encode_challenge(ch, th::fixtures().hash), &th::fixtures());
  CHECK(d.error == CodeError::unknown_scenario);
  CHECK_FALSE(d.detail.empty());
}

TEST_CASE("regression: a NUL byte inside a content file is an error, not the end of the file") {
  std::vector<SourceFile> files = th::fixture_files();
  for (SourceFile& f : files)
    if (f.path == "moves.json") f.text += std::string("\0garbage", 8);
  const LoadResult r = load_content(files);
  CHECK_FALSE(r.ok);
  REQUIRE_FALSE(r.errors.empty());
  CHECK(r.errors[0].file == "moves.json");
  CHECK(r.errors[0].message.find("NUL byte") != std::string::npos);
}
