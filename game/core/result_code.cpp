// Challenge and result codes: compact URL-safe text ("C"/"R" + base64url of a versioned, checksummed
// byte payload). The checksum catches edits; the real guard is verify_result replaying the moves.
#include "core/buyin.hpp"
#include "core/hash.hpp"

namespace buyin {

namespace {

// 2: per-player seeds, the close lock, attempts, names checked (codes of version 1 are refused,
// with a message saying they were made by an older version).
// 3: the notebook: a challenge flag (the notes count) and the trainee's notes after the moves.
// Version 2 codes are still read (no notes; the notebook did not count then).
// 4: typed moves (issue 20): a challenge flag (the players type) and, in a result, whether the game was
// played open (every move of the deck legal). Versions 2 and 3 are still read (no typing then).
constexpr uint8_t kVersion = 4;
constexpr uint8_t kMinVersion = 2;
const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string b64(const std::vector<uint8_t>& in) {
  std::string s;
  uint32_t acc = 0;
  int bits = 0;
  for (uint8_t b : in) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 6) { bits -= 6; s += kB64[(acc >> bits) & 63]; }
  }
  if (bits > 0) s += kB64[(acc << (6 - bits)) & 63];
  return s;
}

bool unb64(const std::string& s, size_t from, std::vector<uint8_t>& out) {
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = from; i < s.size(); ++i) {
    char ch = s[i];
    int v = (ch >= 'A' && ch <= 'Z') ? ch - 'A' : (ch >= 'a' && ch <= 'z') ? ch - 'a' + 26
          : (ch >= '0' && ch <= '9') ? ch - '0' + 52 : ch == '-' ? 62 : ch == '_' ? 63 : -1;
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) { bits -= 8; out.push_back(static_cast<uint8_t>(acc >> bits)); }
  }
  return true;
}

struct Writer {
  std::vector<uint8_t> b;
  void u8(uint8_t v) { b.push_back(v); }
  void var(uint64_t v) {
    do { uint8_t x = v & 0x7f; v >>= 7; b.push_back(static_cast<uint8_t>(x | (v ? 0x80 : 0))); } while (v);
  }
  void u64(uint64_t v) { for (int i = 0; i < 8; ++i) b.push_back(static_cast<uint8_t>(v >> (8 * i))); }
  void str(const std::string& s, size_t max) {
    size_t n = s.size() < max ? s.size() : max;
    while (n > 0 && n < s.size() && (static_cast<uint8_t>(s[n]) & 0xC0) == 0x80) --n;  // keep UTF-8 whole
    u8(static_cast<uint8_t>(n));
    b.insert(b.end(), s.begin(), s.begin() + static_cast<long>(n));
  }
  // Header: version, total length (u16), then body, then a 32-bit checksum.
  std::string finish(char kind) {
    size_t total = b.size() + 4;
    b[1] = static_cast<uint8_t>(total & 0xff);
    b[2] = static_cast<uint8_t>(total >> 8);
    Fnv f;
    f.bytes(b.data(), b.size());
    uint32_t ck = static_cast<uint32_t>(f.h ^ (f.h >> 32));
    for (int i = 0; i < 4; ++i) b.push_back(static_cast<uint8_t>(ck >> (8 * i)));
    return std::string(1, kind) + b64(b);
  }
};

struct Reader {
  const std::vector<uint8_t>& b;
  size_t pos = 0;
  size_t end;
  bool bad = false;
  uint8_t u8() { if (pos >= end) { bad = true; return 0; } return b[pos++]; }
  uint64_t var() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t x = u8();
      v |= static_cast<uint64_t>(x & 0x7f) << shift;
      if (!(x & 0x80)) return v;
    }
    bad = true;
    return 0;
  }
  uint64_t u64() { uint64_t v = 0; for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(u8()) << (8 * i); return v; }
  std::string str() {
    size_t n = u8();
    if (pos + n > end) { bad = true; return ""; }
    std::string s(b.begin() + static_cast<long>(pos), b.begin() + static_cast<long>(pos + n));
    pos += n;
    return s;
  }
};

