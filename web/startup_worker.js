// The start-up worker: work on the way to the first frame, done off the main thread in
// a throw-away instance of the page's compiled module, with inert imports (no canvas,
// no DOM, no network). app.js starts it for one of two jobs:
//
// - 'atlas': rasterize the page's font atlas (the same fonts, sizes and device pixel
//   ratio) and send its bytes back. The page's instance then loads them instead of
//   rasterizing (wasm/atlas_transfer.h), while it was busy with reader_init and the
//   bundle: the largest main-thread task of the start-up leaves the main thread.
//
// - 'warm-up': make the page's own start-up calls first, so that their code is
//   compiled. V8 compiles a WebAssembly function lazily, on its first call, on the
//   thread that calls it, and keeps the code with the module: the page's instance
//   then finds it compiled. Its atlas holds ASCII alone (same code, less work).
//
// Nothing made here is shown; if anything goes wrong the page does the work itself.
'use strict';

// Written by tools/build.py from reader.js: the optimizer shortens the names of the
// module's imports and exports, and only the glue knows them.
const NAMES = __WASM_NAMES__;

let instance = null;
const exp = (name) => instance.exports[NAMES.exports[name]];
const bytes = () => new Uint8Array(exp('memory').buffer);

function copyIn(data) {             // the core takes ownership (frees it)
  const p = exp('_malloc')(data.length + 1);
  bytes().set(data, p);
  bytes()[p + data.length] = 0;
  return p;
}
function cString(text) { return copyIn(new TextEncoder().encode(text)); }

// What the start-up path needs from its imports to take the same branches as in the
// page: a GL context that "works", shaders that "compile", memory that grows. Every
// other import does nothing and returns 0.
function imports(module, settings) {
  const impl = {
    _emscripten_memcpy_big: (dest, src, n) => { bytes().copyWithin(dest, src, src + n); },
    _emscripten_resize_heap: (size) => {
      const memory = exp('memory');
      try { memory.grow(Math.ceil((size - memory.buffer.byteLength) / 65536)); return 1; } catch (e) { return 0; }
    },
    _emscripten_get_now: () => performance.now(),
    js_now_impl: () => performance.now(),
    js_date_now_impl: () => Date.now(),
    _emscripten_webgl_create_context: () => 1,
    _glCreateShader: () => 1,
    _glCreateProgram: () => 1,
    _glGetShaderiv: (shader, pname, out) => { new Int32Array(exp('memory').buffer)[out >> 2] = 1; },
    _glGetProgramiv: (program, pname, out) => { new Int32Array(exp('memory').buffer)[out >> 2] = 1; },
    js_storage_get_impl: (k, n) => {
      const value = settings[new TextDecoder().decode(bytes().slice(k, k + n))];
      return typeof value === 'string' ? cString(value) : 0;
    },
    ___cxa_throw: () => { throw new Error('the worker instance threw'); },
    _abort: () => { throw new Error('the worker instance aborted'); },
  };
  const out = {};
  for (const i of WebAssembly.Module.imports(module)) {
    const name = NAMES.imports[i.name] || i.name;
    (out[i.module] ||= {})[i.name] = impl[name] || (() => 0);
  }
  return out;
}

// Messages arrive as the page gets its data: first the job and the module, then the
// fonts, then (warm-up) the bundle or null. Each step waits for the message it needs.
const inbox = [];
let wake = null;
self.onmessage = (e) => { inbox.push(e.data); if (wake) { wake(); wake = null; } };
async function next(kind) {
  for (;;) {
    const i = inbox.findIndex((m) => kind in m);
    if (i >= 0) return inbox.splice(i, 1)[0][kind];
    await new Promise((resolve) => { wake = resolve; });
  }
}

let t0 = 0;
async function begin(start) {
  t0 = performance.now();
  instance = await WebAssembly.instantiate(start.module, imports(start.module, start.settings));
  exp('___wasm_call_ctors')();
  if (!exp('_reader_init')(start.width, start.height, start.dpr, cString(start.config))) throw new Error('reader_init failed');
  const fonts = await next('fonts');
  for (const f of fonts) exp('_reader_add_font')(cString(f.name), copyIn(new Uint8Array(f.bytes)), f.bytes.byteLength);
  exp('_reader_prepare_fonts')();
  return start;
}

// The atlas, built as the page would build it (the config asks the instance to keep
// the bytes): [u32 size][bytes] in the instance's memory, copied out and handed over.
async function atlas(start) {
  await begin(start);
  const p = exp('_reader_saved_atlas')();
  if (!p) throw new Error('no atlas was built');
  const size = new DataView(exp('memory').buffer).getUint32(p, true);
  return bytes().slice(p + 4, p + 4 + size).buffer;
}

async function warmUp(start) {
  await begin(start);
  exp('_reader_navigate')(cString(start.hash));
  // A frame of the loading view while the bundle may still be on its way: ImGui's
  // frame and the renderer are compiled in the wait.
  exp('_reader_frame')(performance.now());
  const bundle = await next('bundle');
  if (bundle) {
    exp('_reader_load_bundle')(copyIn(new Uint8Array(bundle.bytes)), bundle.bytes.byteLength, cString(bundle.name));
    // The first frames lay the article out and draw it (and the second settles the
    // scrollbar and what ImGui learns one frame late).
    for (let i = 0; i < 3; i++) exp('_reader_frame')(performance.now());
    // Then what the first search needs (the index build, a query, its snippets), so
    // that the first keystroke in the search field does not compile them either.
    exp('_free')(exp('_reader_search_mirror')(cString('ha')));
  }
  return bundle;
}

const ms = () => Math.round(performance.now() - t0);
const failed = (e) => postMessage({ state: 'failed', error: String(e && e.message || e) });
next('start').then((start) => {
  if (start.job === 'atlas') {
    atlas(start).then((buffer) => postMessage({ state: 'done', ms: ms(), atlas: buffer }, [buffer]), failed);
  } else {
    warmUp(start).then((bundle) => postMessage({ state: 'done', ms: ms(), bundle: Boolean(bundle) }), failed);
  }
});
