// The cards give nothing away: after onboarding a practice game and a challenge show the hand with
// no heading, word or order that names a card's kind of move; lesson 1 shows and explains them (the
// scaffolding that fades), and practice's "Coach hints" setting brings them back on request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSession, open, click, items, waitScreen, waitItem, shot, ids, download, startFirstLesson } from './harness.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

// What the meeting screen called each kind of move under its headings, and the trainer's words
// for the kinds (content/README.md, "Cards in the seller's voice"; lint's category_words).
const TITLES = ['Help them think', 'Cost of staying put', 'Bring people in', 'Listen', 'Give space', 'Get the facts',
  'Their value, their words', 'Present', 'Handle objections', 'Push to close', 'De-risk the choice'];
const WORDS = ['facilitative', 'facilitate', 'implication', 'involve', 'stakeholder', 'listen', 'give space', 'situation',
  'fact-finding', 'need-payoff', 'need payoff', 'payoff', 'pitch', 'presentation', 'present', 'rebut', 'rebuttal', 'objection',
  'argue', 'pressure', 'push', 'close', 'closing', 'urgency', 'de-risk', 'de_risk', 'involve_others', 'give_space', 'need_payoff'];
const wordRe = new RegExp(`(^|[^a-z])(${WORDS.map((w) => w.replace(/[-_]/g, '[-_ ]')).join('|')})([^a-z]|$)`, 'i');

// Every card on screen and every heading, read from what the UI publishes.
async function hand(page) {
  await waitItem(page, 'meeting.card.1');
  const all = await items(page);
  return {
    cards: all.filter((i) => i.id.startsWith('meeting.card.')).map((i) => i.name),
    headings: all.filter((i) => i.role === 'heading').map((i) => i.name),
  };
}

function assertNothingGivenAway({ cards, headings }, where) {
  assert.ok(cards.length >= 5, `${where}: a hand is on screen (${cards.length} cards)`);
  for (const h of headings) assert.ok(!TITLES.includes(h), `${where}: a category heading "${h}"`);
  for (const c of cards) assert.ok(!wordRe.test(c), `${where}: the card "${c}" names a kind of move`);
}

// Progress with every lesson passed, imported through Settings as a trainee would.
async function passOnboarding(page, settings = {}) {
  const lessons = JSON.parse(fs.readFileSync(path.resolve('content/onboarding.json'), 'utf8')).lessons;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'buyin-cards-')), 'progress.json');
  fs.writeFileSync(file, JSON.stringify({
    format: 'buyin-progress', version: 1, min_compatible: 1,
    settings: { font_percent: 100, high_contrast: false, show_numbers: false, player_name: 'Ada', team: 'Blue', ...settings },
    lessons_passed: lessons.map((l) => l.id), history: [],
  }));
  await click(page, 'title.settings');
  await waitScreen(page, 'settings');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'settings.import')]);
  await chooser.setFiles(file);
  await waitItem(page, 'settings.import.done');
}

async function startPractice(page, row = 2) {
  await click(page, 'title.practice');
  await waitScreen(page, 'practice');
  const rows = await ids(page, 'practice.scenario.');
  await click(page, rows[Math.min(row, rows.length - 1)]);
  await waitScreen(page, 'briefing');
  await click(page, 'briefing.start');
  await waitScreen(page, 'meeting');
}

// Plays a few moves by keyboard (the first card, or the first person when it needs a target),
// reading the hand before each.
async function readHands(page, n, where) {
  const seen = [];
  for (let i = 0; i < n && !(await ids(page, 'meeting.debrief')).length; i++) {
    const h = await hand(page);
    seen.push(h.cards);
    assertNothingGivenAway(h, `${where}, move ${i + 1}`);
    await page.keyboard.press('1');
    await page.waitForTimeout(120);
    if ((await ids(page, 'meeting.target.cancel')).length) { await page.keyboard.press('1'); await page.waitForTimeout(120); }
  }
  return seen;
}

test('after onboarding, a practice game shows cards with no heading or word naming their kind', async () => {
  const { page, context, log } = await open(session);
  await passOnboarding(page);
  const hints = await item0(page, 'settings.coach_hints');
  assert.equal(!!hints.checked, false, 'coach hints are off by default once onboarding is passed');
  await click(page, 'back');
  await startPractice(page);
  await shot(page, 'cards-practice');
  const seen = await readHands(page, 4, 'practice');
  assert.ok(seen.length >= 3, 'several hands were read');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('practice groups the cards under their kind until onboarding is passed, and again with "Coach hints" on', async () => {
  const fresh = await open(session);
  await startPractice(fresh.page);
  const first = await hand(fresh.page);
  assert.ok(first.headings.some((x) => TITLES.includes(x)), `before onboarding, coach hints are on: ${first.headings.join(' | ')}`);
  assert.deepEqual(fresh.log.errors, []);
  await fresh.context.close();

  const { page, context, log } = await open(session);
  await passOnboarding(page);
  await click(page, 'settings.coach_hints');
  await page.waitForFunction(() => window.buyin.items().some((i) => i.id === 'settings.coach_hints' && i.checked), null, { timeout: 5000 });
  await click(page, 'back');
  await startPractice(page);
  const h = await hand(page);
  assert.ok(h.headings.some((x) => TITLES.includes(x)), `category headings shown: ${h.headings.join(' | ')}`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('lesson 1 shows and explains the kinds of move; a challenge never does', async () => {
  const { page, context, log } = await open(session);
  await startFirstLesson(page);
  const lesson = await hand(page);
  await shot(page, 'cards-lesson1');
  const shown = lesson.headings.filter((x) => TITLES.includes(x));
  assert.ok(shown.length >= 2, `lesson 1 names the kinds of move: ${lesson.headings.join(' | ')}`);
  const coach = (await items(page)).map((i) => i.name).filter((n) => /kind of move/.test(n));
  assert.ok(coach.length >= 1, 'the coach says the cards are grouped by kind');

  // The organizer makes a challenge in this browser; a player opens its link in another.
  await click(page, 'leave').catch(() => {});
  await page.goto(session.url);
  await waitScreen(page, 'title');
  await click(page, 'title.challenge');
  await waitScreen(page, 'challenge');
  await click(page, 'challenge.tab.organize');
  await click(page, 'challenge.org.make');
  await waitItem(page, 'challenge.org.code');
  const link = (await download(page, 'challenge.org.download')).text.split('\n')[1];
  const b = await open(session, { waitReady: false });
  await passOnboarding(b.page, { coach_hints: true });  // even a trainee who wants hints gets none in a challenge
  await b.page.goto(link);
  await waitScreen(b.page, 'challenge');
  await click(b.page, 'challenge.play.name');
  await b.page.keyboard.type('Ada', { delay: 5 });
  await click(b.page, 'challenge.play.start');
  await waitScreen(b.page, 'briefing');
  await click(b.page, 'briefing.start');
  await waitScreen(b.page, 'meeting');
  await shot(b.page, 'cards-challenge');
  await readHands(b.page, 3, 'challenge');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(b.log.errors, []);
  await b.context.close();
  await context.close();
});

async function item0(page, id) {
  await waitItem(page, id);
  return (await items(page)).find((i) => i.id === id);
}
