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

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader'],
  });
}

// Opens the reader and collects what it posts (reader:* messages) and console errors.
export async function openReader(browser, url, { viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1, colorScheme = 'light', locale = 'vi-VN', hasTouch = false, isMobile = false } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, colorScheme, locale, hasTouch, isMobile });
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
  await page.goto(url);
  return { context, page, consoleErrors };
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

// Fraction of canvas pixels that differ from the most common colour (the background).
export async function inkRatio(page) {
  const shot = await page.locator('#reader-canvas').screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    const counts = new Map();
    for (let i = 0; i < d.length; i += 4 * 7) {
      const k = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
      counts.set(k, (counts.get(k) || 0) + 1);
    }
    let bg = 0; let bgCount = 0; let total = 0;
    for (const [k, n] of counts) { total += n; if (n > bgCount) { bg = k; bgCount = n; } }
    return 1 - bgCount / total;
  }, shot.toString('base64'));
}

export function tmpProfile() { return mkdtempSync(path.join(tmpdir(), 'reader-chromium-')); }
