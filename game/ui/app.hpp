// The app as the platform sees it: set up, draw a frame, tear down. Everything it shows lives
// under game/ui; every score it shows comes from game/core.
#pragma once
#include <string>

#include "imgui.h"

namespace buyin::ui {

void app_init(float pixel_ratio);
void app_rebuild_fonts(float pixel_ratio);
// True once after a setting changed the fonts: the platform rebuilds the atlas before the next frame.
bool app_fonts_dirty();
// Draws the whole UI for one frame. Returns true while it wants more frames without input.
bool app_frame();
ImVec4 app_background();
// The page's address changed to a new challenge link (the platform calls this; the UI opens it).
void app_open_link();
// What the expert would play now in a practice or onboarding game, as the item ids a test clicks:
// {"card": "meeting.card.N", "target": "meeting.target.ID" or ""}; "null" otherwise (never in a
// challenge). Browser and LMS tests play lessons to a pass with it.
std::string app_suggest_move();
// The page's semantic mirror asks for an item (by its published id) to be pressed or focused,
// as a screen reader or a click on the mirror does. False when no such item is on screen.
bool app_activate(const char* id);
bool app_focus(const char* id);
bool app_set_value(const char* id, const char* value);  // a slider set by the page
void app_shutdown();

}  // namespace buyin::ui
