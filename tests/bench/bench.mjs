// tests/bench/bench.mjs — the browser half of tools/bench. Serves the game and the bare Dear ImGui
// baseline on 127.0.0.1, drives Debian's Chromium (headless, SwiftShader WebGL2) with Playwright,
// alternates game and baseline N times, then prints a table and writes results.json.
//
// How each figure is taken (identical for both pages unless said):
//  payload      gzip -9 bytes of every response body the page received (Playwright 'response'
//               events; bodies compressed here with zlib level 9), summed; raw bytes alongside.
//               Taken in a second load of the page (measurePayload): reading bodies slows a load.
//  first frame  ms from navigation start (performance.now() origin) to the first WebGL draw call
//               (drawElements/drawArrays, hooked on both WebGL prototypes by an init script before
//               any page script runs). Both apps draw nothing before their first ImGui frame, and
//               both draw that frame inside a requestAnimationFrame callback, so the first draw
//               call is the first frame. For the game, the time window.buyin.framesDrawn() first
//               turns > 0 (web/glue.js) is recorded too, as a cross-check. The first draw call is
//               when the page issues the frame; the GPU process (SwiftShader) renders it after.
//               As an upper bound on when it reached the screen, the start of the next
//               animation-frame callback after it is recorded too (no target), and how long
//               getContext('webgl2') took (a synchronous wait on the GPU process). After each
//               page closes, GPU_DRAIN_MS pass before the next one opens (both kinds), so a page
//               does not pay for the previous page's queued GPU work.
//  idle         Chromium's CDP Performance.getMetrics TaskDuration (renderer main thread, all
//               tasks: script, style, layout, paint, GL command submission) before and after
//               IDLE_MS with no input, as busy ms per second. ScriptDuration alongside.
//  under input  the mouse moves in a circle over the canvas every ~16 ms for INPUT_MS;
//               TaskDuration delta divided by the frames drawn in that window. A frame is a
//               requestAnimationFrame callback that issued at least one draw call (rAF wrapped
//               by the same init script).
//  memory       after loading (game: after opening a lesson to its meeting screen when the UI
//               allows it, else the title screen; baseline: after its first frames):
//               "in use" = the address Module._malloc returns for a fresh 4 MiB block, freed at
//               once (dlmalloc without mmap takes it from the top of the heap, so this is static
//               data + stack + the heap's high-water mark); "reserved" = Module.HEAP8.length (the
//               wasm memory size, 32 MiB initial for both). performance.memory's JS heap is
//               recorded too. measureUserAgentSpecificMemory needs cross-origin isolation,
//               which neither page has.
// Each page is loaded once, unmeasured, before the runs (warmUp); run i measures the game first
// when i is even and the baseline first when it is odd. Medians over the runs; ratios are
// game / baseline.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => {
  if (v.startsWith('--')) a.push([v.slice(2), all[i + 1]]);
  return a;
}, []));
const RUNS = Number(args.runs || 3);
const IDLE_MS = 5000, INPUT_MS = 3000, SETTLE_MS = 1000, GPU_DRAIN_MS = 3000;
const ARGS = ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];

const HOOK = () => {
  const b = window.__bench = { firstDraw: null, nextFrameAfterFirst: null, gameFirstFrame: null, frames: 0, draws: 0 };
  let drewThisFrame = false;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    if (b.firstDraw !== null && b.nextFrameAfterFirst === null) b.nextFrameAfterFirst = performance.now();
    drewThisFrame = false;
    const r = cb(t);
    if (b.gameFirstFrame === null && window.buyin && window.buyin.framesDrawn && window.buyin.framesDrawn() > 0) {
      b.gameFirstFrame = performance.now();
    }
    return r;
  });
  const mark = () => {
    b.draws++;
    if (drewThisFrame) return;
    drewThisFrame = true;
    b.frames++;
    if (b.firstDraw === null) b.firstDraw = performance.now();
  };
  // How long creating the WebGL context took (a synchronous wait on the GPU process).
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (...a) {
    const t0 = performance.now();
    const r = getContext.apply(this, a);
    if (b.contextMs === undefined && /webgl/.test(a[0])) b.contextMs = performance.now() - t0;
    return r;
  };
  for (const C of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    if (!C) continue;
    for (const m of ['drawElements', 'drawArrays']) {
      const orig = C.prototype[m];
      C.prototype[m] = function (...a) { mark(); return orig.apply(this, a); };
    }
  }
};

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

