// The browser build's own input layer (game/platform/web_window.cpp, Emscripten's HTML5 events):
// what a person does with a keyboard, a clipboard, a touch screen and a pointer reaches the game.
// Mouse clicks, wheel scrolling and arrow-key navigation run through every other browser test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, open, click, item, waitScreen, download, shot, waitUntilIdle } from './harness.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

const savedName = async (page) => JSON.parse((await download(page, 'settings.export')).text).settings.player_name;

test('a text field: accented typing, Ctrl+V from the system clipboard, Ctrl+C back to it, an I-beam over it', async () => {
  const { page, context, log } = await open(session, { permissions: ['clipboard-read', 'clipboard-write'] });
  await click(page, 'title.settings');
  await waitScreen(page, 'settings');
  const field = await item(page, 'settings.name');
  await page.mouse.move(field.x + field.w / 2, field.y + field.h / 2);
  await page.waitForFunction(() => document.getElementById('canvas').style.cursor === 'text', null, { timeout: 3000 });
  await click(page, 'settings.name');
  // Letters a US keyboard lacks come as a European layout sends them: a keydown whose key is the
  // letter (Playwright's own type() would insert them as IME text instead).
  const cdp = await context.newCDPSession(page);
  for (const ch of 'Zoë Ångström') {
    const ascii = /[ -~]/.test(ch);
    const vk = ascii ? ch.toUpperCase().charCodeAt(0) : 0;
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, windowsVirtualKeyCode: vk });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, windowsVirtualKeyCode: vk });
  }
  await page.evaluate(() => navigator.clipboard.writeText(' & Grace'));
  await page.keyboard.press('Control+V');
  await page.waitForTimeout(150);
  assert.equal(await savedName(page), 'Zoë Ångström & Grace');

  // Select all and copy: the page's clipboard now holds what the field holds.
  await click(page, 'settings.name');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t === 'Zoë Ångström & Grace'), null, { timeout: 3000 });
  // Backspace on the selection empties the field (the key is the game's, not the browser's Back).
  await page.keyboard.press('Backspace');
  await page.waitForTimeout(150);
  assert.equal(await savedName(page), '');
  assert.equal(page.url().startsWith(session.url), true);

  // Away from the field the pointer is an arrow again.
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => document.getElementById('canvas').style.cursor === 'default', null, { timeout: 3000 });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('text pasted while the page is idle (its loop paused) arrives without any other input', async () => {
  const { page, context } = await open(session);
  await click(page, 'title.settings');
  await waitScreen(page, 'settings');
  await click(page, 'settings.name');
  // Idle: no frame drawn for a whole second (the main loop has paused).
  const before = await waitUntilIdle(page, { stepMs: 1000, max: 20 });
  // A paste from the browser's own menu: no key or mouse event reaches the page first.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'Ada');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  });
  await page.waitForFunction((n) => window.buyin.framesDrawn() > n, before, { timeout: 3000 });
  await page.waitForTimeout(150);
  assert.equal(await savedName(page), 'Ada');
  await context.close();
});

test('after focus has left the canvas, a click gives it the keyboard back', async () => {
  const { page, context } = await open(session);
  await page.evaluate(() => document.getElementById('canvas').blur());
  assert.notEqual(await page.evaluate(() => document.activeElement && document.activeElement.id), 'canvas');
  await page.mouse.click(5, 5);  // an empty corner: nothing there to press
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'canvas');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => window.buyin.screen() !== 'title', null, { timeout: 5000 });
  await context.close();
});

test('a touch screen: a tap opens a title entry, and a tap on Back returns', async () => {
  const { page, context, log } = await open(session, { hasTouch: true });
  const it = await item(page, 'title.practice');
  await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
  await waitScreen(page, 'practice');
  const back = await item(page, 'back');
  await page.touchscreen.tap(back.x + back.w / 2, back.y + back.h / 2);
  await waitScreen(page, 'title');
  await shot(page, 'title-after-touch');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the keys the browser owns stay its own; the keys the game uses do not leak to the page', async () => {
  const { page, context } = await open(session);
  await page.focus('#canvas');
  // Record whether the game's canvas listener prevented each key's default action (it runs before
  // this bubbling listener), then prevent it here anyway, so F5 does not really reload the test.
  await page.evaluate(() => {
    window.keyLog = [];
    window.addEventListener('keydown', (e) => { window.keyLog.push([e.key, e.defaultPrevented]); e.preventDefault(); });
  });
  for (const k of ['Tab', 'ArrowDown', 'Backspace', 'a', 'F5', 'Control+C', 'Control+V']) await page.keyboard.press(k);
  const log = Object.fromEntries(await page.evaluate(() => window.keyLog.filter(([k]) => k !== 'Control')));
  assert.deepEqual(log, { Tab: true, ArrowDown: true, Backspace: true, a: true, F5: false, C: false, V: false });
  await context.close();
});
