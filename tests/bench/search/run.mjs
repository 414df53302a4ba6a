// Search benchmark: our engine (wasm under node, and native) against MiniSearch 7.2 and
// FlexSearch 0.8 on the corpus of ../shared/corpus/, with one query set made here from
// titles (2–4 consecutive syllables) in the five typing variants of issue 5.
//
//   node --expose-gc tests/bench/search/run.mjs [--corpus DIR] [--per-variant N]
//        [--js-sample N] [--engines reader-wasm,reader-native,minisearch,flexsearch]
//        [--runs N] [--out FILE.json]
//
// Needs: the drivers built by tests/bench/search/build.sh (build/bench-search/), and the
// npm packages minisearch and flexsearch resolvable from the working directory or
// NODE_PATH. Skips (exit 0, with a message) when the corpus folder is absent.
//
// Relevance: a query "hits" when the source article, or any article whose title holds
// the same syllables in the same order (compared folded), is ranked at 1 (recall@1)
// or in the top 10 (recall@10); "strict" counts the source article only.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf('--' + name);
  return i >= 0 ? args[i + 1] : def;
};
const corpusDir = opt('corpus', path.resolve(root, '../shared/corpus'));
const perVariant = +opt('per-variant', 1000);
const jsSample = +opt('js-sample', 200);
const runs = +opt('runs', 3);
const engines = opt('engines', 'reader-wasm,reader-native,minisearch,flexsearch').split(',');
const outFile = opt('out', path.join(os.tmpdir(), 'search-bench-results.json'));
const buildDir = path.resolve(root, 'build/bench-search');

const articlesGz = path.join(corpusDir, 'articles.jsonl.gz');
if (!fs.existsSync(articlesGz)) {
  console.log(`SKIP: corpus not found at ${articlesGz} (benchmarks need ../shared/corpus)`);
  process.exit(0);
}

// ------------------------------------------------------------------ corpus
const plainPath = path.join(os.tmpdir(), 'search-bench-articles.jsonl');
if (!fs.existsSync(plainPath) || fs.statSync(plainPath).mtimeMs < fs.statSync(articlesGz).mtimeMs) {
  fs.writeFileSync(plainPath, zlib.gunzipSync(fs.readFileSync(articlesGz)));
}
const articles = fs.readFileSync(plainPath, 'utf8').split('\n').filter((l) => l.length > 1).map((l) => {
  const a = JSON.parse(l);
  return { id: String(a.id), title: a.title || '', sapo: a.sapo || '', body: a.body || '' };
});
const textBytes = articles.reduce((s, a) => s + Buffer.byteLength(a.title) + Buffer.byteLength(a.sapo) + Buffer.byteLength(a.body), 0);
console.log(`${articles.length} articles, ${(textBytes / 1e6).toFixed(1)} MB of text`);

