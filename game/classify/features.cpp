// Sentence -> words -> hashed features (words, word pairs, word-class pairs, cues). Integers only; the same buckets on every platform.
#include <algorithm>

#include "classify/classify.hpp"

namespace buyin::classify {

// ---------------------------------------------------------------------------------------------
// Normalizing: ASCII letters lower-cased, Latin-1 accents folded ("Tomás" -> "tomas"),
// apostrophes dropped ("what's" and the typed "whats" are one word), "?" kept as a word, every
// other byte a separator (emoji, other scripts and control characters simply vanish).
// ---------------------------------------------------------------------------------------------
namespace {
// U+00C0..U+00FF folded to ASCII (0 = separator).
const char kLatin1[65] =
    "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts"  // C0..DF (D7 multiplication sign, DF sharp s -> s)
    "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";  // E0..FF (F7 division sign)
}

std::string normalize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = true;
  auto sep = [&] { if (!space) { out += ' '; space = true; } };
  auto put = [&](char c) { out += c; space = false; };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') put(static_cast<char>(c - 'A' + 'a'));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) put(static_cast<char>(c));
      else if (c == '\'') continue;                 // joins "what's"
      else if (c == '?') { sep(); put('?'); sep(); }
      else sep();
      continue;
    }
    // Multi-byte UTF-8: fold Latin-1 letters, drop the rest (a right single quote joins words).
    if ((c == 0xC3) && i + 1 < text.size()) {
      unsigned char d = static_cast<unsigned char>(text[i + 1]);
      ++i;
      if (d >= 0x80 && d <= 0xBF) {
        char f = kLatin1[d - 0x80 + 0x00];
        if (f) put(f); else sep();
      } else sep();
      continue;
    }
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x99) { i += 2; continue; }  // U+2019
    sep();
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> ws;
  std::string n = normalize(text), w;
  for (char c : n) {
    if (c == ' ') { if (!w.empty()) ws.push_back(w); w.clear(); }
    else w += c;
  }
  if (!w.empty()) ws.push_back(w);
  return ws;
}

// FNV-1a, 32 bits, then a final mix so the top bits (the bucket) are well spread.
namespace {
uint32_t fnv(std::string_view s, uint32_t h = 2166136261u) {
  for (unsigned char c : s) { h ^= c; h *= 16777619u; }
  return h;
}
uint32_t finish(uint32_t h) {
  h ^= h >> 16; h *= 0x85EBCA6Bu; h ^= h >> 13; h *= 0xC2B2AE35u; h ^= h >> 16;
  return h;
}
}  // namespace

uint32_t hash_word(std::string_view w) { return finish(fnv(w, fnv("w:"))); }

