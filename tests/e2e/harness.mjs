// Shared set-up of the end-to-end tests: serve.py on a free port (serving the
// already-built build/dist), Debian's Chromium headless through playwright-core,
// and helpers that read what the app reports.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILD = path.resolve(process.env.READER_BUILD_DIR || path.join(ROOT, 'build'));
export const SCREENSHOTS = path.join(BUILD, 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

// Starts serve.py --no-build; resolves with { url, stop }.
export async function startServer(extraArgs = []) {
  const port = await freePort();
  const proc = spawn('python3', [path.join(ROOT, 'serve.py'), '--no-build', '--quiet', '--port', String(port), ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve.py did not start in 15 s')), 15000);
    proc.stdout.on('data', (d) => { if (String(d).includes('Serving the reader')) { clearTimeout(timer); resolve(); } });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited with ${code}`)); });
  });
  return { url: `http://127.0.0.1:${port}/`, port, stop: () => proc.kill('SIGTERM') };
}

export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader', ...extraArgs],
  });
}

// Opens the reader and collects what it posts (reader:* messages) and console errors.
// `prepare(page)` runs before the navigation (routes that must catch the first requests).
export async function openReader(browser, url, { viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1, colorScheme = 'light', locale = 'vi-VN', hasTouch = false, isMobile = false, serviceWorkers = 'allow', prepare = null } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, colorScheme, locale, hasTouch, isMobile, serviceWorkers });
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
  // READER_TEST_CORES=8 runs a suite as on a machine with cores to spare, where the
  // page starts its start-up workers (web/startup_worker.js); by default the machine's own count.
  if (process.env.READER_TEST_CORES) await reportCores(page, Number(process.env.READER_TEST_CORES));
  if (prepare) await prepare(page);
  await page.goto(url);
  return { context, page, consoleErrors };
}

// The page is told it runs on `n` cores (navigator.hardwareConcurrency).
export async function reportCores(page, n) {
  await page.addInitScript((k) => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => k }), n);
}

export async function waitForMessage(page, type, timeout = 20000) {
  await page.waitForFunction((t) => window.__readerMessages.some((m) => m.type === t), type, { timeout });
  return page.evaluate((t) => window.__readerMessages.filter((m) => m.type === t).at(-1), type);
}

export async function messages(page, type) {
  return page.evaluate((t) => window.__readerMessages.filter((m) => m.type === t), type);
}

// Asks the reader for its stats and waits for the answer.
export async function stats(page) {
  const before = (await messages(page, 'reader:stats')).filter((m) => 'frames' in m).length;
  await page.evaluate(() => window.postMessage({ type: 'reader:stats' }, location.origin));
  await page.waitForFunction((n) => window.__readerMessages.filter((m) => m.type === 'reader:stats' && 'frames' in m).length > n, before);
  return (await messages(page, 'reader:stats')).filter((m) => 'frames' in m).at(-1);
}

// Polls reader:stats until `pred(stats)` holds (a pred that throws, e.g. on a section not
// there yet, counts as not yet). On timeout the error names `what` and the last stats.
export async function statsUntil(page, pred, what = 'the reader state', { timeout = 15000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await stats(page);
    let ok = false;
    try { ok = Boolean(pred(s)); } catch (e) { ok = false; }
    if (ok) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last stats: ${JSON.stringify(s).slice(0, 2000)}`);
    await page.waitForTimeout(120);
  }
}

// Waits until the reader has run `n` frames after this call, so that the input and
// messages sent before it are processed and drawn (ImGui applies a scroll in the frame
// after the one that asks for it, and every event gets a few settle frames). A fixed
// sleep does not do this on a loaded machine, where a frame can come late. Every stats
// request asks for a frame, so this returns promptly on an idle page too.
export async function framesAfter(page, n = 3, { timeout = 15000 } = {}) {
  const s0 = await stats(page);
  return statsUntil(page, (x) => x.frames >= s0.frames + n, `${n} frames after frame ${s0.frames}`, { timeout });
}

// Waits until the scroll position holds still: the same scrollY in answers with at least
// two frames run between them, so input sent before the call (a wheel, a drag) has been
// applied and a correction of estimated heights is over (a fling: drawingStopped).
// Returns the last stats.
export async function scrollSettled(page, what = 'the scroll to settle', { timeout = 15000 } = {}) {
  const end = Date.now() + timeout;
  let first = await stats(page);
  for (;;) {
    await page.waitForTimeout(80);
    const s = await stats(page);
    if (s.scrollY !== first.scrollY) first = s;
    else if (s.frames >= first.frames + 2) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; scrollY still moving (${first.scrollY} → ${s.scrollY})`);
  }
}

// Waits until the reader draws no frames of its own (an animation such as a touch fling
// is over): two answers `gap` ms apart with the same scrollY and at most the one frame
// between them that the first stats request asked for. The scroll alone is not enough:
// ImGui rounds it to whole pixels, so a fling's slow tail keeps drawing frames without
// moving. Returns the last stats.
export async function drawingStopped(page, what = 'drawing to stop', { gap = 300, timeout = 15000 } = {}) {
  const end = Date.now() + timeout;
  let a = await stats(page);
  for (;;) {
    await page.waitForTimeout(gap);
    const b = await stats(page);
    if (b.scrollY === a.scrollY && b.frames - a.frames <= 1) return b;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; ${b.frames - a.frames} frames in ${gap} ms, scrollY ${a.scrollY} → ${b.scrollY}`);
    a = b;
  }
}

// RGBA pixels of a PNG screenshot, decoded by the page's own image decoder (no PNG
// library in the tests): { width, height, data } with data a Buffer of RGBA bytes.
export async function screenshotPixels(page, png) {
  const { width, height, b64 } = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + src;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    let bin = '';
    for (let i = 0; i < d.length; i += 0x8000) bin += String.fromCharCode.apply(null, d.subarray(i, i + 0x8000));
    return { width: img.width, height: img.height, b64: btoa(bin) };
  }, png.toString('base64'));
  return { width, height, data: Buffer.from(b64, 'base64') };
}

// Fraction of canvas pixels that differ from the most common colour (the background).
export async function inkRatio(page) {
  const { data: d } = await screenshotPixels(page, await page.locator('#reader-canvas').screenshot());
  const counts = new Map();
  for (let i = 0; i < d.length; i += 4 * 7) {
    const k = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  let bgCount = 0; let total = 0;
  for (const n of counts.values()) { total += n; if (n > bgCount) bgCount = n; }
  return 1 - bgCount / total;
}

export function tmpProfile() { return mkdtempSync(path.join(tmpdir(), 'reader-chromium-')); }
