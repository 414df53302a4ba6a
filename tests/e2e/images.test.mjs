// Images in the article (issue 4): the browser fetches and decodes them and the core
// draws them as textures in the box the layout reserved. Checked from pixels and from
// reader:stats' `images` (src, state, natural size, box on screen): the default
// bundle's hero SVG is drawn; a missing image shows the placeholder with its alt text;
// hostile sources (javascript:, data:, another origin) are never fetched; textures
// go when the article closes; the image is part of the offline shell.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openReader, waitForMessage, stats, screenshotPixels, SCREENSHOTS, statsUntil, framesAfter } from './harness.mjs';
import { copyDist, readManifest } from './pwa_support.mjs';
import { ocr, recall } from './ocr.mjs';

const HERO = 'images/hoi-nghi.svg';
const MISSING_ALT = 'Ảnh hội trường không có trên máy chủ';
const FOREIGN = 'https://elsewhere.example/anh.png';

const testBundle = {
  format: 'article-bundle/1',
  site: { name: 'Kiểm thử ảnh', language: 'vi' },
  articles: [
    {
      id: 'anh-thieu',
      title: 'Bài có ảnh bị thiếu',
      published: '2026-11-20T08:00:00+07:00',
      image: { src: 'images/khong-co-anh-nay.png', alt: MISSING_ALT, caption: 'Chú thích của ảnh thiếu', width: 1200, height: 675 },
      body: 'Ảnh phía trên không có trên máy chủ: trình đọc phải nói rõ điều đó.',
    },
    {
      id: 'anh-la',
      title: 'Bài có ảnh từ nguồn lạ',
      published: '2026-11-21T08:00:00+07:00',
      image: { src: 'javascript:alert(1)', alt: 'Ảnh javascript', caption: 'Không được tải' },
      body: `Ảnh từ nơi khác:\n\n![Ảnh từ nơi khác](${FOREIGN})\n\nẢnh dữ liệu:\n\n![Ảnh dữ liệu](data:image/png;base64,iVBORw0KGgo=)\n\nHết.`,
    },
    {
      id: 'anh-vuong',
      title: 'Bài có ảnh vuông không khai kích thước',
      published: '2026-11-22T08:00:00+07:00',
      body: 'Ảnh dưới đây không khai kích thước: khung ảnh lấy tỉ lệ của ảnh khi ảnh về.\n\n![Ô vuông xanh](images/o-vuong.svg)\n\nHết.',
    },
    {
      id: 'anh-doc',
      title: 'Bài dài có ảnh dọc ở giữa',
      published: '2026-11-23T08:00:00+07:00',
      body: Array.from({ length: 30 }, (_, i) => `Đoạn ${i + 1}. ${'Chất lượng sinh hoạt chi bộ có nhiều chuyển biến tích cực, duy trì sinh hoạt định kỳ và sinh hoạt chuyên đề. '.repeat(3)}`).join('\n\n') +
        '\n\n![Ảnh dọc](images/anh-doc.svg)\n\n' +
        Array.from({ length: 30 }, (_, i) => `Đoạn sau ${i + 1}. ${'Tạo điều kiện cho các đảng viên có ý kiến, nhất là với các vấn đề có liên quan trực tiếp. '.repeat(3)}`).join('\n\n'),
    },
  ],
};
// A portrait test image: its box grows from 16:9 to 1:3 when it arrives.
const TALL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="1200" viewBox="0 0 400 1200">' +
  '<rect width="400" height="1200" fill="#2e7d32"/></svg>';
// A square test image (written into the served copy only).
const SQUARE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">' +
  '<rect width="400" height="400" fill="#1565c0"/><circle cx="200" cy="200" r="120" fill="#ffca28"/></svg>';

