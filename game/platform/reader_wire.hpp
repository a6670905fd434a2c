// How a sentence, its context and the reading cross between buyin.wasm and the reader module
// (web/glue.js carries the bytes). A flat text form: integers as decimal, strings as
// "<length>:<bytes>", so any byte of a typed sentence passes unchanged. Plain C++ on both sides.
#pragma once
#include <string>
#include <string_view>

#include "classify/classify.hpp"

namespace buyin::platform::wire {

// The text, then the context: the deck (the moves of ctx.content, only what reading needs), the
// people, the world. The context comes last so the reader module can see it is the one it decoded
// for the last sentence (the same meeting) and skip decoding it again.
std::string encode_request(const classify::Context& ctx, std::string_view text);
// The text, and the bytes of the context that follows it.
bool split_request(std::string_view bytes, std::string& text, std::string_view& context);
// `deck` receives the moves; ctx.content points at it (null when the request had no deck).
bool decode_context(std::string_view bytes, Content& deck, classify::Context& ctx);
bool decode_request(std::string_view bytes, Content& deck, classify::Context& ctx, std::string& text);

std::string encode_result(const classify::Result& r);
bool decode_result(std::string_view bytes, classify::Result& r);

}  // namespace buyin::platform::wire
