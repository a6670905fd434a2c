// Settings: text size, high contrast, raw numbers, coach hints, and the name used in competitions.
// Every change is saved at once.
#include <cstring>

#include <string>
#include <vector>

#include "imgui.h"
#include "platform/platform.hpp"
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
  heading("Settings", 1);
  bool changed = false;

  ImGui::Text("Text size");
  track_text(Sem::Text, "Text size");
  // Beside its label on a wide screen, under it on a phone.
  if (!narrow_layout()) ImGui::SameLine(220);
  if (tracked_button("Smaller", "settings.font.smaller") && st.font_percent > 80) { st.font_percent -= 10; changed = true; }
  ImGui::SameLine();
  ImGui::Text("%d%%", st.font_percent);
  track_item("settings.font.value", Sem::Status, "Text size " + std::to_string(st.font_percent) + "%");
  ImGui::SameLine();
  if (tracked_button("Larger", "settings.font.larger") && st.font_percent < 200) { st.font_percent += 10; changed = true; }

  if (wrap_checkbox("settings.high_contrast", "High-contrast theme", &st.high_contrast)) changed = true;
  if (wrap_checkbox("settings.show_numbers", "Show trust and openness as numbers", &st.show_numbers)) changed = true;
  para_dim("Numbers are always shown on the gentlest scenarios, and the buyer's stage is never shown in competitions.");
  // Shown as it applies now; the first click makes it the trainee's own choice (saved from then on).
  bool hints = coach_hints_on();
  if (wrap_checkbox("settings.coach_hints", "Coach hints in practice: group the cards by their kind of move", &hints)) {
    st.coach_hints = hints ? 1 : 0;
    changed = true;
  }
  para_dim("On until you have passed the onboarding lessons. Competitions never show them: there, as in a real meeting, you judge a move by what you would say.");
  if (wrap_checkbox("settings.typed_first", "Typed first: in a meeting, type what you would say (the cards are one click away)", &st.typed_first)) changed = true;

  ImGui::Dummy(ImVec2(0, 8));
  ImGui::Text("Your name (for competitions)");
  static char name[kNameMaxBytes + 1], team[kNameMaxBytes + 1];  // the one name limit (core/buyin.hpp)
  static int synced_generation = -1;
  if (synced_generation != 1) {  // copy in once; ImGui edits the buffers afterwards
    std::strncpy(name, st.player_name.c_str(), 64);
    std::strncpy(team, st.team.c_str(), 64);
    synced_generation = 1;
  }
  const float field_w = ImGui::GetContentRegionAvail().x < 320 ? ImGui::GetContentRegionAvail().x : 320;
  ImGui::SetNextItemWidth(field_w);
  if (ImGui::InputText("##name", name, sizeof name)) { st.player_name = name; changed = true; }
  track_item("settings.name", Sem::Textbox, "Your name (for competitions)", 0, name);
  ImGui::Text("Team");
  ImGui::SetNextItemWidth(field_w);
  if (ImGui::InputText("##team", team, sizeof team)) { st.team = team; changed = true; }
  track_item("settings.team", Sem::Textbox, "Team", 0, team);

  // --- all progress as a file ---
  static std::vector<std::string> import_messages;
  // An import checks lesson ids against the content, so picked files wait for it (asked for here).
  std::vector<platform::IncomingFile> incoming;
  if (s.content_state == ContentState::idle) session_request_content();
  if (s.content_state == ContentState::ready) incoming = platform::take_incoming_files();
  for (platform::IncomingFile& f : incoming) {
    ProgressDecode d = decode_progress(f.text);
    import_messages.clear();
    if (d.damaged && d.progress == Progress{}) {
      import_messages.push_back(f.name + " could not be imported: " + (d.problems.empty() ? "unreadable" : d.problems[0]));
    } else {
      const size_t before = s.progress.history.size();
      // Lesson ids the content does not have are left out: they would count as lessons passed.
      std::vector<std::string> known;
      for (const Lesson& l : content().lessons) known.push_back(l.id);
      for (const std::string& m : keep_known_lessons(d.progress, known)) d.problems.push_back(m);
      s.progress = merge_progress(s.progress, d.progress);
      import_messages.push_back("Imported " + f.name + ": " + std::to_string(s.progress.history.size() - before) +
                                " new games, " + std::to_string(s.progress.lessons_passed.size()) + " lessons passed in all.");
      for (const std::string& p2 : d.problems) import_messages.push_back("Skipped: " + p2);
      changed = true;
    }
  }
  ImGui::Dummy(ImVec2(0, 8));
  heading("Your progress");
  para_dim(std::to_string(s.progress.history.size()) + " games, " + std::to_string(s.progress.lessons_passed.size()) +
           " lessons passed. Kept in this browser; export it to keep a copy or move it.");
  if (tracked_button("Export all progress", "settings.export"))
    platform::download("buyin-progress.json", "application/json", encode_progress(s.progress));
  ImGui::SameLine();
  if (tracked_button("Import progress...", "settings.import")) platform::open_files();
  if (s.content_state == ContentState::failed) {
    ImGui::TextColored(p.warn, "Importing needs the scenarios: %s", s.content_problem.c_str());
    track_item("settings.import.blocked", Sem::Status, "Importing needs the scenarios: " + s.content_problem);
    if (tracked_button("Load the scenarios again", "settings.import.retry")) session_request_content();
  }
  for (size_t i = 0; i < import_messages.size(); ++i) {
    ImGui::TextColored(i == 0 ? p.good : p.warn, "%s", import_messages[i].c_str());
    if (i == 0) track_item(import_messages[i].rfind("Imported", 0) == 0 ? "settings.import.done" : "settings.import.failed", Sem::Status, import_messages[i]);
    else track_text(Sem::Text, import_messages[i]);
  }

  if (changed) {
    apply_settings();
    progress_save();
  }
}

void draw_content_error() {
  const Palette& p = palette();
  heading("The game content did not load", 1);
  para("Buy-In was built with content it cannot read. Nothing you saved is affected. The problems, file by file:");
  begin_panel("errors", ImVec2(0, 0), true);
  std::string all;
  for (const Diagnostic& d : session().content.errors) { ImGui::TextColored(p.bad, "%s", d.str().c_str()); all += d.str() + "\n"; }
  end_panel();
  track_item("content_error.list", Sem::Text, all);
}

void draw_content_loading() {
  const Session& s = session();
  if (s.content_state != ContentState::failed) {
    heading("Loading the scenarios...", 1);
    para_dim("The buyers, lessons and moves come on first use, so the game opens quickly.");
    track_item("loading.status", Sem::Status, "Loading the scenarios...");
    return;
  }
  heading("The scenarios could not be loaded", 1);
  ImGui::TextColored(palette().warn, "%s", s.content_problem.c_str());
  track_item("loading.problem", Sem::Status, s.content_problem);
  para("Your progress is safe. Check the connection and try again, or go back to the title.");
  if (tracked_button("Try again", "loading.retry")) session_request_content();
  ImGui::SameLine();
  if (tracked_button("Back to the title", "loading.back")) go(Screen::Title);
}

}  // namespace buyin::ui