// Game only: title -> first lesson -> briefing -> meeting, clicking the rectangles the UI publishes.
async function openScenario(page) {
  const clickId = async (pred, timeout = 10000) => {
    const h = await page.waitForFunction((src) => {
      const f = new Function('i', `return (${src})(i);`);
      const it = window.buyin.items().find((i) => f(i));
      return it ? { x: it.x + it.w / 2, y: it.y + it.h / 2, id: it.id } : null;
    }, pred.toString(), { timeout });
    const p = await h.jsonValue();
    await page.mouse.click(p.x, p.y);
    return p.id;
  };
  try {
    await clickId((i) => i.id === 'title.onboarding');
    await page.waitForFunction(() => window.buyin.screen() === 'onboarding', null, { timeout: 10000 });
    await clickId((i) => i.id.startsWith('onboarding.lesson.'));
    await page.waitForFunction(() => window.buyin.screen() === 'briefing', null, { timeout: 10000 });
    await clickId((i) => i.id === 'briefing.start');
    await page.waitForFunction(() => window.buyin.screen() === 'meeting', null, { timeout: 10000 });
    return 'meeting';
  } catch (e) {
    return `title (could not open a lesson: ${e.message.split('\n')[0]})`;
  }
}

// A fresh browser context and page, loaded with the hook to its first WebGL draw call.
// `before(page)` attaches listeners before the load starts.
async function loadToFirstDraw(browser, url, before = () => {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  before(page);
  await page.addInitScript(HOOK);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench && window.__bench.firstDraw !== null, null, { timeout: 60000 });
  return { context, page };
}

// One load of a page to its first draw, not measured. The first WebGL page after the browser
// starts pays for the GPU process's own start-up (getContext took 750-1,000 ms there against
// 50-300 ms after), so each kind is loaded once before the runs.
async function warmUp(browser, url) {
  const { context } = await loadToFirstDraw(browser, url);
  await context.close();
  await new Promise((r) => setTimeout(r, GPU_DRAIN_MS));
}

// The payload, from a load of its own: reading response bodies through the DevTools protocol
// while the page loads slowed the game's first frame by ~350 ms (the baseline's not at all), so the
// timed load reads none.
async function measurePayload(browser, url) {
  const bodies = [];
  const { context, page } = await loadToFirstDraw(browser, url, (p) => p.on('response', (r) => {
    bodies.push(r.body().then((b) => ({ url: r.url(), status: r.status(), body: b }))
      .catch(() => ({ url: r.url(), status: r.status(), body: Buffer.alloc(0) })));
  }));
  await page.waitForLoadState('networkidle');
  const files = (await Promise.all(bodies)).map((f) => ({ url: f.url, status: f.status, raw: f.body.length,
    gz: zlib.gzipSync(f.body, { level: 9 }).length }));
  await context.close();
  const loaded = files.filter((f) => f.status >= 200 && f.status < 300);  // a 404 (favicon probe) is not a file the page loads
  return { gzip: loaded.reduce((s, f) => s + f.gz, 0), raw: loaded.reduce((s, f) => s + f.raw, 0),
    files: files.map((f) => ({ file: new URL(f.url).pathname, status: f.status, raw: f.raw, gzip: f.gz })) };
}

