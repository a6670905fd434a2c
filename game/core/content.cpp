// Enumeration names and small lookups of the content model.
#include "core/content.hpp"

namespace buyin {

const char* to_string(Category c) {
  static const char* n[] = {"facilitative", "implication", "involve_others", "listen", "give_space", "situation",
                            "need_payoff", "pitch", "rebuttal", "pressure", "de_risk"};
  return n[static_cast<int>(c)];
}
const char* to_string(Role r) {
  static const char* n[] = {"economic_buyer", "technical_owner", "user_lead", "champion", "procurement",
                            "executive_sponsor", "finance", "influencer"};
  return n[static_cast<int>(r)];
}
const char* to_string(ConstraintType t) {
  static const char* n[] = {"budget", "tech_overlap", "user_resistance", "misalignment", "incumbent_vendor",
                            "status_quo_rules", "timing", "personal_risk", "no_felt_need"};
  return n[static_cast<int>(t)];
}
const char* to_string(Verdict v) {
  static const char* n[] = {"facilitated", "neutral", "pushed", "harmful"};
  return n[static_cast<int>(v)];
}
const char* to_string(World w) {
  static const char* n[] = {"consumer", "small_business", "mid_market", "enterprise", "public_sector", "healthcare"};
  return n[static_cast<int>(w)];
}
const char* describe(ConstraintType t) {
  static const char* n[] = {"a problem with where the money would come from",
                            "an overlap with the tools already in use",
                            "resistance from the people who would use it",
                            "disagreement inside the team",
                            "a relationship with the current vendor",
                            "rules that protect the status quo",
                            "a timing clash with other priorities",
                            "a personal risk in a wrong choice",
                            "no felt need to change"};
  return n[static_cast<int>(t)];
}
const char* describe_stage(int s) {
  static const char* n[] = {"S0 settled status quo", "S1 problem noticed", "S2 fix it ourselves", "S3 decision team",
                            "S4 change cost & consensus", "S5 buyer-ready", "S6 selection & validation",
                            "S7 commit & adopt"};
  return (s >= 0 && s < kStageCount) ? n[s] : "an unknown stage";
}

const char* to_string(Requirement r) {
  static const char* n[] = {"no_early_pitch", "recommend_when_ready", "cost_named", "hints_heard", "people_brought_in",
                            "worries_worked_through"};
  return n[static_cast<int>(r)];
}
const char* describe(Requirement r) {
  static const char* n[] = {"no pitch, pressure or argument before the buyer was ready",
                            "a recommendation placed once the buyer was ready (S5 or later)",
                            "the buyer named a cost of staying put (reached S1)",
                            "you heard the buyer's hidden constraints (at least two, or all there were)",
                            "the people the change affects were brought in",
                            "the worries you heard were worked through (every blocking one resolved)"};
  return n[static_cast<int>(r)];
}

const char* stage_phrase(int s) {
  // describe_stage's words with the name in brackets; a table, as explanations use it on every move.
  static const char* n[] = {"S0 (settled status quo)", "S1 (problem noticed)", "S2 (fix it ourselves)", "S3 (decision team)",
                            "S4 (change cost & consensus)", "S5 (buyer-ready)", "S6 (selection & validation)",
                            "S7 (commit & adopt)"};
  return (s >= 0 && s < kStageCount) ? n[s] : "an unknown stage";
}

int Content::find_scenario(const std::string& id) const {
  for (size_t i = 0; i < scenarios.size(); ++i) if (scenarios[i].id == id) return static_cast<int>(i);
  return -1;
}
int Content::find_move(const std::string& id) const {
  for (size_t i = 0; i < moves.size(); ++i) if (moves[i].id == id) return static_cast<int>(i);
  return -1;
}

std::string Diagnostic::str() const {
  return file + " " + (pointer.empty() ? std::string("(root)") : pointer) + ": " + message;
}

const std::vector<std::string>& phrasings_for(const MoveDef& m, const Scenario& sc, int move) {
  for (const Scenario::Wording& w : sc.wording)
    if (w.move == move && !w.phrasings.empty()) return w.phrasings;
  const std::vector<std::string>& wp = m.world_phrasings[static_cast<size_t>(sc.world)];
  return wp.empty() ? m.phrasings : wp;
}

const std::string& label_for(const MoveDef& m, const Scenario& sc, int move) {
  for (const Scenario::Wording& w : sc.wording)
    if (w.move == move && !w.label.empty()) return w.label;
  const std::string& wl = m.world_label[static_cast<size_t>(sc.world)];
  return wl.empty() ? m.label : wl;
}

}  // namespace buyin
