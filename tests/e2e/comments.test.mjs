// Reader comments in the real page: the seed article's section with its total, a
// deep link to a reply, and the comments on screen (read back from the pixels).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, openReader, waitForMessage, statsUntil, scrollSettled, SCREENSHOTS } from './harness.mjs';
import { ocr } from './ocr.mjs';

let server; let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a link to a comment opens the seed article at that reply', async () => {
  const { page, context } = await openReader(browser, `${server.url}#article=thanhuy-ket-luan-21-kl-tw&comment=c1r1`);
  await waitForMessage(page, 'reader:ready');
  // The deep link scrolls in a frame after ready: wait for it, not a fixed time (a
  // loaded CI machine draws late), and for the place to settle before the screenshot.
  const s = await statsUntil(page, (x) => x.scrollY > 1000, 'the scroll to the linked reply');
  assert.ok(s.scrollY > 1000, `scrolled to the comments (${s.scrollY})`);
  await scrollSettled(page, 'the place of the linked reply');
  await page.waitForTimeout(100);   // the settled frame reaches the screen
  const shot = path.join(SCREENSHOTS, 'comments-deep-link.png');
  await page.screenshot({ path: shot });
  const seen = ocr(shot).normalize('NFC');
  assert.match(seen, /Hoàng Nam/);
  assert.match(seen, /Đồng ý, phần kết luận/);
  assert.match(seen, /lượt thích/);
  await context.close();
});

test('a link to a comment that does not exist says so and still opens the article', async () => {
  const { page, context } = await openReader(browser, `${server.url}#article=thanhuy-ket-luan-21-kl-tw&comment=nope`);
  const err = await waitForMessage(page, 'reader:error');
  assert.match(err.message, /no comment with id 'nope'/);
  const ready = await waitForMessage(page, 'reader:ready');
  assert.equal(ready.id, 'thanhuy-ket-luan-21-kl-tw');
  await context.close();
});

test('a search hit in a comment opens it', async () => {
  const { page, context } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  await page.evaluate(() => window.postMessage({ type: 'reader:search', query: 'kinh nghiem sinh hoat chi bo o khu pho' }, location.origin));
  const r = await waitForMessage(page, 'reader:results');
  assert.equal(r.hits[0].field, 'comment');
  assert.equal(r.hits[0].comment, 'c2');
  await context.close();
});
