// Reading a content folder from disk into SourceFiles (the core never touches files).
// Header-only so the CLI, the tests, the benchmark and the fuzz seed generator share one reader.
#pragma once
#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/buyin.hpp"

namespace cli {

inline bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

// Names in dir ending in suffix, sorted (readdir's order differs between file systems).
inline std::vector<std::string> list_dir(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0) names.push_back(n);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Every content file under dir (moves.json, onboarding.json, lines.json, scenarios/*.json), paths relative to dir.
inline std::vector<buyin::SourceFile> read_content_dir(const std::string& dir) {
  std::vector<buyin::SourceFile> files;
  std::string t;
  if (read_file(dir + "/moves.json", t)) files.push_back({"moves.json", t});
  if (read_file(dir + "/onboarding.json", t)) files.push_back({"onboarding.json", t});
  if (read_file(dir + "/lines.json", t)) files.push_back({"lines.json", t});
  for (const std::string& n : list_dir(dir + "/scenarios", ".json"))
    if (read_file(dir + "/scenarios/" + n, t)) files.push_back({"scenarios/" + n, t});
  return files;
}

}  // namespace cli
