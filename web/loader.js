// loader.js: fetches and compiles the wasm (streaming) with a progress bar driven by the bytes
// received, reads the saved progress, makes the WebGL2 context and the renderer's shader program
// ahead of main(), and starts the Emscripten module. Any failure (no WebGL2, a missing or damaged
// file) shows a friendly page.
'use strict';
(function () {
  const glue = window.buyinGlue;
  const bar = document.getElementById('bar-fill');
  const loading = document.getElementById('loading');
  const text = document.getElementById('loading-text');

  function progress(received, total) {
    const pct = total > 0 ? Math.min(100, Math.round((received * 100) / total)) : 0;
    bar.style.width = pct + '%';
    loading.setAttribute('aria-valuenow', String(pct));
    text.textContent = total > 0
      ? `Loading the game… ${(received / 1048576).toFixed(1)} of ${(total / 1048576).toFixed(1)} MB`
      : `Loading the game… ${(received / 1048576).toFixed(1)} MB`;
  }

  // Downloads and compiles the wasm at once (streaming compilation: compiled while it arrives),
  // counting the bytes for the progress bar on the way through.
  async function compileWithProgress(url) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: the server answered ${res.status} ${res.statusText}`);
    const total = Number(res.headers.get('content-length')) || 0;
    let body = res.body;
    if (body && window.TransformStream) {
      let received = 0;
      body = body.pipeThrough(new TransformStream({
        transform(chunk, out) { received += chunk.length; progress(received, total); out.enqueue(chunk); },
      }));
    }
    try {
      if (body && WebAssembly.compileStreaming) {
        return await WebAssembly.compileStreaming(new Response(body, { headers: { 'Content-Type': 'application/wasm' } }));
      }
      return await WebAssembly.compile(await (body ? new Response(body) : res).arrayBuffer());
    } catch (e) {
      throw new Error(`${url} is damaged (not valid WebAssembly): ${e.message}`);
    }
  }

  // The web renderer's shader program (game/platform/webgl_renderer.cpp draws ImGui with it). It
  // is written here, not in C++, so the page can build it the moment the context exists: on a
  // software GPU (SwiftShader) the GPU process is busy for a long while after that, and built in
  // main() the program was still not ready when the first frame used it (a wait of 20-130 ms).
  // The renderer adopts this program (buyinShaders.take).
  const kVertexShader = `#version 300 es
precision highp float;
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
layout (location = 3) in vec4 Xform;  // (scale x, scale y, offset x, offset y): a constant attribute
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
  Frag_UV = UV;
  Frag_Color = Color;
  gl_Position = vec4(Position * Xform.xy + Xform.zw, 0, 1);
}`;
  // The font atlas has one channel (coverage); ImGui's RGBA32 atlas is (1, 1, 1, coverage): the same.
  const kFragmentShader = `#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() {
  Out_Color = Frag_Color * vec4(1.0, 1.0, 1.0, texture(Texture, Frag_UV.st).r);
}`;
  // Compiles and links without asking how it went (each question waits for the GPU process); the
  // renderer asks for the link status a few frames in. The shaders are only flagged for deletion:
  // they go with the program.
  function buildProgram(gl) {
    const program = gl.createProgram();
    for (const [type, source] of [[gl.VERTEX_SHADER, kVertexShader], [gl.FRAGMENT_SHADER, kFragmentShader]]) {
      const shader = gl.createShader(type);
      gl.shaderSource(shader, source);
      gl.compileShader(shader);
      gl.attachShader(program, shader);
      gl.deleteShader(shader);
    }
    gl.linkProgram(program);
    gl.flush();  // to the GPU process now, so it compiles while the page goes on
    return program;
  }
  let built = null;  // { gl, program } from makeContext

  // Called once by the renderer with its context: the program built for that context (or built
  // now, if the page did not make the context), as a WebGLProgram.
  window.buyinShaders = {
    take(gl) {
      const program = built && built.gl === gl ? built.program : buildProgram(gl);
      built = null;
      return program;
    },
  };

  // The WebGL2 context, made by the page before main() runs, while IndexedDB is read and the wasm
  // downloads and compiles (it takes 50-1,000 ms on a software renderer, all of it before the
  // first frame if main() asked for it). main() gets this same context back from getContext: the
  // attributes and the drawing-buffer size are game/platform/web_window.cpp's, so nothing is
  // reallocated.
  function makeContext() {
    const canvas = document.getElementById('canvas');
    const r = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(r.width * dpr);
    canvas.height = Math.round(r.height * dpr);
    const gl = canvas.getContext('webgl2', {
      alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: true,
      preserveDrawingBuffer: false, powerPreference: 'default', failIfMajorPerformanceCaveat: false,
    });
    if (gl) built = { gl, program: buildProgram(gl) };
    return gl;
  }

  // Saved progress, read straight from the database Emscripten's IDBFS keeps for /persist (one
  // object store, FILE_DATA: path -> { timestamp, mode, contents }), as soon as the page starts:
  // IDBFS's own read (FS.syncfs) can only start once buyin.js has run, and its several round trips
  // then queue behind the WebGL context's creation. Resolves to [[path, entry], ...], or to null
  // when this read failed and IDBFS should read instead. A first visit creates no database here
  // (IDBFS creates it at its first write) and is told so in one question, not an open and an abort.
  const kDbName = '/persist', kStore = 'FILE_DATA';
  function readSaved() {
    if (!window.indexedDB) return Promise.resolve(null);
    if (!indexedDB.databases) return readStore();
    return indexedDB.databases().then((list) => (list.some((d) => d.name === kDbName) ? readStore() : []), readStore);
  }
  function readStore() {
    return new Promise((resolve) => {
      let req, fresh = false;
      try { req = indexedDB.open(kDbName); } catch (e) { resolve(null); return; }
      req.onupgradeneeded = () => { fresh = true; req.transaction.abort(); };
      req.onerror = (e) => { e.preventDefault(); resolve(fresh ? [] : null); };
      req.onsuccess = () => {
        const db = req.result;
        try {
          const tx = db.transaction(kStore, 'readonly');
          const keys = tx.objectStore(kStore).getAllKeys();
          const values = tx.objectStore(kStore).getAll();
          tx.oncomplete = () => {
            db.close();
            const ok = keys.result.length === values.result.length;
            resolve(ok ? keys.result.map((k, i) => [k, values.result[i]]) : null);
          };
          tx.onabort = () => { db.close(); resolve(null); };
        } catch (e) {
          db.close();
          resolve(null);
        }
      };
    });
  }
  // Into the IDBFS mount, as IDBFS's storeLocalEntry does (directories first, the stored times
  // kept), so its next write to IndexedDB sees these files as unchanged. Throws at an entry it
  // cannot restore: starting without it would let the next write drop it from IndexedDB.
  function restoreSaved(FS, entries) {
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [path, e] of entries) {
      if (!e || !(e.timestamp instanceof Date) || typeof path !== 'string') throw new Error(`${path}: an unreadable entry`);
      if (FS.isDir(e.mode)) FS.mkdirTree(path, e.mode);
      else if (FS.isFile(e.mode)) FS.writeFile(path, e.contents, { canOwn: true });
      else throw new Error(`${path}: neither a file nor a folder`);
      FS.chmod(path, e.mode);
      FS.utime(path, e.timestamp, e.timestamp);
    }
  }

  // Everything starts at once: the saved progress's read, the wasm's download (with progress) and
  // buyin.js, then the WebGL2 context, whose creation blocks this thread while those go on.
  function start() {
    if (!window.WebGL2RenderingContext) { glue.show('no-webgl'); return; }
    const saved = readSaved();
    let instantiated;
    const instantiatedP = new Promise((resolve) => { instantiated = resolve; });
    const wasm = compileWithProgress('buyin.wasm').then((module) => {
      text.textContent = 'Starting…';
      return module;
    });
    window.Module = {
      canvas: document.getElementById('canvas'),
      print: (s) => console.log(s),
      printErr: (s) => console.warn(s),
      onAbort: (what) => glue.fail(`The game stopped unexpectedly (${what}).`),
      instantiateWasm(imports, receive) {
        wasm.then((module) => WebAssembly.instantiate(module, imports).then((instance) => {
          receive(instance, module);
          instantiated();
        })).catch((e) => glue.fail(`The game file could not be loaded. ${e.message}`));
        return {};  // filled in asynchronously
      },
      // Saved progress lives in IndexedDB, mounted at /persist (IDBFS) and filled in before main()
      // runs, from the read readSaved() started when the page began. preInit, not preRun: preRun
      // waits for the wasm to be instantiated.
      preInit: [() => {
        const FS = Module.FS;
        FS.mkdir('/persist');
        FS.mount(FS.filesystems.IDBFS, {}, '/persist');
        Module.addRunDependency('buyin-storage');
        const done = (err) => {
          if (err) {
            console.warn('Saved progress could not be read from IndexedDB:', err);
            glue.storageUnreadable(String((err && (err.message || err.name)) || err));
          }
          Module.removeRunDependency('buyin-storage');
        };
        // If the early read failed (or its entries would not go in), IDBFS reads for itself. Not
        // before the wasm's memory exists: the file system's writes look at it, and a read that
        // came back first failed there (and IDBFS's after it), leaving an empty progress.json.
        Promise.all([saved, instantiatedP]).then(([entries]) => {
          try {
            if (entries) { restoreSaved(FS, entries); done(null); return; }
          } catch (e) {
            console.warn('Saved progress: IDBFS reads it instead, after', e);
          }
          FS.syncfs(true, done);
        });
      }],
    };
    const s = document.createElement('script');
    s.src = 'buyin.js';
    s.onerror = () => glue.fail('buyin.js could not be loaded.');
    document.body.appendChild(s);
    // No WebGL2 after all (turned off, blocked): say so now; main() would only find the same.
    if (!makeContext()) glue.show('no-webgl');
  }
  start();
})();
