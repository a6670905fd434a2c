// libFuzzer target: see fuzz_entries.hpp (pack_one). Aborts when a property breaks, printing which.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string broken = fuzz::pack_one(data, size);
  if (!broken.empty()) {
    std::fprintf(stderr, "fuzz_pack: property broken: %s\n", broken.c_str());
    std::abort();
  }
  return 0;
}
