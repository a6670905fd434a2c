#include "core/dialogue.hpp"

#include <algorithm>
#include <cassert>

#include "core/internal.hpp"
#include "core/rng.hpp"
#include "core/rules.hpp"

namespace buyin {

namespace {

uint64_t key_of(uint64_t h) { return h ? h : 1; }  // 0 marks an empty slot
size_t slot_of(const std::vector<uint64_t>& keys, uint64_t k) {
  const size_t mask = keys.size() - 1;
  size_t i = static_cast<size_t>(k ^ (k >> 29)) & mask;
  while (keys[i] != 0 && keys[i] != k) i = (i + 1) & mask;
  return i;
}

}  // namespace

void TalkMemory::add_hash(uint64_t h) {
  if (!said_in_meeting(h)) meeting.push_back(h);
  if (keys.empty()) { keys.assign(256, 0); counts.assign(256, 0); }
  const uint64_t k = key_of(h);
  size_t i = slot_of(keys, k);
  if (keys[i] == k) { ++counts[i]; return; }
  keys[i] = k;
  counts[i] = 1;
  if (++used * 2 <= keys.size()) return;
  // Half full: twice the room, every entry placed again (in slot order; only lookups read it).
  std::vector<uint64_t> old_keys(keys.size() * 2, 0);
  std::vector<int> old_counts(keys.size() * 2, 0);
  old_keys.swap(keys);
  old_counts.swap(counts);
  for (size_t j = 0; j < old_keys.size(); ++j) {
    if (old_keys[j] == 0) continue;
    const size_t s = slot_of(keys, old_keys[j]);
    keys[s] = old_keys[j];
    counts[s] = old_counts[j];
  }
}

bool TalkMemory::said_in_meeting(uint64_t h) const {
  for (uint64_t m : meeting)
    if (m == h) return true;
  for (uint64_t p : pending)
    if (p == h) return true;
  return false;
}

int TalkMemory::times(uint64_t h) const {
  int n = 0;
  for (uint64_t p : pending) n += p == h;
  if (used == 0) return n;
  const size_t i = slot_of(keys, key_of(h));
  return n + (keys[i] != 0 ? counts[i] : 0);
}

namespace {

void add_result(TalkMemory& m, const MoveResult& r) {
  for (const Reply& rep : r.replies) m.add_hash(rep.text_hash ? rep.text_hash : TalkMemory::text_hash(rep.text));
  if (r.meeting_ended) m.meeting.clear();
}

// What a result said, in one number: a history whose last result still has it is taken as unchanged.
uint64_t fingerprint(const MoveResult& r) {
  uint64_t h = mix64(r.replies.size() + (r.meeting_ended ? 1000 : 0));
  for (const Reply& rep : r.replies) h = mix64(h ^ (rep.text_hash ? rep.text_hash : TalkMemory::text_hash(rep.text)));
  return h;
}

}  // namespace

void TalkMemory::rebuild(const std::vector<MoveResult>* results) {
  pending.clear();
  meeting.clear();
  if (used) {
    std::fill(keys.begin(), keys.end(), 0);
    used = 0;
  }
  synced = results;
  synced_n = 0;
  synced_last = 0;
  if (results) sync(results);  // from an empty memory: every result is new
}

void TalkMemory::sync(const std::vector<MoveResult>* results) {
  const bool extends = results && results == synced && results->size() >= synced_n &&
                       (synced_n == 0 || fingerprint((*results)[synced_n - 1]) == synced_last);
  if (!extends) { rebuild(results); return; }
  pending.clear();
  for (size_t i = synced_n; i < results->size(); ++i) add_result(*this, (*results)[i]);
  synced_n = results->size();
  synced_last = synced_n ? fingerprint(results->back()) : 0;
}

namespace {

// A candidate line: its text is `src` filled for the speaker (a scenario line), or `plain` followed by
// `tail` filled (a built-in line, or a lead-in before a resolved line). Only the hash is compared.
struct Cand {
  int spec;
  uint64_t h;
  int index;  // line index, or -1 for a plain line
  const std::string* src;
  const char* plain;
  const std::string* tail;
};

// Candidates on the stack; a scenario with very many matching lines spills to the heap.
struct Cands {
  Cand local[48];
  std::vector<Cand> heap;
  int n = 0;
  Cand* data() { return heap.empty() ? local : heap.data(); }
  Cand& operator[](int i) { return data()[i]; }
  void push(const Cand& c) {
    if (heap.empty() && n < 48) { local[n++] = c; return; }
    if (heap.empty()) heap.assign(local, local + n);
    heap.push_back(c);
    ++n;
  }
};

uint64_t filled_hash(const Scenario& sc, int speaker, const std::string& text) {
  if (text.find('{') == std::string::npos) return TalkMemory::text_hash(text);
  return TalkMemory::text_hash(fill_text(sc, speaker, text));
}

bool indexed(const Scenario& sc) { return sc.lines_indexed == sc.lines.size() && sc.line_hash.size() == sc.lines.size(); }

}  // namespace

uint64_t line_hash_for(const Scenario& sc, int speaker, int line) {
  const uint64_t h = indexed(sc) ? sc.line_hash[static_cast<size_t>(line)] : 0;
  return h ? h : filled_hash(sc, speaker, sc.lines[static_cast<size_t>(line)].text);
}

namespace {

// Calls f(index) for every line of `kind`, in line order (the kind index when built, else a scan).
template <class F>
void each_line(const Scenario& sc, LineKind kind, F f) {
  if (indexed(sc)) {
    for (int i : sc.lines_of_kind[static_cast<size_t>(kind)]) f(i);
  } else {
    for (size_t i = 0; i < sc.lines.size(); ++i)
      if (sc.lines[i].kind == kind) f(static_cast<int>(i));
  }
}

void add_line(Cands& cs, const Scenario& sc, int speaker, int spec, int index) {
  cs.push({spec, line_hash_for(sc, speaker, index), index, &sc.lines[static_cast<size_t>(index)].text, nullptr, nullptr});
}


uint64_t plain_hash(const char* t) { return TalkMemory::text_hash(t, std::char_traits<char>::length(t)); }

void add_plain(Cands& cs, int spec, const char* t, uint64_t h = 0) { cs.push({spec, h ? h : plain_hash(t), -1, nullptr, t, nullptr}); }

std::string text_of(const Scenario& sc, int speaker, const Cand& c) {
  if (c.src) return fill_text(sc, speaker, *c.src);
  std::string t = c.plain ? c.plain : "";
  if (c.tail) t += fill_text(sc, speaker, *c.tail);
  return t;
}

// The most specific candidate not said in this meeting (a less specific one before a repeat); among
// those the one said least often in this game, then the seed. -1 when there is no candidate.
int choose(Cands& cs, const TalkMemory* mem, Rng& rng) {
  const int n = cs.n;
  if (n == 0) return -1;
  const Cand* c = cs.data();
  detail::SmallBuf<int, 48> ties(static_cast<size_t>(n));
  // Pass 0: the most specific line never said in this game; pass 1: not said in this meeting (the
  // least said first); pass 2: the most specific line, repeated (only when every line was said).
  for (int pass = 0; pass < 3; ++pass) {
    int above = 1 << 30;  // the specificities are walked from the highest down, each once
    for (;;) {
      int s = -(1 << 30);
      for (int i = 0; i < n; ++i)
        if (c[i].spec < above && c[i].spec > s) s = c[i].spec;
      if (s == -(1 << 30)) break;
      above = s;
      int best = 1 << 30, nt = 0;
      for (int i = 0; i < n; ++i) {
        if (c[i].spec != s) continue;
        const bool said = mem && mem->said_in_meeting(c[i].h);
        if (pass < 2 && said) continue;
        const int t = mem ? mem->times(c[i].h) : 0;
        if (pass == 0 && t > 0) continue;
        if (t < best) { best = t; nt = 0; }
        if (t == best) ties[static_cast<size_t>(nt++)] = i;
      }
      if (nt > 0) return ties[static_cast<size_t>(rng.below(nt))];
      if (pass == 2) break;
    }
  }
  return 0;
}

bool about_matches(const Scenario& sc, const LineDef& l, int def) {
  if (l.about >= 0) return l.about == def;
  if (l.about_type >= 0) return static_cast<int>(sc.pool[static_cast<size_t>(def)].type) == l.about_type;
  return true;
}

bool any_in(const Scenario& sc, const State& st, const LineDef& l, IndexList set) {
  for (int i : set)
    if (about_matches(sc, l, st.constraints[static_cast<size_t>(i)].def)) return true;
  return false;
}

}  // namespace

int line_specificity(const LineDef& l) {
  const bool event = l.on_given && l.on != LineOn::open;
  const bool open = !event && (l.about >= 0 || l.about_type >= 0);
  return (l.move >= 0 ? 32 : 0) + (event ? 16 : 0) + (l.after != LineAfter::none ? 16 : 0) + (l.category >= 0 ? 8 : 0) +
         (l.verdict >= 0 ? 4 : 0) + (l.speaker >= 0 ? 2 : 0) + ((open || l.min_stage > 0 || l.max_stage < 7) ? 1 : 0);
}

namespace {

// line_matches past the keys Scenario::lines_for buckets by (kind, speaker, category, verdict,
// "after", a push's filler): what a line from the right bucket must still pass.
bool line_fits(const Scenario& sc, const State& st, const LineDef& l, const ReplyContext& rc) {
  if (l.move >= 0 && l.move != rc.move) return false;
  if (rc.stage < l.min_stage || rc.stage > l.max_stage) return false;
  if (l.after != LineAfter::none && l.answered >= 0 && l.answered != (rc.answered ? 1 : 0)) return false;
  if (l.on_given && l.on != LineOn::open) {
    const IndexList set = l.on == LineOn::hint ? rc.hinted : l.on == LineOn::worked ? rc.worked : rc.resolved;
    if (!any_in(sc, st, l, set)) return false;
  } else if (l.about >= 0 || l.about_type >= 0) {
    // A worry is talked about only while it is drawn and still open.
    bool open = false;
    for (const ConstraintState& cs : st.constraints)
      open |= about_matches(sc, l, cs.def) && cs.progress < kResolved;
    if (!open) return false;
  }
  return true;
}

}  // namespace

bool line_matches(const Scenario& sc, const State& st, const LineDef& l, const ReplyContext& rc) {
  if (l.kind != LineKind::reply) return false;
  if (l.speaker >= 0 && l.speaker != rc.speaker) return false;
  if (l.category >= 0 && l.category != static_cast<int>(rc.category)) return false;
  if (l.verdict >= 0 && l.verdict != static_cast<int>(rc.verdict)) return false;
  if (l.after != LineAfter::none && l.after != rc.after) return false;
  const bool push = rc.verdict == Verdict::pushed || rc.verdict == Verdict::harmful;
  if (push && l.filler()) return false;  // a push never gets an encouraging filler
  return line_fits(sc, st, l, rc);
}

int pick_line(const Scenario& sc, const State& st, const ReplyContext& rc, const TalkMemory& mem, Rng& rng) {
  Cands cs;
  const size_t np = sc.stakeholders.size();
  if (indexed(sc) && sc.lines_for_start.size() == kCategoryCount * np * kVerdictCount * kLineAfterCount + 1 && rc.speaker >= 0 &&
      static_cast<size_t>(rc.speaker) < np) {
    // Only the lines that can answer this category, speaker, verdict and "after" (index_content), in
    // line order as a scan would.
    const size_t b = line_bucket(static_cast<int>(np), rc.category, rc.speaker, rc.verdict, rc.after);
    const int* it = sc.lines_for.data() + sc.lines_for_start[b];
    const int* end = sc.lines_for.data() + sc.lines_for_start[b + 1];
    for (; it != end; ++it) {
      const int i = *it;
      const LineDef& l = sc.lines[static_cast<size_t>(i)];
      assert(line_matches(sc, st, l, rc) == line_fits(sc, st, l, rc));
      if (!line_fits(sc, st, l, rc)) continue;
      const uint64_t h = sc.line_hash[static_cast<size_t>(i)];  // 0: it names the speaker
      cs.push({sc.line_spec[static_cast<size_t>(i)], h ? h : filled_hash(sc, rc.speaker, l.text), i, &l.text, nullptr, nullptr});
    }
  } else {
    for (size_t i = 0; i < sc.lines.size(); ++i) {
      const LineDef& l = sc.lines[i];
      if (!line_matches(sc, st, l, rc)) continue;
      add_line(cs, sc, rc.speaker, line_specificity(l), static_cast<int>(i));
    }
  }
  int k = choose(cs, &mem, rng);
  return k < 0 ? -1 : cs[k].index;
}

int select_line(const Scenario& sc, int speaker, Category cat, Verdict v, int stage, Rng& rng) {
  int best = -1, nties = 0;
  detail::SmallBuf<int, 128> ties(sc.lines.size());
  for (size_t i = 0; i < sc.lines.size(); ++i) {
    const LineDef& l = sc.lines[i];
    if (l.kind != LineKind::reply || l.move >= 0 || l.about >= 0 || l.about_type >= 0 || l.on_given || l.after != LineAfter::none) continue;
    if (l.speaker >= 0 && l.speaker != speaker) continue;
    if (l.category >= 0 && l.category != static_cast<int>(cat)) continue;
    if (l.verdict >= 0 && l.verdict != static_cast<int>(v)) continue;
    if (stage < l.min_stage || stage > l.max_stage) continue;
    int spec = (l.speaker >= 0 ? 4 : 0) + (l.category >= 0 ? 2 : 0) + (l.verdict >= 0 ? 1 : 0);
    if (spec > best) { best = spec; nties = 0; }
    if (spec == best) ties[static_cast<size_t>(nties++)] = static_cast<int>(i);
  }
  if (nties == 0) return -1;
  return ties[static_cast<size_t>(rng.below(nties))];
}

std::string stall_line(const Scenario& sc, int speaker, Stall s, int stage, Rng& rng, const TalkMemory* mem) {
  Cands cs;
  each_line(sc, LineKind::stall, [&](int i) {
    const LineDef& l = sc.lines[static_cast<size_t>(i)];
    if ((l.speaker >= 0 && l.speaker != speaker) || stage < l.min_stage || stage > l.max_stage) return;
    if (l.stall_kind >= 0 && l.stall_kind != static_cast<int>(s)) return;
    add_line(cs, sc, speaker, (l.stall_kind >= 0 ? 4 : 0) + (l.speaker >= 0 ? 2 : 0), i);
  });
  // Plain lines a buyer in any world would say; a household talks it over at home, not with a team.
  const bool home = sc.world == World::consumer;
  static const char* const kLines[kStallCount][3] = {
      {"Could you put something in writing for us? We'll have a look.", "Send us a proposal and we'll read it.",
       "Email it over and we'll go through it when we can."},
      {"Let us think about it.", "Okay. We'll need to think about that.", "Give us some time to mull it over."},
      {"I'd have to run that past the others first.", "Let me take it back to the team.", "That's not mine alone to say. I'll raise it internally."},
      {"Maybe we pick this up again in a few months.", "Now isn't a good time. Let's revisit it later.", "Can we come back to this after the quarter?"}};
  static const char* const kHome[kStallCount][3] = {
      {"Could you write the numbers down for us? We'll look at them at home.", "Can we take a brochure and the figures?",
       "Jot the price down for us, would you?"},
      {"Let us think about it.", "We'll need to think about that.", "Let us sleep on it."},
      {"We'd want to talk it over at home first.", "We'll talk about it over dinner.", "That's a decision for both of us, at home."},
      {"Maybe after the summer.", "Not this month. We'll see.", "Let's leave it for now. We'll come back."}};
  // Their hashes, once (these lines come up on every push).
  static const struct Hashes {
    uint64_t h[2][kStallCount][3];
    Hashes() {
      for (int w = 0; w < 2; ++w)
        for (int k = 0; k < kStallCount; ++k)
          for (int j = 0; j < 3; ++j) h[w][k][j] = plain_hash((w ? kHome : kLines)[k][j]);
    }
  } hashes;
  for (int k = 0; k < 3; ++k)
    add_plain(cs, -1, (home ? kHome : kLines)[static_cast<int>(s)][k], hashes.h[home ? 1 : 0][static_cast<int>(s)][k]);  // plain lines only when every written line was said in this meeting
  // A written line beats a plain one even when both are unsaid: written lines are given spec >= 0.
  return text_of(sc, speaker, cs[choose(cs, mem, rng)]);
}

std::string worry_line(const Scenario& sc, const State& st, int constraint, Rng& rng, const TalkMemory& mem) {
  const int def = st.constraints[static_cast<size_t>(constraint)].def;
  const ConstraintDef& cd = sc.pool[static_cast<size_t>(def)];
  Cands cs;
  const bool hh = cd.hint_hash.size() == cd.hints.size();
  for (size_t i = 0; i < cd.hints.size(); ++i) {
    const uint64_t h = hh ? cd.hint_hash[i] : 0;
    cs.push({0, h ? h : filled_hash(sc, cd.owner, cd.hints[i]), -1, &cd.hints[i], nullptr, nullptr});
  }
  each_line(sc, LineKind::worry, [&](int i) {
    const LineDef& l = sc.lines[static_cast<size_t>(i)];
    if (!about_matches(sc, l, def) || (l.speaker >= 0 && l.speaker != cd.owner)) return;
    if (st.stage < l.min_stage || st.stage > l.max_stage) return;
    add_line(cs, sc, cd.owner, 0, i);
  });
  // Only when every way of saying it was heard in this meeting: the owner comes back to it plainly.
  static const char* const kAgain[] = {"Like I said. That hasn't gone away.", "I keep coming back to the same thing, I know.",
                                       "Which brings me back to my worry.", "I'll say it again, because it matters to me.",
                                       "That's still sitting there, whatever else we talk about.", "Sorry, but that's still my question."};
  for (const char* t : kAgain) add_plain(cs, -1, t);
  return text_of(sc, cd.owner, cs[choose(cs, &mem, rng)]);
}

std::string resolved_line(const Scenario& sc, const State& st, int constraint, bool news, Rng& rng, const TalkMemory& mem) {
  const int def = st.constraints[static_cast<size_t>(constraint)].def;
  const ConstraintDef& cd = sc.pool[static_cast<size_t>(def)];
  if (!news) return fill_text(sc, cd.owner, cd.resolved);
  Cands cs;
  each_line(sc, LineKind::news, [&](int i) {
    const LineDef& l = sc.lines[static_cast<size_t>(i)];
    if (!about_matches(sc, l, def) || (l.speaker >= 0 && l.speaker != cd.owner)) return;
    add_line(cs, sc, cd.owner, l.about >= 0 ? 1 : 0, i);
  });
  if (cs.n > 0) return text_of(sc, cd.owner, cs[choose(cs, &mem, rng)]);
  // The plain lead-in keeps the resolved line as written (it may start with a name).
  static const char* const kLead[] = {"Something I hadn't mentioned, and it's sorted now. ", "One thing I never brought up, because it's settled. ",
                                      "You didn't know this, but it had been bothering me. It's dealt with. "};
  return std::string(kLead[rng.below(3)]) + fill_text(sc, cd.owner, cd.resolved);
}

std::string settled_line(const Scenario& sc, const State& st, int constraint, Rng& rng, const TalkMemory& mem) {
  const int def = st.constraints[static_cast<size_t>(constraint)].def;
  const ConstraintDef& cd = sc.pool[static_cast<size_t>(def)];
  Cands cs;
  each_line(sc, LineKind::news, [&](int i) {
    const LineDef& l = sc.lines[static_cast<size_t>(i)];
    if (!about_matches(sc, l, def) || (l.speaker >= 0 && l.speaker != cd.owner)) return;
    add_line(cs, sc, cd.owner, 1, i);
  });
  static const char* const kLead[] = {"There was something, but it's behind us now. ", "That one's settled, for what it's worth. ",
                                      "It doesn't matter any more, it's dealt with. "};
  const std::string r = fill_text(sc, cd.owner, cd.resolved);
  for (const char* k : kLead) cs.push({0, TalkMemory::text_hash(k + r), -1, nullptr, k, &cd.resolved});
  return text_of(sc, cd.owner, cs[choose(cs, &mem, rng)]);
}

namespace {
std::string special(const Scenario& sc, LineKind kind, int speaker, int stage, Rng& rng) {
  Cands cs;
  each_line(sc, kind, [&](int i) {
    const LineDef& l = sc.lines[static_cast<size_t>(i)];
    if ((l.speaker >= 0 && l.speaker != speaker) || stage < l.min_stage || stage > l.max_stage) return;
    add_line(cs, sc, speaker, l.speaker >= 0 ? 1 : 0, i);
  });
  int k = choose(cs, nullptr, rng);
  return k < 0 ? std::string() : text_of(sc, speaker, cs[k]);
}
}  // namespace

std::string farewell_line(const Scenario& sc, int speaker, int stage, Rng& rng) {
  std::string t = special(sc, LineKind::farewell, speaker, stage, rng);
  if (!t.empty()) return t;
  if (sc.world == World::consumer) return rng.below(2) ? "I think we're done here. Thanks." : "We'll leave it there, thank you.";
  return rng.below(2) ? "I think we'll leave it there. Thank you for your time." : "We won't be taking this further. Thanks for coming in.";
}

std::string purchase_line(const Scenario& sc, int speaker, int stage, Rng& rng) {
  std::string t = special(sc, LineKind::purchase, speaker, stage, rng);
  if (!t.empty()) return t;
  if (sc.world == World::consumer) return rng.below(2) ? "Yes. Let's do it. Where do we sign?" : "Okay. We'll take it.";
  return rng.below(2) ? "Yes. Let's go ahead: send the contract and we'll sign." : "We're agreed. Let's do it.";
}

std::string pushed_line(const Scenario& sc, Category cat, Verdict v, Rng& rng, const TalkMemory& mem) {
  (void)sc;
  Cands cs;
  auto add = [&](const char* t) { add_plain(cs, 0, t); };
  switch (cat) {
    case Category::situation: add("We've covered a lot of that already."); add("More questions? I thought we'd been through this."); break;
    case Category::implication: add("I know what's at stake. That's exactly what worries me."); add("You don't need to tell me what could go wrong."); break;
    case Category::pitch: add("I'm sure it's good. We're not there yet."); add("That's a lot of product for where we are."); break;
    case Category::rebuttal: add("I didn't say it to be argued out of it."); add("Hm. That's not really the point."); break;
    case Category::pressure: add("I don't make decisions like that."); add("That's not going to hurry us."); break;
    case Category::de_risk: add("We're not at the point of safety nets yet."); add("Let's not get ahead of ourselves."); break;
    default: add("Hm. I'm not sure that helps."); add("Let's leave that for now."); break;
  }
  if (v == Verdict::harmful) add("I don't appreciate being pushed.");
  return cs[choose(cs, &mem, rng)].plain;
}

std::string nonverbal_line(const Scenario& sc, int speaker, bool push, Rng& rng, const TalkMemory& mem) {
  static const char* const kCalm[] = {"(nods)", "(nods slowly, thinking)", "(waits for you to go on)", "(makes a note)",
                                      "(looks at the others, then back at you)", "(takes a sip of coffee and listens)"};
  static const char* const kCool[] = {"(folds their arms)", "(glances at the clock)", "(says nothing)", "(leans back, unconvinced)",
                                      "(looks at their notes instead of at you)", "(gives a tight smile)"};
  const std::string& who = speaker >= 0 && speaker < static_cast<int>(sc.stakeholders.size()) ? sc.stakeholders[static_cast<size_t>(speaker)].name : std::string();
  std::string texts[6];
  Cands cs;
  int k = 0;
  for (const char* t : push ? kCool : kCalm) {
    std::string& s = texts[k++];
    s = t;
    if (!who.empty()) {
      size_t sp = who.find(' ');
      if (sp != std::string::npos && sp > 0 && who[sp - 1] == '.') sp = who.find(' ', sp + 1);  // "Dr. Haddad"
      s = "(" + who.substr(0, sp) + " " + s.substr(1);
    }
    cs.push({0, TalkMemory::text_hash(s), -1, &s, nullptr, nullptr});
  }
  return text_of(sc, -1, cs[choose(cs, &mem, rng)]);
}

static void replace_all(std::string& s, const std::string& from, const std::string& to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) { s.replace(pos, from.size(), to); pos += to.size(); }
}

std::string fill_text(const Scenario& sc, int speaker, const std::string& text) {
  if (text.find('{') == std::string::npos) return text;  // most lines have no placeholder
  std::string s = text;
  replace_all(s, "{offering}", sc.offering_name);
  if (speaker >= 0 && speaker < static_cast<int>(sc.stakeholders.size()))
    replace_all(s, "{name}", sc.stakeholders[static_cast<size_t>(speaker)].name);
  return s;
}

}  // namespace buyin
