// reader-cli index / search: ranked results from a bundle or a prebuilt index, folding
// of diacritics and đ, --exact, --limit, --json, and bad index files refused cleanly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from './helpers.mjs';

let dir, bundle, index;

const BUNDLE = {
  format: 'article-bundle/1',
  site: { name: 'Báo Thử Nghiệm', url: 'https://example.vn/', language: 'vi' },
  articles: [
    {
      id: 'ha-noi-mua',
      title: 'Hà Nội đón mưa lớn đầu mùa',
      published: '2022-12-07T09:00:00+07:00',
      lead: 'Cơn mưa kéo dài khiến nhiều tuyến phố ngập.',
      body: 'Người dân Hà Nội đi làm sớm để tránh ùn tắc.\n\nĐường Đại Cồ Việt ngập sâu.',
    },
    {
      id: 'ket-luan',
      title: 'Thực hiện Kết luận 21-KL/TW về xây dựng Đảng',
      published: '2022-12-06T09:00:00+07:00',
      body: 'Hội nghị quán triệt Kết luận 21-KL/TW của Ban Chấp hành Trung ương.',
    },
    {
      id: 'hoa-binh',
      title: 'Giữ gìn hòa bình',
      published: '2022-12-05T09:00:00+07:00',
      body: 'Bài viết về hoà bình và hợp tác. Người dân Hà Nội tham dự.',
    },
  ],
  announcements: [{ id: 'tb1', title: 'Thông báo lịch nghỉ Tết', published: '2022-12-01T08:00:00+07:00' }],
};

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-cli-search-'));
  bundle = path.join(dir, 'bundle.json');
  index = path.join(dir, 'bundle.idx');
  fs.writeFileSync(bundle, JSON.stringify(BUNDLE));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const json = (args) => {
  const r = run(['search', ...args, '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
};

test('index: writes a prebuilt index and reports what it holds', () => {
  const r = run(['index', bundle, '-o', index]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(fs.statSync(index).size > 100);
  assert.match(r.stderr, /4 documents/);
});

test('search: the bundle and its prebuilt index give the same ranked hits', () => {
  if (!fs.existsSync(index)) run(['index', bundle, '-o', index]);
  for (const q of ['ha noi', 'Hà Nội', 'mưa lớn', 'hoa binh']) {
    const a = json([bundle, q]);
    const b = json([index, q]);
    assert.deepEqual(b.hits.map((h) => [h.id, h.field, h.snippet]), a.hits.map((h) => [h.id, h.field, h.snippet]), q);
    assert.equal(a.total, b.total);
  }
});

test('search: a title match ranks first, with the field, a snippet and match ranges', () => {
  const r = json([bundle, 'Hà Nội đón']);
  assert.equal(r.hits[0].id, 'ha-noi-mua');
  assert.equal(r.hits[0].field, 'title');
  assert.equal(r.hits[0].title, 'Hà Nội đón mưa lớn đầu mùa');
  const hl = r.hits[0].highlights;
  assert.ok(hl.length >= 1);
  const snippet = Buffer.from(r.hits[0].snippet);
  assert.equal(snippet.subarray(hl[0][0], hl[0][1]).toString(), 'Hà Nội đón');
  assert.ok(r.hits[0].score > 0);
});

test('search: without diacritics, with d for đ, and in NFD the same article is found', () => {
  for (const q of ['ha noi don', 'Ha Noi don', 'Hà Nội dón', 'Hà Nội đón'.normalize('NFD')]) {
    const r = json([bundle, q]);
    assert.equal(r.hits[0]?.id, 'ha-noi-mua', q);
  }
  assert.equal(json([bundle, 'dang'])?.hits[0]?.id, 'ket-luan');  // "Đảng" typed as "dang"
});

test('search: either tone placement finds hòa / hoà', () => {
  const a = json([bundle, 'hòa bình']);
  const b = json([bundle, 'hoà bình']);
  assert.equal(a.hits[0].id, 'hoa-binh');
  assert.deepEqual(b.hits.map((h) => h.id), a.hits.map((h) => h.id));
});

test('search: codes like 21-KL/TW are searchable as written', () => {
  const r = json([bundle, '21-KL/TW']);
  assert.equal(r.hits[0].id, 'ket-luan');
  assert.equal(r.total, 1);
});

test('search: --exact keeps diacritics, --limit cuts the list', () => {
  assert.equal(json([bundle, 'ha noi']).total, 2);
  assert.equal(json([bundle, 'ha noi', '--exact']).total, 0);
  assert.equal(json([bundle, 'Hà Nội', '--exact']).total, 2);
  const r = json([bundle, 'ha noi', '--limit', '1']);
  assert.equal(r.total, 2);
  assert.equal(r.hits.length, 1);
});

test('search: text output lists rank, id, field, score and the snippet with [matches]', () => {
  const r = run(['search', bundle, 'mưa lớn']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.lines[0], /^1 result for "mưa lớn"/);
  assert.match(r.lines[1], /^1\. ha-noi-mua {2}title {2}\d+\.\d{3} {2}Hà Nội đón mưa lớn đầu mùa$/);
  assert.ok(r.lines[2].includes('[mưa lớn]'), r.lines[2]);
});

test('search: announcements are searched too', () => {
  const r = json([bundle, 'lịch nghỉ']);
  assert.equal(r.hits[0].id, 'announcement-1');
  assert.equal(r.hits[0].announcement, true);
});

test('search: no match is not an error', () => {
  const r = run(['search', bundle, 'xyzzy']);
  assert.equal(r.code, 0);
  assert.match(r.lines[0], /^0 results/);
});

test('search: a truncated index, a foreign file, a wrong version give a message and exit 1', () => {
  if (!fs.existsSync(index)) run(['index', bundle, '-o', index]);
  const bytes = fs.readFileSync(index);
  const cases = {
    truncated: [bytes.subarray(0, Math.floor(bytes.length / 2)), /truncated/],
    header: [bytes.subarray(0, 10), /truncated/],
    version: [Buffer.concat([bytes.subarray(0, 8), Buffer.from([9, 0, 0, 0]), bytes.subarray(12)]), /unsupported search index version 9/],
    flipped: [Buffer.concat([bytes.subarray(0, bytes.length - 5), Buffer.from([bytes[bytes.length - 5] ^ 0xff]), bytes.subarray(bytes.length - 4)]), /search index/],
    garbage: [Buffer.from('RDRCLIX\0' + '\xff'.repeat(40), 'latin1'), /search index/],
  };
  for (const [name, [content, message]] of Object.entries(cases)) {
    const file = path.join(dir, `${name}.idx`);
    fs.writeFileSync(file, content);
    const r = run(['search', file, 'ha noi']);
    assert.equal(r.code, 1, `${name}: ${r.stderr}`);
    assert.match(r.stderr, message, name);
    assert.equal(r.stdout, '', name);
  }
  const notBundle = path.join(dir, 'random.bin');
  fs.writeFileSync(notBundle, Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0x80]));
  const r = run(['search', notBundle, 'ha noi']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /neither a bundle nor a search index/);
});

test('search / index: usage errors exit 2', () => {
  assert.equal(run(['search', bundle]).code, 2);
  assert.equal(run(['search', bundle, 'x', '--limit', 'zero']).code, 2);
  assert.equal(run(['search', bundle, 'x', '--bogus']).code, 2);
  assert.equal(run(['index', bundle]).code, 2);
});
