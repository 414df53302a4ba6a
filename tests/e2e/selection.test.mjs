// Selecting and copying article text on the canvas: a mouse drag across wrapped lines,
// Ctrl+A, a double click on a word, Shift+arrows, a touch long press (then a drag), and
// the context menu's Copy all put
// the article's own text on the system clipboard (plain text, and HTML for rich paste).
// Ctrl+C copies what the core last handed the page, which it does in the frame where a
// selection settles (a drag's when the button is up): before each Ctrl+C the tests wait
// for the selection in reader:stats and then for frames after it (framesAfter), not for
// a fixed time that a loaded machine may not draw in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, openReader, waitForMessage, stats, framesAfter, scrollSettled, SCREENSHOTS } from './harness.mjs';

let server; let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

// The seed article at 1280×900 (no library panel): the lead paragraph "(Thanhuytphcm.vn) - Sáng 7/10, ..."
// starts at the column's left edge (x 300) around y 747, below the hero image.
const LEAD = { x0: 301, y0: 747, x1: 930, y1: 880 };

async function openSeed() {
  const r = await openReader(browser, server.url);
  await r.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await waitForMessage(r.page, 'reader:ready');
  await r.page.waitForTimeout(300);
  await r.page.locator('#reader-canvas').focus();
  return r;
}
const clipboardText = (page) => page.evaluate(() => navigator.clipboard.readText());
async function clipboardHtml(page) {
  return page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    for (const it of items) if (it.types.includes('text/html')) return (await it.getType('text/html')).text();
    return '';
  });
}
// Waits until the clipboard holds something other than `before`.
async function clipboardChange(page, before, timeout = 15000) {
  const end = Date.now() + timeout;
  let t = before;
  while (Date.now() < end && t === before) { await page.waitForTimeout(80); t = await clipboardText(page); }
  return t;
}
const nfc = (s) => s.normalize('NFC');
async function until(page, pred, timeout = 15000) {
  const end = Date.now() + timeout;
  let s;
  while (Date.now() < end) { s = await stats(page); if (pred(s)) return s; await page.waitForTimeout(80); }
  return s;
}

test('a mouse drag across wrapped lines selects, paints and copies the lead as text and HTML', async () => {
  const { page, context, consoleErrors } = await openSeed();
  await page.evaluate(() => navigator.clipboard.writeText('-'));
  await page.mouse.move(LEAD.x0, LEAD.y0);
  await page.mouse.down();
  await page.mouse.move((LEAD.x0 + LEAD.x1) / 2, (LEAD.y0 + LEAD.y1) / 2, { steps: 4 });
  await page.mouse.move(LEAD.x1, LEAD.y1, { steps: 4 });
  await page.mouse.up();
  await until(page, (t) => t.selection.text.length > 40);
  await framesAfter(page, 3);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'selection-drag.png') });
  await page.keyboard.press('Control+c');
  const text = nfc(await clipboardChange(page, '-'));
  assert.match(text, /Thành ủy Thủ Đức tổ chức hội nghị chuyên đề Giải pháp tiếp tục nâng cao chất lượng sinh hoạt chi bộ/);
  assert.ok(!/\n/.test(text), `wrapped lines of one paragraph join with spaces: ${JSON.stringify(text.slice(0, 200))}`);
  const html = nfc(await clipboardHtml(page));
  assert.match(html, /<p>.*sinh hoạt chi bộ/s);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('Ctrl+A selects the whole article and Ctrl+C copies it, title first, paragraphs apart', async () => {
  const { page, context } = await openSeed();
  await page.evaluate(() => navigator.clipboard.writeText('-'));
  await page.keyboard.press('Control+a');
  await until(page, (t) => t.selection.text.length > 3000);
  await framesAfter(page, 3);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'selection-all.png') });
  await page.keyboard.press('Control+c');
  const text = nfc(await clipboardChange(page, '-'));
  assert.match(text, /Tiếp tục lãnh đạo, chỉ đạo tổ chức quán triệt nghiêm túc Kết luận số 21-KL\/TW sâu rộng đến chi bộ, cán bộ, đảng viên\n\n/);
  assert.match(text, /\(Thanhuytphcm\.vn\) - Sáng 7\/10/);
  assert.match(text, /Đình Quân/, 'the signature is part of the article');
  assert.ok(text.length > 3000, `whole article: ${text.length} characters`);
  // The page's own DOM (the hidden mirror) was not selected by the browser's select-all.
  assert.equal(await page.evaluate(() => String(getSelection())), '');
  await context.close();
});

