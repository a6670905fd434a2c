// Buyer replies chosen from scenario lines.
#pragma once
#include "core/content.hpp"
#include "core/rng.hpp"
#include "core/sim.hpp"

namespace buyin {

// Most specific matching line (speaker, then category, then verdict); ties broken by rng.
// Returns -1 only if the scenario has no any/any/any line (the loader refuses that).
int select_line(const Scenario& sc, int speaker, Category cat, Verdict v, int stage, Rng& rng);
// How `speaker` puts off a pushing seller: the scenario's stall lines ("kind": "stall") for that
// speaker or any, else a plain line for the kind of stall that fits the scenario's world.
std::string stall_line(const Scenario& sc, int speaker, Stall s, int stage, Rng& rng);
// What a buyer says as they stop taking the seller's calls.
const char* farewell_line(const Scenario& sc, Rng& rng);
// Fills {offering} and {name}.
std::string fill_text(const Scenario& sc, int speaker, const std::string& text);

}  // namespace buyin
