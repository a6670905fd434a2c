// One libFuzzer target per entry of fuzz_entries.hpp, built from this file with FUZZ_ENTRY (the entry)
// and FUZZ_NAME (the target) set by CMakeLists.txt. Aborts when a property breaks, printing which.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string broken = fuzz::FUZZ_ENTRY(data, size);
  if (!broken.empty()) {
    std::fprintf(stderr, "%s: property broken: %s\n", FUZZ_NAME, broken.c_str());
    std::abort();
  }
  return 0;
}
