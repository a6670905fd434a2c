// The meeting: the transcript, the people in (and not yet in) the room, the trainee's notebook,
// the buyer's journey map, the hand of moves, and the verdict on the last move.
#include <set>
#include <string>

#include "imgui.h"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

namespace buyin::ui {

namespace {

struct MeetingUi {
  int picking = -1;              // hand index whose target is being chosen
  int last_result = -1;          // Game::results index shown in the feedback card
  size_t seen_lines = 0;         // transcript length last frame (scroll to new lines)
  std::string callout;           // onboarding coach text currently shown
  std::set<std::string> shown;   // callouts already shown this game
  std::string refused;           // why the last move was refused, if it was
  int generation = -1;           // Session::generation this view belongs to
};
MeetingUi g_ui;

const char* mood(int trust) {
  if (trust >= 70) return "warm";
  if (trust >= 45) return "open";
  if (trust >= 25) return "guarded";
  return "cold";
}

const char* category_title(Category c) {
  switch (c) {
    case Category::facilitative: return "Help them think";
    case Category::implication: return "Cost of staying put";
    case Category::involve_others: return "Bring people in";
    case Category::listen: return "Listen";
    case Category::give_space: return "Give space";
    case Category::situation: return "Get the facts";
    case Category::need_payoff: return "Their value, their words";
    case Category::pitch: return "Present";
    case Category::rebuttal: return "Handle objections";
    case Category::pressure: return "Push to close";
    case Category::de_risk: return "De-risk the choice";
  }
  return "";
}

void trigger_callout(const std::string& on) {
  Session& s = session();
  if (s.mode != Mode::Onboarding || s.lesson < 0) return;
  if (g_ui.shown.count(on)) return;
  for (const Callout& c : content().lessons[static_cast<size_t>(s.lesson)].callouts)
    if (c.on == on) {
      g_ui.callout = c.text;
      g_ui.shown.insert(on);
      return;
    }
}

void after_move(const MoveResult& r) {
  g_ui.last_result = static_cast<int>(session().game.results.size()) - 1;
  g_ui.picking = -1;
  trigger_callout(std::string("verdict:") + to_string(r.verdict));
  if (!r.learned.empty()) trigger_callout("hint");
  if (r.stage_after != r.stage_before) trigger_callout("stage:" + std::to_string(r.stage_after));
  if (r.ending != Ending::none) trigger_callout("end");
}

void play_action(const Action& a) {
  MoveResult r = session_play(a);
  if (!r.ok) { g_ui.refused = r.error; return; }
  g_ui.refused.clear();
  after_move(r);
}

// Digits typed on the keyboard (1-9), read from ImGui's character queue so the UI needs no
// platform key codes. Returns 0 when none.
int typed_digit() {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return 0;
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    ImWchar ch = io.InputQueueCharacters[i];
    if (ch >= '1' && ch <= '9') return ch - '0';
  }
  return 0;
}

void draw_top_bar(const View& v) {
  Session& s = session();
  const Palette& p = palette();
  const Scenario& sc = s.game.scenario();
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted(sc.title.c_str());
  ImGui::PopFont();
  ImGui::TextColored(p.text_dim, "Meeting %d of %d   |   move %d of %d in this meeting", v.meeting + 1 > v.meetings_total ? v.meetings_total : v.meeting + 1,
                     v.meetings_total, v.turn + 1 > v.moves_per_meeting ? v.moves_per_meeting : v.turn + 1, v.moves_per_meeting);
  track_item("meeting.status");
  if (!s.feedback_hidden) {
    ImGui::SameLine();
    ImGui::TextColored(p.accent, "   Points so far: %d", v.points);
    track_item("meeting.points");
  }
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 90);
  if (tracked_button("Leave", "meeting.leave")) go(Screen::Title);
}

void draw_journey(const View& v, bool show_stage) {
  const Palette& p = palette();
  static const char* kShort[] = {"Status quo", "Noticed", "Fix it ourselves", "Decision team",
                                 "Cost & consensus", "Buyer-ready", "Selection", "Commit"};
  const float w = ImGui::GetContentRegionAvail().x;
  const float chip = (w - 7 * 6.0f) / 8.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight() * 2.0f + 10.0f;
  for (int i = 0; i < 8; ++i) {
    const ImVec2 a(o.x + i * (chip + 6.0f), o.y), b(a.x + chip, a.y + h);
    const bool here = show_stage && i == v.stage;
    const bool past = show_stage && i < v.stage;
    dl->AddRectFilled(a, b, ImGui::GetColorU32(here ? p.highlight : past ? p.panel_hover : p.panel), 6.0f);
    char label[8];
    snprintf(label, sizeof label, "S%d", i);
    const ImU32 tc = ImGui::GetColorU32(here ? p.accent_text : p.text);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize() * 0.85f, ImVec2(a.x + 8, a.y + 4), tc, label);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize() * 0.75f, ImVec2(a.x + 8, a.y + 4 + ImGui::GetTextLineHeight()), tc,
                kShort[i], nullptr, chip - 10);
  }
  ImGui::Dummy(ImVec2(w, h));
  track_item("meeting.journey");
  if (show_stage) {
    ImGui::TextColored(p.text_dim, "The buyer is at %s.", v.stage_name.c_str());
  } else {
    ImGui::TextColored(p.text_dim, "%s", session().mode == Mode::Challenge
                                              ? "The buyer's stage is hidden in competitions: read it from what they say."
                                              : "At this difficulty the buyer's stage is hidden: read it from what they say.");
  }
}

