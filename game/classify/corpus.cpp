// Reading content/corpus/*.tsv: text, category, topics, target, note.
#include <nlohmann/json.hpp>

#include "classify/classify.hpp"

namespace buyin::classify {

int category_from_string(std::string_view s) {
  for (int k = 0; k < kCategoryCount; ++k)
    if (s == to_string(static_cast<Category>(k))) return k;
  return -1;
}

int constraint_type_from_string(std::string_view s) {
  for (int t = 0; t < kConstraintTypeCount; ++t)
    if (s == to_string(static_cast<ConstraintType>(t))) return t;
  return -1;
}

namespace {
std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) { parts.push_back(s.substr(start, i - start)); start = i + 1; }
  return parts;
}
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}
}  // namespace

bool parse_corpus(std::string_view tsv, const std::string& where, std::vector<Example>& out, std::string& error) {
  std::vector<std::string_view> lines = split(tsv, '\n');
  if (lines.empty() || trim(lines[0]).substr(0, 5) != "text\t") {
    error = where + ":1: expected the header line text, category, topics, target, note (tab-separated)";
    return false;
  }
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view line = trim(lines[i]);
    if (line.empty()) continue;
    const std::string at = where + ":" + std::to_string(i + 1) + ": ";
    std::vector<std::string_view> cols = split(line, '\t');
    if (cols.size() < 2) { error = at + "expected at least text and category, tab-separated"; return false; }
    Example e;
    e.line = static_cast<int>(i + 1);
    e.text = std::string(trim(cols[0]));
    e.category = category_from_string(trim(cols[1]));
    if (e.text.empty()) { error = at + "empty text"; return false; }
    if (e.category < 0) { error = at + "unknown category '" + std::string(trim(cols[1])) + "'"; return false; }
    if (cols.size() > 2 && trim(cols[2]) != "-" && !trim(cols[2]).empty()) {
      for (std::string_view t : split(trim(cols[2]), ',')) {
        int ct = constraint_type_from_string(trim(t));
        if (ct < 0) { error = at + "unknown constraint type '" + std::string(trim(t)) + "' in topics"; return false; }
        e.topics.push_back(static_cast<ConstraintType>(ct));
      }
    }
    if (cols.size() > 3 && trim(cols[3]) != "-") e.target = std::string(trim(cols[3]));
    if (cols.size() > 4) e.note = std::string(trim(cols[4]));
    out.push_back(std::move(e));
  }
  return true;
}

// The deck's own wording is labelled data too: every label and phrasing (all worlds) of
// content/moves.json, with its move's category. Adds about 200 sentences the trainer can trust.
bool deck_examples(std::string_view moves_json, std::vector<Example>& out, std::string& error) {
  nlohmann::json j = nlohmann::json::parse(moves_json, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("moves") || !j["moves"].is_array()) {
    error = "moves.json: not a move deck (no \"moves\" array)";
    return false;
  }
  for (const nlohmann::json& m : j["moves"]) {
    if (!m.is_object() || !m.contains("category") || !m["category"].is_string()) continue;
    int k = category_from_string(m["category"].get<std::string>());
    if (k < 0) continue;
    auto add = [&](const nlohmann::json& t) { if (t.is_string()) { Example e; e.text = t.get<std::string>(); e.category = k; out.push_back(e); } };
    if (m.contains("label")) add(m["label"]);
    if (m.contains("phrasings") && m["phrasings"].is_array()) for (const auto& p : m["phrasings"]) add(p);
    if (m.contains("worlds") && m["worlds"].is_object())
      for (const auto& w : m["worlds"].items()) {
        if (!w.value().is_object()) continue;
        if (w.value().contains("label")) add(w.value()["label"]);
        if (w.value().contains("phrasings") && w.value()["phrasings"].is_array())
          for (const auto& p : w.value()["phrasings"]) add(p);
      }
  }
  return true;
}

}  // namespace buyin::classify
