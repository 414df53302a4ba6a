// Accessibility of the canvas reader: the accessible mirror holds the page's text in
// reading order with landmarks (screen readers, the browser's find), status changes are
// announced, axe-core finds no serious or critical violation, and the text version's
// flows work from the keyboard alone (search, a result, settings; the canvas's own
// controls: keyboard.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer, launchBrowser, openReader, waitForMessage, stats, SCREENSHOTS } from './harness.mjs';

let server; let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

async function until(page, pred, timeout = 15000) {
  const end = Date.now() + timeout;
  let s;
  while (Date.now() < end) { s = await stats(page); if (pred(s)) return s; await page.waitForTimeout(100); }
  return s;
}
const nfc = (s) => String(s).normalize('NFC');

async function axe(page, label) {
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = r.violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`);
  console.log(`axe ${label}: ${r.passes.length} rules pass, violations: ${summary.join(', ') || 'none'}`);
  return { bad, all: r.violations };
}

test('the mirror holds the seed article in reading order with landmarks, and window.find() finds its text', async () => {
  const { page, context, consoleErrors } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  await page.waitForFunction(() => document.querySelector('#mirror main h1'));
  const m = await page.evaluate(() => {
    const root = document.getElementById('mirror');
    return {
      landmarks: [...root.querySelectorAll('main, nav, aside')].map((e) => e.tagName.toLowerCase()),
      h1: root.querySelector('main h1').textContent,
      h2: [...root.querySelectorAll('h2')].map((h) => h.textContent),
      alt: [...root.querySelectorAll('img')].map((i) => i.getAttribute('alt')),
      imgSrc: [...root.querySelectorAll('img')].filter((i) => i.hasAttribute('src')).length,
      caption: root.querySelector('figcaption')?.textContent || '',
      lang: root.querySelector('article')?.getAttribute('lang'),
      text: root.textContent,
      scripts: root.querySelectorAll('script').length,
      visibleBox: root.getBoundingClientRect().width,
    };
  });
  assert.deepEqual(m.landmarks, ['main', 'nav', 'nav', 'aside']);
  assert.match(nfc(m.h1), /^Tiếp tục lãnh đạo, chỉ đạo tổ chức quán triệt/);
  assert.ok(m.h2.includes('Ý kiến bạn đọc') && m.h2.includes('Tin khác') && m.h2.includes('Thông báo'), m.h2.join(' | '));
  // The library panel's article list: every article of the bundle, the open one marked.
  const library = await page.evaluate(() => {
    const nav = document.querySelector('#mirror nav[aria-labelledby="mirror-library"]');
    return { title: nav?.querySelector('h2')?.textContent, links: [...(nav?.querySelectorAll('a') || [])].map((a) => [a.getAttribute('href'), a.getAttribute('aria-current')]) };
  });
  assert.equal(library.title, 'Bài viết');
  assert.ok(library.links.length >= 3, JSON.stringify(library.links));
  assert.deepEqual(library.links.filter(([, cur]) => cur === 'page').map(([h]) => h), ['#article=thanhuy-ket-luan-21-kl-tw']);
  assert.ok(m.alt.length >= 1 && m.alt.every((a) => a && a.length > 0), 'images keep their alt text');
  assert.equal(m.imgSrc, 0, 'the mirror fetches no image');
  assert.match(nfc(m.caption), /Đồng chí Nguyễn Phước Hưng/);
  assert.equal(m.lang, 'vi');
  assert.match(nfc(m.text), /Đình Quân/);
  assert.equal(m.scripts, 0);
  assert.ok(m.visibleBox <= 1, 'visually hidden');
  // The browser's own find reaches the text (what Ctrl+F does when the reader's search is not open).
  assert.equal(await page.evaluate(() => window.find('sinh hoạt chi bộ')), true);
  assert.equal(await page.evaluate(() => window.find('Kết luận số 21-KL/TW')), true);
  assert.equal(await page.evaluate(() => window.find('không có trong bài viết này xyz')), false);
  // Opening another article updates the mirror.
  await page.evaluate(() => { location.hash = '#article=gioi-thieu-trinh-doc'; });
  await page.waitForFunction(() => /Giới thiệu trình đọc/.test(document.querySelector('#mirror main h1')?.textContent || ''));
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('the browser\'s find in the text version scrolls the canvas to the same place of the article', async () => {
  const { page, context, consoleErrors } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  await page.waitForFunction(() => document.querySelector('#mirror main h1'));
  assert.equal((await stats(page)).scrollY, 0);
  // A phrase of the body's last paragraph: the canvas goes down to it.
  assert.equal(await page.evaluate(() => window.find('tổng kết để kịp thời lãnh đạo')), true);
  let s = await until(page, (x) => x.scrollY > 1000);
  assert.ok(s.scrollY > 1000, `scrolled to the end of the body (${s.scrollY})`);
  const deep = s.scrollY;
  await page.screenshot({ path: path.join(SCREENSHOTS, 'a11y-find-scrolls-canvas.png') });
  // One of the lead: back up to it.
  await page.evaluate(() => getSelection().removeAllRanges());
  assert.equal(await page.evaluate(() => window.find('Thành ủy Thủ Đức tổ chức hội nghị')), true);
  s = await until(page, (x) => x.scrollY < deep - 500);
  assert.ok(s.scrollY < deep - 500, `scrolled back up to the lead (${s.scrollY})`);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('search results are announced ("N kết quả") and mirrored; errors are announced', async () => {
  const { page, context } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  await page.locator('#reader-canvas').focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('sinh hoat chi bo', { delay: 15 });
  await page.waitForFunction(() => /\d+ kết quả/.test(document.getElementById('live-status').textContent), null, { timeout: 8000 });
  const live = await page.evaluate(() => document.getElementById('live-status').textContent);
  const s = await stats(page);
  assert.equal(live, `${s.searchTotal} kết quả`);
  const results = await page.evaluate(() => [...document.querySelectorAll('#mirror-search li a')].map((a) => a.getAttribute('href')));
  assert.ok(results.includes('#article=thanhuy-sinh-hoat-chi-bo') || results.length >= 1, results.join(' '));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelectorAll('#mirror-search *').length === 0);
  // An error reported to the host is also read out.
  await page.evaluate(() => window.postMessage({ type: 'reader:open', id: 'khong-co-bai-nay' }, location.origin));
  await page.waitForFunction(() => /khong-co-bai-nay/.test(document.getElementById('live-status').textContent));
  await context.close();
});

test('axe-core finds no serious or critical violation (article, text version, search open)', async () => {
  const { page, context } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  await page.waitForFunction(() => document.querySelector('#mirror main h1'));
  const a = await axe(page, 'article');
  assert.deepEqual(a.bad.map((v) => `${v.id}: ${v.help}`), []);
  // The text version, shown while keyboard focus is in it.
  await page.evaluate(() => document.querySelector('#mirror nav a').focus());
  const b = await axe(page, 'text version');
  assert.deepEqual(b.bad.map((v) => `${v.id}: ${v.help}`), []);
  await page.locator('#reader-canvas').focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('chi bo', { delay: 15 });
  await page.waitForFunction(() => document.querySelector('#mirror-search h2'), null, { timeout: 8000 });
  const c = await axe(page, 'search open');
  assert.deepEqual(c.bad.map((v) => `${v.id}: ${v.help}`), []);
  await context.close();
});

test('keyboard only: Tab to the reader, search, open a result from the text version, back to the canvas, settings', async () => {
  const { page, context } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  await page.waitForFunction(() => document.querySelector('#mirror main h1'));
  const active = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  // Tab reaches the canvas first, with a visible focus ring.
  await page.keyboard.press('Tab');
  assert.equal(await active(), 'reader-canvas');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(ring, 'none');
  // Search from the keyboard.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('tim kiem khong dau', { delay: 15 });
  let s = await until(page, (x) => x.searchTotal > 0);
  assert.ok(s.searchOpen && s.searchTotal > 0);
  await page.waitForFunction(() => document.querySelector('#mirror-search li a'), null, { timeout: 8000 });
  // Tab goes on through the search panel's controls (keyboard.test.mjs walks them),
  // then leaves the canvas for the text version, whose first link is the first result.
  await page.keyboard.press('Tab');
  let tabs = 0;
  while (!(await page.evaluate(() => document.activeElement?.closest?.('#mirror-search'))) && tabs++ < 60) await page.keyboard.press('Tab');
  const target = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.match(target, /^#article=/);
  const shown = await page.evaluate(() => getComputedStyle(document.getElementById('mirror')).clipPath);
  assert.equal(shown, 'none', 'the text version is visible while it has focus');
  const ringLink = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(ringLink, 'none');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'a11y-text-version-focus.png') });
  await page.keyboard.press('Enter');
  s = await until(page, (x) => `#article=${x.article}` === decodeURI(target));
  assert.equal(`#article=${s.article}`, decodeURI(target));
  // Focus stays in the text version, at the new article; Esc returns to the canvas.
  assert.equal(await active(), 'mirror-main');
  await page.keyboard.press('Escape');
  assert.equal(await active(), 'reader-canvas');
  // Settings: the theme from the text version's settings.
  await page.keyboard.press('Tab');
  let found = false;
  for (let i = 0; i < 160 && !found; ++i) {
    found = await page.evaluate(() => document.activeElement?.dataset?.theme === 'dark');
    if (!found) await page.keyboard.press('Tab');
  }
  assert.ok(found, 'a theme control is reachable by Tab');
  await page.keyboard.press('Enter');
  s = await until(page, (x) => x.theme === 'dark');
  assert.equal(s.theme, 'dark');
  await context.close();
});
