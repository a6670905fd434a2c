#include "core/progress.hpp"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

namespace buyin {

using nlohmann::json;

bool GameRecord::operator==(const GameRecord& o) const {
  return mode == o.mode && scenario_id == o.scenario_id && seed == o.seed && moves == o.moves &&
         content_hash == o.content_hash && ending == o.ending && finished_at == o.finished_at && score == o.score &&
         meetings == o.meetings && discovered == o.discovered && progress == o.progress &&
         pitch_timing == o.pitch_timing && trust == o.trust && cycle == o.cycle && challenge == o.challenge && code == o.code &&
         notes == o.notes && listening == o.listening && typed == o.typed && extra == o.extra;
}

namespace {

// Writes back the keys a newer build (or a hand edit) put there, without overwriting ours.
void add_extra(json& into, const std::string& extra) {
  if (extra.empty()) return;
  json e = json::parse(extra, nullptr, false);
  if (!e.is_object()) return;
  for (auto it = e.begin(); it != e.end(); ++it)
    if (!into.contains(it.key())) into[it.key()] = it.value();
}

}  // namespace

std::string encode_progress(const Progress& p) {
  json j;
  j["format"] = "buyin-progress";
  j["version"] = kProgressVersion;
  j["min_compatible"] = kProgressMinCompatible;
  j["settings"] = {{"font_percent", p.settings.font_percent},
                   {"high_contrast", p.settings.high_contrast},
                   {"show_numbers", p.settings.show_numbers},
                   {"player_name", p.settings.player_name},
                   {"team", p.settings.team}};
  // Written only once the trainee chose: the default follows their onboarding.
  if (p.settings.coach_hints >= 0) j["settings"]["coach_hints"] = p.settings.coach_hints == 1;
  // Only when chosen: a save without it is read the same by a build from before typed moves.
  if (p.settings.typed_first) j["settings"]["typed_first"] = true;
  add_extra(j["settings"], p.settings.extra);
  j["lessons_passed"] = p.lessons_passed;
  json h = json::array();
  for (const GameRecord& r : p.history) {
    // The seed is a string: JSON numbers lose precision past 2^53 in JavaScript tools.
    h.push_back({{"mode", r.mode}, {"scenario", r.scenario_id}, {"seed", std::to_string(r.seed)},
                 {"moves", r.moves}, {"content_hash", r.content_hash}, {"ending", r.ending},
                 {"finished_at", r.finished_at}, {"score", r.score}, {"meetings", r.meetings},
                 {"discovered", r.discovered}, {"progress", r.progress}, {"pitch_timing", r.pitch_timing},
                 {"trust", r.trust}, {"cycle", r.cycle}});
    if (!r.challenge.empty()) h.back()["challenge"] = r.challenge;
    if (!r.code.empty()) h.back()["code"] = r.code;
    if (!r.notes.empty()) h.back()["notes"] = r.notes;
    if (r.listening != 0) h.back()["listening"] = r.listening;
    if (r.typed) h.back()["typed"] = true;
    add_extra(h.back(), r.extra);
  }
  j["history"] = std::move(h);
  if (!p.challenges.empty()) {
    json cs = json::array();
    for (const ChallengeSeen& c : p.challenges) cs.push_back({{"code", c.code}, {"close", c.close}, {"started", c.started}});
    j["challenges"] = std::move(cs);
  }
  if (!p.organized.empty()) j["organized"] = p.organized;
  add_extra(j, p.extra);
  return j.dump(1);
}

namespace {

// Reads fields one by one so a single bad value costs only that value, and says where.
// A noncharacter that stands in for each invalid UTF-8 byte sequence, so the JSON still parses and
// the value holding it is found and dropped alone. Chosen so the text does not already contain it.
struct Marker { std::string bytes; };

std::string repair_utf8(const std::string& in, Marker& m, bool& found) {
  for (uint32_t cp = 0xFDD0; cp <= 0xFDEF; ++cp) {
    m.bytes = {static_cast<char>(0xEF), static_cast<char>(0xB7), static_cast<char>(0x80 | (cp & 0x3F))};
    if (in.find(m.bytes) == std::string::npos) break;
  }
  std::string out;
  found = false;
  size_t i = 0;
  while (i < in.size()) {
    const uint8_t c = static_cast<uint8_t>(in[i]);
    size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    bool ok = n > 0 && i + n <= in.size();
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; ok && k < n; ++k) {
      const uint8_t x = static_cast<uint8_t>(in[i + k]);
      ok = (x & 0xC0) == 0x80;
      cp = (cp << 6) | (x & 0x3F);
    }
    if (ok && ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))) ok = false;
    if (!ok) { out += m.bytes; found = true; ++i; continue; }
    out.append(in, i, n);
    i += n;
  }
  return out;
}

