// The first view's long main-thread tasks and what they are made of, from a Chromium
// trace (devtools.timeline + v8 + gpu categories): for each task over 50 ms, the largest
// events inside it. Finds Total Blocking Time's sources; not a pass/fail test.
//   node tests/bench/startup_trace.mjs [cpuSlowdown=1] [width=412 height=823 dpr=1.75]
import { startServer, launchBrowser } from '../e2e/harness.mjs';

const slowdown = Number(process.argv[2] || 1);
const [w, h, dpr] = [Number(process.argv[3] || 412), Number(process.argv[4] || 823), Number(process.argv[5] || 1.75)];
const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: dpr, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing', 'gpu', 'disabled-by-default-v8.compile'] });
  await page.addInitScript(() => {
    window.__ready = new Promise((res) => window.addEventListener('message', (e) => { if (e.data && e.data.type === 'reader:ready') res(performance.now()); }));
  });
  page.on('console', (m) => { if (m.text().startsWith('TMP')) console.log(m.text()); });
  await page.goto(server.url);
  const ready = await page.evaluate(() => window.__ready);
  await page.waitForTimeout(2500);
  const st = await page.evaluate(() => new Promise((res) => {
    addEventListener('message', (e) => { if (e.data && e.data.type === 'reader:stats' && 'frames' in e.data) res(e.data); });
    postMessage({ type: 'reader:stats' }, location.origin);
  }));
  console.log(`frames run ${st.frames}, presented ${st.framesPresented}, first frame ${Math.round(st.firstFrameMs)} ms`);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' &&
    events.some((x) => x.pid === e.pid && x.name === 'ResourceSendRequest' && String(x.args?.data?.url).startsWith(server.url)));
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur > 50000).sort((a, b) => a.ts - b.ts);
  const t0 = onMain.reduce((m, e) => Math.min(m, e.ts), Infinity);
  console.log(`reader:ready at ${Math.round(ready)} ms`);
  let blocking = 0;
  for (const t of tasks) {
    blocking += t.dur / 1000 - 50;
    const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.name !== 'RunTask')
      .sort((a, b) => b.dur - a.dur).slice(0, 8)
      .map((e) => `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''}${e.args?.data?.url ? `[${e.args.data.url.split('/').pop()}]` : ''} ${(e.dur / 1000).toFixed(0)}`);
    console.log(`task at ${((t.ts - t0) / 1000).toFixed(0)} ms, ${(t.dur / 1000).toFixed(0)} ms: ${inside.join(' | ')}`);
  }
  console.log(`blocking total ${blocking.toFixed(0)} ms`);
} finally { await browser.close(); server.stop(); }
