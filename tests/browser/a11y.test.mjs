// The semantic layer over the canvas, as assistive technology meets it: a lesson played with
// Playwright's role locators alone (what a screen reader or voice control sees and presses, no
// coordinates), axe-core's WCAG 2.1 A/AA rules on every screen's DOM, focus that follows the
// keyboard both ways, the coach agreeing with the verdict, and tooltips that keep off the feedback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { startSession, open, waitScreen, items, shot } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let session;
before(async () => { session = await startSession(); });
after(async () => { await session.close(); });

// axe-core, run in the page on its DOM (the page's CSP forbids inline scripts: evaluated instead).
async function axe(page, screen) {
  await page.waitForTimeout(150);  // the frames after the last input have published their items
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
  const r = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  const found = r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')})`);
  assert.deepEqual(found, [], `axe on ${screen}`);
  return r.passes.length;
}

const role = (page, r, name) => page.getByRole(r, { name });
const movesPlayed = (page) => page.evaluate(() => {
  const r = window.buyin.items().find((x) => x.id.startsWith('meeting.result.'));
  return r ? Number(r.id.split('.')[2]) : 0;
});

// Plays the meeting to its end by role: a move card (named "N  label"), and the first person
// when the move asks whom to aim it at. Returns the verdicts read from the page's text.
async function playByRole(page, choose = (i) => i % 2) {
  const verdicts = [];
  for (let i = 0; i < 80; i++) {
    if (await role(page, 'button', 'See the debrief').count()) return verdicts;
    const before = await movesPlayed(page);
    const cards = role(page, 'button', /^\d\s+\S/);
    await cards.nth(choose(i) % (await cards.count())).click();
    await page.waitForFunction((k) => window.buyin.items().some((x) => x.id === `meeting.result.${k}` || x.id === 'meeting.debrief' ||
      x.id === 'meeting.target.cancel'), before + 1, { timeout: 5000 });
    if (await role(page, 'button', 'Cancel').count()) {
      await role(page, 'button', /^1\s/).first().click();
      await page.waitForFunction((k) => window.buyin.items().some((x) => x.id === `meeting.result.${k}` || x.id === 'meeting.debrief'),
        before + 1, { timeout: 5000 });
    }
    const v = await page.getByText(/^(Facilitated|Neutral|Pushed|Harmful), [+-]\d+ points$/).first().textContent().catch(() => null);
    verdicts.push(v);
  }
  throw new Error('the game did not end');
}

