// Shared helpers for the content tests: loading files, compiling the schemas,
// and the rules a JSON Schema cannot express (cross-field and cross-file).
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CONTENT = join(ROOT, 'content');
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export const CONSTRAINT_TYPES = ['budget', 'tech_overlap', 'user_resistance', 'misalignment',
  'incumbent_vendor', 'status_quo_rules', 'timing', 'personal_risk', 'no_felt_need'];
export const CATEGORIES = ['facilitative', 'implication', 'involve_others', 'listen', 'give_space',
  'situation', 'need_payoff', 'pitch', 'rebuttal', 'pressure', 'de_risk'];

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function listJson(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
}

let ajvCache = null;
/** Returns { moves, scenario, onboarding, lines } compiled validators (ajv, draft 2020-12, strict). */
export function validators() {
  if (ajvCache) return ajvCache;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const load = (n) => readJson(join(CONTENT, 'schema', `${n}.schema.json`));
  ajvCache = {
    moves: ajv.compile(load('moves')),
    scenario: ajv.compile(load('scenario')),
    onboarding: ajv.compile(load('onboarding')),
    lines: ajv.compile(load('lines')),  // after scenario: its lines refer to scenario.schema.json's line
  };
  return ajvCache;
}

/** Which schema a fixture is for, from its file-name prefix (moves_, scenario_, onboarding_). */
export function kindOfFixture(file) {
  const b = basename(file);
  for (const k of ['moves', 'scenario', 'onboarding']) if (b.startsWith(`${k}_`)) return k;
  throw new Error(`fixture ${b} must start with moves_, scenario_ or onboarding_`);
}

export function ajvErrors(validate) {
  return (validate.errors || []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

function dupes(list) {
  const seen = new Set();
  const out = new Set();
  for (const x of list) { if (seen.has(x)) out.add(x); seen.add(x); }
  return [...out];
}

const PLACEHOLDER_RE = /\{([^}]*)\}/g;
function badPlaceholders(text) {
  return [...text.matchAll(PLACEHOLDER_RE)].map((m) => m[1]).filter((p) => p !== 'offering' && p !== 'name');
}

/** Rules inside one moves file the schema cannot express. Returns a list of error strings. */
export function checkMoves(doc) {
  const errs = [];
  const ids = doc.moves.map((m) => m.id);
  for (const d of dupes(ids)) errs.push(`duplicate move id ${d}`);
  for (const m of doc.moves) {
    const lo = m.min_stage ?? 0;
    const hi = m.max_stage ?? 7;
    if (lo > hi) errs.push(`move ${m.id}: min_stage ${lo} > max_stage ${hi}`);
  }
  return errs;
}

/**
 * Rules inside one scenario file the schema cannot express (the C++ loader must enforce the same).
 * fileBase: file name without .json; moveIds: Set of ids in the deck file.
 */
export function checkScenario(s, fileBase, moveIds) {
  const errs = [];
  if (fileBase !== undefined && s.id !== fileBase) errs.push(`id "${s.id}" does not match file name "${fileBase}.json"`);
  const people = s.stakeholders.map((p) => p.id);
  for (const d of dupes(people)) errs.push(`duplicate stakeholder id ${d}`);
  if (people.includes('any')) errs.push('a stakeholder may not be called "any"');
  const pool = s.constraints.pool;
  for (const d of dupes(pool.map((c) => c.id))) errs.push(`duplicate constraint id ${d}`);
  for (const c of pool) {
    if (!people.includes(c.owner)) errs.push(`constraint ${c.id}: owner "${c.owner}" is not a stakeholder`);
  }
  const { draw_min: lo, draw_max: hi } = s.constraints;
  if (lo > hi) errs.push(`constraints.draw_min ${lo} > draw_max ${hi}`);
  if (pool.length < hi) errs.push(`constraints.pool has ${pool.length} entries, fewer than draw_max ${hi}`);
  const always = pool.filter((c) => c.always).length;
  if (always > hi) errs.push(`${always} constraints are "always", more than draw_max ${hi}`);
  if (s.deck && moveIds) {
    for (const m of s.deck) if (!moveIds.has(m)) errs.push(`deck: unknown move "${m}"`);
  }
  let anyAnyAny = false;
  s.lines.forEach((l, i) => {
    if (l.speaker !== 'any' && !people.includes(l.speaker)) errs.push(`lines[${i}]: unknown speaker "${l.speaker}"`);
    if ((l.min_stage ?? 0) > (l.max_stage ?? 7)) errs.push(`lines[${i}]: min_stage > max_stage`);
    if (l.speaker === 'any' && l.category === 'any' && l.verdict === 'any'
        && l.min_stage === undefined && l.max_stage === undefined) anyAnyAny = true;
    for (const p of badPlaceholders(l.text)) errs.push(`lines[${i}]: unknown placeholder {${p}}`);
  });
  if (!anyAnyAny) errs.push('no any/any/any line (without a stage range): some moves would get no reply');
  return errs;
}

/** Rules inside the onboarding file; scenarios: Map id -> scenario doc. */
export function checkOnboarding(doc, scenarios) {
  const errs = [];
  for (const d of dupes(doc.lessons.map((l) => l.id))) errs.push(`duplicate lesson id ${d}`);
  for (const l of doc.lessons) {
    const s = scenarios && scenarios.get(l.scenario);
    if (scenarios && !s) errs.push(`lesson ${l.id}: scenario "${l.scenario}" does not exist`);
    else if (s && s.kind !== 'lesson') errs.push(`lesson ${l.id}: scenario "${l.scenario}" is kind "${s.kind}", not "lesson"`);
  }
  return errs;
}

/** Load the whole library: { moves, scenarios: Map, onboarding, files: [paths] }. */
export function loadLibrary() {
  const moves = readJson(join(CONTENT, 'moves.json'));
  const scenarioFiles = listJson(join(CONTENT, 'scenarios'));
  // Shared line sets are appended after a scenario's own lines, as the loader does.
  const lineSets = readJson(join(CONTENT, 'lines.json')).sets;
  const scenarios = new Map();
  for (const f of scenarioFiles) {
    const s = readJson(f);
    const lines = [...(s.lines ?? []), ...(s.line_sets ?? []).flatMap((n) => lineSets[n]?.lines ?? [])];
    scenarios.set(s.id, { ...s, lines, _file: f });
  }
  const onboarding = readJson(join(CONTENT, 'onboarding.json'));
  return {
    moves, scenarios, onboarding, scenarioFiles,
    files: [join(CONTENT, 'moves.json'), join(CONTENT, 'onboarding.json'), join(CONTENT, 'lines.json'), ...scenarioFiles],
  };
}

/** All strings anywhere in a JSON value, with their JSON path. */
export function* strings(v, path = '') {
  if (typeof v === 'string') yield [path, v];
  else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* strings(v[i], `${path}[${i}]`);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { yield [`${path}.${k} (key)`, k]; yield* strings(x, `${path}.${k}`); }
}

export const PLACEHOLDER_TEXT = /lorem|\btodo\b|\btbd\b|xxx|stakeholder \d|fixme|placeholder|dummy text|sample text/i;
