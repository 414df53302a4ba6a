// Benchmark of issue 4's reading targets, in headless Chromium against serve.py:
// a 200-page article made at run time from corpus texts (never committed) is
//   - opened from a short article (CPU ms: open_article + its first frame; target ≤ 150),
//   - scrolled top to bottom by wheel steps (frame CPU p50/p95; target p95 ≤ 4),
//   - relaid out after a width change (CPU ms of that frame; target ≤ 30),
// and the idle page is watched for frames drawn without input (target ≤ 1 per second).
// "Frame CPU" is measured by the app around everything a frame does (UI, layout, GL
// calls) and reported through reader:stats (openMs, relayoutMs, frameMsP50/P95).
//   node tests/bench/reading/page.mjs [runs=3]
// Prints a table; exits 0 with "SKIP: ..." when ../shared/corpus is absent.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { startServer, launchBrowser, openReader, waitForMessage, stats, ROOT, BUILD } from '../../e2e/harness.mjs';

const runs = Number(process.argv[2] || 3);
const corpus = path.resolve(ROOT, '../shared/corpus/articles.jsonl.gz');
if (!fs.existsSync(corpus)) { console.log(`SKIP: ${corpus} is absent`); process.exit(0); }

// ~200 printed pages: 1,800 characters a page (A4, 11 pt) → 360,000 characters of body,
// one section heading per source article, paragraphs from the corpus's double spaces.
const PAGE_CHARS = 1800, PAGES = 200;
function longArticle() {
  const lines = zlib.gunzipSync(fs.readFileSync(corpus)).toString('utf8').split('\n');
  const parts = [];
  let chars = 0;
  for (const line of lines) {
    if (chars >= PAGE_CHARS * PAGES) break;
    if (line.length < 2) continue;
    const a = JSON.parse(line);
    if (!a.body || a.body.length < 1500) continue;
    const paras = a.body.split(/ {2,}/).map((p) => p.trim()).filter(Boolean);
    parts.push(`## ${a.title}\n\n${a.sapo ? `*${a.sapo}*\n\n` : ''}${paras.join('\n\n')}`);
    chars += a.body.length + a.title.length;
  }
  return { body: parts.join('\n\n'), chars };
}

const { body, chars } = longArticle();
const bundle = {
  format: 1,
  site: { name: 'Benchmark', language: 'vi' },
  articles: [
    { id: 'short', title: 'Bài ngắn', published: '2022-12-07T08:00:00+07:00', body: 'Một đoạn văn ngắn.' },
    { id: 'long', title: 'Bài dài 200 trang', published: '2022-12-07T08:00:00+07:00', body },
  ],
};
const dist = path.join(BUILD, 'dist', 'bundles');
const file = path.join(dist, 'bench-long.json');
fs.writeFileSync(file, JSON.stringify(bundle));

const median = (xs) => { const v = [...xs].sort((a, b) => a - b); return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2; };
const server = await startServer();
const browser = await launchBrowser();
const results = { open: [], p50: [], p95: [], relayout: [], idleFps: [], content: 0, heap: [] };
try {
  for (let r = 0; r < runs; r++) {
    const { page, context } = await openReader(browser, `${server.url}?bundle=bundles/bench-long.json#article=short`);
    await waitForMessage(page, 'reader:ready', 60000);
    await page.evaluate(() => window.postMessage({ type: 'reader:open', id: 'long' }, location.origin));
    await page.waitForFunction(() => window.__readerMessages.some((m) => m.type === 'reader:navigated' && m.id === 'long'));
    let s;
    for (let i = 0; i < 50; i++) { s = await stats(page); if (s.openMs > 0 && s.article === 'long') break; await page.waitForTimeout(100); }
    results.open.push(s.openMs);
    results.content = s.contentHeight;
    // Scroll top to bottom by wheel steps of 300 px, a frame each.
    await page.mouse.move(640, 450);
    await page.evaluate(() => window.postMessage({ type: 'reader:stats', reset: true }, location.origin));
    await page.waitForTimeout(200);
    const steps = Math.min(400, Math.floor(s.contentHeight / 300));
    const stride = Math.max(1, Math.floor(s.contentHeight / 300 / steps));
    for (let i = 0; i < steps; i++) { await page.mouse.wheel(0, 300 * stride); await page.waitForTimeout(16); }
    s = await stats(page);
    results.p50.push(s.frameMsP50);
    results.p95.push(s.frameMsP95);
    results.heap.push(s.heapBytes);
    // Width change: the reading column reflows.
    await page.setViewportSize({ width: 600, height: 900 });   // narrower than the 680 px column
    for (let i = 0; i < 50; i++) { await page.waitForTimeout(100); s = await stats(page); if (s.relayoutMs > 0) break; }
    results.relayout.push(s.relayoutMs);
    // Idle: frames drawn over 3 s after 2 s without input.
    await page.waitForTimeout(2000);
    const a = await stats(page);
    await page.waitForTimeout(3000);
    const b = await stats(page);
    results.idleFps.push((b.frames - a.frames) / 3);   // answering reader:stats draws nothing
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
  fs.rmSync(file, { force: true });
}
const f = (x) => x.toFixed(1);
console.log(`machine: ${os.cpus().length}× ${os.cpus()[0].model}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`article: ${chars} characters of body (${PAGES} pages of ${PAGE_CHARS}), content height ${Math.round(results.content)} px at 1280×900; ${runs} runs, medians`);
console.log('| measure | median | runs | target |');
console.log('|---|---:|---|---|');
console.log(`| open (CPU ms, open + first frame) | ${f(median(results.open))} | ${results.open.map(f).join(', ')} | ≤ 150 |`);
console.log(`| scroll frame CPU p50 (ms) | ${f(median(results.p50))} | ${results.p50.map(f).join(', ')} | |`);
console.log(`| scroll frame CPU p95 (ms) | ${f(median(results.p95))} | ${results.p95.map(f).join(', ')} | ≤ 4 |`);
console.log(`| relayout after width change (CPU ms) | ${f(median(results.relayout))} | ${results.relayout.map(f).join(', ')} | ≤ 30 |`);
console.log(`| idle frames per second | ${f(median(results.idleFps))} | ${results.idleFps.map(f).join(', ')} | ≤ 1 |`);
console.log(`| wasm heap (MB) | ${f(median(results.heap) / 1048576)} | | |`);
