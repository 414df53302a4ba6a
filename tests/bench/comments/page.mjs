// Benchmark of issue 6's scale targets, in headless Chromium against serve.py: one
// article with 100,000 reader comments made at run time from the corpus's 10,000
// VnExpress comments (never committed; written into a temp copy of the build and
// deleted afterwards), next to the same article without comments.
//   - open: time from navigation to reader:ready (bundle fetch + parse + threading +
//     first frame) with vs without the comments (target: ≤ 300 ms more), and the
//     CPU of opening the article from another one in the loaded bundle (openMs);
//   - scroll: wheel steps through the comments, then "load more" a few times and
//     again; frame CPU p50/p95 (target p95 ≤ 4 ms);
//   - deep link: from another article to `#article=with&comment=c50` (an old comment,
//     ~33,000 threads down the newest-first list): openMs, rows loaded, rows laid out,
//     then scroll p95 upwards through rows known only by their estimated heights;
//   - sort: "most liked" and "oldest" clicked: CPU of the order, rows and layout;
//   - search: the first reader:search (builds the index over the bundle, comments
//     included) and a second one, wall ms from the message to the answer;
//   - heap: the wasm heap after all that.
//   node tests/bench/comments/page.mjs [runs=3]
// Prints a table; exits 0 with "SKIP: ..." when ../shared/corpus is absent.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { startServer, launchBrowser, openReader, waitForMessage, stats, ROOT } from '../../e2e/harness.mjs';
import { copyDist } from '../../e2e/pwa_support.mjs';

const runs = Number(process.argv[2] || 3);
const N = 100000;
const corpus = path.resolve(ROOT, '../shared/corpus/comments.jsonl.gz');
if (!fs.existsSync(corpus)) { console.log(`SKIP: ${corpus} is absent`); process.exit(0); }

// 100,000 comments: the corpus's texts in turn, a portal-like shape (30% top level,
// replies mostly to recent comments), times one minute apart, heavy-tailed likes.
function makeComments() {
  const texts = zlib.gunzipSync(fs.readFileSync(corpus)).toString('utf8').split('\n')
    .filter((l) => l.length > 1).map((l) => JSON.parse(l).comment).filter((t) => typeof t === 'string' && t.length > 0);
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const flat = [];
  const t0 = Date.parse('2022-12-07T08:00:00+07:00');
  for (let i = 0; i < N; i++) {
    const c = { id: `c${i}`, author: `Bạn đọc ${i % 997}`, published: new Date(t0 + i * 60000).toISOString().replace(/\.\d+Z$/, 'Z'),
      text: texts[i % texts.length], likes: Math.floor(rnd() * rnd() * 500) };
    if (i > 0 && rnd() >= 0.3) c.parent = `c${i - 1 - Math.floor(rnd() * Math.min(i, 50))}`;
    flat.push(c);
  }
  return { flat, texts: texts.length };
}

const { flat, texts } = makeComments();
const article = (id, comments) => ({ id, title: `Bài có ${comments.length} ý kiến`, published: '2022-12-07T08:00:00+07:00',
  body: 'Một đoạn văn ngắn.\n\nĐoạn thứ hai của bài viết.', comments, comment_count: comments.length });
const withBundle = { format: 'article-bundle/1', site: { name: 'Benchmark', language: 'vi' },
  articles: [article('with', flat), { id: 'short', title: 'Bài ngắn', published: '2022-12-07T08:00:00+07:00', body: 'Ngắn.' }] };
const withoutBundle = { format: 'article-bundle/1', site: { name: 'Benchmark', language: 'vi' },
  articles: [article('with', []), { id: 'short', title: 'Bài ngắn', published: '2022-12-07T08:00:00+07:00', body: 'Ngắn.' }] };
const dist = copyDist();
fs.writeFileSync(path.join(dist.dir, 'bundles/bench-comments.json'), JSON.stringify(withBundle));
fs.writeFileSync(path.join(dist.dir, 'bundles/bench-no-comments.json'), JSON.stringify(withoutBundle));
const bundleMB = fs.statSync(path.join(dist.dir, 'bundles/bench-comments.json')).size / 1048576;

const median = (xs) => { const v = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b); return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2; };
const server = await startServer(['--dist', dist.dir]);
const browser = await launchBrowser();
const r = { deepOpen: [], deepLayout: [], deepP95: [], sortLiked: [], sortOldest: [], search1: [], search2: [], readyWith: [], readyWithout: [], openWith: [], openWithout: [], layout: [], p50: [], p95: [], p95more: [], heapWith: [], heapWithout: [], heapSearch: [], rows: 0 };

