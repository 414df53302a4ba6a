// CommonMark conformance (see tests/conformance/run_spec.py): every example of md4c's
// spec.txt, spec-tables.txt and spec-strikethrough.txt that does not involve raw HTML
// or a link scheme the policy drops must give the reference HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cli, root } from './helpers.mjs';

const md4cTests = path.join(root, 'build/third_party/md4c/test');

test('CommonMark spec examples through the model and the HTML export', { skip: !fs.existsSync(path.join(md4cTests, 'spec.txt')) && 'md4c test files missing (run tools/bootstrap.py)' }, () => {
  const r = spawnSync('python3', [path.join(root, 'tests/conformance/run_spec.py'), '--cli', cli, '--md4c', md4cTests, '--json'],
    { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 600000 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const out = JSON.parse(r.stdout);
  const all = out.summary.all;
  console.log(`conformance: ${all.passed}/${all.examples} examples pass; plain ${all.plain.passed}/${all.plain.examples}, ` +
    `raw HTML ${all['raw-html'].passed}/${all['raw-html'].examples}, link policy ${all['link-policy'].passed}/${all['link-policy'].examples}, ` +
    `GitHub autolinks ${all['gfm-autolink'].passed}/${all['gfm-autolink'].examples}`);
  assert.deepEqual(out.plain_failures, []);
  assert.equal(all.plain.passed, all.plain.examples);
  // The expected differences stay few and explained (see run_spec.py).
  assert.ok(all['link-policy'].examples <= 4, JSON.stringify(out.differences));
  assert.ok(all['gfm-autolink'].examples <= 3);
});
