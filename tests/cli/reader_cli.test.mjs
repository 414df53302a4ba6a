// reader-cli validate / html / convert on the small bundles in tests/data/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, data, root } from './helpers.mjs';

const rel = (p) => path.relative(root, p);
const problemLine = /^[^:]+(:\d+:\d+)?: (error|warning): /;

test('validate: a valid bundle exits 0 and prints no problem', () => {
  const r = run(['validate', rel(data('bundles/valid.json'))]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.lines, []);
  assert.match(r.stderr, /valid \(2 articles, 0 errors, 0 warnings\)/);
});

test('validate: model problems are one line each, naming the article, field, line and column', () => {
  const file = rel(data('bundles/invalid.json'));
  const r = run(['validate', file]);
  assert.equal(r.code, 1);
  for (const line of r.lines) assert.match(line, problemLine);
  assert.ok(r.lines.includes(`${file}:5:5: error: article 'ok' (#1), field 'id': duplicate id 'ok' (first used by article #0); this one is skipped`), r.stdout);
  assert.ok(r.lines.includes(`${file}:6:5: error: article (#2), field 'id': is required (a non-empty string); the article is skipped`));
  assert.ok(r.lines.includes(`${file}:7:5: error: article 'so' (#3), field 'title': must be a string, not an integer; the article is skipped`));
  assert.ok(r.lines.some((l) => l.includes("field 'published': date '2022-02-30T10:00:00+07:00' is not ISO 8601")));
  assert.ok(r.lines.includes(`${file}: warning: article 'ngay', field 'related': related id 'khong-co' names no article in the bundle`));
});

test('validate: JSON syntax errors give file:line:col', () => {
  const file = rel(data('bundles/syntax-error.json'));
  const r = run(['validate', file]);
  assert.equal(r.code, 1);
  assert.equal(r.lines.length, 1);
  assert.ok(r.lines[0].startsWith(`${file}:3:17: error: JSON syntax error: unexpected ','`), r.lines[0]);
});

test('validate: invalid UTF-8 names the byte offset', () => {
  const r = run(['validate', rel(data('bundles/bad-utf8.json'))]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /bad-utf8\.json:1:69: error: invalid UTF-8 at byte offset 68/);
});

test('validate: several bundles, exit 1 when any is invalid; Markdown and manifests too', () => {
  const ok = run(['validate', rel(data('bundles/valid.json')), rel(data('bundles/article.md')), rel(data('bundles/manifest/manifest.json'))]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  const mixed = run(['validate', rel(data('bundles/valid.json')), rel(data('bundles/syntax-error.json'))]);
  assert.equal(mixed.code, 1);
});

test('validate --json: the same problems as JSON', () => {
  const r = run(['validate', '--json', rel(data('bundles/syntax-error.json')), rel(data('bundles/valid.json'))]);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.valid, false);
  assert.equal(out.files.length, 2);
  const [bad, good] = out.files;
  assert.equal(bad.valid, false);
  assert.equal(bad.problems[0].line, 3);
  assert.equal(bad.problems[0].column, 17);
  assert.equal(bad.problems[0].severity, 'error');
  assert.match(bad.problems[0].message, /^JSON syntax error/);
  assert.equal(good.valid, true);
  assert.equal(good.articles, 2);
  assert.deepEqual(good.problems, []);
});

test('validate: a 100,000-deep array is refused quickly, a missing file clearly', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-cli-'));
  const deep = path.join(dir, 'deep.json');
  fs.writeFileSync(deep, '['.repeat(100000) + ']'.repeat(100000));
  const started = Date.now();
  const r = run(['validate', deep]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /deep\.json:1:65: error: JSON nesting is deeper than 64 levels/);
  assert.ok(Date.now() - started < 5000);
  const missing = run(['validate', path.join(dir, 'none.json')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stdout, /none\.json: error: cannot read the file/);
});

test('validate --strict counts warnings; unknown options are usage errors', () => {
  assert.equal(run(['validate', '--strict', rel(data('bundles/valid.json'))]).code, 0);
  assert.equal(run(['validate', '--strict', rel(data('bundles/invalid.json'))]).code, 1);
  assert.equal(run(['validate', '--nope', 'x.json']).code, 2);
  assert.equal(run(['validate']).code, 2);
});

test('html: a complete, escaped page with every article', () => {
  const r = run(['html', rel(data('bundles/valid.json'))]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^<!DOCTYPE html>\n<html lang="vi">/);
  assert.match(r.stdout, /<article id="article-bai-mot" lang="vi"/);
  assert.match(r.stdout, /<p class="dateline"><time datetime="2022-12-07T09:00:00\+07:00">Thứ Tư, ngày 7 tháng 12 năm 2022<\/time><\/p>/);
  assert.match(r.stdout, /<a href="https:\/\/example.vn\/a" rel="noopener noreferrer">liên kết<\/a>/);
  assert.match(r.stdout, /<h3>Mục hai<\/h3>/);  // shifted: the title is the only h1
  assert.match(r.stdout, /<img src="images\/a.jpg" alt="Ảnh minh họa" \/>/);
  assert.match(r.stdout, /<article id="article-bai-hai"/);
  assert.match(r.stdout, /<aside class="announcements"/);
});