async function ready(file) {
  const { page, context } = await openReader(browser, `${server.url}?bundle=bundles/${file}#article=with`);
  const m = await waitForMessage(page, 'reader:ready', 120000);
  return { page, context, ms: m.firstFrameMs };
}
async function openFromShort(page) {
  await page.evaluate(() => window.postMessage({ type: 'reader:open', id: 'short' }, location.origin));
  await page.waitForTimeout(300);
  await page.evaluate(() => window.postMessage({ type: 'reader:open', id: 'with' }, location.origin));
  let s;
  for (let i = 0; i < 50; i++) { await page.waitForTimeout(100); s = await stats(page); if (s.article === 'with' && s.openMs > 0) break; }
  return s;
}
async function scrollThrough(page, s) {
  await page.mouse.move(640, 450);
  await page.evaluate(() => window.postMessage({ type: 'reader:stats', reset: true }, location.origin));
  await page.waitForTimeout(200);
  const steps = Math.min(300, Math.ceil(s.contentHeight / 300));
  for (let i = 0; i < steps; i++) { await page.mouse.wheel(0, 300); await page.waitForTimeout(16); }
  return stats(page);
}

async function scrollSteps(page, dy, n) {
  await page.mouse.move(640, 450);
  await page.evaluate(() => window.postMessage({ type: 'reader:stats', reset: true }, location.origin));
  await page.waitForTimeout(200);
  for (let i = 0; i < n; i++) { await page.mouse.wheel(0, dy); await page.waitForTimeout(16); }
  await page.waitForTimeout(200);
  return stats(page);
}
async function deepLink(page) {
  await page.evaluate(() => window.postMessage({ type: 'reader:open', id: 'short' }, location.origin));
  await page.waitForTimeout(300);
  await page.evaluate(() => { location.hash = '#article=with&comment=c50'; });
  let s;
  for (let i = 0; i < 100; i++) {
    await page.waitForTimeout(100);
    s = await stats(page);
    if (s.article === 'with' && s.openMs > 0 && s.comments.highlighted === 'c50') break;
  }
  return s;
}
async function clickSort(page, name) {
  await page.keyboard.press('Home');
  await page.waitForTimeout(300);
  let s = await stats(page);
  let a = s.comments.actions.find((x) => x.kind === 'sort' && x.sort === name);
  await page.mouse.move(640, 450);
  await page.mouse.wheel(0, a.y0 - s.scrollY - 300);
  await page.waitForTimeout(400);
  s = await stats(page);
  a = s.comments.actions.find((x) => x.kind === 'sort' && x.sort === name);
  const margin = Math.floor((1280 - s.comments.width) / 2);
  await page.mouse.click(margin + (a.x0 + a.x1) / 2, 44 + (a.y0 + a.y1) / 2 - s.scrollY);
  for (let i = 0; i < 100; i++) { await page.waitForTimeout(100); s = await stats(page); if (s.comments.sort === name) break; }
  return s.comments.orderMs + s.comments.rowsMs + s.comments.layoutMs;
}
async function searchMs(page, query) {
  const before = await page.evaluate(() => window.__readerMessages.filter((m) => m.type === 'reader:results').length);
  const t0 = Date.now();
  await page.evaluate((q) => window.postMessage({ type: 'reader:search', query: q }, location.origin), query);
  await page.waitForFunction((n) => window.__readerMessages.filter((m) => m.type === 'reader:results').length > n, before, { timeout: 120000 });
  return Date.now() - t0;
}

