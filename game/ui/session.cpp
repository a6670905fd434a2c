#include "ui/session.hpp"

#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "platform/content_bundle.hpp"
#include "platform/platform.hpp"
#include "ui/challenge.hpp"
#include "ui/progress_store.hpp"

namespace buyin::ui {

static Session g_session;
Session& session() { return g_session; }
const Content& content() { return g_session.content.content; }

// --- content: compiled in (desktop) or fetched as content.pack (web) --------------------------------
static bool g_loaded_at_once = false;  // the compiled-in files loaded on request, not yet reported by a poll

static void load_files(const std::vector<SourceFile>& files) {
  g_session.content = load_content(files);
  g_session.content.content.hash = bundled_content_hash();  // of the files as written, not minified
  g_session.content_ok = g_session.content.ok;
  g_session.content_state = ContentState::ready;
  g_session.content_problem.clear();
  if (g_session.content_ok) progress_content_loaded();
}

void session_request_content() {
  Session& s = g_session;
  if (s.content_state == ContentState::loading || s.content_state == ContentState::ready) return;
  if (bundled_content()->path) {
    std::vector<SourceFile> files;
    for (const BundledFile* f = bundled_content(); f->path; ++f) files.push_back({f->path, std::string(f->data, f->size)});
    load_files(files);
    g_loaded_at_once = true;
    return;
  }
  s.content_state = ContentState::loading;
  platform::fetch_file(kContentPackName);
}

bool session_poll_content() {
  Session& s = g_session;
  if (g_loaded_at_once) { g_loaded_at_once = false; return true; }
  if (s.content_state != ContentState::loading) return false;
  const platform::Fetched& f = platform::fetched(kContentPackName);
  if (f.status == platform::FetchStatus::loading) return false;
  if (f.status == platform::FetchStatus::failed) {
    s.content_state = ContentState::failed;
    s.content_problem = std::string(kContentPackName) + " could not be fetched: " + f.error;
    return false;
  }
  PackRead pack = read_content_pack(f.bytes, content_pack_checksum());
  platform::fetch_forget(kContentPackName);  // `f` dies here: the files are copied, a bad copy is fetched anew
  if (!pack.error.empty()) {
    s.content_state = ContentState::failed;
    s.content_problem = pack.error;
    return false;
  }
  load_files(pack.files);
  return true;
}

const char* verdict_word(Verdict v) {
  switch (v) {
    case Verdict::facilitated: return "Facilitated";
    case Verdict::neutral: return "Neutral";
    case Verdict::pushed: return "Pushed";
    case Verdict::harmful: return "Harmful";
  }
  return "";
}

const char* role_name(Role r) {
  switch (r) {
    case Role::economic_buyer: return "Economic buyer";
    case Role::technical_owner: return "Technical owner";
    case Role::user_lead: return "User lead";
    case Role::champion: return "Champion";
    case Role::procurement: return "Procurement";
    case Role::executive_sponsor: return "Executive sponsor";
    case Role::finance: return "Finance";
    case Role::influencer: return "Influencer";
  }
  return "";
}

const char* ending_sentence(Ending e) {
  switch (e) {
    case Ending::purchase: return "The buyer decided to buy, on their own terms.";
    case Ending::no_decision: return "No decision: the meetings ran out before the buyer could decide.";
    case Ending::disengaged: return "The buyer disengaged: trust ran out.";
    case Ending::none: return "The game is still going.";
  }
  return "";
}

const char* about_word(ConstraintType t) {
  static const char* w[kConstraintTypeCount] = {"Money", "The tools they have", "The people who use it", "Who else must agree",
                                                "The current vendor", "Rules and habits", "Timing", "Personal risk", "No felt need"};
  return w[static_cast<int>(t) % kConstraintTypeCount];
}

const char* about_phrase(ConstraintType t) {
  static const char* w[kConstraintTypeCount] = {"money", "the tools they already run", "the people who would use it", "who else must agree",
                                                "the vendor they have now", "their rules and habits", "timing", "the personal risk to them",
                                                "not feeling any need to change"};
  return w[static_cast<int>(t) % kConstraintTypeCount];
}

uint64_t fresh_seed() {
  auto t = std::chrono::system_clock::now().time_since_epoch();
  uint64_t x = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(t).count());
  // splitmix64 finaliser: neighbouring clock values give unrelated seeds
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return (x ^ (x >> 31)) % 1000000000ull;
}

