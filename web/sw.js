// The reader's service worker: keeps the app shell (HTML, JS, wasm, fonts, style,
// manifest, icons, default bundle) offline by content hash, one complete cache per
// version, and caches bundles, comments and images at run time with size caps.
//
// Why by hand and not Workbox: the build already writes asset-manifest.json with a
// content hash per file, and the one hard rule here -- an update installs whole into
// its own versioned cache, verified against those hashes, before it may activate, and
// old versions go only after that -- is a few dozen lines. Workbox's precache keeps
// every version in one shared cache keyed by revision and would add a build step and
// a runtime library for the same result.
//
// The whole protocol, for the page (pwa.js) and the tests:
//   page -> worker  {type: 'SKIP_WAITING'}            activate a waiting version now
//                   {type: 'GET_STATUS'} + port        answers {version, shellComplete, caches}
//                   {type: 'CACHE_URLS', urls: [...]}  keep what the page fetched before
//                                                      this worker controlled it
//   worker answers what it cannot reach offline with HTTP 503, a JSON body
//   {error: 'offline', kind, url, message} and the header X-Reader-Offline: 1.
'use strict';

// Replaced by tools/build.py stage() with asset-manifest.json's version, so that every
// new version of the app is a new sw.js byte for byte and the browser installs it.
const VERSION = '__ASSET_VERSION__';

const SHELL_PREFIX = 'reader-shell-';
const SHELL = SHELL_PREFIX + VERSION;
const SCOPE = new URL(self.registration.scope);
const COMPLETE_KEY = new URL('__reader/shell-complete', SCOPE).href;
const HASH_HEADER = 'X-Reader-Hash';
const STORED_HEADER = 'X-Reader-Stored';
const SIZE_HEADER = 'X-Reader-Size';

// Run-time caches hold data, not code: they outlive app versions. Caps are per cache;
// past them the entries stored longest ago go first.
const RUNTIME = {
  bundles: { cache: 'reader-bundles-v1', maxEntries: 60, maxBytes: 60 << 20, maxItemBytes: 25 << 20 },
  comments: { cache: 'reader-comments-v1', maxEntries: 200, maxBytes: 10 << 20, maxItemBytes: 2 << 20 },
  images: { cache: 'reader-images-v1', maxEntries: 400, maxBytes: 80 << 20, maxItemBytes: 10 << 20 },
  config: { cache: 'reader-config-v1', maxEntries: 4, maxBytes: 1 << 20, maxItemBytes: 256 << 10 },
};
const RUNTIME_CACHES = new Set(Object.values(RUNTIME).map((r) => r.cache));

// Files of the manifest that are not app shell: deployment configuration (network
// first, it may change without a new version) and the embedding demo pages.
function isShellFile(path) {
  return path !== 'reader-config.json' && path !== 'embed-example.html' && !path.startsWith('embed/');
}

// Headers of a network response that describe the transfer, not the content: not kept.
const TRANSFER_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection',
  'keep-alive', 'date', 'etag', 'last-modified', 'cache-control', 'expires', 'age', 'vary', 'set-cookie']);

// ------------------------------------------------------------------ helpers
function scoped(path) { return new URL(path, SCOPE).href; }

function relPath(url) {
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return null;
  try { return decodeURIComponent(url.pathname.slice(SCOPE.pathname.length)); } catch (e) { return null; }
}

async function sha256Prefix(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  let hex = '';
  for (let i = 0; i < 8; i++) hex += digest[i].toString(16).padStart(2, '0');
  return hex;   // 16 hex digits, as tools/build.py writes them
}

function keptHeaders(res, extra) {
  const headers = new Headers();
  for (const [k, v] of res.headers) if (!TRANSFER_HEADERS.has(k)) headers.set(k, v);
  for (const [k, v] of Object.entries(extra)) headers.set(k, String(v));
  return headers;
}

// Runs fn over items with at most `width` at a time.
async function pool(items, width, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) { const item = items[next++]; await fn(item); }
  });
  await Promise.all(workers);
}

