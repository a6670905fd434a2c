#include "ui/app.hpp"

#include "ui/screens.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

namespace buyin::ui {

static Nav g_nav;
Nav& nav() { return g_nav; }
void go(Screen s) { g_nav.next = s; }

const char* screen_id(Screen s) {
  switch (s) {
    case Screen::Title: return "title";
    case Screen::Onboarding: return "onboarding";
    case Screen::Practice: return "practice";
    case Screen::Challenge: return "challenge";
    case Screen::Settings: return "settings";
    case Screen::About: return "about";
  }
  return "unknown";
}

void app_init(float pixel_ratio) {
  theme_apply();
  theme_build_fonts(pixel_ratio);
}

void app_rebuild_fonts(float pixel_ratio) { theme_build_fonts(pixel_ratio); }

ImVec4 app_background() { return palette().background; }

bool app_frame() {
  bool changed = g_nav.next != g_nav.screen;
  g_nav.screen = g_nav.next;
  items_begin_frame(screen_id(g_nav.screen));

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##screen", nullptr, flags);
  switch (g_nav.screen) {
    case Screen::Title: draw_title(); break;
    case Screen::About: draw_about(); break;
    default: draw_mode_intro(g_nav.screen); break;
  }
  // Escape goes back to the title from anywhere, so the keyboard alone never gets stuck.
  if (g_nav.screen != Screen::Title && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) go(Screen::Title);
  ImGui::End();

  items_end_frame();
  return changed || g_nav.next != g_nav.screen;
}

void app_shutdown() {}

}  // namespace buyin::ui