static void add_result_to_transcript(Session& s, const MoveResult& r, int index) {
  auto typed = s.typed.find(index);
  const bool own_words = typed != s.typed.end() && !typed->second.words.empty();
  s.transcript.push_back({TranscriptLine::Seller, "You", "Seller", own_words ? typed->second.words : std::string(r.phrasing), index});
  const Scenario& sc = s.game.scenario();
  int line = buyer_line_count(s.game) - static_cast<int>(r.replies.size());
  for (const Reply& rep : r.replies) {
    TranscriptLine t;
    t.line = line++;
    t.speaker = rep.speaker_name;
    t.role = rep.speaker >= 0 ? role_name(sc.stakeholders[static_cast<size_t>(rep.speaker)].role) : "";
    t.text = rep.text;
    switch (rep.kind) {
      case ReplyKind::reaction: case ReplyKind::stall: case ReplyKind::invited: case ReplyKind::farewell:
        t.kind = TranscriptLine::Buyer;
        break;
      case ReplyKind::hint: case ReplyKind::objection: t.kind = TranscriptLine::Hint; break;
      case ReplyKind::resolved: t.kind = TranscriptLine::Resolved; break;
      case ReplyKind::joined: t.kind = TranscriptLine::Joined; break;
      case ReplyKind::veto: t.kind = TranscriptLine::Veto; break;
    }
    s.transcript.push_back(t);
  }
  if (r.meeting_ended && r.ending == Ending::none)
    s.transcript.push_back({TranscriptLine::System, "", "", "The meeting ends. The buyer has time to think before the next one.", -1});
}

static void opening_lines(Session& s) {
  const Scenario& sc = s.game.scenario();
  std::string who;
  for (const StakeholderDef& d : sc.stakeholders)
    if (d.engaged) who += (who.empty() ? "" : ", ") + d.name;
  s.transcript.push_back({TranscriptLine::System, "", "", "First meeting with " + who + ".", -1});
}

std::string session_start(Mode mode, const std::string& scenario_id, uint64_t seed, int lesson, bool feedback_hidden,
                          int meeting_limit, bool notebook) {
  Session& s = g_session;
  if (!s.content_ok) return "The game content did not load.";
  if (mode == Mode::Practice) {
    const std::string blocked = practice_blocked(scenario_id, seed);
    if (!blocked.empty()) return blocked;
  }
  StartResult r = start_game(s.content.content, GameConfig{scenario_id, seed, meeting_limit, notebook});
  if (!r.ok) return r.error;
  s.active = true;
  s.mode = mode;
  s.lesson = lesson;
  s.feedback_hidden = feedback_hidden;
  s.typed_only = false;  // a typed challenge sets it after the start
  s.game = std::move(r.game);
  s.transcript.clear();
  s.typed.clear();
  s.next_typed = TypedWords{};
  s.debrief.reset();
  s.recorded = false;
  s.generation++;
  opening_lines(s);
  return "";
}

MoveResult session_play(const Action& a) {
  Session& s = g_session;
  TypedWords typed = std::move(s.next_typed);  // for this move only, played or refused
  s.next_typed = TypedWords{};
  MoveResult r = play(s.game, a);
  if (!r.ok) return r;
  const int index = static_cast<int>(s.game.results.size()) - 1;
  const std::string heard = typed.heard;
  if (!typed.words.empty() || !typed.heard.empty()) s.typed[index] = std::move(typed);
  add_result_to_transcript(s, r, index);
  // Screen readers hear, in one announcement and in the order of the conversation: how a typed
  // sentence was heard (the trainee's own turn), what the buyer said and, unless held back, the verdict.
  std::string spoken = heard.empty() ? std::string() : heard + " ";
  for (const Reply& rep : r.replies) spoken.append(rep.speaker_name).append(": ").append(rep.text).append(" ");
  if (!s.feedback_hidden) spoken += std::string(verdict_word(r.verdict)) + ", " + std::to_string(r.points) + " points. " + r.explanation;
  platform::announce(spoken);
  return r;
}

NoteResult session_note(const Note& n) {
  Session& s = g_session;
  NoteResult r = take_note(s.game, n);
  if (r.ok) s.debrief.reset();  // the debrief judges the notes: made again when next asked for
  if (r.ok) platform::announce("Noted.");
  return r;
}

void session_branch(int keep) {
  Session& s = g_session;
  std::vector<Action> actions(s.game.actions.begin(), s.game.actions.begin() + keep);
  std::vector<Note> notes = s.game.notes;
  // The typed moves kept: the branch's transcript says the trainee's own words, not the cards'.
  std::map<int, TypedWords> typed(s.typed.begin(), s.typed.lower_bound(keep));
  const GameConfig cfg = s.game.config;
  const bool typed_only = s.typed_only;
  session_start(s.mode, cfg.scenario_id, cfg.seed, s.lesson, s.feedback_hidden, cfg.meeting_limit, cfg.notebook);
  // A typed game stays open: its moves need not have been dealt.
  s.typed_only = typed_only;
  if (cfg.open_play) open_play(s.game);
  // The notes written up to that point go back in with the moves.
  size_t next = 0;
  for (size_t i = 0; i <= actions.size(); ++i) {
    for (; next < notes.size() && notes[next].at_move <= static_cast<int>(i); ++next) take_note(s.game, notes[next]);
    if (i >= actions.size()) break;
    if (auto t = typed.find(static_cast<int>(i)); t != typed.end()) s.next_typed = t->second;
    session_play(actions[i]);
  }
  s.transcript.push_back({TranscriptLine::System, "", "", "You went back to move " + std::to_string(keep) + ". Try another way from here.", -1});
}

