// The two engines (docs/backend.md, issue 13): the wasm engine is the default,
// so tests/node/conformance-suite.test.mjs runs the corpus with it; here the
// corpus runs under --engine=interp against real Go's goldens, and the same
// program, seed and notes give the same bytes, trace included, under both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { compare, p9rtAPI, programs, readGolden, root, runAllP9, runnable, source } from '../conformance/lib.mjs';

const jobs = Number(process.env.P9RT_CONFORMANCE_JOBS) || Math.max(2, availableParallelism());

test('the conformance corpus with the interpreter', async (t) => {
  if (!runnable()) return t.skip('core or dist not built');
  const names = programs();
  const t0 = Date.now();
  const results = await runAllP9(names, jobs, 'interp');
  const failures = [];
  let passed = 0;
  for (const name of names) {
    const golden = readGolden(name);
    if (!golden) continue;
    const r = results.get(name) ?? { stdout: '', stderr: '', code: -1, error: 'no result (runner died)' };
    const bad = compare(r, golden);
    if (bad.length) failures.push(`--- ${name}.go\n${bad.join('\n')}`);
    else passed++;
  }
  const line = `conformance --engine=interp: ${passed} passed, ${failures.length} failed`;
  t.diagnostic(`${line} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  assert.equal(failures.length, 0, `${line}\n${failures.join('\n').slice(0, 20_000)}`);
});

/** One traced run in virtual time: everything a user could compare. */
async function traced(src, filename, opts) {
  const { compile, Machine } = await p9rtAPI();
  const program = compile(src, { filename });
  let stdout = '';
  let stderr = '';
  const m = await Machine.start(program, { trace: true, onStdout: (s) => (stdout += s), onStderr: (s) => (stderr += s), ...opts });
  const x = await m.exited;
  await new Promise((r) => setTimeout(r, 0));
  return { stdout, stderr, code: x.code, reason: x.reason, trace: JSON.stringify(m.trace()) };
}

// Goroutines, timers, select, panics and recover, maps, the collector,
// deep recursion (stack growth), fmt: every path where the engines hand
// over to each other's code.
const SAME = [
  'goroutine_gosched_order', 'select_fairness_both', 'time_ticker', 'time_ordering_sleepers',
  'sync_waitgroup_mutex', 'panic_nested_defers', 'recover_runtime_error_type', 'defer_named_result',
  'map_delete_during_range', 'alloc_many_gc', 'recursion_deep', 'fmt_verbs_structs', 'goroutine_panic_crashes',
  'chan_pipeline', 'int_div_zero_recover',
];

test('same program and seed: the same output and trace with either engine', async (t) => {
  if (!runnable()) return t.skip('core or dist not built');
  for (const name of SAME) {
    for (const seed of [1, 5]) {
      const a = await traced(source(name), name + '.go', { seed, engine: 'interp' });
      const b = await traced(source(name), name + '.go', { seed, engine: 'wasm' });
      assert.deepEqual(b, a, `${name} seed ${seed}`);
    }
  }
});

test('notes: the same bytes with either engine (examples/deadline.go, a note at 30ms)', async (t) => {
  if (!runnable()) return t.skip('core or dist not built');
  const src = readFileSync(join(root, 'examples/deadline.go'), 'utf8');
  const notes = [{ at: 30, target: 'main', text: 'interrupt' }];
  const a = await traced(src, 'deadline.go', { notes, engine: 'interp' });
  const b = await traced(src, 'deadline.go', { notes, engine: 'wasm' });
  assert.ok(a.trace.length > 100);
  assert.deepEqual(b, a);
});

test('p9rt run --engine', async (t) => {
  if (!runnable()) return t.skip('core or dist not built');
  const cli = join(root, 'bin/p9rt.js');
  const file = join(root, 'tests/conformance/recursion_deep.go');
  const want = readGolden('recursion_deep');
  const cache = mkdtempSync(join(tmpdir(), 'p9rt-engine-'));
  try {
    for (const flags of [[], ['--engine=wasm'], ['--engine=interp']]) {
      const r = spawnSync(process.execPath, [cli, 'run', ...flags, file], { encoding: 'utf8', env: { ...process.env, P9RT_CACHE: cache } });
      assert.deepEqual(compare({ stdout: r.stdout, stderr: r.stderr, code: r.status }, want), [], flags.join(' '));
    }
    // The translation is kept beside the image (docs/backend.md "Cold start");
    // a damaged one is translated again, never run.
    const kept = readdirSync(cache).filter((n) => n.endsWith('.wasm'));
    assert.equal(kept.length, 1);
    writeFileSync(join(cache, kept[0]), 'not wasm');
    const r = spawnSync(process.execPath, [cli, 'run', file], { encoding: 'utf8', env: { ...process.env, P9RT_CACHE: cache } });
    assert.deepEqual(compare({ stdout: r.stdout, stderr: r.stderr, code: r.status }, want), [], 'damaged');
    assert.equal(readFileSync(join(cache, kept[0]))[0], 0, 'translated again and kept');
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  const bad = spawnSync(process.execPath, [cli, 'run', '--engine=jit', file], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /flag --engine: "jit" \(want interp or wasm\)/);
});

test('an image the engine cannot translate fails to start, naming where and what', async (t) => {
  if (!runnable()) return t.skip('core or dist not built');
  const { compile, Machine } = await p9rtAPI();
  const program = compile('package main\n\nfunc main() {\n\tprintln(1)\n}\n', { filename: 'bad.go' });
  // main.main's first PRINTINT becomes a byte that is no opcode.
  const { translate } = await import(join(root, 'dist/src/engine/translate.js'));
  const { Op } = await import(join(root, 'dist/host/abi/defs.js'));
  const img = program.image.slice();
  const { readImage } = await import(join(root, 'dist/src/compiler/disasm.js'));
  const f = readImage(img).funcs.find((x) => x.name === 'main.main');
  const at = img.indexOf(Op.PRINTINT, f.code);
  assert.ok(at > 0 && at < f.code + f.codelen);
  img[at] = 255;
  assert.throws(() => translate(img), /bad\.go:4: wasm engine: main\.main: byte 255 at pc \d+ is no opcode/);
  await assert.rejects(Machine.start({ image: img, filename: 'bad.go' }, { engine: 'wasm' }), /bad\.go:4: wasm engine/);
  await assert.rejects(Machine.start(program, { engine: 'jit' }), /unknown engine "jit"/);
});