// ------------------------------------------------------------------ queries
const TONES = '\u0300\u0301\u0303\u0309\u0323';
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐÐƉɖ]/g, 'd').toLowerCase();
const words = (s) => s.normalize('NFC').split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => /[\p{L}\p{N}]/u.test(w));
function mulberry32(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Old <-> new tone placement on oa / oe / uy (not after q, where u belongs to "qu").
function swapTone(word) {
  const d = word.normalize('NFD');
  let s = d.replace(new RegExp(`(?<![qQ])([oOuU])([${TONES}])([aAeEyY])`, 'u'), (m, v, t, n) =>
    ((v === 'o' || v === 'O') && /[aAeE]/.test(n)) || ((v === 'u' || v === 'U') && /[yY]/.test(n)) ? v + n + t : m);
  if (s === d) {
    s = d.replace(new RegExp(`(?<![qQ])([oOuU])([aAeEyY])([${TONES}])$`, 'u'), (m, v, n, t) =>
      ((v === 'o' || v === 'O') && /[aAeE]/.test(n)) || ((v === 'u' || v === 'U') && /[yY]/.test(n)) ? v + t + n : m);
  }
  return s.normalize('NFC');
}
const VARIANTS = {
  written: (q) => q,
  no_diacritics: (q) => q.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'),
  d_for_dd: (q) => q.replace(/đ/g, 'd').replace(/Đ/g, 'D'),
  tone_placement: (q) => q.split(' ').map(swapTone).join(' '),
  nfd: (q) => q.normalize('NFD'),
};
const titleWords = articles.map((a) => words(a.title));
const queries = [];
{
  const rand = mulberry32(20240517);
  for (const [variant, transform] of Object.entries(VARIANTS)) {
    let made = 0;
    for (let attempt = 0; made < perVariant && attempt < perVariant * 400; ++attempt) {
      const doc = Math.floor(rand() * articles.length);
      const w = titleWords[doc];
      if (w.length < 2) continue;
      const len = Math.min(w.length, 2 + Math.floor(rand() * 3));
      const start = Math.floor(rand() * (w.length - len + 1));
      const written = w.slice(start, start + len).join(' ');
      const text = transform(written);
      if (variant !== 'written' && text === written) continue;
      queries.push({ variant, doc, written, text });
      ++made;
    }
  }
}
const queryFile = path.join(os.tmpdir(), 'search-bench-queries.tsv');
fs.writeFileSync(queryFile, queries.map((q) => `${q.variant}\t${q.doc}\t${q.text.replace(/[\t\n]/g, ' ')}`).join('\n') + '\n');
console.log(`${queries.length} queries (${perVariant} per variant)`);

// ------------------------------------------------------------------ scoring
const foldedTitles = titleWords.map((w) => ' ' + w.map(fold).join(' ') + ' ');
function relevant(q, doc, strict) {
  if (doc === q.doc) return true;
  if (strict) return false;
  return foldedTitles[doc] !== undefined && foldedTitles[doc].includes(' ' + words(q.written).map(fold).join(' ') + ' ');
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
function score(name, tops, times, subset) {
  const rows = {};
  const all = { n: 0, r1: 0, r10: 0, s1: 0, s10: 0 };
  subset.forEach((qi, k) => {
    const q = queries[qi];
    const top = tops[k] || [];
    const row = (rows[q.variant] ||= { n: 0, r1: 0, r10: 0, s1: 0, s10: 0 });
    for (const r of [row, all]) {
      r.n++;
      if (top.length && relevant(q, top[0], false)) r.r1++;
      if (top.some((d) => relevant(q, d, false))) r.r10++;
      if (top.length && relevant(q, top[0], true)) r.s1++;
      if (top.some((d) => relevant(q, d, true))) r.s10++;
    }
  });
  const fmt = (r) => ({ n: r.n, recall1: r.r1 / r.n, recall10: r.r10 / r.n, strict1: r.s1 / r.n, strict10: r.s10 / r.n });
  return { name, p50: pct(times, 50), p95: pct(times, 95), mean: times.reduce((a, b) => a + b, 0) / times.length, all: fmt(all),
    variants: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, fmt(v)])) };
}

// ------------------------------------------------------------------ engines
const results = { machine: `${os.cpus()[0].model}, ${os.cpus().length} cores, node ${process.version}`, textBytes, articles: articles.length, engines: [] };
const everyQuery = queries.map((_, i) => i);
const sampleIdx = (() => {
  const per = {};
  return everyQuery.filter((i) => ((per[queries[i].variant] = (per[queries[i].variant] || 0) + 1) <= jsSample));
})();

function runReader(kind) {
  const out = path.join(os.tmpdir(), `search-bench-${kind}.json`);
  const exe = kind === 'reader-wasm' ? ['node', ['--no-experimental-fetch', path.join(buildDir, 'search_bench.js')]] : [path.join(buildDir, 'search_bench'), []];
  if (!fs.existsSync(kind === 'reader-wasm' ? exe[1][1] : exe[0])) {
    console.log(`${kind}: not built (run tests/bench/search/build.sh), skipped`);
    return;
  }
  execFileSync(exe[0], [...exe[1], plainPath, queryFile, out, '--runs', String(runs)], { stdio: ['ignore', 'inherit', 'inherit'], maxBuffer: 1 << 30 });
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  const s = score(kind, r.queries.map((q) => q.top), r.queries.map((q) => q.ms), everyQuery);
  const cpu = r.queries.map((q) => q.cpu);
  Object.assign(s, { cpu_p50: pct(cpu, 50), cpu_p95: pct(cpu, 95), build_cpu_ms: r.build_cpu_ms, build_ms: r.build_ms, index_bytes: r.index_bytes, heap_growth_bytes: r.heap_growth_bytes,
    serialized_bytes: r.serialized_bytes, deserialize_ms: r.deserialize_ms, variants_count: r.variants, folded_terms: r.folded_terms });
  results.engines.push(s);
}

