// Shared by the reader-cli tests: where things are, and running the tool.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// READER_CLI lets a developer test another build (e.g. build/native-asan/reader-cli).
export const cli = process.env.READER_CLI || path.join(path.resolve(process.env.READER_BUILD_DIR || path.join(root, 'build')), 'native/reader-cli');
export const data = (...parts) => path.join(root, 'tests/data', ...parts);

export function run(args, { input, cwd } = {}) {
  const r = spawnSync(cli, args, { input, cwd: cwd || root, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}
