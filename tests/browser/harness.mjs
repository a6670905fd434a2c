// Shared helpers for browser tests: serve the built game on 127.0.0.1, drive Debian's Chromium
// with Playwright, and act as a user would — real mouse and keyboard at the rectangles the UI
// publishes (window.buyin.items()), never by calling the game's internals.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';

export const WEB_DIR = process.env.BUYIN_WEB_DIR || path.resolve('build/web/game');
export const SHOTS = process.env.BUYIN_SHOTS || path.resolve('build/screenshots');

const ARGS = ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];

// One browser and server for a whole test file; each test gets a fresh page via open().
export async function startSession() {
  if (!fs.existsSync(path.join(WEB_DIR, 'buyin.wasm'))) throw new Error(`no web build in ${WEB_DIR}`);
  const server = await serve(WEB_DIR, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  return {
    url, browser,
    async close() { await browser.close(); await new Promise((r) => server.close(r)); },
  };
}

// A page with a record of console errors and of every request that left 127.0.0.1.
export async function open(session, { viewport = { width: 1280, height: 720 }, deviceScaleFactor = 1,
  initScript = null, route = null, waitReady = true, hash = '', waitUntil = 'load', hasTouch = false,
  permissions = [] } = {}) {
  const context = await session.browser.newContext({ viewport, deviceScaleFactor, acceptDownloads: true, hasTouch });
  if (permissions.length) await context.grantPermissions(permissions, { origin: session.url });
  const page = await context.newPage();
  const log = { errors: [], foreign: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['blob:', 'data:'].includes(u.protocol) && u.hostname !== '127.0.0.1') log.foreign.push(r.url());
  });
  if (initScript) await page.addInitScript(initScript);
  if (route) await page.route(route.pattern, route.handler);
  await page.goto(session.url + hash, { waitUntil });
  if (waitReady) await waitScreen(page, 'title');
  return { page, context, log };
}

export async function waitScreen(page, screen, timeout = 20000) {
  await page.waitForFunction((s) => window.buyin && window.buyin.screen() === s, screen, { timeout });
}

export async function items(page) { return page.evaluate(() => window.buyin.items()); }

export async function item(page, id) {
  const all = await items(page);
  const it = all.find((i) => i.id === id);
  if (!it) throw new Error(`no item "${id}" on screen ${await page.evaluate(() => window.buyin.screen())}; have: ${all.map((i) => i.id).join(', ')}`);
  return it;
}

// Waits until the UI has published an item (screens may need a frame to lay out).
export async function waitItem(page, id, timeout = 10000) {
  await page.waitForFunction((x) => window.buyin.items().some((i) => i.id === x), id, { timeout });
  return item(page, id);
}

// Clicks the middle of an item, first scrolling with the mouse wheel (as a user would) when the
// item is outside the window.
export async function click(page, id) {
  let it = await waitItem(page, id);
  const vp = page.viewportSize();
  for (let i = 0; i < 30 && (!it.visible || it.y < 0 || it.y + it.h > vp.height); i++) {
    await page.mouse.move(vp.width / 2, vp.height / 2);
    // Down to an item below the window (or hidden below a panel's edge), up to one above it.
    await page.mouse.wheel(0, it.y + it.h > vp.height || (!it.visible && it.y >= 0) ? 200 : -200);
    await page.waitForTimeout(60);
    it = await item(page, id);
  }
  // Hover first, as a person's pointer does: some widgets (tabs) only take a click on an item
  // that was already under the pointer in the previous frame.
  await page.mouse.move(it.x + it.w / 2, it.y + it.h / 2);
  await page.waitForTimeout(40);
  await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
}

export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Decodes a screenshot in the browser itself (no image library needed) and returns simple stats.
export async function pixelStats(page, png) {
  const b64 = fs.readFileSync(png).toString('base64');
  const scratch = await page.context().newPage();
  const stats = await scratch.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    let bright = 0;
    for (let i = 0; i < d.length; i += 16) {
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      if (d[i] + d[i + 1] + d[i + 2] > 450) bright++;
    }
    return { colours: colours.size, bright };
  }, b64);
  await scratch.close();
  return stats;
}

