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
// their result code and transcript. keep: leave the page open (returned) for more steps.
async function playChallenge(link, name, team, pattern, { keep = false } = {}) {
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
  if (keep) return { code, json, game, page, context, log };
  await context.close();
  return { code, json, game };
}

// The organizer's tab: makes a challenge (per-player seeds on, as by default) and returns its code,
// link, game id and close code (shown on request, as when the round ends).
async function organize(page) {
  await click(page, 'title.challenge');
  await waitScreen(page, 'challenge');
  await click(page, 'challenge.tab.organize');
  await click(page, 'challenge.org.make');
  await waitItem(page, 'challenge.org.code');
  const game = (await ids(page, 'challenge.org.game.'))[0];
  const shared = (await download(page, 'challenge.org.download')).text;
  const [code, link] = shared.split('\n');
  const closeButton = (await ids(page, 'challenge.org.close.'))[0];
  assert.equal((await ids(page, 'challenge.org.close_code')).length, 0, 'the close code is not shown until asked for');
  await click(page, closeButton);
  const close = (await download(page, 'challenge.org.download_close')).text.trim();
  assert.match(close, /^K[A-Za-z0-9_-]+$/);
  assert.ok(!shared.includes(close), 'the file players get holds no close code');
  return { code, link, game, close };
}

