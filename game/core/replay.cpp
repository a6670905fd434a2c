// Replay: a game is (content hash, scenario, seed, moves); replaying gives the identical transcript.
#include <sstream>

#include "core/buyin.hpp"

namespace buyin {

Record record_of(const Game& g) { return Record{g.content->hash, g.config, g.actions}; }

ReplayResult replay(const Content& c, const Record& r) {
  ReplayResult out;
  if (r.content_hash != c.hash) { out.error = "the record was made with other content"; return out; }
  StartResult s = start_game(c, r.config);
  if (!s.ok) { out.error = s.error; return out; }
  out.game = s.game;
  for (size_t i = 0; i < r.actions.size(); ++i) {
    MoveResult m = play(out.game, r.actions[i]);
    if (!m.ok) {
      out.failed_at = static_cast<int>(i);
      out.error = "move " + std::to_string(i + 1) + " is illegal: " + m.error;
      return out;
    }
  }
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

}  // namespace buyin
