// Issue 20: typed moves. The corpus parses, training is deterministic (and gives the bytes the build
// trained), the held-apart test split is read at the measured floor, bad input is refused with
// three closest readings, and a reading names the right stakeholder and a deck move.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "classify/classify.hpp"
#include "helpers.hpp"

using namespace buyin;
namespace cls = buyin::classify;

namespace {

std::vector<cls::Example> load_rows(const std::string& file, bool with_deck) {
  std::string text, error;
  REQUIRE(th::read(th::root() + "/content/corpus/" + file, text));
  std::vector<cls::Example> rows;
  REQUIRE_MESSAGE(cls::parse_corpus(text, file, rows, error), error);
  if (with_deck) {
    std::string moves;
    REQUIRE(th::read(th::root() + "/content/moves.json", moves));
    REQUIRE_MESSAGE(cls::deck_examples(moves, rows, error), error);
  }
  return rows;
}

// The model as the build trains it (train split + deck wording, default options), trained once.
const cls::Model& model() {
  static const cls::Model m = cls::train(load_rows("train.tsv", true));
  return m;
}

cls::Context context() {
  cls::Context ctx;
  ctx.content = th::shipped();
  if (ctx.content) ctx.people = cls::people_of(*ctx.content);
  return ctx;
}

bool is_push(int k) {
  return k == int(Category::pitch) || k == int(Category::pressure) || k == int(Category::rebuttal);
}

}  // namespace

TEST_CASE("classify: the corpus parses, every category has at least 40 sentences, train and test share none") {
  std::vector<cls::Example> train = load_rows("train.tsv", false), test = load_rows("test.tsv", false);
  int per[kCategoryCount] = {};
  for (const auto& e : train) per[e.category]++;
  for (const auto& e : test) per[e.category]++;
  for (int k = 0; k < kCategoryCount; ++k) CHECK_MESSAGE(per[k] >= 40, to_string(Category(k)));
  for (const auto& t : test)
    for (const auto& r : train) CHECK_MESSAGE(cls::normalize(t.text) != cls::normalize(r.text), t.text);
}

TEST_CASE("classify: a bad corpus row is refused naming the file, line and what is wrong") {
  std::vector<cls::Example> rows;
  std::string error;
  CHECK_FALSE(cls::parse_corpus("text\tcategory\ttopics\ttarget\tnote\nHello?\tsmalltalk\t-\t-\t\n", "x.tsv", rows, error));
  CHECK(error == "x.tsv:2: unknown category 'smalltalk'");
  CHECK_FALSE(cls::parse_corpus("text\tcategory\ttopics\ttarget\tnote\nHello?\tlisten\tmoney\t-\t\n", "x.tsv", rows, error));
  CHECK(error == "x.tsv:2: unknown constraint type 'money' in topics");
  CHECK_FALSE(cls::parse_corpus("sentence,category\n", "y.tsv", rows, error));
  CHECK(error.rfind("y.tsv:1: expected the header line", 0) == 0);
}

TEST_CASE("classify: normalizing folds case, accents and apostrophes and keeps the question mark") {
  CHECK(cls::normalize("  What's   it COSTING Tomás?!") == "whats it costing tomas ?");
  CHECK(cls::normalize("don\xE2\x80\x99t") == "dont");
  CHECK(cls::normalize("\xF0\x9F\x98\x80\xF0\x9F\x98\x80") == "");
  CHECK(cls::normalize("a\x01\x07" "b") == "a b");
}

TEST_CASE("classify: training is deterministic and gives the bytes the build trained") {
  const std::string once = cls::save_model(model());
  const std::string twice = cls::save_model(cls::train(load_rows("train.tsv", true)));
  CHECK_MESSAGE((once == twice), "two trainings on the same corpus differ");
  cls::Model back;
  std::string error;
  REQUIRE_MESSAGE(cls::load_model(once, back, error), error);
  CHECK_MESSAGE((cls::save_model(back) == once), "the model does not survive save and load");
#ifdef BUYIN_TYPED_MODEL
  std::string built;
  REQUIRE(th::read(BUYIN_TYPED_MODEL, built));
  CHECK_MESSAGE((built == once), "the build's model differs from this training (rebuild typed_model?)");
#endif
  // A different seed shuffles differently: the seed is really used.
  cls::TrainOptions other;
  other.seed = 21;
  CHECK_MESSAGE((cls::save_model(cls::train(load_rows("train.tsv", true), other)) != once), "the seed is ignored");
}

TEST_CASE("classify: a damaged model is refused with a message, never read") {
  const std::string bytes = cls::save_model(model());
  cls::Model m;
  std::string error;
  CHECK_FALSE(cls::load_model("", m, error));
  CHECK_FALSE(cls::load_model("BUYINCLS", m, error));
  CHECK_FALSE(cls::load_model(bytes.substr(0, bytes.size() / 2), m, error));
  CHECK(m.empty());
  CHECK_FALSE(cls::load_model(bytes + "x", m, error));
  CHECK(error == "trailing bytes after the model");
}