struct Reader {
  std::vector<std::string>& problems;
  bool& damaged;
  std::string marker;  // empty: the text had no invalid byte

  // Whether any text or key inside v holds the marker (walked with a stack: the depth is the input's).
  bool damaged_text(const json& v) const {
    if (marker.empty()) return false;
    std::vector<const json*> todo{&v};
    while (!todo.empty()) {
      const json* x = todo.back();
      todo.pop_back();
      if (x->is_string() && x->get_ref<const std::string&>().find(marker) != std::string::npos) return true;
      if (x->is_object())
        for (auto it = x->begin(); it != x->end(); ++it) {
          if (it.key().find(marker) != std::string::npos) return true;
          todo.push_back(&it.value());
        }
      if (x->is_array())
        for (const json& e : *x) todo.push_back(&e);
    }
    return false;
  }
  // Keys of o not in `known`, as a JSON object text ("" when none); damaged ones are dropped.
  std::string extras(const json& o, std::initializer_list<const char*> known, const std::string& where) {
    json e = json::object();
    for (auto it = o.begin(); it != o.end(); ++it) {
      bool k = false;
      for (const char* n : known) k |= it.key() == n;
      if (k) continue;
      const bool bad_key = !marker.empty() && it.key().find(marker) != std::string::npos;
      if (bad_key || damaged_text(it.value())) {
        problem(where + "/" + (bad_key ? std::string("?") : it.key()), "dropped: it had a damaged byte");
        continue;
      }
      e[it.key()] = it.value();
    }
    return e.empty() ? "" : e.dump();
  }

  void problem(const std::string& where, const std::string& what) {
    problems.push_back(where + ": " + what);
    damaged = true;
  }
  bool get_int(const json& o, const char* key, const std::string& where, int& out, int lo, int hi) {
    auto it = o.find(key);
    if (it == o.end()) return false;
    if (!it->is_number_integer() || it->get<int64_t>() < lo || it->get<int64_t>() > hi) {
      problem(where + "/" + key, "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
      return false;
    }
    out = static_cast<int>(it->get<int64_t>());
    return true;
  }
  bool get_bool(const json& o, const char* key, const std::string& where, bool& out) {
    auto it = o.find(key);
    if (it == o.end()) return false;
    if (!it->is_boolean()) { problem(where + "/" + key, "expected true or false"); return false; }
    out = it->get<bool>();
    return true;
  }
  bool get_str(const json& o, const char* key, const std::string& where, std::string& out, size_t max_len = 4096) {
    auto it = o.find(key);
    if (it == o.end()) return false;
    if (!it->is_string() || it->get_ref<const std::string&>().size() > max_len) {
      problem(where + "/" + key, "expected text");
      return false;
    }
    if (damaged_text(*it)) { problem(where + "/" + key, "the text has a damaged byte"); return false; }
    out = it->get<std::string>();
    return true;
  }
};

bool parse_u64(const std::string& s, uint64_t& out) {
  if (s.empty() || s.size() > 20) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    uint64_t d = static_cast<uint64_t>(c - '0');
    if (v > (UINT64_MAX - d) / 10) return false;
    v = v * 10 + d;
  }
  out = v;
  return true;
}

}  // namespace

