// What the UI holds between frames: the loaded content, the game being played and its
// transcript, and the player's saved progress. Scores and verdicts all come from game/core.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/buyin.hpp"
#include "core/progress.hpp"

namespace buyin::ui {

enum class Mode { Practice, Onboarding, Challenge };

// One line of the meeting transcript as the trainee sees it.
struct TranscriptLine {
  enum Kind { Seller, Buyer, Hint, Joined, Resolved, Veto, System } kind = System;
  std::string speaker, role, text;
  int move = -1;  // index into Game::results for seller lines
  int line = -1;  // buyer lines: the game's line number (buyer_line), what a note points at
};

// A typed move (typed_move.cpp): the trainee's own words and how the game heard them.
struct TypedWords {
  std::string words;  // "" when the words were unreadable (the move's own phrasing is said)
  std::string heard;  // "Heard as: ..."
};

// Where the content is: the desktop has it compiled in; the web fetches content.pack the first
// time a screen needs it (or at the player's first input on the title, to be ready by the click).
enum class ContentState {
  idle,     // not asked for yet
  loading,  // content.pack on its way
  ready,    // loaded: content_ok says whether it passed the checks (else the content error screen)
  failed,   // the pack could not be fetched or read: content_problem says why; asking again retries
};

struct Session {
  LoadResult content;              // loaded once, from the bundled files or content.pack
  bool content_ok = false;
  ContentState content_state = ContentState::idle;
  std::string content_problem;     // why content.pack could not be had, in plain words

  // The game in progress (or just finished).
  bool active = false;
  Mode mode = Mode::Practice;
  int lesson = -1;                 // Content::lessons index in onboarding
  bool feedback_hidden = false;    // competitions hold verdicts back to the debrief
  bool typed_only = false;         // a challenge that asks for typing: no cards (open play from the start)
  Game game;
  std::vector<TranscriptLine> transcript;
  // Game::results index -> the typed move played there. Kept apart from the transcript so "try
  // from here" can carry the trainee's own words into the branch (and its exports).
  std::map<int, TypedWords> typed;
  TypedWords next_typed;           // set just before a typed move is played; session_play takes it
  std::optional<Debrief> debrief;  // computed once when the game ends
  bool recorded = false;           // the finished game was added to history
  int generation = 0;              // bumped by every start (and branch), so screens can reset

  Progress progress;
  std::vector<std::string> save_problems;  // plain words for the player, shown once
};

Session& session();
// Asks for the content (does nothing once asked, unless it failed: then it tries again). The desktop
// loads it at once; the web fetches content.pack and session_poll_content() loads it when it arrives.
void session_request_content();
// Once a frame: true on the frame the content became ready (loaded, checked or not).
bool session_poll_content();
const Content& content();

// Starts a game; returns an error message or "".
// notebook: the trainee's notes count in the score (practice and lessons; a challenge's own choice).
std::string session_start(Mode mode, const std::string& scenario_id, uint64_t seed, int lesson = -1,
                          bool feedback_hidden = false, int meeting_limit = 0, bool notebook = true);
// Plays a move; returns the result (ok=false with a reason when refused). A typed move sets
// Session::next_typed first: the transcript then says the trainee's words.
MoveResult session_play(const Action& a);
// Writes a note in the trainee's notebook (the core judges it; nothing is said about it until the debrief).
NoteResult session_note(const Note& n);
// Restarts the current game from its first `keep` moves ("try from here").
void session_branch(int keep);
const Debrief& session_debrief();

// The scaffolding that fades: whether the cards show their kind of move. Lessons say so
// (show_categories); practice follows the "Coach hints" setting, on by default until every lesson is
// passed; a challenge never shows them.
bool onboarding_passed();
bool coach_hints_on();
bool show_categories();
// The hand in the order the meeting screen shows it: the game's seeded order, grouped by kind of move
// while show_categories(). order[n] is the View::hand index of the card numbered n + 1 on screen.
std::vector<size_t> hand_order(const View& v);

// A fresh seed for practice (from the platform clock; the game stays deterministic given it).
uint64_t fresh_seed();
std::string transcript_text();
std::string transcript_json();

const char* verdict_word(Verdict v);
const char* role_name(Role r);
const char* ending_sentence(Ending e);
// What a worry is about, in a notebook's plain words ("The tools they have"), and in a sentence's
// ("the tools they already run"): the trainee never sees the content's type names.
const char* about_word(ConstraintType t);
const char* about_phrase(ConstraintType t);

}  // namespace buyin::ui
