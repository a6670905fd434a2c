// Loading and saving the player's progress through the platform's storage, and telling the
// player in plain words when a save was damaged (the damaged bytes are kept as a backup).
#pragma once
#include <string>

namespace buyin::ui {

void progress_load();
void progress_save();
// Once the content is loaded: drops lesson ids an LMS handed back that the content does not have.
void progress_content_loaded();
// Adds the finished game to history once (and marks an onboarding lesson passed).
void record_finished_game();
// The damaged save's original bytes, for the player to download ("" if none).
const std::string& damaged_save();
void dismiss_save_problems();

}  // namespace buyin::ui