async function measure(browser, kind, url) {
  const errors = [];
  const { context, page } = await loadToFirstDraw(browser, url, (p) => {
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  });
  if (kind === 'game') await page.waitForFunction(() => window.__bench.gameFirstFrame !== null, null, { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  const first = await page.evaluate(() => ({ ...window.__bench }));
  // Where the time to the first frame went: when each file finished arriving.
  const timeline = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => ({ file: new URL(e.name).pathname, start_ms: Math.round(e.startTime), end_ms: Math.round(e.responseEnd) })));
  // Main-thread counters from here on (enabling them before the load slowed the game's start).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const payload = await measurePayload(browser, url);

  let state = 'first screen';
  if (kind === 'game') state = await openScenario(page);
  // Move the pointer off the UI and let any hover / transition settle before the idle window.
  await page.mouse.move(2, 2);
  await page.waitForTimeout(SETTLE_MS);

  // Idle.
  const f0 = await page.evaluate(() => window.__bench.frames);
  const i0 = await metrics(cdp);
  await page.waitForTimeout(IDLE_MS);
  const i1 = await metrics(cdp);
  const f1 = await page.evaluate(() => window.__bench.frames);
  const idleSecs = i1.Timestamp - i0.Timestamp;
  const idle = {
    busy_ms_per_s: ((i1.TaskDuration - i0.TaskDuration) * 1000) / idleSecs,
    script_ms_per_s: ((i1.ScriptDuration - i0.ScriptDuration) * 1000) / idleSecs,
    frames_per_s: (f1 - f0) / idleSecs,
  };

  // Under input: a circle over the canvas.
  const m0 = await metrics(cdp);
  const g0 = await page.evaluate(() => window.__bench.frames);
  const start = Date.now();
  let k = 0, moves = 0;
  while (Date.now() - start < INPUT_MS) {
    const a = (k++ / 40) * 2 * Math.PI;
    await page.mouse.move(640 + 300 * Math.cos(a), 360 + 200 * Math.sin(a));
    moves++;
    await page.waitForTimeout(16);
  }
  const m1 = await metrics(cdp);
  const g1 = await page.evaluate(() => window.__bench.frames);
  const frames = g1 - g0;
  const inSecs = m1.Timestamp - m0.Timestamp;
  const input = {
    busy_ms_per_frame: frames > 0 ? ((m1.TaskDuration - m0.TaskDuration) * 1000) / frames : null,
    busy_ms_per_s: ((m1.TaskDuration - m0.TaskDuration) * 1000) / inSecs,
    script_ms_per_frame: frames > 0 ? ((m1.ScriptDuration - m0.ScriptDuration) * 1000) / frames : null,
    frames, frames_per_s: frames / inSecs, mouse_moves: moves,
  };

  const memory = await page.evaluate(() => {
    const M = window.Module;
    const out = { wasm_memory: M && M.HEAP8 ? M.HEAP8.length : null, heap_top: null,
      js_heap_used: performance.memory ? performance.memory.usedJSHeapSize : null };
    // Both builds export malloc/free (same link flags). dlmalloc (no mmap in Emscripten) carves a
    // fresh 4 MiB block from the top of the heap, so its address is static data + stack + the
    // heap's high-water mark: the memory the app has actually touched.
    if (M && M._malloc && M._free) {
      const p = M._malloc(4 << 20);
      if (p) { out.heap_top = p; M._free(p); }
    }
    return out;
  });
  await context.close();
  // The GPU process (SwiftShader) may still be rendering the closed page's last frames (the
  // baseline draws continuously): let it drain, so the next page's context creation and first
  // frame do not pay for the previous page. Same pause after either kind.
  await new Promise((ok) => setTimeout(ok, GPU_DRAIN_MS));
  return {
    kind, state, errors,
    payload,
    first_frame_ms: first.firstDraw, next_frame_after_first_ms: first.nextFrameAfterFirst,
    webgl_context_ms: first.contextMs ?? null, timeline,
    game_frames_drawn_ms: first.gameFirstFrame,
    idle, input, memory,
  };
}

const readJson = (f) => { try { return JSON.parse(fs.readFileSync(f, 'utf8')); } catch { return null; } };

