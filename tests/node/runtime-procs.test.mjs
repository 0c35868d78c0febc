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
});

test('past --max-procs, rfork fails with an error that names the flag', async (t) => {
  if (!built) return t.skip('core or dist not built');
  const r = await runFixture('deadline-readers.go', { args: ['40'], maxProcs: 20 });
  assert.match(r.stderr, /^runtime: rfork failed: no procs: the limit of 20 procs is reached \(--max-procs\)\nfatal error: newosproc: rfork failed\n/);
  assert.equal(r.code, 2);
  assert.equal(procs(r.trace), 20);
});
