// web/lms.js without a browser: suspend_data limits, the score and status an LMS is given,
// xAPI statements checked by Learning Locker's validator, and the SCORM 1.2 conversation with
// scorm-again's LMS-side API (discovery through parents and opener, error codes, LMSFinish).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { lms, onboarding } from './lib.mjs';

const require = createRequire(import.meta.url);
const validate = require('@learninglocker/xapi-validation').default;
vm.runInThisContext(fs.readFileSync(require.resolve('scorm-again/scorm12'), 'utf8').replace(/^this\.Scorm12API/, 'globalThis.Scorm12API'));
const { Scorm12API } = globalThis;

const lessonIds = onboarding.lessons.map((l) => l.id);

// Collects console.warn/console.error while fn runs.
async function capture(fn) {
  const seen = { warn: [], error: [] };
  const w = console.warn, e = console.error;
  console.warn = (...a) => seen.warn.push(a.join(' '));
  console.error = (...a) => seen.error.push(a.join(' '));
  try { await fn(); } finally { console.warn = w; console.error = e; }
  return seen;
}

test('suspend_data stays under 4,096 characters: every lesson passed with 64-character ids, and far more lessons than that', async () => {
  const long = lessonIds.map((id, i) => (id + '_' + 'x'.repeat(64)).slice(0, 63) + String(i % 10));
  assert.ok(long.every((id) => id.length === 64));
  const s = lms.encodeSuspendData(long);
  assert.ok(s.length <= 4096, `${s.length} characters`);
  assert.deepEqual(lms.decodeSuspendData(s).lessons, long);
  assert.deepEqual(JSON.parse(s), { lessons: long }, 'the {"lessons":[...]} form the game reads');
  // A path ten times longer than any we ship: still under the cap, keeping the lessons passed first.
  const many = Array.from({ length: 120 }, (_, i) => `lesson_${String(i).padStart(3, '0')}_${'y'.repeat(52)}`);
  let t;
  const seen = await capture(() => { t = lms.encodeSuspendData(many, 100); });
  assert.ok(t.length <= 4096 && t.length > 3900, `${t.length} characters`);
  const kept = lms.decodeSuspendData(t);
  assert.deepEqual(kept.lessons, many.slice(0, kept.lessons.length), 'a prefix of the path is kept');
  assert.equal(kept.best, 100);
  assert.equal(seen.warn.length, 1, 'the loss is reported with console.warn');
  assert.deepEqual(seen.error, []);
  // Ids the game would refuse (too long, not strings, duplicates) are not stored.
  assert.equal(lms.encodeSuspendData(['a', 'a', 7, 'z'.repeat(65), 'b']), '{"lessons":["a","b"]}');
});

test('what the LMS is told: share of lessons passed, failed only at the end of the path, passed never taken back', () => {
  const cfg = lms.normalizeConfig({ mode: 'onboarding', pass_threshold: 100 });
  const game = (i, passed, so_far) => ({ mode: 'onboarding', lesson: lessonIds[i], lesson_index: i, lessons_total: 5, passed, lessons_passed: so_far });
  let o = lms.scormOutcome(cfg, game(0, true, ['status_quo']), { status: 'incomplete', lessons: [] });
  assert.deepEqual(o, { raw: 20, min: 0, max: 100, status: 'incomplete', lessons: ['status_quo'], best: null });
  o = lms.scormOutcome(cfg, game(1, false, ['status_quo']), { status: 'incomplete', lessons: ['status_quo'] });
  assert.equal(o.status, 'incomplete'); assert.equal(o.raw, 20);
  const four = lessonIds.slice(0, 4);
  o = lms.scormOutcome(cfg, game(4, false, four), { status: 'incomplete', lessons: four });
  assert.equal(o.status, 'failed'); assert.equal(o.raw, 80);
  o = lms.scormOutcome(cfg, game(4, true, lessonIds), { status: 'failed', lessons: four });
  assert.equal(o.status, 'passed'); assert.equal(o.raw, 100);
  assert.equal(lms.scormOutcome(cfg, game(0, false, lessonIds), { status: 'passed', lessons: lessonIds }).status, 'passed');
  // A lower threshold passes part-way; practice games do not touch an onboarding SCO.
  const cfg60 = lms.normalizeConfig({ pass_threshold: 60 });
  assert.equal(lms.scormOutcome(cfg60, game(2, true, lessonIds.slice(0, 3)), { status: 'incomplete', lessons: [] }).status, 'passed');
  assert.equal(lms.scormOutcome(cfg, { mode: 'practice', scenario: 'family_car', score: 90 }, { status: 'incomplete', lessons: [] }), null);
  // Scenario mode: the game's score clamped to 0..100, the best one kept.
  const sc = lms.normalizeConfig({ mode: 'scenario', scenario: 'family_car', pass_threshold: 40 });
  assert.equal(sc.pass_threshold, 40);
  assert.deepEqual(lms.scormOutcome(sc, { mode: 'practice', scenario: 'family_car', score: -12 }, { status: 'incomplete', lessons: [], best: null }),
    { raw: 0, min: 0, max: 100, status: 'failed', lessons: [], best: 0 });
  assert.equal(lms.scormOutcome(sc, { mode: 'practice', scenario: 'family_car', score: 140 }, { status: 'failed', lessons: [], best: 0 }).raw, 100);
  assert.equal(lms.scormOutcome(sc, { mode: 'practice', scenario: 'family_car', score: 10 }, { status: 'passed', lessons: [], best: 55 }).status, 'passed');
  assert.equal(lms.scormOutcome(sc, { mode: 'practice', scenario: 'bakery_counter', score: 90 }, { status: 'failed', lessons: [], best: 0 }), null);
  assert.equal(lms.normalizeConfig({ mode: 'scenario' }).pass_threshold, 50);
  assert.equal(lms.normalizeConfig(null).pass_threshold, 100);
});

