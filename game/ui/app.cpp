#include "ui/app.hpp"

#include "platform/platform.hpp"
#include "ui/challenge.hpp"
#include "ui/progress_store.hpp"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

#include <imgui_internal.h>  // SetNextWindowScroll: internal in 1.86

namespace buyin::ui {

static Nav g_nav;
static float g_pixel_ratio = 1.0f;
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
    case Screen::Briefing: return "briefing";
    case Screen::Meeting: return "meeting";
    case Screen::Debrief: return "debrief";
    case Screen::ContentError: return "content_error";
  }
  return "unknown";
}

// The content (scenarios, lessons, moves) is needed by every screen but the title, settings and
// about. The web app's first download leaves it out: it is fetched (content.pack) when a screen
// first needs it, or at the player's first input on the title so it is there by the click.
// Opened from a link, it is asked for at once and the link's screen opens when it arrives.
static bool g_link_pending = false;

static void content_arrived() {
  if (!session().content_ok) { g_nav.screen = g_nav.next = Screen::ContentError; return; }
  if (g_link_pending) { g_link_pending = false; challenge_open_from_link(); }
}

static bool needs_content(Screen s) {
  return s != Screen::Title && s != Screen::Settings && s != Screen::About && s != Screen::ContentError;
}

// Any key, click, touch, wheel or pointer move this frame.
static bool any_input() {
  const ImGuiIO& io = ImGui::GetIO();
  // Not io.MouseDelta: ImGui reports no delta for the pointer's first position over the window.
  static ImVec2 last_pos(-FLT_MAX, -FLT_MAX);
  const bool moved = io.MousePos.x != last_pos.x || io.MousePos.y != last_pos.y;
  last_pos = io.MousePos;
  if (moved || io.MouseWheel != 0 || io.InputQueueCharacters.Size > 0) return true;
  for (bool down : io.MouseDown) if (down) return true;
  for (bool down : io.KeysDown) if (down) return true;
  return false;
}

void app_init(float pixel_ratio) {
  g_pixel_ratio = pixel_ratio;
  progress_load();
  theme_apply(session().progress.settings.high_contrast);
  theme_build_fonts(pixel_ratio, session().progress.settings.font_percent);
  if (!platform::launch_fragment().empty()) {
    g_link_pending = true;
    session_request_content();
  }
}

void app_rebuild_fonts(float pixel_ratio) {
  g_pixel_ratio = pixel_ratio;
  theme_build_fonts(pixel_ratio, session().progress.settings.font_percent);
}

bool app_fonts_dirty() { return fonts_dirty(); }
float app_pixel_ratio() { return g_pixel_ratio; }

ImVec4 app_background() { return palette().background; }

void app_open_link() {
  g_link_pending = true;
  if (session().content_state == ContentState::ready) content_arrived();
  else session_request_content();  // the link opens when the content arrives
}