ProgressDecode decode_progress(const std::string& text) {
  ProgressDecode d;
  if (text.empty()) return d;
  Marker m;
  bool bad_bytes = false;
  const std::string repaired = repair_utf8(text, m, bad_bytes);
  // Values nested deeper than any save needs are dropped while parsing (what is kept is dumped
  // again on save, recursively).
  bool too_deep = false;
  json::parser_callback_t depth_cb = [&too_deep](int depth, json::parse_event_t, json&) {
    if (depth > 32) { too_deep = true; return false; }
    return true;
  };
  json j = json::parse(repaired, depth_cb, /*allow_exceptions=*/false);
  Reader rd{d.problems, d.damaged, bad_bytes ? m.bytes : std::string()};
  if (too_deep && !j.is_discarded()) rd.problem("progress", "values nested more than 32 levels deep were dropped");
  if (j.is_discarded()) {
    rd.problem("progress", "the saved file is not readable JSON (it may be cut short or damaged)");
    return d;
  }
  // (not j.value("format", ...): it throws when "format" is there but not text; found by fuzz_save)
  const auto format = j.is_object() ? j.find("format") : j.end();
  if (!j.is_object() || format == j.end() || !format->is_string() || *format != "buyin-progress") {
    rd.problem("progress", "this is not a Buy-In progress file");
    return d;
  }
  int version = 0, min_compat = 0;
  if (!rd.get_int(j, "version", "progress", version, 1, 1000000)) rd.problem("progress/version", "missing");
  if (!rd.get_int(j, "min_compatible", "progress", min_compat, 1, 1000000)) min_compat = version;
  if (version > kProgressVersion) d.newer = true;
  if (min_compat > kProgressVersion) {
    rd.problem("progress", "saved by a newer version of Buy-In (format " + std::to_string(version) +
                               ") that this version cannot read");
    return d;
  }
  try {
    if (auto s = j.find("settings"); s != j.end()) {
      if (!s->is_object()) rd.problem("settings", "expected an object");
      else {
        Settings& st = d.progress.settings;
        rd.get_int(*s, "font_percent", "settings", st.font_percent, 80, 200);
        rd.get_bool(*s, "high_contrast", "settings", st.high_contrast);
        rd.get_bool(*s, "show_numbers", "settings", st.show_numbers);
        if (bool hints = false; rd.get_bool(*s, "coach_hints", "settings", hints)) st.coach_hints = hints ? 1 : 0;
        rd.get_bool(*s, "typed_first", "settings", st.typed_first);
        rd.get_str(*s, "player_name", "settings", st.player_name, 64);
        rd.get_str(*s, "team", "settings", st.team, 64);
        st.extra = rd.extras(*s, {"font_percent", "high_contrast", "show_numbers", "coach_hints", "typed_first", "player_name", "team"},
                             "settings");
      }
    }
    if (auto l = j.find("lessons_passed"); l != j.end()) {
      if (!l->is_array()) rd.problem("lessons_passed", "expected a list");
      else
        for (size_t i = 0; i < l->size(); ++i) {
          const json& v = (*l)[i];
          if (rd.damaged_text(v)) rd.problem("lessons_passed/" + std::to_string(i), "dropped: it had a damaged byte");
          else if (v.is_string() && v.get_ref<const std::string&>().size() <= 64) d.progress.lessons_passed.push_back(v.get<std::string>());
          else rd.problem("lessons_passed/" + std::to_string(i), "expected a lesson id");
        }
    }
    if (auto h = j.find("history"); h != j.end()) {
      if (!h->is_array()) rd.problem("history", "expected a list");
      else
        for (size_t i = 0; i < h->size(); ++i) {
          const json& o = (*h)[i];
          const std::string where = "history/" + std::to_string(i);
          if (!o.is_object()) { rd.problem(where, "expected a game record"); continue; }
          if (rd.damaged_text(o)) { rd.problem(where, "this game record was dropped: it had a damaged byte"); continue; }
          GameRecord r;
          const size_t before = d.problems.size();
          std::string seed;
          bool ok = rd.get_str(o, "scenario", where, r.scenario_id, 64) && rd.get_str(o, "seed", where, seed, 24) &&
                    rd.get_int(o, "score", where, r.score, -100000, 100000);
          if (ok && !parse_u64(seed, r.seed)) { rd.problem(where + "/seed", "expected a number"); ok = false; }
          rd.get_str(o, "mode", where, r.mode, 32);
          rd.get_str(o, "moves", where, r.moves, 8192);
          rd.get_str(o, "content_hash", where, r.content_hash, 32);
          rd.get_str(o, "ending", where, r.ending, 32);
          rd.get_str(o, "finished_at", where, r.finished_at, 64);
          rd.get_int(o, "meetings", where, r.meetings, 0, 1000);
          rd.get_int(o, "discovered", where, r.discovered, -100000, 100000);
          rd.get_int(o, "progress", where, r.progress, -100000, 100000);
          rd.get_int(o, "pitch_timing", where, r.pitch_timing, -100000, 100000);
          rd.get_int(o, "trust", where, r.trust, -100000, 100000);
          rd.get_int(o, "cycle", where, r.cycle, -100000, 100000);
          rd.get_str(o, "challenge", where, r.challenge, 1024);
          rd.get_str(o, "code", where, r.code, 4096);
          rd.get_str(o, "notes", where, r.notes, 16384);
          rd.get_int(o, "listening", where, r.listening, -100000, 100000);
          rd.get_bool(o, "typed", where, r.typed);
          r.extra = rd.extras(o, {"mode", "scenario", "seed", "moves", "content_hash", "ending", "finished_at", "score", "meetings",
                                  "discovered", "progress", "pitch_timing", "trust", "cycle", "challenge", "code", "notes", "listening",
                                  "typed"}, where);
          if (!ok) {
            if (d.problems.size() == before) rd.problem(where, "a game record is missing its scenario, seed or score");
            continue;  // a record without these cannot be replayed or ranked
          }
          d.progress.history.push_back(std::move(r));
        }
    }
    if (auto cs = j.find("challenges"); cs != j.end()) {
      if (!cs->is_array()) rd.problem("challenges", "expected a list");
      else
        for (size_t i = 0; i < cs->size(); ++i) {
          const json& o = (*cs)[i];
          const std::string where = "challenges/" + std::to_string(i);
          ChallengeSeen c;
          if (!o.is_object() || !rd.get_str(o, "code", where, c.code, 1024)) { rd.problem(where, "expected a challenge"); continue; }
          rd.get_str(o, "close", where, c.close, 1024);
          rd.get_int(o, "started", where, c.started, 0, 1000000);
          d.progress.challenges.push_back(c);
        }
    }
    if (auto og = j.find("organized"); og != j.end()) {
      if (!og->is_array()) rd.problem("organized", "expected a list");
      else
        for (size_t i = 0; i < og->size(); ++i) {
          const json& v = (*og)[i];
          if (v.is_string() && v.get_ref<const std::string&>().size() <= 2048 && !rd.damaged_text(v)) d.progress.organized.push_back(v.get<std::string>());
          else rd.problem("organized/" + std::to_string(i), "expected a challenge and its close code");
        }
    }
    d.progress.extra = rd.extras(j, {"format", "version", "min_compatible", "settings", "lessons_passed", "history", "challenges", "organized"},
                                 "progress");
  } catch (const std::exception& e) {  // defensive: nothing may escape the boundary
    rd.problem("progress", std::string("could not be read: ") + e.what());
  }
  return d;
}