let server; let browser; let dist;
before(async () => {
  dist = copyDist();
  writeFileSync(path.join(dist.dir, 'bundles/images-test.json'), JSON.stringify(testBundle));
  writeFileSync(path.join(dist.dir, 'bundles/images/o-vuong.svg'), SQUARE_SVG);
  writeFileSync(path.join(dist.dir, 'bundles/images/anh-doc.svg'), TALL_SVG);
  server = await startServer(['--dist', dist.dir]);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); dist?.cleanup(); });

const image = (s, src) => (s.images || []).find((i) => i.src === src);

// RGBA pixels of a box of the canvas (CSS px, 2 px inset), at the screenshot's scale.
async function boxPixels(page, box) {
  const [x, y, w, h] = box;
  const shot = await page.screenshot({ clip: { x: x + 2, y: y + 2, width: w - 4, height: h - 4 } });
  return (await screenshotPixels(page, shot)).data;
}
// The box's pixels once `pred(pixels)` holds, or the last ones after `timeout`: the stats
// say "ready" as soon as the image is decoded, and the frame that draws it comes after
// (late on a loaded machine), so a fixed wait before reading the pixels was a race.
async function boxPixelsUntil(page, box, pred, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const px = await boxPixels(page, box);
    if (pred(px) || Date.now() > end) return px;
    await page.waitForTimeout(150);
  }
}
function heroColours(px) {
  const colours = new Set();
  let red = 0;
  for (let i = 0; i < px.length; i += 4) {
    colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
    if (px[i] > 150 && px[i + 1] < 60 && px[i + 2] < 80) red++;
  }
  return { colours: colours.size, red: red / (px.length / 4) };
}
const blueShare = (px) => {
  let blue = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i] < 60 && px[i + 2] > 150) blue++;
  return blue / (px.length / 4);
};

test('the hero image is fetched, decoded and drawn in its box', async () => {
  const { page, context, consoleErrors } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  const s = await statsUntil(page, (x) => image(x, HERO)?.state === 'ready' && image(x, HERO)?.box, 'the hero image');
  const hero = image(s, HERO);
  assert.deepEqual([hero.width, hero.height], [1200, 675], 'natural size of the SVG');
  // Decoded at the width it is drawn at (device px, in steps of 256), not larger.
  assert.ok(hero.texture[0] >= hero.box[2] && hero.texture[0] <= hero.box[2] + 256, `texture ${hero.texture} for a box ${hero.box[2]} px wide`);
  const [, , w, h] = hero.box;
  assert.ok(Math.abs(w / h - 1200 / 675) < 0.01, `the box keeps the image's aspect: ${w}×${h}`);
  // Pixels: the illustration's red backdrop and many colours, not a flat placeholder.
  const px = await boxPixelsUntil(page, hero.box, (p) => { const c = heroColours(p); return c.colours > 50 && c.red > 0.1; });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'image-hero-1280.png') });
  const { colours, red } = heroColours(px);
  assert.ok(colours > 50, `the box shows a picture (${colours} colours)`);
  assert.ok(red > 0.1, `the red backdrop is visible (${(100 * red).toFixed(1)}% of the box)`);
  assert.deepEqual(consoleErrors, []);

  // Another article: the texture is released; back again, it is drawn again.
  await page.evaluate(() => window.postMessage({ type: 'reader:open', id: 'searching' }, location.origin));
  await statsUntil(page, (x) => image(x, HERO)?.state === 'released', 'the texture to be released');
  await page.goBack();
  await statsUntil(page, (x) => image(x, HERO)?.state === 'ready', 'the image again after going back');
  await context.close();
});