const GAMES = {
  lessonPassed: { mode: 'onboarding', scenario: 'lesson_status_quo', seed: '1000', score: 44, ending: 'purchase', moves: 'AbC', meetings: 2,
    player: 'Ana', team: '', lesson: 'status_quo', lesson_index: 0, lessons_total: 5, pass_score: 30, passed: true, lessons_passed: ['status_quo'] },
  lessonFailed: { mode: 'onboarding', scenario: 'lesson_status_quo', seed: '1000', score: -35, ending: 'disengaged', moves: 'x', meetings: 1,
    player: '', team: '', lesson: 'status_quo', lesson_index: 0, lessons_total: 5, pass_score: 30, passed: false, lessons_passed: [] },
  practice: { mode: 'practice', scenario: 'family_car', seed: '18446744073709551615', score: 172, ending: 'no_decision', moves: '', meetings: 4, player: 'Bo', team: 'North' },
  challenge: { mode: 'challenge', scenario: 'crm_rollout', seed: '42', score: 61, ending: 'purchase', moves: 'zz', meetings: 5, player: 'Cy', team: 'Blue' },
};

function statementsFor(cfg, d, who) {
  let n = 0;
  return lms.buildStatements(lms.normalizeConfig(cfg), d, { actor: lms.buildActor(who), startedAt: Date.parse('2026-11-23T10:00:00Z'),
    finishedAt: Date.parse('2026-11-23T10:03:07.25Z'), registration: lms.uuid(), id: () => { n++; return lms.uuid(); } });
}

