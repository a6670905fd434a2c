// The meeting: the transcript, the people in (and not yet in) the room, the trainee's notebook,
// the buyer's journey map, the hand of moves, and the verdict on the last move.
#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "imgui.h"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"
#include "ui/typed_move.hpp"

namespace buyin::ui {

namespace {

struct MeetingUi {
  int picking = -1;              // hand index whose target is being chosen
  int last_result = -1;          // Game::results index shown in the feedback card
  size_t seen_lines = 0;         // transcript length last frame (scroll to new lines)
  std::string callout;           // onboarding coach text currently shown
  std::set<std::string> shown;   // callouts already shown this game
  std::string callout_on;        // the event that callout answered ("verdict:facilitated", ...)
  std::string refused;           // why the last move was refused, if it was
  int generation = -1;           // Session::generation this view belongs to
  int tab = 0;                   // phone layout: 0 the conversation, 1 the moves, 2 people and notebook
  ImVec2 feedback_min, feedback_max, tooltip_min, tooltip_max;  // this frame's, published for tests
  std::string tooltip_text;
  int note_pick = -1;            // the buyer's line being noted (index among the buyer's lines), -1: not noting
  int note_type = -1, note_owner = -1;  // the trainee's answers so far: nothing is chosen for them
  int over_frame = -1;           // the frame the ending was first shown (keys typed before it do not skip it)
  double over_time = 0;
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

// What the coach says about a kind of move, shown with the card while the scaffolding is on.
const char* category_coaching(Category c) {
  switch (c) {
    case Category::facilitative: return "A question that helps the buyer look at their own criteria, people and costs.";
    case Category::implication: return "Helps the buyer put a cost on leaving things as they are; early on, before they fear a wrong choice.";
    case Category::involve_others: return "Helps the buyer bring in the people the change touches.";
    case Category::listen: return "Plays back what the buyer said, or lets them go on: trust.";
    case Category::give_space: return "Ends the meeting so the buyer can work on what surfaced.";
    case Category::situation: return "Gathers facts: useful early, an interrogation when overused.";
    case Category::need_payoff: return "Lets the buyer say what a solution would be worth, once they are nearly ready.";
    case Category::pitch: return "Shows your offering: it helps only once the buyer has said what they need.";
    case Category::rebuttal: return "Argues with the buyer's worry: it digs the worry in.";
    case Category::pressure: return "Pushes for a decision: the buyer defends the status quo.";
    case Category::de_risk: return "Makes a choice safer: for a buyer who is choosing.";
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
      g_ui.callout_on = on;
      g_ui.shown.insert(on);
      return;
    }
}

void after_move(const MoveResult& r) {
  g_ui.last_result = static_cast<int>(session().game.results.size()) - 1;
  g_ui.picking = -1;
  g_ui.tab = 0;  // phone layout: show what the buyer answered and the verdict
  // The coach never contradicts the verdict beside it: a callout about another verdict (or the
  // opening advice) goes when this move gets none of its own.
  const std::string verdict = std::string("verdict:") + to_string(r.verdict);
  if (g_ui.callout_on != verdict) { g_ui.callout.clear(); g_ui.callout_on.clear(); }
  trigger_callout(verdict);
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
  // "Leave" sits at the right of the title line when both fit, else on a line of its own above.
  const float leave_w = ImGui::CalcTextSize("Leave").x + 2 * ImGui::GetStyle().FramePadding.x;
  ImGui::PushFont(fonts().heading);
  const float title_w = ImGui::CalcTextSize(sc.title.c_str()).x;
  ImGui::PopFont();
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool same_line = title_w + leave_w + 24.0f <= avail;
  if (!same_line && tracked_button("Leave", "meeting.leave")) go(Screen::Title);
  const float y0 = ImGui::GetCursorPosY();
  ImGui::PushTextWrapPos(same_line ? ImGui::GetCursorPosX() + avail - leave_w - 12.0f : 0.0f);
  heading(sc.title.c_str(), 1);
  ImGui::PopTextWrapPos();
  if (same_line) {
    const float y1 = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - leave_w, y0));
    if (tracked_button("Leave", "meeting.leave")) go(Screen::Title);
    ImGui::SetCursorPosY(y1);
  }
  char status[160];
  snprintf(status, sizeof status, "Meeting %d of %d | move %d of %d in this meeting",
           v.meeting + 1 > v.meetings_total ? v.meetings_total : v.meeting + 1, v.meetings_total,
           v.turn + 1 > v.moves_per_meeting ? v.moves_per_meeting : v.turn + 1, v.moves_per_meeting);
  ImGui::TextColored(p.text_dim, "%s", status);
  track_item("meeting.status", Sem::Text, status);
  if (!s.feedback_hidden) {
    const std::string pts = "Points so far: " + std::to_string(v.points);
    // Beside the status when it fits, under it when not.
    if (ImGui::CalcTextSize(status).x + ImGui::CalcTextSize(pts.c_str()).x + 40.0f < ImGui::GetContentRegionAvail().x) ImGui::SameLine(0, 24.0f);
    ImGui::TextColored(p.accent, "%s", pts.c_str());
    track_item("meeting.points", Sem::Text, pts);
  }
}

const char* const kStageShort[] = {"Status quo", "Noticed", "Fix it ourselves", "Decision team",
                                   "Cost & consensus", "Buyer-ready", "Selection", "Commit"};

void draw_journey(const View& v, bool show_stage) {
  const Palette& p = palette();
  const float w = ImGui::GetContentRegionAvail().x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float line = ImGui::GetTextLineHeight();
  std::string name = "The buyer's journey, stages S0 to S7";
  if (show_stage) name += ": the buyer is at S" + std::to_string(v.stage) + ", " + v.stage_name;
  if (narrow_layout()) {
    // A phone: eight segments of a bar, the stage's name written under it.
    const float seg = (w - 7 * 3.0f) / 8.0f, h = 10.0f;
    for (int i = 0; i < 8; ++i) {
      const ImVec2 a(o.x + i * (seg + 3.0f), o.y), b(a.x + seg, a.y + h);
      const bool here = show_stage && i == v.stage, past = show_stage && i < v.stage;
      dl->AddRectFilled(a, b, ImGui::GetColorU32(here ? p.highlight : past ? p.accent : p.panel_hover), 3.0f);
    }
    ImGui::Dummy(ImVec2(w, h));
    track_item("meeting.journey", Sem::Img, name);
  } else {
    const float chip = (w - 7 * 6.0f) / 8.0f;
    const float small = ImGui::GetFontSize() * 0.75f;
    // As tall as the longest stage name needs at this width (they wrap inside their chip).
    float name_h = 0.0f;
    for (const char* n : kStageShort) {
      const float hh = ImGui::GetFont()->CalcTextSizeA(small, FLT_MAX, chip - 14.0f, n).y;
      name_h = hh > name_h ? hh : name_h;
    }
    const float h = line + name_h + 12.0f;
    for (int i = 0; i < 8; ++i) {
      const ImVec2 a(o.x + i * (chip + 6.0f), o.y), b(a.x + chip, a.y + h);
      const bool here = show_stage && i == v.stage;
      const bool past = show_stage && i < v.stage;
      dl->AddRectFilled(a, b, ImGui::GetColorU32(here ? p.highlight : past ? p.panel_hover : p.panel), 6.0f);
      char label[8];
      snprintf(label, sizeof label, "S%d", i);
      const ImU32 tc = ImGui::GetColorU32(here ? p.accent_text : p.text);
      dl->AddText(ImGui::GetFont(), ImGui::GetFontSize() * 0.85f, ImVec2(a.x + 7, a.y + 4), tc, label);
      dl->AddText(ImGui::GetFont(), small, ImVec2(a.x + 7, a.y + 4 + line), tc, kStageShort[i], nullptr, chip - 14.0f);
    }
    ImGui::Dummy(ImVec2(w, h));
    track_item("meeting.journey", Sem::Img, name);
  }
  if (show_stage) {
    para_dim("The buyer is at " + v.stage_name + ".");
  } else {
    para_dim(session().mode == Mode::Challenge ? "The buyer's stage is hidden in competitions: read it from what they say."
                                               : "At this difficulty the buyer's stage is hidden: read it from what they say.");
  }
}

void draw_people(const View& v, bool numbers) {
  const Palette& p = palette();
  heading("People");
  begin_container("meeting.people", Sem::List, "People");
  for (const PersonView& pv : v.people) {
    ImGui::PushID(pv.index);
    std::string state = pv.engaged ? (numbers ? std::string(mood(pv.trust)) + " (trust " + std::to_string(pv.trust) + ", openness " +
                                                    std::to_string(pv.openness) + ")"
                                              : "Seems " + std::string(mood(pv.trust)))
                      : pv.invited         ? "Asked to the next meeting"
                      : !pv.through.empty() ? "Not involved yet; comes in through " + pv.through
                                           : "Not involved yet";
    ImGui::BeginGroup();
    ImGui::TextColored(pv.engaged ? p.text : p.text_dim, "%s", pv.name.c_str());
    ImGui::PushFont(fonts().small);
    ImGui::TextColored(p.text_dim, "%s | %s", pv.title.c_str(), role_name(pv.role));
    ImGui::TextColored(pv.engaged ? p.text_dim : p.warn, "%s", state.c_str());
    ImGui::PopFont();
    ImGui::EndGroup();
    track_item(("meeting.person." + pv.id).c_str(), Sem::ListItem,
               pv.name + ", " + pv.title + ", " + role_name(pv.role) + ". " + state);
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, 2));
  }
  end_container();
}

