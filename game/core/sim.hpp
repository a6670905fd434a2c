// Game state and the move loop. State is plain values; the stage is derived from it after every move.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.hpp"

namespace buyin {

enum class Ending : uint8_t { none, purchase, no_decision, disengaged };
const char* to_string(Ending e);

struct GameConfig {
  std::string scenario_id;
  uint64_t seed = 0;
  int meeting_limit = 0;  // 0 = the scenario's own meeting budget (a challenge may lower it)
  // The trainee's notes count (a "Listening" score line). Off unless asked for: practice and lessons
  // turn it on, a challenge when its organizer chose it; games from before the notebook stay as scored.
  bool notebook = false;
  // Open play (typed moves, issue 20): every move of the scenario's deck is legal, dealt or not; the
  // rules judge fit and timing as for cards. A game turns open when its first sentence is typed.
  bool open_play = false;
};

// A move the trainee plays: a move of the content deck, optionally aimed at a stakeholder.
struct Action {
  int move = -1;    // index into Content::moves
  int target = -1;  // stakeholder index, -1 for moves with target "none"
  bool operator==(const Action& o) const { return move == o.move && target == o.target; }
};

struct PersonState {
  int trust = 50, openness = 50;  // 0..100
  bool engaged = false;
  bool invited = false;  // asked to join: takes part from the next meeting on
};

struct ConstraintState {
  int def = 0;        // index into Scenario::pool
  int awareness = 0;  // 0..100; the buyer knows it at kAware
  int progress = 0;   // 0..100 resolution progress; resolved at kResolved
  bool learned = false;  // the trainee heard a hint
  bool done_before = false;  // the buyer had resolved it before the first meeting: no credit for it
  int aware_since = -1;  // meeting in which the buyer became aware (-1: not yet); internal work takes meetings
};

// What the buyer said last that asks for an answer: a hint, a voiced worry (an objection), or a stall
// ("send us a proposal"). The next move is judged against it.
enum class Said : uint8_t { nothing, hint, objection, stall };
// The polite ways a buyer puts off a seller who pushes.
enum class Stall : uint8_t { proposal, think, team, later };
constexpr int kStallCount = 4;
const char* to_string(Stall s);

struct State {
  int scenario = -1;
  uint64_t seed = 0;
  int meetings_total = 0;
  int need = 0;          // buyer's felt need to change, 0..100
  int needs_stated = 0;  // explicit needs in the buyer's own words, 0..100
  int confidence = 0;    // risk of the choice resolved, 0..100
  int commitment = 0;    // approval + plan, 0..100
  int meeting = 0, turn = 0, moves_made = 0;
  std::vector<PersonState> people;
  std::vector<ConstraintState> constraints;  // the drawn ones, in pool order
  std::vector<uint8_t> move_uses;            // per scenario deck entry
  std::array<uint8_t, kCategoryCount> category_uses{};          // whole game
  std::array<uint8_t, kCategoryCount> category_uses_meeting{};  // this meeting
  int stage = 0, peak_stage = 0;
  int first_pitch_stage = -1, early_pitches = 0, vetoes = 0;
  bool ready = false;  // this draw's buyer had done their internal work before the first meeting
  int start_stage = 0;  // the stage at the first meeting: progress is scored from here
  int first_recommend_stage = -1;  // first pitch or de-risk move (a recommendation), -1 none
  // The buyer's system defending itself, 0..100 (hidden): raised by pushing, eased by listening and
  // time. It damps what every move and every pause between meetings can do, and erodes the need.
  int resistance = 0;
  int strikes = 0;  // harmful moves not yet forgiven (one is forgiven per meeting); 3 and the buyer walks
  int stalls = 0, objections = 0, proposals = 0;  // polite put-offs, voiced worries, proposals asked for
  int spoke = 0;  // things of substance the buyer has said (hints, worries, needs): material to play back
  bool moved_meeting = false;  // something surfaced or moved in this meeting (a pause then pays)
  Said said = Said::nothing;
  int said_constraint = -1, said_speaker = -1;
  Ending ending = Ending::none;
  // The trainee's notebook (notes.cpp), tallied here so the score needs only the State. Notes never
  // touch the buyer: state_hash leaves these out.
  bool notebook = false;   // the notes count in the score (GameConfig::notebook)
  uint64_t noted = 0;      // bit i: constraint i was noted right (what it is about and whose it is)
  int wrong_notes = 0;     // notes that named the wrong thing, the wrong person, or a line with no worry in it
  // Open play (GameConfig::open_play): only which moves are legal, never what they do, so state_hash
  // leaves it out (a game opened mid-way replays, opened from the start, to the same hashes).
  bool open_play = false;
};

// Who said what in reply. kind tells the UI how to show it.
enum class ReplyKind : uint8_t { reaction, hint, resolved, joined, veto, stall, objection, invited, farewell };
// The names and the move's id and phrasing are views into the Content the game was played with,
// which outlives its results (a Game refers to it): no copy of them per move.
struct Reply {
  int speaker = -1;  // stakeholder index
  std::string_view speaker_id, speaker_name;
  std::string text;
  ReplyKind kind = ReplyKind::reaction;
  int constraint = -1;  // State::constraints index for hint/resolved
  int line = -1;        // the scenario line it came from (Scenario::lines index), -1 for hints and plain lines
  bool news = false;    // a resolved constraint told as news: the trainee never heard a hint of it
  uint64_t text_hash = 0;  // TalkMemory::text_hash(text), set when said (0: not set)
};

struct MoveResult {
  bool ok = false;
  std::string error;  // when !ok: why the move was refused (state unchanged)
  Action action;
  std::string_view move_id, phrasing;  // views into the Content (see Reply)
  Category category = Category::facilitative;
  Verdict verdict = Verdict::neutral;
  int points = 0;
  std::string explanation;  // one sentence built from the actual change
  std::vector<Reply> replies;
  std::vector<int> learned;  // State::constraints indices newly learned by the trainee
  std::vector<int> resolved, joined;
  int stage_before = 0, stage_after = 0;
  int trust_after = 0;  // mean trust of the engaged stakeholders
  int setback = 0;      // hidden ground lost: resistance gained + need lost + 10 per stage of retreat
  bool answered = false, ignored = false;  // answered / moved past what the buyer just said
  int stall = -1;       // Stall value when the buyer put the seller off, else -1
  std::vector<int> invited;  // stakeholders asked to join from the next meeting
  bool meeting_ended = false;
  Ending ending = Ending::none;
};

// One card of the dealt hand.
struct Card {
  int move = -1;      // index into Content::moves
  int deck_slot = -1; // index into Scenario::deck
};

int derive_stage(const Scenario& sc, const State& st);
int mean_trust(const State& st);  // of the engaged stakeholders; 0 if none
State initial_state(const Content& c, int scenario, uint64_t seed, int meeting_limit);
std::vector<Card> deal_hand(const Content& c, const State& st);
// Legal targets for a move right now ({-1} for target "none").
std::vector<int> legal_targets(const Content& c, const State& st, int move);
bool is_legal(const Content& c, const State& st, const Action& a);
// Applies a move. With `text` false no strings are built (fast path for search); points and state
// are identical either way. `history` (the game's results so far, text only) keeps the buyer from
// repeating a reply within a meeting; without it replies are chosen as if nothing had been said.
MoveResult apply_move(const Content& c, State& st, const Action& a, bool text = true, const std::vector<MoveResult>* history = nullptr);
// apply_move without the legality check, for search over cards already dealt (deck_slot known).
MoveResult apply_card(const Content& c, State& st, const Action& a, int deck_slot, bool text, const std::vector<MoveResult>* history = nullptr);
uint64_t state_hash(const State& st);
// Which phrasing the seller says for a card this turn (the hand shows the same one).
int phrasing_index(const State& st, int deck_slot, int n);

}  // namespace buyin
