// Lighthouse over serve.py with Debian's Chromium: Performance, Accessibility, Best
// Practices and SEO of the reader's first view, mobile (Lighthouse's default: a
// simulated mid-range phone on slow 4G) and desktop, medians of several runs,
// written to tests/bench/lighthouse/RESULTS.md (targets: Performance >= 90, Best
// Practices >= 95). Full JSON reports go to build/lighthouse/.
//
//   python3 tools/build.py app && node tests/bench/lighthouse/run.mjs [runs=3]
//
// Needs lighthouse 12.2.3 from npm (a devDependency; LIGHTHOUSE_DIR=folder with its
// own node_modules/lighthouse also works). Lighthouse 13 needs Node 22.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer, freePort, BUILD } from '../../e2e/harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const OUT = path.join(BUILD, 'lighthouse');   // READER_BUILD_DIR or build/
const CHROMIUM = '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.argv[2]) || 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const TARGETS = { performance: 90, 'best-practices': 95 };
const METRICS = [
  ['first-contentful-paint', 'FCP'], ['largest-contentful-paint', 'LCP'], ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'], ['speed-index', 'Speed Index'],
];

async function loadLighthouse() {
  let why = '';
  for (const dir of [ROOT, process.env.LIGHTHOUSE_DIR].filter(Boolean).map((d) => path.resolve(d))) {
    try {
      const main = createRequire(path.join(dir, 'package.json')).resolve('lighthouse');
      const pkg = JSON.parse(readFileSync(path.join(path.dirname(main), '..', 'package.json'), 'utf8'));
      const lighthouse = (await import(pathToFileURL(main).href)).default;
      const desktop = (await import(pathToFileURL(path.join(path.dirname(main), 'config', 'desktop-config.js')).href)).default;
      return { lighthouse, desktop, version: pkg.version };
    } catch (e) { why += `\n  ${dir}: ${e.message.split('\n')[0]}`; }
  }
  throw new Error(`lighthouse is not installed (npm i -D -E lighthouse@12.2.3):${why}`);
}

// Chromium headless with remote debugging, GL through SwiftShader (no GPU here).
async function launchChromium() {
  const port = await freePort();
  const profile = mkdtempSync(path.join(tmpdir(), 'reader-lighthouse-'));
  const proc = spawn(CHROMIUM, [
    '--headless=new', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`,
    '--no-sandbox', '--no-first-run', '--no-default-browser-check', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--disable-gpu',
    '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', 'about:blank',
  ], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (res.ok) {
        const info = await res.json();
        const stop = async () => {
          const exited = new Promise((r) => { if (proc.exitCode !== null) r(); else proc.once('exit', r); });
          proc.kill('SIGTERM');
          await exited;
          // Chromium's helper processes may still be writing the profile: best effort.
          await new Promise((r) => setTimeout(r, 500));
          try { rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); } catch (e) { /* a temp folder */ }
        };
        return { port, browser: info.Browser, stop };
      }
    } catch (e) { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill('SIGTERM');
  throw new Error('Chromium did not open its debugging port');
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function failing(lhr) {
  // Audits that cost points: weighted, applicable, and not passed.
  const out = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id].auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'notApplicable') {
        out.push(`${id}: ${a.id} (${a.title}${a.displayValue ? ', ' + a.displayValue : ''})`);
      }
    }
  }
  return out;
}

async function main() {
  const { lighthouse, desktop, version } = await loadLighthouse();
  mkdirSync(OUT, { recursive: true });
  // LIGHTHOUSE_DIST=folder serves another staged copy (a before/after comparison);
  // LIGHTHOUSE_RESULTS=file writes the report there instead of RESULTS.md.
  const server = await startServer(process.env.LIGHTHOUSE_DIST ? ['--dist', process.env.LIGHTHOUSE_DIST] : []);
  const chrome = await launchChromium();
  const results = {};
  try {
    for (const [name, config] of [['mobile', undefined], ['desktop', desktop]]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await lighthouse(server.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, config);
        writeFileSync(path.join(OUT, `${process.env.LIGHTHOUSE_DIST ? 'alt-' : ''}${name}-${i + 1}.json`), r.report);
        const lhr = r.lhr;
        if (lhr.runtimeError) throw new Error(`${name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        runs.push(lhr);
        const s = CATEGORIES.map((c) => Math.round(lhr.categories[c].score * 100));
        console.log(`[lighthouse] ${name} run ${i + 1}: ${CATEGORIES.map((c, k) => `${c} ${s[k]}`).join(', ')}`);
      }
      results[name] = runs;
    }
  } finally {
    server.stop();
    await chrome.stop();
  }
  const resultsFile = process.env.LIGHTHOUSE_RESULTS || path.join(HERE, 'RESULTS.md');
  writeFileSync(resultsFile, report(results, version, chrome.browser));
  console.log(`[lighthouse] wrote ${resultsFile}`);
  const mobilePerf = median(results.mobile.map((l) => l.categories.performance.score * 100));
  const bp = median(results.mobile.map((l) => l.categories['best-practices'].score * 100));
  if (mobilePerf < TARGETS.performance || bp < TARGETS['best-practices']) process.exitCode = 1;
}

