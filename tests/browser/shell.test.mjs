// The page around the game and the app skeleton: loading, first frame, errors, network, the title
// screen's entries, the WebGL2-missing and load-failure pages, resizing, HiDPI and idle cost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, open, click, item, items, waitScreen, shot, pixelStats, waitUntilIdle } from './harness.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

test('the page loads, draws a real first frame, logs no errors and stays on 127.0.0.1', async () => {
  const { page, context, log } = await open(session);
  assert.equal(await page.title(), 'Buy-In: help the buyer decide');
  assert.equal(await page.isVisible('#loading'), false, 'the loading card is gone once the game runs');
  await page.waitForTimeout(300);
  const png = await shot(page, 'title');
  const stats = await pixelStats(page, png);
  // A blank or single-colour canvas has a handful of colours; text and cards give hundreds.
  assert.ok(stats.colours > 50, `first frame looks blank: ${stats.colours} colours`);
  assert.ok(stats.bright > 100, `no readable text drawn: ${stats.bright} bright samples`);
  const ids = (await items(page)).map((i) => i.id);
  for (const id of ['title.onboarding', 'title.practice', 'title.challenge', 'title.about']) assert.ok(ids.includes(id), id);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.foreign, []);
  await context.close();
});

test('the loading bar follows the bytes fetched up to 100%', async () => {
  const { page, context } = await open(session, {
    initScript: () => {
      window.__progress = [];
      new MutationObserver(() => {
        const el = document.getElementById('loading');
        if (el) window.__progress.push(Number(el.getAttribute('aria-valuenow')));
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['aria-valuenow'] });
    },
  });
  const seen = await page.evaluate(() => window.__progress);
  assert.ok(seen.length >= 1, 'progress was reported');
  assert.equal(seen[seen.length - 1], 100);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1], 'progress never goes backwards');
  await context.close();
});

// A fast start shows no loading card (it would only flash by); a slow one shows it. The half
// second is stretched to ten (the page's animations slowed 20 times) to see that the card starts
// hidden whatever this machine's speed.
test('the loading card appears only when loading takes more than half a second', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 0.05 });
  await page.addInitScript(() => {
    window.__cardSeen = [];  // the card's visibility at each animation frame until the game draws
    const sample = () => {
      const card = document.querySelector('#loading .card');
      if (card) window.__cardSeen.push(getComputedStyle(card).visibility);
      if (!(window.buyin && window.buyin.framesDrawn && window.buyin.framesDrawn() > 0)) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await page.goto(session.url);
  await waitScreen(page, 'title');
  const fast = await page.evaluate(() => window.__cardSeen);
  assert.ok(fast.length > 0 && fast.every((v) => v === 'hidden'), `no card while the game starts: ${fast.join(' ')}`);
  await context.close();

  const slow = await open(session, {
    waitReady: false, waitUntil: 'commit',
    route: { pattern: '**/buyin.wasm', handler: async (r) => { await new Promise((w) => setTimeout(w, 2500)); await r.continue(); } },
    // Once DOMContentLoaded has fired the page's style sheet applies (before it, the card is unstyled).
    initScript: () => document.addEventListener('DOMContentLoaded', () => { window.__parsed = true; }),
  });
  await slow.page.waitForFunction(() => window.__parsed
    && getComputedStyle(document.querySelector('#loading .card')).visibility === 'visible', null, { timeout: 2000 });
  assert.ok(await slow.page.isVisible('#loading .card'), 'a slow load shows the card with its progress bar');
  assert.equal(await slow.page.evaluate(() => window.buyin.framesDrawn()), 0, 'while the game has not drawn yet');
  await waitScreen(slow.page, 'title');
  assert.equal(await slow.page.isVisible('#loading'), false);
  await slow.context.close();
});

test('clicking each title entry opens its screen, and Back returns', async () => {
  const { page, context, log } = await open(session);
  for (const [entry, screen] of [['title.onboarding', 'onboarding'], ['title.practice', 'practice'],
    ['title.challenge', 'challenge'], ['title.about', 'about']]) {
    await click(page, entry);
    await waitScreen(page, screen);
    await shot(page, `screen-${screen}`);
    await click(page, 'back');
    await waitScreen(page, 'title');
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the keyboard alone reaches a title entry and Escape goes back', async () => {
  const { page, context } = await open(session);
  await page.focus('#canvas');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => window.buyin.screen() !== 'title', null, { timeout: 5000 });
  await page.keyboard.press('Escape');
  await waitScreen(page, 'title');
  await context.close();
});

test('the canvas follows window resizes and renders at devicePixelRatio', async () => {
  const { page, context } = await open(session, { deviceScaleFactor: 2 });
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
  });
  assert.equal(size.w, size.cw * 2);
  assert.equal(size.h, size.ch * 2);
  const before = await item(page, 'title.practice');
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.waitForFunction((x) => {
    const it = window.buyin.items().find((i) => i.id === 'title.practice');
    return it && it.x !== x;
  }, before.x, { timeout: 5000 });
  const after = await item(page, 'title.practice');
  assert.ok(after.x + after.w <= 1024, 'entry fits the narrower window');
  await shot(page, 'title-1024x600-hidpi');
  await context.close();
});

