// Reading content/ from disk into SourceFiles (the core never touches files).
#pragma once
#include <string>
#include <vector>

#include "core/buyin.hpp"

namespace cli {
// Every content file under dir (moves.json, onboarding.json, scenarios/*.json), paths relative to dir.
std::vector<buyin::SourceFile> read_content_dir(const std::string& dir);
bool read_file(const std::string& path, std::string& out);
}  // namespace cli
