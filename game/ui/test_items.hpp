// The UI's semantic layer: every item a screen publishes carries a stable id, a role, an
// accessible name, its state and its rectangle. The page mirrors them as a hidden DOM tree for
// screen readers (web/glue.js) and browser tests read the same list (window.buyin.items()).
#pragma once
#include <string>

#include "imgui.h"

namespace buyin::ui {

enum class Sem : unsigned char {
  Text, Button, Tab, TabList, Checkbox, Textbox, Heading, Link, List, ListItem, Log, Table, Row, Cell,
  ColumnHeader, Combobox, Slider, Status, Group, Img, Note, Listbox, Option
};
// State bits (only the ones that apply to the role are published).
enum : unsigned {
  kSelected = 1u << 0,    // tabs: this one is shown
  kChecked = 1u << 1,     // checkboxes
  kExpanded = 1u << 2,    // combos and other things that open
  kPressed = 1u << 3,     // toggle buttons
  kReadOnly = 1u << 4,    // text fields that can only be copied from
  kMultiline = 1u << 5,   // text fields of several lines
  kToggle = 1u << 6,      // a button that stays pressed (publishes "pressed")
  kExpandable = 1u << 7,  // publishes "expanded"
};

void items_begin_frame(const char* screen);
// Publishes the last ImGui item under a stable id ("title.practice"). Disabled state is read
// from ImGui; `value` is a text field's text or a combo's choice.
void track_item(const char* id, Sem role, const std::string& name, unsigned state = 0, const std::string& value = "");
inline void track_item(const std::string& id, Sem role, const std::string& name, unsigned state = 0,
                       const std::string& value = "") {
  track_item(id.c_str(), role, name, state, value);
}
// Publishes a rectangle that is no ImGui item (a tooltip's, a block of feedback).
void track_rect(const char* id, Sem role, const std::string& name, ImVec2 min, ImVec2 max);
// Containers (a transcript log, a table and its rows, a list): items published until the
// matching end belong to it. Its rectangle is the one given (a child window's, a table's).
void begin_container(const char* id, Sem role, const std::string& name);
// The same, spanning x0..x1 (a table row spans the whole table, not the cell it starts in).
void begin_container(const char* id, Sem role, const std::string& name, float x0, float x1);
void end_container();  // rectangle: from the begin position to the last item drawn
// Publishes the last item as text (or a heading) with an id made from its container.
void track_text(Sem role, const std::string& text, int level = 0);
// Marks the last published item as clipped (its label does not fit its rectangle).
void mark_clipped();
// Sets the heading level of the last published item (1: the screen's title).
void mark_level(int level);
// Gives the last published item (a slider) its range: the page's <input type=range> takes it.
void mark_range(int lo, int hi);
// How many items this frame has published so far; move_last_to puts the last one at that place
// (a combo is drawn after its open list, but read before it).
size_t items_count();
void move_last_to(size_t index);
void items_end_frame();

// The page asks for an item to be pressed (a screen reader's "activate", a click on the mirror)
// or focused; both act from the next frame on. False when no item has that id.
bool activate_item(const char* id);
bool focus_item(const char* id);
// The page sets a slider's value (a screen reader's increment, an arrow key on the mirrored
// <input type=range>): kept until the widget with that id takes it as it is drawn next.
// False when no slider has that id.
bool set_item_value(const char* id, const std::string& value);
bool take_value_request(const char* id, std::string& value);

}  // namespace buyin::ui