async function typeFresh(page, id, text) {
  await click(page, id);
  await page.keyboard.press('End');  // the click may land mid-text
  for (let i = 0; i < 40; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 5 });
  await page.waitForTimeout(100);
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

  // Two players open the link: both get the organizer's challenge and, with per-player seeds
  // (the default), each their own buyer of that scenario.
  const ada = await playChallenge(link, 'Ada', 'Blue', [1, 2, 1, 3]);
  const bo = await playChallenge(link, ' Bo ', 'Red', [5, 6, 7, 1]);
  for (const p of [ada, bo]) {
    assert.equal(p.game, `challenge.play.game.${scenario}.${seed}`);
    assert.equal(p.json.scenario, scenario);
  }
  assert.notEqual(ada.json.seed, bo.json.seed, 'per-player seeds: each player meets their own buyer');

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
  assert.equal(ranked.length, 2);
  assert.deepEqual(ranked.map((r) => r[1]).sort(), ['Ada', 'Bo'], 'the name is normalised (trimmed) before it goes into the code');
  await shot(page, 'leaderboard');

  const csv = (await download(page, 'board.csv')).text.trim().split('\n');
  assert.equal(csv[0], 'section,rank,player,team,score,percent_of_expert,expert_score,meetings,ending,games,attempts,status');
  const players = csv.filter((l) => l.startsWith('player,'));
  assert.equal(players.length, 2);
  const adaRow = players.find((l) => l.includes('"Ada"')).split(',');
  assert.equal(Number(adaRow[4]), ada.json.score, 'the leaderboard score is the replayed one');
  // Ranked by percent of the expert's score from each player's own start, computed by the board.
  const pct = players.map((l) => Number(l.split(',')[5]));
  assert.ok(pct[0] >= pct[1], `ranked by percent: ${pct}`);
  assert.equal(Number(adaRow[5]), Math.floor((ada.json.score * 100) / Number(adaRow[6])));
  assert.equal(adaRow[10], '1', 'first attempt');
  assert.equal(csv.filter((l) => l.startsWith('team,')).length, 2);
  assert.equal(csv.filter((l) => l.startsWith('refused,')).length, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a challenge debrief keeps the expert path, constraints and retries until the close code; practice cannot replay an open challenge', async () => {
  const org = await open(session);
  const { link, game, close } = await organize(org.page);
  await org.context.close();
  const [, , , scenario, seed] = game.split('.');

  const p = await playChallenge(link, 'Cy', 'Green', [1, 3, 2, 1], { keep: true });
  const { page, context, log } = p;
  await waitItem(page, 'debrief.locked');
  await shot(page, 'challenge-debrief-locked');
  assert.deepEqual(await ids(page, 'debrief.constraint.'), [], 'no hidden constraints before the round closes');
  assert.deepEqual(await ids(page, 'debrief.branch.'), [], 'no "Try from here"');
  assert.deepEqual(await ids(page, 'debrief.again'), [], 'no "Play again"');
  assert.deepEqual(await ids(page, 'debrief.best'), [], 'no best move (its explanation names constraints)');
  assert.equal(p.json.constraints, undefined, 'the transcript download holds no constraints either');
  assert.ok(p.json.transcript.every((l) => l.explanation === undefined), 'nor verdict explanations');
  const text = (await download(page, 'debrief.download.txt')).text;
  assert.ok(!text.includes('Hidden constraints:'));

  // A wrong close code is refused; practice refuses the challenge's buyer while the round is open.
  await typeFresh(page, 'debrief.close_code', 'Kwrong');
  await click(page, 'debrief.unlock');
  await waitItem(page, 'debrief.close_error');
  await click(page, 'back');
  await click(page, 'title.practice');
  await waitScreen(page, 'practice');
  await click(page, 'practice.fixed_seed');
  for (const s of [seed, p.json.seed]) {  // the challenge's seed, and this player's own
    await typeFresh(page, 'practice.seed', s);
    await click(page, `practice.scenario.${scenario}`);
    await waitItem(page, 'practice.error');
    assert.equal(await page.evaluate(() => window.buyin.screen()), 'practice');
  }

  // The organizer publishes the close code: entered on the play tab, it opens the round here.
  await shot(page, 'challenge-practice-blocked');
  await click(page, 'back');
  await click(page, 'title.challenge');
  await waitScreen(page, 'challenge');
  await click(page, 'challenge.tab.play');
  await typeFresh(page, 'challenge.play.close_code', close);
  await click(page, 'challenge.play.unlock');
  await waitItem(page, 'challenge.play.closed');
  await click(page, 'back');
  await click(page, 'title.practice');
  await typeFresh(page, 'practice.seed', p.json.seed);
  await click(page, `practice.scenario.${scenario}`);
  await waitScreen(page, 'briefing');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the close code entered in the debrief opens the full debrief; the next game is attempt 2', async () => {
  const org = await open(session);
  const { link, close } = await organize(org.page);
  await org.context.close();
  const p = await playChallenge(link, 'Di', '', [2, 1, 3, 1], { keep: true });
  const { page, context, log } = p;
  await waitItem(page, 'debrief.locked');
  await typeFresh(page, 'debrief.close_code', close);
  await click(page, 'debrief.unlock');
  await waitItem(page, 'debrief.again');
  assert.deepEqual(await ids(page, 'debrief.locked'), []);
  assert.ok((await ids(page, 'debrief.branch.')).length > 0, '"Try from here" is back');
  assert.ok((await ids(page, 'debrief.constraint.')).length > 0, 'the hidden constraints are revealed');
  await shot(page, 'challenge-debrief-unlocked');
  await click(page, 'back');
  await click(page, 'title.challenge');
  await click(page, 'challenge.tab.play');
  await waitItem(page, 'challenge.play.attempt.2');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the leaderboard without a challenge code ranks nothing and says why', async () => {
  const { page, context } = await open(session);
  await click(page, 'title.challenge');
  await click(page, 'challenge.tab.board');
  await typeFresh(page, 'board.codes', 'Rnot-a-code');
  await click(page, 'board.verify');
  await waitItem(page, 'board.error');
  assert.deepEqual(await ids(page, 'board.player.'), []);
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

test('after a reload, a foreign challenge opened first decides nothing: its code is refused with a message, the honest codes ranked', async () => {
  // The organizer's challenge, and another one made in another browser.
  const { page, context, log } = await open(session);
  const mine = await organize(page);
  const other = await open(session);
  const foreignChallenge = await organize(other.page);
  await other.context.close();
  const foreign = await playChallenge(foreignChallenge.link, 'Ed', 'Red', [1, 2, 3, 1]);
  const honest = [await playChallenge(mine.link, 'Flo', 'Blue', [2, 1, 1, 3]), await playChallenge(mine.link, 'Gus', 'Blue', [1, 1, 2, 3])];

  // The organizer's tab reloads, and the first thing it opens is the foreign challenge's link.
  await page.bringToFront();
  await page.reload();
  await waitScreen(page, 'title');
  await page.goto(foreignChallenge.link);
  await waitScreen(page, 'challenge');
  await waitItem(page, foreignChallenge.game.replace('challenge.org.game.', 'challenge.play.game.'));
  // The leaderboard still ranks for the challenge made here, not the one just opened.
  await click(page, 'challenge.tab.board');
  const field = await waitItem(page, 'board.challenge');
  assert.equal(field.value, mine.code, 'the board keeps the challenge this browser made');
  // The field is the user's once shown: emptied, it stays empty (it is not refilled every frame).
  await click(page, 'board.challenge');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.waitForTimeout(300);
  assert.equal((await waitItem(page, 'board.challenge')).value, '', 'an emptied challenge field stays empty');
  await page.keyboard.type(mine.code, { delay: 2 });
  await page.waitForFunction((c) => window.buyin.items().some((x) => x.id === 'board.challenge' && x.value === c), mine.code);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buyin-foreign-'));
  const file = path.join(dir, 'codes.txt');
  fs.writeFileSync(file, [foreign.code, ...honest.map((h) => h.code)].join('\n') + '\n');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'board.open')]);
  await chooser.setFiles(file);
  await page.waitForTimeout(300);
  await click(page, 'board.verify');
  await waitItem(page, 'board.summary.2.1');
  const refused = (await items(page)).filter((x) => x.id.startsWith('board.refused.'));
  assert.equal(refused.length, 1);
  assert.equal(refused[0].id, 'board.refused.1.foreign_challenge', 'the foreign code, placed first, is the one refused');
  assert.match(refused[0].name, /^Line 1: \S.{10,}/, `the refusal says why: ${refused[0].name}`);
  assert.deepEqual((await ids(page, 'board.player.')).map((x) => x.split('.')[3]).sort(), ['Flo', 'Gus']);
  await shot(page, 'challenge-foreign-first');
  assert.deepEqual(log.errors, []);
  await context.close();

  // A browser that did not make the challenge: its challenge field is empty. The same codes,
  // the foreign one first, rank nothing (the first code does not decide the challenge) and say why;
  // with the challenge code entered, the foreign code is refused and the honest ones ranked.
  const fresh = await open(session);
  await click(fresh.page, 'title.challenge');
  await waitScreen(fresh.page, 'challenge');
  await click(fresh.page, 'challenge.tab.board');
  assert.equal((await waitItem(fresh.page, 'board.challenge')).value, '');
  const [chooser2] = await Promise.all([fresh.page.waitForEvent('filechooser'), click(fresh.page, 'board.open')]);
  await chooser2.setFiles(file);
  await fresh.page.waitForTimeout(300);
  await click(fresh.page, 'board.verify');
  assert.match((await waitItem(fresh.page, 'board.error')).name, /challenge code/);
  assert.deepEqual(await ids(fresh.page, 'board.player.'), []);
  await typeInto(fresh.page, 'board.challenge', mine.code);
  await click(fresh.page, 'board.verify');
  await waitItem(fresh.page, 'board.summary.2.1');
  assert.deepEqual(await ids(fresh.page, 'board.refused.'), ['board.refused.1.foreign_challenge']);
  assert.deepEqual((await ids(fresh.page, 'board.player.')).map((x) => x.split('.')[3]).sort(), ['Flo', 'Gus']);
  assert.deepEqual(fresh.log.errors, []);
  await fresh.context.close();
});
