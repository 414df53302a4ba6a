// Where the first view's main-thread time goes: the reader opened with Lighthouse's
// mobile CPU slowdown (4x) under the CDP profiler, main-thread long tasks listed and the
// profile's self time summed per function (a --profiling-funcs build names wasm
// functions). For finding what makes Total Blocking Time; not a pass/fail test.
//   node tests/bench/startup_profile.mjs [cpuSlowdown=4] [width=412 height=823 dpr=1.75]
import { startServer, launchBrowser } from '../e2e/harness.mjs';

const slowdown = Number(process.argv[2] || 4);
const [w, h, dpr] = [Number(process.argv[3] || 412), Number(process.argv[4] || 823), Number(process.argv[5] || 1.75)];
const server = await startServer();
const browser = await launchBrowser(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`] : []);
try {
  const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: dpr, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); })
      .observe({ type: 'longtask', buffered: true });
    window.__ready = new Promise((res) => window.addEventListener('message', (e) => { if (e.data && e.data.type === 'reader:ready') res(performance.now()); }));
  });
  await page.goto(server.url);
  const ready = await page.evaluate(() => window.__ready);
  await page.waitForTimeout(3000);
  const { profile } = await cdp.send('Profiler.stop');
  const tasks = await page.evaluate(() => window.__longTasks);
  console.log(`reader:ready at ${Math.round(ready)} ms; long tasks [start, ms]: ${JSON.stringify(tasks)}`);
  console.log(`blocking (sum of ms over 50): ${tasks.reduce((s, [, d]) => s + Math.max(0, d - 50), 0)}`);
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
    self.set(name, (self.get(name) || 0) + (dt[i] || 0) / 1000);
  });
  const top = [...self.entries()].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [k, v] of top) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
} finally { await browser.close(); server.stop(); }
