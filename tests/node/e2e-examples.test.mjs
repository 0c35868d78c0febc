// End to end: the walking slice's two examples through the real CLI (compiler,
// kernel worker, M workers running core.wasm), compared with what real Go
// prints. tests/golden/deadline.stdout was produced by `go run`; when a Go
// toolchain is installed the comparison is also made live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const p9rt = (...args) =>
  spawnSync(process.execPath, [root + 'bin/p9rt.js', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

const golden = readFileSync(root + 'tests/golden/deadline.stdout', 'utf8');

test('deadline.go in virtual time prints what real Go prints', () => {
  const r = p9rt('run', 'examples/deadline.go');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, golden);
  assert.equal(r.status, 0);
});

// On the wall clock, the one line that measures elapsed wall time depends on
// the machine's load (on a loaded 2-core machine starting a proc's worker
// can take longer than the peer's 300 ms): it must be there, true or false.
// Its exact value is checked in virtual time; speed belongs to bench/.
const wallLine = /^returned well before the peer wrote: (true|false)$/m;

test('deadline.go in real time prints the same (the wall-clock line aside)', () => {
  const r = p9rt('run', '--realtime', 'examples/deadline.go');
  assert.match(r.stdout, wallLine);
  assert.equal(r.stdout.replace(wallLine, 'returned well before the peer wrote: true'), golden);
  assert.equal(r.status, 0);
});

test('deadline.go matches a live `go run` when Go is installed', (t) => {
  const go = spawnSync('go', ['run', 'examples/deadline.go'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (go.error) return t.skip('no Go toolchain');
  const r = p9rt('run', 'examples/deadline.go');
  assert.equal(r.stdout, go.stdout);
});

test('virtual time is deterministic: same seed, same output and trace', () => {
  const a = p9rt('run', '--seed', '7', '--trace', '/tmp/p9rt-e2e-a.json', 'examples/deadline.go');
  const b = p9rt('run', '--seed', '7', '--trace', '/tmp/p9rt-e2e-b.json', 'examples/deadline.go');
  assert.equal(a.status, 0);
  assert.equal(a.stdout, b.stdout);
  assert.equal(readFileSync('/tmp/p9rt-e2e-a.json', 'utf8'), readFileSync('/tmp/p9rt-e2e-b.json', 'utf8'));
});

test('hangup.go: hangup to its own proc kills the whole program with exit string hangup', () => {
  const r = p9rt('run', 'examples/hangup.go');
  assert.equal(r.stdout, 'posting hangup to my own proc\n');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.at(-1), 'p9rt: exit: hangup');
  assert.equal(r.status, 1);
});

test('--timeline shows the note path of the deadline', () => {
  const r = p9rt('run', '--timeline', 'examples/deadline.go');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, golden);
  // The chain: hangup posted to the reading proc, its pread interrupted, the
  // handler ignoring it because that M ignores hangup.
  assert.match(r.stderr, /hangup/);
  assert.match(r.stderr, /interrupted/);
  assert.match(r.stderr, /ignor/i);
});
