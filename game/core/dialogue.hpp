// Buyer replies chosen from scenario lines.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "core/content.hpp"
#include "core/rng.hpp"
#include "core/sim.hpp"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "TalkMemory::text_hash reads words little-endian"
#endif

namespace buyin {

// What the buyer has already said (text only, never part of State): built from the game's results
// so far, so a replay and a game played with text off reach the same state. A reply is not repeated
// within a meeting while any other line fits; across the game, lines said less often come first.
// Texts are kept as 64-bit hashes (text_hash): reply selection runs on every move of every bot game,
// and string sets cost more than the rest of a move.
struct TalkMemory {
  std::vector<uint64_t> meeting;                  // texts said in the current meeting (few: searched in order)
  // Text -> times said in this game: an open-addressing table (power-of-two size, linear probing,
  // 0 = empty; lookups only, never iterated, so its layout cannot change a result).
  std::vector<uint64_t> keys;
  std::vector<int> counts;
  size_t used = 0;
  std::vector<uint64_t> pending;                  // the replies of the move being written, so far
  void add(const std::string& t) { add_hash(text_hash(t)); }
  void add_hash(uint64_t h);
  // A reply of the move being written: counted as said until the next sync, when the move is history.
  void say_hash(uint64_t h) { pending.push_back(h); }
  bool said_in_meeting(uint64_t h) const;
  bool said_in_meeting(const std::string& t) const { return said_in_meeting(text_hash(t)); }
  int times(uint64_t h) const;
  // From the results of the game so far (the current meeting starts after the last meeting_ended),
  // into this one: its vectors keep their room from move to move.
  void rebuild(const std::vector<MoveResult>* results);
  // The same as rebuild, but when `results` extends the history last synced (the same vector, the
  // results seen then unchanged) only the new results are added: a game's replies cost no more per
  // move as the game grows.
  void sync(const std::vector<MoveResult>* results);
  const std::vector<MoveResult>* synced = nullptr;  // the history last synced, its length, and
  size_t synced_n = 0;                              // a fingerprint of its last result
  uint64_t synced_last = 0;
  // A 64-bit hash of the bytes, eight at a time (little-endian, the same natively and in wasm):
  // lines are hashed on every reply, and only equality within one game matters.
  static uint64_t text_hash(const std::string& t) { return text_hash(t.data(), t.size()); }
  static uint64_t text_hash(const char* p, size_t n) {
    uint64_t h = 0x9e3779b97f4a7c15ull ^ (static_cast<uint64_t>(n) * 0xff51afd7ed558ccdull);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);  // little-endian on every target (checked below)
      h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
      h ^= h >> 31;
    }
    uint64_t w = 0;
    for (size_t k = n; k > i; --k) w = (w << 8) | static_cast<uint8_t>(p[k - 1]);
    h = (h ^ w) * 0x94d049bb133111ebull;
    return h ^ (h >> 29);
  }
};

// What the move did, for choosing the reaction.
// A view of some indices (the caller keeps them alive): a reply reads the move's lists, never copies them.
struct IndexList {
  const int* p = nullptr;
  size_t n = 0;
  IndexList() = default;
  IndexList(const std::vector<int>& v) : p(v.data()), n(v.size()) {}  // NOLINT: a view of the vector
  IndexList(const int* first, size_t count) : p(first), n(count) {}
  const int* begin() const { return p; }
  const int* end() const { return p + n; }
  bool empty() const { return n == 0; }
};

struct ReplyContext {
  int speaker = -1;
  int move = -1;  // index into Content::moves
  Category category = Category::facilitative;
  Verdict verdict = Verdict::neutral;
  int stage = 0;                    // the stage the move was played at
  LineAfter after = LineAfter::none;  // what the buyer had just said
  bool answered = false;            // and whether the move answered it
  IndexList hinted, worked, resolved;  // State::constraints indices this move touched
};

// The reaction line: the most specific matching line not yet said in this meeting (a less specific
// one before a repeat); among equals the one said least in the game, then the seed. Specificity:
// move 32, a constraint event ("about"/"on") 16, what the buyer had just said ("after") 16, category 8,
// verdict 4, speaker 2, a stage range or an open-worry condition 1. A pushed or harmful move never gets
// a filler (a line for any category and any verdict). -1 when nothing fits.
int pick_line(const Scenario& sc, const State& st, const ReplyContext& rc, const TalkMemory& mem, Rng& rng);
// Whether line `l` matches the context (exposed for lint and tests).
bool line_matches(const Scenario& sc, const State& st, const LineDef& l, const ReplyContext& rc);
int line_specificity(const LineDef& l);
// The hash of scenario line `line` as `speaker` says it (TalkMemory::text_hash of the filled text).
uint64_t line_hash_for(const Scenario& sc, int speaker, int line);

// Compatibility: the most specific reply line, no memory, no state keys.
int select_line(const Scenario& sc, int speaker, Category cat, Verdict v, int stage, Rng& rng);
// How `speaker` puts off a pushing seller: the scenario's stall lines for that kind and speaker (or
// any), else a plain line for the kind of stall that fits the scenario's world.
std::string stall_line(const Scenario& sc, int speaker, Stall s, int stage, Rng& rng, const TalkMemory* mem = nullptr);
// A constraint voiced (hint or objection): one of its hints or the scenario's worry lines about it.
std::string worry_line(const Scenario& sc, const State& st, int constraint, Rng& rng, const TalkMemory& mem);
// A constraint resolved; as news (a "news" line about it, else a plain lead-in) when the trainee never heard a hint.
std::string resolved_line(const Scenario& sc, const State& st, int constraint, bool news, Rng& rng, const TalkMemory& mem);
// A constraint the trainee learns of only after the buyer worked it through: said as settled, not as a worry.
std::string settled_line(const Scenario& sc, const State& st, int constraint, Rng& rng, const TalkMemory& mem);
// What a buyer says as they stop taking the seller's calls / as they say yes.
std::string farewell_line(const Scenario& sc, int speaker, int stage, Rng& rng);
std::string purchase_line(const Scenario& sc, int speaker, int stage, Rng& rng);
// A plain reply for a pushed or harmful move when the scenario has none that is not a filler.
std::string pushed_line(const Scenario& sc, Category cat, Verdict v, Rng& rng, const TalkMemory& mem);
// A wordless reaction ("(Marta nods)"), for when every line that fits was said in this meeting.
std::string nonverbal_line(const Scenario& sc, int speaker, bool push, Rng& rng, const TalkMemory& mem);
// Fills {offering} and {name}.
std::string fill_text(const Scenario& sc, int speaker, const std::string& text);

}  // namespace buyin