// Shared envelope checks; on success returns the body reader positioned after the header.
CodeError open_code(const std::string& code, char kind, std::vector<uint8_t>& bytes, std::string& detail) {
  std::string s = code;
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) s.pop_back();
  size_t lead = s.find_first_not_of(" \t\r\n");
  s = lead == std::string::npos ? "" : s.substr(lead);
  if (s.empty()) { detail = "the code is empty"; return CodeError::malformed; }
  if (s[0] != kind) {
    if (s[0] == 'R' || s[0] == 'C' || s[0] == 'K') {
      detail = std::string("this is a ") + (s[0] == 'R' ? "result" : s[0] == 'C' ? "challenge" : "close") + " code";
      return CodeError::wrong_kind;
    }
    detail = "a code starts with R (result), C (challenge) or K (close)";
    return CodeError::malformed;
  }
  if (!unb64(s, 1, bytes)) { detail = "the code contains characters that are not part of a code"; return CodeError::malformed; }
  if (bytes.empty()) { detail = "the code is cut off"; return CodeError::truncated; }
  if (bytes[0] < kMinVersion || bytes[0] > kVersion) {
    detail = std::string(bytes[0] < kVersion ? "made by an older version of Buy-In" : "made by a newer version of Buy-In") + " (code version " +
             std::to_string(bytes[0]) + ", this game reads versions " + std::to_string(kMinVersion) + " to " + std::to_string(kVersion) +
             "): ask for a new code";
    return CodeError::wrong_version;
  }
  if (bytes.size() < 3) { detail = "the code is cut off"; return CodeError::truncated; }
  size_t total = bytes[1] | (static_cast<size_t>(bytes[2]) << 8);
  if (bytes.size() < total) { detail = "the code is cut off (" + std::to_string(bytes.size()) + " of " + std::to_string(total) + " bytes)"; return CodeError::truncated; }
  if (bytes.size() > total || total < 7) { detail = "the code has extra characters"; return CodeError::malformed; }
  Fnv f;
  f.bytes(bytes.data(), total - 4);
  uint32_t ck = static_cast<uint32_t>(f.h ^ (f.h >> 32)), got = 0;
  for (int i = 0; i < 4; ++i) got |= static_cast<uint32_t>(bytes[total - 4 + static_cast<size_t>(i)]) << (8 * i);
  if (ck != got) { detail = "the checksum does not match: the code was changed"; return CodeError::tampered; }
  return CodeError::none;
}

void write_challenge(Writer& w, const Challenge& ch) {
  w.str(ch.scenario_id, 48);
  w.var(ch.seed);
  w.u8(static_cast<uint8_t>((ch.feedback_hidden ? 1 : 0) | (ch.per_player ? 2 : 0) | (ch.lock ? 4 : 0) | (ch.notebook ? 8 : 0) | (ch.typed ? 16 : 0)));
  w.u8(static_cast<uint8_t>(ch.meeting_limit < 0 ? 0 : ch.meeting_limit > 255 ? 255 : ch.meeting_limit));
  if (ch.lock) w.u64(ch.lock);
}
Challenge read_challenge(Reader& r, uint8_t version) {
  Challenge ch;
  ch.scenario_id = r.str();
  ch.seed = r.var();
  uint8_t flags = r.u8();
  if (flags > (version >= 4 ? 31 : version >= 3 ? 15 : 7)) r.bad = true;
  ch.feedback_hidden = flags & 1;
  ch.per_player = flags & 2;
  ch.notebook = flags & 8;
  ch.typed = flags & 16;
  ch.meeting_limit = r.u8();
  if (flags & 4) {
    ch.lock = r.u64();
    if (ch.lock == 0) r.bad = true;  // flag and value must agree, so one challenge has one code
  }
  return ch;
}
bool same(const Challenge& a, const Challenge& b) {
  return a.scenario_id == b.scenario_id && a.seed == b.seed && a.feedback_hidden == b.feedback_hidden && a.meeting_limit == b.meeting_limit &&
         a.per_player == b.per_player && a.lock == b.lock && a.notebook == b.notebook &&
         a.typed == b.typed;
}

}  // namespace

