// The reader from the keyboard alone: Tab walks the canvas's controls with a focus
// ring (toolbar, search field, options and results, settings, comment sorting, other
// news), Enter and Space activate them, and focus moves on to the text version and back.
// Each step checks what the reader reports (reader:stats) and the canvas's accessible
// name, which follows the focused control.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, openReader, waitForMessage, stats, screenshotPixels, SCREENSHOTS } from './harness.mjs';

let server; let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

const nfc = (s) => String(s).normalize('NFC');
async function until(page, pred, timeout = 15000) {
  const end = Date.now() + timeout;
  let s;
  while (Date.now() < end) { s = await stats(page); if (pred(s)) return s; await page.waitForTimeout(80); }
  return s;
}
const activeId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

// Presses Tab (Shift+Tab when `back`) until the focused control's name matches `re`;
// focus must stay in the reader (the canvas or its text field) all the way.
async function tabTo(page, re, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; ++i) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    assert.ok(['reader-canvas', 'text-proxy'].includes(await activeId(page)), `focus left the reader before ${re}`);
    const s = await until(page, (x) => x.focus !== '', 2000);
    if (re.test(nfc(s.focus))) return s;
  }
  throw new Error(`no control named ${re} within ${max} presses`);
}

// Pixels of the link colour (the ring's) in the toolbar's band, where nothing else of
// that colour is drawn (its icons are in the text colour); the page's own outline of the
// focused canvas (2 px inside its edge, the same blue) is left out.
async function ringPixels(page, rgb) {
  const { width, data } = await screenshotPixels(page, await page.locator('#reader-canvas').screenshot());
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    const y = Math.floor(i / 4 / width); const x = (i / 4) % width;
    if (y > 48) break;                       // the toolbar's band only
    if (y < 5 || x < 5 || x > width - 6) continue;
    if (Math.abs(data[i] - rgb[0]) < 40 && Math.abs(data[i + 1] - rgb[1]) < 40 && Math.abs(data[i + 2] - rgb[2]) < 40) n++;
  }
  return n;
}