function offlineResponse(kind, url) {
  const body = {
    error: 'offline',
    kind,
    url: String(url),
    message: 'Không có mạng và mục này chưa được lưu để đọc ngoại tuyến. / ' +
      'You are offline and this has not been saved for offline reading.',
  };
  return new Response(JSON.stringify(body), {
    status: 503,
    statusText: 'Offline',
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Reader-Offline': '1' },
  });
}

function offlinePage() {
  const html = '<!doctype html><html lang="vi"><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Ngoại tuyến — Offline</title>' +
    '<h1>Ngoại tuyến</h1><p>Trang này chưa được lưu để đọc khi không có mạng.</p>' +
    '<h2 lang="en">Offline</h2><p lang="en">This page has not been saved for offline reading.</p></html>';
  return new Response(html, {
    status: 503, statusText: 'Offline',
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Reader-Offline': '1' },
  });
}

// ------------------------------------------------------------------ install: the whole shell or nothing
async function fetchManifest() {
  const res = await fetch(scoped('asset-manifest.json'), { cache: 'no-store', credentials: 'same-origin' });
  if (!res.ok) throw new Error(`asset-manifest.json: HTTP ${res.status}`);
  const manifest = await res.json();
  if (!manifest || typeof manifest.version !== 'string' || !manifest.files || typeof manifest.files !== 'object') {
    throw new Error('asset-manifest.json has no version or files');
  }
  return manifest;
}

// Fetches one shell file and checks it against its content hash. A mismatch means the
// server holds files of two versions (a deployment in progress): one retry past every
// cache, then the install fails and the version in use stays.
async function fetchVerified(path, hash) {
  let lastError;
  for (const mode of ['no-cache', 'reload']) {
    try {
      const res = await fetch(scoped(path), { cache: mode, credentials: 'same-origin', redirect: 'follow' });
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      const body = await res.arrayBuffer();
      const got = await sha256Prefix(body);
      if (got !== hash) throw new Error(`${path}: content hash ${got}, the manifest says ${hash}`);
      return new Response(body, {
        status: 200,
        statusText: 'OK',
        headers: keptHeaders(res, { [HASH_HEADER]: hash, 'Content-Length': body.byteLength }),
      });
    } catch (e) { lastError = e; }
  }
  throw lastError;
}

async function installShell() {
  if (VERSION.startsWith('__')) throw new Error('sw.js was not stamped with a version (serve build/dist, not web/)');
  const manifest = await fetchManifest();
  if (manifest.version !== VERSION) {
    throw new Error(`asset-manifest.json is version ${manifest.version} but this worker is ${VERSION}: deployment in progress`);
  }
  const cache = await caches.open(SHELL);
  const older = [];
  for (const key of await caches.keys()) if (key.startsWith(SHELL_PREFIX) && key !== SHELL) older.push(await caches.open(key));
  const entries = Object.entries(manifest.files).filter(([path]) => isShellFile(path));
  await pool(entries, 4, async ([path, hash]) => {
    const url = scoped(path);
    // Already here from an interrupted install of this version, or unchanged since an
    // older version: the hash proves it is the same file.
    const have = await cache.match(url);
    if (have && have.headers.get(HASH_HEADER) === hash) return;
    for (const old of older) {
      const res = await old.match(url);
      if (res && res.headers.get(HASH_HEADER) === hash) { await cache.put(url, res); return; }
    }
    await cache.put(url, await fetchVerified(path, hash));
  });
  const files = entries.map(([path]) => path);
  await cache.put(COMPLETE_KEY, new Response(JSON.stringify({ version: VERSION, files, at: Date.now() }),
    { headers: { 'Content-Type': 'application/json' } }));
}

async function shellComplete() {
  const cache = await caches.open(SHELL);
  return Boolean(await cache.match(COMPLETE_KEY));
}

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the page agrees to reload
  // (pwa.js posts SKIP_WAITING), so a running page never gets files of two versions.
  event.waitUntil(installShell());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Activation only follows a successful install, but the marker is checked all the
    // same: without a complete shell of our own, older ones are not touched.
    if (await shellComplete()) {
      const keys = await caches.keys();
      await Promise.all(keys
        .filter((k) => (k.startsWith(SHELL_PREFIX) && k !== SHELL) || (k.startsWith('reader-') && !k.startsWith(SHELL_PREFIX) && !RUNTIME_CACHES.has(k)))
        .map((k) => caches.delete(k)));
    }
    await self.clients.claim();
  })());
});

