// Team challenge, with no server: an organizer makes a challenge code and link; players open it,
// play the identical buyer and hand in a result code; the leaderboard verifies every code by
// replay, lists refused ones with their reason, ranks players and teams, and exports CSV.
#include <cstdlib>
#include <cstring>
#include <random>
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
  bool per_player = true;          // each player meets their own buyer (the organizer may turn it off)
  bool notebook = true;            // the players' notes count (Listening); the organizer may leave it out
  bool typed = false;              // the players type their moves (no cards); off unless the organizer asks
  int meeting_limit = 0;
  std::string made_code, made_close;
  int show_close = -1;             // which of this browser's challenges shows its close code
  // play
  char close_code[256] = "";
  std::string close_msg;
  // play
  char code[512] = "";
  std::string code_error;
  bool opened = false;
  Challenge challenge;
  // leaderboard
  std::string codes;               // pasted or loaded, one per line
  char expected[512] = "";
  bool expected_filled = false;   // the remembered challenge was put in once (then the field is the user's)
  bool first_only = false;
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

std::string trimmed(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

// This browser's record of a challenge (created when first opened).
ChallengeSeen& seen(const std::string& code) {
  auto& list = session().progress.challenges;
  for (ChallengeSeen& c : list)
    if (c.code == code) return c;
  list.push_back({code, "", 0});
  return list.back();
}

bool closed_here(const std::string& code) {
  for (const ChallengeSeen& c : session().progress.challenges)
    if (c.code == code) return !c.close.empty();
  return false;
}

std::string try_close(const Challenge& ch, const std::string& code, const std::string& close) {
  const CloseCheck k = check_close(ch, trimmed(close));
  if (k.error != CodeError::none) return "That close code does not open this challenge: " + (k.detail.empty() ? describe(k.error) : k.detail) + ".";
  seen(code).close = trimmed(close);
  progress_save();
  return "";
}

void open_code(const std::string& raw) {
  const std::string code = trimmed(raw);
  ChallengeDecode d = decode_challenge(code, &content());
  g.opened = d.error == CodeError::none;
  g.code_error = g.opened ? "" : "This challenge code can't be used: " + describe(d.error) + (d.detail.empty() ? "" : " (" + d.detail + ")") + ".";
  g.close_msg.clear();
  if (g.opened) {
    g.challenge = d.challenge;
    // Remembered, so practice can refuse this buyer while the round is open, and attempts are counted.
    const size_t before = session().progress.challenges.size();
    seen(code);
    if (session().progress.challenges.size() != before) progress_save();
  }
}

void draw_organize() {
  para_dim("Everyone who opens the code meets the identical buyer: same scenario, same seed, same hidden constraints.");
  const auto list = full_scenarios();
  if (g.scenario >= static_cast<int>(list.size())) g.scenario = 0;
  ImGui::SetNextItemWidth(fit_width(420, "Scenario"));
  std::vector<std::string> titles;
  for (int si : list) titles.push_back(content().scenarios[static_cast<size_t>(si)].title);
  tracked_combo("challenge.org.scenario", "Scenario##org", "Scenario", &g.scenario, titles);
  if (!g.seed[0]) std::snprintf(g.seed, sizeof g.seed, "%llu", static_cast<unsigned long long>(fresh_seed()));
  ImGui::SetNextItemWidth(fit_width(200, "Seed"));
  ImGui::InputText("Seed##org", g.seed, sizeof g.seed, ImGuiInputTextFlags_CharsDecimal);
  track_item("challenge.org.seed", Sem::Textbox, "Seed", 0, g.seed);
  same_line_if_fits("New random seed");
  if (tracked_button("New random seed", "challenge.org.random"))
    std::snprintf(g.seed, sizeof g.seed, "%llu", static_cast<unsigned long long>(fresh_seed()));
  wrap_checkbox("challenge.org.hide_feedback", "Hold verdicts and points back until the debrief", &g.hide_feedback);
  wrap_checkbox("challenge.org.notebook", "Count the notebook: notes that name a worry and whose it is score as Listening", &g.notebook);
  wrap_checkbox("challenge.org.typed", "Players type what they would say (no cards: each sentence is read as a move)", &g.typed);
  wrap_checkbox("challenge.org.per_player",
                "Each player meets their own buyer (seed from the challenge's and their name; ranked by percent of the expert)",
                &g.per_player);
  // The slider's long label goes above it on a phone, where it would not fit beside it.
  const char* limit_label = "Meeting limit (0 = the scenario's own)";
  if (narrow_layout()) ImGui::TextUnformatted(limit_label);
  ImGui::SetNextItemWidth(narrow_layout() ? ImGui::GetContentRegionAvail().x : 200);
  tracked_slider_int("challenge.org.meetings", narrow_layout() ? "##meetings_org" : "Meeting limit (0 = the scenario's own)##org",
                     limit_label, &g.meeting_limit, 0, 12);
  if (primary_button("Make the challenge code", "challenge.org.make") && !list.empty()) {
    Challenge ch;
    ch.scenario_id = content().scenarios[static_cast<size_t>(list[static_cast<size_t>(g.scenario)])].id;
    ch.seed = std::strtoull(g.seed, nullptr, 10);
    ch.feedback_hidden = g.hide_feedback;
    ch.meeting_limit = g.meeting_limit;
    ch.per_player = g.per_player;
    ch.notebook = g.notebook;
    ch.typed = g.typed;
    // The close code's secret comes from the browser's cryptographic random source, never from the seed.
    std::random_device rd;
    const uint64_t secret = (static_cast<uint64_t>(rd()) << 32) ^ rd();
    ch.lock = challenge_lock(secret);
    g.made_code = encode_challenge(ch, content().hash);
    g.made_close = encode_close(secret, content().hash);
    g.show_close = -1;
    std::snprintf(g.expected, sizeof g.expected, "%s", g.made_code.c_str());
    // Kept in this browser: the leaderboard's challenge field and the close code survive a reload.
    session().progress.organized.push_back(g.made_code + " " + g.made_close);
    progress_save();
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
  // Closing a round: the close code unlocks every player's full debrief (expert path, hidden
  // constraints, retries). Made here, kept in this browser, shown only when asked for.
  const auto& org = session().progress.organized;
  if (!org.empty()) {
    ImGui::Dummy(ImVec2(0, 6));
    heading("Your challenges: closing a round");
    para_dim("When the round is over, publish its close code: players enter it to see the full debrief.");
    for (size_t i = org.size(); i-- > 0;) {
      const size_t sp = org[i].find(' ');
      if (sp == std::string::npos) continue;
      const std::string code = org[i].substr(0, sp), close = org[i].substr(sp + 1);
      ChallengeDecode d = decode_challenge(code, &content());
      if (d.error != CodeError::none) continue;
      ImGui::PushID(static_cast<int>(i));
      ImGui::Text("%s: %s, seed %llu%s", challenge_id(d.challenge).c_str(), d.challenge.scenario_id.c_str(),
                  static_cast<unsigned long long>(d.challenge.seed), d.challenge.per_player ? ", per player" : "");
      ImGui::SameLine();
      if (tracked_button("End the round: show the close code", ("challenge.org.close." + challenge_id(d.challenge)).c_str()))
        g.show_close = static_cast<int>(i);
      if (g.show_close == static_cast<int>(i)) {
        static std::string shown;
        shown = close;
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##close", shown.data(), shown.size() + 1, ImGuiInputTextFlags_ReadOnly);
        track_item("challenge.org.close_code", Sem::Textbox, "Close code", kReadOnly, shown);
        if (tracked_button("Copy close code", "challenge.org.copy_close")) platform::copy_to_clipboard(close);
        same_line_if_fits("Download close code");
        if (tracked_button("Download close code", "challenge.org.download_close"))
          platform::download("buyin-close.txt", "text/plain", close + "\n");
      }
      ImGui::PopID();
    }
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
  const std::string code = trimmed(g.code);
  if (g.challenge.per_player) para_dim("Every player meets their own buyer, drawn from this challenge and their name.");
  para_dim(g.challenge.notebook ? "Your notebook counts: what you note, rightly, scores as Listening."
                                : "Your notebook is yours to keep; it does not count in this challenge.");
  if (g.challenge.typed) para_dim("This challenge is played by typing: say each move in your own words; there are no cards.");
  if (closed_here(code)) {
    para("This round is closed: debriefs show everything.", p.good);
    track_item("challenge.play.closed", Sem::Status, "This round is closed: debriefs show everything.");
  } else {
    para_dim("Round open: the debrief keeps the hidden constraints and the expert's path until the organizer publishes the close code.");
    ImGui::SetNextItemWidth(narrow_layout() ? ImGui::GetContentRegionAvail().x : ImGui::GetContentRegionAvail().x - 160);
    ImGui::InputText("##closecode", g.close_code, sizeof g.close_code);
    track_item("challenge.play.close_code", Sem::Textbox, "Close code", 0, g.close_code);
    same_line_if_fits("Enter close code");
    if (tracked_button("Enter close code", "challenge.play.unlock")) g.close_msg = try_close(g.challenge, code, g.close_code);
    if (!g.close_msg.empty()) {
      para(g.close_msg, p.bad);
      track_item("challenge.play.close_error", Sem::Status, g.close_msg);
    }
  }
  Settings& st = s.progress.settings;
  static char name[kNameMaxBytes + 1], team[kNameMaxBytes + 1];
  static bool copied = false;
  if (!copied) { std::snprintf(name, sizeof name, "%s", st.player_name.c_str()); std::snprintf(team, sizeof team, "%s", st.team.c_str()); copied = true; }
  ImGui::SetNextItemWidth(fit_width(260, "Your name"));
  ImGui::InputText("Your name", name, sizeof name);
  track_item("challenge.play.name", Sem::Textbox, "Your name", 0, name);
  ImGui::SetNextItemWidth(fit_width(260, "Your name"));
  ImGui::InputText("Team", team, sizeof team);
  track_item("challenge.play.team", Sem::Textbox, "Team", 0, team);
  // The same rules as the leaderboard's, checked here so a code is never refused for its name.
  const NameCheck nc = normalize_name(name), tc = normalize_name(team, true);
  ImGui::BeginDisabled(!nc.ok || !tc.ok);
  if (primary_button("Play this challenge", "challenge.play.start")) {
    st.player_name = nc.name;
    st.team = tc.name;
    std::snprintf(name, sizeof name, "%s", nc.name.c_str());
    std::snprintf(team, sizeof team, "%s", tc.name.c_str());
    const std::string err = start_challenge(g.challenge, code, nc.name, tc.name);
    if (err.empty()) go(Screen::Briefing);
    else g.code_error = err;
  }
  ImGui::EndDisabled();
  if (name[0] == 0) para_dim("Enter your name: it goes into your result code.");
  else if (!nc.ok || !tc.ok) {
    const std::string why = std::string(nc.ok ? "Team" : "Name") + ": " + (nc.ok ? tc.error : nc.error) + ".";
    para(why, p.bad);
    track_item("challenge.play.name_error", Sem::Status, why);
  } else {
    const int attempt = [&] {
      for (const ChallengeSeen& c : s.progress.challenges) if (c.code == code) return c.started + 1;
      return 1;
    }();
    const std::string line = "This will be your attempt " + std::to_string(attempt) + " at this challenge in this browser; your result code says so.";
    para_dim(line);
    track_item("challenge.play.attempt." + std::to_string(attempt), Sem::Text, line);
  }
}

void draw_leaderboard() {
  const Palette& p = palette();
  for (platform::IncomingFile& f : platform::take_incoming_files()) {
    if (!g.codes.empty() && g.codes.back() != '\n') g.codes += '\n';
    g.codes += f.text;
  }
  para_dim("Paste result codes (one per line), drop files on the page, or open them. Each is replayed to check it.");
  // Only the organizer's challenge decides what is ranked; this browser remembers the last one made here.
  // Once: a user who empties the field to type another code must not see it refilled.
  if (!g.expected_filled && !g.expected[0] && !session().progress.organized.empty()) {
    const std::string& last = session().progress.organized.back();
    std::snprintf(g.expected, sizeof g.expected, "%s", last.substr(0, last.find(' ')).c_str());
  }
  g.expected_filled = true;
  const char* expected_label = "Challenge code (required: only codes for this challenge are ranked)";
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(expected_label);
  ImGui::PopTextWrapPos();
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
  wrap_checkbox("board.first_only", "Rank first attempts only", &g.first_only);
  if (primary_button("Verify and rank", "board.verify")) {
    g.board_error.clear();
    g.has_board = false;
    const std::string expected = trimmed(g.expected);
    if (expected.empty()) g.board_error = "Enter the challenge code first: only codes for that challenge are ranked.";
    else {
      ChallengeDecode d = decode_challenge(expected, &content());
      if (d.error != CodeError::none) g.board_error = "The challenge code can't be used: " + describe(d.error) + ".";
      else {
        BoardOptions opt;
        opt.first_attempts_only = g.first_only;
        g.board = build_leaderboard(content(), split_codes(g.codes), &d.challenge, opt);
        g.has_board = true;
      }
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
  if (!g.board_error.empty()) {
    para(g.board_error, p.bad);
    track_item("board.error", Sem::Status, g.board_error);
  }
  if (!g.has_board) return;
  const Leaderboard& lb = g.board;
  const std::string summary = std::to_string(lb.accepted) + " verified, " + std::to_string(lb.refused) + " refused, " +
                              std::to_string(lb.duplicates) + " duplicate(s), " + std::to_string(lb.flagged) + " flagged.";
  para(summary, p.text);
  track_item("board.summary." + std::to_string(lb.accepted) + "." + std::to_string(lb.refused), Sem::Status, summary);
  const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  heading("Players");
  if (ImGui::BeginTable("players", 7, tf)) {
    for (const char* h : {"Rank", "Player", "Team", "Score", "% of expert", "Meetings", "Attempts"}) ImGui::TableSetupColumn(h);
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
      ImGui::TableNextColumn();
      if (r.has_percent) ImGui::Text("%d%%", r.percent);
      else ImGui::TextUnformatted("-");
      track_item("board.percent." + r.player + "." + (r.has_percent ? std::to_string(r.percent) : std::string("none")), Sem::Cell,
                 r.has_percent ? std::to_string(r.percent) + "% of the expert" : std::string("no percent"));
      ImGui::TableNextColumn(); ImGui::Text("%d", r.meetings);
      ImGui::TableNextColumn(); ImGui::Text("%d", r.attempts);
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
  if (lb.flagged > 0) {
    heading("Flagged for a look");
    for (const LeaderboardEntry& e : lb.entries)
      for (size_t k = 0; k < e.flags.size(); ++k) {
        const std::string flag = "Line " + std::to_string(e.line) + " (" + e.v.result.player + "): " + e.flags[k];
        para(flag, p.warn);
        track_item("board.flag." + std::to_string(e.line) + "." + std::to_string(k), Sem::Text, flag);
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

// The challenge being played, fixed when it starts.
static struct Active {
  Challenge challenge;
  std::string code, player, team;
  uint64_t seed = 0;
  int attempt = 1;
  uint32_t earlier = 0;
} g_active;

std::string start_challenge(const Challenge& ch, const std::string& code, const std::string& player, const std::string& team) {
  Session& s = session();
  const uint64_t seed = game_seed(ch, player);
  std::string err = session_start(Mode::Challenge, ch.scenario_id, seed, -1, ch.feedback_hidden, ch.meeting_limit, ch.notebook);
  if (!err.empty()) return err;
  if (ch.typed) {  // typed only: open play from the first move, as its result code says
    s.typed_only = true;
    open_play(s.game);
  }
  // Attempts are counted when a game starts (an abandoned game counts too); the earlier codes are
  // those of this challenge's finished games in this browser, oldest first.
  ChallengeSeen& c = seen(code);
  c.started++;
  std::vector<std::string> earlier;
  for (const GameRecord& r : s.progress.history)
    if (r.challenge == code && !r.code.empty()) earlier.push_back(r.code);
  g_active = Active{ch, code, player, team, seed, c.started, attempts_hash(earlier)};
  progress_save();
  return "";
}

const std::string& active_challenge_code() {
  static const std::string none;
  const Session& s = session();
  return s.active && s.mode == Mode::Challenge ? g_active.code : none;
}

std::string challenge_result_code() {
  const Session& s = session();
  if (!s.active || s.mode != Mode::Challenge || !s.game.over()) return "";
  const int score = final_score(content(), s.game.state).total;
  return encode_result(content(), ResultCode{content().hash, g_active.challenge, g_active.player, g_active.team, s.game.actions, score,
                                             g_active.seed, g_active.attempt, g_active.earlier, s.game.notes, s.game.config.open_play});
}

bool debrief_unlocked() {
  const Session& s = session();
  return !(s.active && s.mode == Mode::Challenge) || closed_here(g_active.code);
}

std::string unlock_active_challenge(const std::string& close_code) {
  const Session& s = session();
  if (!s.active || s.mode != Mode::Challenge) return "";
  return try_close(g_active.challenge, g_active.code, close_code);
}

std::string practice_blocked(const std::string& scenario_id, uint64_t seed) {
  const Session& s = session();
  const NameCheck me = normalize_name(s.progress.settings.player_name);
  for (const ChallengeSeen& c : s.progress.challenges) {
    if (!c.close.empty()) continue;
    ChallengeDecode d = decode_challenge(c.code, &content());
    if (d.error != CodeError::none || d.challenge.scenario_id != scenario_id) continue;
    if (seed == d.challenge.seed || (d.challenge.per_player && me.ok && seed == game_seed(d.challenge, me.name)))
      return "This buyer belongs to challenge " + challenge_id(d.challenge) +
             ", which is still open in this browser: practise it once the organizer publishes the close code.";
  }
  return "";
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
