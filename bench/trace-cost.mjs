// The cost of tracing (docs/trace.md "Cost", issue 13.3): bench/pingpong.go
// (10,000 goroutine switches) run untraced (the baseline: what `p9rt run`
// does without --trace/--timeline/--explain) and traced, in virtual time and
// in real time, a few times each, interleaved; prints the medians side by side.
// Run: npm run build && node bench/trace-cost.mjs [runs]
import { readFileSync } from 'node:fs';
import { compile } from '../dist/src/api/index.js';
import { Machine } from '../dist/src/api/machine.js';
import { chromeTrace } from '../dist/src/trace/index.js';

const runs = Number(process.argv[2] ?? 5);
const path = new URL('./pingpong.go', import.meta.url);
const program = compile(readFileSync(path, 'utf8'), { filename: 'bench/pingpong.go' });

async function once(trace, clock = 'virtual') {
  const t0 = performance.now();
  let out = '';
  const m = await Machine.start(program, { trace, clock, onStdout: (s) => (out += s) });
  const x = await m.exited;
  const ms = performance.now() - t0;
  if (x.code !== 0 || !out.includes('round trips: 5000')) throw new Error(`bad run: ${JSON.stringify(x)} ${out}`);
  const ev = m.trace();
  return { ms, events: ev.length, starts: ev.filter((e) => e.kind === 'go.start').length, bytes: trace ? chromeTrace(ev).length : 0 };
}

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
await once(false); // warm up: core.wasm compile, workers
for (const clock of ['virtual', 'real']) {
  const off = [], on = [];
  let last;
  for (let i = 0; i < runs; i++) {
    off.push((await once(false, clock)).ms);
    last = await once(true, clock);
    on.push(last.ms);
  }
  const b = median(off), r = median(on);
  console.log(`pingpong.go, ${runs} runs each, ${clock} time, median wall clock:`);
  console.log(`  baseline (trace off): ${b.toFixed(0)} ms   [${off.map((x) => x.toFixed(0)).join(' ')}]`);
  console.log(`  traced               : ${r.toFixed(0)} ms   [${on.map((x) => x.toFixed(0)).join(' ')}]   ${(r / b).toFixed(2)}x`);
  console.log(`  traced run: ${last.events} events, ${last.starts} goroutine switches (go.start), Chrome JSON ${(last.bytes / 1e6).toFixed(1)} MB`);
}
