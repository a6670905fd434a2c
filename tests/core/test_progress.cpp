// The save file: round trips, and every way a save can be damaged keeps what can be read.
#include <doctest/doctest.h>

#include "core/progress.hpp"

using namespace buyin;

static Progress sample() {
  Progress p;
  p.settings.font_percent = 120;
  p.settings.high_contrast = true;
  p.settings.player_name = "Ana \"the closer\" Silva";
  p.settings.team = "North";
  p.lessons_passed = {"status_quo", "hearing_hints"};
  GameRecord r;
  r.mode = "practice";
  r.scenario_id = "clinic_intake";
  r.seed = 18446744073709551615ull;  // the largest seed survives (stored as text)
  r.moves = "ask_cost_of_staying who_else_affected@marta";
  r.content_hash = "00ff00ff00ff00ff";
  r.ending = "purchase";
  r.finished_at = "2026-11-23T10:00:00Z";
  r.score = 57;
  r.meetings = 4;
  r.discovered = 20;
  r.trust = -3;
  p.history.push_back(r);
  r.seed = 7;
  r.score = 61;
  r.meetings = 5;
  p.history.push_back(r);
  return p;
}

TEST_CASE("progress: encode then decode gives the same progress") {
  const Progress p = sample();
  const ProgressDecode d = decode_progress(encode_progress(p));
  CHECK(d.problems.empty());
  CHECK_FALSE(d.damaged);
  CHECK_FALSE(d.newer);
  CHECK(d.progress == p);
}

TEST_CASE("progress: an empty save is a fresh start, not damage") {
  const ProgressDecode d = decode_progress("");
  CHECK_FALSE(d.damaged);
  CHECK(d.progress == Progress{});
}

TEST_CASE("progress: a truncated save is reported as damaged and never crashes") {
  const std::string full = encode_progress(sample());
  for (size_t n = 1; n < full.size(); n += 7) {
    const ProgressDecode d = decode_progress(full.substr(0, n));
    CHECK(d.damaged);
    REQUIRE_FALSE(d.problems.empty());
    CHECK_FALSE(d.problems[0].empty());
  }
}

TEST_CASE("progress: a \"format\" that is not text is not a progress file (and does not throw)") {
  for (const char* text : {R"({"format": 1, "version": 2})", R"({"format": null})", R"({"format": ["buyin-progress"]})"}) {
    ProgressDecode d;
    CHECK_NOTHROW(d = decode_progress(text));
    CHECK(d.damaged);
    REQUIRE_FALSE(d.problems.empty());
    CHECK(d.problems[0].find("not a Buy-In progress file") != std::string::npos);
  }
}

TEST_CASE("progress: one bad record costs only that record, and the problem names where") {
  std::string text = encode_progress(sample());
  const std::string needle = "\"score\": 57";
  const size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  text.replace(at, needle.size(), "\"score\": \"lots\"");
  const ProgressDecode d = decode_progress(text);
  CHECK(d.damaged);
  REQUIRE(d.progress.history.size() == 1);
  CHECK(d.progress.history[0].score == 61);
  REQUIRE(d.problems.size() >= 1);
  CHECK(d.problems[0].find("history/0/score") == 0);
  CHECK(d.progress.settings.team == "North");  // the rest is intact
}

TEST_CASE("progress: out-of-range settings are dropped with a message, defaults kept") {
  const ProgressDecode d = decode_progress(
      R"({"format":"buyin-progress","version":1,"min_compatible":1,"settings":{"font_percent":999,"high_contrast":"yes"}})");
  CHECK(d.damaged);
  CHECK(d.progress.settings.font_percent == 100);
  CHECK_FALSE(d.progress.settings.high_contrast);
  CHECK(d.problems.size() == 2);
}

TEST_CASE("progress: text size reads from 80 to 200 percent (WCAG 1.4.4), nothing beyond") {
  const char* head = R"({"format":"buyin-progress","version":1,"min_compatible":1,"settings":{"font_percent":)";
  CHECK(decode_progress(std::string(head) + "200}}").progress.settings.font_percent == 200);
  CHECK(decode_progress(std::string(head) + "80}}").progress.settings.font_percent == 80);
  const ProgressDecode over = decode_progress(std::string(head) + "210}}");
  CHECK(over.damaged);
  CHECK(over.progress.settings.font_percent == 100);
  REQUIRE(over.problems.size() == 1);
  CHECK(over.problems[0].find("from 80 to 200") != std::string::npos);
}

TEST_CASE("progress: a newer save is read when it says we can, refused in plain words when not") {
  const ProgressDecode ok = decode_progress(
      R"({"format":"buyin-progress","version":3,"min_compatible":1,"lessons_passed":["status_quo"],"future":1})");
  CHECK(ok.newer);
  CHECK_FALSE(ok.damaged);
  CHECK(ok.progress.lessons_passed.size() == 1);
  const ProgressDecode no = decode_progress(R"({"format":"buyin-progress","version":3,"min_compatible":2})");
  CHECK(no.newer);
  CHECK(no.damaged);
  REQUIRE(no.problems.size() == 1);
  CHECK(no.problems[0].find("newer version") != std::string::npos);
}

TEST_CASE("progress: other JSON is not mistaken for a save") {
  for (const char* text : {"[]", "42", "{}", R"({"format":"something-else","version":1})", "\xff\xfe"}) {
    const ProgressDecode d = decode_progress(text);
    CHECK(d.damaged);
    CHECK_FALSE(d.problems.empty());
  }
}

