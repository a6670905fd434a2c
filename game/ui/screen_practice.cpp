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

// How a game was played: its mode, and "typed" when the trainee said the moves in their own words.
static std::string mode_of(const GameRecord& r) { return r.typed ? r.mode + ", typed" : r.mode; }

// Every finished game, newest first, and the four skills charted over time.
static void draw_history() {
  Session& s = session();
  const auto& h = s.progress.history;
  if (h.empty()) {
    para_dim("No finished games yet. Your history and skill profile will grow here.");
    return;
  }
  heading("Skill profile");
  para_dim("Points earned per game for each skill, oldest to newest (" + std::to_string(h.size()) + " games).");
  struct Series { const char* name; const char* id; int GameRecord::*field; };
  const Series series[] = {{"Discovery", "history.skill.discovery", &GameRecord::discovered},
                           {"Buyer progress", "history.skill.progress", &GameRecord::progress},
                           {"Timing of the pitch", "history.skill.timing", &GameRecord::pitch_timing},
                           {"Trust", "history.skill.trust", &GameRecord::trust}};
  // Four charts in a row, two on a narrower screen, one on a phone.
  const int per_row = ImGui::GetContentRegionAvail().x > 900 ? 4 : ImGui::GetContentRegionAvail().x > 500 ? 2 : 1;
  const float w = (ImGui::GetContentRegionAvail().x - (per_row - 1) * ImGui::GetStyle().ItemSpacing.x) / per_row;
  for (int k = 0; k < 4; ++k) {
    std::vector<float> v;  // floats only to draw; the numbers shown are the integers saved
    for (const GameRecord& r : h) v.push_back(static_cast<float>(r.*(series[k].field)));
    ImGui::BeginGroup();
    const std::string now = std::string(series[k].name) + ": " + std::to_string(h.back().*(series[k].field));
    ImGui::TextUnformatted(now.c_str());
    ImGui::PlotLines(("##" + std::string(series[k].id)).c_str(), v.data(), static_cast<int>(v.size()), 0, nullptr, FLT_MAX,
                     FLT_MAX, ImVec2(w, 70));
    track_item(series[k].id, Sem::Img, now + " in the last game; a chart of every game");
    ImGui::EndGroup();
    if ((k + 1) % per_row != 0) ImGui::SameLine();
  }
  heading("Personal bests");
  begin_container("history.bests", Sem::List, "Personal bests");
  for (const PersonalBest& b : personal_bests(s.progress)) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s: %d (%d meetings, %d games)", title_of(b.scenario_id), b.score, b.meetings, b.games);
    track_text(Sem::ListItem, std::string(title_of(b.scenario_id)) + ": " + std::to_string(b.score) + " (" + std::to_string(b.meetings) +
                                  " meetings, " + std::to_string(b.games) + " games)");
  }
  end_container();
  heading("Every game");
  // A table on a wide screen; on a phone each game is a line of its own (the columns would not fit).
  const bool table = !narrow_layout();
  begin_container("history.games", table ? Sem::Table : Sem::List, "Every game");
  if (table && ImGui::BeginTable("history", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    const char* cols[] = {"When", "Buyer", "Mode", "Score", "Ending"};
    for (const char* c : cols) ImGui::TableSetupColumn(c);
    ImGui::TableHeadersRow();
    for (size_t i = h.size(); i-- > 0;) {
      const GameRecord& r = h[i];
      ImGui::TableNextRow();
      const std::string cells[] = {r.finished_at, title_of(r.scenario_id), mode_of(r), std::to_string(r.score), r.ending};
      for (int c = 0; c < 5; ++c) {
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", cells[c].c_str());
        if (c == 0) track_item(("history.game." + std::to_string(i + 1)).c_str(), Sem::Row,
                               cells[1] + ", " + cells[2] + ", score " + cells[3] + ", " + cells[4] + ", " + cells[0]);
      }
    }
    ImGui::EndTable();
  } else if (!table) {
    for (size_t i = h.size(); i-- > 0;) {
      const GameRecord& r = h[i];
      const std::string line = std::string(title_of(r.scenario_id)) + ", " + mode_of(r) + ", score " + std::to_string(r.score) + ", " +
                               r.ending + ", " + r.finished_at;
      ImGui::TextWrapped("%s", line.c_str());
      track_item(("history.game." + std::to_string(i + 1)).c_str(), Sem::ListItem, line);
    }
  }
  end_container();
}