// The targets are 90% top-1 and push passed as help <= 3%. On the grown test split (269
// sentences, 78 of them pushes; game/classify/README.md) the model measures 90.7% and 2.6% (2 of
// 78). The floors are what it measures now: a change must not lose them.
TEST_CASE("classify: the held-apart test split is read at the measured floor") {
  std::vector<cls::Example> test = load_rows("test.tsv", false);
  cls::Context ctx = context();
  int correct = 0, push = 0, passed = 0;
  for (const auto& e : test) {
    cls::Result r = cls::read(model(), ctx, e.text);
    correct += r.best.category == e.category;
    if (is_push(e.category)) { ++push; passed += !is_push(r.best.category); }
  }
  const int accuracy = correct * 100 / static_cast<int>(test.size());
  const int push_as_help = passed * 100 / push;
  MESSAGE("test split: " << accuracy << "% top-1, push passed as help " << push_as_help << "%");
  CHECK(accuracy >= 90);
  CHECK(push_as_help <= 2);
}

// Issue 20 asks for the same figures on sentences written outside the project (>= 85%, push passed
// as help <= 5%). content/corpus/outside.tsv (254 rows, 79 pushes) was written by someone who never
// saw the corpus or the model; on 2026-12-01 the model read 221 right (87.0%), passed no push as
// help and read 13 of the 175 help rows as a push. The floors are those rows: a change must not
// make the reader worse on sentences it was not written around. The file never trains the model.
TEST_CASE("classify: sentences written outside the corpus are read at the measured floor") {
  std::vector<cls::Example> outside = load_rows("outside.tsv", false);
  REQUIRE(outside.size() == 254);
  // No outside sentence may be copied into the training split.
  std::set<std::string> train;
  for (const auto& r : load_rows("train.tsv", false)) train.insert(cls::normalize(r.text));
  for (const auto& o : outside) CHECK_MESSAGE(train.count(cls::normalize(o.text)) == 0, o.text);
  cls::Context ctx = context();
  int correct = 0, push = 0, passed = 0, help = 0, pushed = 0;
  for (const auto& e : outside) {
    cls::Result r = cls::read(model(), ctx, e.text);
    correct += r.best.category == e.category;
    if (is_push(e.category)) { ++push; passed += !is_push(r.best.category); }
    else { ++help; pushed += is_push(r.best.category); }
  }
  MESSAGE("outside: " << correct << "/" << outside.size() << " top-1, push passed as help " << passed << "/" << push
                      << ", help read as push " << pushed << "/" << help);
  CHECK(push == 79);
  CHECK(correct >= 221);
  CHECK(passed <= 0);
  CHECK(pushed <= 13);
}

TEST_CASE("classify: bad input gets \"I didn't catch that\" with three closest readings") {
  cls::Context ctx = context();
  const std::string cases[] = {
      "",
      std::string(10000, 'a'),
      std::string(10000, ' ') + "Tell me more.",
      "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80",
      "Quels sont vos crit\xC3\xA8res pour choisir un fournisseur ?",
      "\xE4\xBD\xA0\xE4\xBB\xAC\xE7\x8E\xB0\xE5\x9C\xA8\xE7\x94\xA8\xE4\xBB\x80\xE4\xB9\x88\xE5\xB7\xA5\xE5\x85\xB7\xEF\xBC\x9F",
      "Tell me\x07 more\x1b[2J",
      std::string("Who else\0 is affected?", 22),
      "\xFF\xFE\xC3",
  };
  for (const std::string& s : cases) {
    cls::Result r = cls::read(model(), ctx, s);
    CHECK_MESSAGE(!r.caught, s.substr(0, 40));
    CHECK(!r.why.empty());
    REQUIRE(r.closest.size() == 3);
    for (const auto& c : r.closest) {
      CHECK(c.confidence >= 0);
      CHECK(c.confidence <= 100);
      CHECK(ctx.content->find_move(c.move) >= 0);
    }
  }
}

TEST_CASE("classify: a reading names the stakeholder and the nearest deck move") {
  cls::Context ctx = context();
  cls::Result r = cls::read(model(), ctx, "Rosa, what would make this a safe call for you personally?");
  CHECK(r.caught);
  CHECK(r.best.category == int(Category::facilitative));
  CHECK(r.best.target == "Rosa");
  CHECK(r.best.target_id == "rosa");
  CHECK(r.best.move == "safe_call_for_you");
  r = cls::read(model(), ctx, "If you sign this week I can take 15% off.");
  CHECK(r.best.category == int(Category::pressure));
  CHECK(r.best.move == "discount_this_week");
  r = cls::read(model(), ctx, "When does your contract with the current provider come up for renewal?");
  CHECK(r.best.category == int(Category::situation));
  CHECK(r.best.move == "contract_dates");
  CHECK(r.best.target.empty());
  // Topics by keyword; an accent typed or not finds the same person.
  CHECK(cls::topics_of("How do things like this usually get paid for?") == std::vector<ConstraintType>{ConstraintType::budget});
  CHECK(cls::target_of("what does tomas think?", ctx.people) == "Tomás");
}

TEST_CASE("classify: the deck's own wording reads as its own category") {
  const Content* c = th::shipped();
  REQUIRE(c);
  cls::Context ctx = context();
  int total = 0, right = 0;
  for (const MoveDef& m : c->moves)
    for (const std::string& p : m.phrasings) {
      ++total;
      right += cls::read(model(), ctx, p).best.category == int(m.category);
    }
  CHECK(right * 100 >= total * 95);
}
