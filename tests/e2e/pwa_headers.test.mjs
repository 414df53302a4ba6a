// The headers of serve.py (docs/deploy/HEADERS.md): MIME types, a strict CSP whose
// frame-ancestors are the trusted origins, no-cache for what names the version,
// content ETags with 304s, gzip, CORS only for trusted origins, and no file outside
// the staged folder or listing of a folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { freePort } from './harness.mjs';
import { startServerOn } from './pwa_support.mjs';

const TRUSTED = 'http://portal.test:8080';
let server;
before(async () => { server = await startServerOn(await freePort(), ['--trust-origin', TRUSTED]); });
after(() => server?.stop());

// A raw GET (fetch would decompress and hide Content-Encoding).
function get(pathname, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: pathname, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('every file has its MIME type and the security headers', async () => {
  const types = {
    '/': 'text/html; charset=utf-8', '/app.js': 'text/javascript; charset=utf-8', '/reader.wasm': 'application/wasm',
    '/style.css': 'text/css; charset=utf-8', '/manifest.webmanifest': 'application/manifest+json',
    '/bundles/default.json': 'application/json; charset=utf-8', '/fonts/NotoSerif-Regular.ttf': 'font/ttf',
    '/icons/icon.svg': 'image/svg+xml', '/icons/icon-192.png': 'image/png', '/sw.js': 'text/javascript; charset=utf-8',
  };
  for (const [p, type] of Object.entries(types)) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers['content-type'], type, p);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', p);
    assert.equal(r.headers['referrer-policy'], 'strict-origin-when-cross-origin', p);
    const csp = r.headers['content-security-policy'];
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/, p);
    assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/, p);
    assert.match(csp, /object-src 'none'/, p);
    assert.match(csp, /base-uri 'none'/, p);
    assert.match(csp, new RegExp(`frame-ancestors 'self' ${TRUSTED}$`), p);
  }
});

test('what names the version is never cached stale; other files revalidate by content ETag', async () => {
  for (const p of ['/', '/index.html', '/sw.js', '/asset-manifest.json', '/reader-config.json', '/manifest.webmanifest', '/reader.wasm']) {
    assert.equal((await get(p)).headers['cache-control'], 'no-cache', p);
  }
  const first = await get('/app.js');
  assert.match(first.headers.etag, /^"[0-9a-f]{16}"$/);
  const again = await get('/app.js', { 'If-None-Match': first.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
});

test('text and wasm are sent gzipped to clients that accept it', async () => {
  const plain = await get('/reader.wasm');
  const gz = await get('/reader.wasm', { 'Accept-Encoding': 'gzip, br' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(gz.body.length < plain.body.length * 0.7, `${gz.body.length} of ${plain.body.length} bytes`);
  assert.match(gz.headers.vary, /Accept-Encoding/);
});

test('bundles are shared with trusted origins only; the configuration lists them', async () => {
  assert.equal((await get('/bundles/default.json', { Origin: TRUSTED })).headers['access-control-allow-origin'], TRUSTED);
  assert.equal((await get('/bundles/default.json', { Origin: 'http://evil.test' })).headers['access-control-allow-origin'], undefined);
  assert.equal((await get('/app.js', { Origin: TRUSTED })).headers['access-control-allow-origin'], undefined);
  const cfg = JSON.parse((await get('/reader-config.json')).body);
  assert.ok(cfg.trustedOrigins.includes(TRUSTED) && cfg.bundleOrigins.includes(TRUSTED));
});

test('nothing outside the staged folder, no dot files, no folder listings', async () => {
  for (const p of ['/../serve.py', '/%2e%2e/serve.py', '/..%2fserve.py', '/fonts/', '/.git/config', '/nope.json']) {
    assert.equal((await get(p)).status, 404, p);
  }
  const r = await get('/fonts');
  assert.equal(r.status, 301);
});
