// Procs as Go on Plan 9 has them (issue 12, docs/plan9-notes.md §2.1, §3.2):
// one proc per pending read or write plus a few; a call that does not sleep
// costs no other M; the limit, when reached, names its flag. In virtual time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { built, runFixture } from './lib/run-go.mjs';

const haveGo = !spawnSync('go', ['version']).error;
const fixture = fileURLToPath(new URL('./fixtures/deadline-readers.go', import.meta.url));

/** Procs the run made: pid 1 and one per rfork. */
const procs = (trace) => 1 + trace.filter((e) => e.kind === 'rfork').length;

test('100 deadline reads print what real Go prints, on 100 procs and a few', async (t) => {
  if (!built) return t.skip('core or dist not built');
  const n = 100;
  const r = await runFixture('deadline-readers.go', { args: [String(n)] });
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  if (haveGo) {
    const g = spawnSync('go', ['run', fixture, String(n)], { encoding: 'utf8' });
    assert.equal(r.stdout, g.stdout);
  } else assert.equal(r.stdout, `got ${n}\n`);
  // One proc per pending read, pid 1, the accept loop's, and one for the timers:
  // the 100 Cancels that run at once make calls that do not sleep, on the M that has the P.
  const used = procs(r.trace);
  assert.ok(used >= n && used <= n + 3, `${used} procs for ${n} pending reads`);
  // Past the 8 workers sleeping procs may keep (host/kernel/trap.ts
  // WORKERS_KEPT), a proc blocked in a read holds no thread (docs/scale.md
  // §2): the run's threads are those, the one proc running (virtual time),
  // the pool of 2 and workers on their way back to it, not one per proc.
  assert.ok(r.threads >= 3 && r.threads <= 16, `${r.threads} threads for ${used} procs`);
});

test('past --max-procs, rfork fails with an error that names the flag', async (t) => {
  if (!built) return t.skip('core or dist not built');
  const r = await runFixture('deadline-readers.go', { args: ['40'], maxProcs: 20 });
  assert.match(r.stderr, /^runtime: rfork failed: no procs: the limit of 20 procs is reached \(--max-procs\)\nfatal error: newosproc: rfork failed\n/);
  assert.equal(r.code, 2);
  assert.equal(procs(r.trace), 20);
});

// Goroutine stacks start at 2 KiB and grow by copying (assembly/runtime/runtime2.ts
// STACK_SIZE, assembly/vm/frame.ts growstack), as Go's do: 100,000 parked
// goroutines cost a few KiB each (32 KiB stacks made it 33 KiB and more).
test('100,000 parked goroutines cost under 4 KiB each and all run to their end', async (t) => {
  if (!built) return t.skip('core or dist not built');
  const r = await runFixture('goroutines-parked.go', { args: ['100000'] });
  assert.equal(r.stderr, '');
  const m = /^goroutines 100000 bytes each (\d+)\n$/.exec(r.stdout);
  assert.ok(m, r.stdout);
  assert.ok(Number(m[1]) < 4096, `${m[1]} bytes per goroutine`);
});

// Issue 18.6: once the heap was nearly full, every allocation asked for a
// collection, and each collection scanned every goroutine: a run that made
// goroutines forever crawled instead of failing. Now it fails as Go does.
test('making goroutines forever ends in out of memory, naming the limit', async (t) => {
  if (!built) return t.skip('core or dist not built');
  const r = await runFixture('goroutines-forever.go', { maxMemory: 256 << 20 });
  assert.match(r.stdout, /^100000\n/);
  assert.match(r.stderr, /^runtime: out of memory: cannot allocate \d+-byte block\nruntime: the heap is limited to 256 MiB \(--max-memory\)\nfatal error: out of memory\n/);
  assert.equal(r.code, 2);
});
