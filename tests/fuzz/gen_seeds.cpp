// gen_seeds OUTDIR: writes valid inputs the fuzzers start from (tools/fuzz runs it each time):
//   OUTDIR/result_code/  result and challenge codes made by the bots on every real scenario, both as
//                        code text (mode byte 0) and as envelope payloads (mode byte 5 / 7, see
//                        fuzz_entries.hpp), plus a few damaged ones;
//   OUTDIR/save/         saved progress holding those games;
//   OUTDIR/progress/     two saves split by a NUL (import + merge);
//   OUTDIR/leaderboard/  pasted codes for the challenges leaderboard_one ranks against;
//   OUTDIR/cli/          organizer command lines (arguments split by NUL) with real codes;
//   OUTDIR/onboarding/   the real onboarding.json.
// Content seeds are the content files themselves (copied by tools/fuzz).
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "core/buyin.hpp"
#include "core/leaderboard.hpp"
#include "../../tools/cli/content_io.hpp"
#include "core/progress.hpp"
#include "fuzz_entries.hpp"  // content_dir()

using namespace buyin;

static void put(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

static std::vector<uint8_t> unb64(const std::string& s) {
  std::vector<uint8_t> out;
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = 1; i < s.size(); ++i) {
    char ch = s[i];
    int v = (ch >= 'A' && ch <= 'Z') ? ch - 'A' : (ch >= 'a' && ch <= 'z') ? ch - 'a' + 26
          : (ch >= '0' && ch <= '9') ? ch - '0' + 52 : ch == '-' ? 62 : 63;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) { bits -= 8; out.push_back(static_cast<uint8_t>(acc >> bits)); }
  }
  return out;
}

// The payload after version, length and content hash, without the checksum, behind a mode byte.
static std::string payload(uint8_t mode, const std::string& code) {
  std::vector<uint8_t> b = unb64(code);
  std::string s(1, static_cast<char>(mode));
  if (b.size() >= 15) s.append(b.begin() + 11, b.end() - 4);
  return s;
}

