// Every screen of the game, and the small shared state that routes between them.
#pragma once

namespace buyin::ui {

enum class Screen { Title, Onboarding, Practice, Challenge, Settings, About };

struct Nav {
  Screen screen = Screen::Title;
  Screen next = Screen::Title;  // applied between frames so a screen never draws half of another
};

Nav& nav();
void go(Screen s);
const char* screen_id(Screen s);

void draw_title();
void draw_about();
void draw_mode_intro(Screen s);  // Onboarding, Practice, Challenge, Settings until their screens land

// Shared widgets
bool big_entry(const char* id, const char* title, const char* body, float width);
bool back_button();

}  // namespace buyin::ui
