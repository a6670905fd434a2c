#include "content_io.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cli {

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

std::vector<buyin::SourceFile> read_content_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<buyin::SourceFile> files;
  std::vector<std::string> rel = {"moves.json", "onboarding.json"};
  std::error_code ec;
  if (fs::is_directory(fs::path(dir) / "scenarios", ec))
    for (const auto& e : fs::directory_iterator(fs::path(dir) / "scenarios", ec))
      if (e.path().extension() == ".json") rel.push_back("scenarios/" + e.path().filename().string());
  std::sort(rel.begin(), rel.end());
  for (const std::string& r : rel) {
    std::string text;
    if (read_file((fs::path(dir) / r).string(), text)) files.push_back({r, text});
  }
  return files;
}

}  // namespace cli