test('a sharper copy replaces the texture when the pixel ratio grows, with no placeholder in between', async () => {
  const { page, context } = await openReader(browser, server.url);
  await waitForMessage(page, 'reader:ready');
  let s = await statsUntil(page, (x) => image(x, HERO)?.state === 'ready' && image(x, HERO)?.box, 'the hero image');
  const before = image(s, HERO).texture[0];
  assert.ok(before <= 1024, `decoded for 1x first: ${before}`);
  // Another screen: devicePixelRatio 2 (and a slightly narrower window, so the page's
  // ResizeObserver sees it; emulation does not fire the resolution media query).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1270, height: 900, deviceScaleFactor: 2, mobile: false });
  const end = Date.now() + 15000;
  for (;;) {
    s = await stats(page);
    const img = image(s, HERO);
    assert.equal(img.state, 'ready', 'the old texture stays on screen while the sharper one loads');
    if (img.texture[0] >= 2 * img.box[2]) break;
    assert.ok(Date.now() < end, `no sharper copy: ${JSON.stringify(img)}`);
    await page.waitForTimeout(150);
  }
  assert.equal(await page.evaluate(() => document.getElementById('reader-canvas').width), 2540);
  await context.close();
});

test('a missing image shows the placeholder with its alt text and says it failed', async () => {
  const { page, context } = await openReader(browser, `${server.url}?bundle=bundles/images-test.json#article=anh-thieu`,
    { deviceScaleFactor: 2 });
  await waitForMessage(page, 'reader:ready');
  const s = await statsUntil(page, (x) => image(x, 'images/khong-co-anh-nay.png')?.state === 'failed' &&
    image(x, 'images/khong-co-anh-nay.png')?.box, 'the failure');
  const img = image(s, 'images/khong-co-anh-nay.png');
  assert.match(img.reason, /HTTP 404/);
  const [x, y, w, h] = img.box;
  assert.ok(Math.abs(w / h - 1200 / 675) < 0.01, 'the declared size keeps its box');
  await framesAfter(page, 3);         // the failure is drawn (the stats say it before the frame)
  await page.waitForTimeout(100);     // and that frame reaches the screen
  const shot = path.join(SCREENSHOTS, 'image-missing-placeholder.png');
  await page.screenshot({ path: shot, clip: { x, y, width: w, height: h } });
  const text = ocr(shot).normalize('NFC');
  assert.ok(recall(MISSING_ALT, text) >= 0.7, `alt text on screen: ${JSON.stringify(text)}`);
  assert.ok(recall('Không tải được ảnh', text) >= 0.75, `failure message on screen: ${JSON.stringify(text)}`);
  await context.close();
});

test('an image the service worker has not saved for offline reading says so, not "HTTP 503"', async () => {
  // What web/sw.js answers offline for an image it never cached.
  const prepare = (page) => page.route('**/images/khong-co-anh-nay.png', (route) => route.fulfill({
    status: 503, contentType: 'application/json; charset=utf-8', headers: { 'X-Reader-Offline': '1' },
    body: JSON.stringify({ error: 'offline', kind: 'images', url: route.request().url(), message: 'You are offline' }),
  }));
  const { page, context } = await openReader(browser, `${server.url}?bundle=bundles/images-test.json#article=anh-thieu`,
    { serviceWorkers: 'block', prepare });
  await waitForMessage(page, 'reader:ready');
  const s = await statsUntil(page, (x) => image(x, 'images/khong-co-anh-nay.png')?.state === 'failed', 'the failure');
  const img = image(s, 'images/khong-co-anh-nay.png');
  assert.match(img.reason, /offline, and this image is not saved for offline reading/);
  assert.doesNotMatch(img.reason, /503/);
  await context.close();
});

test('an image without a declared size gets its own aspect once it arrives', async () => {
  const { page, context } = await openReader(browser, `${server.url}?bundle=bundles/images-test.json#article=anh-vuong`);
  await waitForMessage(page, 'reader:ready');
  const s = await statsUntil(page, (x) => image(x, 'images/o-vuong.svg')?.state === 'ready' &&
    Math.abs(image(x, 'images/o-vuong.svg')?.box?.[3] - 400) < 1, 'the square box');
  const img = image(s, 'images/o-vuong.svg');
  assert.deepEqual([img.width, img.height], [400, 400]);
  assert.deepEqual(img.box.slice(2), [400, 400], 'laid out again at the natural size (narrower than the column)');
  const px = await boxPixelsUntil(page, img.box, (p) => blueShare(p) > 0.4);
  assert.ok(blueShare(px) > 0.4, 'the square is drawn');
  await context.close();
});

