// Test helpers: read content folders from disk (tests may do I/O; the core may not).
#pragma once
#include <string>
#include <vector>

#include "../../tools/cli/content_io.hpp"

namespace th {

inline std::string root() { return BUYIN_SOURCE_DIR; }

inline bool read(const std::string& path, std::string& out) { return cli::read_file(path, out); }
inline std::vector<std::string> list(const std::string& dir, const std::string& suffix) { return cli::list_dir(dir, suffix); }
inline std::vector<buyin::SourceFile> read_dir(const std::string& dir) { return cli::read_content_dir(dir); }

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
