// The collector's cost (assembly/runtime/mgc.ts): bench/gc-churn.go (small
// objects: maps, strings, closures, interfaces) and bench/gc-live.go (64 KiB
// buffers, 10 MiB live) run with the collector off (the baseline: every
// allocation is new memory, as the old bump allocator did) and on, in real
// time, a few runs each, interleaved; prints median wall clock side by side
// with the pauses the runtime measured. Then gc-live.go allocates 10 GiB,
// which only the collected run can do (the memory maximum is 1 GiB).
// Then bench/gc-pause.go: what one runtime.GC() costs as the live heap grows
// (pointer-dense small objects beside 64 KiB byte buffers of the same size,
// the floor: marked, never scanned), and after the heap is dropped, beside
// issue 10's report of 32 ms per call.
// Run: npm run build && node bench/gc-bench.mjs [runs] [10GiB-run MiB] [pause MiB list, e.g. 0,4,16,64]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 3);
const big = process.argv[3] ?? '10240';
const pauseSizes = (process.argv[4] ?? '0,4,16,64').split(',');

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

// runtime.GC() against the live heap (the collector's pause, measured inside it).
const rows = (out) => Object.fromEntries([...out.matchAll(/^(\S+) (\d+) MiB .*pause median +([\d.]+) us/gm)].map((m) => [m[2], Number(m[3])]));
const dropped = (out) => /dropped \(reached (\d+) MiB\).*pause median +([\d.]+) us/.exec(out);
const small = run('gc-pause.go', ['small', ...pauseSizes]).out;
const bufs = run('gc-pause.go', ['buffers', ...pauseSizes]).out;
const rs = rows(small), rb = rows(bufs);
console.log('runtime.GC() pause (median of 9, measured by the collector) against the live heap; issue 10 reported 32 ms per call');
for (const mib of pauseSizes) {
  const a = rs[mib], b = rb[mib];
  const per = Number(mib) > 0 ? `  ${(a / 1000 / Number(mib)).toFixed(2)} ms per MiB of small objects` : '';
  console.log(`  live ${mib.padStart(4)} MiB: small objects ${(a / 1000).toFixed(2)} ms, 64 KiB buffers ${(b / 1000).toFixed(2)} ms${per}`);
}
for (const [what, out] of [['small objects', small], ['buffers', bufs]]) {
  const d = dropped(out);
  if (d) console.log(`  after dropping the ${what} (heap reached ${d[1]} MiB, ~0 live): ${(Number(d[2]) / 1000).toFixed(3)} ms`);
}
