// Buy-In core: the one header the UI, CLI and tests include.
// Pure and deterministic: no I/O, no exceptions escape, integers only. See content/FORMAT.md, DESIGN.md.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/sim.hpp"

namespace buyin {

// ---- scoring --------------------------------------------------------------------------------
struct ScoreLine {
  std::string key;     // discovered, progress, pitch_timing, trust, cycle
  std::string label;   // "Constraints discovered"
  int points = 0;
  std::string detail;  // "2 of 3 surfaced, 1 resolved"
};
struct FinalScore {
  int total = 0;
  std::vector<ScoreLine> lines;
};
FinalScore final_score(const Content& c, const State& st);

// A note in the trainee's notebook (see "the trainee's notebook" below).
struct Note {
  int line = -1;                                  // the buyer's line noted
  ConstraintType type = ConstraintType::budget;   // what the trainee says it is about
  int owner = -1;                                 // whose it is: stakeholder index
  int at_move = 0;                                // moves made when it was written (take_note sets it)
  bool operator==(const Note& o) const { return line == o.line && type == o.type && owner == o.owner && at_move == o.at_move; }
};
// ---- a game in progress -----------------------------------------------------------------------
// The Content must outlive the Game.
struct Game {
  const Content* content = nullptr;
  GameConfig config;
  State state;
  std::vector<Action> actions;
  std::vector<MoveResult> results;
  std::vector<Note> notes;     // the trainee's notebook, in the order written (one per line)
  const Scenario& scenario() const { return content->scenarios[static_cast<size_t>(state.scenario)]; }
  bool over() const { return state.ending != Ending::none; }
};

struct StartResult {
  bool ok = false;
  std::string error;
  Game game;
};
StartResult start_game(const Content& c, const GameConfig& cfg);
// Refuses illegal moves (ok=false, error set, game unchanged).
MoveResult play(Game& g, const Action& a);
// Turns the game to open play (typed moves): from now on every move of the scenario's deck is legal.
// The config records it, so the game's record and result code replay it (open from the start: the
// same moves give the same hashes, since a dealt card is played from its own slot either way).
void open_play(Game& g);

// What the trainee may see now. Hidden constraints appear only once learned.
struct PersonView {
  int index = 0;
  std::string id, name, title, personality;
  Role role = Role::economic_buyer;
  int trust = 0, openness = 0;
  bool engaged = false, veto = false;
  bool invited = false;  // asked to join: takes part from the next meeting
  std::string through;   // name of the colleague this person is brought in through ("" when anyone can)
};
struct NoteView {  // a constraint the buyer has voiced (the author's view: the trainee's screen never shows it)
  int constraint = 0;  // State::constraints index
  ConstraintType type = ConstraintType::budget;
  std::string owner_id, owner_name, heard;  // heard: the first hint as the owner said it
  bool resolved = false;
};
struct NoteEntry {  // one of the trainee's notes, as they wrote it (right or wrong is for the debrief)
  int line = -1;
  std::string heard;  // the line noted, as the buyer said it
  std::string speaker_name;
  ConstraintType type = ConstraintType::budget;
  std::string owner_id, owner_name;
};
struct CardView {
  Action action;  // target -1: the UI must let the player pick from `targets` when target_kind is stakeholder
  std::string move_id, label, phrasing;
  Category category = Category::facilitative;
  TargetKind target_kind = TargetKind::none;
  std::vector<int> targets;
};
struct View {
  int stage = 0;
  std::string stage_name;
  int meeting = 0, meetings_total = 0, turn = 0, moves_per_meeting = 0;
  int meetings_left = 0, turns_left_in_meeting = 0;
  int trust = 0;  // mean of the engaged
  int points = 0;  // sum of move points so far
  std::vector<PersonView> people;
  std::vector<NoteView> voiced;      // what the buyer has voiced, with its type: for the author's CLI and tests
  std::vector<NoteEntry> notebook;  // the trainee's own notes, nothing filled in for them
  std::vector<CardView> hand;
  Ending ending = Ending::none;
};
View view(const Game& g);

// ---- the trainee's notebook (notes.cpp) ---------------------------------------------------------
// The trainee picks a line the buyer said and writes, in plain words, what it is about and whose it
// is. The core judges it; it is recorded like a move (replays and result codes carry it) and it
// never touches the buyer or uses a turn. Lines are numbered over every reply of every move, in the
// order said (buyer_line).
struct NoteResult {
  bool ok = false;
  std::string error;     // when !ok: why the note was refused (game unchanged)
  bool right = false;    // the line voices a worry of that kind, and it is that person's
  int constraint = -1;   // State::constraints index the line voices, -1 when none
};
// Points per constraint noted right, and what a wrong note takes back (never below 0 in all).
constexpr int kListeningPerNote = 4, kListeningWrong = 2;
int buyer_line_count(const Game& g);
const Reply* buyer_line(const Game& g, int line);  // nullptr when out of range
int line_constraint(const Game& g, int line);      // the constraint a line voices (a hint or a worry), -1 none
// Writes a note (replacing an earlier note on the same line). Refused: a line not said yet, no such person.
NoteResult take_note(Game& g, const Note& n);
NoteResult judge_note(const Game& g, const Note& n);  // right or wrong, without writing it
int listening_points(const State& st);  // 0 when the notebook does not count
// What a good listener would have written: every constraint voiced to them, noted right, from its
// line (text games) or straight into the tallies (bulk games, which have no lines). Bots and the
// expert's reference score use it, so a trainee who listens is compared with one who listens too.
void note_what_was_voiced(Game& g, bool text = true);

// ---- debrief ------------------------------------------------------------------------------------
struct ConstraintReport {
  std::string id, owner_id, owner_name, summary;
  ConstraintType type = ConstraintType::budget;
  int severity = 1, awareness = 0, progress = 0;
  bool surfaced = false;  // the trainee learned it
  bool aware = false, resolved = false;
};
struct TimelineEntry {
  int index = 0, meeting = 0, points = 0, total_points = 0, trust = 0, stage = 0;
  std::string move_id, label;
  Verdict verdict = Verdict::neutral;
  std::string explanation;
};
struct Debrief {
  Ending ending = Ending::none;
  FinalScore score;
  std::vector<ConstraintReport> constraints;  // every drawn constraint, hidden or not
  std::vector<TimelineEntry> timeline;
  int best_move = -1, worst_move = -1;  // timeline indices; -1: no move gained / lost points
  std::vector<Action> expert;            // what the expert would have played from the same start
  int expert_score = 0;
  // Where the deal died, in plain words: the move that cost the most hidden ground (timeline index,
  // -1 when no move did, as when the meetings simply ran out), and why.
  int turning_point = -1;
  std::string turning_why;
  bool ready_buyer = false;  // the buyer had done their own work before the first meeting
  struct NoteCheck { Note note; NoteResult result; };
  std::vector<NoteCheck> notes;  // every note the trainee wrote, judged
  int notes_missed = 0;          // constraints the buyer voiced that the trainee never noted right
  int stalls = 0, objections = 0, proposals = 0;
};
// with_expert runs the expert search (a few ms).
Debrief debrief(const Game& g, bool with_expert = true);

// ---- replay -------------------------------------------------------------------------------------
struct Record {
  uint64_t content_hash = 0;
  GameConfig config;
  std::vector<Action> actions;
  std::vector<Note> notes{};  // the trainee's notes, each put back after its at_move moves
};
struct ReplayResult {
  bool ok = false;
  std::string error;  // content mismatch, unknown scenario, illegal move at index i
  int failed_at = -1;
  Game game;
};
Record record_of(const Game& g);
ReplayResult replay(const Content& c, const Record& r);
// Text form of moves: "move_id" or "move_id@stakeholder_id", separated by spaces.
std::string encode_moves(const Content& c, const Scenario& sc, const std::vector<Action>& a);
bool decode_moves(const Content& c, const Scenario& sc, const std::string& text, std::vector<Action>& out, std::string& error);
// Text form of notes: "line:type@stakeholder_id/at_move", separated by spaces ("7:budget@dana/2").
std::string encode_notes(const Scenario& sc, const std::vector<Note>& notes);
bool decode_notes(const Scenario& sc, const std::string& text, std::vector<Note>& out, std::string& error);

// ---- challenge and result codes ---------------------------------------------------------------
struct Challenge {
  std::string scenario_id;
  uint64_t seed = 0;
  bool feedback_hidden = false;  // verdicts and explanations only in the debrief
  int meeting_limit = 0;         // 0 = scenario default
  bool per_player = false;       // each player's seed derives from this seed and their name
  uint64_t lock = 0;             // challenge_lock(secret): the close code must carry the secret; 0 = none
  bool notebook = false;         // the trainee's notes count (Listening); codes before version 3 never did
  bool typed = false;            // the players type their moves (open play); codes before version 4 never did
};
struct ResultCode {
  uint64_t content_hash = 0;
  Challenge challenge;
  std::string player, team;     // normalised (normalize_name); refused by verify_result otherwise
  std::vector<Action> actions;  // as deck slots are resolved against content on decode
  int claimed_score = 0;
  // Filled by encode_result when 0: game_seed(challenge, player). A renamed code no longer matches it.
  uint64_t seed_played = 0;
  int attempt = 1;              // this browser's attempt number at the challenge (1 = first)
  uint32_t earlier = 0;         // attempts_hash of the earlier attempts' codes (0 when first)
  std::vector<Note> notes{};    // the trainee's notes (code version 3 on)
  bool open_play = false;       // the game was played open (typed moves; code version 4 on)
};
enum class CodeError : uint8_t {
  none, malformed, truncated, tampered, wrong_version, wrong_kind, foreign_content, foreign_challenge,
  unknown_scenario, illegal_move, score_mismatch, bad_name, wrong_player
};
const char* to_string(CodeError e);
std::string describe(CodeError e);

std::string encode_challenge(const Challenge& ch, uint64_t content_hash);
struct ChallengeDecode { CodeError error = CodeError::none; std::string detail; Challenge challenge; uint64_t content_hash = 0; };
ChallengeDecode decode_challenge(const std::string& code, const Content* c = nullptr);
std::string challenge_id(const Challenge& ch);  // short stable id: same challenge, same id

// ---- names, per-player seeds, close codes (challenge.cpp) -------------------------------------
// One limit for a player's or team's name everywhere: the UI's fields, the result code, the CSV.
constexpr size_t kNameMaxBytes = 64;
struct NameCheck { bool ok = false; std::string name; std::string error; };
// Unicode NFC (composed for marks U+0300..U+036F; anything else NFC could change is refused),
// spaces trimmed and collapsed; control, bidi and other invisible characters refused with a message.
NameCheck normalize_name(const std::string& raw, bool allow_empty = false);
// The seed a player meets: the challenge's seed, or with per_player one derived from it and the name.
uint64_t game_seed(const Challenge& ch, const std::string& normalized_name);
uint64_t challenge_lock(uint64_t secret);
// The organizer's close code (kind 'K'): publishing it ends the round and unlocks every debrief.
std::string encode_close(uint64_t secret, uint64_t content_hash);
struct CloseCheck { CodeError error = CodeError::none; std::string detail; };
CloseCheck check_close(const Challenge& ch, const std::string& close_code);
// A chain over the codes of earlier attempts, in order (0 for none).
uint32_t attempts_hash(const std::vector<std::string>& earlier_codes);
// Text safe to print on a terminal: control, bidi and invalid bytes escaped as \xNN or \u{N}.
std::string printable(const std::string& s);

// Moves are stored as deck slots, so encoding needs the content.
std::string encode_result(const Content& c, const ResultCode& r);
struct ResultDecode { CodeError error = CodeError::none; std::string detail; ResultCode result; };
// expected: when set, a code for another challenge is refused (foreign_challenge).
ResultDecode decode_result(const Content& c, const std::string& code, const Challenge* expected = nullptr);
struct Verification {
  CodeError error = CodeError::none;
  std::string detail;
  ResultCode result;
  int score = 0;  // recomputed by replay; the claimed score is never trusted
  Ending ending = Ending::none;
  int moves = 0;
  int meetings = 0;  // meetings used, by replay
  uint64_t seed = 0; // the seed the game was replayed with
};
Verification verify_result(const Content& c, const std::string& code, const Challenge* expected = nullptr);

// Meetings a game has used so far (a meeting counts once a move was made in it).
inline int meetings_used(const State& st) { return st.meeting + (st.turn > 0 ? 1 : 0); }

// ---- lessons ------------------------------------------------------------------------------------
// A lesson is passed with its score AND the behaviour it teaches (Lesson::requirements).
struct LessonCheck {
  bool passed = false, score_ok = false;
  int score = 0;
  std::vector<std::pair<Requirement, bool>> requirements;  // each one, met or not, in the lesson's order
};
LessonCheck check_lesson(const Content& c, const Lesson& l, const Game& g);
const Lesson* lesson_for(const Content& c, const std::string& scenario_id);  // nullptr when no lesson plays it

// ---- bots ---------------------------------------------------------------------------------------
enum class Policy : uint8_t {
  random, pusher, classic, facilitator, expert,
  // the zoo: degenerate strategies that must never come near good play (tools/buyin zoo)
  same_card, facilitative_only, listen_only, give_space_first, top_of_hand, never_recommend
};
constexpr int kPolicyCount = 5;  // the balance table's policies, Policy values 0..4
constexpr int kZooFirst = 5, kAllPolicies = 11;
const char* to_string(Policy p);
bool parse_policy(const std::string& s, Policy& out);
// One move for the game's current state; facilitator/classic/pusher/random see only View-level info.
Action choose_action(const Game& g, Policy p);
// Plays a whole game with a policy.
// text=false skips replies and explanations (bulk simulation); state and points are identical.
Game play_policy(const Content& c, const GameConfig& cfg, Policy p, bool text = true);
// Beam search with full knowledge of the hidden state, from the start or from a given state.
// open_play (from the start; a given state says it itself): every move of the deck, as a typing player.
std::vector<Action> expert_path(const Content& c, const std::string& scenario_id, uint64_t seed, const State* from = nullptr,
                                int meeting_limit = 0, bool open_play = false);

// Aggregate of a policy over seeds first_seed .. first_seed+games-1 (integers; rates in percent).
struct PolicyStats {
  int games = 0;
  int64_t total_score = 0;
  int mean_score = 0, purchase_pct = 0, no_decision_pct = 0, disengaged_pct = 0;
  int mean_meetings_x10 = 0;  // mean meetings used, times 10
  int purchases = 0, no_decisions = 0, disengaged = 0;
  int lesson_passes = 0, lesson_pass_pct = -1;  // -1: the scenario is no lesson's
};
PolicyStats run_policy(const Content& c, const std::string& scenario_id, Policy p, uint64_t first_seed, int games);

}  // namespace buyin
