// The collector's cost (assembly/runtime/mgc.ts): bench/gc-churn.go (small
// objects: maps, strings, closures, interfaces) and bench/gc-live.go (64 KiB
// buffers, 10 MiB live) run with the collector off (the baseline: every
// allocation is new memory, as the old bump allocator did) and on, in real
// time, a few runs each, interleaved; prints median wall clock side by side
// with the pauses the runtime measured. Then gc-live.go allocates 10 GiB,
// which only the collected run can do (the memory maximum is 1 GiB).
// Run: npm run build && node bench/gc-bench.mjs [runs] [10GiB-run MiB]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 3);
const big = process.argv[3] ?? '10240';

function run(file, args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/p9rt.js', 'run', '--realtime', `bench/${file}`, ...args], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 24,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')}: exit ${r.status}\n${r.stdout}${r.stderr}`);
  return { ms, out: r.stdout + r.stderr };
}

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const pauses = (out) => /pauses total (\d+) us,? max (\d+) us|pauses: total (\d+) us, max (\d+) us/.exec(out);
const fmtp = (out) => {
  const m = pauses(out);
  if (!m) return '';
  const [tot, max] = m[1] ? [m[1], m[2]] : [m[3], m[4]];
  const n = /(\d+) collections/.exec(out)?.[1] ?? '?';
  return `${n} collections, pauses total ${(tot / 1000).toFixed(1)} ms, max ${(max / 1000).toFixed(1)} ms`;
};

for (const [file, args] of [['gc-churn.go', []], ['gc-live.go', ['768']]]) {
  const off = [], on = [];
  let lastOn, lastOff;
  for (let i = 0; i < runs; i++) {
    lastOff = run(file, [...args, 'off']);
    off.push(lastOff.ms);
    lastOn = run(file, args);
    on.push(lastOn.ms);
  }
  const b = median(off), c = median(on);
  console.log(`${file} ${args.join(' ')}: ${runs} runs each, real time, median wall clock (process start to exit)`);
  console.log(`  baseline (GC off): ${b.toFixed(0)} ms  [${off.map((x) => x.toFixed(0)).join(' ')}]  ${/(\d+ MiB) reached/.exec(lastOff.out)?.[1] ?? '?'} reached`);
  console.log(`  collected        : ${c.toFixed(0)} ms  [${on.map((x) => x.toFixed(0)).join(' ')}]  ${((c / b - 1) * 100).toFixed(0)}%  ${/(\d+ MiB) reached/.exec(lastOn.out)?.[1] ?? '?'} reached; ${fmtp(lastOn.out)}`);
}
const r = run('gc-live.go', [big]);
console.log(`gc-live.go ${big} (collected only: the baseline runs out of memory past 1 GiB): ${(r.ms / 1000).toFixed(1)} s`);
console.log('  ' + r.out.trim().split('\n').join('\n  '));
