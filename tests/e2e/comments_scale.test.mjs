// The comments section at scale (issue 6): a 20,000-comment article made here
// (synthetic texts, not the corpus). Only the rows near the view are laid out
// (stats.comments.laidOut stays small while rowCount is in the thousands); a link to
// an old comment deep in the newest-first list opens at that comment, highlighted and
// drawn (OCR); scrolling up through rows never laid out before and back down gives
// the same pixels (estimated heights corrected without moving what is on screen);
// sorting the 20,000 by likes answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openReader, waitForMessage, inkRatio, screenshotPixels, SCREENSHOTS, statsUntil, scrollSettled } from './harness.mjs';
import { copyDist } from './pwa_support.mjs';
import { ocr } from './ocr.mjs';

const N = 20000;
const TOOLBAR = 44;   // px above the article (views::kToolbarHeight)
// Every third comment starts a thread; the others reply to one of the two before
// them. Texts of 1–9 sentences, so estimated and laid-out heights differ.
const comments = Array.from({ length: N }, (_, i) => {
  const c = { id: `c${i}`, author: `Bạn đọc ${i % 97}`, published: new Date(Date.UTC(2022, 0, 1) + i * 60000).toISOString().replace(/\.\d+Z$/, 'Z'),
    text: `Ý kiến số ${i}. ` + 'Người dân rất mong các cơ quan sớm giải quyết việc này. '.repeat(1 + (i * 7) % 9), likes: (i * 37) % 1000 };
  if (i % 3) c.parent = `c${i - 1 - (i % 2)}`;
  return c;
});
const bundle = { format: 'article-bundle/1', site: { name: 'Kiểm thử quy mô', language: 'vi' },
  articles: [{ id: 'lon', title: 'Bài có hai mươi nghìn ý kiến', published: '2022-01-01T08:00:00+07:00',
    body: 'Một đoạn văn ngắn phía trên phần ý kiến bạn đọc.', comment_count: N, comments }] };

let server; let browser; let dist;
before(async () => {
  dist = copyDist();
  writeFileSync(path.join(dist.dir, 'bundles/comments-scale.json'), JSON.stringify(bundle));
  server = await startServer(['--dist', dist.dir]);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); dist?.cleanup(); });

// Waits until the scroll position stops changing; returns stats. Two equal answers 80 ms
// apart could both come before the wheel's frame on a loaded machine: the harness's
// settle also asks for frames drawn in between.
const settle = (page) => scrollSettled(page, 'the scroll to settle', { timeout: 20000 });

test('a link to an old comment deep in 20,000 opens at it, laying out only rows near it', async () => {
  const { page, context } = await openReader(browser, `${server.url}?bundle=bundles/comments-scale.json#article=lon&comment=c30`);
  await waitForMessage(page, 'reader:ready', 60000);
  const s = await statsUntil(page, (x) => x.comments.highlighted === 'c30', 'the highlighted comment', { timeout: 20000 });
  // c30 starts one of the oldest threads: newest first, thousands of rows come before it.
  assert.ok(s.comments.rowCount > 5000, `rows loaded up to it: ${s.comments.rowCount}`);
  assert.ok(s.comments.laidOut > 0 && s.comments.laidOut < 120, `rows laid out: ${s.comments.laidOut}`);
  const s2 = await settle(page);
  const time = s2.comments.actions.find((a) => a.kind === 'time' && a.id === 'c30');
  assert.ok(time, 'the linked comment is laid out');
  const screenY = TOOLBAR + time.y0 - s2.scrollY;
  assert.ok(screenY > TOOLBAR && screenY < 900, `the linked comment is on screen (y ${screenY})`);
  const file = path.join(SCREENSHOTS, 'comments-scale-deep-link.png');
  await page.screenshot({ path: file });
  assert.match(ocr(file).normalize('NFC'), /Ý kiến số 30\b/);
  await context.close();
});

