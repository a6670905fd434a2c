// Team challenge, with no server: an organizer makes a challenge code and link; players open it,
// play the identical buyer and hand in a result code; the leaderboard verifies every code by
// replay, lists refused ones with their reason, ranks players and teams, and exports CSV.
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/leaderboard.hpp"
#include "imgui.h"
#include "platform/platform.hpp"
#include "ui/challenge.hpp"
#include "ui/progress_store.hpp"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

namespace buyin::ui {

namespace {

struct ChallengeUi {
  int tab = 1;                     // 0 organize, 1 play, 2 leaderboard
  bool select_tab = true;          // force the tab bar to show `tab` next frame
  // organize
  int scenario = 0;
  char seed[24] = "";
  bool hide_feedback = true;
  int meeting_limit = 0;
  std::string made_code;
  // play
  char code[512] = "";
  std::string code_error;
  bool opened = false;
  Challenge challenge;
  // leaderboard
  std::string codes;               // pasted or loaded, one per line
  char expected[512] = "";
  Leaderboard board;
  bool has_board = false;
  std::string board_error;
};
ChallengeUi g;

// A field's width: as asked, or less when its label beside it would not fit (a phone).
float fit_width(float want, const char* label) {
  const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(label).x - ImGui::GetStyle().ItemInnerSpacing.x;
  return room < want ? (room > 80.0f ? room : 80.0f) : want;
}

std::vector<int> full_scenarios() {
  std::vector<int> out;
  for (size_t i = 0; i < content().scenarios.size(); ++i)
    if (content().scenarios[i].kind == ScenarioKind::full) out.push_back(static_cast<int>(i));
  return out;
}

void open_code(const std::string& code) {
  ChallengeDecode d = decode_challenge(code, &content());
  g.opened = d.error == CodeError::none;
  g.code_error = g.opened ? "" : "This challenge code can't be used: " + describe(d.error) + (d.detail.empty() ? "" : " (" + d.detail + ")") + ".";
  if (g.opened) g.challenge = d.challenge;
}

void draw_organize() {
  para_dim("Everyone who opens the code meets the identical buyer: same scenario, same seed, same hidden constraints.");
  const auto list = full_scenarios();
  if (g.scenario >= static_cast<int>(list.size())) g.scenario = 0;
  ImGui::SetNextItemWidth(fit_width(420, "Scenario"));
  const std::string preview = list.empty() ? "" : content().scenarios[static_cast<size_t>(list[static_cast<size_t>(g.scenario)])].title;
  if (ImGui::BeginCombo("Scenario##org", preview.c_str())) {
    for (size_t i = 0; i < list.size(); ++i)
      if (ImGui::Selectable(content().scenarios[static_cast<size_t>(list[i])].title.c_str(), g.scenario == static_cast<int>(i)))
        g.scenario = static_cast<int>(i);
    ImGui::EndCombo();
  }
  track_item("challenge.org.scenario", Sem::Combobox, "Scenario", combo_open() ? kExpanded : 0, preview);
  if (!g.seed[0]) std::snprintf(g.seed, sizeof g.seed, "%llu", static_cast<unsigned long long>(fresh_seed()));
  ImGui::SetNextItemWidth(fit_width(200, "Seed"));
  ImGui::InputText("Seed##org", g.seed, sizeof g.seed, ImGuiInputTextFlags_CharsDecimal);
  track_item("challenge.org.seed", Sem::Textbox, "Seed", 0, g.seed);
  same_line_if_fits("New random seed");
  if (tracked_button("New random seed", "challenge.org.random"))
    std::snprintf(g.seed, sizeof g.seed, "%llu", static_cast<unsigned long long>(fresh_seed()));
  wrap_checkbox("challenge.org.hide_feedback", "Hold verdicts and points back until the debrief", &g.hide_feedback);
  // The slider's long label goes above it on a phone, where it would not fit beside it.
  const char* limit_label = "Meeting limit (0 = the scenario's own)";
  if (narrow_layout()) ImGui::TextUnformatted(limit_label);
  ImGui::SetNextItemWidth(narrow_layout() ? ImGui::GetContentRegionAvail().x : 200);
  ImGui::SliderInt(narrow_layout() ? "##meetings_org" : "Meeting limit (0 = the scenario's own)##org", &g.meeting_limit, 0, 12);
  track_item("challenge.org.meetings", Sem::Slider, limit_label, 0, std::to_string(g.meeting_limit));
  if (primary_button("Make the challenge code", "challenge.org.make") && !list.empty()) {
    Challenge ch;
    ch.scenario_id = content().scenarios[static_cast<size_t>(list[static_cast<size_t>(g.scenario)])].id;
    ch.seed = std::strtoull(g.seed, nullptr, 10);
    ch.feedback_hidden = g.hide_feedback;
    ch.meeting_limit = g.meeting_limit;
    g.made_code = encode_challenge(ch, content().hash);
    std::snprintf(g.expected, sizeof g.expected, "%s", g.made_code.c_str());
  }
  if (!g.made_code.empty()) {
    ImGui::Dummy(ImVec2(0, 6));
    ImGui::Text("Challenge code");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##made", g.made_code.data(), g.made_code.size() + 1, ImGuiInputTextFlags_ReadOnly);
    track_item("challenge.org.code", Sem::Textbox, "Challenge code", kReadOnly, g.made_code);
    track_item("challenge.org.game." + content().scenarios[static_cast<size_t>(list[static_cast<size_t>(g.scenario)])].id + "." + std::string(g.seed), Sem::Text, "");
    if (tracked_button("Copy code", "challenge.org.copy")) platform::copy_to_clipboard(g.made_code);
    same_line_if_fits("Copy link");
    if (tracked_button("Copy link", "challenge.org.copy_link")) platform::copy_to_clipboard(platform::page_link(g.made_code));
    same_line_if_fits("Download as file");
    if (tracked_button("Download as file", "challenge.org.download"))
      platform::download("buyin-challenge.txt", "text/plain", g.made_code + "\n" + platform::page_link(g.made_code) + "\n");
    para_dim("Link: " + platform::page_link(g.made_code));
  }
}

void draw_play() {
  Session& s = session();
  const Palette& p = palette();
  ImGui::Text("Challenge code");
  ImGui::SetNextItemWidth(narrow_layout() ? -1 : -160);
  if (ImGui::InputText("##code", g.code, sizeof g.code)) g.opened = false;
  track_item("challenge.play.code", Sem::Textbox, "Challenge code", 0, g.code);
  same_line_if_fits("Open");
  if (tracked_button("Open", "challenge.play.open")) open_code(g.code);
  if (!g.code_error.empty()) {
    ImGui::TextColored(p.bad, "%s", g.code_error.c_str());
    track_item("challenge.play.error", Sem::Status, g.code_error);
  }
  if (!g.opened) {
    para_dim("Paste the code your organizer shared, or open their link.");
    return;
  }
  const int si = content().find_scenario(g.challenge.scenario_id);
  const Scenario& sc = content().scenarios[static_cast<size_t>(si)];
  ImGui::TextColored(p.good, "Challenge %s: %s, seed %llu%s%s.", challenge_id(g.challenge).c_str(), sc.title.c_str(),
                     static_cast<unsigned long long>(g.challenge.seed), g.challenge.feedback_hidden ? ", verdicts held back" : "",
                     g.challenge.meeting_limit ? (", " + std::to_string(g.challenge.meeting_limit) + " meetings").c_str() : "");
  track_item("challenge.play.opened", Sem::Status, "Challenge " + challenge_id(g.challenge) + ": " + sc.title);
  track_item("challenge.play.game." + g.challenge.scenario_id + "." + std::to_string(g.challenge.seed), Sem::Text, "");
  Settings& st = s.progress.settings;
  static char name[65], team[65];
  static bool copied = false;
  if (!copied) { std::snprintf(name, sizeof name, "%s", st.player_name.c_str()); std::snprintf(team, sizeof team, "%s", st.team.c_str()); copied = true; }
  ImGui::SetNextItemWidth(fit_width(260, "Your name"));
  ImGui::InputText("Your name", name, sizeof name);
  track_item("challenge.play.name", Sem::Textbox, "Your name", 0, name);
  ImGui::SetNextItemWidth(fit_width(260, "Your name"));
  ImGui::InputText("Team", team, sizeof team);
  track_item("challenge.play.team", Sem::Textbox, "Team", 0, team);
  ImGui::BeginDisabled(name[0] == 0);
  if (primary_button("Play this challenge", "challenge.play.start")) {
    st.player_name = name;
    st.team = team;
    progress_save();
    if (session_start(Mode::Challenge, g.challenge.scenario_id, g.challenge.seed, -1, g.challenge.feedback_hidden,
                      g.challenge.meeting_limit).empty()) {
      set_active_challenge(g.challenge);
      go(Screen::Briefing);
    }
  }
  ImGui::EndDisabled();
  if (name[0] == 0) para_dim("Enter your name: it goes into your result code.");
}

void draw_leaderboard() {
  const Palette& p = palette();
  for (platform::IncomingFile& f : platform::take_incoming_files()) {
    if (!g.codes.empty() && g.codes.back() != '\n') g.codes += '\n';
    g.codes += f.text;
  }
  para_dim("Paste result codes (one per line), drop files on the page, or open them. Each is replayed to check it.");
  const char* expected_label = "Challenge (optional: otherwise the first valid code decides)";
  ImGui::TextUnformatted(expected_label);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##expected", g.expected, sizeof g.expected);
  track_item("board.challenge", Sem::Textbox, expected_label, 0, g.expected);
  // The multiline box edits a std::string through ImGui's resize callback.
  auto resize = [](ImGuiInputTextCallbackData* d) {
    if (d->EventFlag == ImGuiInputTextFlags_CallbackResize) {
      auto* str = static_cast<std::string*>(d->UserData);
      str->resize(static_cast<size_t>(d->BufTextLen));
      d->Buf = str->data();
    }
    return 0;
  };
  ImGui::InputTextMultiline("##codes", g.codes.data(), g.codes.capacity() + 1, ImVec2(-1, ImGui::GetTextLineHeight() * 6),
                            ImGuiInputTextFlags_CallbackResize, resize, &g.codes);
  track_item("board.codes", Sem::Textbox, "Result codes, one per line", kMultiline, g.codes);
  if (primary_button("Verify and rank", "board.verify")) {
    g.board_error.clear();
    Challenge ch;
    bool has = false;
    if (g.expected[0]) {
      ChallengeDecode d = decode_challenge(g.expected, &content());
      if (d.error == CodeError::none) { ch = d.challenge; has = true; }
      else g.board_error = "The challenge code can't be used: " + describe(d.error) + ".";
    }
    if (g.board_error.empty()) {
      g.board = build_leaderboard(content(), split_codes(g.codes), has ? &ch : nullptr);
      g.has_board = true;
    }
  }
  same_line_if_fits("Open files...");
  if (tracked_button("Open files...", "board.open")) platform::open_files();
  same_line_if_fits("Clear");
  if (tracked_button("Clear", "board.clear")) { g.codes.clear(); g.has_board = false; }
  if (g.has_board) {
    same_line_if_fits("Export CSV");
    if (tracked_button("Export CSV", "board.csv")) platform::download("buyin-leaderboard.csv", "text/csv", leaderboard_csv(g.board));
  }
  if (!g.board_error.empty()) para(g.board_error, p.bad);
  if (!g.has_board) return;
  const Leaderboard& lb = g.board;
  const std::string summary = std::to_string(lb.accepted) + " verified, " + std::to_string(lb.refused) + " refused.";
  ImGui::TextUnformatted(summary.c_str());
  track_item("board.summary." + std::to_string(lb.accepted) + "." + std::to_string(lb.refused), Sem::Status, summary);
  const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  heading("Players");
  if (ImGui::BeginTable("players", 5, tf)) {
    for (const char* h : {"Rank", "Player", "Team", "Score", "Meetings"}) ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const PlayerRank& r : lb.players) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn(); ImGui::Text("%d", r.rank);
      track_item("board.player." + std::to_string(r.rank) + "." + r.player, Sem::Row,
                 "Rank " + std::to_string(r.rank) + ": " + r.player + ", team " + r.team + ", score " + std::to_string(r.score) + ", " +
                     std::to_string(r.meetings) + " meetings");
      ImGui::TableNextColumn(); ImGui::TextUnformatted(r.player.c_str());
      ImGui::TableNextColumn(); ImGui::TextUnformatted(r.team.c_str());
      ImGui::TableNextColumn(); ImGui::Text("%d", r.score);
      ImGui::TableNextColumn(); ImGui::Text("%d", r.meetings);
    }
    ImGui::EndTable();
  }
  if (!lb.teams.empty()) {
    heading("Teams");
    if (ImGui::BeginTable("teams", 4, tf)) {
      for (const char* h : {"Rank", "Team", "Mean of best", "Members"}) ImGui::TableSetupColumn(h);
      ImGui::TableHeadersRow();
      for (const TeamRank& t : lb.teams) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn(); ImGui::Text("%d", t.rank);
        track_item("board.team." + std::to_string(t.rank) + "." + t.team, Sem::Row,
                   "Rank " + std::to_string(t.rank) + ": team " + t.team + ", " + std::to_string(t.members) + " members");
        ImGui::TableNextColumn(); ImGui::TextUnformatted(t.team.c_str());
        ImGui::TableNextColumn(); ImGui::Text("%d.%d", t.mean_x10 / 10, (t.mean_x10 < 0 ? -t.mean_x10 : t.mean_x10) % 10);
        ImGui::TableNextColumn(); ImGui::Text("%d", t.members);
      }
      ImGui::EndTable();
    }
  }
  if (lb.refused > 0) {
    heading("Refused codes");
    for (const LeaderboardEntry& e : lb.entries) {
      if (e.v.error == CodeError::none) continue;
      const std::string why = "Line " + std::to_string(e.line) + ": " + describe(e.v.error) + (e.v.detail.empty() ? "" : " (" + e.v.detail + ")");
      ImGui::TextColored(p.bad, "%s", why.c_str());
      track_item("board.refused." + std::to_string(e.line) + "." + to_string(e.v.error), Sem::ListItem, why);
    }
  }
}

}  // namespace

