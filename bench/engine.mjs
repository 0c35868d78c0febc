// npm run bench (issue 13 item 4): every figure of issue 13's table beside its
// baselines measured in the same run, on this machine:
//  - the CPU kernels (bench/kernels/kernels.go, the fastest of --reps runs each) run natively, as Go's js/wasm
//    port (the installed Go, Node running misc/wasm/wasm_exec_node.js) and on
//    p9rt with each engine (--realtime, self-timed with time.Now);
//  - the host-facing latencies (bench/kernels/latency.go: a system call's
//    round trip, a note until the goroutine waiting for it runs, how late a
//    read with a 1 ms deadline returns) natively and on p9rt, beside the floor
//    under every p9rt system call, the Atomics ping-pong between two workers
//    (bench/lib/atomics-pingpong.mjs);
//  - explorer runs/s: bench/explore.mjs's own report, when the tree has it;
//  - cold start: a fresh `p9rt run hello.go` (its image and translation in the
//    cache, as a second run finds them) beside `node -e 0`, `go run` and Go's
//    js/wasm hello.
// The configurations alternate round by round in this one process so the
// machine's load falls on all of them alike. Prints the medians as Markdown
// tables (the README's "Speed" table is one such run) and writes every sample
// to bench/results/engine-*.json.
//
//   node bench/engine.mjs [--rounds N] [--scale N] [--reps N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const rounds = arg('rounds', 3);
const scale = arg('scale', 3);
// Timed runs of each kernel in each configuration, the fastest counted: on a
// loaded machine the fastest of five still moved 2-10x between rounds.
const reps = arg('reps', 15);
const src = join(here, 'kernels/kernels.go');
const tmp = mkdtempSync(join(tmpdir(), 'p9rt-bench-'));

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...opts });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