test('a double click selects one Vietnamese word with its diacritics', async () => {
  const { page, context } = await openSeed();
  await page.evaluate(() => navigator.clipboard.writeText('-'));
  // "Thành" in the lead's first line (after "Sáng 7/10, ").
  await page.mouse.dblclick(LEAD.x0 + 345, LEAD.y0);
  await until(page, (t) => t.selection.text.length > 0);
  await framesAfter(page, 3);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'selection-word.png') });
  await page.keyboard.press('Control+c');
  const word = nfc(await clipboardChange(page, '-'));
  assert.match(word, /^[\p{L}\p{M}]+$/u, `one word: ${JSON.stringify(word)}`);
  assert.ok(['Thành', 'ủy', 'Thủ', 'Đức', '7/10'].includes(word) || word.length <= 8, word);
  await context.close();
});

test('Shift+arrows extend a selection from a click, by character and by line', async () => {
  const { page, context } = await openSeed();
  await page.evaluate(() => navigator.clipboard.writeText('-'));
  await page.mouse.click(LEAD.x0 - 1, LEAD.y0);            // caret before "(Thanhuytphcm.vn)"
  for (let i = 0; i < 17; ++i) await page.keyboard.press('Shift+ArrowRight');
  // The reader takes one key event a frame: wait until it has taken them all.
  await until(page, (t) => nfc(t.selection.text) === '(Thanhuytphcm.vn)');
  await framesAfter(page, 3);
  await page.keyboard.press('Control+c');
  assert.equal(nfc(await clipboardChange(page, '-')), '(Thanhuytphcm.vn)');
  await page.evaluate(() => navigator.clipboard.writeText('-'));
  await page.keyboard.press('Shift+ArrowDown');
  await until(page, (t) => t.selection.text.length > 40);
  await framesAfter(page, 3);
  await page.keyboard.press('Control+c');
  const two = nfc(await clipboardChange(page, '-'));
  assert.match(two, /^\(Thanhuytphcm\.vn\) - Sáng 7\/10, Thành ủy .+ Giải pháp/);
  await context.close();
});

test('the context menu copies the selection', async () => {
  const { page, context } = await openSeed();
  await page.evaluate(() => navigator.clipboard.writeText('-'));
  await page.mouse.move(LEAD.x0, LEAD.y0);
  await page.mouse.down();
  await page.mouse.move(LEAD.x1, LEAD.y0 + 33, { steps: 4 });
  await page.mouse.up();
  await page.mouse.click(600, LEAD.y0 + 10, { button: 'right' });
  // Click "Sao chép" once the menu is open and drawn, not after a fixed 200 ms.
  await until(page, (t) => t.selection.menuOpen);
  await framesAfter(page, 3);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'selection-context-menu.png') });
  // The menu opens at the pointer; "Sao chép" is its first item.
  await page.mouse.click(600 + 30, LEAD.y0 + 10 + 14);
  const text = nfc(await clipboardChange(page, '-'));
  assert.match(text, /^\(Thanhuytphcm\.vn\) - Sáng 7\/10/);
  await context.close();
});

// Touch, through the DevTools protocol's touch events (what a phone's finger sends).
async function touch(cdp, type, x, y) {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
}

