// Embedding (issue 7, DESIGN.md "The embedding contract"): the example host page on
// another origin embeds the reader and drives every message; the iframe follows the
// reader's height; messages from an origin the reader does not trust are ignored and
// such an origin cannot frame it; hostile messages are refused and the reader goes on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, freePort } from './harness.mjs';
import { newPage, startServerOn, meanLuminance } from './pwa_support.mjs';

const SEED_ID = 'thanhuy-ket-luan-21-kl-tw';
let browser; let reader; let host; let stranger; let strangerDir;

before(async () => {
  const [pr, ph, pu] = [await freePort(), await freePort(), await freePort()];
  const R = `http://127.0.0.1:${pr}`; const H = `http://127.0.0.1:${ph}`; const U = `http://127.0.0.1:${pu}`;
  // The reader trusts the host only. The host serves the example page and may frame
  // the reader and the stranger's widget. The stranger serves two small pages: a
  // widget the host embeds, and a page that tries to frame the reader itself.
  strangerDir = mkdtempSync(path.join(tmpdir(), 'reader-stranger-'));
  writeFileSync(path.join(strangerDir, 'widget.html'), '<!doctype html><title>widget</title><p>third-party widget</p>');
  writeFileSync(path.join(strangerDir, 'frame-reader.html'),
    `<!doctype html><title>stranger</title><iframe src="${R}/?embed=1" title="reader"></iframe>`);
  reader = await startServerOn(pr, ['--trust-origin', H]);
  host = await startServerOn(ph, ['--frame-origin', R, '--frame-origin', U]);
  stranger = await startServerOn(pu, ['--dist', strangerDir, '--trust-origin', H, '--frame-origin', R]);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const s of [reader, host, stranger]) s?.stop();
  if (strangerDir) rmSync(strangerDir, { recursive: true, force: true });
});

// The example host page with the reader of the other origin in its iframe.
async function openHost({ article } = {}) {
  const p = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  const q = new URLSearchParams({ reader: reader.url });
  if (article) q.set('article', article);
  await p.page.goto(`${host.url}embed-example.html?${q}`);
  await answer(p.page, 'reader:ready');
  return p;
}

// Waits for the n-th answer of a type that the host page received from the reader.
async function answer(page, type, n = 1, timeout = 20000) {
  await page.waitForFunction(([t, k]) => window.readerAnswers.filter((m) => m.type === t).length >= k, [type, n], { timeout });
  return page.evaluate(([t, k]) => window.readerAnswers.filter((m) => m.type === t)[k - 1], [type, n]);
}
const count = (page, type) => page.evaluate((t) => window.readerAnswers.filter((m) => m.type === t).length, type);
const readerFrame = (page) => page.frames().find((f) => f.url().startsWith(reader.url));