Progress merge_progress(const Progress& mine, const Progress& incoming) {
  Progress out = mine;
  out.settings = incoming.settings;
  for (const std::string& id : incoming.lessons_passed)
    if (std::find(out.lessons_passed.begin(), out.lessons_passed.end(), id) == out.lessons_passed.end())
      out.lessons_passed.push_back(id);
  for (const GameRecord& r : incoming.history)
    if (std::find(out.history.begin(), out.history.end(), r) == out.history.end()) out.history.push_back(r);
  for (const ChallengeSeen& c : incoming.challenges) {
    auto it = std::find_if(out.challenges.begin(), out.challenges.end(), [&](const ChallengeSeen& o) { return o.code == c.code; });
    if (it == out.challenges.end()) out.challenges.push_back(c);
    else {
      if (it->close.empty()) it->close = c.close;
      it->started = std::max(it->started, c.started);  // attempts are never counted down by an import
    }
  }
  for (const std::string& o : incoming.organized)
    if (std::find(out.organized.begin(), out.organized.end(), o) == out.organized.end()) out.organized.push_back(o);
  // Unknown top-level keys from both files survive; on a clash this browser's value is kept.
  if (out.extra.empty()) out.extra = incoming.extra;
  else if (!incoming.extra.empty()) {
    json e = json::parse(out.extra, nullptr, false);
    json in = json::parse(incoming.extra, nullptr, false);
    if (e.is_object() && in.is_object()) {
      for (auto it = in.begin(); it != in.end(); ++it) if (!e.contains(it.key())) e[it.key()] = it.value();
      out.extra = e.dump();
    }
  }
  // ISO 8601 UTC strings sort as time; stable keeps the order of games finished in the same second.
  std::stable_sort(out.history.begin(), out.history.end(),
                   [](const GameRecord& a, const GameRecord& b) { return a.finished_at < b.finished_at; });
  return out;
}

std::vector<std::string> keep_known_lessons(Progress& p, const std::vector<std::string>& known) {
  std::vector<std::string> problems;
  std::vector<std::string> kept;
  for (const std::string& id : p.lessons_passed) {
    if (std::find(known.begin(), known.end(), id) != known.end()) kept.push_back(id);
    else problems.push_back("lesson \"" + id + "\" is not one of this game's lessons: left out");
  }
  p.lessons_passed = std::move(kept);
  return problems;
}

std::vector<PersonalBest> personal_bests(const Progress& p) {
  std::map<std::string, PersonalBest> by;
  for (const GameRecord& r : p.history) {
    PersonalBest& b = by[r.scenario_id];
    if (b.games == 0 || r.score > b.score || (r.score == b.score && r.meetings < b.meetings)) {
      b.scenario_id = r.scenario_id;
      b.score = r.score;
      b.meetings = r.meetings;
    }
    b.games++;
  }
  std::vector<PersonalBest> out;
  for (auto& kv : by) out.push_back(kv.second);
  return out;
}

}  // namespace buyin
