// The player's progress as saved in the browser: settings, onboarding, every finished game.
// Versioned JSON (format, version, min_compatible, as ink does): a newer save that this build can
// still read is read, and the keys it does not know are written back unchanged; a corrupt one
// yields what could be salvaged plus plain-words problems (an invalid byte in a text costs only
// the record, setting or lesson it is in).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace buyin {

constexpr int kProgressVersion = 1;        // what this build writes
constexpr int kProgressMinCompatible = 1;  // the oldest reader that can read what we write

struct Settings {
  int font_percent = 100;      // 80..200 (WCAG 1.4.4: text resized up to 200%)
  bool high_contrast = false;
  bool show_numbers = false;   // raw trust/openness numbers (always on at the easiest difficulty)
  int coach_hints = -1;        // practice cards show their kind of move: -1 the default (on until onboarding is passed), 0 off, 1 on
  bool typed_first = false;    // meetings show the text field first (typed moves), the cards one click away
  std::string player_name, team;
  std::string extra;           // keys this build does not know (a newer save's), as a JSON object: written back
  bool operator==(const Settings& o) const {
    return font_percent == o.font_percent && high_contrast == o.high_contrast && show_numbers == o.show_numbers && coach_hints == o.coach_hints &&
           typed_first == o.typed_first && player_name == o.player_name && team == o.team && extra == o.extra;
  }
};

// One finished game, enough to replay it (scenario, seed, moves) and to chart skills over time.
struct GameRecord {
  std::string mode;         // onboarding, practice, challenge
  std::string scenario_id;
  uint64_t seed = 0;
  std::string moves;        // encode_moves() text
  std::string content_hash; // hex; a record from other content still counts in history
  std::string ending;       // purchase, no_decision, disengaged
  std::string finished_at;  // ISO 8601 from the platform clock
  int score = 0, meetings = 0;
  int discovered = 0, progress = 0, pitch_timing = 0, trust = 0, cycle = 0;  // the score breakdown
  std::string challenge;    // challenge games: the challenge code (its attempts are counted from history)
  std::string code;         // challenge games: the result code handed in
  // The trainee's notes (encode_notes text) and their Listening points; both optional keys, so a
  // save with them is still version 1: an older build keeps them as unknown keys and writes them back.
  std::string notes;
  int listening = 0;
  // Played by typing (open play: every move of the deck was legal, so `moves` replays only open).
  // An optional key written only when true, so still version 1 (an older build keeps it unknown).
  bool typed = false;
  std::string extra;        // unknown keys, as a JSON object: written back
  bool operator==(const GameRecord& o) const;
};

// A challenge opened in this browser, and its close code once the organizer published it.
struct ChallengeSeen {
  std::string code;         // the challenge code
  std::string close;        // the close code; "" while the round is open
  int started = 0;          // games of it started here: the next one is attempt started + 1
  bool operator==(const ChallengeSeen& o) const { return code == o.code && close == o.close && started == o.started; }
};

struct Progress {
  Settings settings;
  std::vector<std::string> lessons_passed;  // lesson ids, in the order they were passed
  std::vector<GameRecord> history;          // oldest first
  std::vector<ChallengeSeen> challenges;    // opened here, in the order first opened
  std::vector<std::string> organized;       // challenges made here: "challenge code close code" lines
  std::string extra;                        // unknown top-level keys, as a JSON object: written back
  bool operator==(const Progress& o) const {
    return settings == o.settings && lessons_passed == o.lessons_passed && history == o.history &&
           challenges == o.challenges && organized == o.organized && extra == o.extra;
  }
};

struct ProgressDecode {
  Progress progress;                  // everything that could be read
  std::vector<std::string> problems;  // plain words, each naming where: "history/3/score: expected a number"
  bool damaged = false;    // something was lost: keep the original bytes as a backup
  bool newer = false;      // written by a newer build (still read if min_compatible allows)
};

std::string encode_progress(const Progress& p);
// Never throws, never crashes, whatever the bytes. An empty text is a fresh start, not damage.
ProgressDecode decode_progress(const std::string& text);

// Imports another progress file into this one: settings from `incoming`, lessons and games
// united (a game present in both counts once), history kept in time order.
Progress merge_progress(const Progress& mine, const Progress& incoming);

// Drops lesson ids that are not in `known` (the content's lessons), one plain-words message each.
std::vector<std::string> keep_known_lessons(Progress& p, const std::vector<std::string>& known);

// Personal best per scenario (highest score, then fewer meetings), in scenario id order.
struct PersonalBest { std::string scenario_id; int score = 0, meetings = 0, games = 0; };
std::vector<PersonalBest> personal_bests(const Progress& p);

}  // namespace buyin
