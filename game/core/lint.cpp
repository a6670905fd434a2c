// Lint: content that loads but cannot play as written (unreachable lines, placeholders, gaps).
#include <algorithm>
#include <cctype>

#include "core/content.hpp"
#include "core/rules.hpp"

namespace buyin {

namespace {

// Whether a move of `cat` can get `verdict` somewhere in stages lo..hi (the rules of sim.cpp, read
// from the category x stage table plus the few verdicts the state decides).
bool verdict_possible(Category cat, int verdict, int lo, int hi, bool tied_pitch) {
  if (verdict < 0 || verdict == static_cast<int>(Verdict::neutral)) return true;
  for (int s = lo; s <= hi; ++s) {
    int f = category_fit(cat, s);
    // A pitch helps only when built on stated needs: a deck without such a pitch never gets it facilitated.
    if (cat == Category::pitch && verdict == static_cast<int>(Verdict::facilitated) && !tied_pitch) return false;
    if (cat == Category::give_space && verdict == static_cast<int>(Verdict::facilitated)) return true;
    if (cat == Category::situation && verdict == static_cast<int>(Verdict::pushed)) return true;  // overuse
    if (verdict == static_cast<int>(Verdict::facilitated) && f > 0) return true;
    if (verdict == static_cast<int>(Verdict::pushed) && f == -1) return true;
    if (verdict == static_cast<int>(Verdict::harmful) && f <= -2) return true;
  }
  return false;
}

// Whether `text` holds `word` (case-insensitive, whole words; a word may be several words long).
bool has_word(const std::string& text, const std::string& word);

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

const char* placeholder(const std::string& text) {
  std::string s = lower(text);
  for (const char* p : {"lorem", "todo", "xxx", "fixme", "tbd", "stakeholder 1", "stakeholder 2", "placeholder"})
    if (s.find(p) != std::string::npos) return p;
  return nullptr;
}

bool has_word(const std::string& text, const std::string& word) {
  const std::string t = lower(text), w = lower(word);
  if (w.empty()) return false;
  for (size_t pos = t.find(w); pos != std::string::npos; pos = t.find(w, pos + 1)) {
    bool left = pos == 0 || !std::isalnum(static_cast<unsigned char>(t[pos - 1]));
    size_t e = pos + w.size();
    bool right = e >= t.size() || !std::isalnum(static_cast<unsigned char>(t[e]));
    if (left && right) return true;
  }
  return false;
}

const char* const kStallNames[] = {"proposal", "think", "team", "later"};

// Words a card must not say about itself: the trainer's names for its kind of move. A card shows what
// the seller would say; "pitch", "rebut" or "push to close" on it hands the trainee the answer. Words
// a real seller says to a buyer ("demo", "discount", "pilot", "price") are the temptation and stay.
const std::vector<std::string>& category_words(Category k) {
  static const std::vector<std::string> w[kCategoryCount] = {
      {"facilitate", "facilitative", "open question", "help them think"},
      {"implication", "cost of inaction", "cost of staying put"},
      {"involve", "involve others", "stakeholder", "stakeholders", "consensus", "bring people in"},
      {"listen", "listening", "active listening"},
      {"give space", "give them space"},
      {"situation question", "fact-finding", "fact finding", "get the facts"},
      {"need-payoff", "need payoff", "payoff", "their value"},
      {"pitch", "pitches", "pitching", "presentation", "sales pitch", "present"},
      {"rebut", "rebuttal", "rebuttals", "objection", "objections", "handle objections", "argue", "counter"},
      {"pressure", "push", "pushy", "close", "closing", "push to close", "urgency", "hard sell"},
      {"de-risk", "derisk", "de-risking", "risk reversal"}};
  return w[static_cast<int>(k)];
}

}  // namespace

std::vector<Diagnostic> lint_content(const Content& c) {
  std::vector<Diagnostic> w;
  auto check_text = [&](const std::string& file, const std::string& ptr, const std::string& text) {
    if (const char* p = placeholder(text)) w.push_back({file, ptr, std::string("placeholder text (\"") + p + "\")"});
  };
  // A label naming its own category gives the answer away (content/README.md, "Cards in the seller's voice").
  auto check_label = [&](const std::string& file, const std::string& ptr, const MoveDef& m, const std::string& label) {
    for (const std::string& word : category_words(m.category))
      if (has_word(label, word)) {
        w.push_back({file, ptr, "the label \"" + label + "\" says \"" + word + "\", which names its own kind of move (" + to_string(m.category) +
                                    "): write what the seller would say instead"});
        return;
      }
  };
  for (size_t i = 0; i < c.moves.size(); ++i) {
    const MoveDef& m = c.moves[i];
    std::string p = "/moves/" + std::to_string(i);
    check_text("moves.json", p + "/label", m.label);
    check_label("moves.json", p + "/label", m, m.label);
    for (int wi = 0; wi < kWorldCount; ++wi)
      if (!m.world_label[static_cast<size_t>(wi)].empty())
        check_label("moves.json", p + "/worlds/" + to_string(static_cast<World>(wi)) + "/label", m, m.world_label[static_cast<size_t>(wi)]);
    for (size_t k = 0; k < m.phrasings.size(); ++k) check_text("moves.json", p + "/phrasings/" + std::to_string(k), m.phrasings[k]);
  }
  for (const Scenario& s : c.scenarios) {
    const std::string& f = s.file;
    for (const char* fld : {"title", "brief"}) check_text(f, std::string("/") + fld, fld[0] == 't' ? s.title : s.brief);
    check_text(f, "/offering/name", s.offering_name);
    check_text(f, "/offering/summary", s.offering_summary);
    bool can_involve = false;
    for (int mi : s.deck) can_involve |= c.moves[static_cast<size_t>(mi)].category == Category::involve_others;
    for (size_t i = 0; i < s.stakeholders.size(); ++i) {
      const StakeholderDef& sd = s.stakeholders[i];
      std::string p = "/stakeholders/" + std::to_string(i);
      check_text(f, p + "/name", sd.name);
      check_text(f, p + "/title", sd.title);
      check_text(f, p + "/personality", sd.personality);
      bool has_line = false;
      for (const LineDef& l : s.lines) has_line |= l.speaker == static_cast<int>(i);
      if (!has_line) w.push_back({f, p, "stakeholder \"" + sd.id + "\" has no lines of their own (only \"any\" lines)"});
      if (!sd.engaged && !can_involve)
        w.push_back({f, p, "stakeholder \"" + sd.id + "\" starts not engaged but the deck has no involve_others move"});
    }
    for (size_t i = 0; i < s.pool.size(); ++i) {
      const ConstraintDef& cd = s.pool[i];
      std::string p = "/constraints/pool/" + std::to_string(i);
      bool addressed = false;
      for (int mi : s.deck) addressed |= c.moves[static_cast<size_t>(mi)].addresses_type(cd.type);
      if (!addressed) w.push_back({f, p + "/type", std::string("no move in the deck addresses \"") + to_string(cd.type) + "\": the constraint can never be surfaced by a question"});
      if (cd.hints.empty()) w.push_back({f, p + "/hints", "constraint has no hint: the trainee can never learn of it"});
      check_text(f, p + "/summary", cd.summary);
      check_text(f, p + "/resolved", cd.resolved);
      for (size_t k = 0; k < cd.hints.size(); ++k) {
        check_text(f, p + "/hints/" + std::to_string(k), cd.hints[k]);
        if (cd.hints[k] == cd.summary) w.push_back({f, p + "/hints/" + std::to_string(k), "hint repeats the summary word for word: hints should be heard, not told"});
      }
    }
    for (size_t i = 0; i < s.lines.size(); ++i) {
      const LineDef& l = s.lines[i];
      std::string p = "/lines/" + std::to_string(i);
      check_text(f, p + "/text", l.text);
      if (l.category < 0 || l.stall) continue;
      Category cat = static_cast<Category>(l.category);
      // Stages in which a move of this category can be dealt at all.
      int lo = 8, hi = -1;
      bool tied = false;
      for (int mi : s.deck) {
        const MoveDef& m = c.moves[static_cast<size_t>(mi)];
        if (m.category != cat) continue;
        tied |= m.ties_to_need;
        lo = std::min(lo, std::max(m.min_stage, l.min_stage));
        hi = std::max(hi, std::min(m.max_stage, l.max_stage));
      }
      if (lo > hi) {
        w.push_back({f, p, std::string("unreachable: no move of category \"") + to_string(cat) + "\" can be played in this line's stages"});
      } else if (!verdict_possible(cat, l.verdict, lo, hi, tied)) {
        w.push_back({f, p, std::string("unreachable: a \"") + to_string(cat) + "\" move never gets the verdict \"" +
                               to_string(static_cast<Verdict>(l.verdict)) + "\" in these stages"});
      }
    }
    // --- dialogue (content/README.md section 4) -------------------------------------------------
    bool has_cat[kCategoryCount] = {};
    for (int mi : s.deck) has_cat[static_cast<int>(c.moves[static_cast<size_t>(mi)].category)] = true;
    // Stalls: pitches and de-risking ask for a proposal, time or the team; pressure gets "later" or
    // "think"; a rebuttal "think" or "team". Every stakeholder may be the one who says it.
    bool kind_possible[4] = {};
    if (has_cat[static_cast<int>(Category::pitch)] || has_cat[static_cast<int>(Category::de_risk)]) kind_possible[0] = kind_possible[1] = kind_possible[2] = true;
    if (has_cat[static_cast<int>(Category::pressure)]) kind_possible[3] = kind_possible[1] = true;
    if (has_cat[static_cast<int>(Category::rebuttal)]) kind_possible[1] = kind_possible[2] = true;
    for (size_t i = 0; i < s.stakeholders.size(); ++i) {
      std::string missing;
      for (int k = 0; k < 4; ++k) {
        if (!kind_possible[k]) continue;
        bool has = false;
        for (const LineDef& l : s.lines)
          has |= l.kind == LineKind::stall && (l.speaker < 0 || l.speaker == static_cast<int>(i)) && (l.stall_kind < 0 || l.stall_kind == k);
        if (!has) missing += std::string(missing.empty() ? "" : ", ") + kStallNames[k];
      }
      if (!missing.empty())
        w.push_back({f, "/stakeholders/" + std::to_string(i), "stakeholder \"" + s.stakeholders[i].id + "\" has no stall line (\"kind\": \"stall\") for: " + missing + "; the game falls back to a plain line"});
    }
    // Objections: the owner of a worry voices it; the next move answers it or moves past it.
    for (size_t i = 0; i < s.pool.size(); ++i) {
      const int owner = s.pool[i].owner;
      bool has = false;
      for (const LineDef& l : s.lines) has |= l.kind == LineKind::reply && l.after == LineAfter::objection && (l.speaker < 0 || l.speaker == owner);
      if (!has)
        w.push_back({f, "/constraints/pool/" + std::to_string(i), "\"" + s.stakeholders[static_cast<size_t>(owner)].id + "\" can raise \"" + s.pool[i].id +
                                                                     "\" as an objection but has no line for what follows (\"after\": \"objection\")"});
    }
    // Pushed or harmful moves the buyer answers with a reaction (no stall): they need their own lines.
    for (int k : {static_cast<int>(Category::situation), static_cast<int>(Category::implication), static_cast<int>(Category::pressure)}) {
      if (!has_cat[k]) continue;
      bool has = false;
      for (const LineDef& l : s.lines) {
        if (l.kind != LineKind::reply || l.filler() || l.after != LineAfter::none || l.on_given || l.about >= 0 || l.about_type >= 0) continue;
        const int lc = l.category >= 0 ? l.category : l.move >= 0 ? static_cast<int>(c.moves[static_cast<size_t>(l.move)].category) : -1;
        has |= (lc < 0 || lc == k) && (l.verdict < 0 ? lc == k : l.verdict >= static_cast<int>(Verdict::pushed));
      }
      if (!has)
        w.push_back({f, "/lines", std::string("no line answers a pushed \"") + to_string(static_cast<Category>(k)) + "\" move: it would get a plain built-in reply (fillers never answer a push)"});
    }
    for (size_t i = 0; i < s.lines.size(); ++i) {
      const LineDef& l = s.lines[i];
      if (l.move >= 0) {
        const MoveDef& m = c.moves[static_cast<size_t>(l.move)];
        if (std::max(m.min_stage, l.min_stage) > std::min(m.max_stage, l.max_stage))
          w.push_back({f, "/lines/" + std::to_string(i), "unreachable: the move \"" + m.id + "\" is never dealt in this line's stages"});
        else if (!verdict_possible(m.category, l.verdict, std::max(m.min_stage, l.min_stage), std::min(m.max_stage, l.max_stage), m.ties_to_need))
          w.push_back({f, "/lines/" + std::to_string(i), "unreachable: the move \"" + m.id + "\" never gets this verdict in these stages"});
      }
      if (l.stall && l.stall_kind >= 0 && !kind_possible[l.stall_kind])
        w.push_back({f, "/lines/" + std::to_string(i), std::string("unreachable: no move in the deck leads to a \"") + kStallNames[l.stall_kind] + "\" stall"});
    }
    for (const Scenario::Wording& wd : s.wording)
      if (wd.move >= 0 && !wd.label.empty()) {
        const MoveDef& m = c.moves[static_cast<size_t>(wd.move)];
        check_label(f, "/move_wording/" + m.id + "/label", m, wd.label);
      }
    // Words that do not belong in this world ("wrong_words" in moves.json).
    const std::vector<std::string>& wrong = c.wrong_words[static_cast<size_t>(s.world)];
    for (int mi : s.deck) {
      const MoveDef& m = c.moves[static_cast<size_t>(mi)];
      std::vector<std::string> texts = phrasings_for(m, s, mi);
      texts.push_back(label_for(m, s, mi));
      for (const std::string& word : wrong) {
        bool used = false;
        for (const std::string& t : texts) used |= has_word(t, word);
        if (used)
            w.push_back({f, "/deck", "the move \"" + m.id + "\" says \"" + word + "\", a word that does not fit a " + to_string(s.world) +
                                         " buyer: give it wording for the world (\"worlds\" in moves.json) or this scenario (\"move_wording\")"});
      }
    }
    bool can_commit = false;
    for (int mi : s.deck) {
      const MoveDef& m = c.moves[static_cast<size_t>(mi)];
      can_commit |= m.max_stage >= 7 && (m.category == Category::de_risk || m.category == Category::pressure || m.category == Category::pitch);
    }
    if (!can_commit) w.push_back({f, "/deck", "no de_risk, pitch or pressure move can be played at S7: a purchase is impossible"});
  }
  for (size_t i = 0; i < c.lessons.size(); ++i) {
    const Lesson& l = c.lessons[i];
    std::string p = "/lessons/" + std::to_string(i);
    check_text("onboarding.json", p + "/coach_intro", l.coach_intro);
    check_text("onboarding.json", p + "/idea", l.idea);
  }
  return w;
}

}  // namespace buyin
