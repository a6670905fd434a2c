// Internals shared by the core's own files (sim, bots, scoring): allocation-free forms of the public
// calls, for the hot paths (bot games, the expert's search). Not part of the API the UI sees.
#pragma once
#include <array>
#include <cstddef>
#include <type_traits>
#include <vector>

#include "core/sim.hpp"

namespace buyin {
namespace detail {

// A buffer on the stack for the usual sizes, on the heap beyond them (no content limit is assumed).
// The stack part is not filled up front (a Card or a ConstraintState has default values, and hot
// paths make one of these per move): every element is written before it is read.
template <class T, size_t N>
struct SmallBuf {
  static_assert(std::is_trivially_copyable<T>::value, "SmallBuf holds plain values");
  union Local {
    Local() {}
    T a[N];
  } local;
  std::vector<T> heap;
  T* p;
  explicit SmallBuf(size_t n) : p(local.a) {
    if (n > N) { heap.resize(n); p = heap.data(); }
  }
  T& operator[](size_t i) { return p[i]; }
  const T& operator[](size_t i) const { return p[i]; }
};

// Room for a dealt hand: the loader allows hand_size 3..9.
struct HandBuf : SmallBuf<Card, 16> {
  int n = 0;
  // Deals; shown=false keeps the canonical order (category, then slot) instead of the order on screen.
  HandBuf(const Content& c, const State& st, bool shown = true);
  const Card* begin() const { return p; }
  const Card* end() const { return p + n; }
};

// The targeting rule, in one place: a person-aimed move may be aimed at anyone engaged, and an
// involve_others move also at someone not yet in the room.
inline bool can_aim(const MoveDef& m, const State& st, size_t person) {
  return st.people[person].engaged || m.category == Category::involve_others;
}

// The deck slots dealable at `stage`, grouped by category (category k's at out[start[k] .. start[k+1]),
// ascending within it), into `out` (room for the deck size); returns how many. Scenario::deal holds
// this per stage (index_content), and dealing falls back to it when the table is missing.
int dealable_slots(const Content& c, const Scenario& sc, int stage, std::array<int, kCategoryCount + 1>& start, int* out);

// deal_hand into `out` (room for the scenario's hand_size cards); returns the number of cards.
// shown=false: the same cards in the canonical order (category, then deck slot), not shuffled for the
// screen. The bots choose by what a card is, so the order a trainee sees never moves their play.
int deal_into(const Content& c, const State& st, Card* out, bool shown = true);
// The deck slot `move` is played from now: its dealt card's, else in open play its first slot in
// the deck; -1 when it cannot be played (play, apply_move and the open-play expert agree on it).
int slot_to_play(const Content& c, const State& st, int move);
// Whether `target` is one of legal_targets(c, st, move).
bool target_ok(const Content& c, const State& st, int move, int target);
// apply_card's work into a fresh `out` whose action and move_id the caller sets (or not).
void apply_unchecked(const Content& c, State& st, const Action& a, int deck_slot, bool text, MoveResult& out,
                     const std::vector<MoveResult>* history = nullptr);
// final_score(c, st).total without building the breakdown's text.
int final_total(const Content& c, const State& st);

}  // namespace detail
}  // namespace buyin