void draw_people(const View& v, bool numbers) {
  const Palette& p = palette();
  heading("People");
  for (const PersonView& pv : v.people) {
    ImGui::PushID(pv.index);
    ImGui::TextColored(pv.engaged ? p.text : p.text_dim, "%s", pv.name.c_str());
    track_item(("meeting.person." + pv.id).c_str());
    ImGui::PushFont(fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_dim);
    ImGui::TextWrapped("%s | %s", pv.title.c_str(), role_name(pv.role));
    ImGui::PopStyleColor();
    if (pv.engaged) {
      if (numbers) ImGui::TextColored(p.text_dim, "%s (trust %d, openness %d)", mood(pv.trust), pv.trust, pv.openness);
      else ImGui::TextColored(p.text_dim, "Seems %s", mood(pv.trust));
    } else if (pv.invited) {
      ImGui::TextColored(p.text_dim, "Asked to the next meeting");
    } else if (!pv.through.empty()) {
      ImGui::TextColored(p.warn, "Not involved yet; comes in through %s", pv.through.c_str());
    } else {
      ImGui::TextColored(p.warn, "Not involved yet");
    }
    ImGui::PopFont();
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, 2));
  }
}

void draw_notebook(const View& v) {
  const Palette& p = palette();
  heading("Notebook");
  if (v.notebook.empty()) {
    ImGui::PushFont(fonts().small);
    ImGui::TextColored(p.text_dim, "Nothing yet. Listen for hints of what a change would disturb.");
    ImGui::PopFont();
  }
  for (const NoteView& n : v.notebook) {
    ImGui::TextColored(n.resolved ? p.good : p.highlight, "%s %s", n.resolved ? "[resolved]" : "[open]", describe(n.type));
    track_item(("meeting.note." + std::string(to_string(n.type))).c_str());
    ImGui::PushFont(fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_dim);
    ImGui::TextWrapped("%s: \"%s\"", n.owner_name.c_str(), n.heard.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
  }
}

void draw_transcript() {
  Session& s = session();
  const Palette& p = palette();
  // No background of its own: it sits on the centre panel, which has the same colour.
  ImGui::BeginChild("transcript", ImVec2(0, -ImGui::GetTextLineHeight() * 6.5f), false, ImGuiWindowFlags_NoBackground);
  // Who speaks on a line of its own, what they say wrapped underneath at full width.
  for (size_t i = 0; i < s.transcript.size(); ++i) {
    const TranscriptLine& t = s.transcript[i];
    if (t.kind == TranscriptLine::System) {
      ImGui::PushStyleColor(ImGuiCol_Text, p.text_dim);
      ImGui::TextWrapped("%s", t.text.c_str());
      ImGui::PopStyleColor();
      continue;
    }
    const ImVec4 c = t.kind == TranscriptLine::Seller ? p.accent
                   : t.kind == TranscriptLine::Hint ? p.highlight
                   : t.kind == TranscriptLine::Resolved ? p.good
                   : t.kind == TranscriptLine::Veto ? p.bad : p.text_dim;
    ImGui::PushFont(fonts().small);
    if (t.kind == TranscriptLine::Seller) ImGui::TextColored(c, "You");
    else ImGui::TextColored(c, "%s, %s", t.speaker.c_str(), t.role.c_str());
    ImGui::PopFont();
    ImGui::Indent(12.0f);
    ImGui::TextWrapped("%s", t.text.c_str());
    ImGui::Unindent(12.0f);
  }
  if (s.transcript.size() != g_ui.seen_lines) {
    ImGui::SetScrollHereY(1.0f);
    g_ui.seen_lines = s.transcript.size();
  }
  ImGui::EndChild();
  track_item("meeting.transcript");
}

void draw_feedback() {
  Session& s = session();
  const Palette& p = palette();
  ImGui::BeginChild("feedback", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
  if (!g_ui.refused.empty()) ImGui::TextColored(p.bad, "%s", g_ui.refused.c_str());
  if (!g_ui.callout.empty()) {
    ImGui::TextColored(p.highlight, "Coach");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", g_ui.callout.c_str());
    track_item("meeting.coach");
  }
  if (g_ui.last_result >= 0 && g_ui.last_result < static_cast<int>(s.game.results.size())) {
    const MoveResult& r = s.game.results[static_cast<size_t>(g_ui.last_result)];
    ImGui::Dummy(ImVec2(0, 0));
    track_item(("meeting.result." + std::to_string(g_ui.last_result + 1)).c_str());  // tests wait on the move count
    if (s.feedback_hidden) {
      ImGui::TextColored(p.text_dim, "Verdicts are held back until the debrief.");
    } else {
      verdict_badge(static_cast<int>(r.verdict), r.points, true);
      track_item((std::string("meeting.verdict.") + to_string(r.verdict)).c_str());
      ImGui::SameLine();
      ImGui::TextWrapped("%s", r.explanation.c_str());
    }
  }
  ImGui::EndChild();
}

void draw_hand(const View& v) {
  Session& s = session();
  const Palette& p = palette();
  const int digit = typed_digit();
  if (s.game.over()) {
    heading("The game is over");
    ImGui::TextWrapped("%s", ending_sentence(s.game.state.ending));
    if (primary_button("See the debrief", "meeting.debrief", ImVec2(-1, 0)) || digit == 1) go(Screen::Debrief);
    return;
  }
  if (g_ui.picking >= 0 && g_ui.picking < static_cast<int>(v.hand.size())) {
    const CardView& card = v.hand[static_cast<size_t>(g_ui.picking)];
    heading("Aim it at whom?");
    ImGui::TextColored(p.text_dim, "%s", card.label.c_str());
    int n = 0;
    for (int t : card.targets) {
      const PersonView& pv = v.people[static_cast<size_t>(t)];
      ++n;
      char label[160];
      snprintf(label, sizeof label, "%d  %s%s", n, pv.name.c_str(), pv.engaged ? "" : "  (not involved yet)");
      if (tracked_button(label, ("meeting.target." + pv.id).c_str(), ImVec2(-1, 0)) || digit == n) {
        play_action(Action{card.action.move, t});
        return;
      }
    }
    if (tracked_button("Cancel", "meeting.target.cancel", ImVec2(-1, 0)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
      g_ui.picking = -1;
    return;
  }
  heading("Your moves");
  ImGui::PushFont(fonts().small);
  ImGui::PushStyleColor(ImGuiCol_Text, p.text_dim);
  ImGui::TextWrapped("Click, or press 1-%d. Hover to read what you would say.", static_cast<int>(v.hand.size()));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  int last_cat = -1;
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 5));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 7));
  struct PopOnExit { ~PopOnExit() { ImGui::PopStyleVar(3); } } pop_on_exit;
  for (size_t i = 0; i < v.hand.size(); ++i) {
    const CardView& card = v.hand[i];
    if (static_cast<int>(card.category) != last_cat) {
      last_cat = static_cast<int>(card.category);
      ImGui::PushFont(fonts().small);
      ImGui::TextColored(p.text_dim, "%s", category_title(card.category));
      ImGui::PopFont();
    }
    char label[96];
    snprintf(label, sizeof label, "%d  %s%s", static_cast<int>(i + 1), card.label.c_str(),
             card.target_kind == TargetKind::stakeholder ? "  >" : "");
    ImGui::PushID(static_cast<int>(i));
    const bool clicked = ImGui::Button(label, ImVec2(-1, 0));
    track_item(("meeting.card." + std::to_string(i + 1)).c_str());
    if (ImGui::IsItemHovered() || ImGui::IsItemFocused()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(420);
      ImGui::TextWrapped("\"%s\"", card.phrasing.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    ImGui::PopID();
    if (clicked || digit == static_cast<int>(i + 1)) {
      if (card.target_kind == TargetKind::stakeholder) g_ui.picking = static_cast<int>(i);
      else play_action(card.action);
      return;
    }
  }
}

}  // namespace

void draw_meeting() {
  Session& s = session();
  if (!s.active) { go(Screen::Title); return; }
  // A new or branched game starts with a clean meeting view.
  if (g_ui.generation != s.generation) {
    g_ui = MeetingUi{};
    g_ui.generation = s.generation;
    if (!s.game.results.empty()) g_ui.last_result = static_cast<int>(s.game.results.size()) - 1;
    trigger_callout("start");
  }
  const View v = view(s.game);
  const bool numbers = s.progress.settings.show_numbers || s.game.scenario().difficulty <= 1;
  const bool show_stage = s.mode != Mode::Challenge && (s.mode == Mode::Onboarding || s.game.scenario().difficulty <= 2 ||
                                                         s.progress.settings.show_numbers);

  draw_top_bar(v);
  draw_journey(v, show_stage);
  const float avail_w = ImGui::GetContentRegionAvail().x;
  const float left_w = avail_w > 1100 ? 280.0f : 230.0f;
  const float right_w = avail_w > 1100 ? 360.0f : 300.0f;
  const float h = ImGui::GetContentRegionAvail().y;

  ImGui::BeginChild("left", ImVec2(left_w, h), true, ImGuiWindowFlags_NavFlattened);
  draw_people(v, numbers);
  ImGui::Separator();
  draw_notebook(v);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("center", ImVec2(avail_w - left_w - right_w - 2 * ImGui::GetStyle().ItemSpacing.x, h), false,
                    ImGuiWindowFlags_NavFlattened);
  draw_transcript();
  draw_feedback();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("hand", ImVec2(right_w, h), true, ImGuiWindowFlags_NavFlattened);
  draw_hand(v);
  ImGui::EndChild();
}

}  // namespace buyin::ui
