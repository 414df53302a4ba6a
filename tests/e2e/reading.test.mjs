// The reading experience: phone and desktop sizes in every theme (screenshots),
// keyboard scrolling, navigation to a related article and back, settings that
// survive a reload, reader:theme, and no drawing while idle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, openReader, waitForMessage, stats, statsUntil, framesAfter, scrollSettled, drawingStopped, inkRatio, SCREENSHOTS } from './harness.mjs';
import { ocr } from './ocr.mjs';

let server; let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

for (const theme of ['light', 'sepia', 'dark', 'contrast']) {
  test(`the seed article on a 390×844 phone at 2x in the ${theme} theme`, async () => {
    const { page, context } = await openReader(browser, server.url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await waitForMessage(page, 'reader:ready');
    await page.evaluate((t) => window.postMessage({ type: 'reader:theme', theme: t }, location.origin), theme);
    await statsUntil(page, (x) => x.theme === theme, `the ${theme} theme`);
    await page.waitForTimeout(100);   // the frame in the new theme reaches the screen
    const canvas = await page.evaluate(() => { const c = document.getElementById('reader-canvas'); return [c.width, c.height]; });
    assert.deepEqual(canvas, [780, 1688], 'the canvas follows the device pixel ratio');
    const shot = path.join(SCREENSHOTS, `seed-phone-${theme}.png`);
    await page.screenshot({ path: shot });
    assert.ok(await inkRatio(page) > 0.01);
    assert.match(ocr(shot).normalize('NFC'), /Tiếp tục lãnh đạo/);
    await context.close();
  });
}

test('keyboard scrolling moves the article and the place is kept per article', async () => {
  const { page, context } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  await page.locator('#reader-canvas').click({ position: { x: 100, y: 450 } });
  // One page at a time, each seen drawn (a loaded machine may draw both presses' frames late).
  let s = await stats(page);
  for (let i = 0; i < 2; i++) {
    const before = s.scrollY;
    await page.keyboard.press('PageDown');
    s = await statsUntil(page, (x) => x.scrollY > before, 'PageDown to scroll');
  }
  assert.ok(s.scrollY > 900, `scrolled to ${s.scrollY}`);
  await page.keyboard.press('End');
  const end = await statsUntil(page, (x) => x.scrollY > s.scrollY, 'End to scroll further');
  assert.ok(end.scrollY > s.scrollY);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'seed-end-1280.png') });
  await context.close();
});

test('a related article opens from "Tin khác", and back returns to the seed at its place', async () => {
  const { page, context } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  await page.evaluate(() => window.postMessage({ type: 'reader:open', id: 'gioi-thieu-trinh-doc' }, location.origin));
  await page.waitForFunction(() => window.__readerMessages.some((m) => m.type === 'reader:navigated' && m.id === 'gioi-thieu-trinh-doc'));
  assert.match(await page.evaluate(() => location.hash), /article=gioi-thieu-trinh-doc/);
  await page.goBack();
  await page.waitForFunction(() => window.__readerMessages.filter((m) => m.type === 'reader:navigated').at(-1).id === 'thanhuy-ket-luan-21-kl-tw');
  await page.goForward();
  await page.waitForFunction(() => window.__readerMessages.filter((m) => m.type === 'reader:navigated').at(-1).id === 'gioi-thieu-trinh-doc');
  const shot = path.join(SCREENSHOTS, 'guide-article.png');
  await page.screenshot({ path: shot });
  assert.match(ocr(shot).normalize('NFC'), /Giới thiệu trình đọc/);
  await context.close();
});

test('reading settings survive a reload', async () => {
  const { page, context } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  await page.evaluate(() => window.postMessage({ type: 'reader:theme', theme: 'sepia' }, location.origin));
  // Reload only once the choice is stored: a fixed wait lost the race on a loaded CI machine.
  await page.waitForFunction(() => (localStorage.getItem('reader.settings') || '').includes('"theme":"sepia"'));
  await page.reload();
  await waitForMessage(page, 'reader:ready');
  const s = await stats(page);
  assert.equal(s.theme, 'sepia');
  await context.close();
});

