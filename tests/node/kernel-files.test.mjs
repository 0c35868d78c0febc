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

test('the file tree: holes and regrown files read zeros, a removed file stays readable where it is open, a write past 1 GiB is refused', async (t) => {
  if (!built) return t.skip('core.wasm or dist not built');
  const { Ramfs } = await import(root + 'dist/host/kernel/dev/ramfs.js');
  const fs = new Ramfs();
  assert.equal(fs.kind('/'), 'dir');
  assert.equal(fs.kind('/tmp'), 'dir');
  assert.equal(fs.kind('/nope'), null);
  const f = fs.makefile('/tmp/a');
  f.write(4, new TextEncoder().encode('hi'));
  assert.deepEqual([...f.read(0, 100)], [0, 0, 0, 0, 104, 105], 'a hole before the write reads as zeros');
  f.setLength(1);
  f.setLength(6);
  assert.deepEqual([...f.read(0, 100)], [0, 0, 0, 0, 0, 0], 'bytes cut off by a truncation do not come back');
  assert.equal(fs.makefile('/tmp/a'), f, 'making an existing file finds it');
  assert.throws(() => fs.makefile('/tmp/a/b'), /not a directory/);
  assert.throws(() => fs.makefile('/no/b'), /file does not exist/);
  fs.makedir('/tmp/d');
  fs.makefile('/tmp/d/x');
  assert.deepEqual(fs.names('/tmp'), ['a', 'd']);
  assert.throws(() => fs.remove('/tmp/d'), /directory not empty/);
  fs.remove('/tmp/d/x');
  fs.remove('/tmp/d');
  fs.remove('/tmp/a');
  assert.equal(fs.kind('/tmp/a'), null);
  assert.equal(f.size, 6, 'the open file outlives its name');
  assert.throws(() => f.write(2 ** 40, new Uint8Array(2)), /read or write too large/);
  assert.throws(() => fs.remove('/tmp/a'), /file does not exist/);
  fs.preload('/data/deep/in.txt', new Uint8Array([1, 2]));
  assert.deepEqual([...fs.lookup('/data/deep/in.txt').read(0, 9)], [1, 2]);
  assert.throws(() => fs.preload('/data/deep/in.txt/x', new Uint8Array(0)), /is a file/);
});
