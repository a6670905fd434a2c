// tools/buyin: command-line front end to game/core.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "commands.hpp"

static void usage() {
  std::puts(
      "usage: buyin [--content DIR] [--json] COMMAND ...\n"
      "  validate PATH...                      load + lint content dirs (exit 1 on any error)\n"
      "  play --scenario ID [--seed N] [--as-trainee]  play in the terminal (stdin may be piped); each card\n"
      "                                        shows its kind of move, unless --as-trainee\n"
      "  simulate --policy P --games N [--scenario ID] [--seed N]\n"
      "  balance [--games N] [--scenario ID] [--seed N]  every scenario x policy, seeds N to N+games-1\n"
      "                                        (default seed 1, 1000 games)\n"
      "  zoo [--games N] [--scenario ID] [--seed N]  degenerate strategies, balance's columns (+ lesson pass %)\n"
      "  challenge --scenario ID --seed N [--per-player] [--hide-feedback] [--notebook] [--typed] [--meetings N]\n"
      "                                        print a challenge code and its close code\n"
      "  code --challenge CODE --policy P --player NAME [--team T] [--attempt N]  make a result code\n"
      "                                        (or --scenario ID --seed N instead of --challenge)\n"
      "  verify [--challenge CODE] CODE|FILE... replay result codes and check them\n"
      "  leaderboard --challenge CODE CODE|FILE... [--csv OUT|-] [--first-attempts]\n"
      "                                        verify, rank by percent of the expert, flag, export CSV\n"
      "  golden --out DIR                      write golden replays (use fixture content)\n"
      "  talk [--games N] [--scenario ID] [--json]  replies of the facilitator and classic games (default 1000)\n"
      "  classify [--json] [--scenario ID] [--model PATH] [FILE|-]  read typed sentences (one a line) as moves\n"
      "  classify --eval FILE.tsv [--json]     accuracy, push passed as help, topic recall, confusion table\n"
      "  bench                                 moves/s (best of 3 rounds), us per game, expert ms per game (mean, max)\n"
      "policies: random pusher classic facilitator expert\n"
      "zoo: same_card facilitative_only listen_only give_space_first top_of_hand never_recommend");
}

int main(int argc, char** argv) {
  cli::Args a;
  std::string error;
  if (!cli::parse_args(std::vector<std::string>(argv + 1, argv + argc), a, error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 2;
  }
  if (a.help) { usage(); return 0; }
  const std::string& cmd = a.command;
  if (cmd == "validate") return cli::cmd_validate(a);
  if (cmd == "play") return cli::cmd_play(a);
  if (cmd == "simulate") return cli::cmd_simulate(a);
  if (cmd == "balance") { if (!a.games_given) a.games = 1000; return cli::cmd_balance(a); }
  if (cmd == "zoo") { if (!a.games_given) a.games = 1000; return cli::cmd_zoo(a); }
  if (cmd == "verify") return cli::cmd_verify(a);
  if (cmd == "code") return cli::cmd_code(a);
  if (cmd == "challenge") return cli::cmd_challenge(a);
  if (cmd == "leaderboard") return cli::cmd_leaderboard(a);
  if (cmd == "golden") return cli::cmd_golden(a);
  if (cmd == "bench") return cli::cmd_bench(a);
  if (cmd == "classify") return cli::cmd_classify(a);
  if (cmd == "talk") { if (!a.games_given) a.games = 1000; return cli::cmd_talk(a); }
  usage();
  return 2;
}
