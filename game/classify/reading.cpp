// From scores to a reading: category, concerns touched, target, nearest deck move, confidence.
#include <algorithm>

#include "classify/classify.hpp"

namespace buyin::classify {

// ---------------------------------------------------------------------------------------------
// Concerns touched: keywords per constraint type. A plain word is a prefix of a word ("cost"
// finds "costs", "costing"); a pattern with a space is matched at a word start in the sentence.
// Simpler than a model and easy to correct; its recall on the corpus is reported by --eval.
// ---------------------------------------------------------------------------------------------
namespace {
struct Keywords { ConstraintType type; std::vector<const char*> words; };
const std::vector<Keywords>& lexicon() {
  static const std::vector<Keywords> k = {
    {ConstraintType::budget, {"budget", "money", "cost", "price", "pricing", "spend", "pay ", "pays", "paid", "afford",
                              "fund", "invest", "cheap", "expensive", "finance", "roi", "discount", "saving", "dollar", "euro",
                              "overtime", "lost sales", "worth to you", "money back"}},
    {ConstraintType::tech_overlap, {"tool", "system", "software", "integrat", "spreadsheet", "excel", "server", "crm", "erp",
                                    "cloud", "platform", "sync", "migrat", "data", "double entry", "workaround", "setup",
                                    "architecture", "it team", "it people", "your it", "it manager", "from it", "version",
                                    "module", "read only", "technical", "the trick", "on premise", "app "}},
    {ConstraintType::user_resistance, {"team", "staff", "people", "users", "user ", "nurse", "dispatcher", "floor", "shift",
                                       "front desk", "clinician", "morale", "dread", "training", "learn", "every day",
                                       "day to day", "baker", "workers", "employee", "get used", "used to it", "warehouse",
                                       "handful of people", "hate it", "dock", "turnover"}},
    {ConstraintType::misalignment, {"others", "everyone", "group", "agree", "board", "boss", "partner", "colleague", "who else",
                                    "same way", "on board", "director", "the others", "whose name", "say yes", "quietly",
                                    "both of you", "two of you", "support", "downstream", "further down", "upstairs",
                                    "in the room", "your side", "finance", "who decide", "decisions like", "be comfortable",
                                    "back this", "involved", "join us", "next conversation", "have a say", "recommend"}},
    {ConstraintType::personal_risk, {"personally", "for you", "safe", "sideways", "blame", "risk", "career", "protect",
                                     "exposed", "right call", "wrong", "regret", "your name", "on you", "your desk", "guarantee",
                                     "walk away", "exit", "penalty", "cancel", "safety net", "feel good", "comfortable",
                                     "defend", "success", "a yes", "to decide", "lands on", "land for you", "to lose"}},
    {ConstraintType::no_felt_need, {"problem", "nothing changes", "doing nothing", "leave it", "worth", "pain", "fix",
                                    "sorted", "solved", "as it is", "backlog", "error", "mistake", "slip", "stay put",
                                    "staying put", "keep doing", "cost you", "benefit", "headache", "would it mean",
                                    "be different", "just worked", "it worked", "this worked", "customer", "patients",
                                    "what happens", "cost of", "costing", "if nothing change"}},
    {ConstraintType::status_quo_rules, {"rule", "approv", "sign off", "signs off", "procurement", "legal", "compliance", "audit",
                                        "review", "policy", "regulat", "inspection", "process", "committee", "questionnaire",
                                        "data protection", "security", "sign offs", "formality", "clear first"}},
    {ConstraintType::timing, {"quarter", "next year", "this year", "month", "week", "wait", "season", "deadline", "soon",
                              "later", "renew", "friday", "january", "march", "spring", "summer", "end of", "timing",
                              "time", "today", "tomorrow", "calendar", "go live", "ninety days", "a year", "now",
                              "until when", "when does", "when do", "when is", "when the", "plate", "attention", "delay"}},
    {ConstraintType::incumbent_vendor, {"provider", "supplier", "vendor", "contract", "renewal", "tied in", "incumbent",
                                        "garage", "old system", "wind down", "buy you out", "old contract", "agreement",
                                        "the old vendor", "notice period"}},
  };
  return k;
}

bool matches(const std::string& padded, const std::vector<std::string>& ws, const char* pat) {
  std::string p(pat);
  if (p.find(' ') != std::string::npos) return padded.find(" " + p) != std::string::npos;
  for (const std::string& w : ws)
    if (w.compare(0, p.size(), p) == 0) return true;
  return false;
}
}  // namespace

std::vector<ConstraintType> topics_of(std::string_view text) {
  std::vector<std::string> ws = words(text);
  std::string padded = " " + normalize(text) + " ";
  std::vector<ConstraintType> out;
  for (const Keywords& k : lexicon())
    for (const char* pat : k.words)
      if (matches(padded, ws, pat)) { out.push_back(k.type); break; }
  std::sort(out.begin(), out.end());
  return out;
}

// ---------------------------------------------------------------------------------------------
// Target: a stakeholder named in the sentence ("Rosa, ...", "What would Leila need...",
// "Paul's view"). The first name mentioned wins.
// ---------------------------------------------------------------------------------------------
std::string target_of(std::string_view text, const std::vector<Person>& people, std::string* id) {
  std::vector<std::string> ws = words(text);
  for (const std::string& w : ws)
    for (const Person& p : people) {
      std::string n = normalize(p.first_name);
      if (!n.empty() && (w == n || w == n + "s")) {
        if (id) *id = p.id;
        return p.first_name;
      }
    }
  if (id) id->clear();
  return "";
}

std::vector<Person> people_of(const Content& c, int scenario) {
  std::vector<Person> out;
  for (size_t s = 0; s < c.scenarios.size(); ++s) {
    if (scenario >= 0 && static_cast<int>(s) != scenario) continue;
    for (const StakeholderDef& st : c.scenarios[s].stakeholders) {
      std::string first = first_name(st.name);
      bool seen = false;
      for (const Person& p : out) seen = seen || normalize(p.first_name) == normalize(first);
      if (!seen && !first.empty()) out.push_back({st.id, first});
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The nearest move: within the category, the move whose concerns overlap the sentence's most,
// then a stakeholder-aimed move when someone is named, then the most shared words with the
// move's label and phrasings; ties go to the deck's order.
// ---------------------------------------------------------------------------------------------
namespace {
bool stop_word(const std::string& w) {
  static const char* const kStop[] = {"what", "would", "with", "that", "this", "have", "your", "about", "there", "they",
                                      "them", "when", "then", "does", "like", "were", "will", "from", "just", "want",
                                      "could", "should", "into", "been", "some", "more", "than", "here", "youre", "whats"};
  if (w.size() < 4) return true;
  for (const char* s : kStop) if (w == s) return true;
  return false;
}
}  // namespace

std::string nearest_move(const Content& c, int category, const std::vector<ConstraintType>& topics,
                         bool has_target, std::string_view text) {
  std::vector<std::string> ws = words(text);
  const MoveDef* best = nullptr;
  int best_score = -1;
  for (const MoveDef& m : c.moves) {
    if (static_cast<int>(m.category) != category) continue;
    int score = 0;
    for (ConstraintType t : topics) score += m.addresses_type(t) ? 4 : 0;
    if (has_target && m.target == TargetKind::stakeholder) score += 3;
    std::string wording = m.label;
    for (const std::string& p : m.phrasings) wording += " " + p;
    std::vector<std::string> mw = words(wording);
    for (const std::string& w : ws)
      if (!stop_word(w) && std::find(mw.begin(), mw.end(), w) != mw.end()) score += 2;
    if (score > best_score) { best = &m; best_score = score; }
  }
  return best ? best->id : "";
}

// ---------------------------------------------------------------------------------------------
// Reading a sentence. Confidence: a softmax in base 2 over the integer scores, computed with
// integers (2^-x taken piecewise linear), so it is the same number everywhere.
// ---------------------------------------------------------------------------------------------
namespace {
constexpr int32_t kScale = 20000;  // score points per halving of the odds
int64_t pow2_neg(int64_t d) {
  int64_t k = d / kScale, r = d % kScale;
  if (k >= 30) return 0;
  int64_t v = (int64_t{1} << 30) >> k;
  return v * (2 * kScale - r) / (2 * kScale);
}
bool has_control(std::string_view t) {
  for (unsigned char c : t)
    if ((c < 0x20 && c != '\t') || c == 0x7F) return true;
  return false;
}
}  // namespace

Result read(const Model& m, const Context& ctx, std::string_view text) {
  Result r;
  std::vector<int32_t> s = scores(m, text);
  std::vector<int> order(kCategoryCount);
  for (int k = 0; k < kCategoryCount; ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return s[a] > s[b]; });
  int64_t sum = 0, top = s[order[0]];
  std::vector<int64_t> p(kCategoryCount);
  for (int k = 0; k < kCategoryCount; ++k) { p[k] = pow2_neg(top - s[k]); sum += p[k]; }
  std::string_view head = text.substr(0, static_cast<size_t>(kMaxChars) * 2);  // never read a novel
  std::vector<ConstraintType> topics = topics_of(head);
  std::string target_id;
  std::string target = target_of(head, ctx.people, &target_id);
  for (int i = 0; i < 3; ++i) {
    Reading rd;
    rd.category = order[i];
    rd.topics = topics;
    rd.target = target;
    rd.target_id = target_id;
    rd.confidence = sum > 0 ? static_cast<int>(p[order[i]] * 100 / sum) : 0;
    if (ctx.content) rd.move = nearest_move(*ctx.content, rd.category, topics, !target.empty(), head);
    r.closest.push_back(rd);
  }
  r.best = r.closest[0];
  // Known words: a sentence mostly made of words the corpus never used is not one we can read.
  std::vector<std::string> ws = words(head);
  int known = 0, total = 0;
  for (const std::string& w : ws) {
    if (w == "?") continue;
    ++total;
    known += std::binary_search(m.vocab.begin(), m.vocab.end(), hash_word(w)) ? 1 : 0;
  }
  if (m.empty()) r.why = "no model";
  else if (text.size() > static_cast<size_t>(kMaxChars)) r.why = "too long to be one thing said in a meeting";
  else if (has_control(text)) r.why = "control characters";
  else if (total == 0) r.why = "no words";
  else if (known * 2 < total) r.why = "mostly words I don't know";
  else if (r.best.confidence < kConfidenceThreshold) r.why = "unsure";
  r.caught = r.why.empty();
  return r;
}

}  // namespace buyin::classify
