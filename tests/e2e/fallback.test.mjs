// Without WebGL2 (issue 7): where WebAssembly works but the canvas cannot draw, the
// reader shows the article as plain HTML from the core's HTML export, with a readable
// notice, and #article= links still move between articles. WebGL2 is taken away by
// making getContext('webgl2') answer null, as a browser without it does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, SCREENSHOTS } from './harness.mjs';
import { newPage } from './pwa_support.mjs';

const SEED_TITLE = /Tiếp tục lãnh đạo, chỉ đạo tổ chức quán triệt nghiêm túc Kết luận số 21-KL\/TW/;
let server; let browser;

before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

async function openWithoutWebGL2(url, locale = 'vi-VN') {
  const p = await newPage(browser, { locale });
  await p.page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : getContext.call(this, kind, ...rest);
    };
  });
  await p.page.goto(url);
  await p.page.waitForSelector('#plain-view h1', { timeout: 30000 });
  return p;
}

test('without WebGL2 the article is plain HTML with a notice, and links between articles work', async () => {
  const { page, context, consoleErrors } = await openWithoutWebGL2(server.url);
  assert.match(await page.textContent('#plain-view h1'), SEED_TITLE);
  const notice = page.locator('#plain-view .plain-notice[role=note]');
  assert.match(await notice.textContent(), /WebGL2/);
  assert.ok(await notice.isVisible(), 'the notice is on screen');
  // Everything the article has: dateline, lead, body, signature, comments.
  const text = await page.textContent('#plain-view');
  assert.match(text, /Thứ Tư, ngày 7 tháng 12 năm 2022/);
  assert.match(text, /\(Thanhuytphcm\.vn\) - /);
  assert.match(text, /Ý kiến bạn đọc/);
  assert.ok(await page.isHidden('#loading'), 'the loading screen is gone');
  assert.ok(await page.isHidden('#first-view'), 'the static first view is gone');
  assert.equal(await page.evaluate(() => document.getElementById('reader-canvas').hidden), true);
  // Images resolve against the bundle's URL (bundles/images/...), not the page.
  const src = await page.getAttribute('#plain-view figure img', 'src');
  assert.match(src, /\/bundles\/images\//);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'fallback-no-webgl2.png') });
  // A link to another article of the bundle opens it in the plain view.
  const link = page.locator('#plain-view a[href^="#article="]').first();
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForFunction((h) => location.hash === h, href);
  await page.waitForFunction(() => !/Kết luận số 21-KL/.test(document.querySelector('#plain-view h1').textContent));
  assert.deepEqual(consoleErrors.filter((e) => !/webgl/i.test(e)), []);
  await context.close();
});

test('without WebGL2 a deep link opens that article, and the notice speaks English to an English browser', async () => {
  const { page, context } = await openWithoutWebGL2(`${server.url}#article=embedding`, 'en-US');
  const h1 = await page.textContent('#plain-view h1');
  assert.doesNotMatch(h1, SEED_TITLE);
  assert.match(await page.textContent('#plain-view .plain-notice'), /This browser cannot draw the reader/);
  await context.close();
});

test('without WebGL2 the host messages still work: open, theme and stats answered, search refused with the reason', async () => {
  const { page, context } = await openWithoutWebGL2(server.url);
  const replies = [];
  await page.exposeFunction('__reply', (m) => replies.push(m));
  await page.evaluate(() => window.addEventListener('message', (e) => {
    if (e.data && e.data.type && e.data.type.startsWith('reader:') && e.data.type !== 'reader:open') window.__reply(e.data);
  }));
  const send = (m) => page.evaluate((msg) => window.postMessage(msg, location.origin), m);
  await send({ type: 'reader:open', id: 'embedding' });
  await page.waitForFunction(() => location.hash === '#article=embedding');
  await page.waitForFunction(() => !/Kết luận số 21-KL/.test(document.querySelector('#plain-view h1').textContent));
  await send({ type: 'reader:theme', theme: 'dark' });
  await page.waitForFunction(() => document.getElementById('plain-view').dataset.theme === 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.getElementById('plain-view')).backgroundColor);
  assert.equal(bg, 'rgb(23, 24, 27)');
  await send({ type: 'reader:stats' });
  await send({ type: 'reader:search', query: 'chi bộ' });
  await send({ type: 'reader:theme', theme: 'neon' });
  // Wait for the three answers asserted below (the stats too), with room for a loaded machine.
  const answered = () => replies.some((r) => r.type === 'reader:stats' && 'frames' in r) &&
    replies.some((r) => r.type === 'reader:error' && /search is not available/.test(r.message)) &&
    replies.some((r) => r.type === 'reader:error' && /unknown theme 'neon'/.test(r.message));
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline && !answered()) await page.waitForTimeout(50);
  const stats = replies.find((r) => r.type === 'reader:stats' && 'frames' in r);
  assert.ok(stats, 'stats answered');
  assert.equal(stats.plainView, true);
  assert.equal(stats.article, 'embedding');
  assert.equal(stats.theme, 'dark');
  const errors = replies.filter((r) => r.type === 'reader:error').map((r) => r.message);
  assert.ok(errors.some((m) => /search is not available in the plain HTML view/.test(m)), JSON.stringify(errors));
  assert.ok(errors.some((m) => /unknown theme 'neon'/.test(m)), JSON.stringify(errors));
  await context.close();
});
