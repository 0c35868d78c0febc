// Virtual time: the same program and seed give the same output and the same
// trace, event for event; another seed may interleave differently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFixture } from './fixtures/run.mjs';

const strip = (trace) => JSON.stringify(trace);

test('same seed, same output and same trace', async () => {
  const a = await runFixture({ scenario: 'sched' }, { seed: 7 });
  const b = await runFixture({ scenario: 'sched' }, { seed: 7 });
  assert.equal(a.stdout, b.stdout);
  assert.equal(strip(a.trace), strip(b.trace));
  assert.equal(a.stdout.split('\n').length, 17);
});

test('the seed chooses the interleaving', async () => {
  const outs = new Set();
  for (const seed of [1, 2, 3, 4]) outs.add((await runFixture({ scenario: 'sched' }, { seed })).stdout);
  assert.ok(outs.size > 1, 'four seeds gave one interleaving');
});

test('the note path is deterministic too', async () => {
  const a = await runFixture({ scenario: 'tcpnote', dataFirst: true }, { seed: 3 });
  const b = await runFixture({ scenario: 'tcpnote', dataFirst: true }, { seed: 3 });
  assert.equal(strip(a.trace), strip(b.trace));
});

