// The category model: an averaged perceptron over hashed features, quantized to int16.
// Chosen over fastText for this corpus; the figures are in game/classify/README.md.
#include <algorithm>

#include "classify/classify.hpp"
#include "core/rng.hpp"

namespace buyin::classify {

namespace {
bool is_push(int k) {
  return k == int(Category::pitch) || k == int(Category::rebuttal) || k == int(Category::pressure);
}
}  // namespace

// ---------------------------------------------------------------------------------------------
// Training. Integer arithmetic throughout, examples shuffled by the project's seeded RNG, one
// thread: the same corpus and seed give the same bytes on every machine.
// ---------------------------------------------------------------------------------------------
namespace {
// One averaged-perceptron run over the examples in the order `seed` shuffles them; returns the
// averaged weights scaled by the step count (the same scale for every seed).
std::vector<int64_t> perceptron(const std::vector<Example>& examples, const std::vector<std::vector<uint32_t>>& feats,
                                const TrainOptions& opt, uint64_t seed) {
  const int K = kCategoryCount;
  const size_t B = size_t{1} << opt.bucket_bits;
  // w: current weights; u: sum of (step * change), so that the average is w - u / step.
  std::vector<int32_t> w(B * K, 0);
  std::vector<int64_t> u(B * K, 0);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  Rng rng(seed);
  int64_t step = 1;
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[static_cast<size_t>(rng.below(static_cast<int>(i)))]);
    for (size_t idx : order) {
      const std::vector<uint32_t>& f = feats[idx];
      const int gold = examples[idx].category;
      int64_t s[kCategoryCount] = {};
      for (uint32_t b : f)
        for (int k = 0; k < K; ++k) s[k] += w[b * K + k];
      // The best wrong category must trail the gold one by a margin, not just lose; a wider one
      // when a push (pitch, rebuttal, pressure) would pass as help: the costliest misreading.
      int best = -1;
      for (int k = 0; k < K; ++k)
        if (k != gold && (best < 0 || s[k] > s[best])) best = k;
      const int64_t margin = is_push(gold) && !is_push(best) ? opt.push_margin : opt.margin;
      if (s[gold] - s[best] < margin) {
        for (uint32_t b : f) {
          w[b * K + gold] += 1; u[b * K + gold] += step;
          w[b * K + best] -= 1; u[b * K + best] -= step;
        }
      }
      ++step;
    }
  }
  std::vector<int64_t> avg(B * K);
  for (size_t i = 0; i < B * K; ++i) avg[i] = w[i] * step - u[i];
  return avg;
}
}  // namespace

Model train(const std::vector<Example>& examples, const TrainOptions& opt) {
  const int K = kCategoryCount;
  const size_t B = size_t{1} << opt.bucket_bits;
  std::vector<std::vector<uint32_t>> feats;
  feats.reserve(examples.size());
  for (const Example& e : examples) feats.push_back(features(e.text, opt.bucket_bits));
  // Several runs, each seeing the examples in its own seeded order, summed: one linear model
  // with less of the luck of one order in it.
  const int runs = opt.runs;
  std::vector<int64_t> avg(B * K, 0);
  for (int r = 0; r < runs; ++r) {
    std::vector<int64_t> a = perceptron(examples, feats, opt, opt.seed + static_cast<uint64_t>(r));
    for (size_t i = 0; i < B * K; ++i) avg[i] += a[i];
  }
  // Quantize to int16, scaled by the largest weight.
  int64_t peak = 1;
  for (size_t i = 0; i < B * K; ++i) peak = std::max<int64_t>(peak, avg[i] < 0 ? -avg[i] : avg[i]);
  Model m;
  m.bucket_bits = opt.bucket_bits;
  m.weights.assign(B * K, 0);
  for (size_t i = 0; i < B * K; ++i) {
    int64_t q = (avg[i] * 32767 + (avg[i] >= 0 ? peak / 2 : -peak / 2)) / peak;
    m.weights[i] = static_cast<int16_t>(q);
  }
  for (const Example& e : examples)
    for (const std::string& wd : words(e.text)) m.vocab.push_back(hash_word(wd));
  std::sort(m.vocab.begin(), m.vocab.end());
  m.vocab.erase(std::unique(m.vocab.begin(), m.vocab.end()), m.vocab.end());
  return m;
}

