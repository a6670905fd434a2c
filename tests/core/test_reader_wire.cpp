// The reader's wire (game/platform/reader_wire.hpp): on the web a sentence and its context cross
// into the reader module as bytes and the reading comes back the same way. Reading through the
// wire must give exactly what reading directly gives (the readings feed a replay's moves), and
// damaged bytes are refused, never read.
#include <doctest/doctest.h>

#include <string>

#include "classify/classify.hpp"
#include "helpers.hpp"
#include "platform/reader_wire.hpp"

using namespace buyin;
namespace cls = buyin::classify;
namespace wire = buyin::platform::wire;

namespace {

const cls::Model& built_model() {
  static const cls::Model m = [] {
    cls::Model out;
    std::string bytes, error;
#ifdef BUYIN_TYPED_MODEL
    if (th::read(BUYIN_TYPED_MODEL, bytes)) cls::load_model(bytes, out, error);
#endif
    return out;
  }();
  return m;
}

void check_same(const cls::Reading& a, const cls::Reading& b, const std::string& text) {
  INFO(text);
  CHECK(a.category == b.category);
  CHECK(a.move == b.move);
  CHECK((a.topics == b.topics));
  CHECK(a.target == b.target);
  CHECK(a.target_id == b.target_id);
  CHECK(a.confidence == b.confidence);
}

// What the reader module does with a request: decode, read, encode; then what the app decodes.
cls::Result through_wire(const cls::Model& m, const cls::Context& ctx, const std::string& text) {
  Content deck;
  cls::Context got;
  std::string said;
  REQUIRE(wire::decode_request(wire::encode_request(ctx, text), deck, got, said));
  CHECK(said == text);
  cls::Result r;
  REQUIRE(wire::decode_result(wire::encode_result(cls::read(m, got, said)), r));
  return r;
}

}  // namespace

TEST_CASE("reader wire: every test sentence in every scenario reads the same through the wire as directly") {
  const Content* c = th::shipped();
  REQUIRE(c != nullptr);
  const cls::Model& m = built_model();
  REQUIRE_MESSAGE(!m.empty(), "the build's typed.model could not be read");
  std::string tsv;
  REQUIRE(th::read(th::root() + "/content/corpus/test.tsv", tsv));
  std::vector<cls::Example> rows;
  std::string error;
  REQUIRE_MESSAGE(cls::parse_corpus(tsv, "test.tsv", rows, error), error);
  std::vector<std::string> texts;
  for (const cls::Example& e : rows) texts.push_back(e.text);
  // Bad input and bytes a length prefix or a separator could trip over.
  for (const char* t : {"", " ", "12:34 ", "3:abc", "Rosa,\tyou said\n\"no\"", "\xF0\x9F\x99\x82 \xF0\x9F\x9A\x80", "\x01\x02"})
    texts.push_back(t);
  texts.push_back(std::string(10000, 'w'));
  int scenarios = 0, reads = 0;
  for (size_t s = 0; s < c->scenarios.size(); ++s) {
    const Scenario& sc = c->scenarios[s];
    // As the meeting asks (game/ui/typed_move.cpp): this scenario's deck and people.
    Content deck;
    for (int mi : sc.deck) deck.moves.push_back(c->moves[static_cast<size_t>(mi)]);
    cls::Context ctx;
    ctx.content = &deck;
    ctx.people = cls::people_in(sc);
    ctx.world = sc.world;
    ++scenarios;
    // Every sentence in the first scenarios; a spread of them in the rest (the debug build is slow).
    for (size_t i = 0; i < texts.size(); i += (s < 2 || i + 9 >= texts.size()) ? 1 : 7) {
      const cls::Result direct = cls::read(m, ctx, texts[i]);
      const cls::Result wired = through_wire(m, ctx, texts[i]);
      CHECK(direct.caught == wired.caught);
      CHECK(direct.why == wired.why);
      check_same(direct.best, wired.best, texts[i]);
      REQUIRE(direct.closest.size() == wired.closest.size());
      for (size_t k = 0; k < direct.closest.size(); ++k) check_same(direct.closest[k], wired.closest[k], texts[i]);
      ++reads;
    }
  }
  CHECK(scenarios >= 2);
  MESSAGE(reads << " readings compared in " << scenarios << " scenarios");
}

