// File-backed storage shared by both platforms: the web build's folder is an IDBFS mount
// (see web/loader.js), the desktop's a data folder in the user's home.
#include <cstdio>
#include <ctime>
#include <string>

#include "platform/platform.hpp"

namespace buyin::platform {

std::string storage_dir();       // per platform
void storage_flush();            // per platform: push writes to persistent storage

bool storage_read(const std::string& name, std::string& out) {
  const std::string path = storage_dir() + "/" + name;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  out.clear();
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return true;
}

bool storage_write(const std::string& name, const std::string& bytes) {
  const std::string path = storage_dir() + "/" + name;
  const std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return false;
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  if (std::fclose(f) != 0 || !ok) { std::remove(tmp.c_str()); return false; }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) { std::remove(tmp.c_str()); return false; }
  storage_flush();
  return true;
}

std::string now_iso8601() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  // snprintf, not strftime: strftime was the web build's only user of libc's locale-aware time
  // formatting. Same text ("2026-12-01T20:15:00Z").
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

}  // namespace buyin::platform
