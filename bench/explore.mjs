// p9rt explore's speed (issue 15: the target is 500 runs/s on the 57114
// programs on a 2-core machine), printed beside its baselines:
//   - `p9rt run` of the same program, one process per run (what a user
//     trying seeds by hand pays: node's start, the image cache, the run);
//   - Machine.start of the compiled program, one run after another (what a
//     run costs in-process, with no explore around it);
//   - explore's own runs/s on a new machine per run (what it did before
//     machines were reused), and reusing machines with --jobs 1 and 2 (the
//     search, the schedule's bookkeeping and the classification included).
// The machine's load is printed with the figures: on a shared machine they
// move with it.
//
// Run: npm run build && node bench/explore.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const i = process.argv.indexOf('--runs');
const RUNS = i >= 0 ? Number(process.argv[i + 1]) : 40;
const { compile, Machine, explore } = await import(join(root, 'dist/src/api/index.js'));

const programs = ['issue57114_late.go', 'issue57114_instant.go'].map((f) => join(root, 'tests/go/programs', f));

/** Wall seconds of n `p9rt run` processes. */
function cliRuns(file, n) {
  const t0 = performance.now();
  for (let k = 0; k < n; k++) {
    const r = spawnSync(process.execPath, [join(root, 'bin/p9rt.js'), 'run', '--poll=go1.19', '--seed', String(k + 1), file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`p9rt run ${file}: ${r.status} ${r.stderr}`);
  }
  return (performance.now() - t0) / 1000;
}

/** Wall seconds of n Machine.start runs in this process. */
async function machineRuns(program, n) {
  const t0 = performance.now();
  for (let k = 0; k < n; k++) {
    const m = await Machine.start(program, { seed: k + 1, poll: 'go1.19', trace: false, waitForHost: false });
    await m.exited;
  }
  return (performance.now() - t0) / 1000;
}

const rate = (n, s) => `${(n / s).toFixed(1)} runs/s`;
console.log(`p9rt explore speed, ${RUNS} runs each; ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('target (issue 15): 500 runs/s');
for (const file of programs) {
  const program = compile(readFileSync(file, 'utf8'), { filename: file });
  const name = file.slice(file.lastIndexOf('/') + 1);
  const cliN = Math.max(3, Math.floor(RUNS / 8));
  const cli = cliRuns(file, cliN);
  const mach = await machineRuns(program, RUNS);
  const rows = [
    [`p9rt run, a process per run (${cliN} runs)`, rate(cliN, cli)],
    ['Machine.start, one run after another', rate(RUNS, mach)],
  ];
  {
    const r = await explore(program, { runs: Math.max(4, Math.floor(RUNS / 4)), jobs: 1, poll: 'current', shrink: false, reuse: false });
    rows.push([`explore, a new machine per run (--poll=current, ${r.runs} runs)`, rate(r.runs, r.seconds)]);
  }
  for (const jobs of [1, 2]) {
    const r = await explore(program, { runs: RUNS, jobs, poll: 'current', shrink: false });
    rows.push([`p9rt explore --jobs ${jobs}, machines reused (--poll=current)`, rate(r.runs, r.seconds)]);
  }
  console.log(`\n${name}`);
  for (const [what, v] of rows) console.log(`  ${what.padEnd(62)} ${v}`);
}
console.log(`\nload after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
