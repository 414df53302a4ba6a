// In-page search as you type (issue 5: each keystroke's results within 16 ms p95), in
// headless Chromium against serve.py with the whole corpus as one bundle (made at run
// time by tests/bench/model/make_bundle.mjs, never committed): the search field is
// opened, queries made from titles are typed one character at a time, and after each
// keystroke the app's own timing of that run is read from reader:stats — searchMs is
// the bundle search (top 50 with snippets) plus the matches in the open article,
// measured by SearchView::run around exactly that work; searchRuns tells when the
// keystroke's run has happened.
//   node tests/bench/search/page_keystroke.mjs [runs=3] [queries=40]
// Prints a table; exits 0 with "SKIP: ..." when ../shared/corpus is absent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, openReader, waitForMessage, stats, BUILD } from '../../e2e/harness.mjs';
import { makeBundle, corpusDir } from '../model/make_bundle.mjs';

const runs = Number(process.argv[2] || 3);
const nQueries = Number(process.argv[3] || 40);
const dist = path.join(BUILD, 'dist', 'bundles');
const file = path.join(dist, 'bench-search-corpus.json');
fs.mkdirSync(dist, { recursive: true });
const made = makeBundle(corpusDir([]), file);
if (!made) { console.log(`SKIP: corpus not found at ${corpusDir([])}`); process.exit(0); }

// Queries: 2–4 consecutive title syllables (seeded), half typed as written, half
// without diacritics (what most people type on a phone without an IME).
function mulberry32(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
const words = (s) => s.normalize('NFC').split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => /[\p{L}\p{N}]/u.test(w));
const queries = [];
{
  const rand = mulberry32(20261127);
  while (queries.length < nQueries) {
    const w = words(bundle.articles[Math.floor(rand() * bundle.articles.length)].title);
    if (w.length < 2) continue;
    const len = Math.min(w.length, 2 + Math.floor(rand() * 3));
    const start = Math.floor(rand() * (w.length - len + 1));
    let q = w.slice(start, start + len).join(' ').toLowerCase();
    if (queries.length % 2) q = q.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
    queries.push(q);
  }
}
const firstArticle = bundle.articles[0].id;
bundle.articles.length = 0;

const median = (xs) => { const v = [...xs].sort((a, b) => a - b); return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2; };
const pct = (xs, p) => { const v = [...xs].sort((a, b) => a - b); return v[Math.min(v.length - 1, Math.floor((p / 100) * v.length))]; };

async function waitRuns(page, n, timeout) {
  const end = Date.now() + timeout;
  let s;
  while (Date.now() < end) {
    s = await stats(page);
    if (s.searchRuns >= n) return s;
    await page.waitForTimeout(5);
  }
  throw new Error(`search run ${n} did not happen within ${timeout} ms (last: ${s && s.searchRuns})`);
}

const server = await startServer();
const browser = await launchBrowser();
const out = { load: [], first: [], p50: [], p95: [], max: [], keys: 0, heap: [] };
const slowest = [];
try {
  for (let r = 0; r < runs; r++) {
    const t0 = Date.now();
    const { page, context } = await openReader(browser, `${server.url}?bundle=bundles/${path.basename(file)}#article=${encodeURIComponent(firstArticle)}`);
    await waitForMessage(page, 'reader:ready', 180000);
    out.load.push(Date.now() - t0);
    await page.locator('#reader-canvas').click({ position: { x: 640, y: 450 } });
    await page.keyboard.press('Control+f');
    // The index is built when the search field opens (Ctrl+F), before the first
    // keystroke; that keystroke (the first search over it) is timed apart.
    let s = await stats(page);
    let n = s.searchRuns;
    await page.keyboard.type('a');
    s = await waitRuns(page, ++n, 180000);
    out.first.push(s.searchMs);
    await page.keyboard.press('Backspace');
    s = await waitRuns(page, ++n, 10000);
    const times = [];
    for (const q of queries) {
      const chars = [...q];
      for (let i = 0; i < chars.length; i++) {
        await page.keyboard.type(chars[i]);
        s = await waitRuns(page, ++n, 10000);
        times.push(s.searchMs);
        slowest.push({ typed: chars.slice(0, i + 1).join(''), ms: s.searchMs, findMs: s.searchFindMs });
      }
      // Clear the field (its run, on an empty query, does no search: not counted).
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Backspace');
      s = await waitRuns(page, ++n, 10000);
    }
    out.p50.push(pct(times, 50));
    out.p95.push(pct(times, 95));
    out.max.push(Math.max(...times));
    out.heap.push(s.heapBytes);
    out.keys = times.length;
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
  fs.rmSync(file, { force: true });
}
const f = (x) => x.toFixed(1);
console.log(`machine: ${os.cpus().length}× ${os.cpus()[0].model}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`bundle: ${made.articles} articles, ${made.comments} comments, ${(made.bytes / 1e6).toFixed(1)} MB JSON; ${queries.length} queries, ${out.keys} keystrokes a run; ${runs} runs, medians`);
console.log('| measure | median | runs | target |');
console.log('|---|---:|---|---|');
console.log(`| page load to reader:ready (wall ms) | ${f(median(out.load))} | ${out.load.map(f).join(', ')} | |`);
console.log(`| first keystroke (the index was built when the field opened) (ms) | ${f(median(out.first))} | ${out.first.map(f).join(', ')} | |`);
console.log(`| keystroke results p50 (ms) | ${f(median(out.p50))} | ${out.p50.map(f).join(', ')} | |`);
console.log(`| keystroke results p95 (ms) | ${f(median(out.p95))} | ${out.p95.map(f).join(', ')} | ≤ 16 |`);
console.log(`| keystroke results max (ms) | ${f(median(out.max))} | ${out.max.map(f).join(', ')} | |`);
slowest.sort((a, b) => b.ms - a.ms);
console.log(`slowest keystrokes (typed so far, ms, of which finding in the open article): ${slowest.slice(0, 8).map((x) => `"${x.typed}" ${f(x.ms)} (${f(x.findMs)})`).join(', ')}`);
console.log(`| wasm heap (MB) | ${f(median(out.heap) / 1048576)} | | |`);