test('lesson 1 played to its end with role locators only, and axe finds no WCAG 2.1 A/AA violation on any screen', async () => {
  const { page, context, log } = await open(session, { viewport: { width: 1366, height: 900 } });
  let checked = await axe(page, 'title');
  assert.equal(await role(page, 'heading', 'Buy-In').evaluate((el) => el.tagName), 'H1');

  await role(page, 'button', /^Onboarding\./).click();
  await waitScreen(page, 'onboarding');
  await role(page, 'heading', 'Onboarding').waitFor();
  checked += await axe(page, 'onboarding');
  await role(page, 'button', /^1\. The settled status quo/).click();
  await waitScreen(page, 'briefing');
  assert.ok(await role(page, 'list', 'Who you will meet').count(), 'the people to meet are a list');
  checked += await axe(page, 'briefing');
  await role(page, 'button', 'Start the first meeting').click();
  await waitScreen(page, 'meeting');
  // The transcript is a log whose lines are the conversation; the coach speaks first.
  await page.getByRole('log', { name: 'Conversation' }).waitFor({ state: 'attached' });
  assert.match(await page.getByRole('log', { name: 'Conversation' }).textContent(), /First meeting with/);
  assert.match(await page.getByRole('status').filter({ hasText: /^Coach:/ }).textContent(), /Coach: /);
  checked += await axe(page, 'meeting');
  const verdicts = await playByRole(page);
  assert.ok(verdicts.length >= 3, `moves were played by role (${verdicts.length})`);
  assert.ok(verdicts.every((v) => v), `every move's verdict is readable text: ${verdicts}`);
  const spoken = await page.textContent('#announcer');
  assert.match(spoken, /(Facilitated|Neutral|Pushed|Harmful), -?\d+ points/);
  checked += await axe(page, 'meeting, game over');
  await role(page, 'button', 'See the debrief').click();
  await waitScreen(page, 'debrief');
  await role(page, 'heading', /^Debrief: /).waitFor();
  // The hidden constraints and the score are tables of rows and cells.
  const table = page.getByRole('table', { name: 'The hidden constraints' });
  assert.ok((await table.getByRole('row').count()) >= 2, 'constraint rows');
  assert.ok((await table.getByRole('cell').count()) >= 5, 'constraint cells');
  assert.ok(await page.getByRole('table', { name: 'Score breakdown' }).getByRole('row').count() >= 1);
  assert.ok(await role(page, 'button', 'Try from here').count() >= verdicts.length, 'every move can be branched from');
  checked += await axe(page, 'debrief');
  await shot(page, 'a11y-debrief');

  // The other screens, reached by role as well.
  await role(page, 'button', '< Home').click();
  await waitScreen(page, 'title');
  await role(page, 'button', /^Practice\./).click();
  await waitScreen(page, 'practice');
  assert.equal(await role(page, 'tab', 'Library').getAttribute('aria-selected'), 'true');
  assert.ok(await role(page, 'button', /^The family car|: Consumer, /).count(), 'the library lists buyers by name');
  checked += await axe(page, 'practice library');
  await role(page, 'tab', 'History and skills').click();
  await page.waitForFunction(() => window.buyin.items().some((x) => x.id === 'practice.tab.history' && x.selected));
  assert.equal(await role(page, 'tab', 'History and skills').getAttribute('aria-selected'), 'true');
  checked += await axe(page, 'practice history');
  await role(page, 'button', '< Back').click();
  await waitScreen(page, 'title');
  await role(page, 'button', /^Team challenge\./).click();
  await waitScreen(page, 'challenge');
  for (const tab of ['Organize', 'Play', 'Leaderboard']) {
    await role(page, 'tab', tab).click();
    await page.waitForFunction((t) => window.buyin.items().some((x) => x.role === 'tab' && x.name === t && x.selected), tab);
    checked += await axe(page, `challenge ${tab}`);
  }
  await role(page, 'button', '< Back').click();
  await waitScreen(page, 'title');
  await role(page, 'button', 'Settings').click();
  await waitScreen(page, 'settings');
  const hc = role(page, 'checkbox', 'High-contrast theme');
  assert.equal(await hc.isChecked(), false);
  checked += await axe(page, 'settings');
  await role(page, 'button', '< Back').click();
  await waitScreen(page, 'title');
  await role(page, 'button', 'About').click();
  await waitScreen(page, 'about');
  assert.ok(await role(page, 'list', 'Credits and licenses').getByRole('listitem').count() >= 3);
  checked += await axe(page, 'about');
  assert.ok(checked > 50, `axe ran its checks (${checked} rules passed in all)`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a screen reader pressing a control acts on the game (element.click(), no pointer), and a checkbox follows the game', async () => {
  const { page, context, log } = await open(session);
  // What assistive technology does: the element's default action, with no pointer events at all.
  await page.evaluate(() => document.querySelector('#semantics [data-id="title.settings"]').click());
  await waitScreen(page, 'settings');
  await page.evaluate(() => document.querySelector('#semantics [data-id="settings.show_numbers"]').click());
  await page.waitForFunction(() => window.buyin.items().some((x) => x.id === 'settings.show_numbers' && x.checked));
  assert.equal(await page.getByRole('checkbox', { name: 'Show trust and openness as numbers' }).isChecked(), true);
  await page.evaluate(() => document.querySelector('#semantics [data-id="settings.show_numbers"]').click());
  await page.waitForFunction(() => window.buyin.items().some((x) => x.id === 'settings.show_numbers' && !x.checked));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('focus follows the keyboard into the mirror, and a screen reader moving focus moves the game\'s', async () => {
  const { page, context, log } = await open(session);
  await page.focus('#canvas');
  // Arrow keys move ImGui's focus; the mirrored element of the focused item takes DOM focus.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(80);
    if (await page.evaluate(() => !!document.activeElement.dataset.id)) break;
  }
  const first = await page.evaluate(() => document.activeElement.dataset.id);
  assert.ok(first, 'a mirrored element has focus after an arrow key');
  const focusedItem = (await items(page)).find((x) => x.focused);
  assert.equal(first, focusedItem.id, 'DOM focus is on the item ImGui has focused');
  // Keys keep working while a mirrored element has focus: Space presses it.
  await page.evaluate(() => document.querySelector('#semantics [data-id="title.about"]').focus());
  await page.waitForFunction(() => window.buyin.items().some((x) => x.id === 'title.about' && x.focused), null, { timeout: 3000 });
  await page.keyboard.press('Space');
  await waitScreen(page, 'about');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the coach never contradicts the verdict beside it, and a card\'s tooltip keeps off the feedback', async () => {
  const { page, context, log } = await open(session, { viewport: { width: 1366, height: 768 } });
  await role(page, 'button', /^Onboarding\./).click();
  await waitScreen(page, 'onboarding');
  await role(page, 'button', /^1\. /).click();
  await waitScreen(page, 'briefing');
  await role(page, 'button', 'Start the first meeting').click();
  await waitScreen(page, 'meeting');
  const coach = async () => ((await items(page)).find((x) => x.id === 'meeting.coach') || {}).name || '';
  const verdict = async () => ((await items(page)).find((x) => x.id.startsWith('meeting.verdict.')) || {}).id || '';
  // Helpful and pushy moves in turn: after each, the coach's words agree with the verdict shown
  // (each callout shows once per game, so an old one must not linger beside a new verdict).
  // The hand is grouped by category, helping first and pushing last.
  const play = async (which) => {
    const before = await movesPlayed(page);
    const cards = role(page, 'button', /^\d\s+\S/);
    await (which === 'first' ? cards.first() : cards.last()).click();
    await page.waitForFunction((k) => window.buyin.items().some((x) => x.id === `meeting.result.${k}` || x.id === 'meeting.target.cancel'),
      before + 1, { timeout: 5000 });
    if (await role(page, 'button', 'Cancel').count()) await role(page, 'button', /^1\s/).first().click();
    await page.waitForFunction((k) => window.buyin.items().some((x) => x.id === `meeting.result.${k}`), before + 1, { timeout: 5000 });
  };
  const seen = [];
  for (const move of ['first', 'last', 'first', 'last', 'first', 'last']) {
    await play(move);
    const v = await verdict(), c = await coach();
    seen.push(`${v}: ${c}`);
    if (/facilitated/.test(v)) assert.doesNotMatch(c, /That pushed/, seen.join(' | '));
    if (/pushed|harmful/.test(v)) assert.doesNotMatch(c, /That helped/, seen.join(' | '));
  }
  assert.ok(seen.some((x) => /That helped/.test(x)) && seen.some((x) => /verdict\.(pushed|harmful)/.test(x)), seen.join(' | '));
  // Hover each card: its tooltip, drawn in the moves column, never overlaps the feedback.
  const all = await items(page);
  const feedback = all.find((x) => x.id === 'meeting.feedback');
  assert.ok(feedback && feedback.h > 0, 'the feedback is published');
  for (const card of all.filter((x) => x.id.startsWith('meeting.card.'))) {
    await page.mouse.move(card.x + card.w / 2, card.y + card.h / 2);
    await page.waitForFunction(() => window.buyin.items().some((x) => x.id === 'meeting.tooltip'), null, { timeout: 3000 });
    const tip = (await items(page)).find((x) => x.id === 'meeting.tooltip');
    const overlap = tip.x < feedback.x + feedback.w && feedback.x < tip.x + tip.w && tip.y < feedback.y + feedback.h && feedback.y < tip.y + tip.h;
    assert.ok(!overlap, `${card.id}'s tooltip ${JSON.stringify(tip)} covers the feedback ${JSON.stringify(feedback)}`);
    assert.ok(tip.y + tip.h <= 768 && tip.y >= 0, `${card.id}'s tooltip is inside the window`);
  }
  await shot(page, 'meeting-tooltip');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a screen reader chooses from a combo and sets the slider through the mirror (no pointer), and axe passes with a list open', async () => {
  const { page, context, log } = await open(session, { viewport: { width: 1366, height: 900 } });
  await role(page, 'button', /^Practice\./).click();
  await waitScreen(page, 'practice');
  const press = (locator) => locator.evaluate((el) => el.click());  // a screen reader's "activate": no pointer events
  const gameValue = (id) => page.evaluate((x) => (window.buyin.items().find((i) => i.id === x) || {}).value, id);

  // The combo is a combobox named by its label, reading its choice; pressing it opens a listbox.
  const difficulty = page.getByRole('combobox', { name: 'Difficulty' });
  const all = (await items(page)).filter((i) => i.id.startsWith('practice.scenario.')).length;
  assert.equal(await difficulty.textContent(), 'Any difficulty');
  assert.equal(await difficulty.getAttribute('aria-expanded'), 'false');
  await press(difficulty);
  const list = page.getByRole('listbox', { name: 'Difficulty' });
  await list.waitFor({ state: 'attached' });
  assert.equal(await difficulty.getAttribute('aria-expanded'), 'true');
  assert.equal(await difficulty.getAttribute('aria-controls'), await list.getAttribute('id'));
  assert.equal(await list.getByRole('option').count(), 6);
  assert.equal(await list.getByRole('option', { name: 'Any difficulty' }).getAttribute('aria-selected'), 'true');
  await axe(page, 'practice, a combo open');
  await press(list.getByRole('option', { name: '1 - gentle' }));
  await page.waitForFunction(() => window.buyin.items().some((i) => i.id === 'practice.filter.difficulty' && i.value === '1 - gentle' && !i.expanded));
  assert.equal(await difficulty.textContent(), '1 - gentle');
  assert.equal(await list.count(), 0, 'the list closed with the choice');
  // The library follows the filter: fewer buyers, and some.
  const shown = (await items(page)).filter((i) => i.id.startsWith('practice.scenario.')).length;
  assert.ok(shown >= 1 && shown < all, `gentle buyers listed: ${shown} of ${all}`);

  // Role locators with Playwright's own clicks (a pointer), on another combo.
  await page.getByRole('combobox', { name: 'Group size' }).click();
  await page.getByRole('option', { name: 'One person' }).click();
  await page.waitForFunction(() => window.buyin.items().some((i) => i.id === 'practice.filter.size' && i.value === 'One person'));

  // The keyboard: Enter on the focused combobox opens it with its choice focused; arrows and Enter choose.
  const type = page.getByRole('combobox', { name: 'Hidden constraint type' });
  await type.focus();
  await page.waitForFunction(() => window.buyin.items().some((i) => i.id === 'practice.filter.type' && i.focused));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.buyin.items().some((i) => i.id === 'practice.filter.type.options.0' && i.focused));
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'option', 'focus went into the open list');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => window.buyin.items().some((i) => i.id === 'practice.filter.type.options.1' && i.focused));
  const chosen = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('Enter');
  await page.waitForFunction((c) => window.buyin.items().some((i) => i.id === 'practice.filter.type' && i.value === c), chosen);

  // The slider is an <input type=range> with the game's range; arrow keys and a set value reach the game.
  await role(page, 'button', '< Back').click();
  await waitScreen(page, 'title');
  await role(page, 'button', /^Team challenge\./).click();
  await waitScreen(page, 'challenge');
  await role(page, 'tab', 'Organize').click();
  const limit = page.getByRole('slider', { name: /^Meeting limit/ });
  await limit.waitFor({ state: 'attached' });
  assert.deepEqual([await limit.getAttribute('min'), await limit.getAttribute('max'), await limit.inputValue()], ['0', '12', '0']);
  await limit.focus();
  await page.waitForFunction(() => window.buyin.items().some((i) => i.id === 'challenge.org.meetings' && i.focused));
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.buyin.items().some((i) => i.id === 'challenge.org.meetings' && i.value === '3'));
  assert.equal(await limit.inputValue(), '3');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), 'challenge.org.meetings', 'the arrows left focus on the slider');
  await limit.fill('7');
  await page.waitForFunction(() => window.buyin.items().some((i) => i.id === 'challenge.org.meetings' && i.value === '7'));
  await page.keyboard.press('End');
  await page.waitForFunction(() => window.buyin.items().some((i) => i.id === 'challenge.org.meetings' && i.value === '12'));
  assert.equal(await gameValue('challenge.org.meetings'), '12');
  await axe(page, 'challenge organize, slider set');
  assert.deepEqual(log.errors, []);
  await context.close();
});
