// Desktop services: files land in the working folder, announcements go to stdout.
#include <SDL.h>

#include <cstdio>
#include <fstream>

#include "platform/platform.hpp"

namespace buyin::platform {
void publish_ui_state(const std::string&) {}
void announce(const std::string& text) { std::printf("%s\n", text.c_str()); }
void download(const std::string& filename, const std::string&, const std::string& bytes) {
  std::ofstream out(filename, std::ios::binary);
  out << bytes;
  std::printf("Saved %s (%zu bytes)\n", filename.c_str(), bytes.size());
}
void copy_to_clipboard(const std::string& text) { SDL_SetClipboardText(text.c_str()); }
const char* name() { return "Desktop (SDL2 + OpenGL 3)"; }
}  // namespace buyin::platform