test('an idle page draws no frames; input draws again', async () => {
  const { page, context } = await open(session);
  // Let the frames owed to start-up input finish (slow on a loaded machine), then watch a second.
  const a = await waitUntilIdle(page, { stepMs: 500, max: 10 });
  await page.waitForTimeout(1000);
  const b = await page.evaluate(() => window.buyin.framesDrawn());
  assert.equal(b, a, 'no frames drawn while idle');
  await page.mouse.move(640, 300);
  await page.mouse.move(650, 310);
  await page.waitForFunction((n) => window.buyin.framesDrawn() > n, b, { timeout: 3000 });
  await context.close();
});

test('a browser without WebGL2 gets a clear page instead of a blank one', async () => {
  const { page, context } = await open(session, {
    waitReady: false,
    initScript: () => {
      const orig = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : orig.call(this, kind, ...rest);
      };
    },
  });
  await page.waitForSelector('#no-webgl:not([hidden])', { timeout: 10000 });
  assert.match(await page.textContent('#no-webgl'), /WebGL2/);
  assert.equal(await page.isVisible('#loading'), false);
  await shot(page, 'no-webgl2');
  await context.close();
});

test('a missing or damaged wasm file shows the load-error page', async () => {
  for (const [name, handler] of [
    ['missing', (r) => r.fulfill({ status: 404, body: 'not found' })],
    ['damaged', (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('this is not wasm') })],
  ]) {
    const { page, context } = await open(session, { waitReady: false, route: { pattern: '**/buyin.wasm', handler } });
    await page.waitForSelector('#load-error:not([hidden])', { timeout: 10000 });
    const text = await page.textContent('#load-error-text');
    assert.match(text, /buyin\.wasm/, `${name}: the message names the file`);
    await shot(page, `load-error-${name}`);
    await context.close();
  }
});