async function main() {
  const gameServer = await serve(args.game, 0);
  const baseServer = await serve(args.baseline, 0);
  const urls = {
    game: `http://127.0.0.1:${gameServer.address().port}/`,
    baseline: `http://127.0.0.1:${baseServer.address().port}/`,
  };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const runs = { game: [], baseline: [] };
  try {
    for (const kind of ['game', 'baseline']) await warmUp(browser, urls[kind]);
    // Alternated, and which goes first alternates too, so neither always follows the other.
    for (let i = 0; i < RUNS; i++) {
      for (const kind of i % 2 ? ['baseline', 'game'] : ['game', 'baseline']) {
        const r = await measure(browser, kind, urls[kind]);
        runs[kind].push(r);
        process.stderr.write(`[bench] run ${i + 1}/${RUNS} ${kind}: payload ${r.payload.gzip} B gz, first frame ` +
          `${r.first_frame_ms?.toFixed(0)} ms, idle ${r.idle.busy_ms_per_s.toFixed(2)} ms/s, ` +
          `input ${r.input.busy_ms_per_frame?.toFixed(2)} ms/frame (${r.input.frames} frames), heap top ${r.memory.heap_top}` +
          `${r.errors.length ? `, errors: ${r.errors.join(' | ').slice(0, 200)}` : ''}\n`);
      }
    }
  } finally {
    await browser.close();
    gameServer.close(); baseServer.close();
  }

  const med = (kind, f) => median(runs[kind].map(f));
  const rows = [
    ['payload, gzip -9 bytes', (r) => r.payload.gzip, 1.0, 'le'],
    ['first frame, ms', (r) => r.first_frame_ms, 1.1, 'le'],
    ['first frame + next animation frame, ms', (r) => r.next_frame_after_first_ms, null],
    ['of which creating the WebGL context, ms', (r) => r.webgl_context_ms, null],
    ['idle main-thread busy, ms/s', (r) => r.idle.busy_ms_per_s, 0.05, 'le'],
    ['busy per frame under input, ms', (r) => r.input.busy_ms_per_frame, 1.2, 'le'],
    ['frames drawn per second under input', (r) => r.input.frames_per_s, null],
    ['wasm memory in use (heap top), bytes', (r) => r.memory.heap_top, null],
    ['wasm memory reserved (HEAP8.length), bytes', (r) => r.memory.wasm_memory, null],
  ];
  const table = rows.map(([name, f, target]) => {
    const g = med('game', f), b = med('baseline', f);
    const ratio = g !== null && b !== null && b !== 0 ? g / b : null;
    return { metric: name, game: g, baseline: b, ratio, target, pass: target === null || ratio === null ? null : ratio <= target };
  });
  const coreNative = readJson(args['core-native']), coreWasm = readJson(args['core-wasm']), cli = readJson(args.cli);
  const cliMedian = Array.isArray(cli) ? median(cli.map((s) => s.moves_per_sec)) : null;
  const core = {
    native_moves_per_sec: coreNative && coreNative.moves_per_sec,
    wasm_moves_per_sec: coreWasm && coreWasm.moves_per_sec,
    wasm_over_native: coreNative && coreWasm ? coreWasm.moves_per_sec / coreNative.moves_per_sec : null,
    cli_bench_median_moves_per_sec: cliMedian,
    native: coreNative, wasm: coreWasm, cli_bench: cli,
  };
  const result = {
    when: new Date().toISOString(), runs: RUNS, chromium: '/usr/bin/chromium (headless, SwiftShader WebGL2)',
    game_state_measured: runs.game.map((r) => r.state),
    methods: {
      payload: 'sum of gzip -9 sizes of every response body (Playwright response events)',
      first_frame: 'performance.now() at the first WebGL drawElements/drawArrays call (init-script hook); game cross-check: window.buyin.framesDrawn() > 0',
      idle: `CDP Performance.getMetrics TaskDuration delta over ${IDLE_MS} ms without input, ms per second`,
      input: `CDP TaskDuration delta over ${INPUT_MS} ms of mouse moves every ~16 ms, divided by rAF callbacks that drew`,
      memory: 'heap top = address of a fresh 4 MiB _malloc block (static data + stack + heap high-water mark); reserved = Module.HEAP8.length; after load, game after opening a lesson when possible',
      core: 'tests/bench/core_bench.cpp: 1000 random-policy games per scenario, best of 3 rounds, and expert games timed one by one (mean, max); native g++ -O3, wasm em++ with the game flags under node',
    },
    table, core, runs_detail: runs,
  };
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, JSON.stringify(result, null, 2));

  const fmt = (x, d = 0) => (x === null || x === undefined ? '-' : Number(x).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
  const lines = [];
  lines.push(`| metric (median of ${RUNS} runs each, alternated) | game | baseline | game/baseline | target | ok |`);
  lines.push('|---|---:|---:|---:|---:|:-:|');
  for (const t of table) {
    const d = /ms|per second/.test(t.metric) ? 2 : 0;
    lines.push(`| ${t.metric} | ${fmt(t.game, d)} | ${fmt(t.baseline, d)} | ${fmt(t.ratio, 3)} | ${t.target === null ? '-' : '<= ' + t.target} | ${t.pass === null ? '-' : t.pass ? 'yes' : 'NO'} |`);
  }
  lines.push(`| core throughput native (g++ -O3), moves/s | ${fmt(core.native_moves_per_sec)} | | | | |`);
  lines.push(`| core throughput wasm (node), moves/s | ${fmt(core.wasm_moves_per_sec)} | | ${fmt(core.wasm_over_native, 3)} of native | | |`);
  const ex = (c) => (c ? `${fmt(c.expert_ms_mean, 2)} mean, ${fmt(c.expert_ms_max, 2)} max` : '-');
  lines.push(`| expert search, ms per full game native (target wasm < 50) | ${ex(coreNative)} | | | | |`);
  lines.push(`| expert search, ms per full game wasm (node) | ${ex(coreWasm)} | | | < 50 | ${coreWasm ? (coreWasm.expert_ms_max < 50 ? 'yes' : 'NO') : '-'} |`);
  lines.push(`| \`tools/buyin bench --json\` median over scenarios, moves/s | ${fmt(core.cli_bench_median_moves_per_sec)} | | | | |`);
  console.log(lines.join('\n'));
  console.log(`\ngame measured on: ${[...new Set(result.game_state_measured)].join('; ')}`);
  console.log(`results: ${args.out}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
