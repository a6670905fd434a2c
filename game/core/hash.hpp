// FNV-1a 64: content hash, state hash, result-code checksums.
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>

namespace buyin {

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ull;
struct Fnv {
  uint64_t h = kFnvOffset;
  void byte(uint8_t b) { h ^= b; h *= 0x100000001b3ull; }
  void bytes(const void* p, size_t n) {
    auto* s = static_cast<const uint8_t*>(p);
    for (size_t i = 0; i < n; ++i) byte(s[i]);
  }
  void str(const std::string& s) { bytes(s.data(), s.size()); byte(0); }
  // Little-endian, fixed width: identical on every platform.
  void u64(uint64_t v) { for (int i = 0; i < 8; ++i) byte(static_cast<uint8_t>(v >> (8 * i))); }
  void i32(int v) { uint32_t u = static_cast<uint32_t>(v); for (int i = 0; i < 4; ++i) byte(static_cast<uint8_t>(u >> (8 * i))); }
};

// A 64-bit hash as 16 lowercase hex digits (saves, goldens, messages).
inline std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace buyin