test('keyboard only: comments sorted, other news opened and back, search typed with an option and a result opened, dark theme chosen, focus through the text version and back', async () => {
  const { page, context, consoleErrors } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  await page.waitForFunction(() => document.querySelector('#mirror main h1'));
  const seed = (await stats(page)).article;

  // Tab from the page's start: the canvas, on its first control, with a ring around it.
  assert.equal(await ringPixels(page, [11, 87, 208]), 0, 'no ring before the keyboard is used');
  await page.keyboard.press('Tab');
  assert.equal(await activeId(page), 'reader-canvas');
  let s = await until(page, (x) => x.focus !== '');
  assert.equal(nfc(s.focus), 'Mở thư viện bài viết');
  assert.equal(await page.locator('#reader-canvas').getAttribute('aria-label'), s.focus);
  assert.ok(await ringPixels(page, [11, 87, 208]) > 60, 'the focus ring shows in the light theme');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'keyboard-focus-ring-light.png') });

  // Comments: sorted by likes from the keyboard; the page scrolled to show the control.
  s = await tabTo(page, /^Nhiều lượt thích nhất$/);
  assert.ok(s.scrollY > 300, `scrolled to the comments (${s.scrollY})`);
  await page.keyboard.press('Enter');
  s = await until(page, (x) => x.comments.sort === 'liked');
  assert.equal(s.comments.sort, 'liked');
  const likes = s.comments.rows.filter((r) => r.kind === 'comment' && r.indent === 0).map((r) => r.likes);
  assert.deepEqual(likes, [...likes].sort((a, b) => b - a), 'top-level comments by likes');

  // Other news: a related article opened with Enter, then back with the browser's history.
  s = await tabTo(page, /^Giới thiệu trình đọc bài viết$/);
  await page.keyboard.press('Enter');
  s = await until(page, (x) => x.article === 'gioi-thieu-trinh-doc');
  assert.equal(s.article, 'gioi-thieu-trinh-doc');
  await page.goBack();
  s = await until(page, (x) => x.article === seed);
  assert.equal(s.article, seed);

  // Search: Ctrl+F, typed; Tab to "match diacritics", Space switches it on and off
  // (the text version's results follow it); Tab to a result, Enter opens it.
  await page.locator('#reader-canvas').focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('tim kiem khong dau', { delay: 15 });
  s = await until(page, (x) => x.searchOpen && x.searchTotal > 0 && nfc(x.query) === 'tim kiem khong dau');
  assert.equal(nfc(s.focus), 'Tìm bài viết, ý kiến…', 'the field holds the keyboard focus');
  const mirrorResults = () => page.evaluate(() => document.querySelectorAll('#mirror-search li').length);
  await page.waitForFunction(() => document.querySelectorAll('#mirror-search li').length > 0, null, { timeout: 8000 });
  s = await tabTo(page, /^Phân biệt dấu$/);
  assert.equal(await activeId(page), 'reader-canvas', 'the field gave focus back to the canvas');
  await page.keyboard.press('Space');
  s = await until(page, (x) => x.searchOptions.diacritics);
  assert.equal(s.searchOptions.diacritics, true);
  assert.equal(s.searchTotal, 0, 'the query has no diacritics: nothing matches them exactly');
  await page.waitForFunction(() => document.querySelectorAll('#mirror-search li').length === 0, null, { timeout: 8000 });
  await page.keyboard.press('Space');
  s = await until(page, (x) => !x.searchOptions.diacritics && x.searchTotal > 0);
  await page.waitForFunction(() => document.querySelectorAll('#mirror-search li').length > 0, null, { timeout: 8000 });
  assert.ok(await mirrorResults() > 0);
  s = await tabTo(page, /^Tìm kiếm tiếng Việt, có dấu hay không dấu$/);
  await page.keyboard.press('Enter');
  s = await until(page, (x) => x.article === 'tim-kiem-tieng-viet');
  assert.equal(s.article, 'tim-kiem-tieng-viet');
  await page.keyboard.press('Escape');
  s = await until(page, (x) => !x.searchOpen);
  assert.equal(s.searchOpen, false);

  // Settings: Shift+Tab back to the toolbar's button, Enter opens it, Space picks the
  // dark theme; Esc closes it and focus is on the button again.
  await tabTo(page, /^Tùy chỉnh hiển thị$/, { back: true });
  await page.keyboard.press('Enter');
  s = await tabTo(page, /^Cỡ chữ −$/);
  s = await tabTo(page, /^Giao diện: Tối$/);
  await page.keyboard.press('Space');
  s = await until(page, (x) => x.theme === 'dark');
  assert.equal(s.theme, 'dark');
  await page.keyboard.press('Escape');
  s = await until(page, (x) => nfc(x.focus) === 'Tùy chỉnh hiển thị');
  assert.equal(nfc(s.focus), 'Tùy chỉnh hiển thị');
  assert.ok(await ringPixels(page, [0x8a, 0xb4, 0xf8]) > 60, 'the focus ring shows in the dark theme');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'keyboard-focus-ring-dark.png') });

  // Past the last control, Tab goes on to the text version; Shift+Tab from its first
  // control comes back to the canvas's last one.
  let left = false;
  for (let i = 0; i < 60 && !left; ++i) {
    await page.keyboard.press('Tab');
    left = await page.evaluate(() => !!document.activeElement?.closest?.('#mirror'));
  }
  assert.ok(left, 'Tab reaches the text version');
  assert.equal((await stats(page)).focus, '', 'no ring left in the canvas');
  const last = await page.evaluate(() => {
    const all = [...document.querySelectorAll('#mirror a[href], #mirror button')];
    return all.indexOf(document.activeElement);
  });
  assert.equal(last, 0, 'the first control of the text version');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await activeId(page), 'reader-canvas');
  s = await until(page, (x) => x.focus !== '');
  assert.ok(s.focus.length > 0, 'the canvas\'s last control has focus');

  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a mouse click takes the focus ring away; Tab brings it back where the canvas starts', async () => {
  const { page, context } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  let s = await until(page, (x) => x.focus !== '');
  assert.ok(s.focus.length > 0);
  await page.mouse.click(640, 500);
  s = await until(page, (x) => x.focus === '');
  assert.equal(s.focus, '');
  assert.equal(await page.locator('#reader-canvas').getAttribute('aria-label'), 'Trình đọc bài viết (Article reader)');
  await page.keyboard.press('Tab');
  s = await until(page, (x) => x.focus !== '');
  assert.equal(nfc(s.focus), 'Mở thư viện bài viết');
  await context.close();
});
