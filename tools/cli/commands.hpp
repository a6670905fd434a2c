// CLI subcommands. Each returns the process exit code.
#pragma once
#include <string>
#include <vector>

namespace cli {
struct Args {
  std::vector<std::string> positional;
  std::string content = "content", scenario, policy, out, challenge, player = "bot", team;
  unsigned long long seed = 1;
  bool seed_given = false;
  int games = 100;
  bool json = false;
};
int cmd_validate(const Args& a);
int cmd_play(const Args& a);
int cmd_simulate(const Args& a);
int cmd_balance(const Args& a);
int cmd_zoo(const Args& a);
int cmd_verify(const Args& a);
int cmd_code(const Args& a);
int cmd_golden(const Args& a);
int cmd_bench(const Args& a);
int cmd_talk(const Args& a);
}  // namespace cli