// The trainee's notebook: empty until they write in it. Pick a line the buyer said (the latest by
// default), say what it is about and whose it is; the core judges it, the debrief tells how it went.
void draw_notebook(const View& v) {
  Session& s = session();
  const Palette& p = palette();
  heading("Notebook");
  begin_container("meeting.notebook", Sem::List, "Notebook");
  if (v.notebook.empty()) para("Nothing noted yet. When the buyer says something that matters, write down what it is about and whose it is.",
                               p.text_dim, fonts().small);
  for (size_t i = 0; i < v.notebook.size(); ++i) {
    const NoteEntry& n = v.notebook[i];
    const std::string head = std::string(about_word(n.type)) + ", " + n.owner_name + "'s";
    const std::string heard = n.speaker_name + ": \"" + n.heard + "\"";
    ImGui::BeginGroup();
    ImGui::TextColored(p.text, "%s", head.c_str());
    ImGui::PushFont(fonts().small);
    ImGui::TextColored(p.text_dim, "%s", heard.c_str());
    ImGui::PopFont();
    ImGui::EndGroup();
    track_item("meeting.note." + std::to_string(i + 1), Sem::ListItem, head + ". " + heard);
  }
  end_container();
  // The buyer's lines, oldest first: what a note can point at.
  std::vector<const TranscriptLine*> lines;
  for (const TranscriptLine& t : s.transcript)
    if (t.line >= 0) lines.push_back(&t);
  if (lines.empty()) return;
  if (g_ui.note_pick < 0) {
    if (wrap_button("meeting.note.latest", "Note the latest line")) {
      g_ui.note_pick = static_cast<int>(lines.size()) - 1;
      g_ui.note_type = g_ui.note_owner = -1;
    }
    return;
  }
  if (g_ui.note_pick >= static_cast<int>(lines.size())) g_ui.note_pick = static_cast<int>(lines.size()) - 1;
  const TranscriptLine& t = *lines[static_cast<size_t>(g_ui.note_pick)];
  const std::string quoted = t.speaker + ": \"" + t.text + "\"";
  ImGui::PushFont(fonts().small);
  para(quoted, p.text);
  ImGui::PopFont();
  track_item("meeting.note.line", Sem::Text, "The line you are noting: " + quoted);
  ImGui::BeginDisabled(g_ui.note_pick == 0);
  if (tracked_button("< Earlier line", "meeting.note.earlier")) --g_ui.note_pick;
  ImGui::EndDisabled();
  same_line_if_fits("Later line >");
  ImGui::BeginDisabled(g_ui.note_pick + 1 >= static_cast<int>(lines.size()));
  if (tracked_button("Later line >", "meeting.note.later")) ++g_ui.note_pick;
  ImGui::EndDisabled();
  // A chosen answer is drawn in the accent colour and published as pressed (never colour alone).
  auto choice = [&](const std::string& id, const char* label, bool on) {
    if (on) {
      ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
      ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    }
    const bool hit = ImGui::Button(label, ImVec2(0, touch_height()));
    if (on) ImGui::PopStyleColor(2);
    track_item(id, Sem::Button, visible_label(label), kToggle | (on ? kPressed : 0));
    return hit;
  };
  ImGui::TextColored(p.text_dim, "What is it about?");
  for (int k = 0; k < kConstraintTypeCount; ++k) {
    if (k) same_line_if_fits(about_word(static_cast<ConstraintType>(k)));
    if (choice(std::string("meeting.note.about.") + to_string(static_cast<ConstraintType>(k)), about_word(static_cast<ConstraintType>(k)), g_ui.note_type == k)) g_ui.note_type = k;
  }
  ImGui::TextColored(p.text_dim, "Whose is it?");
  for (size_t i = 0; i < v.people.size(); ++i) {
    const PersonView& pv = v.people[i];
    const std::string label = pv.name + "##whose" + std::to_string(i);
    if (i) same_line_if_fits(pv.name.c_str());
    if (choice("meeting.note.whose." + pv.id, label.c_str(), g_ui.note_owner == static_cast<int>(i))) g_ui.note_owner = static_cast<int>(i);
  }
  ImGui::BeginDisabled(g_ui.note_type < 0 || g_ui.note_owner < 0);
  if (tracked_button("Write it down", "meeting.note.save")) {
    session_note(Note{t.line, static_cast<ConstraintType>(g_ui.note_type), g_ui.note_owner, 0});
    g_ui.note_pick = -1;
  }
  ImGui::EndDisabled();
  same_line_if_fits("Cancel##note");
  if (tracked_button("Cancel##note", "meeting.note.cancel")) g_ui.note_pick = -1;
}