const latencySrc = join(here, 'kernels/latency.go');
const hello = join(tmp, 'hello.go');
writeFileSync(hello, 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello, world")\n}\n');
const cache = join(tmp, 'cache');

/** Wall-clock ms of one run of a command. */
function wall(cmd, args, opts = {}) {
  const t0 = performance.now();
  sh(cmd, args, opts);
  return performance.now() - t0;
}
/** "name value unit" lines of a wall-clock time. */
const coldLine = (ms) => `cold ${ms.toFixed(0)} ms`;

const configs = [];
const latency = [];
const cold = [{ name: 'node -e 0', run: () => coldLine(wall(process.execPath, ['-e', '0'])) }];
const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' });
if (!goroot.error && goroot.status === 0) {
  const env = { ...process.env, GOFLAGS: '', GO111MODULE: 'off' };
  const native = join(tmp, 'kernels');
  sh('go', ['build', '-o', native, src], { env });
  configs.push({ name: 'native Go', run: () => sh(native, [String(scale), String(reps)]) });
  const nativeLat = join(tmp, 'latency');
  sh('go', ['build', '-o', nativeLat, latencySrc], { env });
  latency.push({ name: 'native Go', run: () => sh(nativeLat, []) });
  cold.push({ name: 'go run', run: () => coldLine(wall('go', ['run', hello], { env })) });
  const wasm = join(tmp, 'kernels.wasm');
  sh('go', ['build', '-o', wasm, src], { env: { ...env, GOOS: 'js', GOARCH: 'wasm' } });
  const execNode = join(goroot.stdout.trim(), 'misc/wasm/wasm_exec_node.js');
  const preload = join(here, 'lib/jswasm-preload.cjs');
  configs.push({ name: 'Go js/wasm', run: () => sh(process.execPath, ['-r', preload, execNode, wasm, String(scale), String(reps)]) });
  const helloWasm = join(tmp, 'hello.wasm');
  sh('go', ['build', '-o', helloWasm, hello], { env: { ...env, GOOS: 'js', GOARCH: 'wasm' } });
  cold.push({ name: 'Go js/wasm', run: () => coldLine(wall(process.execPath, ['-r', preload, execNode, helloWasm])) });
} else {
  console.log('no Go toolchain: native and js/wasm baselines skipped');
}
const cli = join(root, 'bin/p9rt.js');
for (const engine of ['interp', 'wasm']) {
  configs.push({ name: `p9rt ${engine}`, run: () => sh(process.execPath, [cli, 'run', '--realtime', `--engine=${engine}`, src, String(scale), String(reps)], { env: { ...process.env, P9RT_CACHE: cache } }) });
  latency.push({ name: `p9rt ${engine}`, run: () => sh(process.execPath, [cli, 'run', '--realtime', `--engine=${engine}`, latencySrc], { env: { ...process.env, P9RT_CACHE: cache } }) });
  cold.push({ name: `p9rt ${engine}`, run: () => coldLine(wall(process.execPath, [cli, 'run', `--engine=${engine}`, hello], { env: { ...process.env, P9RT_CACHE: cache } })) });
}
const floor = join(here, 'lib/atomics-pingpong.mjs');
latency.push({ name: 'Atomics ping-pong', run: () => sh(process.execPath, [floor]) });

/** "name value unit" lines -> { name: { value, unit } } */
function parse(out) {
  const r = {};
  for (const line of out.trim().split('\n')) {
    const [name, value, unit] = line.split(' ');
    r[name] = { value: Number(value), unit };
  }
  return r;
}

const groups = [
  { title: `CPU kernels (bench/kernels/kernels.go, scale ${scale}, fastest of ${reps} runs)`, configs, ratios: [['p9rt wasm', 'Go js/wasm'], ['p9rt wasm', 'p9rt interp'], ['p9rt wasm', 'native Go']] },
  { title: 'latencies (bench/kernels/latency.go; the Atomics floor: bench/lib/atomics-pingpong.mjs)', configs: latency, ratios: [['p9rt wasm', 'native Go']] },
  { title: 'cold start of hello.go (p9rt: image and translation cached, as on a second run)', configs: cold, ratios: [['p9rt wasm', 'node -e 0'], ['p9rt interp', 'node -e 0']] },
];
for (const g of groups) g.samples = new Map(g.configs.map((c) => [c.name, []]));
// Warm the caches: the p9rt image and translation, go run's build, the file cache.
for (const g of groups.slice(2)) for (const c of g.configs) c.run();
for (let i = 0; i < rounds; i++) {
  for (const g of groups) for (const c of g.configs) g.samples.get(c.name).push(parse(c.run()));
  process.stderr.write(`round ${i + 1}/${rounds} done\n`);
}
rmSync(tmp, { recursive: true, force: true });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (v) => (v === undefined ? '-' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));
const gmean = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const when = new Date().toISOString();
console.log(`npm run bench: medians of ${rounds} alternating rounds; ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}; ${when}`);
const results = {};
for (const g of groups) {
  // rows: every measure any configuration printed, in order of appearance
  const names = [];
  const unit = {};
  for (const c of g.configs) for (const s of g.samples.get(c.name)) for (const [k, v] of Object.entries(s)) if (!names.includes(k)) (names.push(k), (unit[k] = v.unit));
  const cols = g.configs.map((c) => c.name);
  const ratios = g.ratios.filter(([a, b]) => cols.includes(a) && cols.includes(b));
  const table = {};
  const lines = [`${g.title}:`, '', `| | unit | ${cols.join(' | ')} | ${ratios.map(([a, b]) => `${a.replace('p9rt ', '')} / ${b.replace('p9rt ', '')}`).join(' | ')} |`];
  lines.push(`|---|---|${cols.map(() => '---|').join('')}${ratios.map(() => '---|').join('')}`);
  const geo = ratios.map(() => []);
  for (const k of names) {
    const row = (table[k] = { unit: unit[k] });
    for (const c of cols) {
      const xs = g.samples.get(c).map((s) => s[k]?.value).filter((v) => v !== undefined);
      if (xs.length) row[c] = median(xs);
    }
    const rs = ratios.map(([a, b], j) => {
      if (row[a] === undefined || row[b] === undefined) return '-';
      const r = row[a] / row[b];
      geo[j].push(r);
      return `${r.toFixed(2)}x`;
    });
    lines.push(`| ${k} | ${unit[k]} | ${cols.map((c) => fmt(row[c])).join(' | ')} | ${rs.join(' | ')} |`);
  }
  if (g.configs === configs) lines.push(`| geometric mean | | ${cols.map(() => '').join(' | ')} | ${geo.map((x) => `${gmean(x).toFixed(2)}x`).join(' | ')} |`);
  console.log(lines.join('\n') + '\n');
  results[g.title] = { table, samples: Object.fromEntries(g.samples) };
}
// Explorer runs/s (issue 13.4) come from explore's own bench, when the tree has it:
// printed as it prints them, and kept with the results.
const exploreBench = join(here, 'explore.mjs');
if (existsSync(exploreBench)) {
  let out;
  try {
    out = sh(process.execPath, [exploreBench, '--runs', '20']);
  } catch (e) {
    out = `bench/explore.mjs failed: ${e.message}`;
  }
  console.log(`explorer (bench/explore.mjs --runs 20):\n\n${out}`);
  results.explorer = out;
}
mkdirSync(join(here, 'results'), { recursive: true });
const out = join(here, 'results', `engine-${when.replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({ when, scale, reps, rounds, cores: cpus().length, load: loadavg(), results }, null, 1) + '\n');
console.log(`results: ${out}`);
