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
const char* stage_phrase(int stage);     // "S4 (change cost & consensus)", for sentences

struct MoveDef {
  std::string id;
  Category category = Category::facilitative;
  std::string label;
  std::vector<std::string> phrasings;
  // Per-world wording ("worlds": {"consumer": {"label": ..., "phrasings": [...]}}): empty = the default.
  std::array<std::string, kWorldCount> world_label;
  std::array<std::vector<std::string>, kWorldCount> world_phrasings;
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
  std::vector<uint64_t> hint_hash;  // derived (index_content): TalkMemory::text_hash of each hint filled, 0 if it names the speaker
};

// What a line is for ("kind"): a reply to a move, or one of the special moments.
enum class LineKind : uint8_t {
  reply,     // the reaction to a move (the default)
  stall,     // how the speaker politely puts off a seller who pushes (see Stall in sim.hpp)
  worry,     // another way the owner voices a constraint (a hint or an objection), besides its hints
  news,      // a constraint resolved before the trainee heard any hint of it, told as news
  farewell,  // the speaker stops taking the seller's calls (the game ends disengaged)
  purchase   // the speaker says yes (the game ends in a purchase)
};
constexpr int kLineKindCount = 6;
// When a line keyed to a constraint ("about") applies: while it is open, or on what this move did to it.
enum class LineOn : uint8_t { open, hint, worked, resolved };
// What the buyer had said just before the move ("after").
enum class LineAfter : uint8_t { none, hint, objection, stall };
constexpr int kLineAfterCount = 4;
// Scenario::lines_for's bucket for a reply to a move of category k by `speaker` (of np people).
inline size_t line_bucket(int np, Category k, int speaker, Verdict v, LineAfter a) {
  return ((static_cast<size_t>(k) * static_cast<size_t>(np) + static_cast<size_t>(speaker)) * kVerdictCount +
          static_cast<size_t>(v)) * kLineAfterCount + static_cast<size_t>(a);
}

struct LineDef {
  int speaker = -1;   // stakeholder index, -1 = any
  int category = -1;  // Category value, -1 = any
  int verdict = -1;   // Verdict value, -1 = any
  int min_stage = 0, max_stage = 7;
  bool stall = false;  // kind == stall (kept for the old call sites)
  LineKind kind = LineKind::reply;
  int move = -1;        // index into Content::moves, -1 = any move
  int about = -1;       // index into Scenario::pool ("about": a constraint id), -1 = none
  int about_type = -1;  // ConstraintType value ("about": a constraint type), -1 = none
  LineOn on = LineOn::open;
  bool on_given = false;  // "on" was written (without "about": any constraint)
  LineAfter after = LineAfter::none;
  int answered = -1;    // with "after": 1 the move answered it, 0 it moved past it, -1 either
  int stall_kind = -1;  // stall lines: Stall value ("stall": "proposal" ...), -1 = any kind
  std::string text;
  // A filler: a reply written for any move, any category and any verdict, with no state key.
  bool filler() const {
    return kind == LineKind::reply && move < 0 && category < 0 && verdict < 0;
  }
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
  // Per-scenario wording of moves ("move_wording": {"move_id": {"label": ..., "phrasings": [...]}}).
  struct Wording { int move = -1; std::string label; std::vector<std::string> phrasings; };
  std::vector<Wording> wording;
  // Derived from deck and moves by index_content (load_content calls it); dealing falls back to a
  // scan of the deck when it is missing or was built for another deck size.
  std::array<DealStage, kStageCount> deal;
  size_t deal_deck_size = 0;
  bool deal_indexed = false;
  // The reply lines that can answer a move, by line_bucket(category, speaker, verdict, after): those
  // whose category, speaker, verdict and "after" are any or that one (a push never gets a filler),
  // ascending. Bucket b is lines_for[lines_for_start[b] .. lines_for_start[b + 1]). Every reply picks
  // from one bucket instead of testing each line of the scenario (about 2.5x fewer lines tested).
  std::vector<int> lines_for;
  std::vector<uint32_t> lines_for_start;
  size_t lines_indexed = static_cast<size_t>(-1);  // lines.size() when lines_for was built
  // Per line: TalkMemory::text_hash of its text filled ({offering}), 0 when it names the speaker
  // ({name}, hashed when said), and line_specificity: reply selection compares these on every move.
  std::vector<uint64_t> line_hash;
  std::vector<int> line_spec;
  std::array<std::vector<int>, kLineKindCount> lines_of_kind;  // line indices by kind, ascending
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
  // The scaffolding: cards show their kind of move and the coach names it (the first lessons only).
  bool show_categories = false;
  std::vector<Requirement> requirements;
  std::vector<Callout> callouts;
};

struct Content {
  std::vector<MoveDef> moves;
  // Words a move's wording must not use in a world (moves.json "wrong_words"; lint warns).
  std::array<std::vector<std::string>, kWorldCount> wrong_words;
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
// What the seller says and what the button reads for a move in a scenario: the scenario's own
// wording, else the move's wording for the scenario's world, else the move's default.
const std::vector<std::string>& phrasings_for(const MoveDef& m, const Scenario& sc, int move);
const std::string& label_for(const MoveDef& m, const Scenario& sc, int move);
// Rebuilds the derived tables (Scenario::deal) after content was changed by hand.
void index_content(Content& content);
// Warnings on content that loads: unreachable lines, unaddressed constraints, placeholders ...
std::vector<Diagnostic> lint_content(const Content& content);

}  // namespace buyin
