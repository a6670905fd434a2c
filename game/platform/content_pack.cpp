// Reads content.pack (see content_bundle.hpp): the checksum first, so nothing from a damaged or
// foreign pack is ever parsed as content; then the layout, with every size checked against the end.
#include "core/hash.hpp"
#include "platform/content_bundle.hpp"

namespace buyin {

// One '\n'-ended line from `at`; false when there is none.
static bool take_line(const std::string& s, size_t& at, std::string& line) {
  const size_t end = s.find('\n', at);
  if (end == std::string::npos) return false;
  line.assign(s, at, end - at);
  at = end + 1;
  return true;
}

// A decimal count of at most 9 digits (a pack is far below a gigabyte), written as the packer
// writes it: no sign, no leading zero, so a pack has one spelling.
static bool parse_count(const std::string& s, size_t& out) {
  if (s.empty() || s.size() > 9 || (s.size() > 1 && s[0] == '0')) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<size_t>(c - '0');
  }
  return true;
}

PackRead read_content_pack(const std::string& bytes, uint64_t expected_checksum) {
  PackRead out;
  const std::string name = kContentPackName;
  if (bytes.empty()) { out.error = name + " is empty"; return out; }
  Fnv f;
  f.bytes(bytes.data(), bytes.size());
  if (f.h != expected_checksum) {
    out.error = name + " does not match this build of the game (checksum " + hex64(f.h) + ", expected " +
                hex64(expected_checksum) + "): it is damaged or from another version. Reload the page; if this "
                "persists, the server holds files from two different builds.";
    return out;
  }
  // The checksum matched, so what follows only fails for a pack this build wrote wrongly.
  size_t at = 0, count = 0;
  std::string line;
  if (!take_line(bytes, at, line) || line != "buyin-content-pack 1") { out.error = name + ": not a content pack (first line)"; return out; }
  if (!take_line(bytes, at, line) || !parse_count(line, count)) { out.error = name + ": no file count on line 2"; return out; }
  for (size_t i = 0; i < count; ++i) {
    SourceFile file;
    size_t size = 0;
    if (!take_line(bytes, at, file.path) || file.path.empty()) { out.error = name + ": file " + std::to_string(i + 1) + " has no path"; break; }
    if (!take_line(bytes, at, line) || !parse_count(line, size)) { out.error = name + ": " + file.path + " has no size"; break; }
    if (bytes.size() - at < size + 1 || bytes[at + size] != '\n') {  // the bytes and their '\n'
      out.error = name + ": " + file.path + " is cut short";
      break;
    }
    file.text.assign(bytes, at, size);
    at += size + 1;
    out.files.push_back(std::move(file));
  }
  if (out.error.empty() && at != bytes.size()) out.error = name + ": bytes after the last file";
  if (!out.error.empty()) out.files.clear();
  return out;
}

}  // namespace buyin
