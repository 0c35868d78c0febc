// The library's explore (issue 15, docs/explore.md): explore() returns the
// failures with their schedules, replay() replays one exactly, shards merged
// report what one search reports, bad options are RangeErrors before any run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './golib-lib.mjs';

const built = existsSync(join(root, 'dist/src/api/index.js')) && existsSync(join(root, 'build/core.wasm'));
const api = built ? await import(join(root, 'dist/src/api/index.js')) : null;
const source = (f) => readFileSync(join(root, 'tests/go/programs', f), 'utf8');

test('explore() returns the failure with a schedule that replay() replays exactly', { skip: !built }, async () => {
  const program = api.compile(source('issue57114_late.go'), { filename: 'issue57114_late.go' });
  const r = await api.explore(program, { runs: 6, jobs: 2, poll: 'go1.19', version: 'test' });
  assert.equal(r.runs, 6);
  assert.equal(r.failures.length, 1);
  const [f] = r.failures;
  assert.equal(f.failure.kind, 'exit');
  assert.equal(f.schedule.options.poll, 'go1.19');
  assert.equal(f.schedule.program.sha256, await api.imageHash(program.image));
  assert.equal(f.sizeShrunk, 1);
  assert.ok(f.sizeFound >= f.sizeShrunk);
  // The file's text round-trips through parseSchedule and replays to the same failure.
  const s = api.parseSchedule(JSON.stringify(f.schedule), 'mem', 'test', f.schedule.program.sha256, 'issue57114_late.go');
  for (let i = 0; i < 2; i++) {
    const x = await api.replay(program, s);
    assert.equal(x.exit.code, 1);
    assert.equal(x.failure?.signature, f.failure.signature);
    assert.deepEqual(x.explored?.picks, s.run.picks);
  }
  assert.throws(() => api.parseSchedule(JSON.stringify(f.schedule), 'mem', 'other', f.schedule.program.sha256, 'x.go'), /made by p9rt test; this is p9rt other/);
  assert.throws(() => api.parseSchedule(JSON.stringify(f.schedule), 'mem', 'test', '00'.repeat(32), 'x.go'), /made for another program/);
});

test('the shards of a search, merged, report what one search reports', { skip: !built }, async () => {
  const program = api.compile(source('issue57114_instant.go'), { filename: 'issue57114_instant.go' });
  const o = { runs: 7, poll: 'go1.19', shrink: false };
  const whole = await api.explore(program, o);
  const parts = [];
  for (const k of [1, 2, 3]) parts.push(await api.explore(program, { ...o, shard: { k, n: 3 } }));
  assert.deepEqual(parts.map((p) => p.runs), [3, 3, 3]); // run 0 in each, then 3,6 / 1,4 / 2,5
  const m = api.mergeReports(parts);
  assert.equal(m.runs, whole.runs);
  assert.deepEqual(m.coverage.hashes, whole.coverage.hashes);
  assert.deepEqual(
    m.failures.map((f) => [f.failure.signature, f.run, f.count]),
    whole.failures.map((f) => [f.failure.signature, f.run, f.count]),
  );
  assert.throws(() => api.mergeReports([whole, { ...whole, program: { file: 'x.go', sha256: '0' } }]), /different programs/);
});

test('explore() refuses bad options before any run', { skip: !built }, async () => {
  const program = api.compile(source('always_fails.go'), { filename: 'always_fails.go' });
  await assert.rejects(api.explore(program, { runs: 0 }), /runs: 0 is not a whole number of 1 or more/);
  await assert.rejects(api.explore(program, { jobs: 0 }), RangeError);
  await assert.rejects(api.explore(program, { timerLate: { lo: 2, hi: 1, p: 0.5 } }), /timerLate: 2\.\.1 ms/);
  await assert.rejects(api.explore(program, { shard: { k: 0, n: 2 } }), /shard: 0\/2/);
  const r = await api.explore(program, { runs: 100 });
  assert.equal(r.runs, 1);
  assert.equal(r.failsAlways, true);
  assert.equal(r.failures[0].failure.kind, 'panic');
});