// The feedback under the transcript: why a move was refused, the coach, the verdict.
struct Feedback {
  std::string refused, coach, verdict_line;
  const MoveResult* result = nullptr;
};

Feedback current_feedback() {
  Session& s = session();
  Feedback f;
  f.refused = g_ui.refused;
  f.coach = g_ui.callout;
  if (g_ui.last_result >= 0 && g_ui.last_result < static_cast<int>(s.game.results.size()))
    f.result = &s.game.results[static_cast<size_t>(g_ui.last_result)];
  return f;
}

// How tall the feedback will be at this width, so the transcript leaves room for all of it.
float feedback_height(const Feedback& f, float width) {
  const ImGuiStyle& st = ImGui::GetStyle();
  float h = 0.0f;
  auto text_h = [&](const std::string& t) { return ImGui::CalcTextSize(t.c_str(), nullptr, false, width).y + st.ItemSpacing.y; };
  if (!f.refused.empty()) h += text_h(f.refused);
  // The coach's words wrap beside the word "Coach".
  if (!f.coach.empty()) h += ImGui::CalcTextSize(f.coach.c_str(), nullptr, false, width - ImGui::CalcTextSize("Coach").x - st.ItemSpacing.x).y + st.ItemSpacing.y;
  if (f.result) h += st.ItemSpacing.y + text_h("Harmful -10") + text_h(f.result->explanation);
  if (const std::string heard = heard_as(g_ui.last_result); f.result && !heard.empty()) h += text_h(heard);  // a typed move
  // A line to spare: wrapping in the frame itself may differ by a line from this estimate.
  return h + st.ItemSpacing.y + ImGui::GetTextLineHeight();
}

