// The library panel (issue 4, "Around the article"): opened from the toolbar and
// remembered on wide screens, articles picked from it, the table of contents jumping
// to a heading and marking the section being read, the drawer on a phone (scrim,
// Esc, tap outside), and the embedded mode (hidden unless &library=1). Rows are
// found through reader:stats' `library` (what was drawn where) and clicked on the
// canvas like a reader would; screenshots at 1280×900 and 390×844@2x.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openReader, waitForMessage, stats, SCREENSHOTS, statsUntil, framesAfter } from './harness.mjs';
import { copyDist } from './pwa_support.mjs';
import { ocr } from './ocr.mjs';

const SEED_ID = 'thanhuy-ket-luan-21-kl-tw';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 };

// A long article with headings (the table of contents) and a few others in two categories.
const para = 'Đảng bộ TP Thủ Đức có 77 tổ chức cơ sở đảng với 24.317 đảng viên; trong đó, có 52 đảng bộ cơ sở và 25 chi bộ cơ sở. ' +
  'Xác định việc nâng cao chất lượng sinh hoạt chi bộ là nhân tố quyết định vai trò lãnh đạo, sức chiến đấu của tổ chức đảng.';
const section = (title, n) => `## ${title}\n\n` + Array.from({ length: n }, () => para).join('\n\n') + '\n\n';
const HEADINGS = ['Bối cảnh', 'Kết quả đạt được', 'Ở khu phố', 'Nhiệm vụ trọng tâm', 'Kết luận'];
const libraryBundle = {
  format: 'article-bundle/1',
  site: { name: 'Thư viện kiểm thử', language: 'vi' },
  articles: [
    {
      id: 'bai-dai', title: 'Bài dài có mục lục', category: 'Xây dựng Đảng', published: '2026-11-25T08:00:00+07:00',
      related: ['bai-ngan-2'],
      body: [para, para, para].join('\n\n') + '\n\n' + section(HEADINGS[0], 4) + section(HEADINGS[1], 5) +
        `### ${HEADINGS[2]}\n\n` + [para, para, para].join('\n\n') + '\n\n' + section(HEADINGS[3], 5) + section(HEADINGS[4], 6),
    },
    { id: 'bai-ngan-1', title: 'Bài ngắn thứ nhất', category: 'Tin tức', published: '2026-11-20T08:00:00+07:00', body: para },
    { id: 'bai-ngan-2', title: 'Bài ngắn thứ hai', category: 'Tin tức', published: '2026-11-22T08:00:00+07:00', body: para },
    { id: 'bai-khong-muc', title: 'Bài không chuyên mục', published: '2026-11-23T08:00:00+07:00', body: para },
  ],
  announcements: [
    { id: 'tb-1', title: 'Thông báo lịch sinh hoạt chi bộ tháng 12', published: '2026-11-24T08:00:00+07:00', text: 'Sinh hoạt định kỳ vào ngày 3 hằng tháng.' },
  ],
};

let server; let browser; let dist;
before(async () => {
  dist = copyDist();
  writeFileSync(path.join(dist.dir, 'bundles/library-test.json'), JSON.stringify(libraryBundle));
  server = await startServer(['--dist', dist.dir]);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); dist?.cleanup(); });

const centre = (box) => ({ x: box[0] + box[2] / 2, y: box[1] + Math.min(box[3] / 2, 14) });
async function clickBox(page, box) {
  await page.locator('#reader-canvas').click({ position: centre(box) });
}
function row(s, kind, key) {
  const r = s.library.rows.find((x) => x.kind === kind && (key === undefined || x.key === key));
  assert.ok(r, `no ${kind} row ${key ?? ''} on screen: ${JSON.stringify(s.library.rows.map((x) => `${x.kind}:${x.key}`))}`);
  return r;
}
async function toggle(page) {
  const s = await stats(page);
  await clickBox(page, s.library.toggle);
}

