// Host script of the embedding example (embed-example.html): puts the reader in the
// iframe, keeps the iframe as tall as the reader's content (reader:resize), drives
// reader:open / reader:search / reader:theme / reader:stats and shows the answers.
// Everything a portal needs is in the first block; the rest is the demo's controls.
'use strict';

(function () {
  // ---------------------------------------------------------------- the embedding itself
  const frame = document.getElementById('reader');
  const params = new URLSearchParams(location.search);
  let readerUrl = new URL('index.html', location.href);
  try {
    const asked = params.get('reader');
    if (asked) {
      const u = new URL(asked, location.href);
      if (u.protocol === 'https:' || u.protocol === 'http:') readerUrl = u;
    }
  } catch (e) { /* keep the default */ }
  readerUrl.searchParams.set('embed', '1');
  if (params.get('article')) readerUrl.hash = 'article=' + encodeURIComponent(params.get('article'));
  const readerOrigin = readerUrl.origin;
  const MIN_HEIGHT = 240;

  // Answers only from the reader in our own iframe: check the origin and the window.
  window.readerAnswers = [];   // every answer, for the page's own use (and tests)
  window.addEventListener('message', (e) => {
    if (e.origin !== readerOrigin || e.source !== frame.contentWindow) return;
    const m = e.data;
    if (!m || typeof m !== 'object' || typeof m.type !== 'string' || !m.type.startsWith('reader:')) return;
    window.readerAnswers.push(m);
    if (m.type === 'reader:resize' && Number.isFinite(m.height) && m.height > 0) {
      frame.style.height = Math.max(MIN_HEIGHT, Math.ceil(m.height)) + 'px';
    }
    show(m);
  });
  frame.src = readerUrl.href;   // after the listener: reader:ready is never missed

  function send(message) {
    frame.contentWindow.postMessage(message, readerOrigin);
    logLine('→ ' + JSON.stringify(message), 'sent');
  }

  // ---------------------------------------------------------------- the demo's controls
  const log = document.getElementById('log');
  const results = document.getElementById('results');

  function logLine(text, kind) {
    const li = document.createElement('li');
    li.className = kind;
    li.textContent = text;           // never HTML from a message
    log.prepend(li);
    while (log.children.length > 60) log.lastElementChild.remove();
  }

  function show(m) {
    if (m.type === 'reader:resize') return;    // many of them; the frame's height shows it
    logLine('← ' + JSON.stringify(m), 'received');
    if (m.type === 'reader:results') {
      const h = document.createElement('p');
      h.textContent = `“${m.query}”: ${m.total}`;
      const ol = document.createElement('ol');
      for (const hit of (Array.isArray(m.hits) ? m.hits : []).slice(0, 10)) {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = hit.title || hit.id;
        b.addEventListener('click', () => send({ type: 'reader:open', id: String(hit.id) }));
        const s = document.createElement('div');
        s.textContent = hit.snippet || '';
        li.append(b, s);
        ol.appendChild(li);
      }
      results.replaceChildren(h, ol);
    }
  }

  document.getElementById('open-form').addEventListener('submit', (e) => {
    e.preventDefault();
    send({ type: 'reader:open', id: document.getElementById('open-id').value.trim() });
  });
  document.getElementById('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    send({ type: 'reader:search', query: document.getElementById('search-query').value,
      diacritics: document.getElementById('search-diacritics').checked });
  });
  document.getElementById('theme-form').addEventListener('submit', (e) => {
    e.preventDefault();
    send({ type: 'reader:theme', theme: document.getElementById('theme').value });
  });
  document.getElementById('stats').addEventListener('click', () => send({ type: 'reader:stats' }));
})();