test('the shader program is built once, with the WebGL context, before the game starts', async () => {
  // web/loader.js builds it the moment the context exists, so a software GPU compiles it while the
  // page reads IndexedDB; the renderer must adopt that program, not build a second one in main().
  const { page, context, log } = await open(session, {
    initScript: () => {
      const calls = (window.__programs = { created: 0, contexts: 0, linkedWithContext: null });
      let inContextTask = false;  // true from the first getContext to the end of that task
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (...a) {
        const gl = getContext.apply(this, a);
        if (gl && calls.contexts++ === 0) { inContextTask = true; queueMicrotask(() => { inContextTask = false; }); }
        return gl;
      };
      const P = WebGL2RenderingContext.prototype;
      const create = P.createProgram, link = P.linkProgram;
      P.createProgram = function (...a) { calls.created++; return create.apply(this, a); };
      P.linkProgram = function (...a) {
        if (calls.linkedWithContext === null) calls.linkedWithContext = inContextTask;
        return link.apply(this, a);
      };
    },
  });
  const calls = await page.evaluate(() => window.__programs);
  assert.equal(calls.created, 1, 'one shader program');
  assert.equal(calls.linkedWithContext, true, 'linked as the page made the context, not later in main()');
  const stats = await pixelStats(page, await shot(page, 'title-adopted-program'));
  assert.ok(stats.colours > 50, `nothing drawn with the adopted program: ${stats.colours} colours`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('shaders this browser cannot link show the load-error page, without any input', async () => {
  // The renderer asks for the link status a few frames in (so the first frame does not wait for
  // the compile): the answer must still come on its own, on a page nobody touches.
  const { page, context } = await open(session, {
    waitReady: false,
    initScript: () => {
      const orig = WebGL2RenderingContext.prototype.getProgramParameter;
      WebGL2RenderingContext.prototype.getProgramParameter = function (program, pname) {
        return pname === this.LINK_STATUS ? false : orig.call(this, program, pname);
      };
    },
  });
  await page.waitForSelector('#load-error:not([hidden])', { timeout: 10000 });
  assert.match(await page.textContent('#load-error-text'), /shaders/);
  await context.close();
});

test('moving the mouse and typing while the game loads causes no errors', async () => {
  // From the first byte of the page, not from its load event: the wasm is still on its way.
  // The wasm is held back 1.5 s, so buyin.js runs long before the wasm can: input then must not
  // reach into a module that is not there yet.
  const { page, context, log } = await open(session, {
    waitReady: false, waitUntil: 'commit',
    route: { pattern: '**/buyin.wasm', handler: async (r) => { await new Promise((ok) => setTimeout(ok, 1500)); await r.continue(); } },
  });
  for (let i = 0; i < 200 && !(await page.evaluate(() => window.buyin && window.buyin.screen())); i++) {
    await page.mouse.move(100 + (i % 10) * 30, 200);
    await page.keyboard.press('a');
    await page.evaluate(() => { location.hash = `#x${Math.random()}`; });
    await page.waitForTimeout(5);
  }
  // (the last address names no challenge, so the game may show the challenge screen's message)
  await page.waitForFunction(() => window.buyin.screen() !== null, null, { timeout: 20000 });
  await page.mouse.move(640, 300);
  await page.evaluate(() => { location.hash = ''; });
  await page.waitForTimeout(200);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the font license is fetched when About opens, not in the first download; a failed fetch says so and retries', async () => {
  // The first time the file cannot be had; the About screen says so and offers to try again.
  let fail = true;
  const requests = [];
  const { page, context, log } = await open(session, {
    route: { pattern: '**/inter-license.txt', handler: (r) => (fail ? r.abort() : r.continue()) },
  });
  page.on('request', (r) => { if (r.url().endsWith('/inter-license.txt')) requests.push(r.url()); });
  await page.waitForTimeout(300);
  assert.equal(requests.length, 0, 'the license is not part of the first download');
  await click(page, 'title.about');
  await waitScreen(page, 'about');
  await page.waitForFunction(() => window.buyin.items().some((x) => x.id === 'about.license_retry'), null, { timeout: 10000 });
  assert.match((await item(page, 'about.license')).name, /could not be loaded.*SIL Open Font License 1\.1/);
  fail = false;
  await click(page, 'about.license_retry');
  await page.waitForFunction(() => /License: OFL-1\.1/.test((window.buyin.items().find((x) => x.id === 'about.license') || {}).name || ''),
    null, { timeout: 10000 });
  assert.ok(requests.length >= 2, 'asked again after the failure');
  assert.ok((await item(page, 'about.license')).name.includes('The Inter Project Authors'));
  assert.deepEqual(log.errors.filter((e) => !/inter-license\.txt|Failed to load resource/.test(e)), []);
  await context.close();
});

test('the scenarios are not in the first download: fetched at the first input, a failed or foreign content.pack is named, Try again loads it', async () => {
  // content.pack is first unreachable, then a copy from another build (one byte off), then right.
  let mode = 'abort';
  const requests = [];
  const { page, context, log } = await open(session, {
    route: {
      pattern: '**/content.pack',
      handler: async (r) => {
        if (mode === 'abort') return r.abort();
        if (mode === 'ok') return r.continue();
        const res = await r.fetch();
        const body = Buffer.from(await res.body());
        body[body.length >> 1] ^= 1;
        return r.fulfill({ response: res, body });
      },
    },
  });
  page.on('request', (r) => { if (r.url().endsWith('/content.pack')) requests.push(r.url()); });
  await page.waitForTimeout(400);
  assert.equal(requests.length, 0, 'the title is drawn without the scenarios');
  // The first input (a pointer move) asks for them, so they are there by the time of a click.
  await page.mouse.move(300, 300);
  await page.waitForTimeout(300);
  assert.equal(requests.length, 1, 'asked for at the first input, once');
  await click(page, 'title.onboarding');
  await waitScreen(page, 'loading');
  await page.waitForFunction(() => window.buyin.items().some((x) => x.id === 'loading.problem'), null, { timeout: 10000 });
  assert.match((await item(page, 'loading.problem')).name, /^content\.pack could not be fetched: /);
  assert.equal(requests.length, 2, 'entering a screen that needs the scenarios asked again after the failure');
  // The title still works; going back to a screen that needs the scenarios asks again.
  await click(page, 'loading.back');
  await waitScreen(page, 'title');
  mode = 'foreign';
  await click(page, 'title.practice');
  await page.waitForFunction(() => /does not match this build of the game/.test(
    (window.buyin.items().find((x) => x.id === 'loading.problem') || {}).name || ''), null, { timeout: 10000 });
  assert.equal(requests.length, 3);
  assert.match((await item(page, 'loading.problem')).name, /Reload the page/);
  mode = 'ok';
  await click(page, 'loading.retry');
  await waitScreen(page, 'practice');
  assert.equal(requests.length, 4);
  // Loaded once: other screens do not ask again.
  await page.keyboard.press('Escape');
  await waitScreen(page, 'title');
  await click(page, 'title.onboarding');
  await waitScreen(page, 'onboarding');
  assert.equal(requests.length, 4, 'fetched once it loaded, never again');
  assert.deepEqual(log.errors.filter((e) => !/content\.pack|Failed to load resource/.test(e)), []);
  await context.close();
});
