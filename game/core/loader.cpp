// Loader: JSON text -> Content, collecting every error with file, JSON pointer and expectation.
// nlohmann is used without exceptions (SAX parse with a no-throw DOM builder; only checked accessors),
// because wasm builds have exception catching disabled.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/content.hpp"
#include "core/dialogue.hpp"
#include "core/hash.hpp"
#include "core/internal.hpp"

namespace buyin {

using json = nlohmann::json;

bool is_content_path(const std::string& p) {
  if (p == "moves.json" || p == "onboarding.json" || p == "lines.json") return true;
  const std::string pre = "scenarios/", suf = ".json";
  return p.size() > pre.size() + suf.size() && p.compare(0, pre.size(), pre) == 0 &&
         p.compare(p.size() - suf.size(), suf.size(), suf) == 0 && p.find('/', pre.size()) == std::string::npos;
}

uint64_t content_hash(const std::vector<SourceFile>& files) {
  std::vector<const SourceFile*> sorted;
  for (const SourceFile& f : files) if (is_content_path(f.path)) sorted.push_back(&f);
  // std::string compares bytes as char; compare as unsigned bytes so the order is the same everywhere.
  std::sort(sorted.begin(), sorted.end(), [](const SourceFile* a, const SourceFile* b) {
    return std::lexicographical_compare(a->path.begin(), a->path.end(), b->path.begin(), b->path.end(),
                                        [](char x, char y) { return static_cast<unsigned char>(x) < static_cast<unsigned char>(y); });
  });
  Fnv f;
  for (const SourceFile* s : sorted) {
    f.bytes(s->path.data(), s->path.size());
    f.byte(0);
    f.bytes(s->text.data(), s->text.size());
    f.byte(0);
  }
  return f.h;
}

namespace {

// Captures the parser's message instead of throwing.
// Nesting deeper than kMaxDepth is refused while parsing: content never needs it, and a value
// nested 100,000 levels deep would otherwise reach code that walks it recursively.
constexpr size_t kMaxDepth = 64;
struct Sax : nlohmann::detail::json_sax_dom_parser<json> {
  using Base = nlohmann::detail::json_sax_dom_parser<json>;
  std::string message;
  size_t depth = 0;
  explicit Sax(json& j) : Base(j, false) {}
  bool too_deep() {
    if (++depth <= kMaxDepth) return false;
    message = "nested more than " + std::to_string(kMaxDepth) + " levels deep (objects and lists inside each other)";
    return true;
  }
  bool start_object(std::size_t n) { return !too_deep() && Base::start_object(n); }
  bool start_array(std::size_t n) { return !too_deep() && Base::start_array(n); }
  bool end_object() { --depth; return Base::end_object(); }
  bool end_array() { --depth; return Base::end_array(); }
  bool parse_error(std::size_t pos, const std::string& tok, const nlohmann::detail::exception& ex) {
    message = ex.what();
    return nlohmann::detail::json_sax_dom_parser<json>::parse_error(pos, tok, ex);
  }
};

std::string esc(const std::string& key) {
  std::string s;
  for (char ch : key) {
    if (ch == '~') s += "~0";
    else if (ch == '/') s += "~1";
    else s += ch;
  }
  return s;
}

// What a value was, for messages. Objects and lists are summarised, never dumped: dumping walks
// the value recursively, and a message must cost little whatever the input.
std::string got(const json& j) {
  if (j.is_object()) return j.empty() ? "{}" : "an object with " + std::to_string(j.size()) + " key(s)";
  if (j.is_array()) return j.empty() ? "[]" : "a list of " + std::to_string(j.size());
  std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

template <size_t N>
std::string one_of(const char* const (&names)[N]) {
  std::string s = "expected one of ";
  for (size_t i = 0; i < N; ++i) s += (i ? ", " : "") + std::string(names[i]);
  return s;
}

bool is_id(const std::string& s) {
  if (s.size() < 2 || s.size() > 48 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  for (char ch : s) if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
  return true;
}

size_t utf8_len(const std::string& s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

const char* const kCategories[] = {"facilitative", "implication", "involve_others", "listen", "give_space", "situation",
                                   "need_payoff", "pitch", "rebuttal", "pressure", "de_risk"};
const char* const kRoles[] = {"economic_buyer", "technical_owner", "user_lead", "champion", "procurement",
                              "executive_sponsor", "finance", "influencer"};
const char* const kTypes[] = {"budget", "tech_overlap", "user_resistance", "misalignment", "incumbent_vendor",
                              "status_quo_rules", "timing", "personal_risk", "no_felt_need"};
const char* const kVerdicts[] = {"facilitated", "neutral", "pushed", "harmful"};
const char* const kWorlds[] = {"consumer", "small_business", "mid_market", "enterprise", "public_sector", "healthcare"};
const char* const kTargets[] = {"none", "stakeholder"};
const char* const kKinds[] = {"lesson", "full"};
const char* const kStarts[] = {"hidden", "known", "resolved"};
const char* const kLineKinds[] = {"reply", "stall", "worry", "news", "farewell", "purchase"};
const char* const kLineOn[] = {"open", "hint", "worked", "resolved"};
const char* const kLineAfter[] = {"none", "hint", "objection", "stall"};
const char* const kStalls[] = {"proposal", "think", "team", "later"};
const char* const kRequirements[] = {"no_early_pitch", "recommend_when_ready", "cost_named", "hints_heard", "people_brought_in",
                                     "worries_worked_through"};

// Typed, checked field access for one file. Every accessor records its own error and returns false.
struct Reader {
  std::string file;
  std::vector<Diagnostic>& errors;
  void err(const std::string& ptr, const std::string& msg) { errors.push_back({file, ptr, msg}); }

  bool object(const json& j, const std::string& ptr, std::initializer_list<const char*> keys) {
    if (!j.is_object()) { err(ptr, "expected an object; got " + got(j)); return false; }
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string& k = it.key();
      if (k == "$schema" || (!k.empty() && k[0] == '_')) continue;
      bool known = false;
      for (const char* a : keys) known |= k == a;
      if (!known) {
        std::string list;
        for (const char* a : keys) list += (list.empty() ? "" : ", ") + std::string(a);
        err(ptr + "/" + esc(k), "unknown key (expected one of " + list + ")");
      }
    }
    return true;
  }
  const json* field(const json& j, const std::string& ptr, const char* key, bool required) {
    auto it = j.find(key);
    if (it == j.end()) {
      if (required) err(ptr + "/" + key, "required key is missing");
      return nullptr;
    }
    return &*it;
  }
  bool str(const json& j, const std::string& ptr, const char* key, std::string& out, bool required = true, size_t max_len = 4000) {
    const json* v = field(j, ptr, key, required);
    if (!v) return false;
    std::string p = ptr + "/" + key;
    if (!v->is_string()) { err(p, "expected a string; got " + got(*v)); return false; }
    const std::string& s = v->get_ref<const std::string&>();
    if (s.find_first_not_of(" \t\r\n") == std::string::npos) { err(p, "expected a non-empty string; got " + got(*v)); return false; }
    if (utf8_len(s) > max_len) { err(p, "expected at most " + std::to_string(max_len) + " characters; got " + std::to_string(utf8_len(s))); return false; }
    out = s;
    return true;
  }
  bool id(const json& j, const std::string& ptr, const char* key, std::string& out) {
    const json* v = field(j, ptr, key, true);
    if (!v) return false;
    if (!v->is_string() || !is_id(v->get_ref<const std::string&>())) {
      err(ptr + "/" + key, "expected a snake_case id (^[a-z][a-z0-9_]{1,47}$); got " + got(*v));
      return false;
    }
    out = v->get_ref<const std::string&>();
    return true;
  }
  bool integer(const json& j, const std::string& ptr, const char* key, int lo, int hi, int& out, bool required = true) {
    const json* v = field(j, ptr, key, required);
    if (!v) return false;
    std::string want = "expected an integer " + std::to_string(lo) + ".." + std::to_string(hi) + "; got " + got(*v);
    if (v->is_number_unsigned()) {
      uint64_t u = v->get<uint64_t>();
      if (u > static_cast<uint64_t>(hi)) { err(ptr + "/" + key, want); return false; }
      out = static_cast<int>(u);
    } else if (v->is_number_integer()) {
      int64_t s = v->get<int64_t>();
      if (s < lo || s > hi) { err(ptr + "/" + key, want); return false; }
      out = static_cast<int>(s);
    } else {
      err(ptr + "/" + key, want);
      return false;
    }
    if (out < lo || out > hi) { err(ptr + "/" + key, want); return false; }
    return true;
  }
  bool boolean(const json& j, const std::string& ptr, const char* key, bool& out, bool required = true) {
    const json* v = field(j, ptr, key, required);
    if (!v) return false;
    if (!v->is_boolean()) { err(ptr + "/" + key, "expected true or false; got " + got(*v)); return false; }
    out = v->get<bool>();
    return true;
  }
  // Enum value from a name list; `any` allows the extra name "any" (-1).
  template <size_t N>
  bool name(const json& v, const std::string& p, const char* const (&names)[N], int& out, bool any = false) {
    if (v.is_string()) {
      const std::string& s = v.get_ref<const std::string&>();
      if (any && s == "any") { out = -1; return true; }
      for (size_t i = 0; i < N; ++i) if (s == names[i]) { out = static_cast<int>(i); return true; }
    }
    err(p, one_of(names) + (any ? ", any" : "") + "; got " + got(v));
    return false;
  }
  template <size_t N>
  bool enumf(const json& j, const std::string& ptr, const char* key, const char* const (&names)[N], int& out, bool required = true) {
    const json* v = field(j, ptr, key, required);
    if (!v) return false;
    return name(*v, ptr + "/" + key, names, out);
  }
  bool strings(const json& j, const std::string& ptr, const char* key, size_t min_n, std::vector<std::string>& out) {
    const json* v = field(j, ptr, key, true);
    if (!v) return false;
    std::string p = ptr + "/" + key;
    if (!v->is_array()) { err(p, "expected an array of strings; got " + got(*v)); return false; }
    if (v->size() < min_n) { err(p, "expected at least " + std::to_string(min_n) + " entries; got " + std::to_string(v->size())); return false; }
    bool ok = true;
    for (size_t i = 0; i < v->size(); ++i) {
      const json& e = (*v)[i];
      if (!e.is_string() || e.get_ref<const std::string&>().find_first_not_of(" \t\r\n") == std::string::npos) {
        err(p + "/" + std::to_string(i), "expected a non-empty string; got " + got(e));
        ok = false;
      } else {
        out.push_back(e.get_ref<const std::string&>());
      }
    }
    return ok;
  }
  const json* array(const json& j, const std::string& ptr, const char* key, size_t min_n, size_t max_n, bool required = true) {
    const json* v = field(j, ptr, key, required);
    if (!v) return nullptr;
    std::string p = ptr + "/" + key;
    if (!v->is_array()) { err(p, "expected an array; got " + got(*v)); return nullptr; }
    if (v->size() < min_n || v->size() > max_n) {
      err(p, "expected " + std::to_string(min_n) + ".." + std::to_string(max_n) + " entries; got " + std::to_string(v->size()));
      if (v->size() < min_n) return nullptr;
    }
    return v;
  }
  void stages(const json& j, const std::string& ptr, int& lo, int& hi) {
    lo = 0;
    hi = 7;
    integer(j, ptr, "min_stage", 0, 7, lo, false);
    integer(j, ptr, "max_stage", 0, 7, hi, false);
    if (lo > hi) err(ptr + "/max_stage", "expected max_stage >= min_stage (" + std::to_string(lo) + "); got " + std::to_string(hi));
  }
};

bool parse_json(const SourceFile& f, json& out, std::vector<Diagnostic>& errors) {
  // The JSON library stops at a NUL byte as if the text ended there; JSON text cannot contain one.
  if (const size_t nul = f.text.find('\0'); nul != std::string::npos) {
    errors.push_back({f.path, "", "expected valid JSON: a NUL byte at offset " + std::to_string(nul)});
    return false;
  }
  Sax sax(out);
  bool ok = json::sax_parse(f.text, &sax, nlohmann::detail::input_format_t::json, true, false);
  if (!ok || sax.is_errored() || sax.depth > kMaxDepth) {
    errors.push_back({f.path, "", "expected valid JSON: " + (sax.message.empty() ? std::string("parse failed") : sax.message)});
    return false;
  }
  return true;
}

// A per-world or per-scenario wording: {"label": "...", "phrasings": ["...", "..."]}, both optional.
void load_wording(Reader& r, const json& j, const std::string& p, std::string& label, std::vector<std::string>& phrasings) {
  if (!r.object(j, p, {"label", "phrasings"})) return;
  if (j.contains("label")) r.str(j, p, "label", label, true, 40);
  if (j.contains("phrasings")) r.strings(j, p, "phrasings", 2, phrasings);
}

void load_moves(Reader& r, const json& root, Content& c) {
  if (!r.object(root, "", {"moves", "wrong_words"})) return;
  if (const json* ww = r.field(root, "", "wrong_words", false)) {
    if (!ww->is_object()) r.err("/wrong_words", "expected an object of world: [words]; got " + got(*ww));
    else for (auto it = ww->begin(); it != ww->end(); ++it) {
      int w = -1;
      if (r.name(json(it.key()), "/wrong_words/" + it.key(), kWorlds, w)) r.strings(*ww, "/wrong_words", it.key().c_str(), 0, c.wrong_words[static_cast<size_t>(w)]);
    }
  }
  const json* moves = r.array(root, "", "moves", 1, 100000);
  if (!moves) return;
  std::map<std::string, std::string> seen;
  for (size_t i = 0; i < moves->size(); ++i) {
    const json& j = (*moves)[i];
    std::string p = "/moves/" + std::to_string(i);
    if (!r.object(j, p, {"id", "category", "label", "phrasings", "target", "addresses", "min_stage", "max_stage", "strength",
                          "ties_to_need", "worlds"})) continue;
    MoveDef m;
    size_t before = r.errors.size();
    if (r.id(j, p, "id", m.id)) {
      auto it = seen.find(m.id);
      if (it != seen.end()) r.err(p + "/id", "duplicate id \"" + m.id + "\" (first at " + it->second + ")");
      else seen[m.id] = p + "/id";
    }
    int v = 0;
    if (r.enumf(j, p, "category", kCategories, v)) m.category = static_cast<Category>(v);
    r.str(j, p, "label", m.label, true, 40);
    r.strings(j, p, "phrasings", 2, m.phrasings);
    if (r.enumf(j, p, "target", kTargets, v)) m.target = static_cast<TargetKind>(v);
    if (const json* a = r.array(j, p, "addresses", 0, 9, false)) {
      for (size_t k = 0; k < a->size(); ++k)
        if (r.name((*a)[k], p + "/addresses/" + std::to_string(k), kTypes, v)) m.addresses.push_back(static_cast<ConstraintType>(v));
    }
    r.stages(j, p, m.min_stage, m.max_stage);
    r.integer(j, p, "strength", 1, 3, m.strength, false);
    if (j.contains("ties_to_need")) {
      r.boolean(j, p, "ties_to_need", m.ties_to_need);
      if (m.ties_to_need && m.category != Category::pitch) r.err(p + "/ties_to_need", "expected only on pitch moves (it ties a pitch to a stated need)");
    }
    if (const json* w = r.field(j, p, "worlds", false)) {
      if (!w->is_object()) r.err(p + "/worlds", "expected an object of world: {label, phrasings}; got " + got(*w));
      else for (auto it = w->begin(); it != w->end(); ++it) {
        int wi = -1;
        std::string q = p + "/worlds/" + it.key();
        if (r.name(json(it.key()), q, kWorlds, wi))
          load_wording(r, it.value(), q, m.world_label[static_cast<size_t>(wi)], m.world_phrasings[static_cast<size_t>(wi)]);
      }
    }
    if (r.errors.size() == before) c.moves.push_back(m);
  }
}

void load_scenario(Reader& r, const json& root, const std::string& want_id, Content& c) {
  const std::string p;
  if (!r.object(root, p, {"id", "title", "kind", "difficulty", "world", "brief", "offering", "meetings", "moves_per_meeting",
                          "hand_size", "need", "start_stage", "needs_stated", "ready_share", "deck", "stakeholders", "constraints", "lines", "line_sets", "move_wording"}))
    return;
  Scenario s;
  s.file = r.file;
  size_t before = r.errors.size();
  if (r.id(root, p, "id", s.id) && s.id != want_id)
    r.err("/id", "expected \"" + want_id + "\" (the file name without .json); got \"" + s.id + "\"");
  r.str(root, p, "title", s.title);
  r.str(root, p, "brief", s.brief);
  int v = 0;
  if (r.enumf(root, p, "kind", kKinds, v)) s.kind = static_cast<ScenarioKind>(v);
  r.integer(root, p, "difficulty", 1, 5, s.difficulty);
  if (r.enumf(root, p, "world", kWorlds, v)) s.world = static_cast<World>(v);
  if (const json* o = r.field(root, p, "offering", true)) {
    if (r.object(*o, "/offering", {"name", "summary"})) {
      r.str(*o, "/offering", "name", s.offering_name);
      r.str(*o, "/offering", "summary", s.offering_summary);
    }
  }
  r.integer(root, p, "meetings", 1, 12, s.meetings);
  r.integer(root, p, "moves_per_meeting", 1, 8, s.moves_per_meeting);
  r.integer(root, p, "hand_size", 3, 9, s.hand_size, false);
  r.integer(root, p, "need", 0, 100, s.need);
  r.integer(root, p, "start_stage", 0, 7, s.start_stage, false);
  r.integer(root, p, "needs_stated", 0, 100, s.needs_stated, false);
  r.integer(root, p, "ready_share", 0, 100, s.ready_share, false);
  if (s.ready_share < 0) s.ready_share = s.kind == ScenarioKind::lesson ? 0 : 10;
  if (const json* d = r.array(root, p, "deck", 1, 100000, false)) {
    std::set<std::string> seen;
    for (size_t i = 0; i < d->size(); ++i) {
      const json& e = (*d)[i];
      std::string q = "/deck/" + std::to_string(i);
      int mi = e.is_string() ? c.find_move(e.get_ref<const std::string&>()) : -1;
      if (mi < 0) r.err(q, "expected a move id from moves.json; got " + got(e));
      else if (!seen.insert(e.get_ref<const std::string&>()).second) r.err(q, "duplicate deck entry " + got(e));
      else s.deck.push_back(mi);
    }
  } else if (!root.contains("deck")) {
    for (size_t i = 0; i < c.moves.size(); ++i) s.deck.push_back(static_cast<int>(i));
  }
  std::map<std::string, int> people;
  if (const json* a = r.array(root, p, "stakeholders", 1, 7)) {
    for (size_t i = 0; i < a->size(); ++i) {
      const json& j = (*a)[i];
      std::string q = "/stakeholders/" + std::to_string(i);
      StakeholderDef sd;
      if (!r.object(j, q, {"id", "name", "role", "title", "personality", "engaged", "veto", "trust", "openness",
                          "joins_from_stage", "through"})) continue;
      if (r.id(j, q, "id", sd.id)) {
        if (sd.id == "any") r.err(q + "/id", "expected an id other than \"any\" (it is reserved in lines)");
        else if (!people.emplace(sd.id, static_cast<int>(s.stakeholders.size())).second) r.err(q + "/id", "duplicate id \"" + sd.id + "\"");
      }
      r.str(j, q, "name", sd.name, true, 80);
      if (r.enumf(j, q, "role", kRoles, v)) sd.role = static_cast<Role>(v);
      r.str(j, q, "title", sd.title, true, 120);
      r.str(j, q, "personality", sd.personality);
      r.boolean(j, q, "engaged", sd.engaged);
      r.boolean(j, q, "veto", sd.veto);
      r.integer(j, q, "trust", 0, 100, sd.trust);
      r.integer(j, q, "openness", 0, 100, sd.openness);
      r.integer(j, q, "joins_from_stage", 0, 7, sd.joins_from_stage, false);
      s.stakeholders.push_back(sd);
    }
    // "through" names another stakeholder, so it is read once every id is known.
    for (size_t i = 0; i < a->size() && i < s.stakeholders.size(); ++i) {
      const json& j = (*a)[i];
      const std::string q = "/stakeholders/" + std::to_string(i);
      if (!j.is_object() || !j.contains("through")) continue;
      const json& t = j["through"];
      auto it = t.is_string() ? people.find(t.get_ref<const std::string&>()) : people.end();
      if (it == people.end() || it->second == static_cast<int>(i))
        r.err(q + "/through", "expected the id of another stakeholder of this scenario; got " + got(t));
      else
        s.stakeholders[i].through = it->second;
    }
    bool any_engaged = false;
    for (const StakeholderDef& sd : s.stakeholders) any_engaged |= sd.engaged;
    if (!any_engaged && !s.stakeholders.empty()) r.err("/stakeholders", "expected at least one stakeholder with \"engaged\": true");
  }
  if (const json* cj = r.field(root, p, "constraints", true)) {
    const std::string q = "/constraints";
    if (r.object(*cj, q, {"draw_min", "draw_max", "pool"})) {
      bool dm = r.integer(*cj, q, "draw_min", 0, 50, s.draw_min);
      bool dx = r.integer(*cj, q, "draw_max", 0, 50, s.draw_max);
      if (dm && dx && s.draw_min > s.draw_max)
        r.err(q + "/draw_max", "expected draw_max >= draw_min (" + std::to_string(s.draw_min) + "); got " + std::to_string(s.draw_max));
      if (const json* pool = r.array(*cj, q, "pool", 0, 100)) {
        std::set<std::string> ids;
        int always = 0;
        for (size_t i = 0; i < pool->size(); ++i) {
          const json& j = (*pool)[i];
          std::string w = q + "/pool/" + std::to_string(i);
          if (!r.object(j, w, {"id", "type", "owner", "severity", "aware", "always", "takes_meetings", "start", "summary", "hints",
                                  "resolved"})) continue;
          ConstraintDef cd;
          if (r.id(j, w, "id", cd.id) && !ids.insert(cd.id).second) r.err(w + "/id", "duplicate id \"" + cd.id + "\"");
          if (r.enumf(j, w, "type", kTypes, v)) cd.type = static_cast<ConstraintType>(v);
          if (const json* o = r.field(j, w, "owner", true)) {
            auto it = o->is_string() ? people.find(o->get_ref<const std::string&>()) : people.end();
            if (it == people.end()) {
              std::string list;
              for (const auto& kv : people) list += (list.empty() ? "" : ", ") + kv.first;
              r.err(w + "/owner", "expected a stakeholder id of this scenario (" + list + "); got " + got(*o));
            } else {
              cd.owner = it->second;
            }
          }
          r.integer(j, w, "severity", 1, 3, cd.severity);
          r.boolean(j, w, "aware", cd.aware);
          r.boolean(j, w, "always", cd.always);
          // A blocker takes time by default: severity 3 needs two meetings of internal work, 2 needs one.
          cd.takes_meetings = cd.severity - 1;
          r.integer(j, w, "takes_meetings", 0, 6, cd.takes_meetings, false);
          if (r.enumf(j, w, "start", kStarts, v, false)) cd.start = static_cast<ConstraintDef::Start>(v);
          always += cd.always ? 1 : 0;
          r.str(j, w, "summary", cd.summary);
          r.strings(j, w, "hints", 1, cd.hints);
          r.str(j, w, "resolved", cd.resolved);
          s.pool.push_back(cd);
        }
        if (dx && static_cast<int>(pool->size()) < s.draw_max)
          r.err(q + "/pool", "expected at least draw_max (" + std::to_string(s.draw_max) + ") constraints; got " + std::to_string(pool->size()));
        if (dx && always > s.draw_max)
          r.err(q + "/pool", "expected at most draw_max (" + std::to_string(s.draw_max) + ") constraints with \"always\": true; got " + std::to_string(always));
      }
    }
  }
  if (const json* a = r.array(root, p, "lines", 1, 100000)) {
    bool fallback = false;
    for (size_t i = 0; i < a->size(); ++i) {
      const json& j = (*a)[i];
      std::string q = "/lines/" + std::to_string(i);
      if (!r.object(j, q, {"speaker", "category", "verdict", "min_stage", "max_stage", "kind", "text", "move", "about", "on", "after",
                           "answered", "stall"})) continue;
      LineDef l;
      if (r.enumf(j, q, "kind", kLineKinds, v, false)) l.kind = static_cast<LineKind>(v);
      l.stall = l.kind == LineKind::stall;
      const bool reply = l.kind == LineKind::reply;
      if (const json* sp = r.field(j, q, "speaker", true)) {
        if (sp->is_string() && sp->get_ref<const std::string&>() == "any") l.speaker = -1;
        else if (sp->is_string() && people.count(sp->get_ref<const std::string&>())) l.speaker = people[sp->get_ref<const std::string&>()];
        else r.err(q + "/speaker", "expected \"any\" or a stakeholder id of this scenario; got " + got(*sp));
      }
      // category and verdict: required on a reply, optional (and "any") on the special kinds.
      if (const json* cv = r.field(j, q, "category", reply)) r.name(*cv, q + "/category", kCategories, l.category, true);
      if (const json* vv = r.field(j, q, "verdict", reply)) r.name(*vv, q + "/verdict", kVerdicts, l.verdict, true);
      r.stages(j, q, l.min_stage, l.max_stage);
      r.str(j, q, "text", l.text);
      if (const json* mv = r.field(j, q, "move", false)) {
        l.move = mv->is_string() ? c.find_move(mv->get_ref<const std::string&>()) : -1;
        if (l.move < 0) r.err(q + "/move", "expected a move id from moves.json; got " + got(*mv));
        else if (std::find(s.deck.begin(), s.deck.end(), l.move) == s.deck.end()) r.err(q + "/move", "expected a move of this scenario's deck; got " + got(*mv));
        else if (l.category >= 0 && l.category != static_cast<int>(c.moves[static_cast<size_t>(l.move)].category))
          r.err(q + "/category", "the move " + got(*mv) + " is of another category");
      }
      if (const json* ab = r.field(j, q, "about", false)) {
        bool ok = false;
        if (ab->is_string()) {
          const std::string& a = ab->get_ref<const std::string&>();
          for (size_t k = 0; k < s.pool.size(); ++k) if (s.pool[k].id == a) { l.about = static_cast<int>(k); ok = true; }
          for (size_t k = 0; k < std::size(kTypes) && !ok; ++k) if (a == kTypes[k]) { l.about_type = static_cast<int>(k); ok = true; }
        }
        if (!ok) r.err(q + "/about", "expected a constraint id of this scenario or a constraint type; got " + got(*ab));
      }
      if (r.enumf(j, q, "on", kLineOn, v, false)) { l.on = static_cast<LineOn>(v); l.on_given = true; }
      if (r.enumf(j, q, "after", kLineAfter, v, false)) l.after = static_cast<LineAfter>(v);
      if (j.contains("answered")) {
        bool b = false;
        if (r.boolean(j, q, "answered", b)) l.answered = b ? 1 : 0;
        if (l.after == LineAfter::none) r.err(q + "/answered", "expected only with \"after\"");
      }
      if (r.enumf(j, q, "stall", kStalls, v, false)) {
        l.stall_kind = v;
        if (l.kind != LineKind::stall) r.err(q + "/stall", "expected only on a line of kind \"stall\"");
      }
      if ((l.kind == LineKind::worry || l.kind == LineKind::news) && l.about < 0 && l.about_type < 0)
        r.err(q + "/about", "a " + std::string(kLineKinds[static_cast<int>(l.kind)]) + " line needs \"about\": the constraint it is about");
      if (reply && l.speaker < 0 && l.category < 0 && l.verdict < 0 && l.min_stage == 0 && l.max_stage == 7 && l.move < 0 &&
          l.about < 0 && l.about_type < 0 && !l.on_given && l.after == LineAfter::none)
        fallback = true;
      s.lines.push_back(l);
    }
    if (!fallback) r.err("/lines", "expected a line with speaker, category and verdict all \"any\" and no stage limits (the fallback reply)");
  }
  if (const json* mw = r.field(root, p, "move_wording", false)) {
    if (!mw->is_object()) r.err("/move_wording", "expected an object of move id: {label, phrasings}; got " + got(*mw));
    else for (auto it = mw->begin(); it != mw->end(); ++it) {
      std::string q = "/move_wording/" + it.key();
      Scenario::Wording w;
      w.move = c.find_move(it.key());
      if (w.move < 0) { r.err(q, "expected a move id from moves.json"); continue; }
      load_wording(r, it.value(), q, w.label, w.phrasings);
      s.wording.push_back(w);
    }
  }
  if (r.errors.size() == before) c.scenarios.push_back(s);
}

void load_onboarding(Reader& r, const json& root, Content& c, const std::set<std::string>& scenario_ids) {
  if (!r.object(root, "", {"lessons"})) return;
  const json* a = r.array(root, "", "lessons", 0, 1000);
  if (!a) return;
  std::set<std::string> ids;
  for (size_t i = 0; i < a->size(); ++i) {
    const json& j = (*a)[i];
    std::string p = "/lessons/" + std::to_string(i);
    if (!r.object(j, p, {"id", "scenario", "title", "idea", "coach_intro", "pass_score", "requires", "callouts", "show_categories"})) continue;
    Lesson l;
    size_t before = r.errors.size();
    if (r.id(j, p, "id", l.id) && !ids.insert(l.id).second) r.err(p + "/id", "duplicate id \"" + l.id + "\"");
    if (r.id(j, p, "scenario", l.scenario) && !scenario_ids.count(l.scenario))
      r.err(p + "/scenario", "expected the id of a file in scenarios/; got \"" + l.scenario + "\"");
    r.str(j, p, "title", l.title);
    r.str(j, p, "idea", l.idea);
    r.str(j, p, "coach_intro", l.coach_intro);
    r.integer(j, p, "pass_score", -100000, 100000, l.pass_score);
    r.boolean(j, p, "show_categories", l.show_categories, false);
    if (const json* rq = r.array(j, p, "requires", 0, kRequirementCount, false)) {
      for (size_t k = 0; k < rq->size(); ++k) {
        int v = 0;
        if (r.name((*rq)[k], p + "/requires/" + std::to_string(k), kRequirements, v)) l.requirements.push_back(static_cast<Requirement>(v));
      }
    }
    if (const json* cs = r.array(j, p, "callouts", 0, 1000, false)) {
      for (size_t k = 0; k < cs->size(); ++k) {
        const json& cj = (*cs)[k];
        std::string q = p + "/callouts/" + std::to_string(k);
        if (!r.object(cj, q, {"on", "text"})) continue;
        Callout co;
        if (r.str(cj, q, "on", co.on)) {
          const std::string& on = co.on;
          bool ok = on == "start" || on == "end" || on == "hint";
          if (on.rfind("verdict:", 0) == 0) for (const char* vn : kVerdicts) ok |= on.substr(8) == vn;
          if (on.size() == 7 && on.rfind("stage:", 0) == 0 && on[6] >= '0' && on[6] <= '7') ok = true;
          if (!ok) r.err(q + "/on", "expected one of start, end, hint, verdict:<verdict>, stage:<0..7>; got \"" + on + "\"");
        }
        r.str(cj, q, "text", co.text);
        l.callouts.push_back(co);
      }
    }
    if (r.errors.size() == before) c.lessons.push_back(l);
  }
}

// --- Shared line sets (lines.json) -------------------------------------------------------------
// Lines every scenario of a kind can use (stalls, tired answers to a survey of questions, early
// need-payoff replies) are written once, in named sets, and a scenario lists the sets it takes in
// "line_sets": they are appended after its own lines. A set line names no speaker (any).

void read_line_sets(Reader& r, const json& root, json& sets) {
  if (!r.object(root, "", {"sets"})) return;
  const json* ss = r.field(root, "", "sets", true);
  if (!ss) return;
  if (!ss->is_object()) { r.err("/sets", "expected an object of set name: {note, lines}; got " + got(*ss)); return; }
  for (auto it = ss->begin(); it != ss->end(); ++it) {
    const std::string q = "/sets/" + esc(it.key());
    if (!r.object(it.value(), q, {"note", "lines"})) continue;
    const json* a = r.array(it.value(), q, "lines", 1, 100000);
    if (!a) continue;
    bool ok = true;
    for (size_t i = 0; i < a->size(); ++i) {
      const json& l = (*a)[i];
      if (!l.is_object()) continue;  // reported where the set is used, with the line's own checks
      auto sp = l.find("speaker");
      if (sp != l.end() && !(sp->is_string() && sp->get_ref<const std::string&>() == "any")) {
        r.err(q + "/lines/" + std::to_string(i) + "/speaker", "a shared line is for any speaker: expected \"any\" or no speaker; got " + got(*sp));
        ok = false;
      }
    }
    if (ok) sets[it.key()] = *a;
  }
}

struct Included { std::string set; size_t first = 0, count = 0; };

// Appends the sets a scenario names in "line_sets" to its "lines" (so every line rule checks them
// against this scenario) and removes the key; returns where each set landed.
std::vector<Included> include_line_sets(Reader& r, json& root, const json& sets) {
  std::vector<Included> inc;
  if (!root.is_object() || !root.contains("line_sets")) return inc;
  const json names = root["line_sets"];
  root.erase("line_sets");
  if (!names.is_array()) { r.err("/line_sets", "expected an array of set names from lines.json; got " + got(names)); return inc; }
  if (!root.contains("lines") || !root["lines"].is_array()) return inc;  // the scenario's own "lines" error says why
  json& lines = root["lines"];
  for (size_t k = 0; k < names.size(); ++k) {
    const json& n = names[k];
    auto it = n.is_string() ? sets.find(n.get_ref<const std::string&>()) : sets.end();
    if (it == sets.end()) {
      std::string list;
      for (auto s = sets.begin(); s != sets.end(); ++s) list += (list.empty() ? "" : ", ") + s.key();
      r.err("/line_sets/" + std::to_string(k), "expected a set name from lines.json (" + (list.empty() ? std::string("none") : list) + "); got " + got(n));
      continue;
    }
    inc.push_back({it.key(), lines.size(), it->size()});
    for (const json& l : *it) lines.push_back(l);
  }
  return inc;
}

// An error found in an included line is reported at the line in lines.json, naming the scenario.
void blame_line_sets(std::vector<Diagnostic>& errors, size_t from, const std::string& file, const std::vector<Included>& inc) {
  for (size_t e = from; e < errors.size(); ++e) {
    Diagnostic& d = errors[e];
    if (d.file != file || d.pointer.rfind("/lines/", 0) != 0) continue;
    const size_t end = d.pointer.find('/', 7);
    const std::string num = d.pointer.substr(7, end == std::string::npos ? std::string::npos : end - 7);
    if (num.empty() || num.find_first_not_of("0123456789") != std::string::npos || num.size() > 9) continue;
    const size_t i = static_cast<size_t>(std::stoul(num));
    for (const Included& in : inc) {
      if (i < in.first || i >= in.first + in.count) continue;
      d.message += " (in set \"" + in.set + "\", included by " + file + ")";
      d.pointer = "/sets/" + esc(in.set) + "/lines/" + std::to_string(i - in.first) + (end == std::string::npos ? "" : d.pointer.substr(end));
      d.file = "lines.json";
      break;
    }
  }
}

}  // namespace

LoadResult load_content(const std::vector<SourceFile>& files) {
  LoadResult res;
  Content& c = res.content;
  std::vector<const SourceFile*> moves, scenarios, onboarding, line_sets;
  std::set<std::string> paths;
  for (const SourceFile& f : files) {
    if (!paths.insert(f.path).second) { res.errors.push_back({f.path, "", "the same file was given twice"}); continue; }
    if (!is_content_path(f.path)) {
      res.errors.push_back({f.path, "", "not a content file (expected moves.json, onboarding.json, lines.json or scenarios/<id>.json)"});
      continue;
    }
    if (f.path == "moves.json") moves.push_back(&f);
    else if (f.path == "onboarding.json") onboarding.push_back(&f);
    else if (f.path == "lines.json") line_sets.push_back(&f);
    else scenarios.push_back(&f);
  }
  std::sort(scenarios.begin(), scenarios.end(), [](const SourceFile* a, const SourceFile* b) { return a->path < b->path; });
  if (moves.empty()) res.errors.push_back({"moves.json", "", "required file is missing"});
  for (const SourceFile* f : moves) {
    json j;
    if (!parse_json(*f, j, res.errors)) continue;
    Reader r{f->path, res.errors};
    load_moves(r, j, c);
  }
  json sets = json::object();
  for (const SourceFile* f : line_sets) {
    json j;
    if (!parse_json(*f, j, res.errors)) continue;
    Reader r{f->path, res.errors};
    read_line_sets(r, j, sets);
  }
  std::set<std::string> scenario_ids;
  for (const SourceFile* f : scenarios) {
    std::string id = f->path.substr(10, f->path.size() - 15);
    scenario_ids.insert(id);
    json j;
    if (!parse_json(*f, j, res.errors)) continue;
    Reader r{f->path, res.errors};
    const size_t before = res.errors.size();
    std::vector<Included> inc = include_line_sets(r, j, sets);
    load_scenario(r, j, id, c);
    blame_line_sets(res.errors, before, f->path, inc);
  }
  for (const SourceFile* f : onboarding) {
    json j;
    if (!parse_json(*f, j, res.errors)) continue;
    Reader r{f->path, res.errors};
    load_onboarding(r, j, c, scenario_ids);
  }
  c.hash = content_hash(files);
  res.ok = res.errors.empty();
  if (!res.ok) res.content = Content{};
  else index_content(res.content);
  return res;
}

void index_content(Content& c) {
  for (Scenario& sc : c.scenarios) {
    const int np = static_cast<int>(sc.stakeholders.size());
    // Two passes over the lines (count, then fill), each line into every bucket it can answer: the
    // work is the size of the table, not buckets x lines.
    const size_t nb = static_cast<size_t>(kCategoryCount * np * kVerdictCount * kLineAfterCount);
    sc.lines_for_start.assign(nb + 1, 0);
    auto each_bucket = [&](const LineDef& l, auto&& f) {
      if (l.kind != LineKind::reply) return;
      for (int k = 0; k < kCategoryCount; ++k) {
        if (l.category >= 0 && l.category != k) continue;
        for (int p = 0; p < np; ++p) {
          if (l.speaker >= 0 && l.speaker != p) continue;
          for (int v = 0; v < kVerdictCount; ++v) {
            if (l.verdict >= 0 && l.verdict != v) continue;
            const bool push = v == static_cast<int>(Verdict::pushed) || v == static_cast<int>(Verdict::harmful);
            if (push && l.filler()) continue;
            for (int a = 0; a < kLineAfterCount; ++a)
              if (l.after == LineAfter::none || static_cast<int>(l.after) == a)
                f(line_bucket(np, static_cast<Category>(k), p, static_cast<Verdict>(v), static_cast<LineAfter>(a)));
          }
        }
      }
    };
    for (const LineDef& l : sc.lines) each_bucket(l, [&](size_t bk) { ++sc.lines_for_start[bk + 1]; });
    for (size_t bk = 0; bk < nb; ++bk) sc.lines_for_start[bk + 1] += sc.lines_for_start[bk];
    sc.lines_for.assign(sc.lines_for_start[nb], 0);
    {
      std::vector<uint32_t> fill(sc.lines_for_start.begin(), sc.lines_for_start.end() - 1);
      for (size_t i = 0; i < sc.lines.size(); ++i)
        each_bucket(sc.lines[i], [&](size_t bk) { sc.lines_for[fill[bk]++] = static_cast<int>(i); });
    }
    auto text_hash = [&](const std::string& t) -> uint64_t {
      return t.find("{name}") != std::string::npos ? 0 : TalkMemory::text_hash(fill_text(sc, -1, t));
    };
    sc.line_hash.clear();
    sc.line_spec.clear();
    for (std::vector<int>& v : sc.lines_of_kind) v.clear();
    for (size_t i = 0; i < sc.lines.size(); ++i) sc.lines_of_kind[static_cast<size_t>(sc.lines[i].kind)].push_back(static_cast<int>(i));
    for (const LineDef& l : sc.lines) {
      sc.line_hash.push_back(text_hash(l.text));
      sc.line_spec.push_back(line_specificity(l));
    }
    for (ConstraintDef& cd : sc.pool) {
      cd.hint_hash.clear();
      for (const std::string& h : cd.hints) cd.hint_hash.push_back(text_hash(h));
    }
    sc.lines_indexed = sc.lines.size();
    sc.deal_indexed = false;
    bool ok = true;
    for (int mi : sc.deck) ok &= mi >= 0 && mi < static_cast<int>(c.moves.size());
    if (!ok) continue;
    for (int stage = 0; stage < kStageCount; ++stage) {
      DealStage& d = sc.deal[static_cast<size_t>(stage)];
      d.by_category.resize(sc.deck.size());
      d.by_category.resize(static_cast<size_t>(detail::dealable_slots(c, sc, stage, d.start, d.by_category.data())));
    }
    sc.deal_deck_size = sc.deck.size();
    sc.deal_indexed = true;
  }
}

}  // namespace buyin
