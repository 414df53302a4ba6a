// The accessible mirror: what the canvas shows, as real DOM text. The core sends its
// escaped HTML export of the page (article with headings, lists, tables, image alt
// text and captions, comments; the other articles; announcements; search results while
// the reader's search is open) and this script puts it in a visually hidden region, in
// reading order with landmarks, so that screen readers, the browser's own find,
// translation extensions and search engines reach the text. It also owns the polite
// live region that announces status ("12 kết quả", loading, errors).
//
// The HTML comes from the core, already escaped; it is still parsed inertly
// (DOMParser: no script runs, nothing is fetched while parsing) and filtered before it
// is adopted, and no inline script or style is used, so a strict CSP holds.
'use strict';

(function () {
  const mirror = document.getElementById('mirror');
  const live = document.getElementById('live-status');
  const canvas = document.getElementById('reader-canvas');
  const searchBox = document.createElement('div');       // search results, first in reading order
  searchBox.id = 'mirror-search';
  const pageBox = document.createElement('div');          // the article, other news, announcements
  pageBox.id = 'mirror-page';
  const settingsBox = document.createElement('div');      // display settings, reachable by Tab
  settingsBox.id = 'mirror-settings';
  mirror.replaceChildren(searchBox, pageBox, settingsBox);

  // The reader's settings drawn in the canvas are reached by Tab there too; these
  // buttons give the text version the theme, through the same host message
  // (reader:theme) an embedding page uses. Their labels come from the core's string
  // table in the interface language (app.js attaches `strings`).
  let uiStrings = null;
  function buildSettings() {
    const t = uiStrings && uiStrings();
    if (!t || !Array.isArray(t.themes)) return;
    const region = document.createElement('section');
    region.setAttribute('aria-labelledby', 'mirror-settings-title');
    const h = document.createElement('h2');
    h.id = 'mirror-settings-title';
    h.textContent = t.settings;
    const group = document.createElement('div');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', t.theme);
    for (const [id, label] of t.themes) {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.theme = id;
      b.textContent = label;
      b.addEventListener('click', () => window.postMessage({ type: 'reader:theme', theme: id }, location.origin));
      group.append(b);
    }
    region.append(h, group);
    settingsBox.replaceChildren(region);
  }

  const parser = new DOMParser();
  const DROP = 'script,style,iframe,frame,object,embed,link,meta,base,form,template,svg,math';

  // Core HTML → nodes of this document. Defence in depth: the export never writes
  // these, but a mirror must never become a way to run or fetch anything.
  function toNodes(html) {
    const doc = parser.parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
    doc.querySelectorAll(DROP).forEach((n) => n.remove());
    for (const el of doc.body.querySelectorAll('*')) {
      for (const a of Array.from(el.attributes)) {
        const name = a.name.toLowerCase();
        if (name.startsWith('on') || name === 'style' || name === 'srcset') el.removeAttribute(a.name);
        else if ((name === 'href' || name === 'src') && /^\s*(javascript|data|vbscript):/i.test(a.value)) el.removeAttribute(a.name);
      }
      // Images are read by their alt text; the canvas shows the pixels, so the mirror
      // fetches nothing (the image rules of the core stay the only way images load).
      if (el.tagName === 'IMG') {
        // No pixels here, so no reserved box either: the alt text reads in the flow.
        for (const n of ['src', 'width', 'height', 'loading', 'decoding']) el.removeAttribute(n);
      }
      // Links leave the mirror only for a new tab, like the canvas's own links.
      if (el.tagName === 'A' && /^https?:/i.test(el.getAttribute('href') || '')) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      }
    }
    // A copy of the list first: adopting a node removes it from the live childNodes.
    return Array.from(doc.body.childNodes).map((n) => document.adoptNode(n));
  }

  // Focus that was in the mirror when the node holding it was replaced falls to the
  // body: it still counts as in the mirror, so it is put back there.
  let focusInMirror = false;
  mirror.addEventListener('focusin', () => { focusInMirror = true; });
  mirror.addEventListener('focusout', (e) => { if (e.relatedTarget && !mirror.contains(e.relatedTarget)) focusInMirror = false; });
  function focusInside() {
    const a = document.activeElement;
    return mirror.contains(a) || (focusInMirror && (!a || a === document.body));
  }
  function focusMain() {
    const main = document.getElementById('mirror-main');
    if (main && !mirror.contains(document.activeElement)) main.focus({ preventScroll: true });
  }

  function setMirror(html) {
    const hadFocus = focusInside();
    if (!settingsBox.contains(document.activeElement)) buildSettings();   // in the interface language (it may have changed)
    pageBox.replaceChildren(...toNodes(html));
    // A link followed inside the mirror replaced the page: keep the reader of the
    // text version at the new article rather than dropping focus to the body.
    if (hadFocus) {
      focusMain();
      // The core may still move focus while it opens the article (its search field):
      // the reader of the text version stays in the text version.
      requestAnimationFrame(() => setTimeout(focusMain, 0));
    }
  }

  function setSearch(html) {
    const hadFocus = focusInside();
    searchBox.replaceChildren(...(html ? toNodes(html) : []));
    if (hadFocus) focusMain();      // a result followed from the text version closes the search
  }

  // Polite announcements: emptied first so the same text twice is announced twice.
  let announceTimer = 0;
  function announce(text) {
    clearTimeout(announceTimer);
    live.textContent = '';
    announceTimer = setTimeout(() => { live.textContent = text; }, 60);
  }

  // Search results follow the query in the hash (&q=), which the core keeps current.
  let searchSummary = null;               // set by app.js: query → {total, label, html}
  let lastQuery = null;
  let searchTimer = 0;
  function hashChanged(hash, again) {
    const q = new URLSearchParams(String(hash || '').replace(/^#/, '')).get('q') || '';
    if (q === lastQuery && !again) return;
    lastQuery = q;
    clearTimeout(searchTimer);
    if (!q) { setSearch(''); return; }
    // Typing changes the hash on every key: answer once the typing pauses.
    searchTimer = setTimeout(() => {
      if (!searchSummary) return;
      const s = searchSummary(q);
      if (!s) return;
      setSearch(s.html);
      announce(s.label);
    }, 350);
  }

  // The browser's find (window.find, and the find bar once it selects its match) selects
  // text in the text version, which nobody sees: the canvas scrolls to the same place
  // of the article. The place is the text and which of its occurrences it is in the
  // article's text version; the core finds the same one in the article.
  let revealText = null;                  // set by app.js: (text, nth) → the canvas scrolls
  let revealTimer = 0;
  document.addEventListener('selectionchange', () => {
    clearTimeout(revealTimer);
    revealTimer = setTimeout(() => {
      const sel = document.getSelection();
      const main = document.getElementById('mirror-main');
      if (!revealText || !main || !sel || sel.isCollapsed || !sel.rangeCount) return;
      const range = sel.getRangeAt(0);
      if (!main.contains(range.startContainer)) return;
      const text = sel.toString().trim();
      if (!text || text.length > 300) return;
      const before = document.createRange();
      before.setStart(main, 0);
      before.setEnd(range.startContainer, range.startOffset);
      const prefix = before.toString().toLocaleLowerCase();
      const needle = text.toLocaleLowerCase();
      let nth = 0;
      for (let i = prefix.indexOf(needle); i >= 0; i = prefix.indexOf(needle, i + 1)) nth++;
      revealText(text, nth);
    }, 50);
  });

  // Keyboard: Esc in the text version goes back to the canvas.
  mirror.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); canvas.focus({ preventScroll: true }); }
  });

  // The search panel's options changed: the same query, answered again with them.
  function refreshSearch() { hashChanged(location.hash, true); }

  window.ReaderMirror = {
    setMirror, setSearch, announce, hashChanged, refreshSearch,
    attach(fns) {
      searchSummary = fns.searchSummary;
      uiStrings = fns.strings;
      revealText = fns.revealText;
      buildSettings();
    },
  };
})();
