// The "Ý kiến bạn đọc" section in the real page (issue 6): the seed article's
// comments sorted three ways; a thread-rich test bundle (made here, times relative to
// now) for replies past the preview, collapse/expand, the indent limit with
// "Trả lời …", edited/deleted comments, a huge comment, a bad timestamp and "load
// more"; and the refresh control against a comments URL the test answers itself
// (success, HTTP 500, garbage, a slow answer with its loading state, offline).
// State comes from reader:stats' `comments` (rows, status, clickable places in page
// coordinates); pixels are read back with OCR and the screenshots kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openReader, waitForMessage, stats, SCREENSHOTS, statsUntil, framesAfter, scrollSettled } from './harness.mjs';
import { copyDist } from './pwa_support.mjs';
import { ocr } from './ocr.mjs';

const SEED = 'thanhuy-ket-luan-21-kl-tw';
const TOOLBAR = 44;   // px above the article (views::kToolbarHeight)

// ------------------------------------------------------------------ the test bundle
const now = Date.now();
const ago = (minutes) => new Date(now - minutes * 60000).toISOString().replace(/\.\d+Z$/, 'Z');
const HUGE = Array.from({ length: 400 }, (_, i) => `Đoạn ${i + 1} của một ý kiến rất dài.`).join(' ');
const threadComments = [
  { id: 'a1', author: 'Minh Anh', published: ago(180), text: 'Ý kiến gốc có nhiều trả lời.', likes: 5,
    replies: [
      { id: 'r1', author: 'Hoàng Nam', published: ago(170), text: 'Trả lời thứ nhất.', likes: 1,
        replies: [{ id: 'd2', author: 'Lan Phương', published: ago(160), text: 'Cấp hai.',
          replies: [{ id: 'd3', author: 'Quốc Bảo', published: ago(150), text: 'Cấp ba.',
            replies: [{ id: 'd4', author: 'Thu Hà', published: ago(140), text: 'Cấp bốn, đã quá giới hạn thụt lề.' }] }] }] },
      { id: 'r2', author: 'Bảo Ngọc', published: ago(169), text: 'Trả lời thứ hai.' },
      { id: 'r3', author: 'Văn Tùng', published: ago(168), text: 'Trả lời thứ ba.' },
      { id: 'r4', author: 'Thanh Tâm', published: ago(167), text: 'Trả lời thứ tư, ẩn sau nút xem thêm.' },
      { id: 'r5', author: 'Ngọc Hân', published: ago(166), text: 'Trả lời thứ năm, ẩn sau nút xem thêm.' },
    ] },
  { id: 'a2', author: 'Thu Hà', published: ago(2 * 24 * 60), text: 'Ý kiến đã được sửa.', likes: 12, edited: true },
  { id: 'a3', author: 'Quốc Bảo', published: ago(30), text: 'Ý kiến mới nhất.', likes: 0 },
  { id: 'a4', author: 'Ẩn danh', published: ago(400), text: 'không hiện', deleted: true,
    replies: [{ id: 'a4r', author: 'Lan Phương', published: ago(390), text: 'Trả lời một ý kiến đã bị xóa.' }] },
  { id: 'a5', author: 'Ẩn danh', published: ago(401), text: 'không hiện', deleted: true },
  { id: 'a6', author: 'Người viết dài', published: ago(500), text: HUGE, likes: 2 },
  { id: 'a7', author: 'Giờ sai', published: 'hôm qua', text: 'Thời gian không đọc được.' },
  ...Array.from({ length: 20 }, (_, i) => ({ id: `f${i + 1}`, author: `Bạn đọc ${i + 1}`,
    published: ago(5000 + i * 60), text: `Ý kiến cũ số ${i + 1}.` })),
];
const threadBundle = {
  format: 'article-bundle/1',
  site: { name: 'Kiểm thử bình luận', language: 'vi' },
  articles: [
    { id: 'binh-luan', title: 'Bài có nhiều bình luận', published: '2026-11-20T08:00:00+07:00',
      body: 'Một đoạn văn ngắn phía trên phần ý kiến bạn đọc.', comment_count: 40,
      comments_url: 'comments/binh-luan.json', comments: threadComments },
  ],
};
const REFRESHED = { comments: [
  ...threadComments,
  { id: 'moi', author: 'Người mới', published: ago(1), text: 'Ý kiến vừa gửi sau khi làm mới.', likes: 0 },
] };

