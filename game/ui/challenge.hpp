// The challenge a player is playing (so the debrief can hand out a result code), and opening a
// challenge from the page's link.
#pragma once
#include <string>

#include "core/buyin.hpp"

namespace buyin::ui {

// Starts a challenge game: the player's seed (per-player challenges), this browser's attempt
// number and the hash of earlier attempts' codes are fixed here. Returns "" or a message.
std::string start_challenge(const Challenge& ch, const std::string& code, const std::string& player, const std::string& team);
// The result code for the finished challenge game ("" if the game is not a finished challenge).
std::string challenge_result_code();
// The code of the challenge being played ("" outside challenges).
const std::string& active_challenge_code();
// Whether the debrief may show its secrets (hidden constraints, expert path, best and worst moves,
// retries): always outside challenges; in a challenge once its close code was entered here.
bool debrief_unlocked();
// Enters the organizer's close code for the active challenge: "" when it opens the round, else why not.
std::string unlock_active_challenge(const std::string& close_code);
// "" or why a practice game of this scenario and seed cannot start (it is an open challenge's buyer).
std::string practice_blocked(const std::string& scenario_id, uint64_t seed);
// Reads the URL fragment at start-up: a challenge code there opens the Play tab.
void challenge_open_from_link();
void draw_challenge();

}  // namespace buyin::ui
