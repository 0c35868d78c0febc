// The conformance suite (tests/conformance/README.md): every program runs on
// p9rt and must print the stdout, exit code and stderr pattern of its golden,
// which real Go produced. With a Go toolchain installed, each program is also
// built and run with Go (binaries cached by content) and must still agree
// with its golden, so a golden can never drift from real Go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { compare, haveGo, programs, readGolden, runAllP9, runGo, runnable } from '../conformance/lib.mjs';

const names = programs();
const jobs = Number(process.env.P9RT_CONFORMANCE_JOBS) || Math.max(2, availableParallelism());

async function runAllGo() {
  const results = new Map();
  const queue = [...names];
  const worker = async () => {
    for (let n; (n = queue.shift()); ) results.set(n, await runGo(n));
  };
  await Promise.all(Array.from({ length: 2 }, worker));
  return results;
}

// Real Go's run of a program that orders goroutines by sleeping (a 50 ms
// sleeper before a 100 ms one) can lose that race on a loaded machine. A
// golden is stale only if Go disagrees with it every time: a disagreement
// is run again, alone, up to twice (the binary is cached, so that is cheap).
async function goAgrees(name, first, golden) {
  let bad = compare(first, golden);
  for (let i = 0; i < 2 && bad.length; i++) bad = compare(await runGo(name), golden);
  return bad;
}

test('conformance programs on p9rt and real Go', async (t) => {
  if (!runnable()) return t.skip('core or dist not built');
  const t0 = Date.now();
  const [p9, go] = await Promise.all([runAllP9(names, jobs), haveGo ? runAllGo() : Promise.resolve(null)]);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  for (const name of names) {
    const golden = readGolden(name);
    if (!golden) {
      skipped++;
      continue;
    }
    const bad = [];
    const r = p9.get(name) ?? { stdout: '', stderr: '', code: -1, error: 'no result (runner died)' };
    for (const b of compare(r, golden)) bad.push(`p9rt: ${b}`);
    if (go) for (const b of await goAgrees(name, go.get(name), golden)) bad.push(`go (golden stale? node tests/conformance/golden.mjs ${name}): ${b}`);
    if (bad.length) {
      failed++;
      failures.push(`--- ${name}.go\n${bad.join('\n')}`);
    } else passed++;
  }
  const line = `conformance: ${passed} passed, ${failed} failed, ${skipped} skipped`;
  console.log(`${line} (${((Date.now() - t0) / 1000).toFixed(1)} s, ${jobs} jobs${go ? ', compared with real Go' : ', no Go toolchain'})`);
  t.diagnostic(line);
  assert.equal(failed, 0, `${line}\n${failures.join('\n').slice(0, 20_000)}`);
});
