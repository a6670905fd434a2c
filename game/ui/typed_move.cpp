// Typed moves in a meeting (issue 20). The sentence is read by game/classify (category, concerns,
// who it is aimed at, the nearest move of this scenario's deck); the core plays and judges that
// move exactly as a card (open play: every move of the deck is legal). The transcript keeps the
// trainee's own words; the reader (on the web a module of its own, with the model) is loaded by
// the platform the first time typing is opened.
#include "ui/typed_move.hpp"

#include <map>
#include <string>
#include <vector>

#include "classify/classify.hpp"
#include "imgui.h"
#include "platform/platform.hpp"
#include "platform/reader.hpp"
#include "ui/screens.hpp"
#include "ui/session.hpp"
#include "ui/test_items.hpp"
#include "ui/theme.hpp"

namespace buyin::ui {

namespace {

struct TypedUi {
  int generation = -1;
  bool shown = false;              // the field instead of the cards
  char text[2048] = {};            // longer pastes are cut here; the reader refuses them as too long anyway
  bool focus = false;              // give the field the keyboard in the next frame
  bool choosing = false;           // unsure or not caught: the three closest readings are offered
  bool readable = false;           // the words can go into the transcript (not empty, not refused)
  std::string said;                // the sentence being chosen for
  classify::Result pending;
  std::string message;             // what the reader says about the last sentence
};
TypedUi g_t;

// The reader: loaded once per page by the platform (platform/reader.hpp).
struct Reader {
  std::string error;
  // This scenario's deck as a Content of its own, so the nearest move is one the meeting can play.
  std::string deck_of;
  Content deck;
};
Reader g_reader;

void ask_for_model() {
  g_reader.error.clear();
  platform::reader_load();
}

// Polls the platform's load; true once the reader is ready.
bool model_ready() {
  switch (platform::reader_status()) {
    case platform::ReaderStatus::ready: return true;
    case platform::ReaderStatus::none: ask_for_model(); return false;
    case platform::ReaderStatus::loading: return false;
    case platform::ReaderStatus::failed:
      if (g_reader.error.empty()) g_reader.error = platform::reader_error();
      if (g_reader.error.empty()) g_reader.error = "no answer";
      return false;
  }
  return false;
}

const Content& scenario_deck(const Scenario& sc) {
  if (g_reader.deck_of != sc.id) {
    g_reader.deck = Content{};
    for (int m : sc.deck) g_reader.deck.moves.push_back(content().moves[static_cast<size_t>(m)]);
    g_reader.deck_of = sc.id;
  }
  return g_reader.deck;
}

// ---------------------------------------------------------------------------------------------
// A reading in words: what kind of move, what about, to whom.
// ---------------------------------------------------------------------------------------------
const char* heard_kind(int category) {
  switch (static_cast<Category>(category)) {
    case Category::facilitative: return "a question that helps them think it through";
    case Category::implication: return "a question about the cost of staying put";
    case Category::involve_others: return "a suggestion to bring other people in";
    case Category::listen: return "playing back what they said";
    case Category::give_space: return "giving them time to work on it";
    case Category::situation: return "a question about the facts";
    case Category::need_payoff: return "asking what a fix would be worth to them";
    case Category::pitch: return "presenting your product";
    case Category::rebuttal: return "an argument against their worry";
    case Category::pressure: return "a push for a decision";
    case Category::de_risk: return "an offer to make the choice safer";
  }
  return "a move";
}

std::string in_words(const classify::Reading& r, int target) {
  std::string s = heard_kind(r.category);
  for (size_t i = 0; i < r.topics.size() && i < 2; ++i) s += std::string(i ? " and " : ", on ") + about_phrase(r.topics[i]);
  const Scenario& sc = session().game.scenario();
  if (target >= 0) s += ", to " + classify::first_name(sc.stakeholders[static_cast<size_t>(target)].name);
  else if (!r.target.empty()) s += ", to " + r.target;
  return s;
}

// Who a reading's move is aimed at: the person named, else the one who spoke last, else the first
// the move can reach. -1 for a move aimed at nobody; -2 when it can reach no one now.
int aim(const classify::Reading& r, int move) {
  const Session& s = session();
  const MoveDef& m = content().moves[static_cast<size_t>(move)];
  if (m.target != TargetKind::stakeholder) return -1;
  const std::vector<int> legal = legal_targets(content(), s.game.state, move);
  if (legal.empty()) return -2;
  const Scenario& sc = s.game.scenario();
  auto can = [&](int i) { for (int t : legal) if (t == i) return true; return false; };
  for (size_t i = 0; i < sc.stakeholders.size(); ++i)
    if (!r.target_id.empty() && sc.stakeholders[i].id == r.target_id && can(static_cast<int>(i))) return static_cast<int>(i);
  if (s.game.state.said_speaker >= 0 && can(s.game.state.said_speaker)) return s.game.state.said_speaker;
  return legal[0];
}

// Plays a reading; the transcript shows `words` when given (else the move's own phrasing).
void play_reading(const classify::Reading& r, const std::string& words, PlayFn play) {
  Session& s = session();
  const int move = content().find_move(r.move);
  if (move < 0) { g_t.message = "I heard " + in_words(r, -1) + ", but no move of this meeting is like it. Try saying it another way."; return; }
  const int target = aim(r, move);
  if (target == -2) { g_t.message = "I heard " + in_words(r, -1) + ", but there is nobody it can reach now. Try saying it another way."; return; }
  if (!s.game.config.open_play) open_play(s.game);
  const size_t before = s.game.results.size();
  // The session keeps the words and the reading with the move (transcript, exports, branches).
  s.next_typed = TypedWords{words, "Heard as: " + in_words(r, target) + " (played as \"" +
                                       label_for(content().moves[static_cast<size_t>(move)], s.game.scenario(), move) + "\")."};
  play(Action{move, target});
  if (s.game.results.size() == before) return;  // refused: the meeting shows why
  g_t.text[0] = '\0';
  g_t.choosing = false;
  g_t.message.clear();
  g_t.focus = true;
}

void submit(PlayFn play) {
  Session& s = session();
  const std::string said = g_t.text;
  const Scenario& sc = s.game.scenario();
  classify::Context ctx;
  ctx.content = &scenario_deck(sc);
  ctx.people = classify::people_in(sc);
  ctx.world = sc.world;
  classify::Result r = platform::reader_read(ctx, said);
  if (r.caught) { play_reading(r.best, said, play); return; }
  g_t.pending = r;
  g_t.said = said;
  g_t.choosing = true;
  g_t.readable = r.why == "unsure";
  g_t.message = g_t.readable ? "I'm not sure how you meant that. Did you mean:"
                             : "I didn't catch that (" + r.why + "). The closest readings:";
}

void sync_with_game() {
  const Session& s = session();
  if (g_t.generation == s.generation) return;
  g_t = TypedUi{};
  g_t.generation = s.generation;
  g_t.shown = s.typed_only || s.progress.settings.typed_first;
  g_t.focus = g_t.shown;
}

}  // namespace

bool typed_shown() {
  sync_with_game();
  return g_t.shown || session().typed_only;
}

std::string heard_as(int result_index) {
  const std::map<int, TypedWords>& typed = session().typed;
  auto it = typed.find(result_index);
  return it == typed.end() ? std::string() : it->second.heard;
}

void draw_typed_switch() {
  sync_with_game();
  // On the heading's line, at its right, when it fits there: the hand keeps its height (a lesson's
  // seven cards fit 720 px); under the heading when not (large text on a phone).
  const char* label = "Type instead";
  const float w = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
  const float right = ImGui::GetWindowContentRegionMax().x;  // window coordinates
  const float heading_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
  if (heading_end + 2 * ImGui::GetStyle().ItemSpacing.x + w <= right) ImGui::SameLine(right - w);
  if (ImGui::Button(label)) {
    g_t.shown = true;
    g_t.focus = true;
  }
  track_item("meeting.typed.open", Sem::Button, "Type instead: say it in your own words");
}

void draw_typed_move(const View& v, PlayFn play) {
  (void)v;
  sync_with_game();
  Session& s = session();
  const Palette& p = palette();
  heading("What do you say?");
  const bool ready = model_ready();
  if (!ready && !g_reader.error.empty()) {
    para("The reader could not be loaded: " + g_reader.error + "." + (s.typed_only ? "" : " The cards still work."), p.bad);
    track_item("meeting.typed.error", Sem::Status, "The reader could not be loaded: " + g_reader.error);
    if (wrap_button("meeting.typed.retry", "Try again")) ask_for_model();
  } else if (!ready) {
    para_dim("Loading the reader...");
    track_item("meeting.typed.loading", Sem::Status, "Loading the reader...");
    platform::request_redraw();
  } else {
    para("Type it as you would say it, then press Enter.", p.text_dim, fonts().small);
  }
  if (g_t.focus && !g_t.choosing) {
    ImGui::SetKeyboardFocusHere();
    g_t.focus = false;
  }
  ImGui::SetNextItemWidth(-1.0f);
  bool enter = ImGui::InputText("##typed", g_t.text, sizeof g_t.text, ImGuiInputTextFlags_EnterReturnsTrue);
  track_item("meeting.typed.field", Sem::Textbox, "What do you say?", 0, g_t.text);
  ImGui::BeginDisabled(!ready);
  if (wrap_button("meeting.typed.say", "Say it", 0.0f, true)) enter = true;
  ImGui::EndDisabled();
  if (enter && ready) {
    submit(play);
    if (s.game.over()) return;
  }
  if (!g_t.message.empty()) {
    para(g_t.message, g_t.choosing ? p.warn : p.bad);
    track_item("meeting.typed.message", Sem::Status, g_t.message);
  }
  if (g_t.choosing) {
    for (size_t i = 0; i < g_t.pending.closest.size(); ++i) {
      const classify::Reading& r = g_t.pending.closest[i];
      const std::string label = std::to_string(i + 1) + "  " + in_words(r, -1);
      if (wrap_button(("meeting.typed.reading." + std::to_string(i + 1)).c_str(), label)) {
        // Unreadable words (empty, refused) stay out of the transcript: the move's phrasing is said.
        play_reading(r, g_t.readable ? g_t.said : std::string(), play);
        return;
      }
    }
    if (wrap_button("meeting.typed.rephrase", "None of these: let me rephrase")) {
      g_t.choosing = false;
      g_t.message.clear();
      g_t.focus = true;
    }
  }
  if (!s.typed_only && wrap_button("meeting.typed.cards", "Show my cards instead")) g_t.shown = false;
}

}  // namespace buyin::ui
