// Buyer replies chosen from scenario lines.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/rng.hpp"
#include "core/sim.hpp"

namespace buyin {

// What the buyer has already said (text only, never part of State): built from the game's results
// so far, so a replay and a game played with text off reach the same state. A reply is not repeated
// within a meeting while any other line fits; across the game, lines said less often come first.
struct TalkMemory {
  std::set<std::string> meeting;          // texts said in the current meeting
  std::map<std::string, int> game;        // text -> times said in this game
  void add(const std::string& t) { meeting.insert(t); ++game[t]; }
  // From the results of the game so far (the current meeting starts after the last meeting_ended).
  static TalkMemory from(const std::vector<MoveResult>* results);
};

// What the move did, for choosing the reaction.
struct ReplyContext {
  int speaker = -1;
  int move = -1;  // index into Content::moves
  Category category = Category::facilitative;
  Verdict verdict = Verdict::neutral;
  int stage = 0;                    // the stage the move was played at
  LineAfter after = LineAfter::none;  // what the buyer had just said
  bool answered = false;            // and whether the move answered it
  std::vector<int> hinted, worked, resolved;  // State::constraints indices this move touched
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
