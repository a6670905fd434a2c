#include "core/rules.hpp"

namespace buyin {

namespace {
// Rows follow Category order; columns are S0..S7. Encodes DESIGN.md section 3's table.
constexpr int kFit[kCategoryCount][kStageCount] = {
    /* facilitative   */ {2, 2, 2, 2, 2, 1, 1, 1},
    /* implication    */ {2, 2, 2, 1, 0, 0, -1, 0},   // S6: the buyer already fears a mistake
    /* involve_others */ {0, 1, 1, 2, 2, 2, 1, 1},
    /* listen         */ {1, 1, 1, 1, 1, 1, 1, 1},
    /* give_space     */ {0, 0, 0, 0, 0, 0, 0, 0},    // judged by what has surfaced
    /* situation      */ {0, 1, 1, 0, 0, 0, 0, 0},    // sparingly; overuse is handled in sim
    /* need_payoff    */ {0, 0, 0, 0, 2, 2, 1, 0},    // too early it is only unanswerable, not harmful
    /* pitch          */ {-1, -1, -1, -1, -1, 1, 1, 1}, // helps from S5 only when tied to a stated need (sim)
    /* rebuttal       */ {-1, -1, -1, -1, -1, -1, -1, -1},
    /* pressure       */ {-2, -2, -2, -2, -2, -1, -1, -1}, // never neutral, S7 included
    /* de_risk        */ {-1, -1, -1, -1, 0, 1, 2, 2},
};
constexpr int kMoveDecay[] = {100, 60, 35, 20, 10};
constexpr int kCategoryDecay[] = {100, 75, 50, 30, 15};
}  // namespace

int category_fit(Category c, int stage) {
  if (stage < 0) stage = 0;
  if (stage > 7) stage = 7;
  return kFit[static_cast<int>(c)][stage];
}

int repeat_factor(int m, int c) {
  if (m < 0) m = 0;
  if (c < 0) c = 0;
  if (m > 4) m = 4;
  if (c > 4) c = 4;
  return kMoveDecay[m] * kCategoryDecay[c] / 100;
}

}  // namespace buyin