std::vector<int32_t> scores(const Model& m, std::string_view text) {
  const int K = kCategoryCount;
  std::vector<int32_t> s(K, 0);
  if (m.empty()) return s;
  for (uint32_t b : features(text, m.bucket_bits))
    for (int k = 0; k < K; ++k) s[k] += m.weights[b * K + k];
  return s;
}

// ---------------------------------------------------------------------------------------------
// The file: "BUYINCLS", version, bucket bits, category count, then the non-zero weights as
// (bucket gap, category, zig-zag weight) varints, then the vocabulary as hash gaps.
// ---------------------------------------------------------------------------------------------
namespace {
void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) { out += static_cast<char>((v & 0x7F) | 0x80); v >>= 7; }
  out += static_cast<char>(v);
}
bool get_varint(std::string_view in, size_t& pos, uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos >= in.size()) return false;
    uint8_t c = static_cast<uint8_t>(in[pos++]);
    v |= static_cast<uint64_t>(c & 0x7F) << shift;
    if (!(c & 0x80)) return true;
  }
  return false;
}
const char kMagic[] = "BUYINCLS";
}  // namespace

std::string save_model(const Model& m) {
  std::string out(kMagic);
  const int K = kCategoryCount;
  put_varint(out, 1);
  put_varint(out, m.bucket_bits);
  put_varint(out, K);
  size_t nonzero = 0;
  for (int16_t x : m.weights) nonzero += x != 0;
  put_varint(out, nonzero);
  size_t prev = 0;
  for (size_t i = 0; i < m.weights.size(); ++i) {
    if (!m.weights[i]) continue;
    put_varint(out, i - prev);  // gaps between (bucket, category) cells
    prev = i;
    int32_t x = m.weights[i];
    put_varint(out, (static_cast<uint32_t>(x) << 1) ^ static_cast<uint32_t>(x >> 31));
  }
  put_varint(out, m.vocab.size());
  uint32_t pv = 0;
  for (uint32_t h : m.vocab) { put_varint(out, h - pv); pv = h; }
  return out;
}

bool load_model(std::string_view in, Model& m, std::string& error) {
  m = Model{};
  const size_t ml = sizeof(kMagic) - 1;
  if (in.size() < ml || in.substr(0, ml) != kMagic) { error = "not a Buy-In classifier model (no BUYINCLS header)"; return false; }
  size_t pos = ml;
  uint64_t version, bits, k, n;
  if (!get_varint(in, pos, version) || version != 1) { error = "unsupported model version"; return false; }
  if (!get_varint(in, pos, bits) || bits < 8 || bits > 24) { error = "bad bucket count in model"; return false; }
  if (!get_varint(in, pos, k) || k != kCategoryCount) { error = "model has the wrong number of categories"; return false; }
  if (!get_varint(in, pos, n)) { error = "truncated model"; return false; }
  m.bucket_bits = static_cast<uint32_t>(bits);
  m.weights.assign((size_t{1} << bits) * k, 0);
  size_t cell = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t gap, z;
    if (!get_varint(in, pos, gap) || !get_varint(in, pos, z)) { error = "truncated model weights"; m = Model{}; return false; }
    cell += gap;
    if (cell >= m.weights.size() || z > 0xFFFF) { error = "model weight out of range"; m = Model{}; return false; }
    m.weights[cell] = static_cast<int16_t>(static_cast<int32_t>(z >> 1) ^ -static_cast<int32_t>(z & 1));
  }
  uint64_t nv;
  if (!get_varint(in, pos, nv) || nv > in.size()) { error = "truncated model vocabulary"; m = Model{}; return false; }
  uint64_t h = 0;
  for (uint64_t i = 0; i < nv; ++i) {
    uint64_t gap;
    if (!get_varint(in, pos, gap)) { error = "truncated model vocabulary"; m = Model{}; return false; }
    h += gap;
    m.vocab.push_back(static_cast<uint32_t>(h));
  }
  if (pos != in.size()) { error = "trailing bytes after the model"; m = Model{}; return false; }
  return true;
}

}  // namespace buyin::classify