test('every statement is valid xAPI 1.0.3 for every kind of game and actor (Learning Locker\'s validator)', () => {
  const actors = [
    { configured: { name: 'Ana Pereira', mbox: 'ana@example.com' }, lms: null, player: 'Ana', localId: 'x' },
    { configured: null, lms: { id: 'u-42', name: 'Pereira, Ana' }, player: 'Ana', localId: 'x' },
    { configured: null, lms: null, player: '', localId: lms.uuid() },
  ];
  let count = 0;
  for (const [kind, d] of Object.entries(GAMES)) {
    for (const cfg of [{}, { mode: 'scenario', scenario: d.scenario, pass_threshold: 50 }]) {
      for (const who of actors) {
        const list = statementsFor(cfg, d, who);
        for (const s of list) {
          const warnings = validate(s);
          assert.deepEqual(warnings.map((w) => `${w.path ? w.path.join('.') : ''}: ${w.message || w.constructor.name}`), [], `${kind}: ${JSON.stringify(s)}`);
          count++;
        }
        const verbs = list.map((s) => s.verb.id.split('/').pop());
        const expectSuccess = d.mode === 'onboarding' ? d.passed : cfg.mode === 'scenario' ? Math.min(100, Math.max(0, d.score)) >= 50 : null;
        assert.deepEqual(verbs, expectSuccess === null ? ['attempted', 'completed'] : ['attempted', 'completed', expectSuccess ? 'passed' : 'failed'], kind);
        assert.equal(new Set(list.map((s) => s.id)).size, list.length, 'statement ids are unique');
        assert.equal(new Set(list.map((s) => s.context.registration)).size, 1, 'one registration per game');
        const done = list[1];
        assert.equal(done.object.id, `https://buyin.invalid/activities/${d.scenario}`);
        assert.equal(done.result.duration, 'PT3M7.25S');
        assert.equal(done.result.completion, true);
        assert.equal(done.result.score.raw, Math.min(100, Math.max(0, d.score)));
        assert.equal(done.result.score.scaled, done.result.score.raw / 100);
        assert.equal(done.result.extensions['https://buyin.invalid/extensions/points'], d.score);
        const parents = (done.context.contextActivities.parent || []).map((a) => a.id);
        if (d.mode === 'onboarding') assert.deepEqual(parents, ['https://buyin.invalid/activities/paths/onboarding']);
        if (d.mode === 'challenge') assert.deepEqual(parents, [`https://buyin.invalid/activities/challenges/${d.scenario}/${d.seed}`]);
      }
    }
  }
  assert.ok(count >= 60, `${count} statements checked`);
  // The validator is not a rubber stamp: it refuses what an LRS would refuse.
  const good = statementsFor({}, GAMES.lessonPassed, actors[0])[2];
  const broken = [
    { ...good, actor: { objectType: 'Agent', name: 'no identifier' } },
    { ...good, verb: { id: 'passed' } },
    { ...good, result: { ...good.result, score: { ...good.result.score, scaled: 1.5 } } },
    { ...good, result: { ...good.result, duration: '3 minutes' } },
    { ...good, timestamp: 'yesterday' },
  ];
  for (const b of broken) assert.ok(validate(b).length > 0, `refused: ${JSON.stringify(b).slice(0, 120)}`);
  assert.equal(statementsFor({}, GAMES.lessonPassed, actors[0])[0].actor.mbox, 'mailto:ana@example.com');
  assert.deepEqual(statementsFor({}, GAMES.lessonPassed, actors[1])[0].actor.account, { homePage: 'https://buyin.invalid/lms', name: 'u-42' });
});

// A window for lms.start(): events, timers, a document, and a parent/opener chain.
function fakeWindow({ parent = null, opener = null } = {}) {
  const w = new EventTarget();
  w.parent = parent || w;
  w.opener = opener;
  w.document = { createElement: () => ({ style: {}, click() {}, remove() {} }), body: { appendChild() {} } };
  w.setInterval = () => 1; w.clearInterval = () => {};
  w.setTimeout = setTimeout;
  w.crypto = globalThis.crypto;
  w.localStorage = (() => { const m = new Map(); return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)) }; })();
  const fetched = [];
  w.fetched = fetched;
  w.fetch = async (url) => { fetched.push(url); return { ok: true, json: async () => ({ mode: 'onboarding', pass_threshold: 100 }) }; };
  return w;
}
const finished = (w, d) => w.dispatchEvent(Object.assign(new Event('buyin:game-finished'), { detail: d }));