test('a host page on another origin embeds the reader and drives reader:open, reader:theme and reader:stats', async () => {
  const { page, context, consoleErrors } = await openHost();
  const ready = await answer(page, 'reader:ready');
  assert.equal(ready.id, SEED_ID);

  await page.fill('#open-id', 'searching');
  await page.click('#open-form button');
  const nav = await answer(page, 'reader:navigated', 2);
  assert.deepEqual([nav.id, typeof nav.title], ['searching', 'string']);
  assert.match(readerFrame(page).url(), /#article=searching$/, 'the embedded reader keeps its deep link');

  const iframe = page.locator('#reader');
  const before = await meanLuminance(page, iframe);
  await page.selectOption('#theme', 'dark');
  await page.click('#theme-form button');
  let after = before;
  for (let i = 0; i < 100 && after > 0.4; i++) { await page.waitForTimeout(150); after = await meanLuminance(page, iframe); }   // 15 s or more
  assert.ok(before > 0.6 && after < 0.4, `the reader turned dark (luminance ${before.toFixed(2)} → ${after.toFixed(2)})`);

  await page.click('#stats');
  const stats = await answer(page, 'reader:stats');
  for (const k of ['frames', 'frameMsP50', 'frameMsP95', 'heapBytes', 'firstFrameMs']) assert.equal(typeof stats[k], 'number', k);
  assert.ok(stats.frames > 0 && stats.heapBytes > 0 && stats.firstFrameMs > 0);
  assert.equal(await count(page, 'reader:error'), 0);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a host opens the reader on an article by the iframe address (#article=ID)', async () => {
  const { page, context } = await openHost({ article: 'offline' });
  assert.equal((await answer(page, 'reader:ready')).id, 'offline');
  await context.close();
});

test('reader:search from the host is answered with reader:results, with and without exact diacritics', async () => {
    const { page, context } = await openHost();
    await page.fill('#search-query', 'tim kiem');
    await page.click('#search-form button');
    const loose = await answer(page, 'reader:results');
    assert.equal(loose.query, 'tim kiem');
    assert.ok(loose.total >= 1 && loose.hits.length >= 1, 'folded search finds "tìm kiếm"');
    for (const k of ['id', 'title', 'snippet', 'field']) assert.equal(typeof loose.hits[0][k], 'string', k);
    // A hit, shown by the host, opens its article.
    await page.locator('#results button').first().click();
    const nav = await answer(page, 'reader:navigated', 2);
    assert.equal(nav.id, loose.hits[0].id);
    await page.check('#search-diacritics');
    await page.click('#search-form button');
    const exact = await answer(page, 'reader:results', 2);
    assert.ok(exact.total < loose.total, 'exact diacritics find fewer matches for a query typed without them');
    await context.close();
  });

test('the iframe follows the height of the reader\'s content (reader:resize)', async () => {
  const { page, context } = await openHost();
  const first = await answer(page, 'reader:resize');
  assert.ok(first.height > 240, `content height ${first.height}`);
  // The frame's inner height (without its border) is what the host sets.
  const follows = (h) => page.waitForFunction((x) => Math.abs(document.getElementById('reader').clientHeight - Math.max(240, Math.ceil(x))) <= 1, h);
  await follows(first.height);
  const n = await count(page, 'reader:resize');
  await page.fill('#open-id', 'about-the-reader');   // a much shorter article than the seed
  await page.click('#open-form button');
  const next = await answer(page, 'reader:resize', n + 1);
  assert.ok(next.height < first.height, `${next.height} < ${first.height}`);
  await follows(next.height);
  await context.close();
});

test('messages from an origin the reader does not trust are ignored', async () => {
  const { page, context } = await openHost();
  await page.evaluate((u) => {
    const f = document.createElement('iframe');
    f.src = u; f.title = 'widget';
    document.body.appendChild(f);
  }, `${stranger.url}widget.html`);
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
  let widget;
  for (let i = 0; i < 150 && !widget; i++) { widget = page.frames().find((f) => f.url().startsWith(stranger.url)); if (!widget) await page.waitForTimeout(100); }
  await widget.waitForLoadState();
  const before = { stats: await count(page, 'reader:stats'), errors: await count(page, 'reader:error'), nav: await count(page, 'reader:navigated') };
  await widget.evaluate(() => {
    const target = window.parent.frames[0];        // the reader, next to this widget
    for (const m of [{ type: 'reader:open', id: 'searching' }, { type: 'reader:stats' }, { type: 'reader:theme', theme: 'dark' },
      { type: 'reader:search', query: 'x' }, { type: 'reader:bogus' }]) target.postMessage(m, '*');
  });
  await page.waitForTimeout(1500);
  assert.equal(await count(page, 'reader:navigated'), before.nav, 'the reader did not navigate');
  assert.equal(await count(page, 'reader:stats'), before.stats, 'the reader did not answer');
  assert.equal(await count(page, 'reader:error'), before.errors, 'not even with an error');
  // The trusted host is still obeyed.
  await page.click('#stats');
  await answer(page, 'reader:stats', before.stats + 1);
  await context.close();
});

test('an origin the reader does not trust cannot frame it (CSP frame-ancestors)', async () => {
  const { page, context } = await newPage(browser);
  const console = [];
  page.on('console', (m) => console.push(m.text()));
  const t0 = Date.now();
  await page.goto(`${stranger.url}frame-reader.html`);
  // Wait for the refusal itself (a fixed 2.5 s could end before it on a loaded machine),
  // and still give a reader at least those 2.5 s to post something, were one running.
  while (!console.some((t) => /frame-ancestors/.test(t)) && Date.now() - t0 < 15000) await page.waitForTimeout(100);
  await page.waitForTimeout(Math.max(0, 2500 - (Date.now() - t0)));
  const messages = await page.evaluate(() => window.__readerMessages.length);
  assert.equal(messages, 0, 'no reader ran in the frame');
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.ok(frame && !frame.url().startsWith(reader.url), `the frame shows no reader (${frame && frame.url()})`);
  assert.ok(console.some((t) => /frame-ancestors/.test(t)), `refused by frame-ancestors (console: ${console.join(' | ')})`);
  await context.close();
});

test('hostile messages are ignored or refused with reader:error, and the reader keeps working', async () => {
  const { page, context } = await openHost();
  const errorsBefore = await count(page, 'reader:error');
  const statsBefore = await count(page, 'reader:stats');
  // A flood: 1200 malformed or unexpected messages, 20 oversized, 20 nested 800 deep,
  // 200 reader:open in a row; then one reader:stats that must still be answered.
  await page.evaluate((origin) => {
    const target = document.getElementById('reader').contentWindow;
    let deep = { type: 'reader:theme', theme: 'dark' };
    for (let i = 0; i < 800; i++) deep = { type: 'reader:theme', nested: deep };
    const junk = ['reader:open', 42, null, [1, 2], { type: 5 }, { type: 'reader:open' }, { type: 'reader:open', id: 42 },
      { type: 'reader:open', id: 'no-such-article' }, { type: 'reader:theme', theme: { evil: true } }, { type: 'reader:nope' },
      { type: 'reader:stats', frames: 'forged answer' }, { nottype: 'reader:open' }];
    for (let i = 0; i < 1200; i++) target.postMessage(junk[i % junk.length], origin);
    for (let i = 0; i < 20; i++) target.postMessage({ type: 'reader:search', query: 'x'.repeat(200000) }, origin);
    for (let i = 0; i < 20; i++) target.postMessage(deep, origin);
    for (let i = 0; i < 200; i++) target.postMessage({ type: 'reader:open', id: i % 2 ? 'searching' : 'offline' }, origin);
    target.postMessage({ type: 'reader:stats' }, origin);
  }, reader.origin);
  const t0 = Date.now();
  await answer(page, 'reader:stats', statsBefore + 1, 120000);
  const floodMs = Date.now() - t0;
  // Still working, and promptly: it opens what it is asked.
  const t1 = Date.now();
  await page.evaluate((origin) => document.getElementById('reader').contentWindow.postMessage({ type: 'reader:open', id: 'about-the-reader' }, origin), reader.origin);
  await page.waitForFunction(() => window.readerAnswers.filter((m) => m.type === 'reader:navigated').at(-1)?.id === 'about-the-reader', null, { timeout: 10000 });
  assert.ok(Date.now() - t1 < 10000, `reader:open after the flood took ${Date.now() - t1} ms`);
  const errors = await page.evaluate((n) => window.readerAnswers.filter((m) => m.type === 'reader:error').slice(n).map((m) => m.message), errorsBefore);
  assert.ok(errors.some((m) => /larger than/.test(m)), 'the oversized message was refused with a reason');
  assert.ok(errors.some((m) => /reader:open needs a string 'id'/.test(m)), 'a malformed reader:open was refused with a reason');
  assert.ok(errors.every((m) => typeof m === 'string' && m.length < 2000), 'error messages are short strings');
  console.log(`# flood of 1441 messages handled in ${floodMs} ms`);
  await context.close();
});

test('a flood of 10,000 messages does not freeze the reader: it keeps drawing and answers the last request', async () => {
  const { page, context } = await openHost();
  const frame = page.frames().find((f) => f.url().startsWith(reader.url));
  // Inside the reader: the longest gap between animation frames while the flood lasts.
  await frame.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    const tick = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; if (!window.__stopTicks) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const statsBefore = await count(page, 'reader:stats');
  const resultsBefore = await count(page, 'reader:results');
  const t0 = Date.now();
  await page.evaluate((origin) => {
    const target = document.getElementById('reader').contentWindow;
    for (let i = 0; i < 10000; i++) target.postMessage({ type: 'reader:search', query: `sinh hoạt chi bộ ${i}` }, origin);
    target.postMessage({ type: 'reader:search', query: 'Thủ Đức' }, origin);
    target.postMessage({ type: 'reader:stats' }, origin);
  }, reader.origin);
  await answer(page, 'reader:stats', statsBefore + 1, 60000);
  const floodMs = Date.now() - t0;
  await page.waitForFunction(() => window.readerAnswers.filter((m) => m.type === 'reader:results').at(-1)?.query === 'Thủ Đức');
  const results = (await page.evaluate(() => window.readerAnswers.filter((m) => m.type === 'reader:results'))).slice(resultsBefore);
  assert.ok(results.length < 200, `searches were coalesced (${results.length} answered of 10,001)`);
  assert.ok(results.at(-1).total > 0, 'the last search found the seed article');
  const gap = await frame.evaluate(() => { window.__stopTicks = true; return window.__gap; });
  assert.ok(gap < 2000, `the reader kept drawing: longest frame gap ${Math.round(gap)} ms`);
  console.log(`# 10,001 searches handled in ${floodMs} ms, ${results.length} answered, longest frame gap ${Math.round(gap)} ms`);
  await context.close();
});
