// Content model: the parsed, cross-checked form of content/*.json (see content/FORMAT.md).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace buyin {

constexpr int kStageCount = 8;  // S0..S7

enum class Category : uint8_t {
  facilitative, implication, involve_others, listen, give_space, situation,
  need_payoff, pitch, rebuttal, pressure, de_risk
};
constexpr int kCategoryCount = 11;

enum class Role : uint8_t {
  economic_buyer, technical_owner, user_lead, champion, procurement,
  executive_sponsor, finance, influencer
};
constexpr int kRoleCount = 8;

enum class ConstraintType : uint8_t {
  budget, tech_overlap, user_resistance, misalignment, incumbent_vendor,
  status_quo_rules, timing, personal_risk, no_felt_need
};
constexpr int kConstraintTypeCount = 9;

enum class Verdict : uint8_t { facilitated, neutral, pushed, harmful };
constexpr int kVerdictCount = 4;

enum class World : uint8_t { consumer, small_business, mid_market, enterprise, public_sector, healthcare };
constexpr int kWorldCount = 6;

enum class TargetKind : uint8_t { none, stakeholder };
enum class ScenarioKind : uint8_t { lesson, full };

// Names exactly as written in JSON.
const char* to_string(Category c);
const char* to_string(Role r);
const char* to_string(ConstraintType t);
const char* to_string(Verdict v);
const char* to_string(World w);
// Human-facing phrases ("an overlap with existing tools").
const char* describe(ConstraintType t);
const char* describe_stage(int stage);  // "S4 change cost & consensus"

struct MoveDef {
  std::string id;
  Category category = Category::facilitative;
  std::string label;
  std::vector<std::string> phrasings;
  TargetKind target = TargetKind::none;
  std::vector<ConstraintType> addresses;
  int min_stage = 0, max_stage = 7;
  int strength = 2;
  bool ties_to_need = false;  // a pitch built on what the buyer said they need ("ties_to_need")
  bool addresses_type(ConstraintType t) const {
    for (ConstraintType a : addresses) if (a == t) return true;
    return false;
  }
};

struct StakeholderDef {
  std::string id, name, title, personality;
  Role role = Role::economic_buyer;
  bool engaged = true, veto = false;
  int trust = 50, openness = 50;
  int joins_from_stage = 0;  // an invitation is taken up only once the buyer reached this stage
  int through = -1;          // stakeholder index who must be engaged (and trusting) to bring them in; -1 = anyone
};

struct ConstraintDef {
  std::string id;
  ConstraintType type = ConstraintType::budget;
  int owner = 0;  // index into Scenario::stakeholders
  int severity = 1;
  bool aware = false, always = false;
  int takes_meetings = 0;  // meetings of internal work after the buyer became aware before it can resolve
  enum class Start : uint8_t { hidden, known, resolved } start = Start::hidden;  // the buyer's work done before you came
  std::string summary, resolved;
  std::vector<std::string> hints;
};

struct LineDef {
  int speaker = -1;   // stakeholder index, -1 = any
  int category = -1;  // Category value, -1 = any
  int verdict = -1;   // Verdict value, -1 = any
  int min_stage = 0, max_stage = 7;
  bool stall = false;  // "kind": "stall": how this speaker puts off a seller who pushes (see Stall in sim.hpp)
  std::string text;
};

// Which deck slots can be dealt at one stage, bucketed by category (derived; see index_content).
struct DealStage {
  std::array<int, kCategoryCount + 1> start{};  // category k's slots: by_category[start[k] .. start[k + 1])
  std::vector<int> by_category;                 // ascending within each category
};

struct Scenario {
  std::string id, title, brief, offering_name, offering_summary;
  std::string file;  // "scenarios/<id>.json"
  ScenarioKind kind = ScenarioKind::full;
  int difficulty = 1;
  World world = World::consumer;
  int meetings = 6, moves_per_meeting = 4, hand_size = 8, need = 10;
  // A buyer who starts further along: the work up to start_stage is done before the first meeting.
  int start_stage = 0, needs_stated = 0;
  // Percent of draws in which the buyer did their internal work before you came (a ready buyer, who
  // buys from a conventional seller too). -1 in the file: 10 for a full scenario, 0 for a lesson.
  int ready_share = -1;
  std::vector<int> deck;  // indices into Content::moves, in deck order
  std::vector<StakeholderDef> stakeholders;
  int draw_min = 1, draw_max = 1;
  std::vector<ConstraintDef> pool;
  std::vector<LineDef> lines;
  // Derived from deck and moves by index_content (load_content calls it); dealing falls back to a
  // scan of the deck when it is missing or was built for another deck size.
  std::array<DealStage, kStageCount> deal;
  size_t deal_deck_size = 0;
  bool deal_indexed = false;
  // Per category: indices of the lines that can answer it (category any or that one), ascending.
  std::array<std::vector<int>, kCategoryCount> lines_for;
  size_t lines_indexed = static_cast<size_t>(-1);  // lines.size() when lines_for was built
};

struct Callout { std::string on, text; };
// What a lesson's pass condition asks of the trainee besides the score (onboarding.json "requires").
enum class Requirement : uint8_t { no_early_pitch, recommend_when_ready, cost_named, hints_heard, people_brought_in, worries_worked_through };
constexpr int kRequirementCount = 6;
const char* to_string(Requirement r);
const char* describe(Requirement r);  // "you placed a recommendation only once the buyer was ready (S5 or later)"

struct Lesson {
  std::string id, scenario, title, idea, coach_intro;
  int pass_score = 0;
  std::vector<Requirement> requirements;
  std::vector<Callout> callouts;
};

struct Content {
  std::vector<MoveDef> moves;
  std::vector<Scenario> scenarios;  // sorted by file path
  std::vector<Lesson> lessons;
  uint64_t hash = 0;  // FORMAT.md content hash
  int find_scenario(const std::string& id) const;
  int find_move(const std::string& id) const;
};

// One input file: path relative to content/ ("scenarios/clinic.json") and its bytes.
struct SourceFile { std::string path, text; };

struct Diagnostic {
  std::string file, pointer, message;
  std::string str() const;  // "file /pointer: message"
};

struct LoadResult {
  bool ok = false;
  Content content;                 // valid only when ok
  std::vector<Diagnostic> errors;  // every error found, in file order
};

// True for the files the game loads: moves.json, onboarding.json, scenarios/*.json.
bool is_content_path(const std::string& path);
// FNV-1a 64 over the content files in path byte order (FORMAT.md); non-content paths ignored.
uint64_t content_hash(const std::vector<SourceFile>& files);
// Parses and cross-checks; never throws; returns the content or ALL errors.
LoadResult load_content(const std::vector<SourceFile>& files);
// Rebuilds the derived tables (Scenario::deal) after content was changed by hand.
void index_content(Content& content);
// Warnings on content that loads: unreachable lines, unaddressed constraints, placeholders ...
std::vector<Diagnostic> lint_content(const Content& content);

}  // namespace buyin
