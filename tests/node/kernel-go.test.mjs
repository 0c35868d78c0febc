// Virtual time on Go programs through the real compiler and core.wasm:
// byte-identical runs per seed and note list, seeds that change the
// interleaving, and compute that costs time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { built, runFixture } from './lib/run-go.mjs';

// The trace as JSON text: runs compare and search it as one string.
const runGo = async (file, opts) => {
  const r = await runFixture(file, opts);
  return { ...r, trace: JSON.stringify(r.trace) };
};

test('a Go program run 3 times with one seed and one --note list: byte-identical stdout, stderr and trace', async (t) => {
  if (!built) return t.skip('core.wasm or dist not built');
  const opts = { seed: 5, notes: [{ at: 3, target: 'group', text: 'alarm' }] };
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await runGo('seeds.go', opts));
  for (const r of runs.slice(1)) {
    assert.equal(r.stdout, runs[0].stdout);
    assert.equal(r.stderr, runs[0].stderr);
    assert.equal(r.trace, runs[0].trace);
  }
  assert.match(runs[0].stdout, /done at/);
  assert.ok(runs[0].trace.includes('"alarm"'));
});

test('two seeds give different interleavings of the same Go program', async (t) => {
  if (!built) return t.skip('core.wasm or dist not built');
  const outs = new Set();
  for (const seed of [1, 2, 3]) outs.add((await runGo('seeds.go', { seed })).stdout);
  assert.ok(outs.size > 1, `three seeds, one interleaving:\n${[...outs].join('\n')}`);
});

test('compute costs virtual time: a goroutine spinning on a flag lets a 50ms timer fire', async (t) => {
  if (!built) return t.skip('core.wasm or dist not built');
  const r = await runGo('spin.go', {});
  assert.equal(r.stdout, 'spun until the timer fired: true true\n');
  assert.equal(r.code, 0);
});

