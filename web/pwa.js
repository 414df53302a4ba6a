// The page side of offline use: registers the service worker (sw.js), tells the
// reader when a new version is ready ("reload to update") and when the network is
// gone, in an accessible DOM notice over the canvas. Independent of app.js.
'use strict';

(function () {
  // The interface language: the reader's own choice when it has published it on
  // <html data-ui-lang>, else the browser's (the page's lang attribute is the
  // article's language, not the interface's). Read when a notice is shown.
  const STRINGS = {
    vi: {
      update: 'Có phiên bản mới — tải lại để cập nhật',
      reload: 'Tải lại',
      offline: 'Bạn đang ngoại tuyến — các bài đã mở vẫn đọc được.',
      close: 'Đóng thông báo',
      region: 'Thông báo',
    },
    en: {
      update: 'A new version is ready — reload to update',
      reload: 'Reload',
      offline: 'You are offline — articles you have opened still work.',
      close: 'Close notice',
      region: 'Notices',
    },
  };
  function uiLang() {
    const chosen = document.documentElement.dataset.uiLang || navigator.language || 'vi';
    return /^vi\b/i.test(chosen) ? 'vi' : 'en';
  }
  function strings() { return STRINGS[uiLang()]; }
  const embedded = new URLSearchParams(location.search).get('embed') === '1';

  // ------------------------------------------------------------------ notices
  // One polite live region that exists from the start (screen readers announce what is
  // added to a region they already know), each notice a small card inside it. The
  // style sheet comes only when a notice is first shown, so it costs nothing until then.
  let region = null;
  let styled = null;
  function ensureRegion() {
    if (region) return region;
    region = document.createElement('div');
    region.id = 'pwa-notices';
    region.className = 'pwa-notices';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('aria-label', strings().region);
    document.body.appendChild(region);
    return region;
  }
  function ensureStyle() {
    if (!styled) {
      styled = new Promise((resolve) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = 'pwa.css';
        link.onload = link.onerror = () => resolve();
        document.head.appendChild(link);
      });
    }
    return styled;
  }

  const notices = new Map();
  async function showNotice(id, text, action) {
    ensureRegion();
    await ensureStyle();
    hideNotice(id);
    const card = document.createElement('div');
    card.className = 'pwa-notice';
    card.lang = uiLang();
    card.dataset.notice = id;
    const p = document.createElement('p');
    p.textContent = text;
    card.appendChild(p);
    if (action) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'pwa-action';
      b.textContent = action.label;
      b.addEventListener('click', action.run);
      card.appendChild(b);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'pwa-close';
    close.setAttribute('aria-label', strings().close);
    close.textContent = '×';
    close.addEventListener('click', () => hideNotice(id));
    card.appendChild(close);
    card.addEventListener('keydown', (e) => { if (e.key === 'Escape') hideNotice(id); });
    region.appendChild(card);
    notices.set(id, card);
  }
  function hideNotice(id) {
    const card = notices.get(id);
    if (card) { card.remove(); notices.delete(id); }
  }

  ensureRegion();

  // ------------------------------------------------------------------ offline notice
  // Not in the chrome-less embedded reader: the host page owns its chrome (failed loads
  // still come to it as reader:error).
  function onNetworkChange() {
    if (embedded) return;
    if (navigator.onLine === false) showNotice('offline', strings().offline);
    else hideNotice('offline');
  }
  window.addEventListener('offline', onNetworkChange);
  window.addEventListener('online', onNetworkChange);
  if (navigator.onLine === false) onNetworkChange();

  // ------------------------------------------------------------------ service worker
  const sw = navigator.serviceWorker;
  if (!sw || !window.isSecureContext) {
    window.readerPwa = { supported: false };
    return;
  }
  let controlled = Boolean(sw.controller);
  let reloading = false;      // this page asked the waiting worker to take over
  let reloadStarted = false;

  function offerUpdate(worker) {
    // Embedded readers do not put a prompt in the host's page: the new version is
    // used the next time the reader is opened with no old copy running.
    if (embedded || !worker) return;
    showNotice('update', strings().update, {
      label: strings().reload,
      run: () => {
        reloading = true;
        worker.postMessage({ type: 'SKIP_WAITING' });
      },
    });
  }

  // A new worker took over. If this page ran an older version, reload it so that it
  // never keeps using files of one version with a worker of another; on the very
  // first visit (no worker before) there is nothing old to replace.
  sw.addEventListener('controllerchange', () => {
    if (controlled || reloading) {
      if (!reloadStarted) { reloadStarted = true; location.reload(); }
      return;
    }
    controlled = true;
    keepFirstVisit();
  });

  // The first visit's files were fetched before any worker ran: hand their URLs to it
  // so the bundle and images already read also open offline.
  function keepFirstVisit() {
    if (!sw.controller) return;
    const urls = performance.getEntriesByType('resource')
      .filter((e) => e.initiatorType === 'fetch' || e.initiatorType === 'img' || e.initiatorType === 'other')
      .map((e) => e.name);
    if (urls.length) sw.controller.postMessage({ type: 'CACHE_URLS', urls });
  }

  function watch(reg) {
    if (reg.waiting && sw.controller) offerUpdate(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && sw.controller) offerUpdate(worker);
      });
    });
    // Look for a new version when the reader comes back into view and every hour.
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') reg.update().catch(() => {}); });
    window.addEventListener('online', () => reg.update().catch(() => {}));
    setInterval(() => reg.update().catch(() => {}), 60 * 60 * 1000);
  }

  let registered = null;
  function register() {
    registered = sw.register('sw.js', { scope: './', updateViaCache: 'none' })
      .then((reg) => { watch(reg); return reg; })
      .catch((e) => { console.info('service worker not registered:', e && e.message || e); return null; });
    return registered;
  }
  // Only once the first article is on screen (or failed to be): the worker's install
  // downloads the shell again (mostly 304s from the HTTP cache) and must not compete
  // with the first view. An embedded reader posts to its host, not to itself: there a
  // timer stands in for reader:ready.
  function registerWhenIdle() {
    const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 200));
    idle(() => { if (!registered) register(); }, { timeout: 3000 });
  }
  let firstView = false;
  let loaded = false;
  const onMessage = (e) => {
    const m = e.data;
    if (e.origin !== location.origin || !m || (m.type !== 'reader:ready' && m.type !== 'reader:error')) return;
    window.removeEventListener('message', onMessage);
    firstView = true;
    if (loaded) registerWhenIdle();
  };
  window.addEventListener('message', onMessage);
  function onLoad() {
    loaded = true;
    if (firstView) registerWhenIdle();
    setTimeout(registerWhenIdle, embedded ? 3000 : 15000);
  }
  if (document.readyState === 'complete') onLoad();
  else window.addEventListener('load', onLoad, { once: true });

  // For tests and diagnostics: the active worker's version and caches.
  window.readerPwa = {
    supported: true,
    registration: () => registered || register(),
    status: async () => {
      const reg = await sw.ready;
      return new Promise((resolve) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = (e) => resolve(e.data);
        reg.active.postMessage({ type: 'GET_STATUS' }, [ch.port2]);
      });
    },
  };
})();