function heapUsed() {
  if (global.gc) { global.gc(); global.gc(); }
  return process.memoryUsage().heapUsed;
}

function jsEngine(name, build, search) {
  const before = heapUsed();
  const t0 = performance.now();
  const index = build();
  const buildMs = performance.now() - t0;
  const heap = heapUsed() - before;
  const tops = [], times = [];
  for (const qi of sampleIdx) {
    const t = performance.now();
    const top = search(index, queries[qi].text);
    times.push(performance.now() - t);
    tops.push(top);
  }
  const s = score(name, tops, times, sampleIdx);
  Object.assign(s, { build_ms: buildMs, index_bytes: heap });
  results.engines.push(s);
  console.log(`${name}: built in ${buildMs.toFixed(0)} ms, heap ${(heap / 1e6).toFixed(0)} MB`);
}

const require = createRequire(path.join(process.cwd(), 'x.js'));
const splitWords = (s) => s.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);

for (const e of engines) {
  if (e === 'reader-wasm' || e === 'reader-native') runReader(e);
  if (e === 'minisearch') {
    const MiniSearch = require('minisearch');
    jsEngine('minisearch', () => {
      const ms = new MiniSearch({ fields: ['title', 'sapo', 'body'], idField: 'i',
        tokenize: splitWords, processTerm: (t) => fold(t) || null,
        searchOptions: { boost: { title: 3, sapo: 1.5 }, combineWith: 'AND', prefix: (t, i, terms) => i === terms.length - 1 } });
      ms.addAll(articles.map((a, i) => ({ i, title: a.title, sapo: a.sapo, body: a.body })));
      return ms;
    }, (ms, q) => ms.search(q).slice(0, 10).map((r) => r.id));
  }
  if (e === 'flexsearch') {
    const { Document } = require('flexsearch');
    jsEngine('flexsearch', () => {
      const encode = (s) => splitWords(fold(s));
      const doc = new Document({ document: { id: 'i', index: [
        { field: 'title', tokenize: 'forward', encode },
        { field: 'sapo', tokenize: 'forward', encode },
        { field: 'body', tokenize: 'forward', encode }] } });
      articles.forEach((a, i) => doc.add({ i, title: a.title, sapo: a.sapo, body: a.body }));
      return doc;
    }, (doc, q) => {
      // Fields in priority order: title hits first, then lead, then body.
      const seen = new Set(), top = [];
      for (const r of doc.search(q, { limit: 10 })) for (const id of r.result) if (!seen.has(id) && top.length < 10) { seen.add(id); top.push(id); }
      return top;
    });
  }
}

fs.writeFileSync(outFile, JSON.stringify(results, null, 1));
const mb = (b) => (b / 1e6).toFixed(0);
console.log('\nengine          build s  p50 ms  p95 ms  index MB (x text)  recall@1  recall@10  strict@1  strict@10');
for (const e of results.engines) {
  console.log(`${e.name.padEnd(15)} ${(e.build_ms / 1000).toFixed(2).padStart(7)} ${e.p50.toFixed(3).padStart(7)} ${e.p95.toFixed(3).padStart(7)}  ${mb(e.index_bytes).padStart(6)} (${(e.index_bytes / textBytes).toFixed(2)})      ${e.all.recall1.toFixed(3)}     ${e.all.recall10.toFixed(3)}     ${e.all.strict1.toFixed(3)}     ${e.all.strict10.toFixed(3)}`);
  if (e.cpu_p50 !== undefined) console.log(`    thread CPU time: build ${(e.build_cpu_ms / 1000).toFixed(2)} s, query p50 ${e.cpu_p50.toFixed(3)} ms, p95 ${e.cpu_p95.toFixed(3)} ms`);
  for (const [v, r] of Object.entries(e.variants)) console.log(`    ${v.padEnd(16)} n=${r.n}  r@1 ${r.recall1.toFixed(3)}  r@10 ${r.recall10.toFixed(3)}  strict@1 ${r.strict1.toFixed(3)}  strict@10 ${r.strict10.toFixed(3)}`);
}
console.log(`\nfull results: ${outFile}`);