// ---------------------------------------------------------------------------------------------
// Cues: phrases a sales trainer hears as the mark of a kind of move ("let me show", "you said",
// "how many", "what happens if", "by Friday"). Matched at word boundaries in the normalized text
// and weighted three times a word: with 400 sentences a model cannot find these on its own.
// They name what a move does, never a scenario; each cue helps several categories apart.
// ---------------------------------------------------------------------------------------------
namespace {
struct Cue { const char* name; std::vector<const char*> phrases; };
const std::vector<Cue>& cues() {
  static const std::vector<Cue> c = {
    {"we", {" we ", " our ", " us ", " ours ", "weve ", " were "}},
    {"show", {"let me show", "show you", "demo", "walk you through", "share my screen", "take you through", "pull up", "check out"}},
    {"i_can", {"i can ", "ill ", "i will ", "i could "}},
    {"you_said", {"you said", "you mentioned", "you told", "i heard", "im hearing", "if i understand", "if i heard", "sounds like", "it seems", "you seem", "i get the sense", "so basically", "to sum up", "to recap", "let me check", "play that back", "repeat back", "taking away", "have i got", "did i get", "is that right", "is that fair", "fair ?", "close ?"}},
    {"say_more", {"tell me more", "say more", "go on", "keep going", "what do you mean", "how do you mean", "example", "whats behind", "and then", "what were you about"}},
    {"stop", {"stop here", "leave it", "call it a day", "wrap up", "finish early", "end here", "pick this up", "talk again", "pause", "no rush", "no need to decide", "take your time", "sleep on it", "in your own time", "get out of your way", "break here", "leave you with", "reconvene", "give you some space", "when youre ready", "after you"}},
    {"when_fact", {"how many", "how much", "how long", "which ", "when does", "when do", "when is", "what version", "what system", "who is your", "how often", "what hours", "headcount", "how big", "how is the team"}},
    {"if_nothing", {"if nothing", "what happens", "cost you", "costing", "if it keeps", "when this goes wrong", "what would waiting", "risk of", "how long can", "knock on", "what does it do", "what did", "exposed", "if you add up", "lose"}},
    {"if_solved", {"if this were", "if it worked", "if this worked", "if you could", "what would it mean", "what would be different", "success", "benefit", "better", "easier", "glad", "gain", "win for", "worth to you", "payoff", "value", "measure", "must have", "must-have", "in your own words", "just worked", "sorted", "fixed", "solved"}},
    {"others", {"next time", "next conversation", "join", "in the room", "invite", "bring", "involve", "loop in", "would they", "would he", "would she", "her ", "his ", "their ", "them ", "talk to", "who else", "who would have to", "whose", "have a say", "hear it", "heads up", "run this past"}},
    {"pilot", {"pilot", "trial", "test drive", "start small", "one team", "one site", "exit", "cancel", "guarantee", "walk away", "phase", "split", "rollout", "roll out", "go live", "migration", "recommend", "ready to decide", "go ahead", "a yes", "standing between", "run alongside", "handover", "wind down", "questionnaire", "paperwork", "success criteria", "in steps", "safety net", "protected"}},
    {"push_time", {"this week", "by friday", "friday", "end of the quarter", "end of the month", "today", "tomorrow", "end of day", "now", "before prices", "price goes up", "only until", "slots", "slot", "waiting list", "last one", "last car", "january", "march", "lock", "sign", "signature", "contract", "book the", "put you down", "go ahead and", "paperwork started"}},
    {"fear", {"competitor", "fall behind", "left behind", "regret", "blamed", "miss out", "your boss", "your ceo", "above you", "over their", "hard on you", "everyone in your", "neighbours"}},
    {"argue", {"but ", "actually", "honestly", "really", "with respect", "respectfully", "trust me", "dont worry", "no problem", "not really", "not complicated", "seamless", "pays for itself", "investment", "cheaper", "overblown", "misconception", "formality", "push back", "argue", "everybody knows", "came round", "common", "isnt working", "holding you back", "used to it", "wont even notice", "otherwise"}},
    {"you_q", {"what would you", "how would you", "how do you", "what do you", "who would", "how will you", "what has", "whats made", "who has", "who decides", "who built"}},
  };
  return c;
}
}  // namespace

