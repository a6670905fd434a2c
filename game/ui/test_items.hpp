// Named widget rectangles, published each frame they change, so browser tests can click and
// type at real coordinates (window.buyin.items() in the page) instead of calling internals.
#pragma once

namespace buyin::ui {

void items_begin_frame(const char* screen);
// Records the last ImGui item under a stable id (e.g. "title.practice").
void track_item(const char* id);
void items_end_frame();

}  // namespace buyin::ui
