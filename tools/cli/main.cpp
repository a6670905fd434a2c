// tools/buyin: command-line front end to game/core.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "commands.hpp"

static void usage() {
  std::puts(
      "usage: buyin [--content DIR] [--json] COMMAND ...\n"
      "  validate PATH...                      load + lint content dirs (exit 1 on any error)\n"
      "  play --scenario ID [--seed N]         play in the terminal (stdin may be piped)\n"
      "  simulate --policy P --games N [--scenario ID] [--seed N]\n"
      "  balance [--games N] [--scenario ID] [--seed N]  every scenario x policy, seeds N to N+games-1\n"
      "                                        (default seed 1, 1000 games)\n"
      "  zoo [--games N] [--scenario ID] [--seed N]  degenerate strategies, balance's columns (+ lesson pass %)\n"
      "  verify [--challenge CODE] CODE|FILE... replay result codes and check them\n"
      "  code --scenario ID --seed N --policy P [--player NAME] [--team T]  make a result code\n"
      "  golden --out DIR                      write golden replays (use fixture content)\n"
      "  talk [--games N] [--scenario ID] [--json]  replies of the facilitator and classic games (default 1000)\n"
      "  bench                                 moves/s (best of 3 rounds), us per game, expert ms per game (mean, max)\n"
      "policies: random pusher classic facilitator expert\n"
      "zoo: same_card facilitative_only listen_only give_space_first top_of_hand never_recommend");
}

int main(int argc, char** argv) {
  cli::Args a;
  std::string cmd;
  bool games_given = false;
  for (int i = 1; i < argc; ++i) {
    std::string s = argv[i];
    auto val = [&](std::string& out) {
      if (i + 1 >= argc) { std::fprintf(stderr, "%s needs a value\n", s.c_str()); std::exit(2); }
      out = argv[++i];
    };
    std::string v;
    if (s == "--json") a.json = true;
    else if (s == "--content") val(a.content);
    else if (s == "--scenario") val(a.scenario);
    else if (s == "--policy") val(a.policy);
    else if (s == "--out") val(a.out);
    else if (s == "--challenge") val(a.challenge);
    else if (s == "--player") val(a.player);
    else if (s == "--team") val(a.team);
    else if (s == "--seed") { val(v); a.seed = std::strtoull(v.c_str(), nullptr, 10); a.seed_given = true; }
    else if (s == "--games") { val(v); a.games = std::atoi(v.c_str()); games_given = true; }
    else if (s == "-h" || s == "--help") { usage(); return 0; }
    else if (cmd.empty()) cmd = s;
    else a.positional.push_back(s);
  }
  if (cmd == "validate") return cli::cmd_validate(a);
  if (cmd == "play") return cli::cmd_play(a);
  if (cmd == "simulate") return cli::cmd_simulate(a);
  if (cmd == "balance") { if (!games_given) a.games = 1000; return cli::cmd_balance(a); }
  if (cmd == "zoo") { if (!games_given) a.games = 1000; return cli::cmd_zoo(a); }
  if (cmd == "verify") return cli::cmd_verify(a);
  if (cmd == "code") return cli::cmd_code(a);
  if (cmd == "golden") return cli::cmd_golden(a);
  if (cmd == "bench") return cli::cmd_bench(a);
  if (cmd == "talk") { if (!games_given) a.games = 1000; return cli::cmd_talk(a); }
  usage();
  return 2;
}
