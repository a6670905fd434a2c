// The reader on the desktop: game/classify linked into the app, the model read beside the
// executable through fetch_file (services_desktop.cpp).
#include "platform/platform.hpp"
#include "platform/reader.hpp"

namespace buyin::platform {

namespace {
constexpr const char* kModelFile = "typed.model";
struct Reader {
  bool asked = false, loaded = false;
  std::string error;
  classify::Model model;
};
Reader g_reader;
}  // namespace

void reader_load() {
  if (g_reader.loaded) return;
  g_reader.asked = true;
  g_reader.error.clear();
  fetch_file(kModelFile);
}

ReaderStatus reader_status() {
  if (g_reader.loaded) return ReaderStatus::ready;
  if (!g_reader.asked) return ReaderStatus::none;
  if (!g_reader.error.empty()) return ReaderStatus::failed;
  const Fetched& f = fetched(kModelFile);
  if (f.status == FetchStatus::failed) {
    g_reader.error = f.error.empty() ? "no answer" : f.error;
    return ReaderStatus::failed;
  }
  if (f.status != FetchStatus::done) return ReaderStatus::loading;
  std::string err;
  if (!classify::load_model(f.bytes, g_reader.model, err)) {
    g_reader.error = "the model file is damaged (" + err + ")";
    return ReaderStatus::failed;
  }
  g_reader.loaded = true;
  return ReaderStatus::ready;
}

std::string reader_error() { return g_reader.error; }

classify::Result reader_read(const classify::Context& ctx, std::string_view text) {
  return classify::read(g_reader.model, ctx, text);  // an empty model reads as "no model"
}

}  // namespace buyin::platform
