// Practice: the scenario library with filters, a fresh seed or a chosen one, and personal bests.
#include <cfloat>
#include <cstdio>
#include <vector>
#include <cstdlib>
#include <string>

#include "imgui.h"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

namespace buyin::ui {

static int g_difficulty = 0;  // 0 = any
static int g_size = 0;        // 0 any, 1 one person, 2 two-three, 3 four-five, 4 six-seven
static int g_type = -1;       // constraint type, -1 any
static bool g_fixed_seed = false;
static char g_seed_text[24] = "1";
static std::string g_start_error;  // why the last pick did not start (an open challenge's buyer)

static const char* world_name(World w) {
  switch (w) {
    case World::consumer: return "Consumer";
    case World::small_business: return "Small business";
    case World::mid_market: return "Mid-market";
    case World::enterprise: return "Enterprise";
    case World::public_sector: return "Public sector";
    case World::healthcare: return "Healthcare";
  }
  return "";
}

static bool size_matches(int n) {
  switch (g_size) {
    case 1: return n == 1;
    case 2: return n >= 2 && n <= 3;
    case 3: return n >= 4 && n <= 5;
    case 4: return n >= 6;
    default: return true;
  }
}

static bool type_matches(const Scenario& sc) {
  if (g_type < 0) return true;
  for (const ConstraintDef& d : sc.pool)
    if (static_cast<int>(d.type) == g_type) return true;
  return false;
}

static const char* title_of(const std::string& scenario_id) {
  const int i = content().find_scenario(scenario_id);
  return i >= 0 ? content().scenarios[static_cast<size_t>(i)].title.c_str() : scenario_id.c_str();
}

// Every finished game, newest first, and the four skills charted over time.
static void draw_history() {
  Session& s = session();
  const Palette& p = palette();
  const auto& h = s.progress.history;
  if (h.empty()) {
    ImGui::TextColored(p.text_dim, "No finished games yet. Your history and skill profile will grow here.");
    return;
  }
  heading("Skill profile");
  ImGui::TextColored(p.text_dim, "Points earned per game for each skill, oldest to newest (%d games).", static_cast<int>(h.size()));
  struct Series { const char* name; const char* id; int GameRecord::*field; };
  const Series series[] = {{"Discovery", "history.skill.discovery", &GameRecord::discovered},
                           {"Buyer progress", "history.skill.progress", &GameRecord::progress},
                           {"Timing of the pitch", "history.skill.timing", &GameRecord::pitch_timing},
                           {"Trust", "history.skill.trust", &GameRecord::trust}};
  const float w = (ImGui::GetContentRegionAvail().x - 3 * ImGui::GetStyle().ItemSpacing.x) / 4.0f;
  for (int k = 0; k < 4; ++k) {
    std::vector<float> v;  // floats only to draw; the numbers shown are the integers saved
    for (const GameRecord& r : h) v.push_back(static_cast<float>(r.*(series[k].field)));
    ImGui::BeginGroup();
    ImGui::Text("%s: %d", series[k].name, h.back().*(series[k].field));
    ImGui::PlotLines(("##" + std::string(series[k].id)).c_str(), v.data(), static_cast<int>(v.size()), 0, nullptr, FLT_MAX,
                     FLT_MAX, ImVec2(w, 70));
    track_item(series[k].id);
    ImGui::EndGroup();
    if (k < 3) ImGui::SameLine();
  }
  heading("Personal bests");
  for (const PersonalBest& b : personal_bests(s.progress))
    ImGui::BulletText("%s: %d (%d meetings, %d games)", title_of(b.scenario_id), b.score, b.meetings, b.games);
  heading("Every game");
  if (ImGui::BeginTable("history", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const char* c : {"When", "Buyer", "Mode", "Score", "Ending"}) ImGui::TableSetupColumn(c);
    ImGui::TableHeadersRow();
    for (size_t i = h.size(); i-- > 0;) {
      const GameRecord& r = h[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn(); ImGui::TextUnformatted(r.finished_at.c_str());
      track_item(("history.game." + std::to_string(i + 1)).c_str());
      ImGui::TableNextColumn(); ImGui::TextUnformatted(title_of(r.scenario_id));
      ImGui::TableNextColumn(); ImGui::TextUnformatted(r.mode.c_str());
      ImGui::TableNextColumn(); ImGui::Text("%d", r.score);
      ImGui::TableNextColumn(); ImGui::TextUnformatted(r.ending.c_str());
    }
    ImGui::EndTable();
  }
}

void draw_practice() {
  Session& s = session();
  const Palette& p = palette();
  if (back_button()) go(Screen::Title);
  heading("Practice");
  if (!ImGui::BeginTabBar("practice_tabs")) return;
  const bool lib = ImGui::BeginTabItem("Library");
  track_item("practice.tab.library");
  if (lib) ImGui::EndTabItem();
  const bool hist = ImGui::BeginTabItem("History and skills");
  track_item("practice.tab.history");
  if (hist) ImGui::EndTabItem();
  ImGui::EndTabBar();
  if (hist) { draw_history(); return; }
  ImGui::TextColored(p.text_dim, "Pick a buyer. Each game draws their hidden constraints anew from the seed.");

  // --- filters ---
  ImGui::SetNextItemWidth(170);
  const char* diffs[] = {"Any difficulty", "1 - gentle", "2", "3", "4", "5 - hardest"};
  ImGui::Combo("##difficulty", &g_difficulty, diffs, 6);
  track_item("practice.filter.difficulty");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(190);
  const char* sizes[] = {"Any group size", "One person", "2-3 people", "4-5 people", "6-7 people"};
  ImGui::Combo("##size", &g_size, sizes, 5);
  track_item("practice.filter.size");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(260);
  std::string preview = g_type < 0 ? "Any hidden constraint" : describe(static_cast<ConstraintType>(g_type));
  if (ImGui::BeginCombo("##type", preview.c_str())) {
    if (ImGui::Selectable("Any hidden constraint", g_type < 0)) g_type = -1;
    for (int t = 0; t < 9; ++t)
      if (ImGui::Selectable(describe(static_cast<ConstraintType>(t)), g_type == t)) g_type = t;
    ImGui::EndCombo();
  }
  track_item("practice.filter.type");

  ImGui::Checkbox("Play a chosen seed", &g_fixed_seed);
  track_item("practice.fixed_seed");
  if (g_fixed_seed) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160);
    ImGui::InputText("##seed", g_seed_text, sizeof g_seed_text, ImGuiInputTextFlags_CharsDecimal);
    track_item("practice.seed");
  }

