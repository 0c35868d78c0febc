// The file tree and stdin for Go programs, through the library API and the
// CLI (real compiler and core.wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const coreReady = existsSync(root + 'build/core.wasm') && existsSync(root + 'dist/src/api/index.js');

async function runGo(file, opts) {
  const { compile, Machine } = await import('../../dist/src/api/index.js');
  const src = readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8');
  const program = compile(src, { filename: file });
  let stdout = '';
  let stderr = '';
  const m = await Machine.start(program, {
    timeoutMs: 30000,
    ...opts,
    onStdout: (s) => (stdout += s),
    onStderr: (s) => (stderr += s),
  });
  const x = await m.exited;
  return { stdout, stderr, ...x, trace: JSON.stringify(m.trace()) };
}

test('Go os.ReadFile and os.Stdin read the files and stdin given to Machine.start', async (t) => {
  if (!coreReady) return t.skip('core.wasm or dist not built');
  const r = await runGo('files.go', { files: { '/data/in.txt': 'hello world\n' }, stdin: 'typed\n' });
  assert.equal(r.stdout, '"hello world\\n" <nil>\nstdin: typed\nopen /nope: file does not exist\n');
});

test('CLI: --file HOST:PATH preloads a file, a piped stdin reaches /dev/cons', (t) => {
  if (!coreReady) return t.skip('core.wasm or dist not built');
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
