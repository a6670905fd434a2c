// tools/buyin classify: typed sentences read as moves, one a line; --eval scores a labelled TSV.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "classify/classify.hpp"
#include "commands.hpp"
#include "content_io.hpp"

namespace cli {

// Keys in the order the issue gives them: text, category, move, topics, target, confidence.
using json = nlohmann::ordered_json;
using namespace buyin;
namespace cls = buyin::classify;

namespace {

std::string topics_text(const std::vector<ConstraintType>& t) {
  std::string s;
  for (ConstraintType c : t) s += (s.empty() ? "" : ",") + std::string(to_string(c));
  return s.empty() ? "-" : s;
}

json topics_json(const std::vector<ConstraintType>& t) {
  json a = json::array();
  for (ConstraintType c : t) a.push_back(to_string(c));
  return a;
}

json reading_json(const cls::Reading& r) {
  return {{"category", to_string(static_cast<Category>(r.category))}, {"move", r.move}, {"topics", topics_json(r.topics)},
          {"target", r.target.empty() ? json(nullptr) : json(r.target)}, {"confidence", r.confidence}};
}

std::string reading_text(const cls::Reading& r) {
  std::string s = std::string(to_string(static_cast<Category>(r.category))) + " " + (r.move.empty() ? "-" : r.move) +
                  " topics=" + topics_text(r.topics) + " target=" + (r.target.empty() ? "-" : r.target) + " " +
                  std::to_string(r.confidence) + "%";
  return s;
}

bool setup(const Args& a, Content& content, cls::Model& model, cls::Context& ctx) {
  LoadResult r = load_content(read_content_dir(a.content));
  if (!r.ok) {
    for (const Diagnostic& d : r.errors) std::fprintf(stderr, "error: %s\n", printable(d.str()).c_str());
    return false;
  }
  content = std::move(r.content);
  const std::string path = a.model.empty() ? std::string(BUYIN_TYPED_MODEL) : a.model;
  std::string bytes, error;
  if (!read_file(path, bytes)) { std::fprintf(stderr, "error: cannot read the model %s\n", printable(path).c_str()); return false; }
  if (!cls::load_model(bytes, model, error)) { std::fprintf(stderr, "error: %s: %s\n", printable(path).c_str(), error.c_str()); return false; }
  int scenario = -1;
  if (!a.scenario.empty()) {
    scenario = content.find_scenario(a.scenario);
    if (scenario < 0) { std::fprintf(stderr, "error: no scenario '%s'\n", printable(a.scenario).c_str()); return false; }
    ctx.world = content.scenarios[scenario].world;
  }
  ctx.content = &content;
  ctx.people = cls::people_of(content, scenario);
  return true;
}

// ---------------------------------------------------------------------------------------------
// --eval: top-1 category accuracy, push passed as help, topic recall, target accuracy, confusion.
// ---------------------------------------------------------------------------------------------
bool is_push(int k) {
  Category c = static_cast<Category>(k);
  return c == Category::pitch || c == Category::pressure || c == Category::rebuttal;
}

int run_eval(const Args& a, const cls::Model& model, const cls::Context& ctx) {
  std::string text, error;
  if (!read_file(a.eval, text)) { std::fprintf(stderr, "error: cannot read %s\n", printable(a.eval).c_str()); return 1; }
  std::vector<cls::Example> rows;
  if (!cls::parse_corpus(text, a.eval, rows, error)) { std::fprintf(stderr, "error: %s\n", printable(error).c_str()); return 1; }
  if (rows.empty()) { std::fprintf(stderr, "error: %s has no rows\n", printable(a.eval).c_str()); return 1; }
  const int K = kCategoryCount;
  std::vector<std::vector<int>> confusion(K, std::vector<int>(K, 0));
  int correct = 0, top3 = 0, push = 0, push_as_help = 0, push_misread = 0, caught = 0, caught_correct = 0;
  int topics_labelled = 0, topics_found = 0, topics_extra = 0, targets = 0, targets_right = 0, false_targets = 0;
  json errors = json::array();
  for (const cls::Example& e : rows) {
    cls::Result r = cls::read(model, ctx, e.text);
    const int got = r.best.category;
    confusion[e.category][got]++;
    correct += got == e.category;
    for (const cls::Reading& x : r.closest) top3 += x.category == e.category;
    if (r.caught) { ++caught; caught_correct += got == e.category; }
    if (is_push(e.category)) {
      ++push;
      push_misread += got != e.category;
      push_as_help += !is_push(got);
    }
    for (ConstraintType t : e.topics) {
      ++topics_labelled;
      for (ConstraintType f : r.best.topics) topics_found += f == t;
    }
    for (ConstraintType f : r.best.topics) {
      bool labelled = false;
      for (ConstraintType t : e.topics) labelled = labelled || t == f;
      topics_extra += !labelled;
    }
    if (!e.target.empty()) { ++targets; targets_right += cls::normalize(e.target) == cls::normalize(r.best.target); }
    else false_targets += !r.best.target.empty();
    if (got != e.category)
      errors.push_back({{"line", e.line}, {"text", e.text}, {"label", to_string(static_cast<Category>(e.category))},
                        {"read", to_string(static_cast<Category>(got))}, {"confidence", r.best.confidence}});
  }
  auto pct = [](int n, int d) { return d ? 100.0 * n / d : 0.0; };
  const int n = static_cast<int>(rows.size());
  if (a.json) {
    json conf = json::object();
    for (int g = 0; g < K; ++g) {
      json row = json::object();
      for (int p = 0; p < K; ++p) if (confusion[g][p]) row[to_string(static_cast<Category>(p))] = confusion[g][p];
      conf[to_string(static_cast<Category>(g))] = row;
    }
    json j = {{"rows", n}, {"accuracy", pct(correct, n)}, {"top3_accuracy", pct(top3, n)}, {"push_rows", push}, {"push_passed_as_help", pct(push_as_help, push)},
              {"push_misread", pct(push_misread, push)}, {"topic_recall", pct(topics_found, topics_labelled)},
              {"topics_unlabelled_found", topics_extra}, {"target_accuracy", pct(targets_right, targets)},
              {"false_targets", false_targets}, {"caught", pct(caught, n)}, {"accuracy_when_caught", pct(caught_correct, caught)},
              {"confusion", conf}, {"errors", errors}};
    std::cout << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
    return 0;
  }
  std::printf("%s: %d rows\n", a.eval.c_str(), n);
  std::printf("top-1 category accuracy  %5.1f%%  (%d/%d)\n", pct(correct, n), correct, n);
  std::printf("top-3 category accuracy  %5.1f%%  (the right category among the three readings offered)\n", pct(top3, n));
  std::printf("push passed as help      %5.1f%%  (%d of %d pitch/pressure/rebuttal rows read as another kind of move)\n",
              pct(push_as_help, push), push_as_help, push);
  std::printf("push misread             %5.1f%%  (%d of %d read as any other category)\n", pct(push_misread, push), push_misread, push);
  std::printf("topic recall             %5.1f%%  (%d/%d labelled concerns found; %d found unlabelled)\n",
              pct(topics_found, topics_labelled), topics_found, topics_labelled, topics_extra);
  std::printf("target accuracy          %5.1f%%  (%d/%d named targets; %d targets where none was labelled)\n",
              pct(targets_right, targets), targets_right, targets, false_targets);
  std::printf("caught (confident)       %5.1f%%  (accuracy when caught %.1f%%)\n", pct(caught, n), pct(caught_correct, caught));
  std::printf("\nconfusion (rows: label, columns: read as)\n%-15s", "");
  const char* abbr[] = {"fac", "imp", "inv", "lis", "spa", "sit", "npo", "pit", "reb", "pre", "der"};
  for (int p = 0; p < K; ++p) std::printf("%5s", abbr[p]);
  std::printf("\n");
  for (int g = 0; g < K; ++g) {
    std::printf("%-15s", to_string(static_cast<Category>(g)));
    for (int p = 0; p < K; ++p) std::printf("%5d", confusion[g][p]);
    std::printf("\n");
  }
  if (!errors.empty()) {
    std::printf("\nmisread:\n");
    for (const json& e : errors)
      std::printf("  line %d: %s -> %s (%d%%): %s\n", e["line"].get<int>(), e["label"].get<std::string>().c_str(),
                  e["read"].get<std::string>().c_str(), e["confidence"].get<int>(), printable(e["text"].get<std::string>()).c_str());
  }
  return 0;
}

}  // namespace

int cmd_classify(const Args& a) {
  Content content;
  cls::Model model;
  cls::Context ctx;
  if (!setup(a, content, model, ctx)) return 1;
  if (!a.eval.empty()) return run_eval(a, model, ctx);
  std::string all;
  if (a.positional.empty() || a.positional[0] == "-") {
    all.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else if (!read_file(a.positional[0], all)) {
    std::fprintf(stderr, "error: cannot read %s\n", printable(a.positional[0]).c_str());
    return 1;
  }
  if (!all.empty() && all.back() == '\n') all.pop_back();
  size_t start = 0;
  while (start <= all.size()) {
    size_t end = all.find('\n', start);
    if (end == std::string::npos) end = all.size();
    std::string line = all.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    start = end + 1;
    cls::Result r = cls::read(model, ctx, line);
    if (a.json) {
      json j = {{"text", line}};
      const json best = reading_json(r.best);
      for (const auto& kv : best.items()) j[kv.key()] = kv.value();
      j["caught"] = r.caught;
      if (!r.caught) {
        j["heard"] = "I didn't catch that";
        j["why"] = r.why;
        json c = json::array();
        for (const cls::Reading& x : r.closest) c.push_back(reading_json(x));
        j["closest"] = c;
      }
      std::cout << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
    } else if (r.caught) {
      std::printf("%s\t%s\n", reading_text(r.best).c_str(), printable(line.substr(0, 200)).c_str());
    } else {
      std::printf("I didn't catch that (%s). Closest:", r.why.c_str());
      for (const cls::Reading& x : r.closest) std::printf(" [%s]", reading_text(x).c_str());
      std::printf("\t%s\n", printable(line.substr(0, 200)).c_str());
    }
    if (end == all.size()) break;
  }
  return 0;
}

}  // namespace cli
