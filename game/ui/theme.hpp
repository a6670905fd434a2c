// Colours, fonts and the ImGui style of Buy-In (one place, so screens never pick raw colours).
#pragma once
#include "imgui.h"

namespace buyin::ui {

struct Fonts {
  ImFont* body = nullptr;     // running text, buttons
  ImFont* small = nullptr;    // captions, hints
  ImFont* heading = nullptr;  // screen and section titles
  ImFont* title = nullptr;    // the game's name on the title screen
};

struct Palette {
  ImVec4 background, panel, panel_hover, text, text_dim, accent, accent_hover, accent_text;
  ImVec4 good, neutral, warn, bad;  // verdicts: facilitated, neutral, pushed, harmful
  ImVec4 highlight;                 // keyboard focus, the buyer's stage on the journey map
};

const Fonts& fonts();
const Palette& palette();
// high_contrast: pure black and white with saturated verdict colours.
void theme_apply(bool high_contrast = false);
// font_percent scales every font (80..200) on top of the screen's pixel ratio.
void theme_build_fonts(float pixel_ratio, int font_percent = 100);

}  // namespace buyin::ui
