// Helpers of the offline, update and embedding tests (pwa_*.test.mjs, embed_*.test.mjs):
// copies of build/dist to alter (a second version of the app), pages with a chosen
// locale that record reader:* messages, and the service worker's state.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, screenshotPixels } from './harness.mjs';

export const DIST = path.join(path.resolve(process.env.READER_BUILD_DIR || path.join(ROOT, 'build')), 'dist');

// A private copy of the staged app, removed by the returned cleanup.
export function copyDist() {
  const dir = mkdtempSync(path.join(tmpdir(), 'reader-dist-'));
  cpSync(DIST, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function readManifest(dir) {
  return JSON.parse(readFileSync(path.join(dir, 'asset-manifest.json'), 'utf8'));
}

export function hash16(bytes) { return createHash('sha256').update(bytes).digest('hex').slice(0, 16); }

// What tools/build.py stage() does after changing files: new hashes, a new version
// (any new string will do: stage() derives it its own way), sw.js stamped with it. `files` maps a path to its new content; `skipWrite` lists
// paths whose new content goes into the manifest but not (yet) onto the disk, as in a
// deployment caught half-way.
export function makeVersion(dir, files, { skipWrite = [] } = {}) {
  const manifest = readManifest(dir);
  const oldVersion = manifest.version;
  for (const [rel, content] of Object.entries(files)) {
    if (!skipWrite.includes(rel)) writeFileSync(path.join(dir, rel), content);
    manifest.files[rel] = hash16(Buffer.from(content));
  }
  const sorted = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : 1)));
  const version = hash16(Buffer.from(JSON.stringify(sorted))).slice(0, 12);
  writeFileSync(path.join(dir, 'asset-manifest.json'), JSON.stringify({ version, files: sorted }, null, 1));
  const sw = path.join(dir, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace(`'${oldVersion}'`, `'${version}'`));
  return { version, files: sorted };
}

// A page in a new context that records reader:* messages (like harness.openReader),
// with a chosen locale; not yet navigated.
export async function newPage(browser, { locale = 'en-US', viewport = { width: 1100, height: 800 }, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ locale, viewport, colorScheme });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.addInitScript(() => {
    window.__readerMessages = [];
    window.addEventListener('message', (e) => {
      if (e.data && typeof e.data.type === 'string' && e.data.type.startsWith('reader:')) window.__readerMessages.push(e.data);
    });
  });
  return { context, page, consoleErrors };
}

// Waits until a service worker controls the page (first visit: after install + claim).
export async function waitForController(page, timeout = 30000) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout });
}

export async function swStatus(page) {
  return page.evaluate(() => window.readerPwa.status());
}

// Polls an async predicate in the page until it is true. (Playwright's waitForFunction
// does not await a returned promise: an async predicate would pass at once.)
export async function waitForAsync(page, fn, arg, { timeout = 15000, polling = 200 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > end) throw new Error(`waitForAsync: not true after ${timeout} ms: ${fn}`);
    await new Promise((r) => setTimeout(r, polling));
  }
}

// Waits until `url` (relative to the page) is in the cache `cacheName`.
export async function waitForCached(page, cacheName, url, timeout = 15000) {
  await waitForAsync(page, async ([c, u]) => {
    const cache = await caches.open(c);
    return Boolean(await cache.match(new URL(u, location.href).href));
  }, [cacheName, url], { timeout });
}

// The id and title of the article the reader shows, from its last reader:navigated.
export async function lastNavigated(page) {
  return page.evaluate(() => window.__readerMessages.filter((m) => m.type === 'reader:navigated').at(-1));
}

export async function countMessages(page, type) {
  return page.evaluate((t) => window.__readerMessages.filter((m) => m.type === t).length, type);
}

// Waits for the n-th (1-based) message of a type and returns it.
export async function waitForNth(page, type, n, timeout = 20000) {
  await page.waitForFunction(([t, k]) => window.__readerMessages.filter((m) => m.type === t).length >= k, [type, n], { timeout });
  return page.evaluate(([t, k]) => window.__readerMessages.filter((m) => m.type === t)[k - 1], [type, n]);
}

// serve.py --no-build on a given port (the embedding tests need each origin before
// starting the servers that trust it); resolves with { url, origin, stop }.
export async function startServerOn(port, extraArgs = []) {
  const proc = spawn('python3', [path.join(ROOT, 'serve.py'), '--no-build', '--quiet', '--port', String(port), ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve.py did not start in 15 s')), 15000);
    proc.stdout.on('data', (d) => { if (String(d).includes('Serving the reader')) { clearTimeout(timer); resolve(); } });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited with ${code}`)); });
  });
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}/`, origin, port, stop: () => proc.kill('SIGTERM') };
}

// Mean luminance (0 dark .. 1 light) of what an element shows on screen.
export async function meanLuminance(page, locator) {
  const { data: d } = await screenshotPixels(page, await locator.screenshot());
  let sum = 0; let n = 0;
  for (let i = 0; i < d.length; i += 4 * 5) { sum += 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]; n++; }
  return sum / n / 255;
}