void draw_transcript(float height) {
  Session& s = session();
  const Palette& p = palette();
  // No background of its own: it sits on the centre panel, which has the same colour.
  begin_panel("transcript", ImVec2(0, height), false, ImGuiWindowFlags_NoBackground);
  // The transcript is a log for screen readers; what the buyer says is also spoken through the
  // page's live announcer as it happens.
  begin_container("meeting.transcript", Sem::Log, "Conversation");
  // Who speaks on a line of its own, what they say wrapped underneath at full width.
  for (size_t i = 0; i < s.transcript.size(); ++i) {
    const TranscriptLine& t = s.transcript[i];
    if (t.kind == TranscriptLine::System) {
      para(t.text, p.text_dim);
      continue;
    }
    const ImVec4 c = t.kind == TranscriptLine::Seller ? p.accent
                   : t.kind == TranscriptLine::Resolved ? p.good
                   : t.kind == TranscriptLine::Veto ? p.bad : p.text_dim;
    const std::string who = t.kind == TranscriptLine::Seller ? std::string("You") : t.speaker + ", " + t.role;
    ImGui::BeginGroup();
    ImGui::PushFont(fonts().small);
    ImGui::TextColored(c, "%s", who.c_str());
    ImGui::PopFont();
    ImGui::Indent(12.0f);
    ImGui::TextWrapped("%s", t.text.c_str());
    ImGui::Unindent(12.0f);
    ImGui::EndGroup();
    track_text(Sem::Text, who + ": " + t.text);
  }
  if (s.transcript.size() != g_ui.seen_lines) {
    ImGui::SetScrollHereY(1.0f);
    g_ui.seen_lines = s.transcript.size();
  }
  end_container();
  end_panel();
}