// ------------------------------------------------------------------ run-time caches
const capQueues = new Map();   // one store (and its trim) at a time per cache
const indexes = new Map();     // per cache: url -> {size, stored}, read from it once

async function indexOf(spec, cache) {
  if (!indexes.has(spec.cache)) {
    const index = new Map();
    for (const req of await cache.keys()) {
      const res = await cache.match(req);
      index.set(req.url, { size: Number(res && res.headers.get(SIZE_HEADER)) || 0, stored: Number(res && res.headers.get(STORED_HEADER)) || 0 });
    }
    indexes.set(spec.cache, index);
  }
  return indexes.get(spec.cache);
}

// Only this worker writes the run-time caches, so its index stays true while it runs
// (a new worker reads it again from the cache).
async function trim(spec, cache, index) {
  let total = 0;
  for (const e of index.values()) total += e.size;
  if (index.size <= spec.maxEntries && total <= spec.maxBytes) return;
  const oldestFirst = [...index.entries()].sort((a, b) => a[1].stored - b[1].stored);
  for (const [url, e] of oldestFirst) {
    if (index.size <= spec.maxEntries && total <= spec.maxBytes) break;
    await cache.delete(url);
    index.delete(url);
    total -= e.size;
  }
}

async function store(kind, key, res) {
  const spec = RUNTIME[kind];
  // Only whole, readable answers: no errors, no opaque or partial responses.
  if (!res || res.status !== 200 || res.type === 'opaque' || res.headers.has('X-Reader-Offline')) return;
  const declared = Number(res.headers.get('Content-Length')) || 0;
  if (declared > spec.maxItemBytes) return;
  const body = await res.blob();
  if (body.size > spec.maxItemBytes) return;
  const headers = keptHeaders(res, { [SIZE_HEADER]: body.size, 'Content-Length': body.size });
  // One store at a time per cache, each followed by its trim: the cap holds after
  // every store, whatever order the downloads finish in.
  const queued = (capQueues.get(kind) || Promise.resolve()).then(async () => {
    const cache = await caches.open(spec.cache);
    const index = await indexOf(spec, cache);
    const stored = Date.now();
    headers.set(STORED_HEADER, String(stored));
    await cache.put(key, new Response(body, { status: 200, statusText: res.statusText, headers }));
    index.set(key, { size: body.size, stored });
    await trim(spec, cache, index);
  }).catch(() => { indexes.delete(spec.cache); });   // read it again next time
  capQueues.set(kind, queued);
  await queued;
}

function cacheKey(url) { const u = new URL(url); u.hash = ''; return u.href; }

// Bundles: the cached copy at once, and a fresh one in the background for next time.
// A request made with cache: 'no-cache' or 'reload' (the user asked for fresh data)
// goes to the network first and falls back to the cached copy.
async function bundleOrComments(event, kind, url) {
  const req = event.request;
  const key = cacheKey(url);
  const cache = await caches.open(RUNTIME[kind].cache);
  const cached = await cache.match(key);
  // The copy is stored while the page streams the original (its progress bar moves).
  const fromNetwork = fetch(req).then((res) => {
    event.waitUntil(store(kind, key, res.clone()).catch(() => {}));
    return res;
  });
  const networkFirst = kind === 'comments' || kind === 'config' || req.cache === 'no-cache' || req.cache === 'reload' || req.cache === 'no-store';
  if (cached && !networkFirst) {
    event.waitUntil(fromNetwork.catch(() => {}));
    return cached;
  }
  try {
    return await fromNetwork;
  } catch (e) {
    if (cached) return cached;
    return offlineResponse(kind, url);
  }
}