function report(results, version, browser) {
  const lines = [
    '# Lighthouse scores of the reader',
    '',
    'Written by `node tests/bench/lighthouse/run.mjs` (after `python3 tools/build.py app`): Lighthouse',
    `${version} against serve.py on localhost, driving ${browser} headless (SwiftShader GL, no GPU),`,
    `the first view of \`/\` (storage cleared before each run, so no service worker yet). Median of ${results.mobile.length}`,
    'runs (min–max). Mobile is Lighthouse\'s default: a simulated mid-range phone on slow 4G',
    '(150 ms RTT, 1.6 Mbit/s, 4× CPU slowdown); desktop is its desktop preset. Targets (issue 7):',
    'Performance ≥ 90, Best Practices ≥ 95.',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on the project's standard machine (2 vCPU); the machine is shared, so`,
    'timings and therefore Performance vary from run to run.',
    '',
    '| category | mobile | desktop | target |',
    '|---|---:|---:|---:|',
  ];
  const cell = (runs, c) => {
    const xs = runs.map((l) => Math.round(l.categories[c].score * 100));
    return `${median(xs)} (${Math.min(...xs)}–${Math.max(...xs)})`;
  };
  for (const c of CATEGORIES) {
    lines.push(`| ${results.mobile[0].categories[c].title} | ${cell(results.mobile, c)} | ${cell(results.desktop, c)} | ${TARGETS[c] ? '≥ ' + TARGETS[c] : '—'} |`);
  }
  lines.push('', '| metric (median) | mobile | desktop |', '|---|---:|---:|');
  for (const [id, label] of METRICS) {
    const v = (runs) => {
      const xs = runs.map((l) => l.audits[id].numericValue);
      return id === 'cumulative-layout-shift' ? median(xs).toFixed(3) : `${Math.round(median(xs))} ms`;
    };
    lines.push(`| ${label} | ${v(results.mobile)} | ${v(results.desktop)} |`);
  }
  const fails = [...new Set(Object.values(results).flatMap((runs) => failing(runs[Math.floor(runs.length / 2)])))];
  lines.push('', 'Weighted audits scoring below 0.9 in the middle run of each form factor:', '');
  lines.push(...(fails.length ? fails.map((f) => `- ${f}`) : ['- none']));
  // Where the blocking time comes from: the longest main-thread tasks (mobile durations
  // are simulated: 4× the measured ones).
  for (const [name, runs] of Object.entries(results)) {
    const items = (runs[Math.floor(runs.length / 2)].audits['long-tasks']?.details?.items || []).slice(0, 5);
    if (!items.length) continue;
    lines.push('', `Longest main-thread tasks, ${name} (middle run):`, '');
    for (const t of items) lines.push(`- ${Math.round(t.duration)} ms at ${Math.round(t.startTime)} ms: ${t.url.replace(/^https?:\/\/[^/]+/, '')}`);
  }
  lines.push('');
  return lines.join('\n');
}

main().catch((e) => { console.error(e); process.exit(2); });