const char* to_string(CodeError e) {
  static const char* n[] = {"none", "malformed", "truncated", "tampered", "wrong_version", "wrong_kind", "foreign_content",
                            "foreign_challenge", "unknown_scenario", "illegal_move", "score_mismatch", "bad_name", "wrong_player"};
  return n[static_cast<int>(e)];
}

std::string describe(CodeError e) {
  switch (e) {
    case CodeError::none: return "valid";
    case CodeError::malformed: return "not a valid code";
    case CodeError::truncated: return "the code is incomplete (copied only part of it?)";
    case CodeError::tampered: return "the code was altered";
    case CodeError::wrong_version: return "the code comes from another version of the game";
    case CodeError::wrong_kind: return "wrong kind of code";
    case CodeError::foreign_content: return "the code was made with different game content";
    case CodeError::foreign_challenge: return "the code belongs to a different challenge";
    case CodeError::unknown_scenario: return "the code names a scenario this game does not have";
    case CodeError::illegal_move: return "the moves in the code cannot be replayed";
    case CodeError::score_mismatch: return "the claimed score does not match the replay";
    case CodeError::bad_name: return "the player's or team's name is not allowed";
    case CodeError::wrong_player: return "the code was played under another name (renamed codes are refused)";
  }
  return "unknown";
}

std::string encode_challenge(const Challenge& ch, uint64_t content_hash) {
  Writer w;
  w.u8(kVersion); w.u8(0); w.u8(0);
  w.u64(content_hash);
  write_challenge(w, ch);
  return w.finish('C');
}

ChallengeDecode decode_challenge(const std::string& code, const Content* c) {
  ChallengeDecode out;
  std::vector<uint8_t> bytes;
  out.error = open_code(code, 'C', bytes, out.detail);
  if (out.error != CodeError::none) return out;
  Reader r{bytes, 3, bytes.size() - 4};
  out.content_hash = r.u64();
  out.challenge = read_challenge(r, bytes[0]);
  if (r.bad || r.pos != r.end) { out.error = CodeError::malformed; out.detail = "the fields do not fit the code"; return out; }
  if (c && out.content_hash != c->hash) { out.error = CodeError::foreign_content; out.detail = "made with other content"; return out; }
  if (c && c->find_scenario(out.challenge.scenario_id) < 0) { out.error = CodeError::unknown_scenario; out.detail = "scenario \"" + out.challenge.scenario_id + "\""; return out; }
  return out;
}

std::string challenge_id(const Challenge& ch) {
  Fnv f;
  f.str(ch.scenario_id);
  f.u64(ch.seed);
  f.byte(ch.feedback_hidden);
  f.i32(ch.meeting_limit);
  f.byte(ch.per_player);
  f.u64(ch.lock);
  if (ch.notebook) f.byte(1);  // only when set: the ids of challenges made before the notebook stay the same
  if (ch.typed) f.byte(2);     // the same for typing
  std::vector<uint8_t> b;
  for (int i = 0; i < 6; ++i) b.push_back(static_cast<uint8_t>(f.h >> (8 * i)));
  return b64(b);
}

