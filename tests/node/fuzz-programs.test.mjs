// Fuzz: random well-typed programs run on p9rt and with real Go; the outputs
// must be identical. Two generators (tests/conformance/fuzz/README.md):
// gen.mjs (integer expressions of every size, if/for/switch, a slice, a map,
// closures) and gensem.mjs (evaluation order, shadowing, constants, method
// sets, nil and zero-size values, panics). Each program holds CASES cases,
// case i of program p made from seed BASE + p*CASES + i. The base is fixed,
// so a CI run is reproducible; P9RT_FUZZ_SEED overrides it,
// P9RT_FUZZ_PROGRAMS the number of programs of each generator and
// P9RT_FUZZ_GEN picks one (int or sem). A failure prints the seed of the
// first differing case and its source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as intGen from '../conformance/fuzz/gen.mjs';
import * as semGen from '../conformance/fuzz/gensem.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const haveGo = !spawnSync('go', ['version']).error;
const runnable = existsSync(join(root, 'dist/src/cli/main.js')) && existsSync(join(root, 'build/core.wasm'));
const BASE = Number(process.env.P9RT_FUZZ_SEED ?? 5150);
const CASES = 12;
const GENERATORS = [
  { name: 'int', gen: intGen, programs: Number(process.env.P9RT_FUZZ_PROGRAMS ?? 24) },
  { name: 'sem', gen: semGen, programs: Number(process.env.P9RT_FUZZ_PROGRAMS ?? 8) },
].filter((g) => !process.env.P9RT_FUZZ_GEN || process.env.P9RT_FUZZ_GEN === g.name);

function run(cmd, args) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: root });
    let out = '';
    p.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    p.stderr.setEncoding('utf8').on('data', (d) => (out += d));
    // a hung run is a failure to report, not a hung test
    const timer = setTimeout(() => p.kill('SIGKILL'), 90_000);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ out, code: code ?? 'killed after 90 s' });
    });
  });
}

for (const { name, gen: { genCase, genProgram }, programs: PROGRAMS } of GENERATORS)
test(`fuzz (${name}): ${PROGRAMS * CASES} random cases on p9rt and real Go (base seed ${BASE})`, async (t) => {
  if (!runnable) return t.skip('core or CLI not built');
  if (!haveGo) return t.skip('no Go toolchain');
  const dir = mkdtempSync(join(tmpdir(), 'p9rt-fuzz-'));
  const queue = Array.from({ length: PROGRAMS }, (_, p) => p);
  const failures = [];
  const one = async (p) => {
    const base = BASE + p * CASES;
    const file = join(dir, `fuzz${name}${base}.go`);
    writeFileSync(file, genProgram(base, CASES));
    const b = await run('go', ['build', '-o', file + '.bin', file]);
    if (b.code !== 0) {
      failures.push(`program of seeds ${base}..: real Go refused it (a generator bug):\n${b.out}`);
      return;
    }
    const [g, q] = await Promise.all([run(file + '.bin', []), run(process.execPath, [join(root, 'bin/p9rt.js'), 'run', file])]);
    if (g.out === q.out && g.code === q.code) return;
    const gl = g.out.split('\n');
    const ql = q.out.split('\n');
    let i = 0;
    while (i < gl.length && gl[i] === ql[i]) i++;
    const m = /^case(\d+)/.exec(gl[i] ?? '') ?? /^case(\d+)/.exec(ql[i] ?? '');
    const c = m ? Number(m[1]) : 0;
    failures.push(
      `seed ${base + c} (P9RT_FUZZ_GEN=${name} P9RT_FUZZ_SEED=${base} P9RT_FUZZ_PROGRAMS=1, case${c} of ${file}):\n` +
        `  go:   ${gl[i]}\n  p9rt: ${ql[i]} (exit ${q.code}, go ${g.code})\n${genCase(base + c, c)}`,
    );
  };
  const worker = async () => {
    for (let p; (p = queue.shift()) !== undefined; ) await one(p);
  };
  await Promise.all([worker(), worker()]);
  const line = `fuzz (${name}): ${PROGRAMS * CASES - failures.length * CASES} cases agreed, ${failures.length} programs differed (base seed ${BASE})`;
  console.log(line);
  assert.equal(failures.length, 0, `${line}\n${failures.join('\n\n').slice(0, 20_000)}`);
});