void draw_feedback(const Feedback& f) {
  Session& s = session();
  const Palette& p = palette();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  if (!f.refused.empty()) para(f.refused, p.bad);
  if (!f.coach.empty()) {
    ImGui::TextColored(p.highlight, "Coach");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", f.coach.c_str());
    track_item("meeting.coach", Sem::Status, "Coach: " + f.coach);
  }
  if (f.result) {
    const MoveResult& r = *f.result;
    ImGui::Dummy(ImVec2(0, 0));
    track_item("meeting.result." + std::to_string(g_ui.last_result + 1), Sem::Text, "");  // tests wait on the move count
    // A typed move: how the game read the sentence, beside the verdict on it.
    if (const std::string heard = heard_as(g_ui.last_result); !heard.empty()) {
      para(heard, p.text_dim);
      track_item("meeting.heard", Sem::Text, heard);
    }
    if (s.feedback_hidden) {
      para_dim("Verdicts are held back until the debrief.");
    } else {
      verdict_badge(static_cast<int>(r.verdict), r.points, true);
      const std::string word = verdict_word(r.verdict);
      track_item(std::string("meeting.verdict.") + to_string(r.verdict), Sem::Text,
                 word + ", " + (r.points >= 0 ? "+" : "") + std::to_string(r.points) + " points");
      para(r.explanation);
    }
  }
  // The whole feedback block: tooltips are kept off it.
  g_ui.feedback_min = top;
  g_ui.feedback_max = ImVec2(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
}

// The phrasing of a hovered or focused card, beside it in the hand's column (never over the
// feedback, which sits in the column to its left).
void card_tooltip(const CardView& card, bool kinds) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const float w = b.x - a.x;
  std::string text = "\"" + card.phrasing + "\"";
  if (kinds) text += std::string("\n") + category_title(card.category) + ": " + category_coaching(card.category);
  const ImVec2 pad = ImGui::GetStyle().WindowPadding;
  const float th = ImGui::CalcTextSize(text.c_str(), nullptr, false, w - 2 * pad.x).y + 2 * pad.y;
  const float below = b.y + 4.0f, above = a.y - 4.0f - th;
  const float y = below + th <= ImGui::GetIO().DisplaySize.y || above < 0.0f ? below : above;
  ImGui::SetNextWindowPos(ImVec2(a.x, y));
  ImGui::SetNextWindowSize(ImVec2(w, 0.0f));
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
  g_ui.tooltip_min = ImVec2(a.x, y);
  g_ui.tooltip_max = ImVec2(a.x + w, y + th);
  g_ui.tooltip_text = text;
}