test('an unknown theme is refused with reader:error and the reader keeps working', async () => {
  const { page, context } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  await page.evaluate(() => window.postMessage({ type: 'reader:theme', theme: 'neon' }, location.origin));
  const err = await waitForMessage(page, 'reader:error');
  assert.match(err.message, /unknown theme 'neon'/);
  assert.ok((await stats(page)).frames > 0);
  await context.close();
});

test('a finger drag scrolls the article 1:1, a flick keeps it going, and a touch stops it', async () => {
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
  const { page, context, consoleErrors } = await openReader(browser, server.url, phone);
  await waitForMessage(page, 'reader:ready');
  const cdp = await context.newCDPSession(page);
  // Touch events carry their own times (a virtual clock, 10 ms per event unless told),
  // so the finger's speed does not depend on how fast this busy machine relays events.
  let clock = Date.now() / 1000;
  const touch = (type, y, ms = 10) => {
    clock += ms / 1000;
    return cdp.send('Input.dispatchTouchEvent', { type, timestamp: clock, touchPoints: type === 'touchEnd' ? [] : [{ x: 200, y }] });
  };
  // A slow drag: 300 px up over 600 ms, held still, then lifted: no fling.
  await touch('touchStart', 700);
  for (let i = 1; i <= 30; i++) await touch('touchMove', 700 - 10 * i, 20);
  await touch('touchEnd', 0, 200);
  // Judge the drag once the scroll holds still with frames drawn (a fixed 400 ms could end
  // before a loaded machine drew the moves); a wrong fling would keep it moving past 300.
  const slow = await scrollSettled(page, 'the drag to be applied');
  assert.ok(Math.abs(slow.scrollY - 300) <= 12, `a 300 px drag scrolled ${slow.scrollY} px`);
  // A flick: 200 px in ~80 ms, released while moving: the article keeps going.
  await touch('touchStart', 600);
  for (let i = 1; i <= 8; i++) await touch('touchMove', 600 - 25 * i);
  await touch('touchEnd');
  await page.waitForTimeout(150);
  const moving = await stats(page);
  // The fling's end, not a fixed 1.5 s (a loaded machine may still be flinging then, and
  // the idle check below would count its frames).
  const settled = await drawingStopped(page, 'the fling to end');
  assert.ok(settled.scrollY > slow.scrollY + 200 + 100, `the flick carried on: ${slow.scrollY} → ${settled.scrollY}`);
  assert.ok(settled.scrollY > moving.scrollY, 'still moving 150 ms after the release');
  await page.waitForTimeout(1500);
  const idle = await stats(page);
  assert.ok(idle.frames - settled.frames <= 3, `the fling ended and drawing stopped (${idle.frames - settled.frames} frames)`);
  // A touch during a fling catches it.
  await touch('touchStart', 600);
  for (let i = 1; i <= 8; i++) await touch('touchMove', 600 - 25 * i);
  await touch('touchEnd');
  await page.waitForTimeout(100);
  await touch('touchStart', 400, 100);
  // Where the touch caught it: once frames have taken the touch (ImGui applies the last
  // fling step a frame later), not after a fixed 50 ms that a loaded machine may not draw in.
  const caught = await framesAfter(page, 2);
  await page.waitForTimeout(500);
  await touch('touchEnd', 0, 500);
  await framesAfter(page, 3);         // the release is taken,
  await page.waitForTimeout(200);     // and a fling it started, were there one, would show
  const after = await stats(page);
  assert.ok(Math.abs(after.scrollY - caught.scrollY) < 2, `a touch stopped the fling (${caught.scrollY} → ${after.scrollY})`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'touch-scrolled-phone.png') });
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
