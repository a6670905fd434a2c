// Browser services: each call goes to web/glue.js (window.buyinGlue), which owns the DOM side.
#include <emscripten.h>

#include "platform/platform.hpp"

EM_JS(void, js_publish_ui_state, (const char* json), {
  if (window.buyinGlue) window.buyinGlue.setUiState(UTF8ToString(json));
});
EM_JS(void, js_announce, (const char* text), {
  if (window.buyinGlue) window.buyinGlue.announce(UTF8ToString(text));
});
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int size), {
  if (window.buyinGlue) window.buyinGlue.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + size));
});
EM_JS(void, js_copy, (const char* text), {
  if (window.buyinGlue) window.buyinGlue.copy(UTF8ToString(text));
});

EM_JS(void, js_sync_storage, (), {
  if (window.buyinGlue) window.buyinGlue.syncStorage();
});

namespace buyin::platform {
// /persist is mounted as IDBFS and loaded from IndexedDB before main() runs (web/loader.js).
std::string storage_dir() { return "/persist"; }
void storage_flush() { js_sync_storage(); }
void publish_ui_state(const std::string& json) { js_publish_ui_state(json.c_str()); }
void announce(const std::string& text) { js_announce(text.c_str()); }
void download(const std::string& filename, const std::string& mime, const std::string& bytes) {
  js_download(filename.c_str(), mime.c_str(), bytes.data(), (int)bytes.size());
}
void copy_to_clipboard(const std::string& text) { js_copy(text.c_str()); }
const char* name() { return "Web (WebAssembly + WebGL2)"; }
}  // namespace buyin::platform
