#include "commands.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "content_io.hpp"
#include "core/buyin.hpp"
#include "core/hash.hpp"

namespace cli {

using json = nlohmann::json;
using namespace buyin;

namespace {

bool load(const Args& a, Content& out) {
  LoadResult r = load_content(read_content_dir(a.content));
  if (!r.ok) {
    for (const Diagnostic& d : r.errors) std::fprintf(stderr, "error: %s\n", printable(d.str()).c_str());
    return false;
  }
  out = std::move(r.content);
  return true;
}

std::vector<std::string> scenario_ids(const Content& c, const Args& a) {
  std::vector<std::string> ids;
  for (const Scenario& s : c.scenarios) if (a.scenario.empty() || s.id == a.scenario) ids.push_back(s.id);
  return ids;
}

void print_json(const json& j) { std::cout << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n"; }

json result_json(const MoveResult& r) {
  json rep = json::array();
  static const char* kinds[] = {"reaction", "hint", "resolved", "joined", "veto", "stall", "objection", "invited", "farewell"};
  for (const Reply& p : r.replies) rep.push_back({{"speaker", p.speaker_id}, {"text", p.text}, {"kind", kinds[static_cast<int>(p.kind)]}});
  return {{"move", r.move_id}, {"verdict", to_string(r.verdict)}, {"points", r.points}, {"explanation", r.explanation},
          {"stage", r.stage_after}, {"trust", r.trust_after}, {"replies", rep}};
}

json debrief_json(const Game& g, const Debrief& d) {
  json j;
  j["ending"] = to_string(d.ending);
  j["score"] = d.score.total;
  for (const ScoreLine& l : d.score.lines) j["breakdown"][l.key] = {{"points", l.points}, {"detail", l.detail}};
  for (const ConstraintReport& c : d.constraints)
    j["constraints"].push_back({{"id", c.id}, {"owner", c.owner_id}, {"severity", c.severity}, {"surfaced", c.surfaced}, {"resolved", c.resolved}});
  j["moves"] = encode_moves(*g.content, g.scenario(), g.actions);
  j["expert"] = encode_moves(*g.content, g.scenario(), d.expert);
  j["expert_score"] = d.expert_score;
  j["turning_point"] = d.turning_point;
  j["turning_why"] = d.turning_why;
  j["ready_buyer"] = d.ready_buyer;
  j["stalls"] = d.stalls;
  j["objections"] = d.objections;
  j["proposals"] = d.proposals;
  return j;
}

void print_debrief(const Game& g, const Debrief& d) {
  std::printf("\n=== %s: score %d ===\n", to_string(d.ending), d.score.total);
  if (d.ready_buyer) std::printf("A ready buyer: they had done their own work before the first meeting.\n");
  if (!d.turning_why.empty()) std::printf("%s\n", d.turning_why.c_str());
  for (const ScoreLine& l : d.score.lines) std::printf("  %-26s %5d  (%s)\n", l.label.c_str(), l.points, l.detail.c_str());
  std::printf("Hidden constraints:\n");
  for (const ConstraintReport& c : d.constraints)
    std::printf("  [%s] %s (%s, severity %d): %s%s\n", c.surfaced ? "surfaced" : "hidden  ", c.id.c_str(), c.owner_name.c_str(), c.severity,
                c.summary.c_str(), c.resolved ? " (resolved)" : "");
  if (d.best_move >= 0) std::printf("Best move:  %s\n", d.timeline[static_cast<size_t>(d.best_move)].explanation.c_str());
  if (d.worst_move >= 0) std::printf("Worst move: %s\n", d.timeline[static_cast<size_t>(d.worst_move)].explanation.c_str());
  std::printf("Expert path (score %d): %s\n", d.expert_score, encode_moves(*g.content, g.scenario(), d.expert).c_str());
}

}  // namespace

int cmd_validate(const Args& a) {
  std::vector<std::string> dirs = a.positional;
  if (dirs.empty()) dirs.push_back(a.content);
  int errors = 0, warnings = 0;
  json out = json::array();
  for (std::string dir : dirs) {
    namespace fs = std::filesystem;
    std::error_code ec;  // non-throwing: a path too long for the file system is reported, not a crash
    if (fs::is_regular_file(dir, ec)) {  // a file: validate its whole content dir
      fs::path p = fs::path(dir).parent_path();
      if (p.filename() == "scenarios") p = p.parent_path();
      dir = p.empty() ? "." : p.string();
    }
    LoadResult r = load_content(read_content_dir(dir));
    json jd = {{"dir", dir}, {"errors", json::array()}, {"warnings", json::array()}};
    for (const Diagnostic& d : r.errors) {
      ++errors;
      jd["errors"].push_back(d.str());
      if (!a.json) std::printf("%s: error: %s\n", printable(dir).c_str(), printable(d.str()).c_str());
    }
    if (r.ok) {
      for (const Diagnostic& d : lint_content(r.content)) {
        ++warnings;
        jd["warnings"].push_back(d.str());
        if (!a.json) std::printf("%s: warning: %s\n", printable(dir).c_str(), printable(d.str()).c_str());
      }
      jd["hash"] = r.content.hash;
      jd["scenarios"] = r.content.scenarios.size();
      jd["moves"] = r.content.moves.size();
    }
    out.push_back(jd);
  }
  if (a.json) print_json(out);
  else std::printf("%d error(s), %d warning(s)\n", errors, warnings);
  return errors ? 1 : 0;
}

int cmd_play(const Args& a) {
  Content c;
  if (!load(a, c)) return 1;
  std::string id = a.scenario.empty() && !c.scenarios.empty() ? c.scenarios[0].id : a.scenario;
  StartResult s = start_game(c, GameConfig{id, a.seed, 0});
  if (!s.ok) { std::fprintf(stderr, "%s\n", s.error.c_str()); return 1; }
  Game g = s.game;
  json log = json::array();
  if (!a.json) std::printf("%s\n%s\nYou offer %s.\n", g.scenario().title.c_str(), g.scenario().brief.c_str(), g.scenario().offering_name.c_str());
  while (!g.over()) {
    View v = view(g);
    if (!a.json) {
      std::printf("\n-- meeting %d/%d, turn %d/%d, %s, trust %d\n", v.meeting + 1, v.meetings_total, v.turn + 1, v.moves_per_meeting,
                  v.stage_name.c_str(), v.trust);
      for (const PersonView& p : v.people)
        std::printf("   %-10s %-18s trust %3d open %3d %s%s\n", p.id.c_str(), p.name.c_str(), p.trust, p.openness,
                    p.engaged ? "engaged" : "not engaged", p.veto ? " (veto)" : "");
      for (const NoteView& n : v.voiced) std::printf("   note: %s said \"%s\"%s\n", n.owner_name.c_str(), n.heard.c_str(), n.resolved ? " (resolved)" : "");
      // The author's tool names each card's kind of move; --as-trainee shows the hand as the game does.
      for (size_t i = 0; i < v.hand.size(); ++i) {
        const std::string kind = a.as_trainee ? "" : std::string("[") + to_string(v.hand[i].category) + "] ";
        std::printf("  %zu. %s%s — \"%s\"%s\n", i + 1, kind.c_str(), v.hand[i].label.c_str(), v.hand[i].phrasing.c_str(),
                    v.hand[i].target_kind == TargetKind::stakeholder ? " (needs @target)" : "");
      }
      std::printf("> ");
      std::fflush(stdout);
    }
    std::string line;
    if (!std::getline(std::cin, line)) break;
    size_t at = line.find('@');
    int n = std::atoi(line.substr(0, at).c_str());
    if (n < 1 || n > static_cast<int>(v.hand.size())) { if (!a.json) std::printf("pick 1..%zu (add @id for a target)\n", v.hand.size()); continue; }
    Action act = v.hand[static_cast<size_t>(n - 1)].action;
    if (v.hand[static_cast<size_t>(n - 1)].target_kind == TargetKind::stakeholder) {
      std::string who = at == std::string::npos ? "" : line.substr(at + 1);
      while (!who.empty() && (who.back() == ' ' || who.back() == '\r')) who.pop_back();
      for (const PersonView& p : v.people) if (p.id == who) act.target = p.index;
      if (act.target < 0) act.target = v.hand[static_cast<size_t>(n - 1)].targets.empty() ? -1 : v.hand[static_cast<size_t>(n - 1)].targets[0];
    }
    MoveResult r = play(g, act);
    if (!r.ok) { if (!a.json) std::printf("refused: %s\n", r.error.c_str()); continue; }
    if (a.json) { log.push_back(result_json(r)); continue; }
    std::printf("You: \"%.*s\"\n", static_cast<int>(r.phrasing.size()), r.phrasing.data());
    for (const Reply& p : r.replies) std::printf("  %.*s: \"%s\"\n", static_cast<int>(p.speaker_name.size()), p.speaker_name.data(), p.text.c_str());
    std::printf("  => %s, %+d: %s\n", to_string(r.verdict), r.points, r.explanation.c_str());
  }
  Debrief d = debrief(g);
  if (a.json) print_json({{"moves", log}, {"debrief", debrief_json(g, d)}});
  else print_debrief(g, d);
  return 0;
}

int cmd_simulate(const Args& a) {
  Content c;
  if (!load(a, c)) return 1;
  Policy p;
  if (!parse_policy(a.policy, p)) { std::fprintf(stderr, "unknown policy \"%s\"\n", a.policy.c_str()); return 2; }
  json out = json::array();
  for (const std::string& id : scenario_ids(c, a)) {
    for (int i = 0; i < a.games; ++i) {
      Game g = play_policy(c, GameConfig{id, a.seed + static_cast<uint64_t>(i), 0}, p);
      FinalScore fs = final_score(c, g.state);
      std::string moves = encode_moves(c, g.scenario(), g.actions);
      if (a.json) out.push_back({{"scenario", id}, {"seed", a.seed + static_cast<uint64_t>(i)}, {"ending", to_string(g.state.ending)}, {"score", fs.total}, {"stage", g.state.stage}, {"peak_stage", g.state.peak_stage}, {"ready", g.state.ready}, {"moves", moves}});
      else std::printf("%s seed %llu: %s score %d (%zu moves)\n", id.c_str(), static_cast<unsigned long long>(a.seed + static_cast<uint64_t>(i)),
                       to_string(g.state.ending), fs.total, g.actions.size());
      if (a.games == 1 && !a.json)
        for (const MoveResult& r : g.results) std::printf("  %-22s %-11s %+4d S%d t%d  %s\n", std::string(r.move_id).c_str(), to_string(r.verdict), r.points, r.stage_after, r.trust_after, r.explanation.c_str());
    }
  }
  if (a.json) print_json(out);
  return 0;
}

namespace {
// balance and zoo: one row per scenario x policy, the same columns in text and JSON.
int policy_table(const Args& a, const std::vector<Policy>& policies, bool lessons_column) {
  Content c;
  if (!load(a, c)) return 1;
  json out = json::array();
  if (!a.json) {
    std::printf("%-26s %-18s %7s %9s %9s %9s %9s", "scenario", "policy", "score", "purchase%", "nodecis%", "disengag%", "meetings");
    std::printf(lessons_column ? " %8s\n" : "\n", "lesson%");
  }
  for (const std::string& id : scenario_ids(c, a)) {
    for (Policy p : policies) {
      PolicyStats s = run_policy(c, id, p, a.seed, a.games);
      if (a.json) {
        json row = {{"scenario", id}, {"policy", to_string(p)}, {"games", s.games}, {"mean_score", s.mean_score},
                    {"purchase_pct", s.purchase_pct}, {"no_decision_pct", s.no_decision_pct}, {"disengaged_pct", s.disengaged_pct},
                    {"mean_meetings_x10", s.mean_meetings_x10}};
        if (lessons_column && s.lesson_pass_pct >= 0) row["lesson_pass_pct"] = s.lesson_pass_pct;
        out.push_back(row);
      } else {
        std::printf("%-26s %-18s %7d %9d %9d %9d %6d.%d", id.c_str(), to_string(p), s.mean_score, s.purchase_pct, s.no_decision_pct,
                    s.disengaged_pct, s.mean_meetings_x10 / 10, s.mean_meetings_x10 % 10);
        if (lessons_column && s.lesson_pass_pct >= 0) std::printf(" %8d", s.lesson_pass_pct);
        std::printf("\n");
      }
      std::fflush(stdout);
    }
  }
  if (a.json) print_json(out);
  return 0;
}
}  // namespace

int cmd_balance(const Args& a) {
  std::vector<Policy> ps;
  for (int i = 0; i < kPolicyCount; ++i) ps.push_back(static_cast<Policy>(i));
  return policy_table(a, ps, true);
}

int cmd_zoo(const Args& a) {
  std::vector<Policy> ps;
  for (int i = kZooFirst; i < kAllPolicies; ++i) ps.push_back(static_cast<Policy>(i));
  return policy_table(a, ps, true);
}

int cmd_golden(const Args& a) {
  Content c;
  if (!load(a, c)) return 1;
  if (a.out.empty()) { std::fprintf(stderr, "golden needs --out DIR\n"); return 2; }
  std::filesystem::create_directories(a.out);
  int n = 0;
  for (const std::string& id : scenario_ids(c, a)) {
    for (Policy p : {Policy::facilitator, Policy::pusher, Policy::random}) {
      uint64_t seed = a.seed + static_cast<uint64_t>(n);
      Game played = play_policy(c, GameConfig{id, seed, 0}, p);
      ReplayResult rr = replay(c, record_of(played));
      json j;
      j["scenario"] = id;
      j["seed"] = seed;
      j["policy"] = to_string(p);
      j["moves"] = encode_moves(c, played.scenario(), played.actions);
      StartResult s = start_game(c, GameConfig{id, seed, 0});
      Game g = s.game;
      j["hashes"] = json::array();
      j["initial_hash"] = hex64(state_hash(g.state));
      for (const Action& act : played.actions) {
        MoveResult r = play(g, act);
        j["hashes"].push_back(hex64(state_hash(g.state)));
        j["points"].push_back(r.points);
      }
      j["ending"] = to_string(g.state.ending);
      j["score"] = final_score(c, g.state).total;
      std::string path = a.out + "/" + id + "_" + to_string(p) + ".json";
      std::ofstream(path) << j.dump(1) << "\n";
      std::printf("wrote %s (%zu moves, score %d)\n", path.c_str(), played.actions.size(), j["score"].get<int>());
      ++n;
      (void)rr;
    }
  }
  return 0;
}

int cmd_bench(const Args& a) {
  Content c;
  if (!load(a, c)) return 1;
  using clk = std::chrono::steady_clock;
  json out = json::array();
  const int games = a.games > 0 ? a.games : 100;
  const int eg = games < 20 ? games : 20;  // expert games (seeds) per scenario
  long long all_moves = 0, all_us = 0, ex_all_us = 0, ex_max_us = 0, ex_n = 0;
  for (const std::string& id : scenario_ids(c, a)) {
    // moves/s: random-policy games with text (scoring, replies, explanations), as core_bench; the
    // fastest of three rounds (the same games each round), so other load on the machine counts less.
    long moves = 0;
    long long us = -1;
    for (int round = 0; round < 3; ++round) {
      long m = 0;
      auto t0 = clk::now();
      for (int i = 0; i < games; ++i) m += static_cast<long>(play_policy(c, GameConfig{id, static_cast<uint64_t>(i), 0}, Policy::random).actions.size());
      long long r_us = std::chrono::duration_cast<std::chrono::microseconds>(clk::now() - t0).count();
      if (us < 0 || r_us < us) us = r_us;
      moves = m;
    }
    // The expert: a full game (search from the start, path played out with text), timed one by one.
    long long eus = 0, emax = 0;
    for (int i = 0; i < eg; ++i) {
      auto e0 = clk::now();
      play_policy(c, GameConfig{id, static_cast<uint64_t>(i), 0}, Policy::expert);
      long long us1 = std::chrono::duration_cast<std::chrono::microseconds>(clk::now() - e0).count();
      eus += us1;
      emax = std::max(emax, us1);
    }
    long long mps = us > 0 ? moves * 1000000LL / us : 0;
    all_moves += moves;
    all_us += us;
    ex_all_us += eus;
    ex_max_us = std::max(ex_max_us, emax);
    ex_n += eg;
    long long emean = eg > 0 ? eus / eg : 0;
    if (a.json)
      out.push_back({{"scenario", id}, {"moves_per_sec", mps}, {"us_per_game", us / games}, {"expert_ms_per_game_x10", emean / 100},
                     {"expert_us_mean", emean}, {"expert_us_max", emax}});
    else
      std::printf("%-26s %9lld moves/s  %6lld us/game  expert %lld.%lld ms/game (max %lld.%lld)\n", id.c_str(), mps, us / games, emean / 1000,
                  (emean / 100) % 10, emax / 1000, (emax / 100) % 10);
  }
  long long mps = all_us > 0 ? all_moves * 1000000LL / all_us : 0;
  long long emean = ex_n > 0 ? ex_all_us / ex_n : 0;
  if (a.json) {
    print_json(out);  // per scenario only (tools/bench takes the median of moves_per_sec over the rows)
  } else {
    std::printf("%-26s %9lld moves/s  expert mean %lld.%lld ms/game, max %lld.%lld ms (%lld games)\n", "all", mps, emean / 1000, (emean / 100) % 10,
                ex_max_us / 1000, (ex_max_us / 100) % 10, ex_n);
  }
  return 0;
}

}  // namespace cli
