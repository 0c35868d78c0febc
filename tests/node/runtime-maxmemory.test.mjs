// The named memory limit (issue 3): `p9rt run --max-memory SIZE` and
// StartOptions.maxMemory. The kernel writes Ctl.MEMORY_LIMIT at boot and the
// core's heap (mheap.ts heapLimit) never grows past it. Build first: npm run build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { p9rtRun, root } from './golib-lib.mjs';
import { compile } from '../../dist/src/api/index.js';
import { Machine } from '../../dist/src/api/machine.js';

const hog = join(root, 'tests/node/fixtures/memhog.go');

test('a program that keeps allocating live memory dies naming the limit and the flag', () => {
  const r = p9rtRun(hog, ['--max-memory', '32MiB']);
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /fatal error: out of memory/);
  assert.match(r.stderr, /runtime: the heap is limited to 32 MiB \(--max-memory\)/);
  const live = [...r.stdout.matchAll(/live (\d+) MiB/g)].map((m) => Number(m[1]));
  assert.ok(live.length > 0 && live.at(-1) < 32, r.stdout);
  assert.doesNotMatch(r.stderr, /RuntimeError|unreachable|wasm/);
});

test('under the limit, 256 MiB allocated with 10 MiB live succeeds thanks to the collector', () => {
  const r = p9rtRun(join(root, 'bench/gc-live.go'), ['--max-memory=32MiB'], ['256']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /allocated 256 MiB keeping 10 MiB live/);
  const m = /heap: max (\d+) MiB held, (\d+) MiB reached/.exec(r.stdout);
  assert.ok(m && Number(m[2]) <= 32, r.stdout);
});

test('a bad --max-memory is a usage error', () => {
  const r = p9rtRun(hog, ['--max-memory', 'lots']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /--max-memory/);
});

test('Machine.start({ maxMemory }) limits the heap the same way', async () => {
  const program = compile(readFileSync(hog, 'utf8'), { filename: 'memhog.go' });
  let err = '';
  const m = await Machine.start(program, { maxMemory: 24 << 20, onStdout: () => {}, onStderr: (s) => (err += s) });
  const x = await m.exited;
  assert.equal(x.code, 2, err);
  assert.match(err, /the heap is limited to 24 MiB \(--max-memory\)/);
  await assert.rejects(Machine.start(program, { maxMemory: 12345 }), /maxMemory/);
});
