// Desktop services: files land in the working folder, announcements go to stdout.
#include <SDL.h>

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>

#include "platform/platform.hpp"

namespace buyin::platform {
// $BUYIN_DATA_DIR, else $XDG_DATA_HOME/buyin, else ~/.local/share/buyin.
std::string storage_dir() {
  static std::string dir;
  if (!dir.empty()) return dir;
  if (const char* d = std::getenv("BUYIN_DATA_DIR")) dir = d;
  else if (const char* x = std::getenv("XDG_DATA_HOME")) dir = std::string(x) + "/buyin";
  else if (const char* h = std::getenv("HOME")) dir = std::string(h) + "/.local/share/buyin";
  else dir = ".";
  std::string partial;
  for (size_t i = 0; i <= dir.size(); ++i)
    if (i == dir.size() || (dir[i] == '/' && i > 0)) { partial = dir.substr(0, i); mkdir(partial.c_str(), 0755); }
  return dir;
}
void storage_flush() {}
std::string storage_problem() { return ""; }  // files are read one by one: a bad one is reported as damaged
void publish_ui_state(const std::string&) {}
void announce(const std::string& text) { std::printf("%s\n", text.c_str()); }
void download(const std::string& filename, const std::string&, const std::string& bytes) {
  std::ofstream out(filename, std::ios::binary);
  out << bytes;
  std::printf("Saved %s (%zu bytes)\n", filename.c_str(), bytes.size());
}
void copy_to_clipboard(const std::string& text) { SDL_SetClipboardText(text.c_str()); }
void game_finished(const std::string& json) { std::printf("game finished: %s\n", json.c_str()); }
std::string lms_resume_data() { return ""; }
void export_xapi() { announce("xAPI statements are made by the browser build."); }
// The desktop build takes a challenge code from $BUYIN_CHALLENGE, as the web build does from the link.
std::string launch_fragment() {
  const char* c = std::getenv("BUYIN_CHALLENGE");
  return c ? c : "";
}
std::string page_link(const std::string& fragment) { return "http://127.0.0.1:8080/#" + fragment; }
// Files the web build fetches on demand are read from beside the executable (the build copies them there).
static std::map<std::string, Fetched> g_fetched;
void fetch_file(const std::string& name) {
  Fetched& f = g_fetched[name];
  if (f.status == FetchStatus::done) return;
  char* base = SDL_GetBasePath();
  const std::string path = std::string(base ? base : "") + name;
  SDL_free(base);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) f = Fetched{FetchStatus::failed, "", "could not read " + path};
  else if (bytes.empty()) f = Fetched{FetchStatus::failed, "", "could not read " + path};
  else f = Fetched{FetchStatus::done, std::move(bytes), ""};
}
void fetch_forget(const std::string& name) { g_fetched.erase(name); }
const Fetched& fetched(const std::string& name) { return g_fetched[name]; }

void open_files() { announce("Opening files is only available in the browser; paste the codes instead."); }
std::vector<IncomingFile> take_incoming_files() { return {}; }
const char* name() { return "Desktop (SDL2 + OpenGL 3)"; }
const Credit* credits() {
  static const Credit list[] = {{"SDL 2", "Sam Lantinga and contributors. zlib License."}, {nullptr, nullptr}};
  return list;
}
}  // namespace buyin::platform
