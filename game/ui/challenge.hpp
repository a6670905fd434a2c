// The challenge a player is playing (so the debrief can hand out a result code), and opening a
// challenge from the page's link.
#pragma once
#include <string>

#include "core/buyin.hpp"

namespace buyin::ui {

void set_active_challenge(const Challenge& ch);
// The result code for the finished challenge game ("" if the game is not a finished challenge).
std::string challenge_result_code();
// Reads the URL fragment at start-up: a challenge code there opens the Play tab.
void challenge_open_from_link();
void draw_challenge();

}  // namespace buyin::ui
