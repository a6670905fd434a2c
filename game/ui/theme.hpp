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
};

const Fonts& fonts();
const Palette& palette();
void theme_apply();
void theme_build_fonts(float pixel_ratio);

}  // namespace buyin::ui
