// Installable (issue 7): the web manifest has what an install needs (names, icons of
// 192 and 512 pixels and a maskable one, start URL in scope, standalone display,
// theme colours) and Chromium, once the service worker runs, reports no
// installability error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, waitForMessage } from './harness.mjs';
import { newPage, waitForController } from './pwa_support.mjs';

let server; let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the web manifest describes an installable app, with icons that exist', async () => {
  const res = await fetch(`${server.url}manifest.webmanifest`);
  assert.equal(res.headers.get('content-type'), 'application/manifest+json');
  const m = await res.json();
  assert.ok(m.name && m.short_name && m.short_name.length <= 12);
  assert.equal(m.display, 'standalone');
  assert.ok(new URL(m.start_url, server.url).href.startsWith(new URL(m.scope, server.url).href));
  assert.match(m.theme_color, /^#[0-9a-f]{6}$/i);
  assert.match(m.background_color, /^#[0-9a-f]{6}$/i);
  const sizes = new Set(m.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes));
  assert.ok(sizes.has('192x192') && sizes.has('512x512'));
  assert.ok(m.icons.some((i) => (i.purpose || '').split(' ').includes('maskable')), 'a maskable icon');
  for (const icon of m.icons) {
    const r = await fetch(new URL(icon.src, server.url));
    assert.equal(r.status, 200, icon.src);
    assert.equal(r.headers.get('content-type'), icon.type, icon.src);
    const bytes = Buffer.from(await r.arrayBuffer());
    if (icon.type === 'image/png') {
      const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
      assert.equal(`${w}x${h}`, icon.sizes, `${icon.src} is ${w}x${h}`);
    }
  }
});

test('Chromium finds no installability error once the service worker runs', async () => {
  const { page, context } = await newPage(browser);
  await page.goto(server.url);
  await waitForMessage(page, 'reader:ready');
  await waitForController(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are off the record, which alone forbids installing.
  assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  await context.close();
});
