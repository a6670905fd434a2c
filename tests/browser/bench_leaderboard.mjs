// Benchmark (prints figures, asserts nothing): how long the leaderboard takes to verify N
// result codes in the browser, from the click on "Verify and rank" to the ranked table.
// Usage: node tests/browser/bench_leaderboard.mjs CODES_FILE [RUNS] [CHALLENGE_CODE]
// (the leaderboard ranks only codes of the challenge it is given; by default CODES_FILE.challenge)
import fs from 'node:fs';
import path from 'node:path';
import { startSession, open, click, waitScreen, waitItem } from './harness.mjs';

const file = process.argv[2];
const runs = Number(process.argv[3] || 3);
const challenge = (process.argv[4] || fs.readFileSync(`${file}.challenge`, 'utf8')).trim();
const n = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).length;
const session = await startSession();
const times = [];
for (let r = 0; r < runs; r++) {
  const { page, context } = await open(session);
  await click(page, 'title.challenge');
  await waitScreen(page, 'challenge');
  await click(page, 'challenge.tab.board');
  await click(page, 'board.challenge');
  await page.keyboard.type(challenge);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'board.open')]);
  await chooser.setFiles(file);
  await page.waitForTimeout(500);
  const it = await waitItem(page, 'board.verify');
  await page.mouse.move(it.x + it.w / 2, it.y + it.h / 2);
  await page.waitForTimeout(50);
  const t0 = await page.evaluate(() => performance.now());
  await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
  await page.waitForFunction((k) => window.buyin.items().some((x) => x.id.startsWith(`board.summary.${k}.`)), n, { timeout: 60000, polling: 5 });
  const t1 = await page.evaluate(() => performance.now());
  times.push(Math.round(t1 - t0));
  await context.close();
}
await session.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const out = { codes: n, runs: times, median_ms: median, target_ms: 2000 };
const dir = path.resolve('build/bench');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'leaderboard.json'), JSON.stringify(out, null, 2) + '\n');
console.log(`leaderboard: verified ${n} result codes in the browser: median ${median} ms over ${runs} runs (${times.join(', ')} ms); target < 2000 ms`);
