// Test helpers: read content folders from disk (tests may do I/O; the core may not).
#pragma once
#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/buyin.hpp"

namespace th {

inline std::string root() { return BUYIN_SOURCE_DIR; }

inline bool read(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

inline std::vector<std::string> list(const std::string& dir, const std::string& suffix) {
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

inline std::vector<buyin::SourceFile> read_dir(const std::string& dir) {
  std::vector<buyin::SourceFile> files;
  std::string t;
  if (read(dir + "/moves.json", t)) files.push_back({"moves.json", t});
  if (read(dir + "/onboarding.json", t)) files.push_back({"onboarding.json", t});
  for (const std::string& n : list(dir + "/scenarios", ".json"))
    if (read(dir + "/scenarios/" + n, t)) files.push_back({"scenarios/" + n, t});
  return files;
}

inline std::vector<buyin::SourceFile> fixture_files() { return read_dir(root() + "/tests/core/fixtures"); }

// Loaded once per process: the fixtures are the stable ground for rule tests.
inline const buyin::Content& fixtures() {
  static buyin::Content c = [] {
    buyin::LoadResult r = buyin::load_content(fixture_files());
    return r.content;
  }();
  return c;
}

// Shipped content, if it loads (the content writer works in parallel).
inline const buyin::Content* shipped() {
  static buyin::LoadResult r = buyin::load_content(read_dir(root() + "/content"));
  return r.ok ? &r.content : nullptr;
}

}  // namespace th
