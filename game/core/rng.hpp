// Small deterministic PRNG (splitmix64): the same numbers on every platform and compiler.
#pragma once
#include <cstdint>

namespace buyin {

inline uint64_t mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed) {}
  uint64_t next() { s += 0x9E3779B97F4A7C15ull; return mix64(s - 0x9E3779B97F4A7C15ull); }
  // Uniform in [0, n); n > 0. Modulo bias is irrelevant at these sizes and keeps it portable.
  int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<uint64_t>(n)); }
};

// A stream derived from a seed and a few salts, so each decision has its own reproducible dice.
inline Rng rng_for(uint64_t seed, uint64_t a, uint64_t b = 0) {
  return Rng(mix64(seed ^ mix64(a * 0x100000001B3ull + mix64(b))));
}

}  // namespace buyin
