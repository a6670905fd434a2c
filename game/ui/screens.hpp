// Every screen of the game, and the small shared state that routes between them.
#pragma once
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

// Shared widgets
bool big_entry(const char* id, const char* title, const char* body, float width);
bool back_button(const char* label = "< Back");
void heading(const char* text);
// A button in the accent colour, for the one action a screen is about.
bool primary_button(const char* label, const char* id, ImVec2 size = ImVec2(0, 0));
bool tracked_button(const char* label, const char* id, ImVec2 size = ImVec2(0, 0));
// The verdict as icon + word + colour (never colour alone).
void verdict_badge(int verdict, int points, bool show_points);
ImVec4 verdict_color(int verdict);
// Settings changed: re-theme now, rebuild fonts before the next frame.
void apply_settings();
bool fonts_dirty();

}  // namespace buyin::ui
