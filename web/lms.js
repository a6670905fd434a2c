// lms.js: Buy-In inside the tools onboarding teams already run. Defines window.buyinLms.
//  - SCORM 1.2: finds the LMS's `API` object (window.parent chain, then window.opener), reports
//    lesson status, score and resumable progress (cmi.suspend_data), commits after each change and
//    finishes on pagehide. Every call's error code is checked; problems go to console.warn.
//  - xAPI: builds statements (attempted, completed, passed/failed) for every finished game, keeps
//    them for exportStatements() (a JSON download), and POSTs them to an LRS only when the package
//    config names one. Nothing is sent anywhere unless configured.
// With no LMS and no package config, nothing here talks to anything: the game runs standalone.
// The package config is buyin-lms.json next to index.html (written by tools/package-scorm); it is
// only fetched when an LMS API was found or the script tag carries data-config (the packager adds it).
// The pure parts are exported for node tests when loaded with require().
'use strict';
(function (root, factory) {
  const lib = factory();
  if (typeof module === 'object' && module.exports) module.exports = lib;
  if (typeof window !== 'undefined' && typeof document !== 'undefined' && !window.buyinLms) {
    window.buyinLms = lib.start(window, document.currentScript);
  }
})(this, function () {
  const SUSPEND_MAX = 4096;          // SCORM 1.2's limit for cmi.suspend_data
  const LESSON_ID_MAX = 64;          // the game's own limit for a lesson id in saved progress
  const STORE_MAX = 1000;            // statements kept for export (oldest dropped first)
  const OUTBOX_MAX = 500;            // statements waiting for an LRS (oldest dropped first)
  const ACTIVITY_BASE = 'https://buyin.invalid/activities/';
  const EXT = 'https://buyin.invalid/extensions/';
  const VERBS = {
    attempted: 'http://adlnet.gov/expapi/verbs/attempted',
    completed: 'http://adlnet.gov/expapi/verbs/completed',
    passed: 'http://adlnet.gov/expapi/verbs/passed',
    failed: 'http://adlnet.gov/expapi/verbs/failed',
  };
  const DEFAULTS = { mode: 'onboarding', scenario: '', pass_threshold: null, xapi: { endpoint: '', auth: '', actor: null } };

  function warn(...args) { if (typeof console !== 'undefined') console.warn('[buyin lms]', ...args); }
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

  // The package config with defaults filled in. pass_threshold is on the SCORM raw scale (0..100):
  // onboarding: the share of lessons passed (default 100: every lesson); scenario: the game's
  // score clamped to 0..100 (default 50).
  function normalizeConfig(raw) {
    const c = isObj(raw) ? raw : {};
    const mode = c.mode === 'scenario' ? 'scenario' : 'onboarding';
    let t = Number(c.pass_threshold);
    if (c.pass_threshold === undefined || c.pass_threshold === null || c.pass_threshold === '' || !Number.isFinite(t)) t = mode === 'scenario' ? 50 : 100;
    const x = isObj(c.xapi) ? c.xapi : {};
    let endpoint = typeof x.endpoint === 'string' ? x.endpoint.trim() : '';
    if (endpoint) {
      try {
        const u = new URL(endpoint);
        if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not http(s)');
        endpoint = u.href.endsWith('/') ? u.href : u.href + '/';
      } catch (e) { warn('xapi.endpoint is not an http(s) URL; statements will not be sent:', endpoint); endpoint = ''; }
    }
    let auth = typeof x.auth === 'string' ? x.auth.trim() : '';
    if (auth && !/^Basic /i.test(auth)) auth = 'Basic ' + b64(auth);   // "user:password" is accepted too
    const a = isObj(x.actor) ? x.actor : null;
    const actor = a && (a.mbox || a.name) ? { name: typeof a.name === 'string' ? a.name : '', mbox: typeof a.mbox === 'string' ? a.mbox : '' } : null;
    let base = typeof c.activity_base === 'string' && /^https?:\/\/[^/]+/.test(c.activity_base) ? c.activity_base : ACTIVITY_BASE;
    if (!base.endsWith('/')) base += '/';
    return { mode, scenario: typeof c.scenario === 'string' ? c.scenario : '', pass_threshold: clamp(t, 0, 100),
      activity_base: base, xapi: { endpoint, auth, actor } };
  }

  function b64(s) {
    const bytes = new TextEncoder().encode(s);
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    if (typeof btoa === 'function') return btoa(bin);
    return Buffer.from(bin, 'binary').toString('base64');
  }

  // ---- suspend_data: {"lessons":[...]} (plus "best" in scenario mode), never over 4,096 chars ----
  function decodeSuspendData(s) {
    const out = { lessons: [], best: null };
    if (typeof s !== 'string' || !s) return out;
    let j;
    try { j = JSON.parse(s); } catch (e) { warn('cmi.suspend_data is not ours (not JSON); ignoring it'); return out; }
    if (!isObj(j)) return out;
    if (Array.isArray(j.lessons)) out.lessons = cleanLessons(j.lessons);
    if (Number.isFinite(j.best)) out.best = clamp(j.best, 0, 100);
    return out;
  }
  function cleanLessons(list) {
    const seen = new Set();
    const out = [];
    for (const id of list || []) {
      if (typeof id !== 'string' || !id || id.length > LESSON_ID_MAX || seen.has(id)) continue;
      seen.add(id); out.push(id);
    }
    return out;
  }
  // Lessons unlock in order, so the lessons passed first matter most: if the list ever outgrew
  // the limit, the most recently passed ones are dropped (and can be replayed), with a warning.
  function encodeSuspendData(lessons, best) {
    const data = {};
    if (Number.isFinite(best)) data.best = best;
    data.lessons = cleanLessons(lessons);
    let s = JSON.stringify(data);
    if (s.length > SUSPEND_MAX) {
      warn(`progress does not fit SCORM 1.2's ${SUSPEND_MAX} characters; keeping the lessons passed first`);
      while (s.length > SUSPEND_MAX && data.lessons.length) { data.lessons.pop(); s = JSON.stringify(data); }
    }
    return s;
  }

  // ---- what the LMS is told after a game: score on 0..100, status, progress ----
  // prev: {status, lessons, best}. Returns null when the game does not concern this package.
  function scormOutcome(cfg, d, prev) {
    const status0 = prev.status;
    const lessons = cleanLessons([...(prev.lessons || []), ...((d && d.lessons_passed) || [])]);
    if (cfg.mode === 'onboarding') {
      if (!d || d.mode !== 'onboarding') return null;
      const total = Number(d.lessons_total) > 0 ? Number(d.lessons_total) : Math.max(1, lessons.length);
      const raw = Math.round((Math.min(lessons.length, total) * 100) / total);
      const endOfPath = Number(d.lesson_index) >= total - 1;
      let status = status0;
      if (raw >= cfg.pass_threshold) status = 'passed';
      else if (status0 === 'passed') status = 'passed';            // never taken back
      else if (endOfPath) status = 'failed';                       // the last lesson was played
      else if (status0 !== 'failed') status = 'incomplete';
      return { raw, min: 0, max: 100, status, lessons, best: null };
    }
    if (!d || d.mode === 'onboarding' || (cfg.scenario && d.scenario !== cfg.scenario)) return null;
    const score = clamp(Math.round(Number(d.score) || 0), 0, 100);
    const best = Math.max(score, Number.isFinite(prev.best) ? prev.best : 0);
    const status = best >= cfg.pass_threshold ? 'passed' : 'failed';
    return { raw: best, min: 0, max: 100, status, lessons, best };
  }

  // ---- time formats ----
  function isoDuration(ms) {
    const cs = Math.max(0, Math.round(ms / 10));
    const h = Math.floor(cs / 360000), m = Math.floor((cs % 360000) / 6000), s = (cs % 6000) / 100;
    return `PT${h ? h + 'H' : ''}${h || m ? m + 'M' : ''}${Number(s.toFixed(2))}S`;
  }
  function scormTimespan(ms) {   // CMITimespan: HHHH:MM:SS.SS
    const cs = Math.max(0, Math.round(ms / 10));
    const h = Math.min(9999, Math.floor(cs / 360000)), m = Math.floor((cs % 360000) / 6000), s = (cs % 6000) / 100;
    const p2 = (n) => String(n).padStart(2, '0');
    return `${String(h).padStart(4, '0')}:${p2(m)}:${s.toFixed(2).padStart(5, '0')}`;
  }

  function uuid(rand) {
    const b = new Uint8Array(16);
    if (rand) rand(b); else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // ---- xAPI ----
  // who: {configured: {name, mbox}|null, lms: {id, name}|null, player: string, localId: string}
  function buildActor(who) {
    const c = who.configured;
    if (c && c.mbox) {
      const mbox = /^mailto:/i.test(c.mbox) ? c.mbox : 'mailto:' + c.mbox;
      return { objectType: 'Agent', name: c.name || who.player || 'Buy-In player', mbox };
    }
    if (who.lms && who.lms.id) {
      return { objectType: 'Agent', name: who.lms.name || who.player || who.lms.id,
        account: { homePage: 'https://buyin.invalid/lms', name: who.lms.id } };
    }
    const name = (c && c.name) || who.player || 'Buy-In player';
    return { objectType: 'Agent', name, account: { homePage: 'https://buyin.invalid/players', name: who.localId || 'anonymous' } };
  }

  function verb(key) { return { id: VERBS[key], display: { 'en-US': key } }; }

  // Statements for one finished game: attempted, completed, and passed/failed when the game had
  // a bar to clear (an onboarding lesson's pass score; the package threshold in scenario mode).
  // ctx: {actor, startedAt (ms), finishedAt (ms), registration, id(): uuid}
  function buildStatements(cfg, d, ctx) {
    const base = cfg.activity_base;
    const scenario = String(d.scenario || 'unknown');
    const object = { objectType: 'Activity', id: base + encodeURIComponent(scenario),
      definition: { type: 'http://adlnet.gov/expapi/activities/simulation', name: { 'en-US': `Buy-In scenario ${scenario}` } } };
    const parent = [];
    if (d.mode === 'onboarding') {
      parent.push({ objectType: 'Activity', id: base + 'paths/onboarding',
        definition: { type: 'http://adlnet.gov/expapi/activities/course', name: { 'en-US': 'Buy-In onboarding path' } } });
    } else if (d.mode === 'challenge') {
      parent.push({ objectType: 'Activity', id: `${base}challenges/${encodeURIComponent(scenario)}/${encodeURIComponent(String(d.seed))}`,
        definition: { type: 'http://adlnet.gov/expapi/activities/assessment', name: { 'en-US': `Buy-In challenge: ${scenario}, seed ${d.seed}` } } });
    }
    const ext = {};
    ext[EXT + 'mode'] = String(d.mode || '');
    if (d.seed !== undefined) ext[EXT + 'seed'] = String(d.seed);
    if (d.team) ext[EXT + 'team'] = String(d.team);
    if (d.lesson) ext[EXT + 'lesson'] = String(d.lesson);
    const context = { registration: ctx.registration, platform: 'Buy-In', language: 'en', extensions: ext,
      contextActivities: { grouping: [{ objectType: 'Activity', id: base + 'modes/' + encodeURIComponent(String(d.mode || 'practice')) }] } };
    if (parent.length) context.contextActivities.parent = parent;
    const points = Math.round(Number(d.score) || 0);
    const raw = clamp(points, 0, 100);
    const score = { scaled: raw / 100, raw, min: 0, max: 100 };
    const duration = isoDuration(ctx.finishedAt - ctx.startedAt);
    const resultExt = {};
    resultExt[EXT + 'points'] = points;
    if (d.ending) resultExt[EXT + 'ending'] = String(d.ending);
    if (d.moves !== undefined) resultExt[EXT + 'moves'] = d.moves;
    if (d.meetings !== undefined) resultExt[EXT + 'meetings'] = Number(d.meetings) || 0;
    const at = (ms) => new Date(ms).toISOString();
    const st = (key, timestamp, result) => {
      const s = { id: ctx.id(), actor: ctx.actor, verb: verb(key), object, context, timestamp: at(timestamp) };
      if (result) s.result = result;
      return s;
    };
    const out = [st('attempted', ctx.startedAt, null),
      st('completed', ctx.finishedAt, { score, completion: true, duration, extensions: resultExt })];
    let success = null;
    if (d.mode === 'onboarding' && typeof d.passed === 'boolean') success = d.passed;
    else if (cfg.mode === 'scenario' && d.mode !== 'onboarding' && (!cfg.scenario || cfg.scenario === d.scenario)) success = raw >= cfg.pass_threshold;
    if (success !== null) {
      out.push(st(success ? 'passed' : 'failed', ctx.finishedAt, { score, success, completion: true, duration, extensions: resultExt }));
    }
    // Each statement gets its own copies (a validator or LRS may annotate them).
    return out.map((s) => JSON.parse(JSON.stringify(s)));
  }

  // ---- SCORM 1.2 API discovery and checked calls ----
  // Walks up window.parent (at most `levels` steps), then window.opener and its parents.
  function findApi(win, levels = 7) {
    const climb = (w) => {
      for (let i = 0; w && i <= levels; i++) {
        try { if (w.API && typeof w.API.LMSInitialize === 'function') return w.API; } catch (e) { return null; } // cross-origin
        let p = null;
        try { p = w.parent; } catch (e) { return null; }
        if (!p || p === w) return null;
        w = p;
      }
      return null;
    };
    let api = climb(win);
    if (!api) { try { if (win.opener) api = climb(win.opener); } catch (e) { api = null; } }
    return api;
  }

  function Scorm(api) {
    this.api = api;
    this.live = false;
  }
  Scorm.prototype.check = function (what) {
    let code = '0';
    try { code = String(this.api.LMSGetLastError()); } catch (e) { warn(`${what}: LMSGetLastError threw`, e && e.message); return false; }
    if (code === '0' || code === '') return true;
    let text = '', diag = '';
    try { text = String(this.api.LMSGetErrorString(code)); } catch (e) { /* optional */ }
    try { diag = String(this.api.LMSGetDiagnostic(code)); } catch (e) { /* optional */ }
    warn(`${what} failed: error ${code} ${text}${diag && diag !== text ? ` (${diag})` : ''}`);
    return false;
  };
  Scorm.prototype.call = function (name, ...args) {
    let r;
    try { r = this.api[name](...args); } catch (e) { warn(`${name} threw:`, e && e.message); return null; }
    const what = `${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
    const ok = this.check(what);
    if (name === 'LMSGetValue') return ok ? String(r === undefined || r === null ? '' : r) : null;
    if (String(r) !== 'true' && ok) warn(`${what} returned ${JSON.stringify(r)}`);
    return String(r) === 'true';
  };
  Scorm.prototype.get = function (el) { return this.call('LMSGetValue', el); };
  Scorm.prototype.set = function (el, v) { return this.call('LMSSetValue', el, String(v)); };
  Scorm.prototype.commit = function () { return this.call('LMSCommit', ''); };

  // ---- the page side ----
  function start(win, script) {
    const doc = win.document;
    const loadedAt = Date.now();
    const rand = win.crypto && win.crypto.getRandomValues ? (b) => win.crypto.getRandomValues(b) : null;
    let cfg = normalizeConfig(null);
    // What this browser keeps (statements, the LRS outbox, a local player id), read at first use:
    // the first touch of localStorage costs ~25 ms, and the page's start-up waits for this script.
    let store = null, statements = [], outbox = [], localId = '';
    function kept() {
      if (store) return store;
      store = storage(win);
      statements = store.read('buyin.xapi.statements', []);
      outbox = store.read('buyin.xapi.outbox', []);
      localId = store.read('buyin.xapi.player', '');
      if (!localId) { localId = uuid(rand); store.write('buyin.xapi.player', localId); }
      return store;
    }

    // SCORM: initialise at once, so resumeData() can answer when the game starts.
    let scorm = null;
    const lms = { status: '', lessons: [], best: null, id: '', name: '' };
    const api = findApi(win);
    if (api) {
      scorm = new Scorm(api);
      if (scorm.call('LMSInitialize', '')) {
        scorm.live = true;
        const sd = decodeSuspendData(scorm.get('cmi.suspend_data') || '');
        lms.lessons = sd.lessons; lms.best = sd.best;
        lms.status = scorm.get('cmi.core.lesson_status') || '';
        lms.id = scorm.get('cmi.core.student_id') || '';
        lms.name = scorm.get('cmi.core.student_name') || '';
        if (lms.status === '' || lms.status === 'not attempted') {
          if (scorm.set('cmi.core.lesson_status', 'incomplete')) lms.status = 'incomplete';
        }
        scorm.set('cmi.core.exit', 'suspend');   // keep suspend_data for the next session
        scorm.commit();
      } else {
        warn('the LMS refused LMSInitialize; running without it');
        scorm = null;
      }
    }

    // The package config: only looked for inside an LMS or when the packager said it is there.
    const wantConfig = !!api || !!(script && script.dataset && script.dataset.config);
    const configUrl = (script && script.dataset && script.dataset.config) || 'buyin-lms.json';
    const configReady = !wantConfig || typeof win.fetch !== 'function' ? Promise.resolve() :
      win.fetch(configUrl, { cache: 'no-cache', credentials: 'same-origin' })
        .then((r) => (r.ok ? r.json() : null))
        .then((j) => { if (j) cfg = normalizeConfig(j); })
        .then(() => {
          // A scenario package opens its one scenario: the game reads '#scenario=ID' (also on hashchange).
          if (cfg.mode === 'scenario' && cfg.scenario && !win.location.hash) win.location.hash = 'scenario=' + cfg.scenario;
        })
        .catch((e) => warn('buyin-lms.json could not be read; using defaults:', e && e.message));

    // When did the current game start? The first time the meeting screen shows after the last
    // game ended (or the page loaded).
    let startedAt = null, armed = true;
    const timer = win.setInterval(() => {
      const s = win.buyin && win.buyin.screen ? win.buyin.screen() : null;
      if (s !== 'meeting') armed = true;
      else if (armed && startedAt === null) startedAt = Date.now();
    }, 500);

    function remember(list) {
      kept();
      statements = statements.concat(list).slice(-STORE_MAX);
      store.write('buyin.xapi.statements', statements);
    }

    let sending = null;
    async function flush() {
      kept();
      if (!cfg.xapi.endpoint || !outbox.length || typeof win.fetch !== 'function') return false;
      if (sending) return sending;
      const batch = outbox.slice();
      sending = (async () => {
        try {
          const headers = { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' };
          if (cfg.xapi.auth) headers.Authorization = cfg.xapi.auth;
          const res = await win.fetch(cfg.xapi.endpoint + 'statements', { method: 'POST', headers, body: JSON.stringify(batch), credentials: 'omit', keepalive: JSON.stringify(batch).length < 60000 });
          if (!res.ok) { warn(`the LRS answered ${res.status} ${res.statusText}; ${batch.length} statements kept to retry`); return false; }
          const sent = new Set(batch.map((s) => s.id));
          outbox = outbox.filter((s) => !sent.has(s.id));
          store.write('buyin.xapi.outbox', outbox);
          return true;
        } catch (e) {
          warn(`statements could not be sent to the LRS (${e && e.message}); ${batch.length} kept to retry`);
          return false;
        } finally { sending = null; }
      })();
      return sending;
    }

    function reportScorm(d) {
      if (!scorm || !scorm.live) return;
      const o = scormOutcome(cfg, d, lms);
      if (!o) return;
      scorm.set('cmi.core.score.min', o.min);
      scorm.set('cmi.core.score.max', o.max);
      scorm.set('cmi.core.score.raw', o.raw);
      if (o.status !== lms.status && scorm.set('cmi.core.lesson_status', o.status)) lms.status = o.status;
      const sd = encodeSuspendData(o.lessons, o.best);
      if (scorm.set('cmi.suspend_data', sd)) { lms.lessons = decodeSuspendData(sd).lessons; lms.best = o.best; }
      scorm.commit();
    }

    let pending = Promise.resolve();
    function onFinished(d) {
      const finishedAt = Date.now();
      const began = startedAt !== null ? startedAt : loadedAt;
      startedAt = null; armed = false;
      pending = pending.then(() => configReady).then(() => {
        kept();
        reportScorm(d);
        const actor = buildActor({ configured: cfg.xapi.actor, lms: scorm ? { id: lms.id, name: lms.name } : null,
          player: d.player || '', localId });
        const list = buildStatements(cfg, d, { actor, startedAt: began, finishedAt, registration: uuid(rand), id: () => uuid(rand) });
        remember(list);
        if (cfg.xapi.endpoint) {
          outbox = outbox.concat(list).slice(-OUTBOX_MAX);
          store.write('buyin.xapi.outbox', outbox);
          return flush();
        }
        return null;
      }).catch((e) => warn('a finished game could not be reported:', e && e.message));
      return pending;
    }
    win.addEventListener('buyin:game-finished', (e) => onFinished(e.detail || {}));

    let finished = false;
    function finish() {
      if (finished) return;
      finished = true;
      win.clearInterval(timer);
      if (scorm && scorm.live) {
        scorm.set('cmi.core.session_time', scormTimespan(Date.now() - loadedAt));
        scorm.call('LMSFinish', '');
        scorm.live = false;
      }
    }
    win.addEventListener('pagehide', finish);
    win.addEventListener('unload', finish);

    return {
      // {"lessons":[...]} from the LMS's suspend_data, for the game to merge at start-up ('' if none).
      resumeData() { return scorm && lms.lessons.length ? JSON.stringify({ lessons: lms.lessons }) : ''; },
      // Every statement recorded in this browser (newest last), downloaded as a JSON file.
      exportStatements(name = 'buyin-xapi-statements.json') {
        kept();
        const text = JSON.stringify(statements, null, 2) + '\n';
        if (win.buyinGlue && win.buyinGlue.download) win.buyinGlue.download(name, 'application/json', new TextEncoder().encode(text));
        else {
          const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
          const a = doc.createElement('a');
          a.href = url; a.download = name; a.style.display = 'none';
          doc.body.appendChild(a); a.click(); a.remove();
          win.setTimeout(() => URL.revokeObjectURL(url), 10000);
        }
        return statements.slice();
      },
      statements: () => { kept(); return statements.slice(); },
      pendingStatements: () => { kept(); return outbox.slice(); },
      sendPending: () => flush(),
      connected: () => !!(scorm && scorm.live),
      config: () => JSON.parse(JSON.stringify(cfg)),
      ready: () => configReady.then(() => pending),
      finish,
    };
  }

  // localStorage when the browser allows it (an LMS iframe may not); memory otherwise.
  function storage(win) {
    const mem = {};
    let ls = null;
    try { ls = win.localStorage; ls.getItem('x'); } catch (e) { ls = null; }
    return {
      read(k, dflt) {
        try { const v = ls ? ls.getItem(k) : mem[k]; return v ? JSON.parse(v) : dflt; } catch (e) { return dflt; }
      },
      write(k, v) {
        const s = JSON.stringify(v);
        try { if (ls) ls.setItem(k, s); else mem[k] = s; } catch (e) { mem[k] = s; }
      },
    };
  }

  return { start, findApi, normalizeConfig, encodeSuspendData, decodeSuspendData, scormOutcome, buildStatements,
    buildActor, isoDuration, scormTimespan, uuid, SUSPEND_MAX, ACTIVITY_BASE, VERBS, DEFAULTS };
});