std::string encode_result(const Content& c, const ResultCode& rc) {
  Writer w;
  w.u8(kVersion); w.u8(0); w.u8(0);
  w.u64(rc.content_hash);
  write_challenge(w, rc.challenge);
  w.str(rc.player, kNameMaxBytes);
  w.str(rc.team, kNameMaxBytes);
  w.var(rc.seed_played ? rc.seed_played : game_seed(rc.challenge, rc.player));
  w.var(static_cast<uint64_t>(rc.attempt < 1 ? 1 : rc.attempt));
  for (int i = 0; i < 4; ++i) w.u8(static_cast<uint8_t>(rc.earlier >> (8 * i)));
  int si = c.find_scenario(rc.challenge.scenario_id);
  w.var(rc.actions.size());
  for (const Action& a : rc.actions) {
    int slot = 255;
    if (si >= 0) {
      const Scenario& sc = c.scenarios[static_cast<size_t>(si)];
      for (size_t k = 0; k < sc.deck.size() && k < 255; ++k) if (sc.deck[k] == a.move) slot = static_cast<int>(k);
    }
    w.u8(static_cast<uint8_t>(slot));
    w.u8(static_cast<uint8_t>(a.target + 1));
  }
  w.var(rc.notes.size());
  for (const Note& n : rc.notes) {
    w.var(static_cast<uint64_t>(n.line < 0 ? 0 : n.line));
    w.u8(static_cast<uint8_t>(n.type));
    w.u8(static_cast<uint8_t>(n.owner + 1));
    w.var(static_cast<uint64_t>(n.at_move < 0 ? 0 : n.at_move));
  }
  w.u8(rc.open_play || rc.challenge.typed ? 1 : 0);  // version 4: how the game was played
  uint64_t z = rc.claimed_score < 0 ? (static_cast<uint64_t>(-(static_cast<int64_t>(rc.claimed_score))) * 2 - 1)
                                    : static_cast<uint64_t>(rc.claimed_score) * 2;
  w.var(z);
  return w.finish('R');
}

std::string encode_close(uint64_t secret, uint64_t content_hash) {
  Writer w;
  w.u8(kVersion); w.u8(0); w.u8(0);
  w.u64(content_hash);
  w.u64(challenge_lock(secret));
  w.u64(secret);
  return w.finish('K');
}

CloseCheck check_close(const Challenge& ch, const std::string& code) {
  CloseCheck out;
  std::vector<uint8_t> bytes;
  out.error = open_code(code, 'K', bytes, out.detail);
  if (out.error == CodeError::wrong_kind || out.error == CodeError::malformed) {
    if (out.error == CodeError::malformed) out.detail = "a close code starts with K";
    return out;
  }
  if (out.error != CodeError::none) return out;
  Reader r{bytes, 3, bytes.size() - 4};
  r.u64();  // content hash: the lock alone decides
  const uint64_t lock = r.u64(), secret = r.u64();
  if (r.bad || r.pos != r.end) { out.error = CodeError::malformed; out.detail = "the fields do not fit the code"; return out; }
  if (ch.lock == 0 || lock != ch.lock || challenge_lock(secret) != ch.lock) {
    out.error = CodeError::foreign_challenge;
    out.detail = "this close code belongs to another challenge";
  }
  return out;
}