test('SCORM 1.2 with scorm-again: found through parent frames, progress reported and committed, LMSFinish on pagehide', async () => {
  const top = fakeWindow();
  top.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  top.API.loadFromJSON({ core: { student_id: 'u-42', student_name: 'Pereira, Ana' }, suspend_data: '{"lessons":["status_quo"]}' });
  const calls = [];
  for (const name of ['LMSInitialize', 'LMSSetValue', 'LMSCommit', 'LMSFinish']) {
    const orig = top.API[name].bind(top.API);
    top.API[name] = (...a) => { calls.push([name, ...a]); return orig(...a); };
  }
  const mid = fakeWindow({ parent: top });
  const sco = fakeWindow({ parent: fakeWindow({ parent: mid }) });
  let api;
  const seen = await capture(async () => {
    api = lms.start(sco, { dataset: {} });
    assert.equal(api.connected(), true);
    assert.equal(api.resumeData(), '{"lessons":["status_quo"]}', 'the earlier session\'s lessons reach the game');
    assert.equal(top.API.cmi.core.lesson_status, 'incomplete');
    assert.deepEqual(sco.fetched, ['buyin-lms.json'], 'inside an LMS the package config is read');
    finished(sco, { ...GAMES.lessonPassed, lesson: 'hidden_hints', lesson_index: 1, lessons_passed: ['status_quo', 'hidden_hints'] });
    await api.ready();
    assert.equal(top.API.cmi.core.score.raw, '40');
    assert.equal(top.API.cmi.core.score.min, '0');
    assert.equal(top.API.cmi.core.score.max, '100');
    assert.equal(top.API.cmi.suspend_data, '{"lessons":["status_quo","hidden_hints"]}');
    assert.equal(calls.at(-1)[0], 'LMSCommit', 'committed after the change');
    const st = api.statements();
    assert.equal(st.length, 3);
    assert.deepEqual(st[0].actor.account, { homePage: 'https://buyin.invalid/lms', name: 'u-42' });
    assert.equal(st[0].actor.name, 'Pereira, Ana');
    assert.deepEqual(api.pendingStatements(), [], 'no LRS configured: nothing queued to send');
    sco.dispatchEvent(new Event('pagehide'));
    sco.dispatchEvent(new Event('unload'));
  });
  assert.equal(calls.filter((c) => c[0] === 'LMSFinish').length, 1, 'LMSFinish once');
  assert.match(calls.find((c) => c[1] === 'cmi.core.session_time')[2], /^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  assert.deepEqual(seen, { warn: [], error: [] });
});

test('an LMS that refuses calls is reported with console.warn (error code and text), never console.error', async () => {
  const refusing = {
    last: '0',
    LMSInitialize() { this.last = '0'; return 'true'; },
    LMSGetValue(el) { this.last = el === 'cmi.suspend_data' ? '0' : '401'; return el === 'cmi.suspend_data' ? 'not json' : ''; },
    LMSSetValue() { this.last = '405'; return 'false'; },
    LMSCommit() { this.last = '301'; return 'false'; },
    LMSFinish() { this.last = '0'; return 'true'; },
    LMSGetLastError() { return this.last; },
    LMSGetErrorString(c) { return { 401: 'Not implemented error', 405: 'Incorrect Data Type', 301: 'Not initialized' }[c] || ''; },
    LMSGetDiagnostic() { return ''; },
  };
  // Found through window.opener when no parent has it.
  const opener = fakeWindow(); opener.API = refusing;
  const sco = fakeWindow({ opener });
  const seen = await capture(async () => {
    const api = lms.start(sco, { dataset: {} });
    finished(sco, GAMES.lessonPassed);
    await api.ready();
    assert.equal(api.resumeData(), '');
    sco.dispatchEvent(new Event('pagehide'));
  });
  assert.deepEqual(seen.error, []);
  assert.ok(seen.warn.some((m) => /LMSSetValue\("cmi.core.lesson_status", "incomplete"\) failed: error 405 Incorrect Data Type/.test(m)), seen.warn.join('\n'));
  assert.ok(seen.warn.some((m) => /LMSCommit\(""\) failed: error 301 Not initialized/.test(m)));
  assert.ok(seen.warn.some((m) => /not ours/.test(m)), 'foreign suspend_data is ignored with a warning');
});

test('no LMS: nothing is fetched or sent, statements are still kept for export', async () => {
  const alone = fakeWindow();
  let n = 0;
  alone.buyinGlue = { download: (name, mime, bytes) => { n++; assert.equal(name, 'buyin-xapi-statements.json'); assert.equal(JSON.parse(new TextDecoder().decode(bytes)).length, 2); } };
  const seen = await capture(async () => {
    const api = lms.start(alone, { dataset: {} });
    assert.equal(api.connected(), false);
    assert.equal(api.resumeData(), '');
    finished(alone, GAMES.practice);
    await api.ready();
    assert.equal(api.exportStatements().length, 2);
  });
  assert.equal(n, 1, 'one download');
  assert.deepEqual(alone.fetched, [], 'no request at all');
  assert.deepEqual(seen, { warn: [], error: [] });
  // Seven levels up is where the search stops.
  let w = fakeWindow(); w.API = new Scorm12API({ logLevel: 5 });
  const deep = [w];
  for (let i = 0; i < 8; i++) { w = fakeWindow({ parent: w }); deep.push(w); }
  assert.equal(lms.findApi(deep[7]), deep[0].API);
  assert.equal(lms.findApi(deep[8]), null);
});
