// The notebook is the trainee's: a hint is heard and nothing appears until the trainee notes it;
// a note says what the line is about and whose it is; a right note raises the debrief's Listening
// line, and a note on a line that held no worry is put right, kindly, in the debrief.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSession, open, click, items, item, waitScreen, waitItem, shot, ids, playCard } from './harness.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

const notes = async (page) => (await ids(page, 'meeting.note.')).filter((i) => /^meeting\.note\.\d+$/.test(i));

// Lesson 2's buyer, Priya, is the only person in it: every worry is hers. What each of her worried
// lines is about comes from the scenario's own file (its constraints' hints and its "worry" lines),
// the answer key a trainee does not have.
const SCENARIO = JSON.parse(fs.readFileSync(path.resolve('content/scenarios/lesson_hidden_hints.json'), 'utf8'));
const WORRIES = new Map();
for (const c of SCENARIO.constraints.pool) {
  for (const h of c.hints) WORRIES.set(h, c.type);
  for (const l of SCENARIO.lines) if (l.kind === 'worry' && l.about === c.id) WORRIES.set(l.text, c.type);
}
const aboutOf = (text) => { for (const [t, type] of WORRIES) if (text.endsWith(`"${t}"`) || text.endsWith(t)) return type; return null; };
const worryHeard = async (page) => (await items(page)).some((x) => x.id.startsWith('meeting.transcript') && aboutOf(x.name));

// One move: a card that needs no target first (Priya is the only one to aim at anyway).
async function move(page, i) {
  const cards = await ids(page, 'meeting.card.');
  await playCard(page, cards[i % Math.min(3, cards.length)]);
}

test('a hint is heard, nothing is noted for the trainee; a right note raises Listening, a wrong one is put right', async () => {
  // Tall enough that the left panel's notebook form needs no scrolling.
  const { page } = await open(session, { viewport: { width: 1280, height: 1100 }, waitReady: false, hash: '#scenario=lesson_hidden_hints' });
  await waitScreen(page, 'briefing');
  await click(page, 'briefing.start');
  await waitScreen(page, 'meeting');
  assert.deepEqual(await notes(page), [], 'the notebook starts empty');

  // Play until Priya voices a worry.
  let heard = false;
  for (let i = 0; i < 40 && !heard && !(await ids(page, 'meeting.debrief')).length; i++) {
    await move(page, i);
    heard = await worryHeard(page);
  }
  assert.ok(heard, 'Priya voiced a worry');
  assert.deepEqual(await notes(page), [], 'nothing appears in the notebook until the trainee notes it');

  // Note the line that voiced it: the latest, or an earlier one, read as the trainee hears it.
  await click(page, 'meeting.note.latest');
  await waitItem(page, 'meeting.note.line');
  let about = null;
  for (let k = 0; k < 40; k++) {
    await page.waitForTimeout(100);  // a frame to show the line picked
    const line = await item(page, 'meeting.note.line');
    about = aboutOf(line.name);
    if (about) break;
    await click(page, 'meeting.note.earlier');
  }
  assert.ok(about, 'one of the lines voices a worry of Priya\'s');
  await shot(page, 'notebook-form');
  const save = await item(page, 'meeting.note.save');
  assert.equal(save.disabled, true, 'nothing is chosen for the trainee: no note before they say what and whose');
  await click(page, `meeting.note.about.${about}`);
  await click(page, 'meeting.note.whose.priya');
  await page.waitForFunction(() => window.buyin.items().some((x) => x.id === 'meeting.note.save' && !x.disabled), null, { timeout: 5000 });
  await click(page, 'meeting.note.save');
  await waitItem(page, 'meeting.note.1');
  const written = await item(page, 'meeting.note.1');
  assert.match(written.name, /Priya Natarajan's/, 'the note says whose it is');

  // A second note on the buyer's very first line, which only reacted: a wrong note.
  await click(page, 'meeting.note.latest');
  await waitItem(page, 'meeting.note.line');
  for (let k = 0; k < 40; k++) {
    await page.waitForTimeout(100);
    const earlier = await item(page, 'meeting.note.earlier');
    if (earlier.disabled) break;
    await click(page, 'meeting.note.earlier');
  }
  await page.waitForTimeout(100);
  const first = await item(page, 'meeting.note.line');
  const wrongNote = !aboutOf(first.name);
  if (wrongNote) {
    await click(page, 'meeting.note.about.timing');
    await click(page, 'meeting.note.whose.priya');
    await page.waitForFunction(() => window.buyin.items().some((x) => x.id === 'meeting.note.save' && !x.disabled), null, { timeout: 5000 });
    await click(page, 'meeting.note.save');
    await waitItem(page, 'meeting.note.2');
  } else {
    await click(page, 'meeting.note.cancel');
  }

  for (let i = 0; i < 60 && !(await ids(page, 'meeting.debrief')).length; i++) await move(page, i);
  await click(page, 'meeting.debrief');
  await waitScreen(page, 'debrief');
  await page.waitForTimeout(200);
  await shot(page, 'notebook-debrief');

  // The score's Listening line: label, then points.
  const all = await items(page);
  const at = all.findIndex((x) => x.id.startsWith('debrief.breakdown.') && x.name === 'Listening');
  assert.ok(at >= 0, 'the score has a Listening line');
  const points = Number(all[at + 1].name);
  assert.equal(points, wrongNote ? 4 - 2 : 4, 'a right note is worth 4, a wrong one takes 2 back');
  const n1 = await item(page, 'debrief.note.1');
  assert.match(n1.name, /^Right\./, 'the right note is confirmed');
  if (wrongNote) {
    const n2 = await item(page, 'debrief.note.2');
    assert.match(n2.name, /^Not quite\..*held no worry/, 'the wrong note is put right, kindly');
  }
});