test('scrolling up through rows never laid out and back gives the same pixels', async () => {
  const { page, context } = await openReader(browser, `${server.url}?bundle=bundles/comments-scale.json#article=lon&comment=c6000`);
  await waitForMessage(page, 'reader:ready', 60000);
  await statsUntil(page, (x) => x.comments.highlighted === 'c6000', 'the highlighted comment', { timeout: 20000 });
  let s = await settle(page);
  await page.mouse.move(640, 450);
  const canvas = page.locator('#reader-canvas');
  const beforePng = await canvas.screenshot({ path: path.join(SCREENSHOTS, 'comments-scale-before-scroll.png') });
  const before = await screenshotPixels(page, beforePng);
  const rowsBefore = s.comments.window;
  // Up by about ten screens: every row there was only estimated until now.
  for (let i = 0; i < 30; i++) { await page.mouse.wheel(0, -300); await page.waitForTimeout(30); }
  s = await settle(page);
  assert.ok(s.comments.window[0] < rowsBefore[0], `rows above were laid out (${rowsBefore} → ${s.comments.window})`);
  assert.ok(s.comments.laidOut < 120, `still a window: ${s.comments.laidOut} rows laid out`);
  // A window move pastes the rows it still shows (laid out once) and lays out only
  // the rows entering it; the pixel comparison below checks the pasted rows.
  assert.ok(s.comments.reusedRows > 0 && s.comments.reusedRows < s.comments.laidOut,
    `rows reused by the last window move: ${s.comments.reusedRows} of ${s.comments.laidOut}`);
  assert.ok(await inkRatio(page) > 0.02, 'comments are drawn after scrolling up');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'comments-scale-scrolled-up.png') });
  for (let i = 0; i < 30; i++) { await page.mouse.wheel(0, 300); await page.waitForTimeout(30); }
  await settle(page);
  const back = await screenshotPixels(page, await canvas.screenshot({ path: path.join(SCREENSHOTS, 'comments-scale-scrolled-back.png') }));
  let differ = 0;
  for (let i = 0; i < before.data.length; i += 4) {
    if (before.data[i] !== back.data[i] || before.data[i + 1] !== back.data[i + 1] || before.data[i + 2] !== back.data[i + 2]) differ++;
  }
  // The reading-progress bar along the top edge may move by a pixel or two as
  // estimates above are corrected; the text itself must be where it was.
  assert.ok(differ / (before.data.length / 4) < 0.002, `${differ} pixels differ after scrolling up and back`);
  await context.close();
});

test('sorting 20,000 by likes answers and lays out only the first rows', async () => {
  const { page, context } = await openReader(browser, `${server.url}?bundle=bundles/comments-scale.json#article=lon`);
  await waitForMessage(page, 'reader:ready', 60000);
  let s = await statsUntil(page, (x) => x.comments.rowCount > 0, 'the comment rows', { timeout: 20000 });
  const liked = s.comments.actions.find((a) => a.kind === 'sort' && a.sort === 'liked');
  assert.ok(liked, 'a "most liked" link');
  // Click it where stats says it is (page coordinates, the column centred).
  const margin = Math.floor((1280 - s.comments.width) / 2);
  await page.mouse.move(640, 450);
  await page.mouse.wheel(0, liked.y0 - 300);
  s = await settle(page);
  const a = s.comments.actions.find((x) => x.kind === 'sort' && x.sort === 'liked');
  await page.mouse.click(margin + (a.x0 + a.x1) / 2, TOOLBAR + (a.y0 + a.y1) / 2 - s.scrollY);
  s = await statsUntil(page, (x) => x.comments.sort === 'liked', 'the liked order', { timeout: 20000 });
  const top = s.comments.rows.filter((r) => r.kind === 'comment' && r.indent === 0);
  assert.equal(top[0].likes, 999, 'the most liked thread first');
  assert.ok(s.comments.laidOut < 120, `rows laid out: ${s.comments.laidOut}`);
  await context.close();
});
