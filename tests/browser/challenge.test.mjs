// Team competitions with no server: an organizer's link opens the right buyer for every player,
// result codes are verified by replay and ranked, a hand-edited code is refused with its reason,
// and the leaderboard exports CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSession, open, click, items, waitScreen, waitItem, shot, ids, download } from './harness.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });



async function typeInto(page, id, text) {
  await click(page, id);
  await page.keyboard.type(text, { delay: 5 });
}

// A player opens the link, plays to the end by keyboard with a fixed pattern, and downloads
// their result code and transcript.
async function playChallenge(link, name, team, pattern) {
  const { page, context, log } = await open(session, { waitReady: false });
  await page.goto(link);
  await waitScreen(page, 'challenge');
  const game = (await ids(page, 'challenge.play.game.'))[0];
  await typeInto(page, 'challenge.play.name', name);
  await typeInto(page, 'challenge.play.team', team);
  await click(page, 'challenge.play.start');
  await waitScreen(page, 'briefing');
  await click(page, 'briefing.start');
  await waitScreen(page, 'meeting');
  let sawVerdict = false;
  for (let i = 0; i < 150 && !(await ids(page, 'meeting.debrief')).length; i++) {
    await page.keyboard.press(String(pattern[i % pattern.length]));
    await page.waitForTimeout(50);
    sawVerdict ||= (await ids(page, 'meeting.verdict.')).length > 0;
  }
  assert.equal(sawVerdict, false, 'competition rules hold verdicts back during play');
  await shot(page, `challenge-end-${name}`);
  // The last key may already have opened the debrief ("1" there means "See the debrief").
  if ((await page.evaluate(() => window.buyin.screen())) !== 'debrief') await click(page, 'meeting.debrief');
  await waitScreen(page, 'debrief');
  await shot(page, `challenge-debrief-${name}`);
  const code = (await download(page, 'debrief.download_code')).text.trim();
  const json = JSON.parse((await download(page, 'debrief.download.json')).text);
  assert.deepEqual(log.errors, []);
  await context.close();
  return { code, json, game };
}

test('a challenge link, two players, a verified and ranked leaderboard, a refused forgery, and CSV', async () => {
  // The organizer makes a challenge.
  const { page, context, log } = await open(session);
  await click(page, 'title.challenge');
  await waitScreen(page, 'challenge');
  await click(page, 'challenge.tab.organize');
  await click(page, 'challenge.org.make');
  const made = (await waitItem(page, 'challenge.org.code')) && (await ids(page, 'challenge.org.game.'))[0];
  await shot(page, 'challenge-organize');
  const file = (await download(page, 'challenge.org.download')).text.split('\n');
  const [code, link] = file;
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/.*#/);
  assert.ok(link.endsWith(code));
  const [, , , scenario, seed] = made.split('.');

  // Two players open the link: both get the organizer's scenario and seed.
  const ada = await playChallenge(link, 'Ada', 'Blue', [1, 2, 1, 3]);
  const bo = await playChallenge(link, 'Bo', 'Red', [5, 6, 7, 1]);
  for (const p of [ada, bo]) {
    assert.equal(p.game, `challenge.play.game.${scenario}.${seed}`);
    assert.equal(p.json.scenario, scenario);
    assert.equal(p.json.seed, seed);
  }

  // A hand-edited code: one character of Bo's moves changed.
  const i = Math.floor(bo.code.length * 0.6);
  const forged = bo.code.slice(0, i) + (bo.code[i] === 'A' ? 'B' : 'A') + bo.code.slice(i + 1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buyin-codes-'));
  const files = [['ada.txt', ada.code], ['bo.txt', bo.code], ['forged.txt', forged]].map(([n, t]) => {
    fs.writeFileSync(path.join(dir, n), t + '\n');
    return path.join(dir, n);
  });

  // The organizer comes back to their tab and loads the three files into the leaderboard.
  await page.bringToFront();
  await shot(page, 'challenge-organizer-back');
  await click(page, 'challenge.tab.board');
  await page.waitForTimeout(200);
  await shot(page, 'challenge-board-tab');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'board.open')]);
  await chooser.setFiles(files);
  await page.waitForTimeout(300);
  await click(page, 'board.verify');
  await waitItem(page, 'board.summary.2.1');
  const refused = await ids(page, 'board.refused.');
  assert.equal(refused.length, 1);
  assert.match(refused[0], /^board\.refused\.3\.(tampered|malformed|truncated)$/);
  const ranked = (await ids(page, 'board.player.')).map((x) => x.split('.').slice(2));
  const expectFirst = ada.json.score >= bo.json.score ? 'Ada' : 'Bo';
  assert.equal(ranked[0][1], expectFirst);
  assert.equal(ranked.length, 2);
  await shot(page, 'leaderboard');

  const csv = (await download(page, 'board.csv')).text.trim().split('\n');
  assert.equal(csv[0], 'section,rank,player,team,score,meetings,ending,games,status');
  const players = csv.filter((l) => l.startsWith('player,'));
  assert.equal(players.length, 2);
  assert.ok(players[0].includes(`"${expectFirst}"`));
  const adaRow = players.find((l) => l.includes('"Ada"')).split(',');
  assert.equal(Number(adaRow[4]), ada.json.score, 'the leaderboard score is the replayed one');
  assert.equal(csv.filter((l) => l.startsWith('team,')).length, 2);
  assert.equal(csv.filter((l) => l.startsWith('refused,')).length, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a damaged challenge link says what is wrong instead of starting a game', async () => {
  const { page, context } = await open(session, { waitReady: false, hash: '#not-a-real-code' });
  await waitScreen(page, 'challenge');
  await waitItem(page, 'challenge.play.error');
  assert.equal((await ids(page, 'challenge.play.opened')).length, 0);
  await context.close();
});

test('a challenge link opened in a tab already running the game opens that challenge', async () => {
  const org = await open(session);
  await click(org.page, 'title.challenge');
  await click(org.page, 'challenge.tab.organize');
  await click(org.page, 'challenge.org.make');
  const link = (await download(org.page, 'challenge.org.download')).text.split('\n')[1];
  const game = (await ids(org.page, 'challenge.org.game.'))[0].replace('challenge.org.game.', 'challenge.play.game.');
  await org.context.close();
  const { page, context, log } = await open(session);  // the game is already running on its title screen
  // Every published frame of the challenge screen is kept: the very first must show the play tab
  // with the linked game (ImGui selects a tab one frame late, and it had shown the organizer's).
  await page.evaluate(() => {
    const glue = window.buyinGlue, set = glue.setUiState.bind(glue);
    window.challengeFrames = [];
    glue.setUiState = (json) => {
      const s = JSON.parse(json);
      if (s.screen === 'challenge') window.challengeFrames.push(s.items.map((i) => i.id));
      set(json);
    };
  });
  await page.goto(link);                                // only the '#' part changes: no reload
  await waitScreen(page, 'challenge');
  await waitItem(page, game);
  const first = await page.evaluate(() => window.challengeFrames[0]);
  assert.ok(first.includes(game), `the first frame shows the linked game: ${first.join(', ')}`);
  assert.ok(!first.some((id) => id.startsWith('challenge.org.')), `and not the organizer's tab: ${first.join(', ')}`);
  assert.deepEqual(log.errors, []);
  await context.close();
});
