// Every screen of the game, and the small shared state that routes between them.
#pragma once
#include <string>
#include <vector>

#include "imgui.h"

namespace buyin::ui {

enum class Screen { Title, Onboarding, Practice, Challenge, Settings, About, Briefing, Meeting, Debrief, ContentError };

struct Nav {
  Screen screen = Screen::Title;
  Screen next = Screen::Title;  // applied between frames so a screen never draws half of another
};

Nav& nav();
void go(Screen s);
const char* screen_id(Screen s);

void draw_title();
void draw_about();
void draw_practice();
void draw_onboarding();
void draw_settings();
void draw_briefing();
void draw_meeting();
void draw_debrief();
void draw_content_error();
// Shown in place of a screen that needs the content while content.pack is on its way, or failed.
void draw_content_loading();

// Shared widgets
bool big_entry(const char* id, const char* title, const char* body, float width);
bool back_button(const char* label = "< Back");
// A section title, published as a heading (level 1: the screen's own title).
void heading(const char* text, int level = 2);
// Running text, wrapped to the space there is and published for screen readers.
void para(const std::string& text, ImVec4 color, ImFont* font = nullptr);
void para(const std::string& text);
void para_dim(const std::string& text);
// A label without ImGui's "##id" part: what the user sees and a screen reader says.
std::string visible_label(const char* label);
// True below about 700 CSS px of width at 100% text (1,400 at 200%): one column, larger touch targets.
bool narrow_layout();
// The height a button needs to be a 44 px touch target in the narrow layout (0 = ImGui's own).
float touch_height();
// A button in the accent colour, for the one action a screen is about.
bool primary_button(const char* label, const char* id, ImVec2 size = ImVec2(0, 0));
bool tracked_button(const char* label, const char* id, ImVec2 size = ImVec2(0, 0));
// A button whose label wraps (width 0: the space there is); published as a button.
bool wrap_button(const char* id, const std::string& label, float width = 0.0f, bool primary = false);
// A child window whose text wraps at its edge. Always pair with end_panel().
bool begin_panel(const char* id, ImVec2 size, bool border = false, ImGuiWindowFlags flags = 0);
void end_panel();
// A checkbox whose label wraps; published as a checkbox.
bool wrap_checkbox(const char* id, const char* label, bool* v);
// SameLine() when a button labelled `next_label` still fits on this line.
void same_line_if_fits(const char* next_label);
// Whether the combo just drawn is open (published as "expanded").
bool combo_open();
// A combo published as a combobox named `name`, and while open its options as a listbox of
// options, so a screen reader opens it and chooses one (each option is a mirrored control).
// `label` is ImGui's ("##id" for none). True when the choice changed.
bool tracked_combo(const char* id, const char* label, const std::string& name, int* current,
                   const std::vector<std::string>& options);
// An integer slider published with its range; the page can set its value (a screen reader's
// increment, arrow keys on the mirrored <input type=range>). True when the value changed.
bool tracked_slider_int(const char* id, const char* label, const std::string& name, int* v, int lo, int hi);
// The verdict as icon + word + colour (never colour alone).
void verdict_badge(int verdict, int points, bool show_points);
ImVec4 verdict_color(int verdict);
// Settings changed: re-theme now, rebuild fonts before the next frame.
void apply_settings();
bool fonts_dirty();

}  // namespace buyin::ui
