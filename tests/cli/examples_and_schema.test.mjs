// The examples in examples/ are valid bundles (reader-cli validate --strict) and
// match docs/format/bundle.schema.json; the schema agrees with the loader: what it
// accepts loads cleanly, and what the loader reports as a problem it refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, root, data } from './helpers.mjs';

const examples = ['examples/bundle.json', 'examples/article.md', 'examples/manifest/manifest.json'];

function schemaErrors(files) {
  const r = spawnSync('python3', [path.join(root, 'tests/cli/schema_check.py'), ...files], { encoding: 'utf8' });
  if (r.status === 77) return null;
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}
const hasJsonschema = spawnSync('python3', ['-c', 'import jsonschema']).status === 0;

test('every example is a valid bundle without a single warning', () => {
  for (const file of examples) {
    const r = run(['validate', '--strict', file]);
    assert.equal(r.code, 0, `${file}\n${r.stdout}${r.stderr}`);
  }
});

test('every example gives the HTML the reader would mirror', () => {
  const r = run(['html', 'examples/manifest/manifest.json', '--article', 'mua-le-hoi', '--body-only']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /<table>\n<thead>\n<tr>\n<th scope="col" align="left">Ngày<\/th>/);
  const md = run(['html', 'examples/article.md']);
  assert.match(md.stdout, /<input type="checkbox" disabled checked \/> Triển lãm tranh thiếu nhi/);
});

test('the JSON examples and test bundles match the schema', { skip: !hasJsonschema && 'python3 jsonschema missing' }, () => {
  const files = ['examples/bundle.json', 'examples/manifest/manifest.json', 'assets/bundles/default.json',
    path.relative(root, data('bundles/valid.json')), path.relative(root, data('bundles/manifest/manifest.json'))];
  const result = schemaErrors(files.map((f) => path.join(root, f)));
  for (const [file, errors] of Object.entries(result)) assert.deepEqual(errors, [], file);
});

test('the Markdown example converted to JSON matches the schema', { skip: !hasJsonschema && 'python3 jsonschema missing' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-schema-'));
  fs.copyFileSync(path.join(root, 'examples/article.md'), path.join(dir, 'article.md'));
  const out = path.join(dir, 'bundle.json');
  assert.equal(run(['convert', dir, '-o', out]).code, 0);
  assert.deepEqual(schemaErrors([out])[out], []);
});

// Variants of a valid bundle, each with one thing wrong: the loader reports each
// (an error, or a warning about what it had to skip) and the schema refuses each.
const base = () => ({
  format: 'article-bundle/1',
  site: { name: 'S', language: 'vi' },
  articles: [{ id: 'a', title: 'T', published: '2022-12-07T09:00:00+07:00', body: 'x' },
    { id: 'b', title: 'U', body: 'y', published: '2022-12-07' }],
});
const variants = {
  'no articles': (b) => { b.articles = []; },
  'articles not an array': (b) => { b.articles = {}; },
  'site not an object': (b) => { b.site = []; },
  'unknown format': (b) => { b.format = 'rss'; },
  'format not a string': (b) => { b.format = 1; },
  'article without id': (b) => { delete b.articles[0].id; },
  'article without title': (b) => { delete b.articles[0].title; },
  'empty title': (b) => { b.articles[0].title = ''; },
  'title not a string': (b) => { b.articles[0].title = 42; },
  'bad date': (b) => { b.articles[0].published = '7/12/2022'; },
  'time without offset': (b) => { b.articles[0].published = '2022-12-07T09:00:00'; },
  'body not a string': (b) => { b.articles[0].body = ['x']; },
  'body_url leaving the folder': (b) => { delete b.articles[0].body; b.articles[0].body_url = '../x.md'; },
  'image not an object': (b) => { b.articles[0].image = 5; },
  'image with a data: source': (b) => { b.articles[0].image = { src: 'data:image/png;base64,AA' }; },
  'image with a javascript: source': (b) => { b.articles[0].image = 'javascript:alert(1)'; },
  'related not an array': (b) => { b.articles[0].related = 'b'; },
  'related item of another type': (b) => { b.articles[0].related = [5]; },
  'related without id or url': (b) => { b.articles[0].related = [{ title: 'x' }]; },
  'related link with a bad scheme': (b) => { b.articles[0].related = [{ title: 'x', url: 'javascript:alert(1)' }]; },
  'comments not an array': (b) => { b.articles[0].comments = {}; },
  'comment not an object': (b) => { b.articles[0].comments = ['hay']; },
  'comment date wrong': (b) => { b.articles[0].comments = [{ id: 'c', text: 't', published: 'hôm qua' }]; },
  'replies not an array': (b) => { b.articles[0].comments = [{ id: 'c', text: 't', replies: 'x' }]; },
  'negative comment_count': (b) => { b.articles[0].comment_count = -1; },
  'comments_url with a bad scheme': (b) => { b.articles[0].comments_url = 'file:///etc/passwd'; },
  'tags of numbers': (b) => { b.articles[0].tags = [1, 2]; },
  'author a number': (b) => { b.articles[0].author = 7; },
  'announcement without title': (b) => { b.announcements = [{ id: 'x' }]; },
  'announcement link with a bad scheme': (b) => { b.announcements = [{ title: 'x', url: 'vbscript:x' }]; },
  'category of another type': (b) => { b.categories = [3]; },
};

// What JSON Schema cannot say (uniqueness across items, references between them):
// checked by the loader only.
const loaderOnly = {
  'duplicate ids': (b) => { b.articles[1].id = 'a'; },
  'related id naming no article': (b) => { b.articles[0].related = ['khong-co']; },
  'link to an article not in the bundle': (b) => { b.articles[0].body = '[x](#article=khong-co)'; },
};

test('the schema refuses what the loader reports, and accepts the base bundle', { skip: !hasJsonschema && 'python3 jsonschema missing' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-variants-'));
  const write = (name, doc) => {
    const file = path.join(dir, name.replace(/[^a-z0-9]+/g, '-') + '.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    return file;
  };
  const baseFile = write('base', base());
  assert.equal(run(['validate', '--strict', baseFile]).code, 0);
  const files = {};
  for (const [name, change] of Object.entries(variants)) {
    const doc = base();
    change(doc);
    files[name] = write(name, doc);
  }
  const schema = schemaErrors([baseFile, ...Object.values(files)]);
  assert.deepEqual(schema[baseFile], []);
  for (const [name, file] of Object.entries(files)) {
    const loader = run(['validate', '--json', file]);
    const report = JSON.parse(loader.stdout).files[0];
    assert.ok(report.problems.length > 0, `the loader says nothing about: ${name}`);
    assert.ok(schema[file].length > 0, `the schema accepts: ${name} (loader: ${report.problems.map((p) => p.message).join('; ')})`);
  }
  for (const [name, change] of Object.entries(loaderOnly)) {
    const doc = base();
    change(doc);
    const report = JSON.parse(run(['validate', '--json', write(name, doc)]).stdout).files[0];
    assert.ok(report.problems.length > 0, `the loader says nothing about: ${name}`);
  }
});