let server; let browser; let dist;
before(async () => {
  dist = copyDist();
  writeFileSync(path.join(dist.dir, 'bundles/comments-test.json'), JSON.stringify(threadBundle));
  server = await startServer(['--dist', dist.dir]);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); dist?.cleanup(); });

// ------------------------------------------------------------------ helpers
// harness.openReader at 2x (OCR reads the small meta text reliably), with the service worker blocked so that the test's own
// answers (page.route) reach the page for the comments URL.
async function open(url, options = {}) {
  const opened = await openReader(browser, url, { deviceScaleFactor: 2, serviceWorkers: 'block', ...options });
  await waitForMessage(opened.page, 'reader:ready');
  return opened;
}

const ids = (s) => s.comments.rows.filter((r) => r.kind === 'comment').map((r) => r.id);

// Scrolls (wheel) until page-y `y` is in the middle band of the view; returns stats.
async function bringIntoView(page, y) {
  const vh = page.viewportSize().height;
  let s;
  for (let i = 0; i < 30; i++) {
    s = await stats(page);
    const screenY = TOOLBAR + y - s.scrollY;
    if (screenY > TOOLBAR + 60 && screenY < vh - 60) return s;
    await page.mouse.move(page.viewportSize().width / 2, vh / 2);
    await page.mouse.wheel(0, screenY - vh / 2);
    // Wait until the scroll has settled before judging where things are (with frames
    // drawn in between: two equal answers 80 ms apart could both come before the wheel's
    // frame on a loaded machine).
    await scrollSettled(page, `the scroll towards page y ${y}`);
  }
  assert.fail(`could not scroll page y ${y} into view (scrollY ${s.scrollY})`);
}

// The screen point of a clickable place of the comments section.
function screenPoint(s, a, vw) {
  const side = s.library && s.library.mode === 'side' && s.library.open ? s.library.width : 0;
  const margin = Math.floor((vw - side - s.comments.width) / 2) + side;
  return { x: margin + (a.x0 + Math.min(a.x1, a.x0 + 60)) / 2, y: TOOLBAR + (a.y0 + a.y1) / 2 - s.scrollY };
}

// Clicks the section's action matching `pred` and waits until `after(stats)` holds.
async function clickAction(page, pred, what, after) {
  let s = await stats(page);
  let a = s.comments.actions.find(pred);
  assert.ok(a, `no ${what} in ${JSON.stringify(s.comments.actions.map((x) => `${x.kind}:${x.id ?? x.sort ?? x.text}`))}`);
  s = await bringIntoView(page, (a.y0 + a.y1) / 2);
  a = s.comments.actions.find(pred);
  const p = screenPoint(s, a, page.viewportSize().width);
  await page.mouse.click(p.x, p.y);
  return after ? statsUntil(page, after, `the effect of ${what}`) : stats(page);
}

async function shot(page, name) {
  const file = path.join(SCREENSHOTS, name);
  await framesAfter(page, 3);        // the state the caller waited for (or a hover) is drawn
  await page.waitForTimeout(150);    // and that frame reaches the screen
  await page.screenshot({ path: file });
  return ocr(file).normalize('NFC');
}

