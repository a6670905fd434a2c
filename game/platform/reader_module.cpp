// The reader module's entry points (reader.js + reader.wasm, the web only): game/classify behind
// three C functions that web/glue.js calls. No main, no file system: the page hands it the model.
#include <emscripten.h>

#include <string>

#include "classify/classify.hpp"
#include "platform/reader_wire.hpp"

namespace {
buyin::classify::Model g_model;
std::string g_error;
std::string g_answer;
// The last context decoded (a meeting asks with the same one sentence after sentence).
std::string g_context_bytes;
bool g_context_ok = false;
buyin::Content g_deck;
buyin::classify::Context g_context;
}  // namespace

extern "C" {

// Takes the model's bytes; null when loaded, else why not (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* reader_load(const char* bytes, int size) {
  g_error.clear();
  if (!buyin::classify::load_model(std::string_view(bytes, static_cast<size_t>(size)), g_model, g_error)) {
    g_error = "the model file is damaged (" + g_error + ")";
    return g_error.c_str();
  }
  return nullptr;
}

// Reads one request (reader_wire.hpp); returns the answer's size, its bytes at reader_answer().
EMSCRIPTEN_KEEPALIVE int reader_read(const char* request, int size) {
  namespace wire = buyin::platform::wire;
  std::string text;
  std::string_view context;
  buyin::classify::Result r;
  const bool split = wire::split_request(std::string_view(request, static_cast<size_t>(size)), text, context);
  if (split && (!g_context_ok || context != g_context_bytes)) {
    g_context_ok = wire::decode_context(context, g_deck, g_context);
    g_context_bytes = g_context_ok ? std::string(context) : std::string();
  }
  if (split && g_context_ok)
    r = buyin::classify::read(g_model, g_context, text);
  else
    r.why = "the request was damaged";
  g_answer = buyin::platform::wire::encode_result(r);
  return static_cast<int>(g_answer.size());
}

EMSCRIPTEN_KEEPALIVE const char* reader_answer() { return g_answer.data(); }

}  // extern "C"
