// The JavaScript path a web developer would write, for comparison: the bundle's
// bytes decoded and JSON.parse'd, then every body through markdown-it (parse to
// tokens, the counterpart of our model; --render also renders HTML). One cold load
// per process; prints one JSON line like model_bench.
//   node js_path.mjs BUNDLE.json [--render]
// markdown-it is resolved from the working directory, NODE_PATH or MARKDOWN_IT_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const file = process.argv[2];
const render = process.argv.includes('--render');
const req = createRequire(path.join(process.env.MARKDOWN_IT_DIR || process.cwd(), 'noop.js'));
const MarkdownIt = req('markdown-it');
const md = new MarkdownIt({ html: false, linkify: true });  // GitHub-like: tables and strikethrough are on by default

function rssPeak() {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : -1;
}

const rssStart = process.memoryUsage().rss;  // the runtime alone, before the bundle is read
const bytes = fs.readFileSync(file);
const rssBefore = process.memoryUsage().rss;
const c0 = process.cpuUsage();
const w0 = performance.now();
const bundle = JSON.parse(bytes.toString('utf8'));
const w1 = performance.now();
let tokens = 0;
for (const a of bundle.articles) {
  if (typeof a.body !== 'string') continue;
  if (render) tokens += md.render(a.body).length;
  else tokens += md.parse(a.body, {}).length;
}
const w2 = performance.now();
const c1 = process.cpuUsage(c0);
console.log(JSON.stringify({
  bytes: bytes.length, json_ms: w1 - w0, wall_ms: w2 - w0, cpu_ms: (c1.user + c1.system) / 1000,
  articles: bundle.articles.length, tokens, rss_start: rssStart, rss_before: rssBefore, rss_peak: rssPeak(), render,
}));
