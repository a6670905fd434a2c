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

// Bytes as pasted leaderboard text (first byte: which challenge and options), ranked against
// the real content: an entry per code, every refusal with words, percent = floor(score*100/expert),
// ranks in order, and a CSV that reads back as rows of equal width with no formula cell.
std::string leaderboard_one(const uint8_t* data, size_t size);

// Bytes as two progress files split at the first NUL (this browser's, then an imported one):
// the import's unknown lesson ids dropped with words, merged, saved and loaded unchanged.
std::string progress_merge_one(const uint8_t* data, size_t size);

// Bytes as onboarding.json next to the real moves and scenarios.
std::string onboarding_one(const uint8_t* data, size_t size);

// Bytes as command-line arguments split at NUL: parse_args, then the organizer's commands
// (verify, leaderboard, challenge, code) on the real content, output discarded; never a crash.
std::string cli_one(const uint8_t* data, size_t size);

// Bytes as content.pack (game/platform/content_pack.cpp), read with the checksum they have (so the
// layout parsing is reached) and with another: refused with a message naming content.pack and no
// files, or read into files that written back as a pack give exactly the same bytes.
std::string pack_one(const uint8_t* data, size_t size);

// A CSV read back (RFC 4180): "" when every row is as wide as the header, no cell breaks a row and
// no cell starts with a formula character.
std::string check_csv(const std::string& csv);

// JSONTestSuite expectations for one file (name starts with y_, n_ or i_): y_ must parse as JSON
// (any refusal is about content, not syntax), n_ must be refused as JSON with a message, i_ either;
// none may crash. Checked through load_content (as a scenario and as moves.json) and decode_progress.
std::string json_suite_one(const std::string& name, const std::string& text);

// Where the real content lives: $BUYIN_CONTENT_DIR, else <source>/content.
std::string content_dir();

}  // namespace fuzz
