// The trainee's notebook: notes on what the buyer said, judged by the core, tallied into the State.
#include <algorithm>

#include "core/buyin.hpp"

namespace buyin {

namespace {

// ---- tallies ----------------------------------------------------------------------------------
// The State's tallies follow from the notes alone, so they are rebuilt after every change.
void recount(Game& g) {
  g.state.noted = 0;
  g.state.wrong_notes = 0;
  for (const Note& n : g.notes) {
    NoteResult r = judge_note(g, n);
    if (r.right) g.state.noted |= uint64_t{1} << r.constraint;
    else ++g.state.wrong_notes;
  }
}

int popcount64(uint64_t x) {
  int n = 0;
  for (; x; x &= x - 1) ++n;
  return n;
}

}  // namespace

// ---- lines ------------------------------------------------------------------------------------
int buyer_line_count(const Game& g) {
  int n = 0;
  for (const MoveResult& r : g.results) n += static_cast<int>(r.replies.size());
  return n;
}

const Reply* buyer_line(const Game& g, int line) {
  if (line < 0) return nullptr;
  for (const MoveResult& r : g.results) {
    if (line < static_cast<int>(r.replies.size())) return &r.replies[static_cast<size_t>(line)];
    line -= static_cast<int>(r.replies.size());
  }
  return nullptr;
}

int line_constraint(const Game& g, int line) {
  const Reply* r = buyer_line(g, line);
  // A hint and a voiced worry (objection) name a constraint; news of one resolved is not a worry.
  if (!r || (r->kind != ReplyKind::hint && r->kind != ReplyKind::objection)) return -1;
  return r->constraint;
}

// ---- judging and writing ----------------------------------------------------------------------
NoteResult judge_note(const Game& g, const Note& n) {
  NoteResult r;
  const Scenario& sc = g.scenario();
  if (!buyer_line(g, n.line)) { r.error = "line " + std::to_string(n.line) + " has not been said"; return r; }
  if (n.owner < 0 || n.owner >= static_cast<int>(sc.stakeholders.size())) { r.error = "no person " + std::to_string(n.owner) + " in this meeting"; return r; }
  if (static_cast<int>(n.type) >= kConstraintTypeCount) { r.error = "no such kind of worry"; return r; }
  r.ok = true;
  r.constraint = line_constraint(g, n.line);
  if (r.constraint >= 0 && r.constraint < 64) {
    const ConstraintDef& d = sc.pool[static_cast<size_t>(g.state.constraints[static_cast<size_t>(r.constraint)].def)];
    r.right = d.type == n.type && d.owner == n.owner;
  }
  return r;
}

NoteResult take_note(Game& g, const Note& in) {
  Note n = in;
  n.at_move = static_cast<int>(g.actions.size());
  NoteResult r = judge_note(g, n);
  if (!r.ok) return r;
  // One note per line: a second thought replaces the first.
  g.notes.erase(std::remove_if(g.notes.begin(), g.notes.end(), [&](const Note& o) { return o.line == n.line; }), g.notes.end());
  g.notes.push_back(n);
  recount(g);
  return r;
}

// ---- score ------------------------------------------------------------------------------------
// 4 a constraint is half the smallest discovery credit (8 x severity 1): hearing is rewarded, never
// more than drawing the worry out. A wrong note takes back 2, so guessing on every line does not pay.
int listening_points(const State& st) {
  if (!st.notebook) return 0;
  return std::max(0, kListeningPerNote * popcount64(st.noted) - kListeningWrong * st.wrong_notes);
}

// ---- a good listener's notes ------------------------------------------------------------------
void note_what_was_voiced(Game& g, bool text) {
  const Scenario& sc = g.scenario();
  int first = 0;  // the first line of this move's replies
  for (const MoveResult& r : g.results) {
    // A buyer who walks out is not taken notes on: the bulk tallies could not tell which line said it.
    if (r.ending != Ending::disengaged) {
      for (int ci : r.learned) {
        if (ci < 0 || ci >= 64 || (g.state.noted >> ci & 1)) continue;
        const ConstraintDef& d = sc.pool[static_cast<size_t>(g.state.constraints[static_cast<size_t>(ci)].def)];
        if (!text) { g.state.noted |= uint64_t{1} << ci; continue; }
        for (size_t j = 0; j < r.replies.size(); ++j)
          if ((r.replies[j].kind == ReplyKind::hint || r.replies[j].kind == ReplyKind::objection) && r.replies[j].constraint == ci) {
            Note n{first + static_cast<int>(j), d.type, d.owner, 0};
            take_note(g, n);
            break;
          }
      }
    }
    first += static_cast<int>(r.replies.size());
  }
}

}  // namespace buyin
