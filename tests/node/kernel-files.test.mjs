// The file tree and stdin for Go programs, through the library API and the
// CLI (real compiler and core.wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { built, root, runFixture } from './lib/run-go.mjs';

// The trace as JSON text: runs compare and search it as one string.
const runGo = async (file, opts) => {
  const r = await runFixture(file, opts);
  return { ...r, trace: JSON.stringify(r.trace) };
};

test('Go os.ReadFile and os.Stdin read the files and stdin given to Machine.start', async (t) => {
  if (!built) return t.skip('core.wasm or dist not built');
  const r = await runGo('files.go', { files: { '/data/in.txt': 'hello world\n' }, stdin: 'typed\n' });
  assert.equal(r.stdout, '"hello world\\n" <nil>\nstdin: typed\nopen /nope: file does not exist\n');
});

test('CLI: --file HOST:PATH preloads a file, a piped stdin reaches /dev/cons', (t) => {
  if (!built) return t.skip('core.wasm or dist not built');
  const host = fileURLToPath(new URL('./fixtures/seeds.go', import.meta.url));
  const r = spawnSync(process.execPath, [root + 'bin/p9rt.js', 'run', '--file', `${host}:/data/in.txt`, fileURLToPath(new URL('./fixtures/files.go', import.meta.url))], {
    input: 'piped\n',
    encoding: 'utf8',
    timeout: 60000,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.startsWith('"package main'), r.stdout);
  assert.match(r.stdout, /stdin: piped\n/);
});
