// Typed moves: a sentence the trainee typed, read as a move of the deck (issue 20).
// Core-pure: no I/O, no platform headers; every number is an integer, so the same sentence gets the
// same reading natively and in wasm. The model is trained at build time from content/corpus/.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.hpp"

namespace buyin::classify {

// ---------------------------------------------------------------------------------------------
// The corpus: content/corpus/*.tsv (text, category, topics, target, note; one header line).
// ---------------------------------------------------------------------------------------------
struct Example {
  std::string text;
  int category = 0;                 // a Category value
  std::vector<ConstraintType> topics;
  std::string target;               // a first name, or empty
  std::string note;
  int line = 0;                     // 1-based line in its file
};
// Parses a corpus file; false with `error` naming the file and line of the first bad row.
bool parse_corpus(std::string_view tsv, const std::string& where, std::vector<Example>& out, std::string& error);
// The deck's labels and phrasings (content/moves.json) as examples of their move's category.
bool deck_examples(std::string_view moves_json, std::vector<Example>& out, std::string& error);
int category_from_string(std::string_view s);        // -1 when unknown
int constraint_type_from_string(std::string_view s);  // -1 when unknown

// ---------------------------------------------------------------------------------------------
// Features: lower-cased, accent-folded words; word unigrams and bigrams (with sentence start and
// end), the question mark as a word, word classes in pairs, and cue phrases (features.cpp).
// Character n-grams were tried and dropped: on this corpus they cost 8-12 points of accuracy
// (game/classify/README.md).
// ---------------------------------------------------------------------------------------------
std::string normalize(std::string_view text);              // "Whats   it COSTING?" -> "whats it costing ?"
std::vector<std::string> words(std::string_view text);     // normalize, then split
std::vector<uint32_t> features(std::string_view text, uint32_t bucket_bits);  // sorted, unique buckets
uint32_t hash_word(std::string_view w);
std::vector<std::string> cues_of(std::string_view text);  // names of the cues found
std::string word_class(std::string_view word);              // "boss" -> "AUTH", "friday" -> "TIME"; "" when none

// ---------------------------------------------------------------------------------------------
// The model: an averaged perceptron over hashed features, weights quantized to int16.
// ---------------------------------------------------------------------------------------------
struct Model {
  uint32_t bucket_bits = 18;
  std::vector<int16_t> weights;   // (1 << bucket_bits) * kCategoryCount, bucket-major
  std::vector<uint32_t> vocab;    // sorted hashes of every training word (for "is this our language?")
  bool empty() const { return weights.empty(); }
};
struct TrainOptions {
  uint64_t seed = 20;
  int epochs = 12;
  uint32_t bucket_bits = 18;
  int push_margin = 96;  // the margin a push must win by over a helpful category (the costliest misreading)
  int margin = 32;       // the margin any other right answer must win by
  int runs = 5;          // perceptron runs, each in its own seeded order, summed into one model
};
Model train(const std::vector<Example>& examples, const TrainOptions& opt = {});
// The file format: "BUYINCLS" v1, then varint-coded sparse weights and the vocabulary.
std::string save_model(const Model& m);
bool load_model(std::string_view bytes, Model& m, std::string& error);
// One integer score per category (higher = more likely).
std::vector<int32_t> scores(const Model& m, std::string_view text);

// ---------------------------------------------------------------------------------------------
// Readings: the category, the concerns touched (keywords), the target (a stakeholder named in the
// sentence) and the nearest move of the deck. Below the confidence threshold, or for input that
// is not a sentence we can read, `caught` is false and the three closest readings are offered.
// ---------------------------------------------------------------------------------------------
struct Reading {
  int category = 0;
  std::string move;                      // a deck move id ("" when the deck has none)
  std::vector<ConstraintType> topics;
  std::string target;                    // a stakeholder's first name, or ""
  std::string target_id;                 // that stakeholder's id, or ""
  int confidence = 0;                    // percent, 0..100
};
struct Result {
  bool caught = false;
  std::string why;                       // when not caught: what was wrong ("empty", "too long", ...)
  Reading best;                          // the top reading (also when not caught)
  std::vector<Reading> closest;          // the three best readings, best first
};
struct Person { std::string id, first_name; };
struct Context {
  const Content* content = nullptr;      // the deck (needed to name moves); may be null
  std::vector<Person> people;            // stakeholders who can be named
  World world = World::mid_market;
};
constexpr int kMaxChars = 600;            // longer than a spoken turn: not read
constexpr int kConfidenceThreshold = 45;  // below: "I didn't catch that"
std::vector<ConstraintType> topics_of(std::string_view text);
std::string target_of(std::string_view text, const std::vector<Person>& people, std::string* id = nullptr);
std::string nearest_move(const Content& c, int category, const std::vector<ConstraintType>& topics,
                         bool has_target, std::string_view text);
Result read(const Model& m, const Context& ctx, std::string_view text);
// A stakeholder's first name, as people address them: "Dr. Leila Haddad" -> "Leila". Inline: the
// app uses it without linking the classifier (on the web that is a module of its own).
inline std::string first_name(std::string_view full_name) {
  if (full_name.compare(0, 4, "Dr. ") == 0) full_name.remove_prefix(4);
  return std::string(full_name.substr(0, full_name.find(' ')));
}
// The people of one meeting, as the app reads with them (inline, like first_name). A first name
// twice is kept twice: target_of takes the first, so the targets are people_of(c, scenario)'s.
inline std::vector<Person> people_in(const Scenario& sc) {
  std::vector<Person> out;
  for (const StakeholderDef& st : sc.stakeholders)
    if (std::string first = first_name(st.name); !first.empty()) out.push_back({st.id, first});
  return out;
}
// Every stakeholder of every scenario (first names), for reading outside a meeting.
std::vector<Person> people_of(const Content& c, int scenario = -1);

}  // namespace buyin::classify
