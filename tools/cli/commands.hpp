// CLI subcommands. Each returns the process exit code.
#pragma once
#include <string>
#include <vector>

namespace buyin { struct Content; }

namespace cli {
struct Args {
  std::string command;
  std::vector<std::string> positional;
  std::string content = "content", scenario, policy, out, challenge, player = "bot", team, csv;
  std::string eval, model;  // classify: --eval FILE.tsv, --model PATH
  unsigned long long seed = 1;
  bool seed_given = false;
  int games = 100;
  bool games_given = false;
  bool json = false;
  bool help = false;
  bool per_player = false, hide_feedback = false, first_attempts = false;
  bool as_trainee = false;  // play: the hand as the trainee sees it (no kind of move on the cards)
  bool notebook = false;    // challenge --notebook: the players' notes count (Listening)
  bool typed = false;       // challenge --typed: the players type their moves (open play)
  int meetings = 0, attempt = 1;
};
// Reads argv (without the program name) into `a`; false with `error` set on a bad option.
bool parse_args(const std::vector<std::string>& argv, Args& a, std::string& error);

int cmd_validate(const Args& a);
int cmd_play(const Args& a);
int cmd_simulate(const Args& a);
int cmd_balance(const Args& a);
int cmd_zoo(const Args& a);
int cmd_golden(const Args& a);
int cmd_bench(const Args& a);

// organizer.cpp: challenge, code, verify, leaderboard. run_* take loaded content (the fuzzer's way in).
int cmd_challenge(const Args& a);
int cmd_code(const Args& a);
int cmd_verify(const Args& a);
int cmd_leaderboard(const Args& a);
int run_challenge(const buyin::Content& c, const Args& a);
int run_code(const buyin::Content& c, const Args& a);
int run_verify(const buyin::Content& c, const Args& a);
int run_leaderboard(const buyin::Content& c, const Args& a);
// Codes from arguments: a code-shaped argument is a code; otherwise a readable file of codes
// (one per line); otherwise it is taken as a code and refused with its reason.
std::vector<std::string> gather_codes(const std::vector<std::string>& args);

// talk.cpp: the replies of facilitator and classic games, counted against the dialogue targets.
int cmd_talk(const Args& a);

// classify.cpp: typed sentences read as moves (one a line), or --eval on a labelled TSV.
int cmd_classify(const Args& a);
}  // namespace cli