test('a long press selects the word under the finger, a drag extends it, and the offered Copy puts it on the clipboard', async () => {
  const r = await openReader(browser, server.url, { hasTouch: true });
  const { page, context, consoleErrors } = r;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await waitForMessage(page, 'reader:ready');
  await page.waitForTimeout(300);
  await page.evaluate(() => navigator.clipboard.writeText('-'));
  const cdp = await context.newCDPSession(page);
  const before = await stats(page);
  // Held still on "Thành" of the lead's first line: after the long-press time, one word.
  const x = LEAD.x0 + 345; const y = LEAD.y0 + 8;
  await touch(cdp, 'touchStart', x, y);
  await page.waitForTimeout(800);   // held (the long press is 500 ms of frames)
  // The word once frames have seen the hold through (a loaded machine draws them late).
  let s = await until(page, (t) => t.selection.text.length > 0);
  const word = nfc(s.selection.text);
  assert.match(word, /^[\p{L}\p{M}]+$/u, `one word: ${JSON.stringify(word)}`);
  assert.equal(s.scrollY, before.scrollY, 'holding did not scroll');
  // The finger moves down a line: the selection grows from the word, the page does not scroll.
  for (let k = 1; k <= 4; ++k) { await touch(cdp, 'touchMove', x + 40 * k, y + 9 * k); await page.waitForTimeout(40); }
  await touch(cdp, 'touchEnd');
  s = await until(page, (t) => t.selection.menuOpen);
  const grown = nfc(s.selection.text);
  assert.ok(grown.startsWith(word) && grown.length > word.length + 10, `extended from the word: ${JSON.stringify(grown)}`);
  assert.equal(s.scrollY, before.scrollY, 'dragging after a long press selects instead of scrolling');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'selection-long-press.png') });
  // The context actions opened where the finger lifted: a tap on Copy.
  const [x0, y0, x1, y1] = s.selection.copy;
  await touch(cdp, 'touchStart', (x0 + x1) / 2, (y0 + y1) / 2);
  await page.waitForTimeout(60);
  await touch(cdp, 'touchEnd');
  assert.equal(nfc(await clipboardChange(page, '-')), grown);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('reader comments are selectable too: a double click takes a word of a comment, a drag its sentence, Ctrl+C copies it', async () => {
  const { page, context, consoleErrors } = await openSeed();
  await page.evaluate(() => navigator.clipboard.writeText('-'));
  // Scroll until the comment with replies is in view: its text ends just above "Ẩn trả lời".
  let s = await stats(page);
  const toggle = () => s.comments.actions.find((a) => a.kind === 'toggle');
  for (let i = 0; i < 20; i++) {
    const screenY = 44 + toggle().y0 - s.scrollY;
    if (screenY > 200 && screenY < 800) break;
    await page.mouse.move(640, 450);
    await page.mouse.wheel(0, screenY - 450);
    s = await scrollSettled(page, 'the wheel towards the comment');
  }
  const a = toggle();
  const margin = Math.floor((1280 - s.comments.width) / 2);
  const y = 44 + a.y0 - s.scrollY - 12;           // the comment's (one) line of text
  await page.mouse.dblclick(margin + 12, y);
  await until(page, (t) => nfc(t.selection.text) === 'Bài');
  await framesAfter(page, 3);
  await page.keyboard.press('Control+c');
  assert.equal(nfc(await clipboardChange(page, '-')), 'Bài');
  await page.evaluate(() => navigator.clipboard.writeText('-'));
  await page.mouse.move(margin, y);
  await page.mouse.down();
  await page.mouse.move(margin + 200, y, { steps: 3 });
  await page.mouse.move(margin + 600, y, { steps: 3 });
  await page.mouse.up();
  await until(page, (t) => t.selection.text.length > 20);
  await framesAfter(page, 3);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'selection-comment.png') });
  await page.keyboard.press('Control+c');
  assert.equal(nfc(await clipboardChange(page, '-')), 'Bài viết nêu rõ các giải pháp, dễ theo dõi. Cảm ơn tòa soạn.');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