try {
  for (let k = 0; k < runs; k++) {
    // Without comments.
    let o = await ready('bench-no-comments.json');
    r.readyWithout.push(o.ms);
    let s = await openFromShort(o.page);
    r.openWithout.push(s.openMs);
    r.heapWithout.push(s.heapBytes);
    await o.context.close();
    // With 100,000.
    o = await ready('bench-comments.json');
    r.readyWith.push(o.ms);
    s = await openFromShort(o.page);
    r.openWith.push(s.openMs);
    r.layout.push(s.comments.layoutMs);
    r.rows = s.comments.rowCount;
    s = await scrollThrough(o.page, s);
    r.p50.push(s.frameMsP50);
    r.p95.push(s.frameMsP95);
    // "Load more" ten times (by the section's own action), then scroll again.
    for (let i = 0; i < 10; i++) {
      const st = await stats(o.page);
      const a = st.comments.actions.find((x) => x.kind === 'load-more');
      if (!a) break;
      await o.page.evaluate((y) => window.postMessage({ type: 'reader:stats' }, location.origin), 0);
      // Bring it on screen with the End key (it is the last row), then click it.
      await o.page.keyboard.press('End');
      await o.page.waitForTimeout(300);
      const s2 = await stats(o.page);
      const b = s2.comments.actions.find((x) => x.kind === 'load-more');
      const margin = Math.floor((1280 - s2.comments.width) / 2);
      await o.page.mouse.click(margin + b.x0 + 20, 44 + (b.y0 + b.y1) / 2 - s2.scrollY);
      await o.page.waitForTimeout(200);
    }
    await o.page.keyboard.press('Home');
    await o.page.waitForTimeout(300);
    s = await stats(o.page);
    r.rowsMore = s.comments.rowCount;
    r.layoutMore = s.comments.layoutMs;
    s = await scrollThrough(o.page, s);
    r.p95more.push(s.frameMsP95);
    r.heapWith.push(s.heapBytes);
    s = await deepLink(o.page);
    r.deepOpen.push(s.openMs);
    r.deepLayout.push(s.comments.layoutMs);
    r.deepRows = s.comments.rowCount;
    r.deepLaid = s.comments.laidOut;
    s = await scrollSteps(o.page, -300, 100);
    r.deepP95.push(s.frameMsP95);
    r.sortLiked.push(await clickSort(o.page, 'liked'));
    r.sortOldest.push(await clickSort(o.page, 'oldest'));
    r.search1.push(await searchMs(o.page, 'giải quyết'));
    r.search2.push(await searchMs(o.page, 'cơ quan'));
    s = await stats(o.page);
    r.heapSearch.push(s.heapBytes);
    await o.context.close();
  }
} finally {
  await browser.close();
  server.stop();
  dist.cleanup();
}
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : String(x));
console.log(`machine: ${os.cpus().length}× ${os.cpus()[0].model}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`article: ${N} comments (texts from ${texts} corpus comments), bundle ${bundleMB.toFixed(1)} MB; 1280×900; ${runs} runs, medians`);
console.log('| measure | median | runs | target |');
console.log('|---|---:|---|---|');
console.log(`| page open to first frame, without comments (ms) | ${f(median(r.readyWithout))} | ${r.readyWithout.map(f).join(', ')} | |`);
console.log(`| page open to first frame, with 100,000 comments (ms) | ${f(median(r.readyWith))} | ${r.readyWith.map(f).join(', ')} | ≤ 300 more |`);
console.log(`| open article in loaded bundle, without (CPU ms) | ${f(median(r.openWithout))} | ${r.openWithout.map(f).join(', ')} | |`);
console.log(`| open article in loaded bundle, with (CPU ms) | ${f(median(r.openWith))} | ${r.openWith.map(f).join(', ')} | ≤ 300 more |`);
console.log(`| comments section layout (ms, ${r.rows} rows) | ${f(median(r.layout))} | ${r.layout.map(f).join(', ')} | |`);
console.log(`| scroll frame CPU p50 (ms) | ${f(median(r.p50))} | ${r.p50.map(f).join(', ')} | |`);
console.log(`| scroll frame CPU p95 (ms) | ${f(median(r.p95))} | ${r.p95.map(f).join(', ')} | ≤ 4 |`);
console.log(`| scroll p95 after 10× load more (ms, ${r.rowsMore} rows, layout ${f(r.layoutMore)} ms) | ${f(median(r.p95more))} | ${r.p95more.map(f).join(', ')} | ≤ 4 |`);
console.log(`| deep link to an old comment from another article (CPU ms, ${r.deepRows} rows loaded, ${r.deepLaid} laid out) | ${f(median(r.deepOpen))} | ${r.deepOpen.map(f).join(', ')} | ≤ 300 more |`);
console.log(`| its comments section layout (ms) | ${f(median(r.deepLayout))} | ${r.deepLayout.map(f).join(', ')} | |`);
console.log(`| scroll up 100 steps from there, frame CPU p95 (ms) | ${f(median(r.deepP95))} | ${r.deepP95.map(f).join(', ')} | ≤ 4 |`);
console.log(`| sort "most liked": order + rows + layout (CPU ms) | ${f(median(r.sortLiked))} | ${r.sortLiked.map(f).join(', ')} | no freeze |`);
console.log(`| sort "oldest": order + rows + layout (CPU ms) | ${f(median(r.sortOldest))} | ${r.sortOldest.map(f).join(', ')} | no freeze |`);
console.log(`| first search (builds the index, comments included; wall ms) | ${f(median(r.search1))} | ${r.search1.map(f).join(', ')} | off the open path |`);
console.log(`| second search (wall ms) | ${f(median(r.search2))} | ${r.search2.map(f).join(', ')} | |`);
console.log(`| wasm heap without / with / with the search index (MB) | ${f(median(r.heapWithout) / 1048576)} / ${f(median(r.heapWith) / 1048576)} / ${f(median(r.heapSearch) / 1048576)} | | recorded |`);
