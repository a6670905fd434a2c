// The packaged SCO inside an LMS, end to end: the zip from tools/package-scorm is unzipped and
// served on 127.0.0.1 under a parent page that runs scorm-again's SCORM 1.2 API (what an LMS
// does); lessons are played with real clicks in headless Chromium; the test reads what the LMS
// received. The package is configured with an LRS: a stand-in on 127.0.0.1 records every request,
// and every statement it receives is checked with Learning Locker's xAPI validator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { click, items, waitScreen } from '../browser/harness.mjs';
import { NO_WEB, packageScorm, hostLms, scoView, onboarding } from './lib.mjs';

const require = createRequire(import.meta.url);
const validate = require('@learninglocker/xapi-validation').default;
const ARGS = ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LESSONS = onboarding.lessons.map((l) => l.id);
const AUTH = 'lms-test:s3cret/é';

let browser, host, lrs;
const received = [];   // what the LRS stand-in saw: {method, path, headers, body}

// A small LRS: answers the CORS preflight a browser sends for a cross-origin POST with
// Authorization, stores statements, and answers with their ids as an LRS does.
function startLrs() {
  const server = http.createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': req.headers.origin || '*', 'Access-Control-Allow-Methods': 'POST, PUT, GET, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version', 'Access-Control-Max-Age': '60' };
    let body = '';
    req.on('data', (c) => { body += c; if (body.length > 1e6) req.destroy(); });
    req.on('end', () => {
      received.push({ method: req.method, path: req.url, headers: req.headers, body });
      if (req.method === 'OPTIONS') { res.writeHead(204, cors).end(); return; }
      if (req.method !== 'POST' || req.url !== '/xapi/statements') { res.writeHead(404, cors).end(); return; }
      let list;
      try { list = JSON.parse(body); } catch { res.writeHead(400, cors).end('bad json'); return; }
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' })
        .end(JSON.stringify((Array.isArray(list) ? list : [list]).map((s) => s.id)));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

before(async () => {
  if (NO_WEB) return;
  lrs = await startLrs();
  const zip = packageScorm(['--xapi-endpoint', `http://127.0.0.1:${lrs.address().port}/xapi/`, '--xapi-auth', AUTH]);
  host = await hostLms(zip);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
});
after(async () => {
  if (browser) await browser.close();
  if (host) await host.close();
  if (lrs) await new Promise((r) => lrs.close(r));
});

// The LMS page with the SCO in its frame; `cmi` is what an earlier session left in the LMS.
async function launch(cmi = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  const log = { errors: [], warnings: [], foreign: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('request', (r) => { const u = new URL(r.url()); if (!['blob:', 'data:'].includes(u.protocol) && u.hostname !== '127.0.0.1') log.foreign.push(r.url()); });
  await page.goto(host.url + (cmi ? `?cmi=${encodeURIComponent(JSON.stringify(cmi))}` : ''));
  const sco = scoView(page);
  await page.waitForFunction(() => document.getElementById('sco'));
  for (let i = 0; i < 100 && !sco.frame(); i++) await page.waitForTimeout(50);
  await waitScreen(sco, 'title', 30000);
  return { page, context, sco, log, lms: () => page.evaluate(() => window.lmsState()), calls: () => page.evaluate(() => window.lmsCalls) };
}

const ids = async (sco, prefix) => (await items(sco)).filter((i) => i.id.startsWith(prefix)).map((i) => i.id);

// Plays the open lesson to its end: each move is the card `pick(cards, moveNumber)`, aimed at the
// first person offered. Returns the game summary the page was given.
async function playLesson(sco, lessonId, pick) {
  await click(sco, 'title.onboarding');
  await waitScreen(sco, 'onboarding');
  await click(sco, `onboarding.lesson.${lessonId}`);
  await waitScreen(sco, 'briefing');
  await click(sco, 'briefing.start');
  await waitScreen(sco, 'meeting');
  for (let i = 0; i < 100 && !(await ids(sco, 'meeting.debrief')).length; i++) {
    const cards = await ids(sco, 'meeting.card.');
    if (!cards.length) { await sco.waitForTimeout(50); continue; }
    // Waits on a definite outcome (the move counted, or the target picker open), not on "any
    // change": a mouse press and its release can reach the game in separate frames.
    const played = async () => Number(((await ids(sco, 'meeting.result.'))[0] || 'meeting.result.0').split('.')[2]);
    const before = await played();
    // EXPERT: the move the game's expert search would play (window.buyin.suggest), card and person.
    const hint = pick === EXPERT ? await sco.evaluate(() => window.buyin.suggest()) : null;
    await click(sco, hint ? hint.card : cards[pick(cards, i)]);
    await sco.waitForFunction((k) => window.buyin.items().some((x) => x.id === 'meeting.target.cancel' ||
      x.id === `meeting.result.${k}` || x.id === 'meeting.debrief'), before + 1, { timeout: 5000 });
    const targets = (await ids(sco, 'meeting.target.')).filter((t) => t !== 'meeting.target.cancel');
    if (targets.length) {
      await click(sco, hint && hint.target ? hint.target : targets[0]);
      await sco.waitForFunction((k) => window.buyin.items().some((x) => x.id === `meeting.result.${k}` || x.id === 'meeting.debrief'),
        before + 1, { timeout: 5000 });
    }
  }
  await click(sco, 'meeting.debrief');
  await waitScreen(sco, 'debrief');
  await sco.waitForFunction(() => window.buyin.lastGame() !== null, null, { timeout: 5000 });
  await sco.evaluate(() => window.buyinLms.ready());
  return sco.evaluate(() => window.buyin.lastGame());
}

// A lesson is passed with its score and the behaviour it teaches, which clicking the first cards
// of each hand does not give: the passing play follows the expert's search (window.buyin.suggest),
// which passes every lesson. Pushing cards sit near the end of a hand, so PUSHER fails.
const EXPERT = 'expert';
const HELPER = EXPERT;
const PUSHER = (cards) => cards.length - 2 >= 0 ? cards.length - 2 : 0;

test('a lesson played to the end: the LMS gets incomplete, 20 of 0..100 and the lesson in suspend_data; LMSFinish on leaving', { skip: NO_WEB }, async () => {
  const { page, context, sco, log, lms, calls } = await launch();
  assert.equal(await sco.evaluate(() => window.buyinLms.connected()), true, 'the SCO found the LMS API in its parent');
  assert.equal((await lms()).status, 'incomplete', 'incomplete as soon as the SCO starts');
  const game = await playLesson(sco, LESSONS[0], HELPER);
  assert.equal(game.passed, true, `the helping play passes the first lesson (score ${game.score}, pass ${game.pass_score})`);
  const s = await lms();
  assert.deepEqual({ status: s.status, raw: s.raw, min: s.min, max: s.max }, { status: 'incomplete', raw: '20', min: '0', max: '100' });
  assert.deepEqual(JSON.parse(s.suspend), { lessons: [LESSONS[0]] });
  assert.equal(s.exit, 'suspend');
  const c = await calls();
  assert.equal(c[0].name, 'LMSInitialize');
  assert.ok(c.every((x) => x.error === '0'), `every call succeeded: ${JSON.stringify(c.filter((x) => x.error !== '0'))}`);
  const lastSet = c.map((x) => x.name).lastIndexOf('LMSSetValue');
  assert.ok(c.slice(lastSet).some((x) => x.name === 'LMSCommit'), 'committed after the last change');
  // The page's export holds this game's statements, the very ones the LRS received.
  const [dl] = await Promise.all([page.waitForEvent('download'), sco.evaluate(() => { window.buyinLms.exportStatements(); })]);
  assert.equal(dl.suggestedFilename(), 'buyin-xapi-statements.json');
  const exported = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  const posted = received.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body));
  assert.equal(exported.length, 3);
  assert.deepEqual(posted.at(-1), exported);
  assert.equal(exported[0].actor.name, 'Buy-In player', 'no LMS learner id and no name set: an anonymous local account');
  // Leaving the SCO (the LMS closes the frame) finishes the session once, with its time.
  await page.evaluate(() => { document.getElementById('sco').src = 'about:blank'; });
  await page.waitForFunction(() => window.lmsCalls.some((x) => x.name === 'LMSFinish'), null, { timeout: 5000 });
  const after = await calls();
  assert.equal(after.filter((x) => x.name === 'LMSFinish').length, 1);
  assert.equal(after.find((x) => x.name === 'LMSFinish').result, 'true');
  assert.match((await lms()).session_time, /^\d{4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.warnings.filter((w) => w.includes('[buyin lms]')), [], 'no LMS or LRS problem reported');
  assert.deepEqual(log.foreign, []);
  await context.close();
});

test('a failed lesson (pushing moves): still incomplete, score 0, nothing in suspend_data', { skip: NO_WEB }, async () => {
  const { context, sco, log, lms } = await launch();
  const game = await playLesson(sco, LESSONS[0], PUSHER);
  assert.equal(game.passed, false, `the pushing play fails the first lesson (score ${game.score}, pass ${game.pass_score})`);
  const s = await lms();
  assert.deepEqual({ status: s.status, raw: s.raw, min: s.min, max: s.max }, { status: 'incomplete', raw: '0', min: '0', max: '100' });
  assert.deepEqual(JSON.parse(s.suspend), { lessons: [] });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a resumed session: suspend_data from the LMS unlocks the second lesson, and only that one', { skip: NO_WEB }, async () => {
  const { context, sco, log, lms } = await launch({ core: { lesson_status: 'incomplete', entry: 'resume', student_id: 'u-7', student_name: 'Okafor, Ada' },
    suspend_data: JSON.stringify({ lessons: [LESSONS[0]] }) });
  assert.equal((await lms()).status, 'incomplete');
  await click(sco, 'title.onboarding');
  await waitScreen(sco, 'onboarding');
  await click(sco, `onboarding.lesson.${LESSONS[2]}`);   // still locked: nothing happens
  await sco.waitForTimeout(300);
  assert.equal(await sco.evaluate(() => window.buyin.screen()), 'onboarding', 'the third lesson stays locked');
  await click(sco, `onboarding.lesson.${LESSONS[1]}`);
  await waitScreen(sco, 'briefing');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the end of the path: four lessons resumed, the last one failed, the LMS gets failed with 80', { skip: NO_WEB }, async () => {
  const { context, sco, log, lms } = await launch({ core: { lesson_status: 'incomplete', entry: 'resume', student_id: 'u-9', student_name: 'Okafor, Ada' },
    suspend_data: JSON.stringify({ lessons: LESSONS.slice(0, 4) }) });
  const game = await playLesson(sco, LESSONS[4], PUSHER);
  assert.equal(game.passed, false, `the pushing play fails the last lesson (score ${game.score})`);
  const s = await lms();
  assert.deepEqual({ status: s.status, raw: s.raw }, { status: 'failed', raw: '80' });
  assert.deepEqual(JSON.parse(s.suspend), { lessons: LESSONS.slice(0, 4) });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('xAPI: the statements of those games reached the LRS stand-in, valid, with the right headers; the export matches', { skip: NO_WEB }, async () => {
  const posts = received.filter((r) => r.method === 'POST');
  assert.equal(posts.length, 3, `one POST per finished game, got ${received.map((r) => `${r.method} ${r.path}`)}`);
  const statements = [];
  for (const p of posts) {
    assert.equal(p.path, '/xapi/statements');
    assert.equal(p.headers['x-experience-api-version'], '1.0.3');
    assert.equal(p.headers.authorization, 'Basic ' + Buffer.from(AUTH, 'utf8').toString('base64'));
    assert.match(p.headers['content-type'], /^application\/json/);
    const list = JSON.parse(p.body);
    assert.ok(Array.isArray(list) && list.length >= 2);
    statements.push(...list);
  }
  for (const s of statements) assert.deepEqual(validate(s).map((w) => String(w.message || w)), [], JSON.stringify(s));
  const verbs = statements.map((s) => s.verb.id.replace('http://adlnet.gov/expapi/verbs/', ''));
  assert.deepEqual(verbs, ['attempted', 'completed', 'passed', 'attempted', 'completed', 'failed', 'attempted', 'completed', 'failed']);
  for (const s of statements) {
    assert.match(s.object.id, /^https:\/\/buyin\.invalid\/activities\/lesson_/);
    assert.match(s.result ? s.result.duration || 'PT0S' : 'PT0S', /^PT(\d+H)?(\d+M)?\d+(\.\d+)?S$/);
  }
  assert.deepEqual(statements[2].result.success, true);
  assert.equal(statements[6].context.extensions['https://buyin.invalid/extensions/lesson'], LESSONS[4]);
  // The resumed learner is named from the LMS (cmi.core.student_id / student_name).
  assert.deepEqual(statements[6].actor, { objectType: 'Agent', name: 'Okafor, Ada', account: { homePage: 'https://buyin.invalid/lms', name: 'u-9' } });
  // The browser asked first (CORS preflight) for exactly these headers.
  const pre = received.filter((r) => r.method === 'OPTIONS');
  assert.ok(pre.length >= 1 && pre.every((r) => r.path === '/xapi/statements'));
  assert.match(pre[0].headers['access-control-request-headers'], /authorization/);
});