// A banner over every screen while a damaged save needs the player's attention.
static void draw_save_problems() {
  Session& s = session();
  if (s.save_problems.empty()) return;
  const Palette& p = palette();
  const ImGuiStyle& st = ImGui::GetStyle();
  const size_t shown = s.save_problems.size() < 3 ? s.save_problems.size() : 3;
  // Tall enough for the messages, wrapped to the banner's width, and the buttons.
  const ImVec2 pad(16.0f, 12.0f);
  const float wrap = ImGui::GetContentRegionAvail().x - 2 * pad.x;
  float h = 2 * pad.y + ImGui::GetFrameHeight();
  for (size_t i = 0; i < shown; ++i) h += ImGui::CalcTextSize(s.save_problems[i].c_str(), nullptr, false, wrap).y + st.ItemSpacing.y;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, p.panel_hover);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, pad);
  ImGui::BeginChild("save_problems", ImVec2(0, h), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleVar();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(p.warn, "%s", s.save_problems[0].c_str());
  track_item("save_problem.message", Sem::Status, s.save_problems[0]);
  for (size_t i = 1; i < shown; ++i) para(s.save_problems[i], p.text_dim);
  ImGui::PopTextWrapPos();
  if (!damaged_save().empty()) {
    if (tracked_button("Download the damaged save", "save_problem.download"))
      platform::download("buyin-damaged-save.json", "application/json", damaged_save());
    ImGui::SameLine();
  }
  if (tracked_button("OK", "save_problem.dismiss")) dismiss_save_problems();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// Measured in text: at 200% text a 1366 px window holds what 683 px hold at 100% (WCAG reflow),
// so larger text turns the one-column layout on at wider windows.
bool narrow_layout() {
  const ImGuiIO& io = ImGui::GetIO();
  const float text_scale = io.FontDefault ? io.FontDefault->FontSize * io.FontGlobalScale / 18.0f : 1.0f;
  return io.DisplaySize.x < 700.0f * (text_scale > 1.0f ? text_scale : 1.0f);
}

bool app_activate(const char* id) { return activate_item(id); }
bool app_focus(const char* id) { return focus_item(id); }
bool app_set_value(const char* id, const char* value) { return set_item_value(id, value); }

bool app_frame() {
  bool changed = g_nav.next != g_nav.screen;
  g_nav.screen = g_nav.next;
  const ContentState cs = session().content_state;
  // Asked for at the first input or screen that needs it; after a failure, again on entering such a screen.
  if ((cs == ContentState::idle && (any_input() || needs_content(g_nav.screen))) ||
      (cs == ContentState::failed && changed && needs_content(g_nav.screen)))
    session_request_content();
  // After asking: the desktop's compiled-in content arrives at once, the web's when content.pack has.
  if (session_poll_content()) {
    content_arrived();
    changed = true;
  }
  // A screen that needs the content waits for it on a screen of its own ("loading" to tests).
  const bool waiting = needs_content(g_nav.screen) && session().content_state != ContentState::ready;
  items_begin_frame(waiting ? "loading" : screen_id(g_nav.screen));

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoBackground;  // the frame is cleared with this colour already
  // A new screen starts at the top. All screens share one window, so without this its first frame
  // would be drawn at the previous screen's scroll and jump on the next (and a click could miss).
  if (changed) ImGui::SetNextWindowScroll(ImVec2(0.0f, 0.0f));
  // A phone: less padding around the screen, and every button at least 44 px high (touch).
  const bool narrow = narrow_layout();
  const ImGuiStyle& st = ImGui::GetStyle();
  const float pad_y = (44.0f - ImGui::GetFontSize()) * 0.5f;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, narrow ? ImVec2(12, 12) : st.WindowPadding);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(st.FramePadding.x, narrow && pad_y > st.FramePadding.y ? pad_y : st.FramePadding.y));
  ImGui::Begin("##screen", nullptr, flags);
  ImGui::PushTextWrapPos(0.0f);  // every line of text wraps at the screen's edge instead of being cut
  draw_save_problems();
  if (waiting) draw_content_loading();
  else switch (g_nav.screen) {
    case Screen::Title: draw_title(); break;
    case Screen::About: draw_about(); break;
    case Screen::Practice: draw_practice(); break;
    case Screen::Onboarding: draw_onboarding(); break;
    case Screen::Settings: draw_settings(); break;
    case Screen::Briefing: draw_briefing(); break;
    case Screen::Meeting: draw_meeting(); break;
    case Screen::Debrief: draw_debrief(); break;
    case Screen::ContentError: draw_content_error(); break;
    case Screen::Challenge: draw_challenge(); break;
  }
  // Escape goes back from the menu screens, so the keyboard alone never gets stuck there.
  // (In a meeting, Escape cancels choosing a target instead.)
  const bool menu = g_nav.screen == Screen::About || g_nav.screen == Screen::Settings || g_nav.screen == Screen::Practice ||
                    g_nav.screen == Screen::Onboarding || g_nav.screen == Screen::Challenge;
  if (menu && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) go(Screen::Title);
  ImGui::PopTextWrapPos();
  ImGui::End();
  ImGui::PopStyleVar(2);

  items_end_frame();
  return changed || g_nav.next != g_nav.screen;
}

void app_shutdown() {}

std::string app_suggest_move() {
  Session& s = session();
  if (!s.active || s.game.over() || s.mode == Mode::Challenge) return "null";
  const Action a = choose_action(s.game, Policy::expert);
  const View v = view(s.game);
  const std::vector<size_t> order = hand_order(v);  // the number on a card is its place on screen
  for (size_t n = 0; n < order.size(); ++n) {
    if (v.hand[order[n]].action.move != a.move) continue;
    std::string target;
    if (a.target >= 0) target = "meeting.target." + s.game.scenario().stakeholders[static_cast<size_t>(a.target)].id;
    return "{\"card\":\"meeting.card." + std::to_string(n + 1) + "\",\"target\":\"" + target + "\"}";
  }
  return "null";
}

}  // namespace buyin::ui
