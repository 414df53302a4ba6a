// Deep links and history (issue 7, DESIGN.md "Page parameters"): #article=ID,
// &q=QUERY and &comment=CID open exactly that, navigating inside the reader updates
// the hash, and the browser's back and forward move between articles and searches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, waitForMessage, stats, statsUntil } from './harness.mjs';
import { newPage, waitForNth, countMessages } from './pwa_support.mjs';

const SEED_ID = 'thanhuy-ket-luan-21-kl-tw';
let server; let browser;

before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

async function open(hash = '') {
  const p = await newPage(browser);
  await p.page.goto(server.url + hash);
  await waitForMessage(p.page, 'reader:ready');
  return p;
}
// Asks the reader (top level: it answers and listens on its own window) to open an article.
async function openArticle(page, id) {
  const n = await countMessages(page, 'reader:navigated');
  await page.evaluate((x) => window.postMessage({ type: 'reader:open', id: x }, location.origin), id);
  return waitForNth(page, 'reader:navigated', n + 1);
}
async function nextNavigation(page, action) {
  const n = await countMessages(page, 'reader:navigated');
  await action();
  return waitForNth(page, 'reader:navigated', n + 1);
}

test('#article=ID opens exactly that article; an unknown id says so and shows the front article', async () => {
  const a = await open('#article=embedding');
  assert.equal((await waitForMessage(a.page, 'reader:ready')).id, 'embedding');
  assert.equal((await waitForMessage(a.page, 'reader:navigated')).id, 'embedding');
  await a.context.close();
  const b = await open('#article=no-such-article');
  assert.match((await waitForMessage(b.page, 'reader:error')).message, /no-such-article/);
  assert.equal((await waitForMessage(b.page, 'reader:ready')).id, SEED_ID);
  await b.context.close();
});

test('opening articles updates the hash; back and forward move between them', async () => {
  const { page, context, consoleErrors } = await open();
  assert.equal((await waitForMessage(page, 'reader:ready')).id, SEED_ID);
  assert.equal((await openArticle(page, 'searching')).id, 'searching');
  assert.equal(await page.evaluate(() => location.hash), '#article=searching');
  assert.equal((await openArticle(page, 'offline')).id, 'offline');
  assert.equal(await page.evaluate(() => location.hash), '#article=offline');

  assert.equal((await nextNavigation(page, () => page.goBack())).id, 'searching');
  assert.equal(await page.evaluate(() => location.hash), '#article=searching');
  assert.equal((await nextNavigation(page, () => page.goBack())).id, SEED_ID, 'back to the page without a hash: the front article');
  assert.equal((await nextNavigation(page, () => page.goForward())).id, 'searching');
  assert.equal((await nextNavigation(page, () => page.goForward())).id, 'offline');
  // A hash typed or followed as a link is a navigation too.
  assert.equal((await nextNavigation(page, () => page.evaluate(() => { location.hash = '#article=embedding'; }))).id, 'embedding');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('#article=ID&q=QUERY opens that article with that search', async () => {
  const { page, context } = await open('#article=searching&q=tim%20kiem');
  assert.equal((await waitForMessage(page, 'reader:ready')).id, 'searching');
  const s = await statsUntil(page, (x) => x.searchOpen && x.query === 'tim kiem');
  assert.ok(s.searchTotal >= 1, `"tim kiem" finds "tìm kiếm" (${s.searchTotal} results)`);
  await context.close();
});

test('back and forward move between searches opened by links', async () => {
  const { page, context } = await open('#article=searching');
  await statsUntil(page, (x) => x.article === 'searching' && !x.searchOpen);
  await page.evaluate(() => { location.hash = '#article=searching&q=' + encodeURIComponent('đảng viên'); });
  await statsUntil(page, (x) => x.searchOpen && x.query === 'đảng viên');
  await page.goBack();
  await statsUntil(page, (x) => x.article === 'searching' && !x.searchOpen);
  assert.equal(await page.evaluate(() => location.hash), '#article=searching');
  await page.goForward();
  await statsUntil(page, (x) => x.searchOpen && x.query === 'đảng viên');
  await context.close();
});

test('#article=ID&comment=CID opens the article at that comment; an unknown comment says so', async () => {
  const top = await open(`#article=${SEED_ID}`);
  const atTop = await statsUntil(top.page, (x) => x.article === SEED_ID);
  await top.context.close();
  const { page, context } = await open(`#article=${SEED_ID}&comment=c3`);
  const s = await statsUntil(page, (x) => x.article === SEED_ID && x.scrollY > atTop.scrollY + 200);
  assert.ok(s.scrollY > 0);
  await context.close();
  const bad = await open(`#article=${SEED_ID}&comment=no-such-comment`);
  assert.match((await waitForMessage(bad.page, 'reader:error')).message, /no comment with id 'no-such-comment'/);
  await bad.context.close();
});

// The toolbar's share button sits left of search: 3 buttons of (44 - 8) px with 6 px gaps.
const shareButton = (width) => ({ x: width - 3 * (36 + 6) - 6 + 18, y: 4 + 18 });

test('the share button copies the deep link (without embed parameters) and says so', async () => {
  const p = await newPage(browser, { locale: 'vi-VN' });
  await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await p.page.goto(`${server.url}#article=embedding`);
  await waitForMessage(p.page, 'reader:ready');
  const width = await p.page.evaluate(() => innerWidth);
  await p.page.mouse.click(shareButton(width).x, shareButton(width).y);
  await p.page.waitForSelector('#reader-toast:not([hidden])');
  assert.equal(await p.page.textContent('#reader-toast'), 'Đã sao chép liên kết');
  const copied = await p.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${server.url}#article=embedding`);
  await p.context.close();
});

test('where the Web Share API exists the share button shares the current article', async () => {
  const p = await newPage(browser, { locale: 'en-US' });
  await p.page.addInitScript(() => {
    window.__shared = [];
    navigator.share = async (data) => { window.__shared.push(data); };
  });
  await p.page.goto(`${server.url}?embed=0#article=searching`);
  await waitForMessage(p.page, 'reader:ready');
  const width = await p.page.evaluate(() => innerWidth);
  await p.page.mouse.click(shareButton(width).x, shareButton(width).y);
  await p.page.waitForFunction(() => window.__shared.length === 1);
  const shared = await p.page.evaluate(() => window.__shared[0]);
  assert.equal(shared.url, `${server.url}#article=searching`);
  assert.ok(shared.title && shared.title.length > 3, `a title: ${shared.title}`);
  await p.context.close();
});
