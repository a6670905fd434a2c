// Shared helpers for the LMS tests: package the built web app with tools/package-scorm, unzip it,
// host it as an LMS would (a parent page running scorm-again's SCORM 1.2 API with the SCO in an
// iframe), and drive it with real clicks through the browser-test harness.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import { serve } from '../../tools/serve.mjs';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIR = process.env.BUYIN_WEB_DIR || path.join(ROOT, 'build/web/game');
export const HAVE_WEB = fs.existsSync(path.join(WEB_DIR, 'buyin.wasm')) && fs.existsSync(path.join(WEB_DIR, 'lms.js'));
export const NO_WEB = HAVE_WEB ? false : `no web build with lms.js in ${WEB_DIR} (cmake --build --preset web --target buyin)`;
export const lms = require('../../web/lms.js');
export const onboarding = JSON.parse(fs.readFileSync(path.join(ROOT, 'content/onboarding.json'), 'utf8'));

export function tmpdir(tag) { return fs.mkdtempSync(path.join(os.tmpdir(), `buyin-${tag}-`)); }

// Runs tools/package-scorm on the existing web build; returns the zip path.
export function packageScorm(args, dir = tmpdir('scorm')) {
  const out = path.join(dir, 'buyin-scorm.zip');
  execFileSync(path.join(ROOT, 'tools/package-scorm'), ['--web-dir', WEB_DIR, '--out', out, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 });
  return out;
}

export function unzip(zipFile, dest) {
  const zip = new AdmZip(zipFile);
  zip.extractAllTo(dest, true);
  return zip.getEntries().map((e) => e.entryName);
}

// A temp web root: /lms.html (the LMS stand-in), /scorm12.js (scorm-again), /sco/ (the package).
export async function hostLms(zipFile) {
  const root = tmpdir('lms-host');
  const entries = unzip(zipFile, path.join(root, 'sco'));
  fs.copyFileSync(require.resolve('scorm-again/scorm12'), path.join(root, 'scorm12.js'));
  fs.writeFileSync(path.join(root, 'lms.html'), `<!doctype html><html><head><meta charset="utf-8"><title>LMS stand-in</title><link rel="icon" href="data:,">
<style>html,body{margin:0;height:100%;overflow:hidden}iframe{position:fixed;left:0;top:0;width:100vw;height:100vh;border:0}</style>
<script src="scorm12.js"></script><script src="host.js"></script></head><body></body></html>\n`);
  // The LMS side: a Scorm12API loaded with what an earlier session left (?cmi=JSON), every call
  // recorded with its result and error code, and the SCO launched in a frame.
  fs.writeFileSync(path.join(root, 'host.js'), `'use strict';
window.lmsCalls = [];
const api = new Scorm12API({ autocommit: false, logLevel: 5, lmsCommitUrl: false });
const init = new URLSearchParams(location.search).get('cmi');
if (init) api.loadFromJSON(JSON.parse(init));
for (const name of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit']) {
  const orig = api[name].bind(api);
  api[name] = (...args) => {
    const result = orig(...args);
    window.lmsCalls.push({ name, args, result, error: String(api.LMSGetLastError()) });
    return result;
  };
}
window.API = api;
window.lmsState = () => ({ status: api.cmi.core.lesson_status, raw: api.cmi.core.score.raw, min: api.cmi.core.score.min,
  max: api.cmi.core.score.max, suspend: api.cmi.suspend_data,
  // write-only for the SCO, so read back from what the SCO set
  exit: (window.lmsCalls.filter((c) => c.name === 'LMSSetValue' && c.args[0] === 'cmi.core.exit').pop() || { args: [] }).args[1],
  session_time: (window.lmsCalls.filter((c) => c.name === 'LMSSetValue' && c.args[0] === 'cmi.core.session_time').pop() || { args: [] }).args[1] });
addEventListener('DOMContentLoaded', () => {
  const f = document.createElement('iframe');
  f.id = 'sco'; f.src = 'sco/index.html'; f.title = 'Buy-In';
  document.body.appendChild(f);
});
`);
  const server = await serve(root, 0);
  const url = `http://127.0.0.1:${server.address().port}/lms.html`;
  return { root, entries, url, close: () => new Promise((r) => server.close(r)) };
}

// The SCO's frame dressed as a page for the harness helpers (click, items, waitScreen...): the
// frame fills the window at (0,0), so its item rectangles are page coordinates.
export function scoView(page) {
  const frame = () => page.frames().find((f) => f !== page.mainFrame() && f.url().includes('/sco/'));
  return {
    evaluate: (...a) => frame().evaluate(...a),
    waitForFunction: (...a) => frame().waitForFunction(...a),
    waitForTimeout: (ms) => page.waitForTimeout(ms),
    viewportSize: () => page.viewportSize(),
    mouse: page.mouse,
    keyboard: page.keyboard,
    frame,
  };
}