TEST_CASE("progress: personal bests take the highest score, then fewer meetings") {
  Progress p = sample();
  GameRecord r = p.history[0];
  r.score = 61;
  r.meetings = 3;
  p.history.push_back(r);
  const auto bests = personal_bests(p);
  REQUIRE(bests.size() == 1);
  CHECK(bests[0].score == 61);
  CHECK(bests[0].meetings == 3);
  CHECK(bests[0].games == 3);
}

TEST_CASE("progress: importing a file unites lessons and games, once each, in time order") {
  Progress mine = sample();
  Progress other = sample();
  other.settings.font_percent = 90;
  other.lessons_passed = {"hearing_hints", "people_affected"};
  GameRecord extra = other.history[0];
  extra.finished_at = "2026-11-01T09:00:00Z";
  extra.score = 12;
  other.history.push_back(extra);
  const Progress m = merge_progress(mine, other);
  CHECK(m.settings.font_percent == 90);
  CHECK(m.lessons_passed == std::vector<std::string>{"status_quo", "hearing_hints", "people_affected"});
  REQUIRE(m.history.size() == 3);  // the two shared games once, plus the extra one
  CHECK(m.history[0].score == 12);  // the oldest first
  CHECK(merge_progress(m, m) == m);  // importing the same file again changes nothing
}

TEST_CASE("progress: the coach-hints choice is saved only once made, and read back either way") {
  Progress p = sample();
  CHECK(encode_progress(p).find("coach_hints") == std::string::npos);  // the default follows onboarding
  CHECK(decode_progress(encode_progress(p)).progress.settings.coach_hints == -1);
  for (int v : {0, 1}) {
    p.settings.coach_hints = v;
    const ProgressDecode d = decode_progress(encode_progress(p));
    CHECK(d.problems.empty());
    CHECK(d.progress.settings.coach_hints == v);
  }
  const ProgressDecode bad = decode_progress(R"({"format":"buyin-progress","version":1,"min_compatible":1,"settings":{"coach_hints":"on"}})");
  CHECK(bad.progress.settings.coach_hints == -1);
  CHECK_FALSE(bad.problems.empty());
}

// ---- typed games (issue 20) -----------------------------------------------------------------------
// A save as the build before typed games wrote it (no "typed" key anywhere).
static const char* kSaveBeforeTyped =
    R"({"format":"buyin-progress","version":1,"min_compatible":1,)"
    R"("settings":{"font_percent":100,"high_contrast":false,"show_numbers":false,"player_name":"Ana","team":"North"},)"
    R"("lessons_passed":["status_quo"],"history":[{"mode":"practice","scenario":"clinic_intake","seed":"7",)"
    R"("moves":"ask_cost_of_staying","content_hash":"00ff00ff00ff00ff","ending":"purchase","finished_at":"2026-11-23T10:00:00Z",)"
    R"("score":57,"meetings":4,"discovered":20,"progress":0,"pitch_timing":0,"trust":-3,"cycle":0,"listening":2}]})";

TEST_CASE("progress: a save written before typed games loads, its games played by cards") {
  const ProgressDecode d = decode_progress(kSaveBeforeTyped);
  CHECK(d.problems.empty());
  CHECK_FALSE(d.damaged);
  CHECK_FALSE(d.newer);
  REQUIRE(d.progress.history.size() == 1);
  CHECK_FALSE(d.progress.history[0].typed);
  CHECK(d.progress.history[0].score == 57);
  CHECK(d.progress.history[0].listening == 2);
  CHECK(d.progress.history[0].extra.empty());
  // Saved again, it is the same file for a build from before typed games (no new key, same version).
  const std::string again = encode_progress(d.progress);
  CHECK(again.find("typed") == std::string::npos);
  CHECK(again.find("\"version\": 1") != std::string::npos);
}

TEST_CASE("progress: a typed game is saved as typed and read back so; cards games carry no key") {
  Progress p = sample();
  p.history[1].typed = true;
  const std::string text = encode_progress(p);
  CHECK(text.find("\"typed\": true") != std::string::npos);
  CHECK(text.find("\"typed\": false") == std::string::npos);
  CHECK(text.find("\"min_compatible\": 1") != std::string::npos);  // an older build still reads it
  const ProgressDecode d = decode_progress(text);
  CHECK(d.problems.empty());
  REQUIRE(d.progress.history.size() == 2);
  CHECK_FALSE(d.progress.history[0].typed);
  CHECK(d.progress.history[1].typed);
  CHECK(d.progress.history[1].extra.empty());  // a known key, not an unknown one
  CHECK(d.progress == p);
  // The same game typed and not typed are two games to an import.
  Progress q = sample();
  CHECK(merge_progress(q, p).history.size() == 3);
}

TEST_CASE("progress: a damaged \"typed\" costs only that value, and the message says where") {
  std::string text = kSaveBeforeTyped;
  text.replace(text.find("\"listening\":2"), 13, "\"listening\":2,\"typed\":\"yes\"");
  const ProgressDecode d = decode_progress(text);
  CHECK(d.damaged);
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0] == "history/0/typed: expected true or false");
  REQUIRE(d.progress.history.size() == 1);  // the game itself is kept
  CHECK_FALSE(d.progress.history[0].typed);
  CHECK(d.progress.history[0].score == 57);
}