void draw_hand(const View& v) {
  Session& s = session();
  const Palette& p = palette();
  const int digit = typed_digit();
  if (s.game.over()) {
    heading("The game is over");
    para(ending_sentence(s.game.state.ending));
    // A "1" typed while the last move was still on its way must not skip the buyer's last words:
    // the key opens the debrief only once the ending has stood a few frames and half a second.
    if (g_ui.over_frame < 0) { g_ui.over_frame = ImGui::GetFrameCount(); g_ui.over_time = ImGui::GetTime(); }
    const bool settled = ImGui::GetFrameCount() - g_ui.over_frame >= 3 && ImGui::GetTime() - g_ui.over_time >= 0.5;
    if (wrap_button("meeting.debrief", "See the debrief", 0.0f, true) || (digit == 1 && settled)) go(Screen::Debrief);
    return;
  }
  if (g_ui.picking >= 0 && g_ui.picking < static_cast<int>(v.hand.size())) {
    const CardView& card = v.hand[static_cast<size_t>(g_ui.picking)];
    heading("Aim it at whom?");
    para_dim(card.label);
    int n = 0;
    for (int t : card.targets) {
      const PersonView& pv = v.people[static_cast<size_t>(t)];
      ++n;
      const std::string label = std::to_string(n) + "  " + pv.name + (pv.engaged ? "" : "  (not involved yet)");
      if (wrap_button(("meeting.target." + pv.id).c_str(), label) || digit == n) {
        play_action(Action{card.action.move, t});
        return;
      }
    }
    if (wrap_button("meeting.target.cancel", "Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
      g_ui.picking = -1;
    return;
  }
  if (typed_shown()) { draw_typed_move(v, play_action); return; }  // typed play (typed_move.cpp)
  heading("Your moves");
  draw_typed_switch();
  para(narrow_layout() ? "Tap a move to play it." : "Click, or press 1-" + std::to_string(v.hand.size()) + ". Hover to read what you would say.",
       p.text_dim, fonts().small);
  // The cards come in the game's seeded order and look alike: the trainee judges a card by what it
  // says. While the scaffolding is on (the first lessons, practice with coach hints) they are grouped
  // under their kind of move, and the coach says what each kind does.
  const bool kinds = show_categories();
  const std::vector<size_t> order = hand_order(v);
  if (kinds) {
    para(s.mode == Mode::Onboarding ? "Coach: for now each card is grouped under its kind of move. Hover a card to hear what that kind does."
                                    : "Coach hints are on: cards are grouped under their kind of move (turn them off in Settings).",
         p.text_dim, fonts().small);
  }
  int last_cat = -1;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 5));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 7));
  struct PopOnExit { ~PopOnExit() { ImGui::PopStyleVar(2); } } pop_on_exit;
  for (size_t n = 0; n < order.size(); ++n) {
    const size_t i = order[n];  // the hand index; the number on the card is its place on screen
    const CardView& card = v.hand[i];
    if (kinds && static_cast<int>(card.category) != last_cat) {
      last_cat = static_cast<int>(card.category);
      ImGui::PushFont(fonts().small);
      ImGui::TextColored(p.text_dim, "%s", category_title(card.category));
      ImGui::PopFont();
      track_text(Sem::Heading, category_title(card.category), 3);
    }
    const std::string label = std::to_string(n + 1) + "  " + card.label + (card.target_kind == TargetKind::stakeholder ? "  >" : "");
    const bool clicked = wrap_button(("meeting.card." + std::to_string(n + 1)).c_str(), label);
    if (!narrow_layout() && (ImGui::IsItemHovered() || ImGui::IsItemFocused())) card_tooltip(card, kinds);
    if (clicked || digit == static_cast<int>(n + 1)) {
      if (card.target_kind == TargetKind::stakeholder) g_ui.picking = static_cast<int>(i);
      else play_action(card.action);
      return;
    }
  }
}