std::vector<std::string> cues_of(std::string_view text) {
  std::string padded = " " + normalize(text) + " ";
  std::vector<std::string> out;
  // A concession followed by a contrast ("I hear you, but...", "Fair point, though...") is an
  // argument in the making, whatever words come after it.
  {
    static const char* ack[] = {" i hear you", " i get it", " i get that", " i understand", " understood", " fair point", " fair enough",
                                " i see your point", " i see where", " totally", " sure ", " yes ", " yeah ", " ok ", " okay ", " i know ",
                                " granted", " of course", " absolutely", " you said", " you say", " you mentioned", " i appreciate", " i agree"};
    size_t first = std::string::npos;
    for (const char* a : ack) first = std::min(first, padded.find(a));
    if (first != std::string::npos)
      for (const char* c : {" but ", " though ", " however ", " still "})
        if (padded.find(c, first) != std::string::npos) { out.push_back("concede"); break; }
  }
  for (const Cue& c : cues())
    for (const char* p : c.phrases) {
      std::string pat(p);
      // A pattern without its own leading space starts at a word boundary.
      if (pat.front() != ' ') pat = " " + pat;
      if (padded.find(pat) != std::string::npos) { out.push_back(c.name); break; }
    }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Word classes: a few closed sets a linguist would group (who is speaking or spoken to, people
// in authority, groups of staff, time, numbers, contrast, negation, praise, the product). Pairs
// over words-with-classes let "talk to your CFO" learn from "talk to your boss", and a clinic
// sentence learn from a school one.
// ---------------------------------------------------------------------------------------------
namespace {
struct WordClass { const char* name; std::vector<const char*> words; };
const std::vector<WordClass>& word_classes() {
  static const std::vector<WordClass> c = {
    {"SELF", {"i", "we", "me", "us", "our", "ours", "my", "ill", "weve", "id", "im", "ive", "wed", "lets"}},
    {"YOU", {"you", "your", "yours", "youre", "youll", "youd", "youve", "u", "ur", "yourself", "yourselves", "ya"}},
    {"AUTH", {"boss", "manager", "director", "directors", "ceo", "cfo", "cto", "cio", "coo", "md", "superintendent", "principal", "headteacher", "board", "committee", "chair", "president", "vp", "chief", "owner", "owners", "governors", "supervisor", "dean", "partners", "management", "head", "bosses", "executive", "executives"}},
    {"GROUP", {"team", "teams", "staff", "people", "users", "nurses", "doctors", "teachers", "drivers", "clinicians", "colleagues", "engineers", "admins", "crew", "employees", "workers", "officers", "clerks", "agents", "reps", "everyone", "everybody", "folks", "guys", "shift", "department", "departments"}},
    {"TIME", {"today", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "week", "weeks", "month", "months", "quarter", "year", "years", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "noon", "morning", "afternoon", "spring", "summer", "autumn", "winter", "days", "day"}},
    {"NUM", {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "ninety", "hundred", "thousand", "half", "percent", "first", "second", "third", "fourth"}},
    {"BUT", {"but", "though", "however", "yet", "although", "still"}},
    {"NEG", {"not", "no", "never", "dont", "doesnt", "isnt", "wont", "cant", "arent", "wouldnt", "shouldnt", "didnt", "nothing", "nobody", "none", "hasnt", "havent", "couldnt", "aint"}},
    {"PRAISE", {"great", "best", "easy", "easiest", "simple", "simplest", "love", "amazing", "impressive", "powerful", "perfect", "brilliant", "fantastic", "seamless", "intuitive", "awesome", "incredible", "leading", "unique", "exciting", "beautiful", "smart", "nice", "superior", "proven"}},
    {"PRODUCT", {"product", "platform", "tool", "software", "solution", "app", "module", "package", "dashboard", "features", "feature", "suite", "version", "system", "plan", "plans", "service", "offer", "deal", "price", "discount"}},
  };
  return c;
}
}  // namespace

std::string word_class(std::string_view w) {
  if (!w.empty() && w.find_first_not_of("0123456789") == std::string_view::npos) return "NUM";
  for (const WordClass& c : word_classes())
    for (const char* x : c.words)
      if (w == x) return c.name;
  return "";
}

std::vector<uint32_t> features(std::string_view text, uint32_t bucket_bits) {
  std::vector<std::string> ws = words(text);
  std::vector<uint32_t> f;
  const uint32_t shift = 32 - bucket_bits;
  auto add = [&](uint32_t h) { f.push_back(finish(h) >> shift); };
  add(fnv("<bias>"));
  std::string prev = "<s>";
  for (const std::string& w : ws) {
    add(fnv(w, fnv("w:")));
    add(fnv(w, fnv(" ", fnv(prev, fnv("b:")))));
    prev = w;
  }
  add(fnv("</s>", fnv(" ", fnv(prev, fnv("b:")))));
  // Each class seen, and pairs over words-with-classes ("talk to YOU AUTH") where a class is
  // involved (the plain word pairs are above).
  {
    std::string pc = "<s>"; bool pcls = true;
    for (const std::string& w : ws) {
      std::string c = word_class(w);
      std::string tok = c.empty() ? w : c;
      if (!c.empty()) add(fnv(c, fnv("c:")));
      if (!c.empty() || pcls) add(fnv(tok, fnv(" ", fnv(pc, fnv("cb:")))));
      pc = tok; pcls = !c.empty();
    }
    if (pcls) add(fnv("</s>", fnv(" ", fnv(pc, fnv("cb:")))));
  }
  for (const std::string& c : cues_of(text))
    for (const char* copy : {"q1:", "q2:", "q3:"}) add(fnv(c, fnv(copy)));
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

}  // namespace buyin::classify