static Challenge g_active;

void set_active_challenge(const Challenge& ch) { g_active = ch; }

std::string challenge_result_code() {
  const Session& s = session();
  if (!s.active || s.mode != Mode::Challenge || !s.game.over()) return "";
  const int score = final_score(content(), s.game.state).total;
  return encode_result(content(), ResultCode{content().hash, g_active, s.progress.settings.player_name,
                                             s.progress.settings.team, s.game.actions, score});
}

void challenge_open_from_link() {
  const std::string frag = platform::launch_fragment();
  if (frag.empty()) return;
  // "#scenario=ID" opens one scenario's briefing (a SCORM package of one scenario uses it).
  if (frag.rfind("scenario=", 0) == 0) {
    if (session_start(Mode::Practice, frag.substr(9), fresh_seed()).empty()) go(Screen::Briefing);
    return;
  }
  std::snprintf(g.code, sizeof g.code, "%s", frag.c_str());
  open_code(frag);
  g.tab = 1;
  g.select_tab = true;
  go(Screen::Challenge);
}

void draw_challenge() {
  if (back_button()) go(Screen::Title);
  heading("Team challenge", 1);
  // The tab bar only chooses the tab; its contents are drawn after it. ImGui selects a tab asked
  // for with SetSelected one frame late, and a link opened here (the play tab) showed the
  // organizer's tab for that frame.
  if (ImGui::BeginTabBar("challenge_tabs")) {
    const char* names[] = {"Organize", "Play", "Leaderboard"};
    const char* ids[] = {"challenge.tab.organize", "challenge.tab.play", "challenge.tab.board"};
    begin_container("challenge.tabs", Sem::TabList, "Team challenge");
    for (int i = 0; i < 3; ++i) {
      const ImGuiTabItemFlags f = (g.select_tab && g.tab == i) ? ImGuiTabItemFlags_SetSelected : 0;
      const bool open = ImGui::BeginTabItem(names[i], nullptr, f);
      track_item(ids[i], Sem::Tab, names[i], g.tab == i ? kSelected : 0);
      if (open) {
        if (!g.select_tab) g.tab = i;
        ImGui::EndTabItem();
      }
    }
    end_container();
    g.select_tab = false;
    ImGui::EndTabBar();
  }
  if (g.tab == 0) draw_organize();
  else if (g.tab == 1) draw_play();
  else draw_leaderboard();
}

}  // namespace buyin::ui
