// Typed moves in a meeting (issue 20): the trainee types what they would say; the game reads it as
// a move of the deck (game/classify), plays it, and says how it heard it. The cards stay one click
// away unless a challenge asks for typing.
#pragma once
#include <string>

#include "core/buyin.hpp"

namespace buyin::ui {

using PlayFn = void (*)(const Action&);
// The text field is shown instead of the cards (the setting, the challenge, or the trainee's click).
bool typed_shown();
// The field, the reader's state, and the choice of readings when unsure; plays through `play`.
void draw_typed_move(const View& v, PlayFn play);
// Beside the cards' heading (drawn right after it): the one click to typing.
void draw_typed_switch();
// "Heard as: ..." for a typed move (Game::results index), "" for a card.
std::string heard_as(int result_index);

}  // namespace buyin::ui
