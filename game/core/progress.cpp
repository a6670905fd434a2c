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
         pitch_timing == o.pitch_timing && trust == o.trust && cycle == o.cycle;
}

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
  j["lessons_passed"] = p.lessons_passed;
  json h = json::array();
  for (const GameRecord& r : p.history) {
    // The seed is a string: JSON numbers lose precision past 2^53 in JavaScript tools.
    h.push_back({{"mode", r.mode}, {"scenario", r.scenario_id}, {"seed", std::to_string(r.seed)},
                 {"moves", r.moves}, {"content_hash", r.content_hash}, {"ending", r.ending},
                 {"finished_at", r.finished_at}, {"score", r.score}, {"meetings", r.meetings},
                 {"discovered", r.discovered}, {"progress", r.progress}, {"pitch_timing", r.pitch_timing},
                 {"trust", r.trust}, {"cycle", r.cycle}});
  }
  j["history"] = std::move(h);
  return j.dump(1);
}

namespace {

// Reads fields one by one so a single bad value costs only that value, and says where.
struct Reader {
  std::vector<std::string>& problems;
  bool& damaged;

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
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  Reader rd{d.problems, d.damaged};
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
        rd.get_int(*s, "font_percent", "settings", st.font_percent, 80, 160);
        rd.get_bool(*s, "high_contrast", "settings", st.high_contrast);
        rd.get_bool(*s, "show_numbers", "settings", st.show_numbers);
        rd.get_str(*s, "player_name", "settings", st.player_name, 64);
        rd.get_str(*s, "team", "settings", st.team, 64);
      }
    }
    if (auto l = j.find("lessons_passed"); l != j.end()) {
      if (!l->is_array()) rd.problem("lessons_passed", "expected a list");
      else
        for (size_t i = 0; i < l->size(); ++i) {
          const json& v = (*l)[i];
          if (v.is_string() && v.get_ref<const std::string&>().size() <= 64) d.progress.lessons_passed.push_back(v.get<std::string>());
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
          if (!ok) {
            if (d.problems.size() == before) rd.problem(where, "a game record is missing its scenario, seed or score");
            continue;  // a record without these cannot be replayed or ranked
          }
          d.progress.history.push_back(std::move(r));
        }
    }
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
  // ISO 8601 UTC strings sort as time; stable keeps the order of games finished in the same second.
  std::stable_sort(out.history.begin(), out.history.end(),
                   [](const GameRecord& a, const GameRecord& b) { return a.finished_at < b.finished_at; });
  return out;
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
