// The layout on every screen size: a lesson played on a phone with touch alone (390x844, DPR 3,
// taps and swipes), and every screen photographed at a phone, a tablet, a laptop and a large
// HiDPI monitor, at text sizes 100% and 200%, with a check from the published rectangles that nothing lies outside the window
// or its parent, no text is cut, and every control is a 44 px touch target on the phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, open, click, items, item, waitScreen, waitItem, shot, ids } from './harness.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

const ACTIONABLE = new Set(['button', 'tab', 'checkbox', 'textbox', 'link', 'combobox', 'slider']);

// A finger dragged from y0 to y1 at x (Chrome DevTools Protocol touch events: a real swipe).
async function swipe(page, x, y0, y1) {
  const cdp = await page.context().newCDPSession(page);
  const steps = 8;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / steps }] });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await page.waitForTimeout(120);
}

// Taps the middle of an item, swiping the screen until it is fully in view.
async function tap(page, id) {
  let it = await waitItem(page, id);
  const vp = page.viewportSize();
  for (let i = 0; i < 20 && (!it.visible || it.y < 0 || it.y + it.h > vp.height); i++) {
    const down = !it.visible || it.y + it.h > vp.height;
    await swipe(page, vp.width / 2, down ? vp.height * 0.7 : vp.height * 0.3, down ? vp.height * 0.3 : vp.height * 0.7);
    it = await item(page, id);
  }
  await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
}

// What the published rectangles say is wrong with the screen now (empty when nothing).
async function layoutProblems(page, { touch = false } = {}) {
  const vp = page.viewportSize();
  const all = await items(page);
  const byId = new Map(all.map((i) => [i.id, i]));
  const out = [];
  for (const it of all) {
    if (!it.visible) continue;
    const where = `${it.id} (${it.role} "${it.name.slice(0, 40)}") at ${it.x},${it.y} ${it.w}x${it.h}`;
    if (it.clipped) out.push(`cut off: ${where}`);
    if (it.x < -1 || it.x + it.w > vp.width + 1) out.push(`outside the window: ${where}`);
    const p = it.parent && byId.get(it.parent);
    if (p && p.w > 0 && (it.x < p.x - 1 || it.x + it.w > p.x + p.w + 1)) out.push(`outside its parent ${p.id}: ${where}`);
    if (touch && ACTIONABLE.has(it.role) && !it.disabled && (it.h < 44 || it.w < 44)) out.push(`smaller than 44 px: ${where}`);
  }
  return out;
}

