#include "ui/theme.hpp"

#include <cstddef>

extern const unsigned char font_inter_Regular[];
extern const std::size_t font_inter_Regular_size;
extern const unsigned char font_inter_SemiBold[];
extern const std::size_t font_inter_SemiBold_size;

namespace buyin::ui {

static Fonts g_fonts;

static ImVec4 rgb(int hex, float a = 1.0f) {
  return ImVec4(((hex >> 16) & 255) / 255.0f, ((hex >> 8) & 255) / 255.0f, (hex & 255) / 255.0f, a);
}

// A calm dark theme: deep ink background, warm off-white text, one teal accent for "go".
static const Palette kCalm = {
    rgb(0x141821), rgb(0x1E2430), rgb(0x283042), rgb(0xEDE9E3), rgb(0x9AA3B2),
    rgb(0x2BB3A3), rgb(0x38CDBB), rgb(0x0B1F1C),
    rgb(0x5CC98B), rgb(0xA7B0BF), rgb(0xF2A541), rgb(0xEF6461), rgb(0xF2C14E),
};
static const Palette kHighContrast = {
    rgb(0x000000), rgb(0x111111), rgb(0x333333), rgb(0xFFFFFF), rgb(0xE0E0E0),
    rgb(0x00E5D4), rgb(0x66FFF2), rgb(0x000000),
    rgb(0x3DFF7A), rgb(0xFFFFFF), rgb(0xFFB000), rgb(0xFF4D4D), rgb(0xFFFF00),
};
static Palette g_palette = kCalm;

const Fonts& fonts() { return g_fonts; }
const Palette& palette() { return g_palette; }

void theme_apply(bool high_contrast) {
  g_palette = high_contrast ? kHighContrast : kCalm;
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  s.WindowRounding = 0.0f;
  s.FrameRounding = 8.0f;
  s.ChildRounding = 10.0f;
  s.PopupRounding = 8.0f;
  s.GrabRounding = 6.0f;
  s.ScrollbarRounding = 8.0f;
  s.FramePadding = ImVec2(14, 9);
  s.ItemSpacing = ImVec2(12, 10);
  s.WindowPadding = ImVec2(28, 24);
  s.WindowBorderSize = 0.0f;
  s.ChildBorderSize = 0.0f;
  s.FrameBorderSize = 0.0f;
  ImVec4* c = s.Colors;
  const Palette& p = g_palette;
  if (high_contrast) s.FrameBorderSize = 1.0f;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.text_dim;
  c[ImGuiCol_WindowBg] = p.background;
  c[ImGuiCol_ChildBg] = p.panel;
  c[ImGuiCol_PopupBg] = p.panel;
  c[ImGuiCol_FrameBg] = p.panel;
  c[ImGuiCol_FrameBgHovered] = p.panel_hover;
  c[ImGuiCol_FrameBgActive] = p.panel_hover;
  c[ImGuiCol_Button] = p.panel;
  c[ImGuiCol_ButtonHovered] = p.panel_hover;
  c[ImGuiCol_ButtonActive] = rgb(0x323C52);
  c[ImGuiCol_Header] = p.panel;
  c[ImGuiCol_HeaderHovered] = p.panel_hover;
  c[ImGuiCol_HeaderActive] = rgb(0x323C52);
  c[ImGuiCol_Separator] = rgb(0x2A3140);
  c[ImGuiCol_ScrollbarBg] = p.background;
  c[ImGuiCol_ScrollbarGrab] = p.panel_hover;
  c[ImGuiCol_CheckMark] = p.accent;
  c[ImGuiCol_SliderGrab] = p.accent;
  c[ImGuiCol_NavHighlight] = p.highlight;
  c[ImGuiCol_Border] = high_contrast ? p.text : rgb(0x2A3140);
  c[ImGuiCol_TableHeaderBg] = p.panel_hover;
  c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.03f);
  c[ImGuiCol_PlotLines] = p.accent;
  c[ImGuiCol_PlotHistogram] = p.accent;
}

void theme_build_fonts(float pixel_ratio, int font_percent) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the bytes are static, compiled into the app
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  // Rasterise at the screen's pixel ratio and scale back, so text is crisp on HiDPI screens.
  const float r = pixel_ratio > 0.0f ? pixel_ratio : 1.0f;
  const float k = (font_percent < 80 ? 80 : font_percent > 200 ? 200 : font_percent) / 100.0f;
  // Horizontal oversampling sharpens small text only; large sizes skip it (it doubles their raster time).
  auto add = [&](const unsigned char* data, std::size_t size, float px) {
    cfg.OversampleH = px < 20.0f ? 2 : 1;
    return io.Fonts->AddFontFromMemoryTTF((void*)data, (int)size, px * k * r, &cfg);
  };
  g_fonts.body = add(font_inter_Regular, font_inter_Regular_size, 18.0f);
  g_fonts.small = add(font_inter_Regular, font_inter_Regular_size, 15.0f);
  g_fonts.heading = add(font_inter_SemiBold, font_inter_SemiBold_size, 26.0f);
  // The 64 px title font sets one word: only its glyphs go into the atlas (all of them took over
  // half the atlas and of its raster time on the first frame).
  static const ImWchar kTitleGlyphs[] = {' ', ' ', '-', '-', '?', '?', 'B', 'B', 'I', 'I', 'n', 'n', 'u', 'u', 'y', 'y', 0};
  cfg.GlyphRanges = kTitleGlyphs;
  g_fonts.title = add(font_inter_SemiBold, font_inter_SemiBold_size, 64.0f);
  cfg.GlyphRanges = nullptr;
  io.Fonts->Build();
  io.FontGlobalScale = 1.0f / r;
  io.FontDefault = g_fonts.body;
}

}  // namespace buyin::ui
