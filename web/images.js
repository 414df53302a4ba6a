// Images for the reader's core: fetched under the same origin rules as bundles
// (the page's own origin or configured bundle origins, http(s) only), decoded by the
// browser, and kept as an ImageBitmap until the core uploads it into a WebGL texture
// (wasm/image_cache.cpp takes it with take()). Nothing here touches the DOM tree.
//
// Why ImageBitmap: createImageBitmap decodes off the main thread and texImage2D takes
// the bitmap directly, so the pixels never pass through the wasm heap. SVG is not
// accepted by createImageBitmap from a Blob, so it goes through an <img> (which never
// runs an SVG's scripts nor loads what it links to) and is rasterized once, at a size
// that is sharp at the size it is drawn.
'use strict';

window.ReaderImages = (function () {
  const TIMEOUT_MS = 20000;
  const MAX_BYTES = 32 * 1024 * 1024;
  const MAX_PX = 2048;                  // the longest side of a texture
  const decoded = new Map();            // request → ImageBitmap waiting for the core

  // The absolute URL of `src` if it may be loaded, else throws with the reason.
  function resolve(src, base, allowedOrigin) {
    let url;
    try { url = new URL(src, base); } catch (e) { throw new Error('not a URL'); }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${url.protocol} images are not loaded`);
    if (!allowedOrigin(url.origin)) throw new Error(`${url.origin} is not an allowed origin`);
    return url;
  }

  async function fetchBlob(url) {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
    try {
      const res = await fetch(url, { credentials: 'same-origin', signal: ctrl.signal });
      // The service worker (and serve.py) mark what is not saved for offline reading.
      if (res.headers.get('X-Reader-Offline') === '1') throw new Error('offline, and this image is not saved for offline reading');
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const length = Number(res.headers.get('Content-Length')) || 0;
      if (length > MAX_BYTES) throw new Error('the image is larger than 32 MiB');
      const blob = await res.blob();
      if (blob.size > MAX_BYTES) throw new Error('the image is larger than 32 MiB');
      return blob;
    } catch (e) {
      if (ctrl.signal.aborted) throw new Error(`no answer within ${TIMEOUT_MS / 1000} s`);
      if (e instanceof TypeError) throw new Error(navigator.onLine === false ? 'offline' : 'network error');
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  // The size to decode at: `widthPx` wide (the box in device pixels) unless the image is
  // narrower (bitmaps are never enlarged; SVG is drawn at any size), within MAX_PX.
  function fitted(w, h, widthPx, enlarge) {
    let s = widthPx / w;
    if (!enlarge) s = Math.min(1, s);
    s = Math.min(s, MAX_PX / Math.max(w, h));
    return [Math.max(1, Math.round(w * s)), Math.max(1, Math.round(h * s))];
  }

  async function decodeSvg(blob, widthPx) {
    const objectUrl = URL.createObjectURL(blob.type === 'image/svg+xml' ? blob : new Blob([blob], { type: 'image/svg+xml' }));
    try {
      const img = new Image();
      img.decoding = 'async';
      img.src = objectUrl;
      try { await img.decode(); } catch (e) { throw new Error('the SVG file could not be read'); }
      // An SVG without width/height has no natural size: 16:9 as the layout assumes.
      const w = img.naturalWidth || 1600; const h = img.naturalHeight || 900;
      const [tw, th] = fitted(w, h, widthPx, true);
      const canvas = new OffscreenCanvas(tw, th);
      canvas.getContext('2d').drawImage(img, 0, 0, tw, th);
      return { source: canvas.transferToImageBitmap(), width: w, height: h };
    } finally {
      URL.revokeObjectURL(objectUrl);
    }
  }

  async function decodeBitmap(blob, widthPx) {
    let bitmap;
    try {
      bitmap = await createImageBitmap(blob, { premultiplyAlpha: 'none' });
    } catch (e) {
      throw new Error(blob.type && !blob.type.startsWith('image/') ? `not an image (${blob.type})` : 'the image could not be decoded');
    }
    const w = bitmap.width; const h = bitmap.height;
    const [tw, th] = fitted(w, h, widthPx, false);
    if (tw === w && th === h) return { source: bitmap, width: w, height: h };
    // Scaled by the browser (off the main thread, good filtering): less to upload and keep.
    const small = await createImageBitmap(bitmap, { resizeWidth: tw, resizeHeight: th, resizeQuality: 'high', premultiplyAlpha: 'none' });
    bitmap.close();
    return { source: small, width: w, height: h };
  }

  // Fetches and decodes `src` (relative to `base`) for drawing `widthPx` device pixels
  // wide; resolves with {source, width, height} (natural size), rejects with an Error
  // whose message says why.
  async function load(src, base, allowedOrigin, widthPx) {
    const url = resolve(src, base, allowedOrigin);
    const blob = await fetchBlob(url);
    const svg = /svg/i.test(blob.type) || (/\.svg$/i.test(url.pathname) && !/^image\//.test(blob.type));
    const want = Math.max(64, Math.min(MAX_PX, Number(widthPx) || MAX_PX));
    return svg ? decodeSvg(blob, want) : decodeBitmap(blob, want);
  }

  return {
    load,
    // Kept until the core takes it (or discards it) by request id.
    keep(request, source) { decoded.set(request, source); },
    take(request) { const s = decoded.get(request) || null; decoded.delete(request); return s; },
  };
})();