ResultDecode decode_result(const Content& c, const std::string& code, const Challenge* expected) {
  ResultDecode out;
  std::vector<uint8_t> bytes;
  out.error = open_code(code, 'R', bytes, out.detail);
  if (out.error != CodeError::none) return out;
  Reader r{bytes, 3, bytes.size() - 4};
  ResultCode& rc = out.result;
  rc.content_hash = r.u64();
  rc.challenge = read_challenge(r, bytes[0]);
  rc.player = r.str();
  rc.team = r.str();
  rc.seed_played = r.var();
  uint64_t attempt = r.var();
  if (attempt < 1 || attempt > 1000000) r.bad = true;
  rc.attempt = static_cast<int>(attempt < 1 || attempt > 1000000 ? 1 : attempt);
  for (int i = 0; i < 4; ++i) rc.earlier |= static_cast<uint32_t>(r.u8()) << (8 * i);
  uint64_t n = r.var();
  if (n > 1000) r.bad = true;
  std::vector<std::pair<int, int>> raw;
  for (uint64_t i = 0; i < n && !r.bad; ++i) { int s = r.u8(); int t = r.u8(); raw.push_back({s, t - 1}); }
  if (bytes[0] >= 3) {
    uint64_t nn = r.var();
    if (nn > 1000) r.bad = true;
    for (uint64_t i = 0; i < nn && !r.bad; ++i) {
      Note note;
      uint64_t line = r.var();
      uint8_t type = r.u8();
      int owner = r.u8() - 1;
      uint64_t at = r.var();
      if (line > 100000 || type >= kConstraintTypeCount || at > 1000) { r.bad = true; break; }
      note.line = static_cast<int>(line);
      note.type = static_cast<ConstraintType>(type);
      note.owner = owner;
      note.at_move = static_cast<int>(at);
      rc.notes.push_back(note);
    }
  }
  if (bytes[0] >= 4) {
    uint8_t play = r.u8();
    if (play > 1) r.bad = true;
    rc.open_play = play & 1;
    if (rc.challenge.typed && !rc.open_play) r.bad = true;  // a typed challenge is always played open
  }
  uint64_t z = r.var();
  if (z > 2000000000ull) { r.bad = true; z = 0; }  // |score| <= 1e9, so the unfolded value fits an int
  rc.claimed_score = (z & 1) ? -static_cast<int>((z + 1) / 2) : static_cast<int>(z / 2);
  if (r.bad || r.pos != r.end) { out.error = CodeError::malformed; out.detail = "the fields do not fit the code"; return out; }
  if (rc.content_hash != c.hash) { out.error = CodeError::foreign_content; out.detail = "made with other content"; return out; }
  if (expected && !same(*expected, rc.challenge)) {
    out.error = CodeError::foreign_challenge;
    out.detail = "made for challenge " + challenge_id(rc.challenge) + ", expected " + challenge_id(*expected);
    return out;
  }
  for (const std::string* nm : {&rc.player, &rc.team}) {
    NameCheck nc = normalize_name(*nm, nm == &rc.team);
    if (!nc.ok || nc.name != *nm) {
      out.error = CodeError::bad_name;
      out.detail = std::string(nm == &rc.player ? "player" : "team") + " \"" + printable(*nm) + "\": " + (nc.ok ? "not in normal form" : nc.error);
      return out;
    }
  }
  if (rc.seed_played != game_seed(rc.challenge, rc.player)) {
    out.error = CodeError::wrong_player;
    out.detail = "this game was not played under the name \"" + printable(rc.player) + "\"";
    return out;
  }
  int si = c.find_scenario(rc.challenge.scenario_id);
  if (si < 0) { out.error = CodeError::unknown_scenario; out.detail = "scenario \"" + rc.challenge.scenario_id + "\""; return out; }
  const Scenario& sc = c.scenarios[static_cast<size_t>(si)];
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i].first >= static_cast<int>(sc.deck.size()) || raw[i].second >= static_cast<int>(sc.stakeholders.size())) {
      out.error = CodeError::illegal_move;
      out.detail = "move " + std::to_string(i + 1) + " is not in the scenario";
      return out;
    }
    rc.actions.push_back({sc.deck[static_cast<size_t>(raw[i].first)], raw[i].second});
  }
  return out;
}

Verification verify_result(const Content& c, const std::string& code, const Challenge* expected) {
  Verification v;
  ResultDecode d = decode_result(c, code, expected);
  v.error = d.error;
  v.detail = d.detail;
  v.result = d.result;
  if (d.error != CodeError::none) return v;
  Record rec{c.hash,
             GameConfig{d.result.challenge.scenario_id, d.result.seed_played, d.result.challenge.meeting_limit, d.result.challenge.notebook,
                        d.result.open_play},
             d.result.actions, d.result.notes};
  v.seed = d.result.seed_played;
  ReplayResult rr = replay(c, rec);
  if (!rr.ok) { v.error = CodeError::illegal_move; v.detail = rr.error; return v; }
  v.score = final_score(c, rr.game.state).total;
  v.ending = rr.game.state.ending;
  v.moves = static_cast<int>(rr.game.actions.size());
  v.meetings = meetings_used(rr.game.state);
  if (v.score != d.result.claimed_score) {
    v.error = CodeError::score_mismatch;
    v.detail = "claimed " + std::to_string(d.result.claimed_score) + ", replay gives " + std::to_string(v.score);
  }
  return v;
}

}  // namespace buyin