int main(int argc, char** argv) {
  if (argc != 2) { std::fprintf(stderr, "usage: gen_seeds OUTDIR\n"); return 2; }
  const std::string out = argv[1];
  const std::string dir = fuzz::content_dir();
  std::vector<SourceFile> files = cli::read_content_dir(dir);
  LoadResult lr = load_content(files);
  if (!lr.ok) { std::fprintf(stderr, "gen_seeds: content in %s does not load\n", dir.c_str()); return 1; }
  const Content& c = lr.content;
  Progress progress;
  progress.settings.player_name = "Ana";
  progress.settings.team = "North";
  int n = 0;
  for (const Scenario& sc : c.scenarios) {
    for (int p = 0; p < kPolicyCount; ++p) {
      if (static_cast<Policy>(p) == Policy::expert) continue;  // slow and adds nothing new to the format
      Challenge ch{sc.id, static_cast<uint64_t>(1000 + p), p % 2 == 1, p == 3 ? 3 : 0};
      ch.notebook = static_cast<Policy>(p) == Policy::facilitator;  // code version 3: the flag, and the bot's notes
      Game g = play_policy(c, GameConfig{ch.scenario_id, ch.seed, ch.meeting_limit, ch.notebook}, static_cast<Policy>(p));
      ResultCode rc{c.hash, ch, p % 2 ? "Ana" : "", p == 2 ? "North team" : "", g.actions, final_score(c, g.state).total};
      rc.notes = g.notes;
      std::string r = encode_result(c, rc), cc = encode_challenge(ch, c.hash);
      const std::string base = out + "/result_code/" + std::to_string(n++);
      put(base + "_r.txt", std::string(1, '\0') + r);
      put(base + "_c.txt", std::string(1, '\0') + cc);
      put(base + "_r.bin", payload(5, r));
      put(base + "_c.bin", payload(7, cc));
      if (p == 0) {
        put(base + "_r_cut.txt", std::string(1, '\0') + r.substr(0, r.size() / 2));
        std::string t = r;
        t[t.size() / 2] = t[t.size() / 2] == 'A' ? 'B' : 'A';
        put(base + "_r_tampered.txt", std::string(1, '\0') + t);
      }
      GameRecord gr;
      gr.mode = p == 1 ? "challenge" : "practice";
      gr.scenario_id = sc.id;
      gr.seed = ch.seed;
      gr.moves = encode_moves(c, sc, g.actions);
      gr.notes = encode_notes(sc, g.notes);
      gr.listening = listening_points(g.state);
      gr.content_hash = "0123456789abcdef";
      gr.ending = to_string(g.state.ending);
      gr.finished_at = "2026-11-23T10:00:00Z";
      gr.score = rc.claimed_score;
      gr.meetings = 3;
      progress.history.push_back(gr);
    }
  }
  for (const Lesson& l : c.lessons) progress.lessons_passed.push_back(l.id);
  put(out + "/save/full.json", encode_progress(progress));
  Progress small;
  small.settings.font_percent = 120;
  small.settings.high_contrast = true;
  put(out + "/save/settings_only.json", encode_progress(small));
  put(out + "/save/fresh.json", encode_progress(Progress{}));
  std::string cut = encode_progress(progress);
  put(out + "/save/cut.json", cut.substr(0, cut.size() / 3));
  // progress (import + merge): this browser's save, a NUL, the imported one (with made-up lessons).
  Progress imported = small;
  imported.lessons_passed = {"status_quo", "made_up_lesson"};
  imported.history.assign(progress.history.begin(), progress.history.begin() + (progress.history.size() > 3 ? 3 : 0));
  put(out + "/progress/full_then_import.bin", encode_progress(progress) + std::string(1, '\0') + encode_progress(imported));
  put(out + "/progress/fresh_then_full.bin", std::string(1, '\0') + encode_progress(progress));
  // leaderboard: the challenges leaderboard_one ranks against (mode byte 0: shared seed; 5: per
  // player, locked), each with codes of several players and attempts, a duplicate and a foreign code.
  for (uint8_t mode : {uint8_t(0), uint8_t(5), uint8_t(13)}) {
    Challenge ch{c.scenarios[0].id, 1000, (mode & 2) != 0, 0};
    ch.per_player = mode & 1;
    ch.lock = (mode & 4) ? challenge_lock(7) : 0;
    std::string text(1, static_cast<char>(mode)), args = "leaderboard";
    args += std::string(1, '\0') + "--challenge" + std::string(1, '\0') + encode_challenge(ch, c.hash);
    std::vector<std::string> earlier;
    for (int p = 0; p < 4; ++p) {
      const std::string name = p < 2 ? "Ana" : "Bo " + std::to_string(p);
      const uint64_t seed = game_seed(ch, name);
      Game g = play_policy(c, GameConfig{ch.scenario_id, seed, 0}, static_cast<Policy>(p % 4));
      const int attempt = p < 2 ? p + 1 : 1;
      ResultCode rc{c.hash, ch, name, p % 2 ? "North" : "", g.actions, final_score(c, g.state).total, seed, attempt,
                    attempt == 2 ? attempts_hash(earlier) : 0};
      const std::string code = encode_result(c, rc);
      if (p == 0) earlier.push_back(code);
      text += code + "\n";
      args += std::string(1, '\0') + code;
      if (p == 3) text += code + "\n";  // a duplicate
    }
    text += "Rnot-a-code\n";
    put(out + "/leaderboard/board_" + std::to_string(mode) + ".txt", text);
    put(out + "/cli/leaderboard_" + std::to_string(mode) + ".bin", args + std::string(1, '\0') + "--csv" + std::string(1, '\0') + "-");
    std::string verify = args;
    verify.replace(0, 11, "verify");
    put(out + "/cli/verify_" + std::to_string(mode) + ".bin", verify);
    std::string code_cmd = std::string("code") + '\0' + "--challenge" + '\0' + encode_challenge(ch, c.hash) + '\0' + "--player" + '\0' +
                           "Cy" + '\0' + "--policy" + '\0' + "pusher";
    put(out + "/cli/code_" + std::to_string(mode) + ".bin", code_cmd);
  }
  put(out + "/onboarding/real.json", [&] {
    for (const SourceFile& f : files) if (f.path == "onboarding.json") return f.text;
    return std::string();
  }());
  std::printf("gen_seeds: %d games -> %s/{result_code,save,progress,leaderboard,cli,onboarding}\n", n, out.c_str());
  return 0;
}
