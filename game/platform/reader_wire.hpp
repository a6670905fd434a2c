// How a sentence, its context and the reading cross between buyin.wasm and the reader module
// (web/glue.js carries the bytes). A flat text form: integers as decimal, strings as
// "<length>:<bytes>", so any byte of a typed sentence passes unchanged. Plain C++ on both sides.
#pragma once
#include <string>
#include <string_view>

#include "classify/classify.hpp"

namespace buyin::platform::wire {

// The deck (the moves of ctx.content, only what reading needs), the people, the world, the text.
std::string encode_request(const classify::Context& ctx, std::string_view text);
// `deck` receives the moves; ctx.content points at it (null when the request had no deck).
bool decode_request(std::string_view bytes, Content& deck, classify::Context& ctx, std::string& text);

std::string encode_result(const classify::Result& r);
bool decode_result(std::string_view bytes, classify::Result& r);

}  // namespace buyin::platform::wire