// The phone layout's tabs: one panel at a time, chosen with buttons published as tabs.
void draw_tabs() {
  static const char* kTabs[] = {"Talk", "Moves", "People"};
  const float w = (ImGui::GetContentRegionAvail().x - 2 * 6.0f) / 3.0f;
  const Palette& p = palette();
  begin_container("meeting.tabs", Sem::TabList, "Meeting");
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6, 6));
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine();
    const bool sel = g_ui.tab == i;
    ImGui::PushStyleColor(ImGuiCol_Button, sel ? p.accent : p.panel);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, sel ? p.accent_hover : p.panel_hover);
    ImGui::PushStyleColor(ImGuiCol_Text, sel ? p.accent_text : p.text);
    if (ImGui::Button(kTabs[i], ImVec2(w, touch_height()))) g_ui.tab = i;
    ImGui::PopStyleColor(3);
    static const char* kIds[] = {"meeting.tab.talk", "meeting.tab.moves", "meeting.tab.people"};
    track_item(kIds[i], Sem::Tab, kTabs[i], sel ? kSelected : 0);
  }
  ImGui::PopStyleVar();
  end_container();
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
  const Feedback fb = current_feedback();
  g_ui.tooltip_min = g_ui.tooltip_max = g_ui.feedback_min = g_ui.feedback_max = ImVec2(0, 0);
  if (narrow_layout()) {
    // A phone: one panel at a time under three tabs; a move played shows the conversation.
    draw_tabs();
    const float h = ImGui::GetContentRegionAvail().y;
    if (g_ui.tab == 0) {
      const float fh = feedback_height(fb, ImGui::GetContentRegionAvail().x);
      const ImGuiStyle& st = ImGui::GetStyle();
      // Below the feedback: the button to the moves, or the game's end and the way to the debrief.
      float bh = touch_height() + st.ItemSpacing.y;
      if (s.game.over()) {
        ImGui::PushFont(fonts().heading);
        bh += ImGui::GetTextLineHeight() + st.ItemSpacing.y;
        ImGui::PopFont();
        bh += ImGui::CalcTextSize(ending_sentence(s.game.state.ending), nullptr, false, ImGui::GetContentRegionAvail().x).y + st.ItemSpacing.y;
      }
      const float th = h - fh - bh - st.ItemSpacing.y;
      draw_transcript(th > ImGui::GetTextLineHeight() * 5 ? th : ImGui::GetTextLineHeight() * 5);
      draw_feedback(fb);
      if (s.game.over()) draw_hand(v);
      else if (wrap_button("meeting.choose", "Choose your next move", 0.0f, true)) g_ui.tab = 1;
    } else if (g_ui.tab == 1) {
      draw_hand(v);
    } else {
      draw_people(v, numbers);
      ImGui::Separator();
      draw_notebook(v);
    }
  } else {
    const float avail_w = ImGui::GetContentRegionAvail().x;
    // A tablet: two columns, the people and notebook under the moves; wider: three.
    const bool two = avail_w < 1000.0f;
    const float left_w = two ? 0.0f : avail_w > 1100 ? 280.0f : 230.0f;
    const float right_w = avail_w > 1100 ? 360.0f : 300.0f;
    const float h = ImGui::GetContentRegionAvail().y;
    const float center_w = avail_w - left_w - right_w - (two ? 1 : 2) * ImGui::GetStyle().ItemSpacing.x;

    if (!two) {
      begin_panel("left", ImVec2(left_w, h), true, ImGuiWindowFlags_NavFlattened);
      draw_people(v, numbers);
      ImGui::Separator();
      draw_notebook(v);
      end_panel();
      ImGui::SameLine();
    }
    begin_panel("center", ImVec2(center_w, h), false, ImGuiWindowFlags_NavFlattened);
    const float fh = feedback_height(fb, ImGui::GetContentRegionAvail().x);
    const float th = h - fh - 2 * ImGui::GetStyle().WindowPadding.y - ImGui::GetStyle().ItemSpacing.y;
    draw_transcript(th > ImGui::GetTextLineHeight() * 6 ? th : ImGui::GetTextLineHeight() * 6);
    draw_feedback(fb);
    end_panel();
    ImGui::SameLine();
    begin_panel("hand", ImVec2(right_w, h), true, ImGuiWindowFlags_NavFlattened);
    draw_hand(v);
    if (two) {
      ImGui::Separator();
      draw_people(v, numbers);
      ImGui::Separator();
      draw_notebook(v);
    }
    end_panel();
  }
  // Where the feedback and the card's tooltip are, so a test can check they never overlap.
  if (g_ui.feedback_max.y > g_ui.feedback_min.y) track_rect("meeting.feedback", Sem::Group, "Feedback", g_ui.feedback_min, g_ui.feedback_max);
  if (g_ui.tooltip_max.x > 0) track_rect("meeting.tooltip", Sem::Note, g_ui.tooltip_text, g_ui.tooltip_min, g_ui.tooltip_max);
}

}  // namespace buyin::ui
