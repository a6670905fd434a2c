// Cross-file rules and authoring policy the schemas cannot express.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, relative } from 'node:path';
import { readJson,
  ROOT, CONSTRAINT_TYPES, CATEGORIES, loadLibrary, checkMoves, checkScenario, checkOnboarding,
  strings, PLACEHOLDER_TEXT,
} from './lib.mjs';

const lib = loadLibrary();
const moves = lib.moves.moves;
const moveIds = new Set(moves.map((m) => m.id));
const byId = new Map(moves.map((m) => [m.id, m]));
const scenarios = [...lib.scenarios.values()];

test('moves: loader rules (unique ids, stage ranges)', () => {
  assert.deepEqual(checkMoves(lib.moves), []);
});

test('moves: at least 45, every category present', () => {
  assert.ok(moves.length >= 45, `only ${moves.length} moves`);
  for (const c of CATEGORIES) assert.ok(moves.some((m) => m.category === c), `no ${c} move`);
});

test('moves: every constraint type is addressed by at least 3 moves', () => {
  for (const t of CONSTRAINT_TYPES) {
    const n = moves.filter((m) => (m.addresses || []).includes(t)).length;
    assert.ok(n >= 3, `${t} is addressed by only ${n} moves`);
  }
});

test('moves: pitch, rebuttal and pressure address nothing; involve_others targets a stakeholder', () => {
  for (const m of moves) {
    if (['pitch', 'rebuttal', 'pressure'].includes(m.category)) {
      assert.deepEqual(m.addresses || [], [], `${m.id} (${m.category}) should address nothing`);
    }
    if (m.category === 'involve_others') assert.equal(m.target, 'stakeholder', `${m.id} should target a stakeholder`);
  }
});

test('moves: every question and de-risk move addresses at least one constraint type', () => {
  // FORMAT.md lets listen, give_space, pitch, rebuttal and pressure leave 'addresses' empty; the
  // loader accepts an empty list for any category, so this is an authoring rule, not a schema rule.
  const mayBeEmpty = ['listen', 'give_space', 'pitch', 'rebuttal', 'pressure'];
  for (const m of moves) {
    if (!mayBeEmpty.includes(m.category)) assert.ok((m.addresses || []).length > 0, `${m.id} (${m.category}) addresses nothing`);
  }
});

test('scenarios: loader rules (file name = id, owners and speakers exist, any/any/any line, deck ids)', () => {
  for (const s of scenarios) {
    const errs = checkScenario(s, basename(s._file, '.json'), moveIds);
    assert.deepEqual(errs, [], relative(ROOT, s._file));
  }
});

test('scenarios: ids unique across the library', () => {
  assert.equal(new Set(scenarios.map((s) => s.id)).size, scenarios.length);
});

test('scenarios: every constraint type appears somewhere in the library', () => {
  const seen = new Set(scenarios.flatMap((s) => s.constraints.pool.map((c) => c.type)));
  for (const t of CONSTRAINT_TYPES) assert.ok(seen.has(t), `no scenario has a ${t} constraint`);
});

test('scenarios: every constraint type in the pool is addressed by a move in the scenario deck', () => {
  for (const s of scenarios) {
    const deck = (s.deck || [...moveIds]).map((id) => byId.get(id)).filter(Boolean);
    for (const c of s.constraints.pool) {
      assert.ok(deck.some((m) => (m.addresses || []).includes(c.type)),
        `${s.id}: constraint ${c.id} (${c.type}) cannot be worked on with this deck`);
    }
  }
});

test('scenarios: the deck of a full scenario addresses all nine constraint types', () => {
  for (const s of scenarios.filter((x) => x.kind === 'full')) {
    const deck = (s.deck || [...moveIds]).map((id) => byId.get(id));
    for (const t of CONSTRAINT_TYPES) assert.ok(deck.some((m) => (m.addresses || []).includes(t)), `${s.id}: ${t}`);
  }
});

test('scenarios: authoring minimums (2+ hints per constraint, 4+ types and 40+ lines in full scenarios)', () => {
  for (const s of scenarios) {
    for (const c of s.constraints.pool) assert.ok(c.hints.length >= 2, `${s.id}/${c.id}: fewer than 2 hints`);
    const speakers = new Set(s.lines.map((l) => l.speaker));
    for (const p of s.stakeholders) assert.ok(speakers.has(p.id), `${s.id}: ${p.id} never speaks`);
    if (s.kind === 'full') {
      const types = new Set(s.constraints.pool.map((c) => c.type));
      assert.ok(types.size >= 4, `${s.id}: only ${types.size} constraint types`);
      assert.ok(s.lines.length >= 40, `${s.id}: only ${s.lines.length} lines`);
      for (const c of ['pitch', 'pressure', 'facilitative', 'implication', 'involve_others']) {
        assert.ok(s.lines.some((l) => l.category === c), `${s.id}: no ${c} line`);
      }
    }
  }
});

test('scenarios: difficulty spread covers 1..5, and both kinds exist', () => {
  const d = new Set(scenarios.map((s) => s.difficulty));
  for (let i = 1; i <= 5; i++) assert.ok(d.has(i), `no scenario of difficulty ${i}`);
  assert.ok(scenarios.filter((s) => s.kind === 'lesson').length >= 5);
  assert.ok(scenarios.filter((s) => s.kind === 'full').length >= 7);
});

test('onboarding: every lesson points at an existing lesson scenario; ids unique', () => {
  assert.deepEqual(checkOnboarding(lib.onboarding, lib.scenarios), []);
  for (const l of lib.onboarding.lessons) {
    assert.ok(l.callouts.length >= 3 && l.callouts.length <= 5, `${l.id}: ${l.callouts.length} callouts`);
  }
});

test('no placeholder text anywhere in content', () => {
  for (const f of lib.files) {
    const doc = f.endsWith('moves.json') ? lib.moves : f.endsWith('onboarding.json') ? lib.onboarding
      : f.endsWith('lines.json') ? readJson(f) : (({ _file, ...rest }) => rest)(scenarios.find((s) => s._file === f));
    for (const [path, text] of strings(doc)) {
      assert.ok(!PLACEHOLDER_TEXT.test(text), `${relative(ROOT, f)} ${path}: placeholder text "${text}"`);
    }
  }
});
