// Buyer replies chosen from scenario lines.
#pragma once
#include "core/content.hpp"
#include "core/rng.hpp"

namespace buyin {

// Most specific matching line (speaker, then category, then verdict); ties broken by rng.
// Returns -1 only if the scenario has no any/any/any line (the loader refuses that).
int select_line(const Scenario& sc, int speaker, Category cat, Verdict v, int stage, Rng& rng);
// Fills {offering} and {name}.
std::string fill_text(const Scenario& sc, int speaker, const std::string& text);

}  // namespace buyin
