// Typed play's remaining gaps (issue 20): "try from here" keeps the trainee's own words for the
// typed moves it replays (in the meeting's transcript and in the branch's exports); a screen reader
// hears how the game read a typed sentence, with the buyer's reply and the verdict; the saved
// history says a game was typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSession, open, click, items, item, waitItem, waitScreen, shot, ids, movesPlayed, startFirstLesson, playCard, download } from './harness.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

// ---- helpers ----------------------------------------------------------------------------------

// Opens the text field and waits for the reader.
async function openTyping(page) {
  await click(page, 'meeting.typed.open');
  await waitItem(page, 'meeting.typed.field');
  await page.waitForFunction(() => window.buyin.items().some((x) => x.id === 'meeting.typed.say' && !x.disabled), null, { timeout: 15000 });
}

// Types a sentence and plays it: read outright, or (when the reader is unsure) its first reading,
// which keeps the words too. Returns the move's number.
async function sayMove(page, text) {
  const before = await movesPlayed(page);
  await click(page, 'meeting.typed.field');
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.waitForFunction((k) => window.buyin.items().some((x) => x.id === `meeting.result.${k}` || x.id === 'meeting.debrief' ||
    x.id.startsWith('meeting.typed.reading.')), before + 1, { timeout: 5000 });
  if ((await ids(page, 'meeting.typed.reading.')).length) {
    await click(page, 'meeting.typed.reading.1');
    await page.waitForFunction((k) => window.buyin.items().some((x) => x.id === `meeting.result.${k}` || x.id === 'meeting.debrief'),
      before + 1, { timeout: 5000 });
  }
  return before + 1;
}

// Plays the first card until the game ends, then opens the debrief.
async function cardsToDebrief(page) {
  if ((await ids(page, 'meeting.typed.cards')).length) await click(page, 'meeting.typed.cards');
  for (let i = 0; i < 80 && !(await ids(page, 'meeting.debrief')).length; i++) {
    await waitItem(page, 'meeting.card.1').catch(() => {});
    if ((await ids(page, 'meeting.debrief')).length) break;
    await playCard(page, 'meeting.card.1');
  }
  await waitItem(page, 'meeting.debrief');
  await click(page, 'meeting.debrief');
  await waitScreen(page, 'debrief');
}

const youSaid = async (page) =>
  (await items(page)).filter((x) => x.id.startsWith('meeting.transcript') && x.name.startsWith('You: ')).map((x) => x.name.slice(5));

// What the live region says once it has spoken (it is cleared, then set 20 ms later).
async function spoken(page, pattern) {
  await page.waitForFunction((p) => new RegExp(p).test(document.getElementById('announcer').textContent || ''), pattern.source,
    { timeout: 5000 }).catch(() => {});
  return page.textContent('#announcer');
}

// ---- 1. "try from here" keeps the typed words -----------------------------------------------------

test('"Try from here" on a typed game keeps the trainee\'s own words in the branch\'s transcript and exports', async () => {
  const { page, log } = await open(session);
  await startFirstLesson(page);
  await openTyping(page);
  const first = 'What has kept you from fixing this until now?';
  const second = 'Where does this leave you in a year?';
  await sayMove(page, first);
  await sayMove(page, second);
  assert.deepEqual(await youSaid(page), [first, second], 'the live game keeps the typed words');
  await cardsToDebrief(page);

  await click(page, 'debrief.branch.2');
  await waitScreen(page, 'meeting');
  await waitItem(page, 'meeting.status');
  const said = await youSaid(page);
  assert.deepEqual(said, [first], `the branch replays move 1 in the trainee's words, not the card's: ${said.join(' | ')}`);
  await shot(page, 'typed-branched');

  // The branch played on to its end: its exports say the typed words of move 1 too.
  await cardsToDebrief(page);
  const txt = (await download(page, 'debrief.download.txt')).text;
  assert.match(txt, new RegExp(`You \\(Seller\\): ${first.replace('?', '\\?')}`), 'the text export keeps the typed words');
  assert.ok(!txt.includes(second), 'the move left behind by the branch is gone');
  const json = JSON.parse((await download(page, 'debrief.download.json')).text);
  const seller = json.transcript.filter((l) => l.speaker === 'You');
  assert.equal(seller[0].text, first, 'the JSON export keeps the typed words');
  assert.equal(seller[0].typed, true, 'and marks them as typed');
  assert.ok(seller.slice(1).every((l) => l.typed === undefined), 'cards are not marked typed');
  assert.deepEqual(log.errors, [], 'no console errors');
});

// ---- 2. "Heard as" is spoken ------------------------------------------------------------------------