  if (!g_start_error.empty()) {
    ImGui::TextColored(p.bad, "%s", g_start_error.c_str());
    track_item("practice.error");
  }

  // --- the library ---
  const auto bests = personal_bests(s.progress);
  const Content& c = content();
  // No inner scrolling: the screen scrolls, and arrow keys reach every row.
  const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX;
  if (ImGui::BeginTable("library", 5, tf)) {
    ImGui::TableSetupColumn("Buyer", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("World", ImGuiTableColumnFlags_WidthFixed, 130);
    ImGui::TableSetupColumn("People", ImGuiTableColumnFlags_WidthFixed, 70);
    ImGui::TableSetupColumn("Difficulty", ImGuiTableColumnFlags_WidthFixed, 90);
    ImGui::TableSetupColumn("Best", ImGuiTableColumnFlags_WidthFixed, 90);
    ImGui::TableHeadersRow();
    int shown = 0;
    for (const Scenario& sc : c.scenarios) {
      if (sc.kind != ScenarioKind::full) continue;
      if (g_difficulty && sc.difficulty != g_difficulty) continue;
      if (!size_matches(static_cast<int>(sc.stakeholders.size())) || !type_matches(sc)) continue;
      ++shown;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(sc.id.c_str());
      if (ImGui::Selectable(sc.title.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
        uint64_t seed = g_fixed_seed ? std::strtoull(g_seed_text, nullptr, 10) : fresh_seed();
        g_start_error = session_start(Mode::Practice, sc.id, seed);
        if (g_start_error.empty()) go(Screen::Briefing);
      }
      track_item(("practice.scenario." + sc.id).c_str());
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextColored(p.text_dim, "%s", world_name(sc.world));
      ImGui::TableNextColumn();
      ImGui::Text("%d", static_cast<int>(sc.stakeholders.size()));
      ImGui::TableNextColumn();
      std::string dots(static_cast<size_t>(sc.difficulty), '*');
      ImGui::Text("%d  %s", sc.difficulty, dots.c_str());
      ImGui::TableNextColumn();
      bool found = false;
      for (const PersonalBest& b : bests)
        if (b.scenario_id == sc.id) { ImGui::Text("%d", b.score); found = true; }
      if (!found) ImGui::TextColored(p.text_dim, "-");
    }
    ImGui::EndTable();
    if (shown == 0) ImGui::TextColored(p.text_dim, "No scenario matches these filters.");
  }
}

}  // namespace buyin::ui
