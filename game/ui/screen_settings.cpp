// Settings: text size, high contrast, raw numbers, and the name used in competitions.
// Every change is saved at once.
#include <cstring>

#include "imgui.h"
#include "ui/progress_store.hpp"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

namespace buyin::ui {

static bool g_fonts_dirty = false;
bool fonts_dirty() {
  bool d = g_fonts_dirty;
  g_fonts_dirty = false;
  return d;
}

void apply_settings() {
  theme_apply(session().progress.settings.high_contrast);
  g_fonts_dirty = true;
}

void draw_settings() {
  Session& s = session();
  Settings& st = s.progress.settings;
  const Palette& p = palette();
  if (back_button()) go(Screen::Title);
  heading("Settings");
  bool changed = false;

  ImGui::Text("Text size");
  ImGui::SameLine(220);
  if (tracked_button("Smaller", "settings.font.smaller") && st.font_percent > 80) { st.font_percent -= 10; changed = true; }
  ImGui::SameLine();
  ImGui::Text("%d%%", st.font_percent);
  track_item("settings.font.value");
  ImGui::SameLine();
  if (tracked_button("Larger", "settings.font.larger") && st.font_percent < 160) { st.font_percent += 10; changed = true; }

  if (ImGui::Checkbox("High-contrast theme", &st.high_contrast)) changed = true;
  track_item("settings.high_contrast");
  if (ImGui::Checkbox("Show trust and openness as numbers", &st.show_numbers)) changed = true;
  track_item("settings.show_numbers");
  ImGui::TextColored(p.text_dim, "Numbers are always shown on the gentlest scenarios, and the buyer's stage is never shown in competitions.");

  ImGui::Dummy(ImVec2(0, 8));
  ImGui::Text("Your name (for competitions)");
  static char name[65], team[65];
  static int synced_generation = -1;
  if (synced_generation != 1) {  // copy in once; ImGui edits the buffers afterwards
    std::strncpy(name, st.player_name.c_str(), 64);
    std::strncpy(team, st.team.c_str(), 64);
    synced_generation = 1;
  }
  ImGui::SetNextItemWidth(320);
  if (ImGui::InputText("##name", name, sizeof name)) { st.player_name = name; changed = true; }
  track_item("settings.name");
  ImGui::Text("Team");
  ImGui::SetNextItemWidth(320);
  if (ImGui::InputText("##team", team, sizeof team)) { st.team = team; changed = true; }
  track_item("settings.team");

  if (changed) {
    apply_settings();
    progress_save();
  }
}

void draw_content_error() {
  const Palette& p = palette();
  heading("The game content did not load");
  ImGui::TextWrapped("Buy-In was built with content it cannot read. Nothing you saved is affected. "
                     "The problems, file by file:");
  ImGui::BeginChild("errors", ImVec2(0, 0), true);
  for (const Diagnostic& d : session().content.errors) ImGui::TextColored(p.bad, "%s", d.str().c_str());
  ImGui::EndChild();
  track_item("content_error.list");
}

}  // namespace buyin::ui
