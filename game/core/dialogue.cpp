#include "core/dialogue.hpp"

#include "core/internal.hpp"

namespace buyin {

int select_line(const Scenario& sc, int speaker, Category cat, Verdict v, int stage, Rng& rng) {
  int best = -1, nties = 0;
  detail::SmallBuf<int, 128> ties(sc.lines.size());  // no allocation for up to 128 lines
  // Only the lines that can answer this category (the loader's index), in line order; else all.
  const int ci = static_cast<int>(cat);
  const bool indexed = sc.lines_indexed == sc.lines.size() && ci >= 0 && ci < kCategoryCount;
  const std::vector<int>* idx = indexed ? &sc.lines_for[static_cast<size_t>(ci)] : nullptr;
  const size_t count = idx ? idx->size() : sc.lines.size();
  for (size_t j = 0; j < count; ++j) {
    const size_t i = idx ? static_cast<size_t>((*idx)[j]) : j;
    const LineDef& l = sc.lines[i];
    if (l.stall) continue;
    if (l.speaker >= 0 && l.speaker != speaker) continue;
    if (l.category >= 0 && l.category != static_cast<int>(cat)) continue;
    if (l.verdict >= 0 && l.verdict != static_cast<int>(v)) continue;
    if (stage < l.min_stage || stage > l.max_stage) continue;
    // Lexicographic specificity: speaker beats category beats verdict.
    int spec = (l.speaker >= 0 ? 4 : 0) + (l.category >= 0 ? 2 : 0) + (l.verdict >= 0 ? 1 : 0);
    if (spec > best) { best = spec; nties = 0; }
    if (spec == best) ties[static_cast<size_t>(nties++)] = static_cast<int>(i);
  }
  if (nties == 0) return -1;
  return ties[static_cast<size_t>(rng.below(nties))];
}

std::string stall_line(const Scenario& sc, int speaker, Stall s, int stage, Rng& rng) {
  int best = -1, nties = 0;
  detail::SmallBuf<int, 64> ties(sc.lines.size());
  for (size_t i = 0; i < sc.lines.size(); ++i) {
    const LineDef& l = sc.lines[i];
    if (!l.stall || (l.speaker >= 0 && l.speaker != speaker) || stage < l.min_stage || stage > l.max_stage) continue;
    int spec = l.speaker >= 0 ? 1 : 0;
    if (spec > best) { best = spec; nties = 0; }
    if (spec == best) ties[static_cast<size_t>(nties++)] = static_cast<int>(i);
  }
  if (nties > 0) return sc.lines[static_cast<size_t>(ties[static_cast<size_t>(rng.below(nties))])].text;
  // Plain lines a buyer in any world would say; a household talks it over at home, not with a team.
  const bool home = sc.world == World::consumer;
  static const char* const kLines[kStallCount][2] = {
      {"Could you put something in writing for us? We'll have a look.", "Send us a proposal and we'll read it."},
      {"Let us think about it.", "Okay. We'll need to think about that."},
      {"I'd have to run that past the others first.", "Let me take it back to the team."},
      {"Maybe we pick this up again in a few months.", "Now isn't a good time. Let's revisit it later."}};
  if (home && s == Stall::team) return rng.below(2) ? "We'd want to talk it over at home first." : "Let us sleep on it.";
  if (home && s == Stall::proposal) return rng.below(2) ? "Could you write the numbers down for us? We'll look at them at home." : "Can we take a brochure and the figures?";
  return kLines[static_cast<int>(s)][rng.below(2)];
}

const char* farewell_line(const Scenario& sc, Rng& rng) {
  if (sc.world == World::consumer) return rng.below(2) ? "I think we're done here. Thanks." : "We'll leave it there, thank you.";
  return rng.below(2) ? "I think we'll leave it there. Thank you for your time." : "We won't be taking this further. Thanks for coming in.";
}

static void replace_all(std::string& s, const std::string& from, const std::string& to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) { s.replace(pos, from.size(), to); pos += to.size(); }
}

std::string fill_text(const Scenario& sc, int speaker, const std::string& text) {
  if (text.find('{') == std::string::npos) return text;  // most lines have no placeholder
  std::string s = text;
  replace_all(s, "{offering}", sc.offering_name);
  if (speaker >= 0 && speaker < static_cast<int>(sc.stakeholders.size()))
    replace_all(s, "{name}", sc.stakeholders[static_cast<size_t>(speaker)].name);
  return s;
}

}  // namespace buyin
