// Category x stage rules (DESIGN.md section 3) and the stage thresholds.
#pragma once
#include "core/content.hpp"

namespace buyin {

// +2 helps strongly, +1 helps, 0 neutral, -1 pushes, -2 harms. give_space is judged by state.
int category_fit(Category c, int stage);

// Stage thresholds on the buyer's felt need (S0->S1, S1->S2, S2->S3).
constexpr int kNeedNoticed = 25, kNeedShared = 42, kNeedBeyondSelf = 60;
constexpr int kAware = 50;           // awareness at which the buyer knows their constraint
constexpr int kResolved = 100;       // resolution progress that resolves a constraint
constexpr int kNeedsStated = 60;     // S5 -> S6
constexpr int kConfidence = 60;      // S6 -> S7
constexpr int kCommitted = 100;      // S7 -> purchase
constexpr int kDisengageTrust = 10;  // mean trust of the room below this: the buyer walks away
constexpr int kStrikesToLeave = 3;   // harmful moves not yet forgiven (one a meeting) before the buyer walks away
constexpr int kVetoTrust = 60;       // a veto holder in the room lets an open worry of their own go at this trust
constexpr int kSituationSparingly = 5;   // situation questions in a game beyond this many are overuse
constexpr int kSituationPerMeeting = 2;  // ... and in one meeting
constexpr int kQuestionsPerMeeting = 3;  // any other question category: the fourth of a kind in a meeting is overuse

// Percent of full effect for the n-th use (0-based) of the same move in a game / category in a meeting.
int repeat_factor(int same_move_uses, int same_category_in_meeting);

}  // namespace buyin