test('the live region says how a typed sentence was heard, then the buyer\'s reply, then the verdict', async () => {
  const { page, log } = await open(session);
  await startFirstLesson(page);
  await waitItem(page, 'meeting.card.1');
  // A card first: nothing about hearing is said for it.
  await playCard(page, 'meeting.card.1');
  const card = await spoken(page, /points/);
  assert.match(card, /(Facilitated|Neutral|Pushed|Harmful), -?\d+ points/, card);
  assert.doesNotMatch(card, /Heard as/, 'a card is not "heard"');

  await openTyping(page);
  await sayMove(page, 'What has kept you from fixing this until now?');
  const heard = (await item(page, 'meeting.heard')).name;
  const text = await spoken(page, /^Heard as/);
  assert.ok(text.startsWith(heard), `the announcement starts with what the screen shows as heard: "${heard}" / "${text}"`);
  const verdictAt = text.search(/(Facilitated|Neutral|Pushed|Harmful), -?\d+ points/);
  assert.ok(verdictAt > heard.length, `the verdict comes after the reading: ${text}`);
  // The buyer's reply sits between them, as the conversation went (the transcript's last line).
  const lines = (await items(page)).filter((x) => x.id.startsWith('meeting.transcript')).map((x) => x.name);
  const after = lines.slice(lines.map((l) => l.startsWith('You: ')).lastIndexOf(true) + 1);
  const first = after.find((l) => /^[^:,]+, [^:]+: /.test(l));
  assert.ok(first, `the buyer replied: ${after.join(' | ')}`);
  const reply = first.replace(/^([^:,]+), [^:]+: /, '$1: ');
  const replyAt = text.indexOf(reply);
  assert.ok(replyAt > heard.length && replyAt < verdictAt, `the buyer's reply "${reply}" between the reading and the verdict: ${text}`);
  assert.deepEqual(log.errors, [], 'no console errors');
});

// ---- 3. the saved history says a game was typed -----------------------------------------------------

// A save as the build before typed games wrote it: it still loads, its game shown as played by cards.
const saveBeforeTyped = JSON.stringify({
  format: 'buyin-progress', version: 1, min_compatible: 1,
  settings: { font_percent: 100, high_contrast: false, show_numbers: false, player_name: 'Ana', team: 'North' },
  lessons_passed: [],
  history: [{ mode: 'practice', scenario: 'clinic_intake', seed: '7', moves: '', content_hash: '00ff00ff00ff00ff', ending: 'no_decision',
    finished_at: '2026-11-23T10:00:00Z', score: 12, meetings: 4, discovered: 0, progress: 0, pitch_timing: 0, trust: 0, cycle: 0 }],
});

async function historyRows(page) {
  await click(page, 'title.practice');
  await waitScreen(page, 'practice');
  await click(page, 'practice.tab.history');
  await waitItem(page, 'history.game.1');
  const rows = (await items(page)).filter((x) => /^history\.game\.\d+$/.test(x.id)).sort((a, b) => a.id.localeCompare(b.id));
  return rows.map((x) => x.name);
}

test('the saved history says which games were typed, in the list and in the file; an older save still loads', async () => {
  const { page, context, log } = await open(session);
  // One lesson by cards, then the same lesson with a typed move.
  await startFirstLesson(page);
  await cardsToDebrief(page);
  await click(page, 'back');
  await startFirstLesson(page);
  await openTyping(page);
  await sayMove(page, 'What has kept you from fixing this until now?');
  await cardsToDebrief(page);
  await click(page, 'back');
  const rows = await historyRows(page);
  assert.equal(rows.length, 2, rows.join(' | '));
  assert.doesNotMatch(rows[0], /typed/, `the cards game: ${rows[0]}`);
  assert.match(rows[1], /, onboarding, typed, score /, `the typed game: ${rows[1]}`);
  await shot(page, 'history-typed');
  await click(page, 'back');
  await click(page, 'title.settings');
  await waitScreen(page, 'settings');
  const saved = JSON.parse((await download(page, 'settings.export')).text);
  assert.equal(saved.version, 1, 'an optional key: the format stays version 1, readable by older builds');
  assert.equal(saved.history[0].typed, undefined);
  assert.equal(saved.history[1].typed, true);
  assert.deepEqual(log.errors, [], 'no console errors');
  await context.close();

  // Another browser imports a save written before typed games: it loads without a complaint.
  const b = await open(session);
  await click(b.page, 'title.settings');
  await waitScreen(b.page, 'settings');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'buyin-old-save-')), 'buyin-progress.json');
  fs.writeFileSync(file, saveBeforeTyped);
  const [chooser] = await Promise.all([b.page.waitForEvent('filechooser'), click(b.page, 'settings.import')]);
  await chooser.setFiles(file);
  const done = await waitItem(b.page, 'settings.import.done');
  assert.match(done.name, /Imported buyin-progress\.json: 1 /, done.name);
  // The same save with a damaged "typed": the game is kept, and the message says what and where.
  const bad = JSON.parse(saveBeforeTyped);
  bad.history[0].typed = 'yes';
  bad.history[0].finished_at = '2026-11-24T10:00:00Z';
  fs.writeFileSync(file, JSON.stringify(bad));
  const [chooser2] = await Promise.all([b.page.waitForEvent('filechooser'), click(b.page, 'settings.import')]);
  await chooser2.setFiles(file);
  await b.page.waitForFunction(() => window.buyin.items().some((x) => x.name === 'Skipped: history/0/typed: expected true or false'), null,
    { timeout: 5000 });
  await click(b.page, 'back');
  const old = await historyRows(b.page);
  assert.equal(old.length, 2, old.join(' | '));
  for (const row of old) assert.match(row, /, practice, score 12, /, row);
  assert.deepEqual(b.log.errors, [], 'no console errors');
  await b.context.close();
});
