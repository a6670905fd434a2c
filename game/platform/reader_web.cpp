// The reader in the browser: a module of its own (reader.js + reader.wasm, built from game/classify
// by reader_module.cpp) that web/glue.js loads with the model the first time typed play is opened,
// so the classifier's code is not part of every visitor's first download. A sentence crosses as
// bytes (reader_wire.hpp) and comes back as a reading, synchronously once the module is ready.
#include <emscripten.h>

#include <cstdlib>

#include "platform/platform.hpp"
#include "platform/reader.hpp"
#include "platform/reader_wire.hpp"

// 0 loading, 1 ready, 2 failed, -1 never asked (web/glue.js readerStatus).
EM_JS(void, js_reader_load, (), {
  if (window.buyinGlue) window.buyinGlue.readerLoad();
});
EM_JS(int, js_reader_status, (), {
  return window.buyinGlue ? window.buyinGlue.readerStatus() : -1;
});
EM_JS(char*, js_reader_error, (), {
  var s = window.buyinGlue ? window.buyinGlue.readerError() : "no page glue";
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
// Hands the request to the reader module; the answer's size, or -1 when it could not be read.
EM_JS(int, js_reader_read, (const char* req, int size), {
  return window.buyinGlue ? window.buyinGlue.readerRead(HEAPU8.subarray(req, req + size)) : -1;
});
EM_JS(void, js_reader_take, (char* out), {
  HEAPU8.set(window.buyinGlue.readerTake(), out);
});

namespace buyin::platform {

void reader_load() { js_reader_load(); }

ReaderStatus reader_status() {
  switch (js_reader_status()) {
    case 0: return ReaderStatus::loading;
    case 1: return ReaderStatus::ready;
    case 2: return ReaderStatus::failed;
    default: return ReaderStatus::none;
  }
}

std::string reader_error() {
  char* p = js_reader_error();
  std::string s = p ? p : "";
  free(p);
  return s;
}

classify::Result reader_read(const classify::Context& ctx, std::string_view text) {
  classify::Result r;
  const std::string req = wire::encode_request(ctx, text);
  const int n = js_reader_read(req.data(), static_cast<int>(req.size()));
  std::string answer(static_cast<size_t>(n > 0 ? n : 0), '\0');
  if (n > 0) js_reader_take(answer.data());
  if (n <= 0 || !wire::decode_result(answer, r)) {
    r = classify::Result{};
    r.why = "the reader did not answer";
  }
  return r;
}

}  // namespace buyin::platform
