// The buyer model as the trainee meets it: a lesson's debrief lists what the lesson asks besides the
// score, each met or not; a game that did not end in a purchase says where the deal died, on screen
// and in the transcript export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, open, click, waitScreen, shot, ids, download, startFirstLesson, playCard } from './harness.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });


// Plays the card at `pick` (by position in the hand) until the meeting screen offers the debrief.
async function playOut(page, pick) {
  for (let i = 0; i < 80 && !(await ids(page, 'meeting.debrief')).length; i++) {
    const cards = await ids(page, 'meeting.card.');
    await playCard(page, cards[pick(i, cards.length)]);
  }
  await click(page, 'meeting.debrief');
  await waitScreen(page, 'debrief');
}

test('a lesson debrief lists the behaviour it asks for; a lost game says where the deal died', async () => {
  const { page, context, log } = await open(session);
  await startFirstLesson(page);
  // The last card of every hand: in the lesson's deck that is a pitch, pressure or a late move more
  // often than not, so the game is unlikely to be a purchase.
  await playOut(page, (i, n) => n - 1);
  await page.waitForTimeout(200);
  await shot(page, 'debrief-lesson-requirements');
  // Lesson 1 (the settled status quo) asks for a cost named by the buyer and no early pitch.
  const reqs = await ids(page, 'debrief.lesson.requirement.');
  assert.deepEqual(reqs.sort(), ['debrief.lesson.requirement.cost_named', 'debrief.lesson.requirement.no_early_pitch']);
  const json = JSON.parse((await download(page, 'debrief.download.json')).text);
  if (json.ending === 'purchase') {
    assert.equal(json.turning_point, '');
    assert.equal((await ids(page, 'debrief.turning_point')).length, 0);
  } else {
    assert.match(json.turning_point, /^(The deal died in meeting \d+, at "|Nothing you did pushed the buyer back)/);
    assert.equal((await ids(page, 'debrief.turning_point')).length, 1, 'the sentence is on screen');
  }
  assert.equal((await ids(page, 'debrief.lesson.passed')).length + (await ids(page, 'debrief.lesson.failed')).length, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});