const Debrief& session_debrief() {
  Session& s = g_session;
  if (!s.debrief) s.debrief = debrief(s.game, true);
  return *s.debrief;
}

std::string transcript_text() {
  const Session& s = g_session;
  const Scenario& sc = s.game.scenario();
  std::string out = "Buy-In transcript\n=================\nScenario: " + sc.title + "\nSeed: " +
                    std::to_string(s.game.config.seed) + "\n\n";
  // An open challenge's transcript keeps what its debrief keeps: verdicts, explanations, constraints.
  const bool reveal = debrief_unlocked();
  for (const TranscriptLine& t : s.transcript) {
    if (t.kind == TranscriptLine::System) { out += "-- " + t.text + "\n"; continue; }
    out += t.speaker + (t.role.empty() ? "" : " (" + t.role + ")") + ": " + t.text + "\n";
    if (t.kind == TranscriptLine::Seller && t.move >= 0 && reveal) {
      const MoveResult& r = s.game.results[static_cast<size_t>(t.move)];
      out += "   [" + std::string(verdict_word(r.verdict)) + ", " + (r.points >= 0 ? "+" : "") + std::to_string(r.points) +
             "] " + r.explanation + "\n";
    }
  }
  if (s.game.over()) {
    const Debrief& d = session_debrief();
    out += "\nEnding: " + std::string(ending_sentence(d.ending)) + "\nScore: " + std::to_string(d.score.total) + "\n";
    for (const ScoreLine& l : d.score.lines) out += "  " + l.label + ": " + std::to_string(l.points) + " (" + l.detail + ")\n";
    if (!reveal) return out + "\nThe hidden constraints are revealed when the challenge's round closes.\n";
    out += "\nHidden constraints:\n";
    for (const ConstraintReport& c : d.constraints)
      out += "  - " + std::string(describe(c.type)) + ", held by " + c.owner_name + ": " + c.summary +
             (c.surfaced ? " [surfaced]" : " [never surfaced]") + (c.resolved ? " [resolved]" : "") + "\n";
  }
  return out;
}

std::string transcript_json() {
  const Session& s = g_session;
  nlohmann::json j;
  j["scenario"] = s.game.config.scenario_id;
  j["seed"] = std::to_string(s.game.config.seed);
  j["moves"] = encode_moves(content(), s.game.scenario(), s.game.actions);
  nlohmann::json lines = nlohmann::json::array();
  for (const TranscriptLine& t : s.transcript) {
    nlohmann::json l = {{"speaker", t.speaker}, {"role", t.role}, {"text", t.text}};
    if (t.kind == TranscriptLine::Seller && t.move >= 0) {
      const MoveResult& r = s.game.results[static_cast<size_t>(t.move)];
      l["move"] = r.move_id;
      if (auto typed = s.typed.find(t.move); typed != s.typed.end() && !typed->second.words.empty()) l["typed"] = true;  // the trainee's own words
      if (!debrief_unlocked()) { lines.push_back(l); continue; }
      l["verdict"] = to_string(r.verdict);
      l["points"] = r.points;
      l["explanation"] = r.explanation;
    }
    lines.push_back(l);
  }
  j["transcript"] = lines;
  if (s.game.over()) {
    const Debrief& d = session_debrief();
    j["ending"] = to_string(d.ending);
    j["score"] = d.score.total;
    if (!debrief_unlocked()) return j.dump(2);
    j["turning_point"] = d.turning_why;  // where the deal died, in plain words ("" after a purchase)
    nlohmann::json cs = nlohmann::json::array();
    for (const ConstraintReport& c : d.constraints)
      cs.push_back({{"id", c.id}, {"type", to_string(c.type)}, {"owner", c.owner_id}, {"severity", c.severity},
                    {"surfaced", c.surfaced}, {"resolved", c.resolved}, {"summary", c.summary}});
    j["constraints"] = cs;
  }
  return j.dump(2);
}

// ---- the scaffolding that fades ------------------------------------------------------------------
bool onboarding_passed() {
  const std::vector<std::string>& passed = session().progress.lessons_passed;
  for (const Lesson& l : content().lessons)
    if (std::find(passed.begin(), passed.end(), l.id) == passed.end()) return false;
  return !content().lessons.empty();
}

bool coach_hints_on() {
  const int v = session().progress.settings.coach_hints;
  return v < 0 ? !onboarding_passed() : v == 1;
}

std::vector<size_t> hand_order(const View& v) {
  std::vector<size_t> order(v.hand.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (show_categories())
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v.hand[a].category < v.hand[b].category; });
  return order;
}

bool show_categories() {
  const Session& s = session();
  switch (s.mode) {
    case Mode::Onboarding:
      return s.lesson >= 0 && s.lesson < static_cast<int>(content().lessons.size()) && content().lessons[static_cast<size_t>(s.lesson)].show_categories;
    case Mode::Practice: return coach_hints_on();
    case Mode::Challenge: return false;
  }
  return false;
}

}  // namespace buyin::ui