// Waits until the page draws nothing for `stepMs` (frames owed to earlier input are done and the
// main loop may pause), trying at most `max` steps; returns the frame count then.
export async function waitUntilIdle(page, { stepMs = 500, max = 10 } = {}) {
  const count = () => page.evaluate(() => window.buyin.framesDrawn());
  let before = await count();
  for (let i = 0; i < max; i++) {
    await page.waitForTimeout(stepMs);
    const n = await count();
    if (n === before) break;
    before = n;
  }
  return before;
}

// Keyboard only: moves keyboard focus with the arrow keys until the item `id` has it, going down
// first and turning back up when focus stops moving (at most `max` presses).
export async function focusByKeys(page, id, max = 60) {
  let key = 'ArrowDown';
  let last = null, stuck = 0;
  const trail = [];  // what had focus before each key, for the failure message
  for (let i = 0; i < max; i++) {
    const its = await items(page);
    const it = its.find((x) => x.id === id);
    if (it && it.focused) return;
    const focused = (its.find((x) => x.focused) || {}).id || null;
    trail.push(focused || '(none)');
    stuck = focused === last ? stuck + 1 : 0;
    last = focused;
    if (stuck >= 2 && key === 'ArrowDown') { key = 'ArrowUp'; stuck = 0; }
    // Wait for frames drawn after the key, not a fixed time: on a loaded machine a frame can take
    // longer than any fixed wait, and focus read from an old frame looks "stuck" and turns back.
    const drawn = await page.evaluate(() => window.buyin.framesDrawn());
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.buyin.framesDrawn() >= n + 2, drawn, { timeout: 5000 });
    // Focus moved to an item outside a scrolled list is published once the list has scrolled to
    // it, a frame or two later; read before that, it looks like "no focus" and the next key
    // would move on past it. (Nothing focused at all is possible too, so this wait is bounded.)
    await page.waitForFunction(() => window.buyin.items().some((x) => x.focused), null, { timeout: 1000 }).catch(() => {});
  }
  const screen = await page.evaluate(() => window.buyin.screen());
  const all = (await items(page)).map((x) => x.id).join(', ');
  throw new Error(`could not reach "${id}" with the arrow keys on screen ${screen}; focus before each key: ` +
    `${trail.join(' > ')}; items: ${all}`);
}

// Plays a game to its end with `chooseNext(items)` deciding what to press or click each step.
// Returns how many moves were played.
export async function playToEnd(page, step, maxSteps = 120) {
  let moves = 0;
  for (let i = 0; i < maxSteps; i++) {
    const its = await items(page);
    if (its.some((x) => x.id === 'meeting.debrief')) return moves;
    const before = await page.evaluate(() => window.buyin.items().filter((x) => x.id.startsWith('meeting.verdict.')).length);
    const played = await step(its, i);
    if (played) moves++;
    await page.waitForTimeout(60);
    void before;
  }
  throw new Error('the game did not end');
}

// Ids of the items on screen that start with `prefix`.
export async function ids(page, prefix) {
  return (await items(page)).filter((i) => i.id.startsWith(prefix)).map((i) => i.id);
}

// Clicks an item that makes the page download a file; returns its name and text.
export async function download(page, id) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click(page, id)]);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
}

// How many moves the meeting screen says were played (the id of the latest result item).
export async function movesPlayed(page) {
  const r = (await ids(page, 'meeting.result.'))[0];
  return r ? Number(r.split('.')[2]) : 0;
}

// From the title screen into the first onboarding lesson's meeting.
export async function startFirstLesson(page) {
  await click(page, 'title.onboarding');
  await waitScreen(page, 'onboarding');
  await click(page, (await ids(page, 'onboarding.lesson.'))[0]);
  await waitScreen(page, 'briefing');
  await click(page, 'briefing.start');
  await waitScreen(page, 'meeting');
}

// Plays one card: clicks it, aims it at the first person offered if it asks for a target, and waits
// for the move's result (or the end of the game).
export async function playCard(page, card) {
  const before = await movesPlayed(page);
  await click(page, card);
  await page.waitForFunction((k) => window.buyin.items().some((x) => x.id === 'meeting.target.cancel' ||
    x.id === `meeting.result.${k}` || x.id === 'meeting.debrief'), before + 1, { timeout: 5000 });
  const targets = (await ids(page, 'meeting.target.')).filter((t) => t !== 'meeting.target.cancel');
  if (targets.length) await click(page, targets[0]);
  await page.waitForFunction((k) => window.buyin.items().some((x) => x.id === `meeting.result.${k}` || x.id === 'meeting.debrief'),
    before + 1, { timeout: 5000 });
}
