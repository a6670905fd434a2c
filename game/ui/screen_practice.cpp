// Practice: the scenario library with filters, a fresh seed or a chosen one, and personal bests.
#include <cstdio>
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

void draw_practice() {
  Session& s = session();
  const Palette& p = palette();
  if (back_button()) go(Screen::Title);
  heading("Practice");
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
        if (session_start(Mode::Practice, sc.id, seed).empty()) go(Screen::Briefing);
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
