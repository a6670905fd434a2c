// The reader's wire form (reader_wire.hpp): writer and reader of integers and length-prefixed strings.
#include "platform/reader_wire.hpp"

#include <cstdlib>

namespace buyin::platform::wire {

// ---------------------------------------------------------------------------------------------
// Primitives: "<int> " and "<length>:<bytes>".
// ---------------------------------------------------------------------------------------------
namespace {
void put(std::string& out, long long v) { out += std::to_string(v); out += ' '; }
void put(std::string& out, std::string_view s) { out += std::to_string(s.size()); out += ':'; out.append(s); }

struct In {
  std::string_view s;
  size_t at = 0;
  bool ok = true;
  long long num(char end) {
    size_t e = s.find(end, at);
    if (!ok || e == std::string_view::npos || e == at || e - at > 18) { ok = false; return 0; }
    long long v = 0;
    bool neg = s[at] == '-';
    for (size_t i = at + (neg ? 1 : 0); i < e; ++i) {
      if (s[i] < '0' || s[i] > '9') { ok = false; return 0; }
      v = v * 10 + (s[i] - '0');
    }
    at = e + 1;
    return neg ? -v : v;
  }
  long long integer() { return num(' '); }
  // A count of things to follow: never more than the bytes left could hold.
  size_t count() {
    long long n = integer();
    if (n < 0 || static_cast<size_t>(n) > s.size() - at) { ok = false; return 0; }
    return static_cast<size_t>(n);
  }
  std::string str() {
    long long n = num(':');
    if (!ok || n < 0 || static_cast<size_t>(n) > s.size() - at) { ok = false; return ""; }
    std::string v(s.substr(at, static_cast<size_t>(n)));
    at += static_cast<size_t>(n);
    return v;
  }
};

void put_reading(std::string& out, const classify::Reading& r) {
  put(out, r.category);
  put(out, r.move);
  put(out, static_cast<long long>(r.topics.size()));
  for (ConstraintType t : r.topics) put(out, static_cast<long long>(t));
  put(out, r.target);
  put(out, r.target_id);
  put(out, r.confidence);
}
bool in_range(long long v, int n) { return v >= 0 && v < n; }
// A counted list of constraint types (a reading's topics, a move's addresses).
void get_types(In& in, std::vector<ConstraintType>& out) {
  for (size_t i = 0, n = in.count(); in.ok && i < n; ++i) {
    long long t = in.integer();
    in.ok = in.ok && in_range(t, kConstraintTypeCount);
    out.push_back(static_cast<ConstraintType>(t));
  }
}
classify::Reading get_reading(In& in) {
  classify::Reading r;
  long long c = in.integer();
  in.ok = in.ok && in_range(c, kCategoryCount);
  r.category = static_cast<int>(c);
  r.move = in.str();
  get_types(in, r.topics);
  r.target = in.str();
  r.target_id = in.str();
  r.confidence = static_cast<int>(in.integer());
  return r;
}
}  // namespace

// ---------------------------------------------------------------------------------------------
// The request: what classify::read needs of the context (nearest_move reads a move's id,
// category, concerns, target kind, label and phrasings; target_of reads the people).
// ---------------------------------------------------------------------------------------------
std::string encode_request(const classify::Context& ctx, std::string_view text) {
  std::string out;
  out.reserve(4096 + text.size());
  put(out, text);
  put(out, ctx.content ? 1 : 0);
  if (ctx.content) {
    put(out, static_cast<long long>(ctx.content->moves.size()));
    for (const MoveDef& m : ctx.content->moves) {
      put(out, m.id);
      put(out, static_cast<long long>(m.category));
      put(out, static_cast<long long>(m.target));
      put(out, m.label);
      put(out, static_cast<long long>(m.addresses.size()));
      for (ConstraintType t : m.addresses) put(out, static_cast<long long>(t));
      put(out, static_cast<long long>(m.phrasings.size()));
      for (const std::string& p : m.phrasings) put(out, p);
    }
  }
  put(out, static_cast<long long>(ctx.people.size()));
  for (const classify::Person& p : ctx.people) { put(out, p.id); put(out, p.first_name); }
  put(out, static_cast<long long>(ctx.world));
  return out;
}

bool split_request(std::string_view bytes, std::string& text, std::string_view& context) {
  In in{bytes};
  text = in.str();
  context = in.ok ? bytes.substr(in.at) : std::string_view();
  return in.ok;
}

bool decode_context(std::string_view bytes, Content& deck, classify::Context& ctx) {
  In in{bytes};
  deck = Content{};
  ctx = classify::Context{};
  const bool has_deck = in.integer() == 1;
  if (has_deck) {
    for (size_t i = 0, n = in.count(); in.ok && i < n; ++i) {
      MoveDef m;
      m.id = in.str();
      long long c = in.integer(), t = in.integer();
      in.ok = in.ok && in_range(c, kCategoryCount) && in_range(t, 2);
      m.category = static_cast<Category>(c);
      m.target = static_cast<TargetKind>(t);
      m.label = in.str();
      get_types(in, m.addresses);
      for (size_t k = 0, p = in.count(); in.ok && k < p; ++k) m.phrasings.push_back(in.str());
      deck.moves.push_back(std::move(m));
    }
    ctx.content = &deck;
  }
  for (size_t i = 0, n = in.count(); in.ok && i < n; ++i) {
    classify::Person p;
    p.id = in.str();
    p.first_name = in.str();
    ctx.people.push_back(std::move(p));
  }
  long long w = in.integer();
  in.ok = in.ok && in_range(w, kWorldCount);
  ctx.world = static_cast<World>(w);
  return in.ok && in.at == bytes.size();
}

bool decode_request(std::string_view bytes, Content& deck, classify::Context& ctx, std::string& text) {
  std::string_view context;
  return split_request(bytes, text, context) && decode_context(context, deck, ctx);
}

// ---------------------------------------------------------------------------------------------
// The result.
// ---------------------------------------------------------------------------------------------
std::string encode_result(const classify::Result& r) {
  std::string out;
  put(out, r.caught ? 1 : 0);
  put(out, r.why);
  put_reading(out, r.best);
  put(out, static_cast<long long>(r.closest.size()));
  for (const classify::Reading& rd : r.closest) put_reading(out, rd);
  return out;
}

bool decode_result(std::string_view bytes, classify::Result& r) {
  In in{bytes};
  r = classify::Result{};
  r.caught = in.integer() == 1;
  r.why = in.str();
  r.best = get_reading(in);
  for (size_t i = 0, n = in.count(); in.ok && i < n; ++i) r.closest.push_back(get_reading(in));
  return in.ok && in.at == bytes.size();
}

}  // namespace buyin::platform::wire