void draw_practice() {
  Session& s = session();
  const Palette& p = palette();
  if (back_button()) go(Screen::Title);
  heading("Practice", 1);
  if (!ImGui::BeginTabBar("practice_tabs")) return;
  begin_container("practice.tabs", Sem::TabList, "Practice");
  const bool lib = ImGui::BeginTabItem("Library");
  track_item("practice.tab.library", Sem::Tab, "Library", lib ? kSelected : 0);
  if (lib) ImGui::EndTabItem();
  const bool hist = ImGui::BeginTabItem("History and skills");
  track_item("practice.tab.history", Sem::Tab, "History and skills", hist ? kSelected : 0);
  if (hist) ImGui::EndTabItem();
  end_container();
  ImGui::EndTabBar();
  if (hist) { draw_history(); return; }
  para_dim("Pick a buyer. Each game draws their hidden constraints anew from the seed.");

  // --- filters ---
  // Side by side on a wide screen, one under the other on a phone.
  const bool narrow = narrow_layout();
  const float full = ImGui::GetContentRegionAvail().x;
  ImGui::SetNextItemWidth(narrow ? full : 170);
  tracked_combo("practice.filter.difficulty", "##difficulty", "Difficulty", &g_difficulty,
                {"Any difficulty", "1 - gentle", "2", "3", "4", "5 - hardest"});
  if (!narrow) ImGui::SameLine();
  ImGui::SetNextItemWidth(narrow ? full : 190);
  tracked_combo("practice.filter.size", "##size", "Group size", &g_size,
                {"Any group size", "One person", "2-3 people", "4-5 people", "6-7 people"});
  if (!narrow) ImGui::SameLine();
  ImGui::SetNextItemWidth(narrow ? full : 260);
  // Option 0 is "any"; option t + 1 is constraint type t.
  std::vector<std::string> types{"Any hidden constraint"};
  for (int t = 0; t < 9; ++t) types.push_back(describe(static_cast<ConstraintType>(t)));
  int type_choice = g_type + 1;
  if (tracked_combo("practice.filter.type", "##type", "Hidden constraint type", &type_choice, types)) g_type = type_choice - 1;

  ImGui::Checkbox("Play a chosen seed", &g_fixed_seed);
  track_item("practice.fixed_seed", Sem::Checkbox, "Play a chosen seed", g_fixed_seed ? kChecked : 0);
  if (g_fixed_seed) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(narrow ? ImGui::GetContentRegionAvail().x : 160);
    ImGui::InputText("##seed", g_seed_text, sizeof g_seed_text, ImGuiInputTextFlags_CharsDecimal);
    track_item("practice.seed", Sem::Textbox, "Seed", 0, g_seed_text);
  }

  if (!g_start_error.empty()) {
    ImGui::TextWrapped("%s", g_start_error.c_str());
    track_item("practice.error", Sem::Status, g_start_error);
  }

  // --- the library ---
  const auto bests = personal_bests(s.progress);
  const Content& c = content();
  auto best_of = [&](const Scenario& sc) {
    for (const PersonalBest& b : bests)
      if (b.scenario_id == sc.id) return std::to_string(b.score);
    return std::string("-");
  };
  auto matches = [&](const Scenario& sc) {
    return sc.kind == ScenarioKind::full && (!g_difficulty || sc.difficulty == g_difficulty) &&
           size_matches(static_cast<int>(sc.stakeholders.size())) && type_matches(sc);
  };
  auto start = [&](const Scenario& sc) {
    uint64_t seed = g_fixed_seed ? std::strtoull(g_seed_text, nullptr, 10) : fresh_seed();
    g_start_error = session_start(Mode::Practice, sc.id, seed);  // refused for an open challenge's buyer
    if (g_start_error.empty()) go(Screen::Briefing);
  };
  // What a screen reader says for a row, and a phone shows under the title.
  auto details = [&](const Scenario& sc) {
    return std::string(world_name(sc.world)) + ", " + std::to_string(sc.stakeholders.size()) +
           (sc.stakeholders.size() == 1 ? " person" : " people") + ", difficulty " + std::to_string(sc.difficulty) + ", best " + best_of(sc);
  };
  int shown = 0;
  if (narrow) {
    // A phone: each buyer is one button, its details wrapped under the title.
    for (const Scenario& sc : c.scenarios) {
      if (!matches(sc)) continue;
      ++shown;
      if (wrap_button(("practice.scenario." + sc.id).c_str(), sc.title + "\n" + details(sc))) start(sc);
    }
  } else {
    // No inner scrolling: the screen scrolls, and arrow keys reach every row.
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable("library", 5, tf)) {
      ImGui::TableSetupColumn("Buyer", ImGuiTableColumnFlags_WidthStretch);
      ImGui::TableSetupColumn("World", ImGuiTableColumnFlags_WidthFixed, 130);
      ImGui::TableSetupColumn("People", ImGuiTableColumnFlags_WidthFixed, 70);
      ImGui::TableSetupColumn("Difficulty", ImGuiTableColumnFlags_WidthFixed, 90);
      ImGui::TableSetupColumn("Best", ImGuiTableColumnFlags_WidthFixed, 90);
      ImGui::TableHeadersRow();
      for (const Scenario& sc : c.scenarios) {
        if (!matches(sc)) continue;
        ++shown;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(sc.id.c_str());
        if (ImGui::Selectable(sc.title.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) start(sc);
        track_item("practice.scenario." + sc.id, Sem::Button, sc.title + ": " + details(sc));
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextColored(p.text_dim, "%s", world_name(sc.world));
        ImGui::TableNextColumn();
        ImGui::Text("%d", static_cast<int>(sc.stakeholders.size()));
        ImGui::TableNextColumn();
        std::string dots(static_cast<size_t>(sc.difficulty), '*');
        ImGui::Text("%d  %s", sc.difficulty, dots.c_str());
        ImGui::TableNextColumn();
        const std::string best = best_of(sc);
        ImGui::TextColored(best == "-" ? p.text_dim : p.text, "%s", best.c_str());
      }
      ImGui::EndTable();
    }
  }
  if (shown == 0) para_dim("No scenario matches these filters.");
}

}  // namespace buyin::ui
