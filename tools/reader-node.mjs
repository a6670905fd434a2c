// The web's typed-move reader module (build/web/game/reader.js + reader.wasm) under node, for
// tools/bench-classify and tests/cli/reader.test.mjs: loads it as the page does (web/glue.js) and
// speaks its wire (game/platform/reader_wire.hpp) from JavaScript, with the context the CLI uses
// (`tools/buyin classify`: every move of content/moves.json, every stakeholder's first name).
import fs from 'node:fs';
import path from 'node:path';

// The enums' order in game/core/content.hpp (the wire carries their numbers).
export const CATEGORIES = ['facilitative', 'implication', 'involve_others', 'listen', 'give_space', 'situation',
  'need_payoff', 'pitch', 'rebuttal', 'pressure', 'de_risk'];
export const CONSTRAINTS = ['budget', 'tech_overlap', 'user_resistance', 'misalignment', 'incumbent_vendor',
  'status_quo_rules', 'timing', 'personal_risk', 'no_felt_need'];
const WORLD_MID_MARKET = 2;

// Loads reader.js (built for the web only) with the page's few globals, and the model.
export async function loadReader(webDir, modelPath = path.join(webDir, 'typed.model')) {
  const g = globalThis;
  if (typeof g.window === 'undefined') g.window = g;
  if (typeof g.self === 'undefined') g.self = g;
  if (typeof g.location === 'undefined') g.location = { href: 'http://127.0.0.1/' };
  const factory = new Function(`${fs.readFileSync(path.join(webDir, 'reader.js'), 'utf8')}\nreturn BuyinReader;`)();
  const mod = await factory({ wasmBinary: fs.readFileSync(path.join(webDir, 'reader.wasm')), print() {}, printErr() {} });
  const model = fs.readFileSync(modelPath);
  const p = mod._malloc(model.length);
  mod.HEAPU8.set(model, p);
  const err = mod._reader_load(p, model.length);
  mod._free(p);
  if (err) throw new Error('the reader refused the model');
  return mod;
}

// ---------------------------------------------------------------------------------------------
// The wire: integers as "<n> ", strings as "<byte length>:<bytes>".
// ---------------------------------------------------------------------------------------------
const enc = new TextEncoder();
class Out {
  constructor() { this.parts = []; }
  int(v) { this.parts.push(enc.encode(`${v} `)); }
  str(s) { const b = enc.encode(s); this.parts.push(enc.encode(`${b.length}:`), b); }
  bytes() {
    const n = this.parts.reduce((a, b) => a + b.length, 0);
    const out = new Uint8Array(n);
    let at = 0;
    for (const p of this.parts) { out.set(p, at); at += p.length; }
    return out;
  }
}

// The CLI's context from a content folder (moves in file order, people as classify::people_of).
export function cliContext(contentDir) {
  const moves = JSON.parse(fs.readFileSync(path.join(contentDir, 'moves.json'), 'utf8')).moves;
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const people = [];
  const dir = path.join(contentDir, 'scenarios');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    for (const st of JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).stakeholders || []) {
      const first = st.name.replace(/^Dr\. /, '').split(' ')[0];
      if (first && !people.some((p) => fold(p.first_name) === fold(first))) people.push({ id: st.id, first_name: first });
    }
  }
  return { moves, people };
}

// The context's bytes are made once per context (the app makes them in C++, a few microseconds).
const contextBytes = new WeakMap();
function encodeRequest(ctx, text) {
  if (!contextBytes.has(ctx)) contextBytes.set(ctx, encodeContext(ctx));
  const o = new Out();
  o.str(text);
  o.parts.push(contextBytes.get(ctx));
  return o.bytes();
}

function encodeContext(ctx) {
  const o = new Out();
  o.int(1);
  o.int(ctx.moves.length);
  for (const m of ctx.moves) {
    o.str(m.id);
    o.int(CATEGORIES.indexOf(m.category));
    o.int(m.target === 'stakeholder' ? 1 : 0);
    o.str(m.label);
    o.int((m.addresses || []).length);
    for (const t of m.addresses || []) o.int(CONSTRAINTS.indexOf(t));
    o.int((m.phrasings || []).length);
    for (const p of m.phrasings || []) o.str(p);
  }
  o.int(ctx.people.length);
  for (const p of ctx.people) { o.str(p.id); o.str(p.first_name); }
  o.int(WORLD_MID_MARKET);
  return o.bytes();
}

function decodeResult(bytes) {
  const dec = new TextDecoder();
  let at = 0;
  const upto = (c) => { const e = bytes.indexOf(c.charCodeAt(0), at); const v = dec.decode(bytes.subarray(at, e)); at = e + 1; return v; };
  const int = () => Number(upto(' '));
  const str = () => { const n = Number(upto(':')); const v = dec.decode(bytes.subarray(at, at + n)); at += n; return v; };
  const reading = () => {
    const category = CATEGORIES[int()];
    const move = str();
    const topics = [];
    for (let n = int(); n > 0; n--) topics.push(CONSTRAINTS[int()]);
    const target = str();
    str();  // target id (the CLI does not print it)
    return { category, move, topics, target: target || null, confidence: int() };
  };
  const caught = int() === 1;
  const why = str();
  const best = reading();
  const closest = [];
  for (let n = int(); n > 0; n--) closest.push(reading());
  return { caught, why, best, closest };
}

// Reads one sentence as the page does (web/glue.js readerRead).
export function read(mod, ctx, text) {
  const req = encodeRequest(ctx, text);
  const p = mod._malloc(req.length || 1);
  mod.HEAPU8.set(req, p);
  const n = mod._reader_read(p, req.length);
  mod._free(p);
  const at = mod._reader_answer();
  return decodeResult(mod.HEAPU8.slice(at, at + n));
}