test('the side panel opens from the toolbar, stays open across a reload and opens an article', async () => {
  const { page, context, consoleErrors } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  let s = await stats(page);
  assert.equal(s.library.mode, 'side');
  assert.equal(s.library.open, false, 'closed until the reader opens it');
  await toggle(page);
  s = await statsUntil(page, (x) => x.library.open && x.library.rows.length > 3, 'the panel to open');
  assert.ok(s.library.width >= 260, `panel width ${s.library.width}`);
  await page.mouse.move(900, 600);   // no tooltip over the shot
  await framesAfter(page, 3);        // the move is taken and the tooltip gone (not a fixed wait)
  await page.waitForTimeout(100);    // and that frame reaches the screen
  const shot = path.join(SCREENSHOTS, 'library-side-1280.png');
  await page.screenshot({ path: shot });
  const text = ocr(shot).normalize('NFC');
  for (const label of ['Thư viện bài viết', 'Tin khác', 'Bài viết']) assert.ok(text.includes(label), `${label} on screen: ${text.slice(0, 400)}`);
  // The wheel over the panel scrolls the panel (down to "Thông báo"), not the article.
  await page.mouse.move(150, 500);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 600);
  s = await statsUntil(page, (x) => x.library.rows.some((r) => r.kind === 'announcement'), 'the announcements in the panel');
  assert.equal(s.scrollY, 0, 'the article did not move');
  await page.mouse.move(900, 600);
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'library-side-1280-announcements.png') });
  // The reading column moved aside, it is not covered.
  const hero = s.images.find((i) => i.src === 'images/hoi-nghi.svg');
  if (hero?.box) assert.ok(hero.box[0] >= s.library.width, 'the article starts right of the panel');

  // Nothing is drawn while nothing changes, panel open or not.
  await page.waitForTimeout(1500);
  const idle0 = (await stats(page)).frames;
  await page.waitForTimeout(2000);
  const idle1 = (await stats(page)).frames;
  assert.ok(idle1 - idle0 <= 3, `${idle1 - idle0} frames in 2 s of idling with the panel open`);

  await page.reload();
  await waitForMessage(page, 'reader:ready');
  s = await statsUntil(page, (x) => x.library.open && x.library.rows.length > 3, 'the panel to be open after a reload');

  // "Tin khác" lists the related articles first; a click opens one.
  const related = s.library.rows.filter((x) => x.kind === 'related').map((x) => x.key);
  assert.deepEqual(related.slice(0, 2), ['gioi-thieu-trinh-doc', 'tim-kiem-tieng-viet']);
  await clickBox(page, row(s, 'related', 'tim-kiem-tieng-viet').box);
  await page.waitForFunction(() => window.__readerMessages.some((m) => m.type === 'reader:navigated' && m.id === 'tim-kiem-tieng-viet'));
  assert.match(await page.evaluate(() => location.hash), /article=tim-kiem-tieng-viet/);
  // By category: the two categories of the default bundle.
  s = await stats(page);
  await clickBox(page, row(s, 'order', 'category').box);
  s = await statsUntil(page, (x) => x.library.byCategory, 'by category');
  // The panel closes from its own button too, and that is remembered.
  await clickBox(page, row(s, 'close').box);
  s = await statsUntil(page, (x) => !x.library.open, 'the panel to close');
  assert.equal(await page.evaluate(() => localStorage.getItem('reader.library')), 'closed');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('the table of contents jumps to a heading and marks the section being read', async () => {
  const { page, context } = await openReader(browser, `${server.url}?bundle=bundles/library-test.json#article=bai-dai`);
  await waitForMessage(page, 'reader:ready');
  await toggle(page);
  let s = await statsUntil(page, (x) => x.library.open && x.library.toc.length === HEADINGS.length, 'the table of contents');
  assert.deepEqual(s.library.toc.map((e) => e.text), HEADINGS);
  assert.deepEqual(s.library.toc.map((e) => e.depth), [0, 0, 1, 0, 0], '### is one step in');
  assert.equal(s.library.tocCurrent, -1, 'at the top, before the first heading');
  assert.equal(s.scrollY, 0);

  const target = s.library.toc[3];
  await clickBox(page, row(s, 'toc', HEADINGS[3]).box);
  s = await statsUntil(page, (x) => x.scrollY > 0 && x.library.tocCurrent === 3, 'the jump');
  // The heading is just below the top edge: list y + the view's top padding (28) - 12.
  assert.ok(Math.abs(s.scrollY - (target.y + 16)) < 2, `scrollY ${s.scrollY} for a heading at ${target.y}`);
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'library-toc-1280.png') });

  // Reading on: the mark follows the scroll.
  await page.locator('#reader-canvas').click({ position: { x: 900, y: 600 } });
  await page.keyboard.press('Home');
  s = await statsUntil(page, (x) => x.scrollY === 0 && x.library.tocCurrent === -1, 'back at the top');
  await page.keyboard.press('End');
  s = await statsUntil(page, (x) => x.scrollY > target.y && x.library.tocCurrent === HEADINGS.length - 1, 'the last section');
  await context.close();
});

