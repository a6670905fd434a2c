// The typed-move reader as a platform service (issue 20). The desktop links game/classify and
// reads the model beside the executable; the web keeps the classifier out of the first download
// and loads it, with the model, as a module of its own (reader.js + reader.wasm) on first use.
// The UI sees plain classify structs either way: the same sentence gets the same reading.
#pragma once
#include <string>
#include <string_view>

#include "classify/classify.hpp"

namespace buyin::platform {

enum class ReaderStatus { none, loading, ready, failed };
// Asks for the reader (again after a failure; while it loads or once ready, asking does nothing).
void reader_load();
// Polled each frame; a redraw is requested when a load finishes.
ReaderStatus reader_status();
std::string reader_error();  // why the last load failed ("" when it did not)
// Reads a sentence (only when ready; otherwise a Result with why = "no model").
classify::Result reader_read(const classify::Context& ctx, std::string_view text);

}  // namespace buyin::platform
