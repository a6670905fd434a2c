// Entry points shared by the libFuzzer targets (fuzz_*.cpp) and the regression runner
// (regressions_test.cpp). Each takes arbitrary bytes, drives the core the way the app would, and
// returns "" when every property held, else a description of the broken property. Sanitizer
// reports (ASan, UBSan) abort on their own; the fuzz targets abort on a non-empty return.
//
// Properties checked everywhere:
//   - no crash, no sanitizer report, no exception escaping the core;
//   - every refusal carries a non-empty, human-readable message;
//   - what decodes re-encodes to something that decodes to the same thing (codes, saves).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace fuzz {

// Bytes as one content file: as "scenarios/fuzzed.json" next to the real moves.json, and as
// moves.json next to one real scenario. Loaded content is linted and a game is played on it.
std::string content_one(const uint8_t* data, size_t size);

// Bytes as a challenge/result code: decode_challenge, decode_result, verify_result against the
// real content. The first byte picks how the rest is used: as the code text itself, or as the
// payload of a well-formed envelope (correct length and checksum, optionally the real content
// hash) so the fuzzer reaches the field decoding and the replay, not just the checksum.
std::string result_code_one(const uint8_t* data, size_t size);

// Bytes as a saved progress file: decode_progress, then encode/decode round trip.
std::string save_one(const uint8_t* data, size_t size);

// JSONTestSuite expectations for one file (name starts with y_, n_ or i_): y_ must parse as JSON
// (any refusal is about content, not syntax), n_ must be refused as JSON with a message, i_ either;
// none may crash. Checked through load_content (as a scenario and as moves.json) and decode_progress.
std::string json_suite_one(const std::string& name, const std::string& text);

// Where the real content lives: $BUYIN_CONTENT_DIR, else <source>/content.
std::string content_dir();

}  // namespace fuzz