test('lesson 1 played to its end on a phone (390x844, DPR 3) with touch alone', async () => {
  const { page, context, log } = await open(session, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true });
  assert.deepEqual(await layoutProblems(page, { touch: true }), [], 'title');
  await tap(page, 'title.onboarding');
  await waitScreen(page, 'onboarding');
  assert.deepEqual(await layoutProblems(page, { touch: true }), [], 'onboarding');
  await tap(page, (await ids(page, 'onboarding.lesson.'))[0]);
  await waitScreen(page, 'briefing');
  assert.deepEqual(await layoutProblems(page, { touch: true }), [], 'briefing');
  await tap(page, 'briefing.start');  // below the fold on a phone: swiped into view first
  await waitScreen(page, 'meeting');
  await page.waitForTimeout(150);
  // One column: three tabs, the conversation first.
  assert.deepEqual((await ids(page, 'meeting.tab.')), ['meeting.tab.talk', 'meeting.tab.moves', 'meeting.tab.people']);
  assert.ok((await items(page)).find((x) => x.id === 'meeting.tab.talk').selected);
  assert.deepEqual(await layoutProblems(page, { touch: true }), [], 'meeting');
  await shot(page, 'phone-meeting-talk');
  let moves = 0;
  for (let i = 0; i < 80 && !(await ids(page, 'meeting.debrief')).length; i++) {
    const before = await page.evaluate(() => window.buyin.items().filter((x) => x.id.startsWith('meeting.result.')).map((x) => x.id)[0] || '');
    await tap(page, 'meeting.choose');
    await waitItem(page, 'meeting.card.1');
    if (i === 0) {
      assert.deepEqual(await layoutProblems(page, { touch: true }), [], 'moves tab');
      await shot(page, 'phone-meeting-moves');
    }
    await tap(page, `meeting.card.${1 + (i % 2)}`);
    await page.waitForFunction((b) => window.buyin.items().some((x) => (x.id.startsWith('meeting.result.') && x.id !== b) ||
      x.id === 'meeting.target.cancel' || x.id === 'meeting.debrief'), before, { timeout: 5000 });
    const targets = (await ids(page, 'meeting.target.')).filter((x) => x !== 'meeting.target.cancel');
    if (targets.length) await tap(page, targets[0]);
    await page.waitForFunction((b) => window.buyin.items().some((x) => (x.id.startsWith('meeting.result.') && x.id !== b) ||
      x.id === 'meeting.debrief'), before, { timeout: 5000 });
    moves++;
    // After a move the phone shows the conversation: what the buyer said and the verdict.
    assert.ok((await items(page)).find((x) => x.id === 'meeting.tab.talk').selected, 'back on the conversation');
    assert.ok((await ids(page, 'meeting.verdict.')).length === 1, 'the verdict is on screen');
    if (i === 1) {
      assert.deepEqual(await layoutProblems(page, { touch: true }), [], 'meeting with feedback');
      await shot(page, 'phone-meeting-feedback');
    }
  }
  assert.ok(moves >= 3, `moves played by touch: ${moves}`);
  await tap(page, 'meeting.tab.people');
  await waitItem(page, 'meeting.people');
  assert.deepEqual(await layoutProblems(page, { touch: true }), [], 'people tab');
  await shot(page, 'phone-meeting-people');
  await tap(page, 'meeting.tab.talk');
  await tap(page, 'meeting.debrief');
  await waitScreen(page, 'debrief');
  await page.waitForTimeout(150);
  assert.ok((await ids(page, 'debrief.constraint.')).length >= 1, 'the debrief lists the hidden constraints');
  assert.deepEqual(await layoutProblems(page, { touch: true }), [], 'debrief');
  await shot(page, 'phone-debrief');
  assert.deepEqual(log.errors, []);
  await context.close();
});

// What a key press can change in a meeting: the newest result, the target prompt, the end (the
// same test is written out in playOut's wait, which runs in the page).
function meetingState() {
  const ids = window.buyin.items().map((x) => x.id);
  return [ids.find((x) => x.startsWith('meeting.result.')) ?? '', ids.includes('meeting.target.cancel'),
    ids.includes('meeting.debrief')].join('|');
}

// Plays the current meeting to its end: keys 1-2 on a wide screen (a move, or the first person
// it is aimed at; few frames, which matters at 5120x2880 on a software GPU), taps on a phone's
// Moves tab (and on a wide screen when keys stop moving the game).
async function playOut(page, narrow) {
  let seen = '', still = 0;  // the newest result and how many steps it has stood
  for (let i = 0; i < 160; i++) {
    const have = await ids(page, 'meeting.');
    if (have.includes('meeting.debrief')) return;
    const last = have.find((x) => x.startsWith('meeting.result.')) ?? '';
    still = last === seen ? still + 1 : 0;
    seen = last;
    // Keys on a wide screen; if they stop moving the game (a key a frame missed, focus on another
    // control), a tap as on the phone.
    if (!narrow && still < 6) {
      // Wait until the game took the key (a new result, a target prompt opened or closed, the
      // end): a key still in flight when the game ends would read as "See the debrief" (1).
      const before = await page.evaluate(meetingState);
      await page.keyboard.press(String(1 + (i % 2)));
      await page.waitForFunction((b) => {
        const ids = window.buyin.items().map((x) => x.id);
        return [ids.find((x) => x.startsWith('meeting.result.')) ?? '', ids.includes('meeting.target.cancel'),
          ids.includes('meeting.debrief')].join('|') !== b;
      }, before, { timeout: 2000 }).catch(() => {});
      continue;
    }
    const targets = have.filter((x) => x.startsWith('meeting.target.') && x !== 'meeting.target.cancel');
    const cards = have.filter((x) => x.startsWith('meeting.card.'));
    const next = targets.length ? targets[0] : cards.length ? cards[i % cards.length] : have.includes('meeting.choose') ? 'meeting.choose' : null;
    // Read from a frame that a tap just changed, an item may be gone by now: read again.
    if (next) await Promise.race([click(page, next), page.waitForTimeout(3000)]).catch(() => {});
    await page.waitForTimeout(120);
  }
  throw new Error('the game did not end');
}