TEST_CASE("reader wire: the meeting's people give the targets people_of gives") {
  // The app builds the people with classify::people_in (inline: it does not link people_of on the
  // web); a name twice gives the first, as people_of's deduplication does.
  const Content* c = th::shipped();
  REQUIRE(c != nullptr);
  for (size_t s = 0; s < c->scenarios.size(); ++s) {
    const std::vector<cls::Person> app = cls::people_in(c->scenarios[s]);
    const std::vector<cls::Person> lib = cls::people_of(*c, static_cast<int>(s));
    for (const cls::Person& p : app) {
      const std::string said = "What does " + p.first_name + " think?";
      std::string a_id, b_id;
      CHECK(cls::target_of(said, app, &a_id) == cls::target_of(said, lib, &b_id));
      CHECK(a_id == b_id);
    }
  }
  // The same first name twice in one meeting: the first is named, either way.
  Content twice;
  twice.scenarios.resize(1);
  StakeholderDef a, b;
  a.id = "ops";
  a.name = "Ana Lopez";
  b.id = "cfo";
  b.name = "Dr. Ana Ruiz";
  twice.scenarios[0].stakeholders = {a, b};
  REQUIRE(cls::people_in(twice.scenarios[0]).size() == 2);
  std::string a_id, b_id;
  CHECK(cls::target_of("Ana, what would change?", cls::people_in(twice.scenarios[0]), &a_id) ==
        cls::target_of("Ana, what would change?", cls::people_of(twice, 0), &b_id));
  CHECK(a_id == "ops");
  CHECK(b_id == "ops");
  CHECK(cls::first_name("Dr. Leila Haddad") == "Leila");
  CHECK(cls::first_name("Rosa") == "Rosa");
}

TEST_CASE("reader wire: damaged bytes are refused, never read") {
  const Content* c = th::shipped();
  REQUIRE(c != nullptr);
  cls::Context ctx;
  Content deck;
  deck.moves.assign(c->moves.begin(), c->moves.begin() + 3);
  ctx.content = &deck;
  ctx.people = {{"cfo", "Rosa"}};
  const std::string req = wire::encode_request(ctx, "Rosa, what is this costing you?");
  Content d;
  cls::Context got;
  std::string text;
  for (size_t n = 0; n < req.size(); ++n) CHECK_FALSE(wire::decode_request(req.substr(0, n), d, got, text));
  CHECK_FALSE(wire::decode_request(req + "x", d, got, text));
  CHECK_FALSE(wire::decode_request("0:1 99999999 ", d, got, text));  // a count larger than the bytes
  // The module compares the context's bytes from one sentence to the next: they follow the text.
  std::string_view context;
  REQUIRE(wire::split_request(req, text, context));
  CHECK(text == "Rosa, what is this costing you?");
  CHECK((context == wire::encode_request(ctx, "").substr(2)));  // after the empty text, "0:"
  cls::Result r;
  r.why = "unsure";
  r.closest.resize(3);
  r.closest[1].category = 4;
  r.closest[1].topics = {ConstraintType::timing};
  const std::string res = wire::encode_result(r);
  cls::Result back;
  for (size_t n = 0; n < res.size(); ++n) CHECK_FALSE(wire::decode_result(res.substr(0, n), back));
  REQUIRE(wire::decode_result(res, back));
  CHECK(back.closest[1].category == 4);
  std::string bad = res;
  bad[0] = 'x';
  CHECK_FALSE(wire::decode_result(bad, back));
  CHECK_FALSE(wire::decode_result(wire::encode_result(r).replace(0, 2, "1 2:ab99 "), back));
}