test('html --article ID and --body-only', () => {
  const one = run(['html', rel(data('bundles/valid.json')), '--article', 'bai-hai']);
  assert.equal(one.code, 0);
  assert.ok(!one.stdout.includes('article-bai-mot"'));
  assert.match(one.stdout, /<a href="#article=bai-mot">bài một<\/a>/);
  const body = run(['html', rel(data('bundles/valid.json')), '--body-only']);
  assert.equal(body.stdout, '<p>Đoạn <em>một</em> với <a href="https://example.vn/a" rel="noopener noreferrer">liên kết</a>.</p>\n' +
    '<h2>Mục hai</h2>\n<ul>\n<li>ý một\n</li>\n<li>ý hai\n</li>\n</ul>\n');
  const missing = run(['html', rel(data('bundles/valid.json')), '--article', 'khong-co']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no article has the id 'khong-co'/);
  const english = run(['html', rel(data('bundles/valid.json')), '--lang', 'en']);
  assert.match(english.stdout, /Reader comments/);
});

test('html reads a bundle from standard input as "-"', () => {
  const r = run(['html', '--body-only', '-'], { input: '---\ntitle: T\n---\n<script>alert(1)</script>\n' });
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '<pre class="raw-html"><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n');
  assert.match(r.stderr, /raw HTML is shown as text/);
});

test('convert: a folder of Markdown files becomes one JSON bundle and back, keeping every field', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-convert-'));
  const json1 = path.join(dir, 'bundle.json');
  const r1 = run(['convert', rel(data('markdown/folder')), '-o', json1]);
  assert.equal(r1.code, 0, r1.stderr);
  const bundle = JSON.parse(fs.readFileSync(json1, 'utf8'));
  assert.deepEqual(Object.keys(bundle), ['format', 'site', 'articles', 'announcements']);
  assert.deepEqual(bundle.articles.map((a) => a.id), ['bai-mot', 'bai-hai']);
  const first = bundle.articles[0];
  assert.equal(first.title, 'Bài một: tiêu đề có dấu hai chấm');
  assert.equal(first.lead, 'Dòng dẫn một\ndòng dẫn hai');
  assert.deepEqual(first.category, { id: 'thoi-su', name: 'Thời sự' });
  assert.equal(first.extra_field, 'giữ nguyên');
  assert.equal(first.comments[0].replies[0].id, 'c2');
  assert.equal(first.body, '# Mục một\n\nĐoạn văn *nghiêng*.\n');
  assert.deepEqual(bundle.articles[1].tags, ['123', 'true', 'a: b']);
  assert.equal(run(['validate', json1]).code, 0);

  const folder = path.join(dir, 'folder');
  const r2 = run(['convert', json1, '-o', folder]);
  assert.equal(r2.code, 0, r2.stderr);
  assert.deepEqual(fs.readdirSync(folder).sort(), ['001-bai-mot.md', '002-bai-hai.md', 'site.json']);
  const json2 = path.join(dir, 'again.json');
  assert.equal(run(['convert', folder, '-o', json2]).code, 0);
  assert.deepEqual(JSON.parse(fs.readFileSync(json2, 'utf8')), bundle);
  // An existing folder is not written over without --force.
  assert.equal(run(['convert', json1, '-o', folder]).code, 1);
  assert.equal(run(['convert', json1, '-o', folder, '--force']).code, 0);
});

test('convert --manifest points at the Markdown files; a manifest converts to a folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-manifest-'));
  const src = path.join(dir, 'src');
  fs.cpSync(data('markdown/folder'), src, { recursive: true });
  const manifest = path.join(src, 'manifest.json');
  const r = run(['convert', src, '-o', manifest, '--manifest']);
  assert.equal(r.code, 0, r.stderr);
  const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  assert.deepEqual(m.articles.map((a) => a.body_url), ['01-bai-mot.md', '02-bai-hai.md']);
  assert.equal(run(['validate', manifest]).code, 0);
  const out = path.join(dir, 'out');
  assert.equal(run(['convert', rel(data('bundles/manifest/manifest.json')), '-o', out]).code, 0);
  assert.match(fs.readFileSync(path.join(out, '001-m1.md'), 'utf8'), /^---\nid: m1\n[\s\S]*---\nNội dung bài \*\*một\*\*\.\n$/);
});

test('convert: usage errors exit 2', () => {
  assert.equal(run(['convert', rel(data('markdown/folder'))]).code, 2);
  assert.equal(run(['convert']).code, 2);
  assert.equal(run(['convert', rel(data('bundles/valid.json')), '-o', 'x', '--manifest']).code, 2);
});
