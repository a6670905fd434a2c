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
  const fetched = new Map(); // files fetched on demand: name -> { status, bytes }
  let reader = null;          // the typed-move reader module: { status, error, module, answer }
  // A NUL-ended string in a module's memory.
  const cString = (mod, p) => { let e = p; while (mod.HEAPU8[e]) e++; return new TextDecoder().decode(mod.HEAPU8.subarray(p, e)); };
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
    // The UI publishes its items only when something changed; the semantic mirror follows.
    setUiState(json) {
      try { uiState = JSON.parse(json); } catch (e) { console.warn('bad ui state', e); return; }
      if (window.buyinSemantics) window.buyinSemantics.render(uiState);
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
      if (window.buyinSemantics) window.buyinSemantics.start(Module);
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
    // Files the first download leaves out (content.pack, the typed-move model), fetched when the game first asks
    // (services_web.cpp polls fetchStatus each frame: 0 loading, 1 done, 2 failed, -1 never asked).
    fetchFile(name) {
      const entry = { status: 0, bytes: new Uint8Array(0) };
      fetched.set(name, entry);
      const failed = (why) => {
        console.warn(`${name} could not be fetched: ${why}`);
        entry.status = 2;
        entry.bytes = new TextEncoder().encode(why);
        window.buyinGlue.wake();
      };
      fetch(name, { cache: 'no-cache' })
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`the server answered ${r.status}`))))
        .then((buf) => { entry.bytes = new Uint8Array(buf); entry.status = 1; window.buyinGlue.wake(); })
        .catch((e) => failed(e && e.message ? e.message : String(e)));
    },
    fetchStatus: (name) => (fetched.has(name) ? fetched.get(name).status : -1),
    fetchTake: (name) => (fetched.has(name) ? fetched.get(name).bytes : new Uint8Array(0)),
    fetchRelease(name) { if (fetched.has(name)) fetched.get(name).bytes = new Uint8Array(0); },
    // The typed-move reader (game/platform/reader_web.cpp): reader.js + reader.wasm and the model,
    // fetched together the first time typed play is opened, never with the page. 0 loading,
    // 1 ready, 2 failed, -1 never asked. Asking again after a failure tries again.
    readerLoad() {
      if (reader && reader.status !== 2) return;
      const me = reader = { status: 0, error: '', module: null, answer: new Uint8Array(0) };
      const get = (name) => fetch(name, { cache: 'no-cache' })
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${name}: the server answered ${r.status}`))),
          () => Promise.reject(new Error(`${name}: no answer`)));
      const script = new Promise((resolve, reject) => {
        if (window.BuyinReader) { resolve(); return; }
        const el = document.createElement('script');
        el.src = 'reader.js';
        el.onload = () => (window.BuyinReader ? resolve() : reject(new Error('reader.js is damaged')));
        el.onerror = () => { el.remove(); reject(new Error('reader.js could not be fetched')); };
        document.head.appendChild(el);
      });
      Promise.all([get('reader.wasm'), get('typed.model'), script])
        .then(([wasm, model]) => window.BuyinReader({ wasmBinary: wasm, print() {}, printErr: (t) => console.warn(t) })
          .then((mod) => {
            const bytes = new Uint8Array(model);
            const p = mod._malloc(bytes.length);
            mod.HEAPU8.set(bytes, p);
            const err = mod._reader_load(p, bytes.length);
            mod._free(p);
            if (err) throw new Error(cString(mod, err));
            me.module = mod;
            me.status = 1;
          }, (e) => Promise.reject(new Error(`reader.wasm is damaged (${e && e.message ? e.message : e})`))))
        .catch((e) => {
          me.error = e && e.message ? e.message : String(e);
          console.warn(`the reader could not be loaded: ${me.error}`);
          me.status = 2;
        })
        .finally(() => window.buyinGlue.wake());
    },
    readerStatus: () => (reader ? reader.status : -1),
    readerError: () => (reader ? reader.error : ''),
    // A request's bytes in, the answer's size out (kept for readerTake); -1 when not ready.
    readerRead(bytes) {
      if (!reader || reader.status !== 1) return -1;
      const mod = reader.module;
      const p = mod._malloc(bytes.length || 1);
      mod.HEAPU8.set(bytes, p);
      const n = mod._reader_read(p, bytes.length);
      mod._free(p);
      const at = mod._reader_answer();
      reader.answer = mod.HEAPU8.slice(at, at + n);
      return n;
    },
    readerTake: () => (reader ? reader.answer : new Uint8Array(0)),
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

// The page's semantic mirror of the canvas. The UI publishes every item it draws
// (id, role, name, state, rectangle: game/ui/test_items.cpp); this keeps a DOM element for each,
// of the matching kind (<button>, <input>, <h2>, role="log", role="table"...), placed exactly over
// the item and fully transparent. Placed over the item rather than off screen, so touch
// exploration (VoiceOver, TalkBack) finds things where they are drawn and a click on an element
// lands where the game draws it. Screen readers read and press these elements; the game acts.
//  - A real pointer on an element is passed to the canvas (the game hears it as it always does);
//    a click without a pointer (a screen reader's "activate", voice control, element.click(), a
//    key on a focused element) asks the game to press that item (buyin_activate).
//  - Keys pressed on a focused element are handed to the canvas, so the keyboard works the same.
//  - Focus follows ImGui's navigation focus, and focusing an element (a screen reader moving to
//    it) moves ImGui's focus there (buyin_focus).
//  - A combo is a combobox; while the game shows its list, the list is a listbox of options, each
//    pressed like a button. A slider is a native <input type=range>: its arrow keys and a screen
//    reader's increment set the game's value (buyin_set_value).
// It runs only when the UI publishes a change: an idle page does nothing here either.
(function () {
  const canvas = document.getElementById('canvas');
  const layer = document.getElementById('semantics');
  const nodes = new Map();   // item id -> { el, key }: key says what the element was built as
  let pointerTarget = null;  // the mirrored element a real pointer pressed (its click is the game's already)
  let syncingFocus = false;  // focus moved by this file, not by the user
  let wasm = null;           // { activate(id), focus(id) } once the game runs

  const ACTIONABLE = new Set(['button', 'tab', 'checkbox', 'textbox', 'link', 'combobox', 'slider', 'option']);
  const TAGS = { button: 'button', tab: 'button', combobox: 'button', checkbox: 'input', slider: 'input', link: 'a', list: 'ul',
    listitem: 'li', text: 'p' };
  // Keys a focused <input type=range> handles itself (its value changes, then 'input' tells the game).
  const RANGE_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
  const domId = (id) => `sem-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  // A child must fit its parent's role (a row holds cells, a list holds items): anything else a
  // screen drew inside one is mirrored as the kind of child that parent takes.
  function roleIn(item, parentRole) {
    if (parentRole === 'row' && !['cell', 'columnheader'].includes(item.role)) return 'cell';
    if (parentRole === 'list' && item.role !== 'listitem') return 'listitem';
    if (item.role === 'row' && parentRole !== 'table') return 'text';
    if (item.role === 'cell' && parentRole !== 'row') return 'text';
    if (item.role === 'listitem' && parentRole !== 'list') return 'text';
    return item.role;
  }

  function build(role, item) {
    let el;
    if (role === 'heading') el = document.createElement(`h${Math.min(6, Math.max(1, item.level || 2))}`);
    else if (role === 'textbox') el = document.createElement(item.multiline ? 'textarea' : 'input');
    else el = document.createElement(TAGS[role] || 'div');
    if (role === 'button' || role === 'tab' || role === 'combobox') el.type = 'button';
    if (role === 'checkbox') el.type = 'checkbox';
    if (role === 'textbox' && !item.multiline) el.type = 'text';
    if (role === 'textbox') el.autocomplete = 'off';
    if (role === 'slider') { el.type = 'range'; el.step = '1'; }
    if (role === 'link') el.href = '#';
    if (['tab', 'log', 'table', 'row', 'cell', 'columnheader', 'status', 'group', 'img', 'note', 'tablist', 'combobox',
      'listbox', 'option'].includes(role))
      el.setAttribute('role', role);
    if (role === 'listbox') el.id = domId(item.id);  // the combobox's aria-controls
    if (role === 'option') el.tabIndex = -1;        // focus follows the game's into the open list
    // The transcript's lines are spoken as they come by the page's announcer (#announcer): the log
    // itself stays quiet, so nothing is said twice.
    if (role === 'log') el.setAttribute('aria-live', 'off');
    if (role === 'combobox') el.setAttribute('aria-haspopup', 'listbox');
    if (ACTIONABLE.has(role)) el.classList.add('act');
    el.dataset.id = item.id;
    return el;
  }

  const LABELLED = new Set(['textbox', 'checkbox', 'slider', 'img', 'list', 'table', 'row', 'log', 'tablist', 'group', 'combobox',
    'listbox']);

  // Sets what changed since the element was last updated: its name, state, value and place.
  function update(el, role, item) {
    const name = item.name;
    if (LABELLED.has(role)) {
      if (name && role !== 'row') { if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name); }
      else el.removeAttribute('aria-label');
      // A row published with a name and nothing inside: its one cell says it.
      if (role === 'row' && name) {
        let cell = el.firstElementChild;
        if (!cell || !cell.dataset.gen) { cell = document.createElement('div'); cell.setAttribute('role', 'cell'); cell.dataset.gen = '1'; el.prepend(cell); }
        if (cell.textContent !== name) cell.textContent = name;
      }
    } else if (el.textContent !== name) {
      el.textContent = name;
    }
    // A combobox is named by its label and reads its choice as its value (the text it shows).
    if (role === 'combobox' && el.textContent !== (item.value || '')) el.textContent = item.value || '';
    if (role === 'combobox') {
      const list = `${item.id}.options`;
      if (item.expanded) el.setAttribute('aria-controls', domId(list)); else el.removeAttribute('aria-controls');
    }
    if (role === 'option') el.setAttribute('aria-selected', item.selected ? 'true' : 'false');
    if (role === 'textbox' && el.value !== (item.value || '')) el.value = item.value || '';
    if (role === 'textbox') el.readOnly = !!item.readonly;
    if (role === 'checkbox') el.checked = !!item.checked;
    if (role === 'tab') el.setAttribute('aria-selected', item.selected ? 'true' : 'false');
    if ('expanded' in item) el.setAttribute('aria-expanded', item.expanded ? 'true' : 'false');
    if ('pressed' in item) el.setAttribute('aria-pressed', item.pressed ? 'true' : 'false');
    if (role === 'slider') {
      if (el.min !== String(item.min)) el.min = String(item.min);
      if (el.max !== String(item.max)) el.max = String(item.max);
      if (el.value !== item.value) el.value = item.value;  // the game's value (the next frame takes one asked for)
    }
    if (ACTIONABLE.has(role)) {
      if (item.disabled) el.setAttribute('aria-disabled', 'true'); else el.removeAttribute('aria-disabled');
    }
    const s = el.style;
    const px = (v) => `${v}px`;
    if (s.left !== px(item.x)) s.left = px(item.x);
    if (s.top !== px(item.y)) s.top = px(item.y);
    if (s.width !== px(Math.max(1, item.w))) s.width = px(Math.max(1, item.w));
    if (s.height !== px(Math.max(1, item.h))) s.height = px(Math.max(1, item.h));
  }

  function render(state) {
    const seen = new Set();
    const roles = new Map();
    const placed = new Map();  // parent element -> the child placed last
    const hadFocus = layer.contains(document.activeElement);
    for (const item of state.items) {
      if (item.role === 'text' && !item.name) continue;  // markers for tests, nothing to read
      const parentRole = item.parent ? roles.get(item.parent) : undefined;
      const role = roleIn(item, parentRole);
      roles.set(item.id, role);
      const key = `${role}|${item.level || ''}|${item.multiline ? 'm' : ''}`;
      let node = nodes.get(item.id);
      if (!node || node.key !== key) {
        if (node) node.el.remove();
        node = { el: build(role, item), key };
        nodes.set(item.id, node);
      }
      seen.add(item.id);
      update(node.el, role, item);
      const parent = (item.parent && seen.has(item.parent)) ? nodes.get(item.parent).el : layer;
      // Kept in drawing order, which is reading order; nothing moves when nothing changed.
      const prev = placed.has(parent) ? placed.get(parent) : (parent.firstElementChild && parent.firstElementChild.dataset.gen ? parent.firstElementChild : null);
      if (node.el.parentNode !== parent || node.el.previousElementSibling !== prev)
        parent.insertBefore(node.el, prev ? prev.nextElementSibling : parent.firstElementChild);
      placed.set(parent, node.el);
    }
    for (const [id, node] of nodes) {
      if (!seen.has(id)) { node.el.remove(); nodes.delete(id); }
    }
    // Focus follows ImGui's navigation focus while the game has the keyboard.
    const focused = state.items.find((i) => i.focused && nodes.has(i.id) && ACTIONABLE.has(roles.get(i.id)));
    const active = document.activeElement;
    const gameHasKeys = active === canvas || active === document.body || layer.contains(active) || (hadFocus && !active);
    if (focused && gameHasKeys && active !== nodes.get(focused.id).el) {
      syncingFocus = true;
      nodes.get(focused.id).el.focus({ preventScroll: true });
      syncingFocus = false;
    } else if (!focused && hadFocus && !layer.contains(document.activeElement)) {
      canvas.focus({ preventScroll: true });  // the focused element went with its screen
    }
  }

  const idOf = (target) => {
    const el = target && target.closest ? target.closest('[data-id]') : null;
    return el && layer.contains(el) ? el.dataset.id : null;
  };
  const act = (target) => target && target.closest && target.closest('.act');

  // A real pointer on a mirrored control: the canvas gets the same events, so the game sees the
  // press, the drag and the hover exactly as without the mirror.
  layer.addEventListener('pointerdown', (e) => { if (act(e.target)) pointerTarget = act(e.target); }, true);
  layer.addEventListener('pointerup', () => { setTimeout(() => { pointerTarget = null; }, 0); }, true);
  for (const type of ['mousedown', 'mousemove']) {
    layer.addEventListener(type, (e) => {
      if (type === 'mousedown' && !pointerTarget) return;  // a click made up by assistive technology: see 'click'
      canvas.dispatchEvent(new MouseEvent(type, e));
      if (type === 'mousedown') e.preventDefault();  // the canvas keeps the keyboard; focus follows the game
    });
  }
  layer.addEventListener('wheel', (e) => { canvas.dispatchEvent(new WheelEvent('wheel', e)); e.preventDefault(); }, { passive: false });
  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel']) {
    layer.addEventListener(type, (e) => {
      canvas.dispatchEvent(new TouchEvent(type, { touches: [...e.touches], targetTouches: [...e.targetTouches],
        changedTouches: [...e.changedTouches], bubbles: true, cancelable: true }));
      e.preventDefault();  // no mouse events or click made up from the touch: the game had it
    }, { passive: false });
  }
  layer.addEventListener('click', (e) => {
    const id = idOf(e.target);
    if (!id || !act(e.target)) return;
    e.preventDefault();  // the game decides (a checkbox's tick follows the game's state)
    const byPointer = pointerTarget === act(e.target);
    // Pressing a tab again changes nothing, so a tab is always pressed here: ImGui 1.86 ignores a
    // tab pressed in the very frame the pointer arrived on it. So is an option (once chosen, its
    // list closes, and pressing an item no longer drawn does nothing).
    const always = ['tab', 'option'].includes(act(e.target).getAttribute('role'));
    if ((!byPointer || always) && wasm) wasm.activate(id);
  });
  // A slider's value set on its element (arrow keys, a screen reader's increment, fill()): the game
  // takes it in its next frame, which publishes it back.
  layer.addEventListener('input', (e) => {
    const el = e.target;
    if (el instanceof HTMLInputElement && el.type === 'range' && wasm) wasm.setValue(el.dataset.id, el.value);
  });
  // Keys on a focused element are the game's, as on the canvas.
  for (const type of ['keydown', 'keyup']) {
    layer.addEventListener(type, (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'range' && RANGE_KEYS.has(e.key)) return;
      const copy = new KeyboardEvent(type, { key: e.key, code: e.code, keyCode: e.keyCode, which: e.which, charCode: e.charCode,
        location: e.location, repeat: e.repeat, ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey,
        bubbles: false, cancelable: true });  // for the game's listener only: the page sees the key once, as pressed
      if (!canvas.dispatchEvent(copy)) e.preventDefault();
    });
  }
  layer.addEventListener('focusin', (e) => {
    const id = idOf(e.target);
    if (!syncingFocus && id && wasm) wasm.focus(id);
  });

  window.buyinSemantics = {
    render,
    start(mod) {
      wasm = {
        activate: (id) => mod.ccall('buyin_activate', 'number', ['string'], [id]),
        focus: (id) => mod.ccall('buyin_focus', 'number', ['string'], [id]),
        setValue: (id, value) => mod.ccall('buyin_set_value', 'number', ['string', 'string'], [id, String(value)]),
      };
    },
  };
})();
