// Benchmark: what the first view downloads (raw and gzip) and the time from
// navigation to the first drawn article frame, in headless Chromium.
// Usage: node tests/bench/first_view.mjs [runs=5]   (after ./test.sh or serve.py built the app)
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, waitForMessage, BUILD } from '../e2e/harness.mjs';

const runs = Number(process.argv[2] || 5);
// FIRST_VIEW_DIST=folder measures another staged copy (before/after comparisons).
const server = await startServer(process.env.FIRST_VIEW_DIST ? ['--dist', process.env.FIRST_VIEW_DIST] : []);
const browser = await launchBrowser();
const times = [];
let files = null;
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const seen = [];
  page.on('response', (r) => seen.push(new URL(r.url()).pathname));
  await page.addInitScript(() => {
    window.__readerMessages = [];
    window.addEventListener('message', (e) => { if (e.data?.type?.startsWith('reader:')) window.__readerMessages.push(e.data); });
  });
  await page.goto(server.url);
  const ready = await waitForMessage(page, 'reader:ready');
  times.push(ready.firstFrameMs);
  files ??= [...new Set(seen)];
  await context.close();
}
await browser.close();
server.stop();

const dist = process.env.FIRST_VIEW_DIST || path.join(BUILD, 'dist');   // READER_BUILD_DIR or build/
let raw = 0; let gz = 0;
const rows = [];
for (const f of files) {
  const p = path.join(dist, f === '/' ? 'index.html' : f);
  let bytes;
  try { bytes = readFileSync(p); } catch { continue; }
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length; gz += g;
  rows.push([f, bytes.length, g]);
}
rows.sort((a, b) => b[2] - a[2]);
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log('| file | raw bytes | gzip bytes |\n|---|---:|---:|');
for (const [f, r, g] of rows) console.log(`| ${f} | ${r} | ${g} |`);
console.log(`| **total (${rows.length} files)** | **${raw}** | **${gz}** |`);
console.log(`\nfirst article frame after navigation: median ${median.toFixed(0)} ms over ${runs} runs (all: ${times.map((t) => t.toFixed(0)).join(', ')})`);