const SIZES = [
  { name: 'phone-390x844', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, touch: true },
  { name: 'tablet-768x1024', viewport: { width: 768, height: 1024 }, deviceScaleFactor: 1 },
  { name: 'laptop-1366x768', viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
  { name: 'monitor-2560x1440', viewport: { width: 2560, height: 1440 }, deviceScaleFactor: 2 },
];

// The text size setting, by its buttons (10% a press), back on the title screen.
async function setTextSize(page, percent) {
  await click(page, 'title.settings');
  await waitScreen(page, 'settings');
  const now = async () => Number((await item(page, 'settings.font.value')).name.match(/(\d+)%/)[1]);
  for (let i = 0; i < 20 && (await now()) !== percent; i++) {
    const was = await now();
    await click(page, (await now()) < percent ? 'settings.font.larger' : 'settings.font.smaller');
    await page.waitForFunction((w) => !window.buyin.items().some((x) => x.id === 'settings.font.value' && x.name.includes(` ${w}%`)), was);
  }
  assert.equal(await now(), percent, 'the text size setting reaches it');
  await click(page, 'back');
  await waitScreen(page, 'title');
}

// At 100% and at 200% (WCAG 1.4.4: text resized to 200% loses nothing).
for (const percent of [100, 200])
for (const size of SIZES) {
  const label = percent === 100 ? size.name : `${size.name}-text${percent}`;
  test(`every screen at ${size.name}, text ${percent}%: screenshots, nothing outside the window or its parent, no text cut`, async () => {
    const { page, context, log } = await open(session, { viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
    if (percent !== 100) await setTextSize(page, percent);
    const problems = [];
    const check = async (screen) => {
      await page.waitForTimeout(150);
      for (const p of await layoutProblems(page, { touch: size.touch })) problems.push(`${screen}: ${p}`);
      await shot(page, `${label}-${screen}`);
    };
    const home = async (back = 'back') => { await click(page, back); await waitScreen(page, 'title'); };
    await check('title');
    await click(page, 'title.onboarding'); await waitScreen(page, 'onboarding'); await check('onboarding');
    await click(page, (await ids(page, 'onboarding.lesson.'))[0]); await waitScreen(page, 'briefing'); await check('briefing');
    await click(page, 'briefing.start'); await waitScreen(page, 'meeting'); await check('meeting');
    await page.focus('#canvas');
    // One column (the meeting's tabs) below 700 px at 100% text, and below 1,400 px at 200%.
    await playOut(page, (await ids(page, 'meeting.tab.')).length > 0);
    await check('meeting-over');
    await click(page, 'meeting.debrief'); await waitScreen(page, 'debrief'); await check('debrief');
    await home();
    await click(page, 'title.practice'); await waitScreen(page, 'practice'); await check('practice');
    await click(page, 'practice.tab.history');
    await page.waitForFunction(() => window.buyin.items().some((x) => x.id === 'practice.tab.history' && x.selected));
    await check('practice-history');
    await home();
    await click(page, 'title.challenge'); await waitScreen(page, 'challenge');
    await click(page, 'challenge.tab.organize');
    await click(page, 'challenge.org.make');
    await waitItem(page, 'challenge.org.code');
    await check('challenge-organize');
    await click(page, 'challenge.tab.play'); await check('challenge-play');
    await click(page, 'challenge.tab.board'); await check('challenge-leaderboard');
    await home();
    await click(page, 'title.settings'); await waitScreen(page, 'settings'); await check('settings');
    await home();
    await click(page, 'title.about'); await waitScreen(page, 'about'); await check('about');
    assert.deepEqual(problems, []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}
