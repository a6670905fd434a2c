// Names, per-player seeds and close codes for team challenges.
// A name is an identity on the leaderboard, so what looks the same must be the same bytes (NFC,
// one space) and what cannot be seen (controls, bidi overrides, zero-width) is refused.
#include <algorithm>
#include <cstdint>

#include "core/buyin.hpp"
#include "core/hash.hpp"
#include "core/rng.hpp"

namespace buyin {

namespace {

#include "core/unicode_tables.inc"

template <size_t N>
bool in_ranges(const uint32_t (&r)[N][2], uint32_t cp) {
  size_t lo = 0, hi = N;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < r[mid][0]) hi = mid;
    else if (cp > r[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

bool is_mark(uint32_t cp) { return cp >= 0x300 && cp < 0x370; }
int ccc(uint32_t cp) { return is_mark(cp) ? kMarkCcc[cp - 0x300] : 0; }

uint32_t compose(uint32_t a, uint32_t b) {
  const size_t n = sizeof kCompose / sizeof kCompose[0];
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const uint32_t* e = kCompose[mid];
    if (e[0] < a || (e[0] == a && e[1] < b)) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && kCompose[lo][0] == a && kCompose[lo][1] == b ? kCompose[lo][2] : 0;
}

// Strict UTF-8 (no overlongs, no surrogates, at most U+10FFFF); false on any invalid byte.
bool decode_utf8(const std::string& s, std::vector<uint32_t>& out) {
  size_t i = 0;
  while (i < s.size()) {
    const uint8_t c = static_cast<uint8_t>(s[i]);
    uint32_t cp;
    size_t n;
    if (c < 0x80) { cp = c; n = 1; }
    else if (c >= 0xC2 && c <= 0xDF) { cp = c & 0x1F; n = 2; }
    else if (c >= 0xE0 && c <= 0xEF) { cp = c & 0x0F; n = 3; }
    else if (c >= 0xF0 && c <= 0xF4) { cp = c & 0x07; n = 4; }
    else return false;
    if (i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      const uint8_t x = static_cast<uint8_t>(s[i + k]);
      if ((x & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (x & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    out.push_back(cp);
    i += n;
  }
  return true;
}

void encode_utf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
  else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string hex_cp(uint32_t cp) {
  static const char* d = "0123456789ABCDEF";
  std::string h;
  for (int sh = cp > 0xFFFF ? 20 : 12; sh >= 0; sh -= 4) h += d[(cp >> sh) & 15];
  return "U+" + h;
}

}  // namespace

NameCheck normalize_name(const std::string& raw, bool allow_empty) {
  NameCheck out;
  std::vector<uint32_t> cps;
  if (!decode_utf8(raw, cps)) { out.error = "the name is not valid text (invalid UTF-8)"; return out; }
  // Spaces: any Unicode space counts as one; leading and trailing ones go.
  std::vector<uint32_t> v;
  for (uint32_t cp : cps) {
    const bool space = cp == ' ' || std::find(std::begin(kSpaces), std::end(kSpaces), cp) != std::end(kSpaces);
    if (space) { if (!v.empty() && v.back() != ' ') v.push_back(' '); continue; }
    if (in_ranges(kFormat, cp)) {
      out.error = "the name contains an invisible or control character (" + hex_cp(cp) +
                  "): line breaks, tabs, text-direction marks and zero-width characters are not allowed";
      return out;
    }
    v.push_back(cp);
  }
  if (!v.empty() && v.back() == ' ') v.pop_back();
  // Canonical order: a run of marks sorted by combining class (stable), then canonical composition.
  for (size_t i = 0; i < v.size();) {
    if (!is_mark(v[i])) { ++i; continue; }
    size_t j = i;
    while (j < v.size() && is_mark(v[j])) ++j;
    std::stable_sort(v.begin() + static_cast<long>(i), v.begin() + static_cast<long>(j),
                     [](uint32_t a, uint32_t b) { return ccc(a) < ccc(b); });
    i = j;
  }
  std::vector<uint32_t> c;
  size_t starter = SIZE_MAX;  // index in c of the last starter
  int last_ccc = -1;          // class of the last mark kept after that starter (-1: none)
  for (uint32_t cp : v) {
    const int k = ccc(cp);
    if (is_mark(cp) && starter != SIZE_MAX && (last_ccc < k || last_ccc == -1)) {
      if (uint32_t comp = compose(c[starter], cp)) { c[starter] = comp; continue; }
    }
    if (k == 0) { starter = c.size(); last_ccc = -1; }
    else last_ccc = k;
    c.push_back(cp);
  }
  for (uint32_t cp : c) {
    if (is_mark(cp) || in_ranges(kUnsafe, cp)) {
      out.error = "the name contains a character this game cannot normalise (" + hex_cp(cp) +
                  "): type accented letters as one character";
      return out;
    }
  }
  for (uint32_t cp : c) encode_utf8(cp, out.name);
  if (out.name.empty() && !allow_empty) { out.error = "the name is empty"; return out; }
  if (out.name.size() > kNameMaxBytes) {
    out.error = "the name is too long (at most " + std::to_string(kNameMaxBytes) + " bytes of text; this one has " +
                std::to_string(out.name.size()) + ")";
    out.name.clear();
    return out;
  }
  out.ok = true;
  return out;
}

uint64_t game_seed(const Challenge& ch, const std::string& normalized_name) {
  if (!ch.per_player) return ch.seed;
  Fnv f;
  f.str("buyin-player-seed");
  f.str(normalized_name);
  // Kept below 10^9 like every seed the game shows, so it can be typed and printed anywhere.
  return mix64(ch.seed ^ mix64(f.h)) % 1000000000ull;
}

uint64_t challenge_lock(uint64_t secret) {
  Fnv f;
  f.str("buyin-close");
  f.u64(secret);
  uint64_t h = mix64(f.h ^ mix64(secret));
  return h == 0 ? 1 : h;
}

uint32_t attempts_hash(const std::vector<std::string>& earlier_codes) {
  if (earlier_codes.empty()) return 0;
  Fnv f;
  f.str("buyin-attempts");
  for (const std::string& code : earlier_codes) {
    std::string t = code;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r' || t.back() == '\t')) t.pop_back();
    f.str(t);
  }
  uint32_t h = static_cast<uint32_t>(f.h ^ (f.h >> 32));
  return h == 0 ? 1 : h;
}

std::string printable(const std::string& s) {
  std::vector<uint32_t> cps;
  std::string out;
  if (!decode_utf8(s, cps)) {  // escape byte by byte
    static const char* d = "0123456789abcdef";
    for (char ch : s) {
      const uint8_t b = static_cast<uint8_t>(ch);
      if (b >= 0x20 && b < 0x7F && b != '\\') out += ch;
      else { out += "\\x"; out += d[b >> 4]; out += d[b & 15]; }
    }
    return out;
  }
  for (uint32_t cp : cps) {
    if (cp == '\\') out += "\\\\";
    else if (in_ranges(kFormat, cp)) {
      static const char* d = "0123456789abcdef";
      std::string h;
      for (uint32_t x = cp; x; x >>= 4) h.insert(h.begin(), d[x & 15]);
      out += "\\u{" + (h.empty() ? std::string("0") : h) + "}";
    } else encode_utf8(cp, out);
  }
  return out;
}

}  // namespace buyin