test('an image above the view that changes size does not move what is being read', async () => {
  // No service worker (so the page's own route can hold the image back for a while).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__readerMessages = [];
    window.addEventListener('message', (e) => { if (e.data && String(e.data.type).startsWith('reader:')) window.__readerMessages.push(e.data); });
  });
  await page.route('**/images/anh-doc.svg', async (route) => { await new Promise((r) => setTimeout(r, 2500)); await route.continue(); });
  await page.goto(`${server.url}?bundle=bundles/images-test.json#article=anh-doc`);
  await waitForMessage(page, 'reader:ready');
  await page.locator('#reader-canvas').click({ position: { x: 1000, y: 500 } });
  await page.keyboard.press('End');
  await statsUntil(page, (x) => x.scrollY > 3000, 'the end of the article');
  // Up a screen at a time until the image is asked for (it is then above the view, loading).
  let s = await stats(page);
  for (let i = 0; i < 12; i++) {
    const from = s.scrollY;
    await page.keyboard.press('PageUp');
    // Judge each press once it has scrolled: after a fixed 250 ms a loaded machine may not
    // have drawn it yet, and the next press then went a screen too far (the image in view).
    s = await statsUntil(page, (x) => x.scrollY < from || x.scrollY === 0, 'PageUp to scroll');
    if (image(s, 'images/anh-doc.svg')) break;
  }
  const asked = image(s, 'images/anh-doc.svg');
  assert.ok(asked && asked.state === 'loading' && !asked.box, `loading above the view: ${JSON.stringify(asked)}`);
  const before = s.scrollY;
  s = await statsUntil(page, (x) => image(x, 'images/anh-doc.svg')?.state === 'ready' && x.scrollY !== before, 'the image and the new scroll position');
  // The box grew from 680×382.5 (16:9, no declared size) to 400×1200: the page under the
  // view moved down by that much, and the scroll followed it.
  assert.ok(Math.abs(s.scrollY - before - (1200 - 382.5)) < 2, `scrollY ${before} → ${s.scrollY}`);
  await context.close();
});

test('hostile image sources are refused: no request leaves for them', async () => {
  const { page, context } = await openReader(browser, `${server.url}?bundle=bundles/images-test.json#article=anh-la`);
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await waitForMessage(page, 'reader:ready');
  const s = await statsUntil(page, (x) => image(x, FOREIGN)?.state === 'failed', 'the foreign image to be refused');
  assert.match(image(s, FOREIGN).reason, /elsewhere\.example is not an allowed origin/);
  // javascript: and data: never reach the image cache (the model drops them).
  assert.deepEqual(s.images.filter((i) => !i.src.startsWith('https://elsewhere')).map((i) => i.src), []);
  assert.deepEqual(requested.filter((u) => /elsewhere|^javascript:|^data:/.test(u)), []);
  // The page's loader refuses them on its own too (defence in depth).
  const reasons = await page.evaluate(async () => {
    const allowed = (o) => o === location.origin;
    const out = [];
    for (const src of ['javascript:alert(1)', 'data:image/png;base64,iVBORw0KGgo=', 'https://elsewhere.example/a.png', '//elsewhere.example/b.png']) {
      try { await window.ReaderImages.load(src, location.href, allowed, 2048); out.push('loaded'); } catch (e) { out.push(e.message); }
    }
    return out;
  });
  assert.match(reasons[0], /javascript: images are not loaded/);
  assert.match(reasons[1], /data: images are not loaded/);
  assert.match(reasons[2], /not an allowed origin/);
  assert.match(reasons[3], /not an allowed origin/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'image-foreign-refused.png') });
  await context.close();
});

test('the hero image is part of the offline app shell', () => {
  const files = readManifest(dist.dir).files;
  assert.ok(files['bundles/images/hoi-nghi.svg'], 'asset-manifest.json lists the image');
});
