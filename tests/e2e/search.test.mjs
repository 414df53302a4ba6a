// Search in the real page: typing (keyboard and IME composition through the DevTools
// protocol) finds the seed article, matches are counted and stepped through, the
// query lives in the hash, and reader:search answers a host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, openReader, waitForMessage, stats, SCREENSHOTS } from './harness.mjs';
import { ocr } from './ocr.mjs';

let server; let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

// The seed article open, the canvas focused, Ctrl+F pressed: the search field takes keys.
async function openFindBar() {
  const opened = await openReader(browser, server.url);
  await waitForMessage(opened.page, 'reader:ready');
  await opened.page.locator('#reader-canvas').click({ position: { x: 640, y: 450 } });
  await opened.page.keyboard.press('Control+f');
  return opened;
}

async function until(page, pred, timeout = 15000) {
  const end = Date.now() + timeout;
  let s;
  while (Date.now() < end) { s = await stats(page); if (pred(s)) return s; await page.waitForTimeout(100); }
  return s;
}

test('typing without diacritics finds the seed article, highlights and counts matches', async () => {
  const { page, context, consoleErrors } = await openFindBar();
  await page.keyboard.type('sinh hoat chi bo', { delay: 20 });
  let s = await until(page, (x) => x.query === 'sinh hoat chi bo' && x.matchCount > 0);
  assert.equal(s.searchOpen, true);
  assert.ok(s.searchTotal >= 1, 'bundle results');
  assert.ok(s.matchCount >= 10, `matches in the seed article: ${s.matchCount}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  s = await until(page, (x) => x.matchCurrent === 2);
  assert.equal(s.matchCurrent, 2);
  await page.keyboard.press('Shift+Enter');
  s = await until(page, (x) => x.matchCurrent === 1);
  assert.equal(s.matchCurrent, 1);
  assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), /q=sinh hoat chi bo/);
  const shot = path.join(SCREENSHOTS, 'search-results.png');
  await page.screenshot({ path: shot });
  const seen = ocr(shot).normalize('NFC');
  assert.match(seen, /kết quả/);
  await page.keyboard.press('Escape');
  s = await until(page, (x) => !x.searchOpen);
  assert.equal(s.searchOpen, false);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a quoted phrase finds the seed article and is highlighted in it as the same phrase', async () => {
  const { page, context, consoleErrors } = await openFindBar();
  await page.keyboard.type('"sinh hoat chi bo"', { delay: 20 });
  const quoted = await until(page, (x) => x.query === '"sinh hoat chi bo"' && x.searchRuns > 0);
  assert.ok(quoted.searchTotal >= 1, 'bundle results for the phrase');
  for (let i = 0; i < '"sinh hoat chi bo"'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('sinh hoat chi bo', { delay: 20 });
  const plain = await until(page, (x) => x.query === 'sinh hoat chi bo' && x.matchCount > 0);
  assert.ok(quoted.matchCount > 0, 'the article highlights the quoted phrase');
  assert.equal(quoted.matchCount, plain.matchCount, 'the same places as the phrase typed without quotes');
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('IME composition produces "sinh hoạt chi bộ" in the field and finds the seed article', async () => {
  const { page, context } = await openFindBar();
  const cdp = await context.newCDPSession(page);
  // Telex-like composition: the candidate changes as keys arrive, then commits.
  for (const word of ['sinh', ' hoạt', ' chi', ' bộ']) {
    const parts = [...word];
    let text = '';
    for (const ch of parts) {
      text += ch;
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
    await cdp.send('Input.insertText', { text: word });
  }
  const s = await until(page, (x) => x.query === 'sinh hoạt chi bộ' && x.matchCount > 0);
  assert.equal(s.query, 'sinh hoạt chi bộ');
  assert.ok(s.searchTotal >= 1);
  await context.close();
});

test('a Unikey-style edit (backspaces then the accented letter) gives the right text', async () => {
  const { page, context } = await openFindBar();
  // Unikey turns "hoatj" into "hoạt": it types "hoat", then "j" arrives, it sends
  // backspaces and the replacement text.
  await page.keyboard.type('sinh hoat', { delay: 10 });
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('ạt');
  const s = await until(page, (x) => x.query === 'sinh hoạt');
  assert.equal(s.query, 'sinh hoạt');
  await context.close();
});

test('reader:search answers with ranked results, with or without diacritics', async () => {
  const { page, context } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  for (const query of ['dang vien', 'đảng viên', 'đa\u0309ng vie\u0302n']) {
    await page.evaluate((q) => window.postMessage({ type: 'reader:search', query: q }, location.origin), query);
    await page.waitForFunction((q) => window.__readerMessages.some((m) => m.type === 'reader:results' && m.query === q), query);
    const r = await page.evaluate((q) => window.__readerMessages.filter((m) => m.type === 'reader:results' && m.query === q).at(-1), query);
    assert.ok(r.total >= 1, query);
    assert.equal(r.hits[0].id, 'thanhuy-ket-luan-21-kl-tw', query);
    assert.ok(['title', 'lead', 'body', 'caption', 'author', 'tag', 'comment', 'announcement'].includes(r.hits[0].field));
    assert.equal(typeof r.hits[0].snippet, 'string');
  }
  await context.close();
});

test('a #q= deep link opens the search with that query', async () => {
  const { page, context } = await openReader(browser, `${server.url}#article=searching&q=21-KL%2FTW`);
  await waitForMessage(page, 'reader:ready');
  const s = await until(page, (x) => x.searchOpen && x.query === '21-KL/TW');
  assert.equal(s.article, 'searching');
  assert.ok(s.searchTotal >= 1);
  await context.close();
});