test('on a 390×844 phone the library is a drawer: scrim, Esc, tap outside, pick an article', async () => {
  const { page, context, consoleErrors } = await openReader(browser, `${server.url}?bundle=bundles/library-test.json#article=bai-dai`, PHONE);
  await waitForMessage(page, 'reader:ready');
  let s = await stats(page);
  assert.equal(s.library.mode, 'drawer');
  assert.equal(s.library.open, false);
  await toggle(page);
  s = await statsUntil(page, (x) => x.library.open && x.library.x === 0 && x.library.rows.length > 3, 'the drawer to slide in');
  assert.ok(s.library.width <= 340 && s.library.width >= 300, `drawer width ${s.library.width}`);
  const shot = path.join(SCREENSHOTS, 'library-drawer-phone.png');
  await page.screenshot({ path: shot });
  assert.ok(ocr(shot).normalize('NFC').includes('Mục lục'), 'the table of contents is in the drawer');

  // A tap on the scrim (right of the drawer) closes it.
  await page.locator('#reader-canvas').click({ position: { x: 375, y: 500 } });
  s = await statsUntil(page, (x) => !x.library.open && x.library.width === 0, 'the drawer to close on a tap outside');
  assert.equal(s.article, 'bai-dai', 'the tap did not reach the article');
  // Esc closes it.
  await toggle(page);
  await statsUntil(page, (x) => x.library.open && x.library.x === 0, 'the drawer to open again');
  await page.keyboard.press('Escape');
  await statsUntil(page, (x) => !x.library.open, 'Esc to close the drawer');
  // Picking an article opens it and closes the drawer.
  await toggle(page);
  s = await statsUntil(page, (x) => x.library.open && x.library.x === 0, 'the drawer once more');
  await clickBox(page, row(s, 'related', 'bai-ngan-2').box);
  s = await statsUntil(page, (x) => x.article === 'bai-ngan-2' && !x.library.open, 'the article to open and the drawer to close');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('the embedded reader hides the library unless the page asks for it', async () => {
  const a = await openReader(browser, `${server.url}?embed=1`);
  await waitForMessage(a.page, 'reader:ready');
  assert.equal((await stats(a.page)).library.available, false);
  await a.context.close();

  const b = await openReader(browser, `${server.url}?embed=1&library=1#article=${SEED_ID}`);
  await waitForMessage(b.page, 'reader:ready');
  let s = await stats(b.page);
  assert.equal(s.library.available, true);
  assert.equal(s.library.open, false);
  await clickBox(b.page, s.library.toggle);     // its own small button: there is no toolbar
  s = await statsUntil(b.page, (x) => x.library.open, 'the panel to open in the embedded reader');
  await b.page.screenshot({ path: path.join(SCREENSHOTS, 'library-embed-1280.png') });
  await b.context.close();
});
