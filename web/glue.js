// glue.js: the page side of the platform layer. The wasm calls window.buyinGlue (downloads,
// clipboard, screen-reader announcements, widget rectangles); tests read window.buyin.
'use strict';
(function () {
  const canvas = document.getElementById('canvas');
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  // The game takes presses on the canvas (no text selection), which also stops the browser from
  // focusing it: a click or tap gives it the keyboard back, after a file picker or another tab.
  for (const type of ['mousedown', 'touchstart']) {
    canvas.addEventListener(type, () => { if (document.activeElement !== canvas) canvas.focus({ preventScroll: true }); },
      { capture: true, passive: true });
  }
  let uiState = null;       // last {screen, items[]} published by the UI
  let drawn = 0;            // frames the wasm actually drew (an idle page draws none)
  const readyWaiters = [];
  let syncing = false, syncAgain = false, syncs = 0;
  let storageProblem = '';  // why IndexedDB could not be read at start-up; then nothing is written to it
  let lastGame = null;
  let running = false;      // main() has started: only then may the page call into the wasm
  const fileInput = document.createElement('input');
  fileInput.type = 'file';
  fileInput.multiple = true;
  fileInput.accept = '.txt,.json,.csv,text/plain';
  fileInput.id = 'file-input';
  fileInput.style.display = 'none';
  fileInput.addEventListener('change', () => { window.buyinGlue.handFiles(fileInput.files); fileInput.value = ''; });
  document.body.appendChild(fileInput);

  function show(id) {
    for (const el of document.querySelectorAll('.overlay')) el.hidden = el.id !== id;
  }

  window.buyinGlue = {
    show,
    setUiState(json) {
      try { uiState = JSON.parse(json); } catch (e) { console.warn('bad ui state', e); }
    },
    announce(text) {
      const el = document.getElementById('announcer');
      // Re-setting the same text is not announced again; clear first.
      el.textContent = '';
      setTimeout(() => { el.textContent = text; }, 20);
    },
    download(name, mime, bytes) {
      const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      const a = document.createElement('a');
      a.href = url; a.download = name; a.style.display = 'none';
      document.body.appendChild(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
    copy(text) {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch((e) => console.warn('clipboard refused:', e.message));
      }
    },
    ready() {
      running = true;
      show(null);
      canvas.focus();
      for (const r of readyWaiters.splice(0)) r();
    },
    fail(message) {
      document.getElementById('load-error-text').textContent = message;
      show('load-error');
    },
    frameDrawn() { drawn++; },
    // Called by web/loader.js when the saved progress could not be read: /persist holds less than
    // IndexedDB, and a sync would overwrite (and delete) what it holds, so none is made.
    storageUnreadable(message) { storageProblem = message || 'an unknown error'; },
    storageProblem: () => storageProblem,
    // Push /persist to IndexedDB. Writes that arrive while a sync runs are folded into one more.
    syncStorage() {
      if (!window.Module || !Module.FS || storageProblem) return;
      if (syncing) { syncAgain = true; return; }
      syncing = true;
      Module.FS.syncfs(false, (err) => {
        syncing = false;
        syncs++;
        if (err) console.warn('Progress could not be saved to IndexedDB:', err);
        if (syncAgain) { syncAgain = false; window.buyinGlue.syncStorage(); }
      });
    },
    // A finished game, for web/lms.js (SCORM, xAPI) and anyone else listening on the page.
    gameFinished(json) {
      let detail;
      try { detail = JSON.parse(json); } catch (e) { return; }
      lastGame = detail;
      window.dispatchEvent(new CustomEvent('buyin:game-finished', { detail }));
    },
    resumeData() { return (window.buyinLms && window.buyinLms.resumeData()) || ''; },
    // Opens the browser's file picker; each file's text goes to the app.
    openFiles() { fileInput.click(); },
    // All read first, then handed over in the order chosen: handing each as its read finished gave
    // the app an order that changed from run to run (a leaderboard's code numbers with it).
    handFiles(files) {
      const list = [...files];
      Promise.allSettled(list.map((f) => f.text())).then((read) => {
        read.forEach((r, i) => {
          if (r.status !== 'fulfilled') { console.warn(`${list[i].name} could not be read:`, r.reason); return; }
          if (running) Module.ccall('buyin_incoming_file', null, ['string', 'string'], [list[i].name, r.value]);
        });
      });
    },
    // Input during loading needs no wake-up: main() reads the state it needs when it starts.
    wake() { if (running) Module._buyin_wake(); },
  };

  // What browser tests use: widget rectangles in page coordinates, and the current screen.
  window.buyin = {
    ready: () => new Promise((resolve) => {
      if (uiState) resolve(); else readyWaiters.push(resolve);
    }),
    screen: () => (uiState ? uiState.screen : null),
    framesDrawn: () => drawn,
    storageSyncs: () => syncs,   // completed flushes to IndexedDB
    storageProblem: () => storageProblem,
    lastGame: () => lastGame,    // the summary of the last finished game
    // What the expert would play now ({card, target} item ids; null in a challenge or with no game).
    suggest: () => (running ? JSON.parse(Module.ccall('buyin_suggest', 'string', [], [])) : null),
    idle: () => !syncing,
    items() {
      if (!uiState) return [];
      const r = canvas.getBoundingClientRect();
      return uiState.items.map((it) => ({ ...it, x: it.x + r.left, y: it.y + r.top }));
    },
  };

  // The game's main loop pauses when idle: any input resumes it (web_window.cpp has queued the event
  // by then, or will have when the next frame runs).
  for (const type of ['mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown', 'keyup', 'keypress', 'touchstart',
    'touchmove', 'touchend', 'pointerdown', 'pointerup', 'resize', 'focus', 'blur', 'visibilitychange']) {
    window.addEventListener(type, () => window.buyinGlue.wake(), { capture: true, passive: true });
  }
  // The browser's paste event (Ctrl/Cmd+V, the context menu) brings the clipboard's text to the
  // focused ImGui text field, in order with the keys typed before it (web_window.cpp).
  document.addEventListener('paste', (e) => {
    const text = e.clipboardData && e.clipboardData.getData('text/plain');
    if (text && running) { Module.ccall('buyin_paste_text', null, ['string'], [text]); e.preventDefault(); }
  });
  // Files dropped anywhere on the page (result codes for the leaderboard).
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) window.buyinGlue.handFiles(e.dataTransfer.files);
  });
  // A closing or hidden tab flushes once more, so nothing earned is lost.
  window.addEventListener('pagehide', () => window.buyinGlue.syncStorage());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') window.buyinGlue.syncStorage();
  });
  window.addEventListener('hashchange', () => {
    if (running) Module._buyin_link_changed();  // before that, main() reads the address itself
  });
  document.getElementById('reload').addEventListener('click', () => location.reload());
})();
