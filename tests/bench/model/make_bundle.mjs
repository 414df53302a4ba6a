// Turns ../shared/corpus/ into one JSON bundle for the benchmark (never committed):
// 35,426 articles (title, lead, body, source, category, author, date) and the
// 10,000 reader comments spread over them (every 7th article gets some, some as
// replies). Bodies become Markdown paragraphs: the corpus flattened paragraph
// breaks into double spaces; those become blank lines, and paragraphs longer than
// 1,200 characters are cut at a sentence end, as news paragraphs are.
//   node tests/bench/model/make_bundle.mjs [--corpus DIR] [--out FILE]
// Prints the path and size; exits 0 with "SKIP: ..." when the corpus is absent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

export function corpusDir(args = process.argv.slice(2)) {
  const i = args.indexOf('--corpus');
  return i >= 0 ? args[i + 1] : path.resolve(root, '../shared/corpus');
}

function paragraphs(body) {
  const out = [];
  for (const raw of body.split(/ {2,}|\n+/)) {
    let p = raw.trim();
    while (p.length > 1200) {
      const cut = p.indexOf('. ', 600);
      if (cut < 0 || cut > 1100) break;
      out.push(p.slice(0, cut + 1));
      p = p.slice(cut + 2).trim();
    }
    if (p) out.push(p);
  }
  return out.join('\n\n');
}

export function makeBundle(dir, outFile) {
  const articlesGz = path.join(dir, 'articles.jsonl.gz');
  if (!fs.existsSync(articlesGz)) return null;
  const lines = zlib.gunzipSync(fs.readFileSync(articlesGz)).toString('utf8').split('\n').filter((l) => l.length > 1);
  const commentsGz = path.join(dir, 'comments.jsonl.gz');
  const comments = fs.existsSync(commentsGz)
    ? zlib.gunzipSync(fs.readFileSync(commentsGz)).toString('utf8').split('\n').filter((l) => l.length > 1).map((l) => JSON.parse(l))
    : [];
  const articles = lines.map((line) => {
    const a = JSON.parse(line);
    const day = /^\d{4}-\d{2}-\d{2}$/.test(a.crawl_date || '') ? a.crawl_date : '2017-01-01';
    return {
      id: String(a.id),
      title: a.title || `Bài ${a.id}`,
      published: `${day}T08:00:00+07:00`,
      category: 'Tin tức',
      author: 'Phóng viên',
      source: a.source_site || '',
      lead: a.sapo || '',
      body: paragraphs(a.body || ''),
    };
  });
  comments.forEach((c, i) => {
    const a = articles[(i * 7) % articles.length];
    a.comments = a.comments || [];
    const comment = { id: c.id, author: `Bạn đọc ${i % 97}`, published: '2020-01-01T10:00:00+07:00', text: c.comment, likes: i % 13 };
    const parent = a.comments.length && i % 3 === 0 ? a.comments[a.comments.length - 1] : null;
    if (parent) (parent.replies = parent.replies || []).push(comment);
    else a.comments.push(comment);
  });
  const bundle = { format: 'article-bundle/1', site: { name: 'Corpus', url: 'https://example.vn/', language: 'vi' }, articles, announcements: [] };
  fs.writeFileSync(outFile, JSON.stringify(bundle));
  return { file: outFile, bytes: fs.statSync(outFile).size, articles: articles.length, comments: comments.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const o = args.indexOf('--out');
  const out = o >= 0 ? args[o + 1] : path.join(os.tmpdir(), 'model-bench-bundle.json');
  const made = makeBundle(corpusDir(args), out);
  if (!made) {
    console.log(`SKIP: corpus not found at ${corpusDir(args)}`);
    process.exit(0);
  }
  console.log(JSON.stringify(made));
}
