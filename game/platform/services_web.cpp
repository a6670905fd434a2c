// Browser services: each call goes to web/glue.js (window.buyinGlue), which owns the DOM side.
#include <emscripten.h>

#include <cstdlib>
#include <map>

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

EM_JS(void, js_game_finished, (const char* json), {
  if (window.buyinGlue) window.buyinGlue.gameFinished(UTF8ToString(json));
});
EM_JS(char*, js_take_string, (int which), {
  // 0: LMS resume data, 1: the URL fragment, 2: this page's address, 3: why IndexedDB could not be
  // read. Returned as a malloc'd C string (freed by C++).
  var s = "";
  if (which === 0 && window.buyinGlue) s = window.buyinGlue.resumeData() || "";
  if (which === 1) { try { s = decodeURIComponent((location.hash || "").replace(/^#/, "")); } catch (e) { s = location.hash.slice(1); } }
  if (which === 2) s = location.origin + location.pathname;
  if (which === 3 && window.buyinGlue) s = window.buyinGlue.storageProblem();
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
EM_JS(void, js_export_xapi, (), {
  if (window.buyinLms) window.buyinLms.exportStatements();
});
EM_JS(void, js_open_files, (), {
  if (window.buyinGlue) window.buyinGlue.openFiles();
});

// Files fetched on demand (web/glue.js fetchFile): 0 loading, 1 done, 2 failed, -1 never asked.
EM_JS(void, js_fetch_file, (const char* name), {
  if (window.buyinGlue) window.buyinGlue.fetchFile(UTF8ToString(name));
});
EM_JS(int, js_fetch_status, (const char* name), {
  return window.buyinGlue ? window.buyinGlue.fetchStatus(UTF8ToString(name)) : -1;
});
EM_JS(int, js_fetch_size, (const char* name), {
  return window.buyinGlue ? window.buyinGlue.fetchTake(UTF8ToString(name)).length : 0;
});
// Copies the fetched bytes (or, when it failed, the error text) into `out` and lets the page drop them.
EM_JS(void, js_fetch_copy, (const char* name, char* out), {
  var b = window.buyinGlue.fetchTake(UTF8ToString(name));
  HEAPU8.set(b, out);
  window.buyinGlue.fetchRelease(UTF8ToString(name));
});

static std::vector<buyin::platform::IncomingFile> g_incoming;

// The page hands files to the app (pasted text goes to web_window.cpp's input queue).
extern "C" EMSCRIPTEN_KEEPALIVE void buyin_incoming_file(const char* name, const char* text) {
  g_incoming.push_back({name, text});
  buyin::platform::request_redraw();
}

namespace buyin::platform {
static std::map<std::string, Fetched> g_fetched;
void fetch_file(const std::string& name) {
  Fetched& f = g_fetched[name];
  if (f.status == FetchStatus::loading || f.status == FetchStatus::done) return;
  f = Fetched{FetchStatus::loading, "", ""};
  js_fetch_file(name.c_str());
}
void fetch_forget(const std::string& name) { g_fetched.erase(name); }
const Fetched& fetched(const std::string& name) {
  Fetched& f = g_fetched[name];
  if (f.status != FetchStatus::loading) return f;
  const int st = js_fetch_status(name.c_str());
  if (st != 1 && st != 2) return f;
  std::string bytes(static_cast<size_t>(js_fetch_size(name.c_str())), '\0');
  js_fetch_copy(name.c_str(), bytes.data());
  if (st == 1) f = Fetched{FetchStatus::done, std::move(bytes), ""};
  else f = Fetched{FetchStatus::failed, "", bytes};
  return f;
}
void game_finished(const std::string& json) { js_game_finished(json.c_str()); }
static std::string take_js_string(int which) {
  char* p = js_take_string(which);
  std::string s = p ? p : "";
  free(p);
  return s;
}
std::string lms_resume_data() { return take_js_string(0); }
std::string launch_fragment() { return take_js_string(1); }
std::string page_link(const std::string& fragment) { return take_js_string(2) + "#" + fragment; }
void open_files() { js_open_files(); }
void export_xapi() { js_export_xapi(); }
std::vector<IncomingFile> take_incoming_files() {
  std::vector<IncomingFile> out;
  out.swap(g_incoming);
  return out;
}
// /persist is mounted as IDBFS and loaded from IndexedDB before main() runs (web/loader.js).
std::string storage_dir() { return "/persist"; }
void storage_flush() { js_sync_storage(); }  // web/glue.js skips it while storage_problem() is set
std::string storage_problem() { return take_js_string(3); }
void publish_ui_state(const std::string& json) { js_publish_ui_state(json.c_str()); }
void announce(const std::string& text) { js_announce(text.c_str()); }
void download(const std::string& filename, const std::string& mime, const std::string& bytes) {
  js_download(filename.c_str(), mime.c_str(), bytes.data(), (int)bytes.size());
}
void copy_to_clipboard(const std::string& text) { js_copy(text.c_str()); }
const char* name() { return "Web (WebAssembly + WebGL2)"; }
const Credit* credits() {
  static const Credit list[] = {{"Emscripten", "The Emscripten authors. MIT License."}, {nullptr, nullptr}};
  return list;
}
}  // namespace buyin::platform
