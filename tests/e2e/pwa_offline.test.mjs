// Offline use (issue 7): after a first visit the reader opens and works with the
// network gone, says so, keeps what the first visit read, answers clearly for what
// it never saw, and keeps its run-time caches fresh and within their caps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, waitForMessage, inkRatio } from './harness.mjs';
import { copyDist, newPage, waitForController, waitForCached, waitForAsync, swStatus, readManifest } from './pwa_support.mjs';

const SEED_ID = 'thanhuy-ket-luan-21-kl-tw';
let browser; let server; let dist;

before(async () => {
  dist = copyDist();
  // A second bundle that is not part of the app shell, and a folder of small ones.
  copyFileSync(path.join(dist.dir, 'bundles/default.json'), path.join(dist.dir, 'bundles/extra.json'));
  mkdirSync(path.join(dist.dir, 'bundles/many'));
  for (let i = 0; i < 66; i++) writeFileSync(path.join(dist.dir, `bundles/many/b${i}.json`), JSON.stringify({ n: i }));
  server = await startServer(['--dist', dist.dir]);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); dist?.cleanup(); });

async function firstVisit(url, opts) {
  const p = await newPage(browser, opts);
  await p.page.goto(url);
  await waitForMessage(p.page, 'reader:ready');
  await waitForController(p.page);
  // The configuration fetched before the worker ran is handed to it (CACHE_URLS).
  await waitForCached(p.page, 'reader-config-v1', 'reader-config.json');
  return p;
}

test('after a first visit the reader opens offline, deep links included, and says it is offline', async () => {
  const { page, context, consoleErrors } = await firstVisit(server.url);
  const status = await swStatus(page);
  assert.equal(status.version, readManifest(dist.dir).version);
  assert.equal(status.shellComplete, true);

  await context.setOffline(true);
  await page.reload();
  const ready = await waitForMessage(page, 'reader:ready');
  assert.equal(ready.id, SEED_ID);
  assert.ok(await inkRatio(page) > 0.01, 'the article is drawn from the cache');
  const notice = page.locator('#pwa-notices [data-notice="offline"]');
  await notice.waitFor({ state: 'visible' });
  assert.match(await notice.textContent(), /You are offline/);
  assert.equal(await page.locator('#pwa-notices').getAttribute('role'), 'status');

  // Another article of the saved bundle, by deep link, in a new load, still offline.
  await page.goto(`${server.url}index.html#article=searching`);
  assert.equal((await waitForMessage(page, 'reader:ready')).id, 'searching');

  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await notice.waitFor({ state: 'detached' });
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a bundle read on the first visit (before the worker ran) opens offline too', async () => {
  const { page, context } = await firstVisit(`${server.url}?bundle=bundles/extra.json`);
  await waitForCached(page, 'reader-bundles-v1', 'bundles/extra.json');
  await context.setOffline(true);
  await page.reload();
  assert.equal((await waitForMessage(page, 'reader:ready')).id, SEED_ID);
  await context.close();
});

test('what was never saved gets a clear offline answer, and the reader says so', async () => {
  const { page, context } = await firstVisit(server.url);
  await context.setOffline(true);
  const answer = await page.evaluate(async () => {
    const res = await fetch('bundles/never-seen.json');
    return { status: res.status, offline: res.headers.get('X-Reader-Offline'), body: await res.json() };
  });
  assert.equal(answer.status, 503);
  assert.equal(answer.offline, '1');
  assert.equal(answer.body.error, 'offline');
  assert.match(answer.body.message, /You are offline/);
  assert.match(answer.body.message, /Không có mạng/);

  await page.goto(`${server.url}?bundle=bundles/never-seen.json`);
  const err = await waitForMessage(page, 'reader:error');
  assert.match(err.message, /never-seen\.json: .*offline/i);
  await context.close();
});

test('bundles are served stale while revalidating, and their cache keeps to its cap', async () => {
  const { page, context } = await firstVisit(server.url);
  const file = path.join(dist.dir, 'bundles/many/b0.json');
  const read = (u) => page.evaluate(async (x) => (await (await fetch(x)).json()).n, u);
  assert.equal(await read('bundles/many/b0.json'), 0);
  await waitForCached(page, 'reader-bundles-v1', 'bundles/many/b0.json');
  writeFileSync(file, JSON.stringify({ n: 1000 }));
  assert.equal(await read('bundles/many/b0.json'), 0, 'the cached copy answers first');
  await waitForAsync(page, async () => {
    const res = await (await caches.open('reader-bundles-v1')).match(new URL('bundles/many/b0.json', location.href).href);
    return Boolean(res) && (await res.json()).n === 1000;
  }, null, { timeout: 10000 });
  assert.equal(await read('bundles/many/b0.json'), 1000, 'the next read has the fresh copy');

  // 66 more bundles: the cache holds at most 60, the ones stored longest ago leave.
  for (let i = 1; i < 66; i++) { await read(`bundles/many/b${i}.json`); await page.waitForTimeout(5); }
  await waitForAsync(page, async () => {
    const keys = await (await caches.open('reader-bundles-v1')).keys();
    return keys.some((k) => k.url.endsWith('/b65.json')) && keys.length <= 60;
  }, null, { timeout: 30000 });
  const kept = await page.evaluate(async () => (await (await caches.open('reader-bundles-v1')).keys()).map((k) => k.url));
  assert.ok(kept.length <= 60, `${kept.length} bundles kept`);
  assert.ok(!kept.some((u) => u.endsWith('/b1.json')), 'one of the oldest was removed');
  await context.close();
});

test('a bundle answered 503 with X-Reader-Offline shows the offline message, not an HTTP error', async () => {
  const p = await newPage(browser, { locale: 'vi-VN' });
  const message = 'Không có mạng và mục này chưa được lưu để đọc ngoại tuyến. / You are offline and this has not been saved for offline reading.';
  await p.page.route('**/bundles/not-saved.json', (route) => route.fulfill({
    status: 503, contentType: 'application/json; charset=utf-8', headers: { 'X-Reader-Offline': '1' },
    body: JSON.stringify({ error: 'offline', kind: 'bundles', url: route.request().url(), message }),
  }));
  await p.page.goto(`${server.url}?bundle=bundles/not-saved.json`);
  const error = await waitForMessage(p.page, 'reader:error');
  assert.match(error.message, /not-saved\.json: Không có mạng/);
  assert.doesNotMatch(error.message, /HTTP 503/);
  assert.ok(await p.page.isHidden('#first-view'), 'no first view of another bundle');
  await p.context.close();
});
