// Updates (issue 7): a new version installs in the background into its own cache,
// verified file by file against asset-manifest.json; a deployment caught half-way
// never installs; the reader offers "reload to update"; after the reload every file
// is of the new version, in every open tab, and the old version's cache is gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, waitForMessage } from './harness.mjs';
import { copyDist, makeVersion, newPage, waitForController, swStatus, readManifest } from './pwa_support.mjs';

let browser; let server; let live;

before(async () => {
  live = copyDist();               // the "server's folder": version A, then B
  server = await startServer(['--dist', live.dir]);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); live?.cleanup(); });

// Asks the worker to look for an update; resolves with how the new worker ended up.
async function checkForUpdate(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const settled = new Promise((resolve) => {
      reg.addEventListener('updatefound', () => {
        const w = reg.installing;
        w.addEventListener('statechange', () => { if (w.state === 'redundant' || w.state === 'installed') resolve(w.state); });
      }, { once: true });
      setTimeout(() => resolve('no update found'), 45000);
    });
    await reg.update().catch(() => {});
    return settled;
  });
}

// Every shell file as the page gets it now (through the worker), against a manifest.
async function filesNotMatching(page, manifest) {
  return page.evaluate(async (files) => {
    const wrong = [];
    for (const [rel, want] of Object.entries(files)) {
      if (rel === 'reader-config.json' || rel === 'embed-example.html' || rel.startsWith('embed/')) continue;
      const buf = await (await fetch(rel)).arrayBuffer();
      const d = new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
      const got = Array.from(d.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
      if (got !== want) wrong.push(`${rel}: ${got} != ${want}`);
    }
    return wrong;
  }, manifest.files);
}

test('an update installs whole or not at all, is offered, and after the reload every file is of the new version', async () => {
  const A = readManifest(live.dir);
  const first = await newPage(browser, { locale: 'vi-VN' });
  const page = first.page;
  await page.goto(server.url);
  await waitForMessage(page, 'reader:ready');
  await waitForController(page);
  assert.equal((await swStatus(page)).version, A.version);

  // Version B changes the HTML, the script and the style sheet.
  const read = (rel) => readFileSync(path.join(live.dir, rel), 'utf8');
  const changes = {
    'index.html': read('index.html').replace('</head>', '<meta name="app-version" content="B">\n</head>'),
    'app.js': read('app.js') + '\n;window.__appVersion = "B";\n',
    'style.css': read('style.css') + '\n/* version B */\n',
  };

  // Half-deployed: the new manifest and sw.js are out, the new style.css is not yet.
  const B = makeVersion(live.dir, changes, { skipWrite: ['style.css'] });
  assert.equal(await checkForUpdate(page), 'redundant', 'a version whose files do not match their hashes is not installed');
  assert.equal((await swStatus(page)).version, A.version);
  assert.equal(await page.locator('[data-notice="update"]').count(), 0, 'nothing is offered');

  // The deployment completes: B installs in the background and is offered.
  writeFileSync(path.join(live.dir, 'style.css'), changes['style.css']);
  assert.equal(await checkForUpdate(page), 'installed');
  const notice = page.locator('#pwa-notices [data-notice="update"]');
  await notice.waitFor({ state: 'visible' });
  assert.match(await notice.textContent(), /Có phiên bản mới — tải lại để cập nhật/);
  assert.equal(await notice.getAttribute('lang'), 'vi');

  // Until asked, pages keep version A, whole: this one, and a new tab.
  assert.equal(await page.evaluate(() => window.__appVersion), undefined);
  assert.deepEqual(await filesNotMatching(page, A), []);
  const second = await first.context.newPage();
  await second.goto(server.url);
  await second.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.equal(await second.evaluate(() => window.__appVersion), undefined, 'a new tab still opens version A');
  await second.locator('[data-notice="update"]').waitFor({ state: 'visible' });

  // "Tải lại" by keyboard: both tabs reload into version B.
  const secondReloaded = second.waitForEvent('load');
  await page.locator('[data-notice="update"] .pwa-action').focus();
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await secondReloaded;
  await waitForMessage(page, 'reader:ready');
  for (const p of [page, second]) {
    assert.equal(await p.evaluate(() => window.__appVersion), 'B');
    assert.equal(await p.locator('meta[name="app-version"]').getAttribute('content'), 'B');
  }
  const status = await swStatus(page);
  assert.equal(status.version, B.version);
  assert.ok(status.caches.includes(`reader-shell-${B.version}`));
  assert.ok(!status.caches.includes(`reader-shell-${A.version}`), 'the old version\'s cache is removed after the new one is complete');
  assert.deepEqual(await filesNotMatching(page, B), []);
  assert.deepEqual(first.consoleErrors, []);
  await first.context.close();
});