// ------------------------------------------------------------------ the seed article
test('the seed article: total, sort newest / oldest / most liked, replies oldest first', async () => {
  const { page, context, consoleErrors } = await open(`${server.url}#article=${SEED}`);
  let s = await statsUntil(page, (x) => x.comments.rows.length > 0, 'the comment rows');
  assert.equal(s.comments.sort, 'newest');
  assert.deepEqual(ids(s), ['c3', 'c2', 'c1', 'c1r1']);
  assert.equal(s.comments.rows.find((r) => r.id === 'c1r1').indent, 1);
  s = await bringIntoView(page, s.comments.top + 250);
  let seen = await shot(page, 'comments-seed-newest.png');
  assert.match(seen, /Tổng lượt bình luận: 5/);
  assert.match(seen, /Đang hiển thị 4\/5 ý kiến/);
  assert.match(seen, /Quốc Bảo \S \d+ năm trước/);

  // The rows follow a new sort at the next layout (the next frame): wait for both.
  s = await clickAction(page, (a) => a.kind === 'sort' && a.sort === 'oldest', 'the "Cũ nhất" link',
    (x) => x.comments.sort === 'oldest' && ids(x).join() === 'c1,c1r1,c2,c3');
  assert.deepEqual(ids(s), ['c1', 'c1r1', 'c2', 'c3']);
  s = await clickAction(page, (a) => a.kind === 'sort' && a.sort === 'liked', 'the "Nhiều lượt thích nhất" link',
    (x) => x.comments.sort === 'liked' && ids(x).join() === 'c1,c1r1,c2,c3');
  assert.deepEqual(ids(s), ['c1', 'c1r1', 'c2', 'c3']);   // 5, its reply, 3, 1 likes
  seen = await shot(page, 'comments-seed-liked.png');
  assert.match(seen, /5 lượt thích/);
  s = await clickAction(page, (a) => a.kind === 'sort' && a.sort === 'newest', 'the "Mới nhất" link',
    (x) => x.comments.sort === 'newest' && ids(x).join() === 'c3,c2,c1,c1r1');
  assert.deepEqual(ids(s), ['c3', 'c2', 'c1', 'c1r1']);

  // The absolute time on hover: "Thứ Tư, 7/12/2022, 10:15 (GMT+7)".
  const t = s.comments.actions.find((a) => a.kind === 'time' && a.id === 'c1');
  s = await bringIntoView(page, t.y0);
  const p = screenPoint(s, s.comments.actions.find((a) => a.kind === 'time' && a.id === 'c1'), 1280);
  await page.mouse.move(p.x, p.y);
  await page.waitForTimeout(400);
  await page.mouse.move(p.x + 1, p.y);
  seen = await shot(page, 'comments-seed-hover-time.png');
  assert.match(seen, /7\/12\/2022, 10:15 \(GMT\+7\)/);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('in English the section, times and likes read in English', async () => {
  const { page, context } = await open(`${server.url}#article=${SEED}`, { locale: 'en-US' });
  let s = await statsUntil(page, (x) => x.comments.rows.length > 0, 'the comment rows');
  if (s.lang !== 'en') { await context.close(); return; }   // the page follows the browser's language
  s = await bringIntoView(page, s.comments.top + 250);
  const seen = await shot(page, 'comments-seed-english.png');
  assert.match(seen, /Total comments: 5/);
  assert.match(seen, /\d+ years ago/);
  assert.match(seen, /3 likes/);
  assert.match(seen, /1 like\b/);
  await context.close();
});

// ------------------------------------------------------------------ threads
test('threads: preview then "show N more replies", indent limit with "replying to", collapse and expand', async () => {
  const { page, context, consoleErrors } = await open(`${server.url}?bundle=bundles/comments-test.json#article=binh-luan`);
  let s = await statsUntil(page, (x) => x.comments.rows.length > 0, 'the comment rows');
  const rows = s.comments.rows;
  // Newest first at the top level; a deleted leaf (a5) is gone, a deleted comment with a reply stays.
  assert.deepEqual(ids(s).filter((i) => /^a\d/.test(i)), ['a3', 'a1', 'a4', 'a4r', 'a6', 'a2']);
  assert.ok(!ids(s).includes('a5'), 'a deleted comment without replies is left out');
  assert.ok(rows.find((r) => r.id === 'a4').deleted);
  // Replies oldest first; r1's chain indents to 3 and then names whom it answers.
  const a1 = ids(s).indexOf('a1');
  assert.deepEqual(ids(s).slice(a1, a1 + 7), ['a1', 'r1', 'd2', 'd3', 'd4', 'r2', 'r3']);
  const d4 = rows.find((r) => r.id === 'd4');
  assert.equal(d4.indent, 3);
  assert.equal(d4.replyingTo, 'Quốc Bảo');
  const more = rows.find((r) => r.kind === 'more-replies' && r.id === 'a1');
  assert.equal(more.count, 2);
  assert.ok(rows.at(-1).kind === 'load-more', 'the 20 threads of a page end in "load more"');
  assert.equal(rows.at(-1).count, 6);
  s = await bringIntoView(page, s.comments.actions.find((a) => a.kind === 'more-replies').y0);
  let seen = await shot(page, 'comments-thread-preview.png');
  assert.match(seen, /Xem thêm 2 trả lời/);
  assert.match(seen, /Trả lời Quốc Bảo/);
  assert.match(seen, /Bình luận này đã bị xóa/);

  s = await clickAction(page, (a) => a.kind === 'more-replies' && a.id === 'a1', '"Xem thêm 2 trả lời"',
    (x) => ids(x).includes('r5'));
  assert.ok(!s.comments.rows.some((r) => r.kind === 'more-replies' && r.id === 'a1'));
  assert.ok(ids(s).indexOf('r5') > ids(s).indexOf('r4'));

  s = await clickAction(page, (a) => a.kind === 'toggle' && a.id === 'a1', '"Ẩn trả lời" of a1',
    (x) => !ids(x).includes('r1'));
  assert.ok(s.comments.rows.find((r) => r.id === 'a1').collapsed);
  s = await bringIntoView(page, s.comments.actions.find((a) => a.kind === 'toggle' && a.id === 'a1').y0);
  seen = await shot(page, 'comments-thread-collapsed.png');
  assert.match(seen, /Xem 5 trả lời/);
  s = await clickAction(page, (a) => a.kind === 'toggle' && a.id === 'a1', '"Xem 5 trả lời" of a1',
    (x) => ids(x).includes('r1'));
  assert.ok(ids(s).includes('r5'), 'expanding again shows the whole list it showed before');

  // "Load more" brings the remaining top-level threads.
  s = await clickAction(page, (a) => a.kind === 'load-more', '"Xem thêm 6 ý kiến"', (x) => ids(x).includes('f20'));
  assert.ok(!s.comments.rows.some((r) => r.kind === 'load-more'));
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('edited, deleted, a huge comment cut with "show the whole comment", a bad timestamp shown without a time', async () => {
  const { page, context } = await open(`${server.url}?bundle=bundles/comments-test.json#article=binh-luan`);
  let s = await statsUntil(page, (x) => x.comments.rows.length > 0, 'the comment rows');
  const a2 = s.comments.rows.find((r) => r.id === 'a2');
  assert.ok(a2 && a2.edited);
  assert.ok(s.comments.rows.find((r) => r.id === 'a6').cut, 'the long comment is cut');
  assert.ok(!s.comments.actions.some((a) => a.kind === 'time' && a.id === 'a7'), 'no time for an unreadable timestamp');
  s = await bringIntoView(page, s.comments.actions.find((a) => a.kind === 'full-text').y0);
  let seen = await shot(page, 'comments-long-cut.png');
  assert.match(seen, /Xem toàn bộ ý kiến/);
  const heightBefore = s.contentHeight;
  s = await clickAction(page, (a) => a.kind === 'full-text' && a.id === 'a6', '"Xem toàn bộ ý kiến"',
    (x) => !x.comments.rows.find((r) => r.id === 'a6').cut);
  assert.ok(s.contentHeight > heightBefore + 500, `the whole comment is laid out (${heightBefore} → ${s.contentHeight})`);
  s = await bringIntoView(page, s.comments.actions.find((a) => a.kind === 'time' && a.id === 'a2').y0);
  seen = await shot(page, 'comments-edited.png');
  assert.match(seen, /Thu Hà \S 2 ngày trước \S 12 lượt thích \S Đã chỉnh sửa/);
  await context.close();
});

test('a link to a deep reply opens its thread and highlights it', async () => {
  const { page, context } = await open(`${server.url}?bundle=bundles/comments-test.json#article=binh-luan&comment=r5`);
  const s = await statsUntil(page, (x) => x.comments.highlighted === 'r5', 'the highlighted reply');
  assert.ok(ids(s).includes('r5'), 'the reply list was opened past its preview');
  const seen = await shot(page, 'comments-highlighted.png');
  assert.match(seen, /Trả lời thứ năm/);
  await context.close();
});

// ------------------------------------------------------------------ refresh
async function refreshWith(page, handler, { expectLoading = false } = {}) {
  await page.route('**/bundles/comments/binh-luan.json*', handler);
  return clickAction(page, (a) => a.kind === 'refresh', 'the "Làm mới" link',
    // While loading, the refresh link turns inert; the actions follow at the next layout.
    expectLoading ? (x) => x.comments.status === 'loading' && !x.comments.actions.some((a) => a.kind === 'refresh') : (x) => x.comments.status !== 'loading' && x.comments.status !== 'idle');
}

test('refresh: new comments arrive, the reader keeps their place and open threads', async () => {
  const { page, context } = await open(`${server.url}?bundle=bundles/comments-test.json#article=binh-luan`);
  let s = await statsUntil(page, (x) => x.comments.rows.length > 0, 'the comment rows');
  s = await clickAction(page, (a) => a.kind === 'more-replies' && a.id === 'a1', '"Xem thêm 2 trả lời"', (x) => ids(x).includes('r5'));
  const scrollBefore = s.scrollY;
  s = await refreshWith(page, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(REFRESHED) }));
  assert.equal(s.comments.status, 'updated');
  assert.ok(s.comments.refreshed);
  // The rows follow the new comments at the next layout (the next frame).
  s = await statsUntil(page, (x) => ids(x)[0] === 'moi', 'the new comment first (newest)');
  assert.ok(ids(s).includes('r5'), 'the thread opened before stays open');
  // One comment more above: the place moves by at most that comment's height.
  assert.ok(Math.abs(s.scrollY - scrollBefore) < 150, `the page did not jump (${scrollBefore} → ${s.scrollY})`);
  s = await bringIntoView(page, s.comments.top);
  const seen = await shot(page, 'comments-refreshed.png');
  assert.match(seen, /Đã cập nhật ý kiến bạn đọc/);
  assert.match(seen, /Người mới \S (vừa xong|\d+ phút trước)/);
  await context.close();
});

test('refresh: HTTP 500 and garbage say what happened and keep the comments shown', async () => {
  const { page, context } = await open(`${server.url}?bundle=bundles/comments-test.json#article=binh-luan`);
  let s = await statsUntil(page, (x) => x.comments.rows.length > 0, 'the comment rows');
  const before = ids(s);
  s = await refreshWith(page, (route) => route.fulfill({ status: 500, body: 'boom' }));
  assert.equal(s.comments.status, 'error');
  assert.match(s.comments.statusText, /HTTP 500/);
  assert.deepEqual(ids(s), before);
  s = await bringIntoView(page, s.comments.top);
  let seen = await shot(page, 'comments-refresh-500.png');
  assert.match(seen, /Không tải được ý kiến bạn đọc: HTTP 500/);

  await page.unroute('**/bundles/comments/binh-luan.json*');
  s = await refreshWith(page, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"comments": [{"id": "x", "text": "thiếu ngoặc"' }));
  assert.equal(s.comments.status, 'error');
  assert.ok(s.comments.statusText.length > 0);
  assert.deepEqual(ids(s), before);
  seen = await shot(page, 'comments-refresh-garbage.png');
  assert.match(seen, /Không tải được ý kiến bạn đọc/);

  await page.unroute('**/bundles/comments/binh-luan.json*');
  s = await refreshWith(page, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body>Trang lỗi</body></html>' }));
  assert.equal(s.comments.status, 'error');
  assert.deepEqual(ids(s), before);
  await context.close();
});

test('refresh: a slow answer shows the loading state, then the comments', async () => {
  const { page, context } = await open(`${server.url}?bundle=bundles/comments-test.json#article=binh-luan`);
  await statsUntil(page, (x) => x.comments.rows.length > 0, 'the comment rows');
  let release;
  const gate = new Promise((r) => { release = r; });
  let requests = 0;
  const link = (await stats(page)).comments.actions.find((a) => a.kind === 'refresh');
  let s = await refreshWith(page, async (route) => {
    requests += 1;
    await gate;
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(REFRESHED) });
  }, { expectLoading: true });
  s = await bringIntoView(page, s.comments.top);
  const seen = await shot(page, 'comments-refresh-loading.png');
  assert.match(seen, /Đang tải ý kiến bạn đọc/);
  // Clicking where the refresh link is, while the first request runs, sends no second one.
  s = await bringIntoView(page, (link.y0 + link.y1) / 2);
  const p = screenPoint(s, link, page.viewportSize().width);
  await page.mouse.click(p.x, p.y);
  // The click is taken while the first request still waits (else, on a loaded machine,
  // it could land after the answer on a live link and send a second request for real),
  await framesAfter(page, 3);
  await page.waitForTimeout(300);   // then time for a second request to reach the route, were one sent
  release();
  s = await statsUntil(page, (x) => x.comments.status === 'updated', 'the slow answer');
  s = await statsUntil(page, (x) => ids(x)[0] === 'moi', 'the new comment first (rows follow at the next layout)');
  assert.equal(requests, 1, 'no second request while one is running');
  await context.close();
});

test('refresh while offline says so and keeps the comments shown', async () => {
  const { page, context } = await open(`${server.url}?bundle=bundles/comments-test.json#article=binh-luan`);
  let s = await statsUntil(page, (x) => x.comments.rows.length > 0, 'the comment rows');
  const before = ids(s);
  await context.setOffline(true);
  s = await clickAction(page, (a) => a.kind === 'refresh', 'the "Làm mới" link', (x) => x.comments.status === 'offline' || x.comments.status === 'error');
  assert.equal(s.comments.status, 'offline');
  assert.deepEqual(ids(s), before);
  s = await bringIntoView(page, s.comments.top);
  const seen = await shot(page, 'comments-refresh-offline.png');
  assert.match(seen, /ngoại tuyến/);
  await context.close();
});

// ------------------------------------------------------------------ phone
test('on a phone (2x, dark) the controls wrap inside the column', async () => {
  const { page, context } = await open(`${server.url}?bundle=bundles/comments-test.json#article=binh-luan`,
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, colorScheme: 'dark', isMobile: true, hasTouch: true });
  let s = await statsUntil(page, (x) => x.comments.rows.length > 0, 'the comment rows');
  for (const a of s.comments.actions.filter((x) => x.kind === 'sort' || x.kind === 'refresh')) {
    assert.ok(a.x1 <= s.comments.width + 1, `"${a.text}" ends inside the column (${a.x1} > ${s.comments.width})`);
  }
  s = await bringIntoView(page, s.comments.top + 200);
  const seen = await shot(page, 'comments-phone-dark.png');
  assert.match(seen, /Làm mới/);
  await context.close();
});