// Images rarely change at one URL: the cache first, the network only when missing.
async function image(event, url) {
  const key = cacheKey(url);
  const cached = await (await caches.open(RUNTIME.images.cache)).match(key);
  if (cached) return cached;
  try {
    const res = await fetch(event.request);
    event.waitUntil(store('images', key, res.clone()).catch(() => {}));
    return res;
  } catch (e) {
    return offlineResponse('images', url);
  }
}

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
const COMMENTS_PATH = /(^|\/)comments?([/._-]|$)/i;
const BUNDLE_EXT = /\.(json|md|markdown)$/i;
const NOT_BUNDLES = new Set(['asset-manifest.json', 'reader-config.json', 'manifest.webmanifest']);

// Which run-time cache a URL belongs to (null: none, the network answers).
function runtimeKind(url, req) {
  const rel = relPath(url);
  if (rel === 'reader-config.json') return 'config';
  if (rel !== null && NOT_BUNDLES.has(rel)) return null;
  if (req.destination === 'image' || IMAGE_EXT.test(url.pathname)) return 'images';
  if (COMMENTS_PATH.test(url.pathname)) return 'comments';
  if (BUNDLE_EXT.test(url.pathname)) return 'bundles';
  return null;
}

// ------------------------------------------------------------------ fetch
async function fromShell(event, path) {
  const cache = await caches.open(SHELL);
  const res = await cache.match(scoped(path));
  if (res) return res;
  // Only reached if the browser evicted part of the storage: the network, or a clear answer.
  try {
    return await fetch(event.request);
  } catch (e) {
    return event.request.mode === 'navigate' ? offlinePage() : offlineResponse('app', event.request.url);
  }
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
  const rel = relPath(url);

  if (rel !== null) {
    if (rel === 'sw.js' || rel === 'asset-manifest.json') return;   // always the network
    if (req.mode === 'navigate' && (rel === '' || rel === 'index.html')) {
      event.respondWith(fromShell(event, 'index.html'));
      return;
    }
    if (req.mode === 'navigate') {
      event.respondWith(fetch(req).catch(() => offlinePage()));
      return;
    }
  }
  const kind = runtimeKind(url, req);
  if (rel !== null && kind !== 'config') {
    // A shell file of this version answers first, whatever the URL's query.
    event.respondWith((async () => {
      const cache = await caches.open(SHELL);
      const hit = await cache.match(scoped(rel));
      if (hit) return hit;
      if (kind === 'images') return image(event, url);
      if (kind) return bundleOrComments(event, kind, url);
      try { return await fetch(req); } catch (e) { return offlineResponse('app', url); }
    })());
    return;
  }
  if (kind === 'images') event.respondWith(image(event, url));
  else if (kind) event.respondWith(bundleOrComments(event, kind, url));
  // Anything else of another origin: the browser's own handling.
});

// ------------------------------------------------------------------ messages from pages
self.addEventListener('message', (event) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'SKIP_WAITING') {
    self.skipWaiting();
  } else if (m.type === 'GET_STATUS') {
    const port = event.ports && event.ports[0];
    if (!port) return;
    event.waitUntil((async () => {
      port.postMessage({ version: VERSION, shellComplete: await shellComplete(), caches: await caches.keys() });
    })());
  } else if (m.type === 'CACHE_URLS' && Array.isArray(m.urls)) {
    // What the page loaded before this worker controlled it (the first visit): kept
    // so that the first visit's bundle and images open offline too.
    const urls = m.urls.filter((u) => typeof u === 'string').slice(0, 100);
    event.waitUntil(pool(urls, 3, async (u) => {
      let url;
      try { url = new URL(u, SCOPE); } catch (e) { return; }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
      const rel = relPath(url);
      if (rel !== null && isShellFile(rel) && await (await caches.open(SHELL)).match(scoped(rel))) return;
      const kind = runtimeKind(url, { destination: '' });
      if (!kind) return;
      const cache = await caches.open(RUNTIME[kind].cache);
      if (await cache.match(cacheKey(url))) return;
      try {
        const res = await fetch(url.href, { credentials: url.origin === SCOPE.origin ? 'same-origin' : 'omit', mode: 'cors' });
        await store(kind, cacheKey(url), res);
      } catch (e) { /* offline or refused: nothing to keep */ }
    }));
  }
});
