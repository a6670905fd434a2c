// Replay: a game is (content hash, scenario, seed, moves); replaying gives the identical transcript.
#include <sstream>

#include "core/buyin.hpp"

namespace buyin {

Record record_of(const Game& g) { return Record{g.content->hash, g.config, g.actions, g.notes}; }

ReplayResult replay(const Content& c, const Record& r) {
  ReplayResult out;
  if (r.content_hash != c.hash) { out.error = "the record was made with other content"; return out; }
  StartResult s = start_game(c, r.config);
  if (!s.ok) { out.error = s.error; return out; }
  out.game = s.game;
  // Notes go back in where they were written: after their at_move moves, in the order written.
  size_t next_note = 0;
  auto notes_until = [&](size_t moves) {
    for (; next_note < r.notes.size() && r.notes[next_note].at_move <= static_cast<int>(moves); ++next_note) {
      const Note& n = r.notes[next_note];
      NoteResult nr = n.at_move == static_cast<int>(moves) ? take_note(out.game, n) : NoteResult{false, "out of order", false, -1};
      if (!nr.ok) {
        out.error = "note " + std::to_string(next_note + 1) + " cannot be put back: " + nr.error;
        return false;
      }
    }
    return true;
  };
  for (size_t i = 0; i < r.actions.size(); ++i) {
    if (!notes_until(i)) return out;
    MoveResult m = play(out.game, r.actions[i]);
    if (!m.ok) {
      out.failed_at = static_cast<int>(i);
      out.error = "move " + std::to_string(i + 1) + " is illegal: " + m.error;
      return out;
    }
  }
  if (!notes_until(r.actions.size())) return out;
  if (next_note < r.notes.size()) { out.error = "note " + std::to_string(next_note + 1) + " was written after the last move"; return out; }
  out.ok = true;
  return out;
}

std::string encode_moves(const Content& c, const Scenario& sc, const std::vector<Action>& actions) {
  std::string s;
  for (const Action& a : actions) {
    if (!s.empty()) s += ' ';
    s += (a.move >= 0 && a.move < static_cast<int>(c.moves.size())) ? c.moves[static_cast<size_t>(a.move)].id : "?";
    if (a.target >= 0 && a.target < static_cast<int>(sc.stakeholders.size())) s += "@" + sc.stakeholders[static_cast<size_t>(a.target)].id;
  }
  return s;
}

bool decode_moves(const Content& c, const Scenario& sc, const std::string& text, std::vector<Action>& out, std::string& error) {
  std::istringstream in(text);
  std::string tok;
  out.clear();
  while (in >> tok) {
    Action a;
    size_t at = tok.find('@');
    a.move = c.find_move(tok.substr(0, at));
    if (a.move < 0) { error = "unknown move \"" + tok.substr(0, at) + "\""; return false; }
    if (at != std::string::npos) {
      std::string who = tok.substr(at + 1);
      for (size_t i = 0; i < sc.stakeholders.size(); ++i) if (sc.stakeholders[i].id == who) a.target = static_cast<int>(i);
      if (a.target < 0) { error = "unknown stakeholder \"" + who + "\""; return false; }
    }
    out.push_back(a);
  }
  return true;
}

std::string encode_notes(const Scenario& sc, const std::vector<Note>& notes) {
  std::string s;
  for (const Note& n : notes) {
    if (!s.empty()) s += ' ';
    s += std::to_string(n.line) + ":" + to_string(n.type) + "@" +
         (n.owner >= 0 && n.owner < static_cast<int>(sc.stakeholders.size()) ? sc.stakeholders[static_cast<size_t>(n.owner)].id : "?") + "/" +
         std::to_string(n.at_move);
  }
  return s;
}

bool decode_notes(const Scenario& sc, const std::string& text, std::vector<Note>& out, std::string& error) {
  std::istringstream in(text);
  std::string tok;
  out.clear();
  while (in >> tok) {
    const size_t colon = tok.find(':'), at = tok.find('@'), slash = tok.rfind('/');
    if (colon == std::string::npos || at == std::string::npos || slash == std::string::npos || !(colon < at && at < slash)) {
      error = "note \"" + tok + "\" is not line:kind@person/move";
      return false;
    }
    auto number = [](const std::string& d, int& v) {
      if (d.empty() || d.size() > 6 || d.find_first_not_of("0123456789") != std::string::npos) return false;
      v = std::stoi(d);
      return true;
    };
    Note n;
    const std::string type = tok.substr(colon + 1, at - colon - 1), who = tok.substr(at + 1, slash - at - 1);
    if (!number(tok.substr(0, colon), n.line) || !number(tok.substr(slash + 1), n.at_move)) { error = "note \"" + tok + "\": expected numbers"; return false; }
    bool known = false;
    for (int k = 0; k < kConstraintTypeCount; ++k)
      if (type == to_string(static_cast<ConstraintType>(k))) { n.type = static_cast<ConstraintType>(k); known = true; }
    if (!known) { error = "note \"" + tok + "\": unknown kind \"" + type + "\""; return false; }
    for (size_t i = 0; i < sc.stakeholders.size(); ++i) if (sc.stakeholders[i].id == who) n.owner = static_cast<int>(i);
    if (n.owner < 0) { error = "note \"" + tok + "\": unknown stakeholder \"" + who + "\""; return false; }
    out.push_back(n);
  }
  return true;
}

}  // namespace buyin
