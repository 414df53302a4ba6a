// The page side of the reader: loads the wasm module, fonts and the bundle with a
// progress bar, forwards DOM events to the core (which only queues them), schedules
// frames on demand, and carries the postMessage embedding contract (DESIGN.md).
'use strict';

(function () {
  const canvas = document.getElementById('reader-canvas');
  const loading = document.getElementById('loading');
  const progressBar = document.getElementById('loading-progress');
  const fatal = document.getElementById('fatal');
  const canvasLabel = canvas.getAttribute('aria-label');

  const FONT_FILES = [
    'NotoSerif-Regular.ttf', 'NotoSerif-Italic.ttf', 'NotoSerif-Bold.ttf', 'NotoSerif-BoldItalic.ttf',
    'NotoSans-Regular.ttf', 'NotoSans-Italic.ttf', 'NotoSans-Bold.ttf', 'NotoSans-BoldItalic.ttf',
    'NotoSansMono-Regular.ttf',
  ];
  const DEFAULT_BUNDLE = 'bundles/default.json';
  const MAX_MESSAGE_CHARS = 64 * 1024;   // a host message larger than this is refused

  let mod = null;                          // the Emscripten module once ready
  let config = { trustedOrigins: [], bundleOrigins: [] };

  // ------------------------------------------------------------------ messages to the host
  // A top-level reader answers on its own window (DESIGN.md): parent === window. In a
  // frame, messages go only to the embedding page's origin, and only when it is trusted:
  // never to '*', so an untrusted page that frames the reader hears nothing. That origin
  // is the one a trusted host last wrote from, else the browser's ancestorOrigins, else
  // the referrer's origin; until the configuration is read, messages wait.
  let configLoaded = false;
  const waitingForConfig = [];
  function hostOrigin() {
    if (window.parent === window) return location.origin;
    if (config.hostOrigin) return config.hostOrigin;
    let origin = '';
    try { if (location.ancestorOrigins && location.ancestorOrigins.length) origin = location.ancestorOrigins[0]; } catch (e) { /* none */ }
    if (!origin && document.referrer) { try { origin = new URL(document.referrer).origin; } catch (e) { /* none */ } }
    return origin && origin !== 'null' && trusted(origin) ? origin : null;
  }
  function postToHost(message) {
    if (!configLoaded) { waitingForConfig.push(message); return; }
    if (message && message.type === 'reader:error' && !errorAllowed(String(message.message))) return;
    if (message && message.type === 'reader:ready') removeFirstView();
    const origin = hostOrigin();
    if (!origin) return;                   // not framed by a trusted page: say nothing
    try { window.parent.postMessage(message, origin); } catch (e) { console.error('postMessage failed', e); }
  }

  function showFatal(titleText, detailText) {
    loading.hidden = true;
    removeFirstView();
    const h = document.createElement('h1');
    h.textContent = titleText;
    const p = document.createElement('p');
    p.textContent = detailText;            // textContent: never HTML from a message
    fatal.replaceChildren(h, p);
    fatal.hidden = false;
    postToHost({ type: 'reader:error', message: detailText });
  }

  // ------------------------------------------------------------------ the static first view
  // index.html holds the front article's opening as HTML (tools/build.py): it stays up
  // until the canvas has drawn an article, and only when that is the article the canvas
  // will open (no ?bundle=, no #article= naming another one).
  const firstView = document.getElementById('first-view');
  function removeFirstView() {
    if (firstView && firstView.isConnected) firstView.remove();
    document.documentElement.classList.remove('has-first-view');
  }
  (function decideFirstView() {
    if (!firstView) return;
    const id = firstView.dataset.articleId;
    const params = new URLSearchParams(location.search);
    const asked = new URLSearchParams(location.hash.slice(1)).get('article');
    if (!id || !firstView.querySelector('h1') || params.has('bundle') || (asked && asked !== id)) removeFirstView();
    else document.documentElement.classList.add('has-first-view');
  })();

  // ------------------------------------------------------------------ fetch with progress
  // The service worker (and serve.py) answer what is not available offline with 503 and
  // X-Reader-Offline: 1, and a JSON body whose message can be shown as it is.
  async function httpError(res) {
    let message = `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`;
    const offline = res.headers.get('X-Reader-Offline') === '1';
    if (offline) {
      message = 'Không có mạng và mục này chưa được lưu để đọc ngoại tuyến. / You are offline and this has not been saved for offline reading.';
      try { const body = await res.json(); if (body && typeof body.message === 'string') message = body.message.slice(0, 500); } catch (e) { /* the default */ }
    }
    const err = new Error(message);
    err.offline = offline;
    return err;
  }
  const progress = { total: 0, done: 0 };
  // The bar is written at most once a frame: the streams deliver many small chunks, and
  // writing the element for each cost tens of ms of main thread during start-up.
  let progressQueued = false;
  function updateProgress() {
    if (progressQueued) return;
    progressQueued = true;
    requestAnimationFrame(() => {
      progressQueued = false;
      progressBar.max = Math.max(1, progress.total);
      progressBar.value = progress.done;
    });
  }

  // A fetch whose body counts into the progress bar as it streams (the wasm module is
  // compiled from this stream while it downloads).
  async function fetchCounted(url, expected, contentType) {
    progress.total += expected;
    updateProgress();
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) throw await httpError(res);
    const length = Number(res.headers.get('Content-Length')) || 0;
    if (length > 0 && !res.headers.get('Content-Encoding')) {
      progress.total += length - expected;
      expected = length;
    }
    let received = 0;
    const counter = new TransformStream({
      transform(chunk, ctl) {
        progress.done += Math.min(chunk.length, Math.max(0, expected - received));
        received += chunk.length;
        updateProgress();
        ctl.enqueue(chunk);
      },
    });
    return new Response(res.body.pipeThrough(counter), { headers: { 'Content-Type': contentType || res.headers.get('Content-Type') || '' } });
  }
  async function fetchBytes(url, expected) {
    return new Uint8Array(await (await fetchCounted(url, expected)).arrayBuffer());
  }
  // The module compiles off the main thread while it downloads (compileStreaming).
  async function compileWasm() {
    const res = await fetchCounted('reader.wasm', 900000, 'application/wasm');
    if (typeof WebAssembly.compileStreaming === 'function') return WebAssembly.compileStreaming(res);
    return WebAssembly.compile(await res.arrayBuffer());
  }
  // Start-up runs as short tasks, each step yielding to the browser (input, paint).
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

  // ------------------------------------------------------------------ passing data into wasm
  function withCString(str, fn) {
    const len = mod.lengthBytesUTF8(str) + 1;
    const p = mod._malloc(len);
    mod.stringToUTF8(str, p, len);
    try { return fn(p); } finally { mod._free(p); }
  }

  function copyIn(bytes) {                 // ownership passes to the core
    const p = mod._malloc(Math.max(1, bytes.length));
    mod.HEAPU8.set(bytes, p);
    return p;
  }

  // ------------------------------------------------------------------ frames on demand
  // No frame before the core has what the first one needs (fonts, bundle): the page's
  // loading screen covers the canvas until then, and every drawn frame costs a GPU
  // upload and, without a GPU, a read-back of the whole canvas.
  let frameScheduled = false, framesStarted = false;
  let pendingMirror = null;          // the accessible mirror's next page (host.setMirror)
  function requestFrame() {
    if (frameScheduled || !mod || !framesStarted) return;
    frameScheduled = true;
    requestAnimationFrame(onFrame);
  }
  function onFrame(now) {
    frameScheduled = false;
    const more = mod._reader_frame(now);
    if (canvas.style.visibility) canvas.style.visibility = '';   // the first frame is drawn
    if (more > 0) requestFrame();
  }

  // ------------------------------------------------------------------ size and pixel ratio
  function resize() {
    const dpr = window.devicePixelRatio || 1;
    const rect = canvas.getBoundingClientRect();
    const w = Math.max(1, Math.round(rect.width * dpr));
    const h = Math.max(1, Math.round(rect.height * dpr));
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    if (mod) mod._reader_resize(rect.width, rect.height, dpr);
  }
  function watchPixelRatio() {
    // Browser zoom and moving to another screen change devicePixelRatio.
    const mq = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    mq.addEventListener('change', () => { resize(); watchPixelRatio(); }, { once: true });
  }

  // ------------------------------------------------------------------ input
  function mods(e) { return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0); }
  function pointerType(e) { return e.pointerType === 'touch' ? 1 : e.pointerType === 'pen' ? 2 : 0; }
  function localXY(e) { const r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; }

  function wireInput() {
    // Event times (e.timeStamp, the performance.now() clock) go with pointer events:
    // touch flings measure the finger's speed from when it moved, not from when the
    // busy main thread got round to the event.
    canvas.addEventListener('pointermove', (e) => { const [x, y] = localXY(e); mod._reader_pointer(0, x, y, -1, pointerType(e), e.timeStamp); });
    canvas.addEventListener('pointerdown', (e) => {
      canvas.focus({ preventScroll: true });
      canvas.setPointerCapture(e.pointerId);
      const [x, y] = localXY(e); mod._reader_pointer(1, x, y, e.button, pointerType(e), e.timeStamp);
    });
    canvas.addEventListener('pointerup', (e) => { const [x, y] = localXY(e); mod._reader_pointer(2, x, y, e.button, pointerType(e), e.timeStamp); });
    canvas.addEventListener('pointercancel', (e) => { const [x, y] = localXY(e); mod._reader_pointer(2, x, y, 0, pointerType(e), e.timeStamp); });
    canvas.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') mod._reader_pointer(3, 0, 0, -1, 0, e.timeStamp); });
    canvas.addEventListener('wheel', (e) => {
      e.preventDefault();
      const scale = e.deltaMode === 1 ? 40 : e.deltaMode === 2 ? canvas.clientHeight : 1;
      mod._reader_wheel(e.deltaX * scale, e.deltaY * scale);
    }, { passive: false });
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    const onKey = (down) => (e) => {
      withCString(e.code || '', (p) => mod._reader_key(p, down ? 1 : 0, mods(e)));
      // Ctrl+F / F3 / "/" open the reader's search instead of the browser's find. The
      // hidden input takes focus now, in this event, so the keys typed right after
      // are not lost while the core opens the field on its next frame.
      const opensSearch = ((e.ctrlKey || e.metaKey) && e.code === 'KeyF') || (e.code === 'F3' && !e.shiftKey) ||
        (e.code === 'Slash' && !e.ctrlKey && !e.metaKey);
      if (down && opensSearch) {
        e.preventDefault();
        proxy.value = '';
        proxy.dataset.pending = '1';
        proxy.dataset.active = '1';
        proxy.focus({ preventScroll: true });
      }
      // Ctrl+A selects the article in the canvas (not the page's hidden mirror); Ctrl+C
      // copies the canvas's selection (the copy event below fills the clipboard).
      if (down && (e.ctrlKey || e.metaKey) && e.code === 'KeyA') e.preventDefault();
      if (down && (e.ctrlKey || e.metaKey) && e.code === 'KeyC' && selection.plain) copyToClipboard(selection.plain, selection.html);
      // Tab walks the canvas's own controls (wasm/keyboard_focus.cpp); past the last one
      // (Shift+Tab: before the first) the browser moves focus on, to the text version.
      if (down && e.code === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey && mod._reader_tab(e.shiftKey ? 1 : 0)) {
        e.preventDefault();
        requestFrame();
      }
      // Keys the reader handles must not also scroll or find in the page.
      if (['Space', 'PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'F3'].includes(e.code)) e.preventDefault();
    };
    canvas.addEventListener('keydown', onKey(true));
    canvas.addEventListener('keyup', onKey(false));
    wireTextProxy();
    // Focus arriving by Tab lands on the first control (Shift+Tab from the text version:
    // the last), as if the canvas's controls were elements of the page.
    let tabbing = 0;
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab') return;
      tabbing = e.shiftKey ? -1 : 1;
      setTimeout(() => { tabbing = 0; }, 0);
    }, true);
    canvas.addEventListener('focus', (e) => {
      mod._reader_focus(1);
      if (tabbing && e.relatedTarget !== proxy) { mod._reader_focus_enter(tabbing); requestFrame(); }
    });
    // Focus passing to the hidden text input stays inside the reader: telling the
    // core would make ImGui drop the keys held (the Ctrl+F that opened the search).
    canvas.addEventListener('blur', (e) => { if (e.relatedTarget !== proxy) mod._reader_focus(0); });
    new ResizeObserver(resize).observe(canvas);
    watchPixelRatio();
    window.addEventListener('hashchange', () => withCString(location.hash, (p) => mod._reader_navigate(p)));
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
      withCString(JSON.stringify({ type: 'reader:prefers-dark', dark: e.matches }), (p) => mod._reader_message(p));
    });
  }

  // ------------------------------------------------------------------ text fields
  // While a canvas text field is active, this hidden input holds focus and its value
  // is the field's value: IME composition, Unikey-style edits, paste and phone
  // keyboards all happen here, and every change is sent to the core whole.
  const proxy = document.getElementById('text-proxy');
  let composing = false;
  function sendField() {
    withCString(proxy.value, (p) => mod._reader_text_field(p, proxy.selectionStart ?? proxy.value.length, composing ? 1 : 0));
  }
  function wireTextProxy() {
    proxy.addEventListener('input', sendField);
    proxy.addEventListener('compositionstart', () => { composing = true; sendField(); });
    proxy.addEventListener('compositionupdate', () => { composing = true; sendField(); });
    proxy.addEventListener('compositionend', () => { composing = false; sendField(); });
    proxy.addEventListener('keyup', (e) => {
      sendField();                                    // caret moves (arrows, Home/End)
      // Releases reach the core too: a key pressed on the canvas (Ctrl of Ctrl+F) is
      // often released here, and must not stay held in ImGui.
      withCString(e.code || '', (p) => mod._reader_key(p, 0, mods(e)));
    });
    proxy.addEventListener('keydown', (e) => {
      // Keys that act on the reader (next/previous match, close) go to the core too;
      // typing stays in the input.
      if (['Enter', 'NumpadEnter', 'Escape', 'F3', 'ArrowUp', 'ArrowDown'].includes(e.code)) {
        if (!e.isComposing) {
          withCString(e.code, (p) => mod._reader_key(p, 1, mods(e)));
          withCString(e.code, (p) => mod._reader_key(p, 0, mods(e)));
          e.preventDefault();
        }
      }
      // Tab goes on to the next control of the canvas (the field gives focus back to it).
      if (e.code === 'Tab' && !e.isComposing && !e.ctrlKey && !e.altKey && !e.metaKey && mod._reader_tab(e.shiftKey ? 1 : 0)) {
        e.preventDefault();
        requestFrame();
      }
    });
    proxy.addEventListener('blur', (e) => {
      if (proxy.dataset.active === '1') { proxy.dataset.active = '0'; mod._reader_text_field_blur(); }
      if (e.relatedTarget !== canvas) mod._reader_focus(0);
    });
  }
  function activateTextField(value, x, y, w, h) {
    Object.assign(proxy.style, { left: `${x}px`, top: `${y}px`, width: `${w}px`, height: `${h}px` });
    proxy.dataset.active = '1';
    if (proxy.dataset.pending === '1' && document.activeElement === proxy) {
      // Opened by a shortcut: what was typed meanwhile is the field's value now.
      proxy.dataset.pending = '0';
      if (!proxy.value) proxy.value = value;
      sendField();
      return;
    }
    proxy.dataset.pending = '0';
    proxy.value = value;
    proxy.focus({ preventScroll: true });
    proxy.setSelectionRange(value.length, value.length);
  }
  function deactivateTextField() {
    proxy.dataset.active = '0';
    if (document.activeElement === proxy) canvas.focus({ preventScroll: true });
  }

  // ------------------------------------------------------------------ selection and clipboard
  // The core tells the page the text of the article's selection whenever it settles,
  // so a copy event (Ctrl+C, the browser's Copy) can fill the clipboard synchronously,
  // as plain text and as HTML with links.
  let selection = { plain: '', html: '' };
  let pendingCopy = null;                 // the context menu's Copy, when the async API is refused
  document.addEventListener('copy', (e) => {
    const data = pendingCopy || (document.activeElement === canvas && selection.plain ? selection : null);
    pendingCopy = null;
    if (!data || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', data.plain);
    if (data.html) e.clipboardData.setData('text/html', data.html);
    e.preventDefault();
  });
  async function copyToClipboard(plain, html) {
    try {
      if (navigator.clipboard && typeof ClipboardItem === 'function') {
        const parts = { 'text/plain': new Blob([plain], { type: 'text/plain' }) };
        if (html) parts['text/html'] = new Blob([html], { type: 'text/html' });
        await navigator.clipboard.write([new ClipboardItem(parts)]);
        return;
      }
    } catch (e) { /* refused (no permission, not focused): the copy event below */ }
    pendingCopy = { plain, html };
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    pendingCopy = null;
  }
  // A link of the bundle: "#article=ID" against this page, anything else against the bundle's URL.
  function linkUrl(href) {
    try { return new URL(href, href.startsWith('#') ? location.href : bundleBase); } catch (e) { return null; }
  }

  // ------------------------------------------------------------------ fetches asked by the core
  // Comments URLs (and later images): resolved against the bundle's URL, allowed
  // from the same origins as bundles, with a time limit; the answer (or a clear
  // reason) goes back to the core.
  let bundleBase = location.href;
  async function fetchForCore(request, relative) {
    const answer = (ok, status, bytes, error) => {
      const p = bytes ? copyIn(bytes) : 0;
      withCString(error || '', (ep) => mod._reader_fetched(request, ok ? 1 : 0, status, p, bytes ? bytes.length : 0, ep));
      requestFrame();
    };
    let url;
    try { url = new URL(relative, bundleBase); } catch (e) { answer(false, 0, null, 'not a URL'); return; }
    if (url.origin !== location.origin && !config.bundleOrigins.includes(url.origin)) {
      answer(false, 0, null, `${url.origin} is not an allowed origin`);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), 15000);
    try {
      const res = await fetch(url, { credentials: 'same-origin', signal: ctrl.signal, cache: 'no-cache' });
      if (!res.ok) { answer(false, res.status, null, `HTTP ${res.status}`); return; }
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.length > 64 * 1024 * 1024) { answer(false, res.status, null, 'the answer is larger than 64 MiB'); return; }
      answer(true, res.status, bytes, '');
    } catch (e) {
      const reason = navigator.onLine === false ? 'offline' : ctrl.signal.aborted ? 'no answer within 15 s' : 'network error';
      answer(false, 0, null, reason);
    } finally {
      clearTimeout(timer);
    }
  }

  // ------------------------------------------------------------------ images asked by the core
  // web/images.js fetches (same origin rules as above) and decodes; the core then takes
  // the bitmap into a texture (wasm/image_cache.cpp) or hears why there is none.
  const allowedOrigin = (origin) => origin === location.origin || config.bundleOrigins.includes(origin);
  function loadImageForCore(request, src, widthPx) {
    window.ReaderImages.load(src, bundleBase, allowedOrigin, widthPx).then((img) => {
      window.ReaderImages.keep(request, img.source);
      mod._reader_image_loaded(request, img.width, img.height);
      requestFrame();
    }, (err) => {
      withCString(String((err && err.message) || err), (p) => mod._reader_image_failed(request, p));
      requestFrame();
    });
  }

  // ------------------------------------------------------------------ host messages
  const HOST_TYPES = new Set(['reader:open', 'reader:search', 'reader:theme', 'reader:stats']);
  function trusted(origin) {
    return origin === location.origin || config.trustedOrigins.includes(origin);
  }
  function wireMessages() {
    window.addEventListener('message', (e) => {
      if (!trusted(e.origin)) return;                  // untrusted origins are ignored
      const m = e.data;
      if (!m || typeof m !== 'object' || typeof m.type !== 'string' || !HOST_TYPES.has(m.type)) return;
      // A top-level reader receives its own answers too: a stats reply is not a request.
      if (m.type === 'reader:stats' && 'frames' in m) return;
      let text;
      try { text = JSON.stringify(m); } catch (err) { return; }
      if (text.length > MAX_MESSAGE_CHARS) {
        postToHost({ type: 'reader:error', message: `message ${m.type} is larger than ${MAX_MESSAGE_CHARS} characters` });
        return;
      }
      if (e.origin !== location.origin && window.parent !== window) config.hostOrigin = e.origin;
      enqueueHostMessage(wellFormed(m) ? m.type : `${m.type}:malformed`, text);
    });
  }

  // A host (or a hostile page it lets through) may send thousands of messages at once.
  // They wait in a queue handled at most every DRAIN_MS, a few milliseconds' worth at a
  // time, so the reader keeps drawing; and at most PER_TYPE of each type wait: a newer
  // open/search/theme/stats replaces the oldest waiting one of its type (only the last
  // ones matter), so a flood of any size costs a bounded amount of work.
  const PER_TYPE = 2;
  const SLICE_MS = 6;
  const DRAIN_MS = 16;
  const hostQueue = [];
  let queueScheduled = false;
  let lastDrain = -Infinity;
  // Malformed ones keep their place instead (the core refuses them with the reason)
  // and later ones of the same kind are dropped while PER_TYPE of them wait.
  function wellFormed(m) {
    if (m.type === 'reader:open') return typeof m.id === 'string';
    if (m.type === 'reader:search') return typeof m.query === 'string';
    if (m.type === 'reader:theme') return typeof m.theme === 'string';
    return true;
  }
  function enqueueHostMessage(kind, text) {
    if (hostQueue.filter((q) => q.kind === kind).length >= PER_TYPE) {
      if (kind.endsWith(':malformed')) return;
      hostQueue.splice(hostQueue.findIndex((q) => q.kind === kind), 1);
    }
    hostQueue.push({ kind, text });
    scheduleDrain();
  }
  function scheduleDrain() {
    if (queueScheduled || !hostQueue.length) return;
    queueScheduled = true;
    setTimeout(drainHostQueue, Math.max(0, lastDrain + DRAIN_MS - performance.now()));
  }
  function drainHostQueue() {
    queueScheduled = false;
    lastDrain = performance.now();
    const end = lastDrain + SLICE_MS;
    while (hostQueue.length && performance.now() < end) {
      const { text } = hostQueue.shift();
      withCString(text, (p) => mod._reader_message(p));
    }
    requestFrame();
    scheduleDrain();
  }
  // Refusals are answered, but not one per message of a flood: the same reason at most
  // once a second, and at most 20 answers a second in all.
  const errorWindow = { start: 0, count: 0, seen: new Set() };
  function errorAllowed(message) {
    const now = performance.now();
    if (now - errorWindow.start > 1000) { errorWindow.start = now; errorWindow.count = 0; errorWindow.seen.clear(); }
    if (errorWindow.seen.has(message) || errorWindow.count >= 20) return false;
    errorWindow.seen.add(message);
    errorWindow.count++;
    return true;
  }

  // ------------------------------------------------------------------ the bundle's URL
  function bundleUrl() {
    const asked = new URLSearchParams(location.search).get('bundle');
    if (!asked) return new URL(DEFAULT_BUNDLE, location.href);
    let url;
    try { url = new URL(asked, location.href); } catch (e) { throw new Error(`?bundle=${asked} is not a URL`); }
    if (url.origin !== location.origin && !config.bundleOrigins.includes(url.origin)) {
      throw new Error(`bundles load only from this site or configured origins, not ${url.origin}`);
    }
    return url;
  }

  async function loadConfig() {
    try {
      await readConfig();
    } finally {
      configLoaded = true;
      for (const m of waitingForConfig.splice(0)) postToHost(m);
    }
  }
  async function readConfig() {
    try {
      const res = await fetch('reader-config.json', { credentials: 'same-origin' });
      if (res.ok) {
        const c = await res.json();
        if (Array.isArray(c.trustedOrigins)) config.trustedOrigins = c.trustedOrigins.filter((o) => typeof o === 'string');
        if (Array.isArray(c.bundleOrigins)) config.bundleOrigins = c.bundleOrigins.filter((o) => typeof o === 'string');
      }
    } catch (e) { /* no config: own origin only */ }
  }

  // ------------------------------------------------------------------ start-up workers
  // startup_worker.js runs part of the start-up in a worker, in a throw-away instance of
  // the same compiled module. Workers are started with the downloads, so that their
  // script is loaded and running by the time the module is compiled; they get the data
  // as it arrives, and are dropped when done. Any failure only means the page does the
  // work itself (reported in reader:stats: atlasWorker, warmUp).
  // `report` gets the job's state for reader:stats.
  function startWorker(report) {
    try {
      const worker = new Worker('startup_worker.js');
      report({ state: 'starting' });
      return worker;
    } catch (e) {
      report({ state: 'failed', error: String(e.message || e) });
      return null;
    }
  }
  // What the worker's instance needs to take the page's branches: the canvas's size,
  // the DPR and the stored reading settings (the same atlas sizes and family).
  function workerStart(job, module, config) {
    const rect = canvas.getBoundingClientRect();
    let settings = null;
    try { settings = localStorage.getItem('reader.settings'); } catch (e) { /* private mode */ }
    return { start: {
      job, module, width: rect.width, height: rect.height, dpr: window.devicePixelRatio || 1,
      config: JSON.stringify({ ...JSON.parse(coreConfig()), ...config }),
      hash: location.hash,
      settings: settings === null ? {} : { 'reader.settings': settings },
    } };
  }
  // Both jobs pay off only beside a spare core (see each).
  const spareCore = () => (navigator.hardwareConcurrency || 1) > 2;
  const fontMessage = (files) => ({ fonts: FONT_FILES.map((name, i) => ({ name, bytes: files[i] })) });
  // Runs `job` in `worker` and sends it the fonts when they come. Resolves once, to the
  // worker's answer or null (it failed, the fonts did not come, or no answer within
  // `limitMs`); `report` gets the state for reader:stats; the worker is then dropped.
  function runWorkerJob(worker, job, module, config, fontsP, report, limitMs) {
    report({ state: 'running' });
    const t0 = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (state, answer) => {
        if (settled) return;
        settled = true;
        report({ ...state, wallMs: Math.round(performance.now() - t0) });
        worker.terminate();
        resolve(answer);
      };
      worker.onmessage = (e) => finish(e.data, e.data);
      worker.onerror = (e) => { e.preventDefault(); finish({ state: 'failed', error: String(e.message || 'worker error') }, null); };
      if (limitMs) setTimeout(() => finish({ state: 'timeout' }, null), limitMs);
      worker.postMessage(workerStart(job, module, config));
      fontsP.then((files) => worker.postMessage(fontMessage(files)), () => finish({ state: 'skipped', error: 'no fonts' }, null));
    });
  }

  // The font atlas is rasterized in the worker while this thread runs reader_init and
  // parses the bundle, and loaded here from its bytes (wasm/atlas_transfer.h): the
  // largest main-thread task of the start-up (150-220 ms on the 2-core test machine,
  // ~440 ms at Lighthouse's 4x CPU) leaves the main thread. Like the warm-up, only
  // beside a spare core (spareCore): on two, the worker took 260-420 ms for it, against
  // the main thread and the GPU process, and the first frame came ~150 ms later
  // (BENCHMARKS.md). Resolves to the atlas bytes, or null when the worker could not
  // build them (the page then rasterizes as before).
  const ATLAS_WORKER_LIMIT_MS = 10000;   // against a worker that never answers
  let atlasWorkerState = { state: 'off' };
  function buildAtlasInWorker(worker, module, fontsP) {
    if (!worker) return Promise.resolve(null);
    const report = (state) => {
      const { atlas, ...rest } = state;    // the bytes are not a state
      atlasWorkerState = atlas ? { ...rest, bytes: atlas.byteLength } : rest;
    };
    return runWorkerJob(worker, 'atlas', module, { saveAtlas: true }, fontsP, report, ATLAS_WORKER_LIMIT_MS)
      .then((answer) => (answer && answer.atlas) || null);
  }

  // V8 compiles each wasm function on its first call, on the calling thread: the page's
  // start-up calls compiled a few hundred functions on the main thread, in the way of
  // the first frame. The warm-up job makes the same calls first; compiled code belongs
  // to the module, so this page's instance finds it ready.
  const WARM_UP_MAX_BUNDLE = 4 << 20;   // beyond this the second copy costs more than it saves
  let warmUpState = { state: 'off' };
  // The warm-up pays off only beside a spare core: on two, it competes with the main
  // thread and the GPU process. Alternating runs on a 2-core machine showed the first
  // frame no sooner with it (medians 1.3-1.7 s, against 1.1-1.5 s without), though
  // with most of the main thread's compiling gone (BENCHMARKS.md).
  function warmUp(worker, module, fontsP, bundleP) {
    if (!worker) return;
    runWorkerJob(worker, 'warm-up', module, { warmUp: true }, fontsP, (state) => { warmUpState = state; }, 0);
    bundleP.then((b) => worker.postMessage({ bundle: b.bytes && b.bytes.length <= WARM_UP_MAX_BUNDLE
      ? { name: 'bundle', bytes: b.bytes } : null }));
  }

  // ------------------------------------------------------------------ start
  // The WebGL2 context is asked for with the downloads: the GPU process sets it up
  // while the module arrives, instead of holding up reader_init, which gets this same
  // context (a canvas has one; the attributes are main.cpp's). 25 alternating first
  // views each: first article frame median 1446 -> 1360 ms (BENCHMARKS.md).
  function createGLContextEarly() {
    // Hidden (but laid out) until its first frame: a visible WebGL canvas is composited
    // from the moment its context exists, which without a GPU means reading back an
    // empty drawing buffer the page covers anyway.
    canvas.style.visibility = 'hidden';
    resize();
    try {
      canvas.getContext('webgl2', { alpha: false, depth: true, stencil: false, antialias: false,
        premultipliedAlpha: true, preserveDrawingBuffer: false });
    } catch (e) { /* reader_init reports it */ }
  }

  function coreConfig() {
    return JSON.stringify({
      lang: navigator.language || 'vi',
      prefersDark: matchMedia('(prefers-color-scheme: dark)').matches,
      navStart: 0,
      embed: new URLSearchParams(location.search).get('embed') === '1',
      library: new URLSearchParams(location.search).get('library') === '1',
    });
  }

  async function start() {
    if (typeof WebAssembly !== 'object') {
      showFatal('Trình duyệt không hỗ trợ WebAssembly', 'This browser has no WebAssembly; the reader cannot run here.');
      return;
    }
    // With the static first view up, its paint comes first: the downloads below would
    // only take bandwidth from it on a slow link.
    if (document.documentElement.classList.contains('has-first-view')) {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    }
    // Everything the first frame needs is fetched at once, in parallel: the module
    // (compiled as it streams), the fonts, the configuration, and the bundle when it is
    // of this site (another origin waits for the configuration that allows it).
    const wasmModuleP = compileWasm();
    const noWebGL2 = typeof WebGL2RenderingContext === 'undefined';
    const atlasWorker = noWebGL2 || !spareCore() ? null : startWorker((st) => { atlasWorkerState = st; });
    const warmUpWorker = noWebGL2 || !spareCore() ? null : startWorker((st) => { warmUpState = st; });
    if (!noWebGL2) createGLContextEarly();
    const fontsP = noWebGL2 ? Promise.resolve([]) : Promise.all(FONT_FILES.map((f) => fetchBytes(`fonts/${f}`, 60000)));
    fontsP.catch(() => {});
    wasmModuleP.catch(() => {});
    const configP = loadConfig();
    let early = null;
    try { early = new URL(new URLSearchParams(location.search).get('bundle') || DEFAULT_BUNDLE, location.href); } catch (e) { /* checked below */ }
    const fetchBundle = (u) => fetchBytes(u.href, 100000).then((b) => ({ bytes: b }), (err) => ({ error: err }));
    const earlyBundleP = early && early.origin === location.origin ? fetchBundle(early) : null;
    await configP;
    let url;
    try { url = bundleUrl(); } catch (e) { showFatal('Không mở được bài viết', e.message); return; }
    bundleBase = url.href;
    const bundleP = earlyBundleP && early.href === url.href ? earlyBundleP : fetchBundle(url);

    let wasmModule;
    try { wasmModule = await wasmModuleP; } catch (e) {
      if (warmUpWorker) warmUpWorker.terminate();
      if (atlasWorker) atlasWorker.terminate();
      showFatal('Không tải được ứng dụng', e.message);
      return;
    }
    const atlasP = buildAtlasInWorker(atlasWorker, wasmModule, fontsP);
    warmUp(warmUpWorker, wasmModule, fontsP, bundleP);
    await nextTask();
    const host = {
      requestFrame,
      postMessage: (text) => {
        try {
          const m = JSON.parse(text);
          if (m.type === 'reader:error' && window.ReaderMirror) window.ReaderMirror.announce(m.message);
          if (m.type === 'reader:stats' && 'frames' in m) {
            m.warmUp = warmUpState;
            m.atlasWorker = atlasWorkerState;
          }
          postToHost(m);
        } catch (e) { console.error(e); }
      },
      setHash: (hash, push) => {
        if (window.ReaderMirror) window.ReaderMirror.hashChanged(hash);
        if (location.hash === hash) return;
        if (push) history.pushState(null, '', hash); else history.replaceState(null, '', hash);
      },
      openExternal: (u) => { window.open(u, '_blank', 'noopener,noreferrer'); },
      canShare: () => typeof navigator.share === 'function',
      shareLink,
      openRelative: (u) => {
        try {
          const abs = new URL(u, bundleBase);
          if (abs.protocol === 'http:' || abs.protocol === 'https:') window.open(abs.href, '_blank', 'noopener,noreferrer');
        } catch (e) { /* not a URL: nothing to open */ }
      },
      setDocumentInfo: (title, lang, uiLang) => {
        document.title = title;
        document.documentElement.lang = lang || 'vi';
        if (uiLang) document.documentElement.dataset.uiLang = uiLang;   // read by pwa.js
      },
      storageGet: (k) => { try { return localStorage.getItem(k); } catch (e) { return null; } },
      storageSet: (k, v) => { try { localStorage.setItem(k, v); } catch (e) { /* private mode */ } },
      setCursor: (c) => { canvas.style.cursor = c; },
      activateTextField,
      fetchForCore,
      loadImage: loadImageForCore,
      takeImage: (request) => window.ReaderImages.take(request),
      deactivateTextField,
      setMirror: (html) => {
        // In a task of its own: building the DOM of a long article takes tens of ms that
        // the frame opening it need not wait for (the latest page wins).
        if (!window.ReaderMirror) return;
        const first = pendingMirror === null;
        pendingMirror = html;
        if (first) setTimeout(() => { const h = pendingMirror; pendingMirror = null; window.ReaderMirror.setMirror(h); }, 0);
      },
      announce: (text) => { if (window.ReaderMirror) window.ReaderMirror.announce(text); },
      setSelection: (plain, html) => { selection = { plain, html }; },
      searchOptionsChanged: () => { if (window.ReaderMirror) window.ReaderMirror.refreshSearch(); },
      // The control the canvas's focus ring is on names the canvas for screen readers.
      focusChanged: (label) => { canvas.setAttribute('aria-label', label || canvasLabel); },
      copyToClipboard: (plain, html) => { copyToClipboard(plain, html.length ? html : ''); },
      openInNewTab: (href) => {
        const u = linkUrl(href);
        if (u && (u.protocol === 'http:' || u.protocol === 'https:')) window.open(u.href, '_blank', 'noopener,noreferrer');
      },
    };
    mod = await createReaderModule({
      ReaderHost: host,
      instantiateWasm(imports, receiveInstance) {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => receiveInstance(instance, wasmModule),
          (e) => showFatal('Không tải được ứng dụng', String(e && e.message || e)));
        return {};
      },
    });
    mod.ReaderHost = host;
    await nextTask();

    resize();
    canvas.style.visibility = 'hidden';   // as in createGLContextEarly
    const rect = canvas.getBoundingClientRect();
    const ok = withCString(coreConfig(), (p) => mod._reader_init(rect.width, rect.height, window.devicePixelRatio || 1, p));
    if (!ok) { await showPlainView(url, bundleP); return; }
    wireInput();
    wireMessages();
    if (window.ReaderMirror) {
      window.ReaderMirror.attach({
        searchSummary: (q) => {
          const p = withCString(q, (qp) => mod._reader_search_mirror(qp));
          try { return JSON.parse(mod.UTF8ToString(p)); } catch (e) { return null; } finally { mod._free(p); }
        },
        revealText: (text, nth) => {
          withCString(text, (p) => mod._reader_reveal_text(p, nth));
          requestFrame();
        },
        strings: () => {
          const p = mod._reader_mirror_strings();
          try { return JSON.parse(mod.UTF8ToString(p)); } catch (e) { return null; } finally { mod._free(p); }
        },
      });
      window.addEventListener('hashchange', () => window.ReaderMirror.hashChanged(location.hash));
    }

    let fontFiles;
    await nextTask();
    try { fontFiles = await fontsP; } catch (e) { showFatal('Không tải được phông chữ', e.message); return; }
    FONT_FILES.forEach((name, i) => withCString(name, (p) => mod._reader_add_font(p, copyIn(fontFiles[i]), fontFiles[i].length)));
    // The atlas, as soon as the worker's bytes are in (or it failed), while the bundle
    // may still be on its way.
    const fontsReady = atlasP.then(async (atlas) => {
      await nextTask();
      if (atlas && !mod._reader_load_atlas(copyIn(new Uint8Array(atlas)), atlas.byteLength)) {
        atlasWorkerState = { ...atlasWorkerState, state: 'refused' };
      }
      mod._reader_prepare_fonts();
    });

    withCString(location.hash, (p) => mod._reader_navigate(p));
    const bundle = await bundleP;
    await nextTask();
    if (bundle.error) {
      const msg = bundle.error.offline || navigator.onLine === false
        ? `${url.pathname}: ${bundle.error.offline ? bundle.error.message : 'offline, and this bundle is not saved for offline reading'}`
        : `${url.pathname}: ${bundle.error.message}`;
      withCString(msg, (p) => mod._reader_load_error(p));
      removeFirstView();
    } else {
      withCString(url.pathname.split('/').pop() || 'bundle', (np) => mod._reader_load_bundle(copyIn(bundle.bytes), bundle.bytes.length, np));
    }
    await fontsReady;
    await nextTask();
    loading.hidden = true;
    framesStarted = true;
    requestFrame();
  }

  // ------------------------------------------------------------------ without WebGL2
  // WebAssembly works but the canvas cannot draw: the article as the core's escaped HTML
  // export (reader_plain_html), with a notice; #article= links keep working.
  async function showPlainView(url, bundleP) {
    const bundle = await bundleP;
    loading.hidden = true;
    removeFirstView();
    canvas.hidden = true;
    if (bundle.error) { showFatal('Không mở được bài viết', `${url.pathname}: ${bundle.error.message}`); return; }
    const view = document.createElement('main');
    view.id = 'plain-view';
    view.className = 'plain-article';
    document.getElementById('reader-root').appendChild(view);
    const data = copyIn(bundle.bytes);   // kept: every article is exported from it
    const name = url.pathname.split('/').pop() || 'bundle';
    const render = () => {
      const id = new URLSearchParams(location.hash.slice(1)).get('article') || '';
      let out = {};
      withCString(name, (np) => withCString(id, (ip) => withCString(navigator.language || 'vi', (lp) => {
        const p = mod._reader_plain_html(data, bundle.bytes.length, np, ip, lp);
        try { out = JSON.parse(mod.UTF8ToString(p)); } catch (e) { out = { error: String(e) }; } finally { mod._free(p); }
      })));
      if (out.error) { showFatal('Không mở được bài viết', out.error); return; }
      const notice = document.createElement('p');
      notice.className = 'plain-notice';
      notice.setAttribute('role', 'note');
      notice.lang = out.lang;
      notice.textContent = out.notice;
      const article = document.createElement('div');
      article.innerHTML = out.html;      // the core's export: every text and attribute escaped
      // Relative sources are the bundle's; images only from allowed origins.
      for (const img of article.querySelectorAll('img[src]')) {
        let u = null;
        try { u = new URL(img.getAttribute('src'), bundleBase); } catch (e) { /* dropped */ }
        if (u && (u.protocol === 'http:' || u.protocol === 'https:') && allowedOrigin(u.origin)) img.src = u.href;
        else img.removeAttribute('src');
      }
      for (const a of article.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href');
        if (href.startsWith('#')) continue;
        const u = linkTarget(href);
        if (u) { a.href = u; a.target = '_blank'; a.rel = 'noopener noreferrer'; } else a.removeAttribute('href');
      }
      view.replaceChildren(notice, ...article.childNodes);
      view.scrollTop = 0;
      document.title = out.title;
      postToHost({ type: 'reader:navigated', id: out.id, title: out.title });
      postToHost({ type: 'reader:resize', height: Math.ceil(view.scrollHeight) });
    };
    render();
    window.addEventListener('hashchange', render);
    wirePlainViewMessages(view);
    postToHost({ type: 'reader:error', message: 'WebGL2 is not available: the article is shown as plain HTML.' });
  }
  // The embedding contract holds in the plain view too, as far as HTML can: reader:open
  // moves to the article, reader:theme themes the page, reader:stats answers with what
  // is shown; reader:search is refused with the reason (the engine needs the canvas app).
  const PLAIN_THEMES = new Set(['auto', 'light', 'sepia', 'dark', 'contrast']);
  function wirePlainViewMessages(view) {
    window.addEventListener('message', (e) => {
      if (!trusted(e.origin)) return;
      const m = e.data;
      if (!m || typeof m !== 'object' || typeof m.type !== 'string' || !HOST_TYPES.has(m.type)) return;
      if (m.type === 'reader:stats' && 'frames' in m) return;     // our own answer, top level
      if (e.origin !== location.origin && window.parent !== window) config.hostOrigin = e.origin;
      if (m.type === 'reader:open' && typeof m.id === 'string' && m.id.length <= 1000) {
        location.hash = `#article=${encodeURIComponent(m.id)}`;
      } else if (m.type === 'reader:theme' && typeof m.theme === 'string') {
        const theme = m.theme === 'high-contrast' ? 'contrast' : m.theme;
        if (!PLAIN_THEMES.has(theme)) {
          postToHost({ type: 'reader:error', message: `unknown theme '${m.theme.slice(0, 40)}' (light, sepia, dark, contrast, auto)` });
        } else if (theme === 'auto') delete view.dataset.theme;
        else view.dataset.theme = theme;
      } else if (m.type === 'reader:stats') {
        postToHost({ type: 'reader:stats', frames: 0, plainView: true,
          article: new URLSearchParams(location.hash.slice(1)).get('article') || '',
          theme: view.dataset.theme || 'auto', heapBytes: mod.HEAPU8.length });
      } else if (m.type === 'reader:search') {
        postToHost({ type: 'reader:error', message: 'search is not available in the plain HTML view (no WebGL2)' });
      } else {
        postToHost({ type: 'reader:error', message: `malformed ${m.type} message` });
      }
    });
  }
  function linkTarget(href) {
    try {
      const u = new URL(href, bundleBase);
      return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:' ? u.href : null;
    } catch (e) { return null; }
  }

  // ------------------------------------------------------------------ copy link and share
  // The page's address is the deep link of what is on screen; shared without the embed
  // parameters, so it opens the full reader. The Web Share API where the browser has it
  // (phones), else the clipboard and a short confirmation.
  function shareUrl() {
    const u = new URL(location.href);
    u.searchParams.delete('embed');
    u.searchParams.delete('library');
    return u.href;
  }
  async function shareLink(title, copiedMessage, copyOnly) {
    const url = shareUrl();
    if (!copyOnly && typeof navigator.share === 'function') {
      try { await navigator.share({ title: title || document.title, url }); return; } catch (e) {
        if (e && e.name === 'AbortError') return;       // the user closed the share sheet
      }
    }
    let copied = false;
    try { await navigator.clipboard.writeText(url); copied = true; } catch (e) { /* below */ }
    if (!copied) {
      copyLinkPending = url;
      try { copied = document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
      copyLinkPending = null;
    }
    if (copied) showToast(copiedMessage);
  }
  let copyLinkPending = null;
  document.addEventListener('copy', (e) => {
    if (copyLinkPending === null || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', copyLinkPending);
    e.preventDefault();
    e.stopImmediatePropagation();
  }, true);
  let toastTimer = 0;
  function showToast(text) {
    let toast = document.getElementById('reader-toast');
    if (!toast) {
      toast = document.createElement('div');
      toast.id = 'reader-toast';
      toast.setAttribute('role', 'status');
      toast.setAttribute('aria-live', 'polite');
      document.body.appendChild(toast);
    }
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { toast.hidden = true; }, 2500);
  }

  start().catch((e) => { console.error(e); showFatal('Lỗi khi khởi động', String(e && e.message || e)); });
})();
