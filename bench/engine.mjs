// npm run bench (issue 13 item 4, the CPU kernels): bench/kernels/kernels.go
// run natively, as Go's js/wasm port (the installed Go, Node running
// misc/wasm/wasm_exec_node.js) and on p9rt with each engine (--realtime,
// self-timed with time.Now), the four alternating round by round in this one
// process so the machine's load falls on all of them alike. Prints the median
// of each figure beside its baselines and writes bench/results/engine-*.json.
//
//   node bench/engine.mjs [--rounds N] [--scale N]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
const src = join(here, 'kernels/kernels.go');
const tmp = mkdtempSync(join(tmpdir(), 'p9rt-bench-'));

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...opts });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

const configs = [];
const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' });
if (!goroot.error && goroot.status === 0) {
  const env = { ...process.env, GOFLAGS: '', GO111MODULE: 'off' };
  const native = join(tmp, 'kernels');
  sh('go', ['build', '-o', native, src], { env });
  configs.push({ name: 'native Go', run: () => sh(native, [String(scale)]) });
  const wasm = join(tmp, 'kernels.wasm');
  sh('go', ['build', '-o', wasm, src], { env: { ...env, GOOS: 'js', GOARCH: 'wasm' } });
  const execNode = join(goroot.stdout.trim(), 'misc/wasm/wasm_exec_node.js');
  const preload = join(here, 'lib/jswasm-preload.cjs');
  configs.push({ name: 'Go js/wasm', run: () => sh(process.execPath, ['-r', preload, execNode, wasm, String(scale)]) });
} else {
  console.log('no Go toolchain: native and js/wasm baselines skipped');
}
const cli = join(root, 'bin/p9rt.js');
for (const engine of ['interp', 'wasm']) {
  configs.push({ name: `p9rt ${engine}`, run: () => sh(process.execPath, [cli, 'run', '--realtime', `--engine=${engine}`, src, String(scale)]) });
}

/** "name value unit" lines -> { name: { value, unit } } */
function parse(out) {
  const r = {};
  for (const line of out.trim().split('\n')) {
    const [name, value, unit] = line.split(' ');
    r[name] = { value: Number(value), unit };
  }
  return r;
}

const samples = new Map(configs.map((c) => [c.name, []]));
for (let i = 0; i < rounds; i++) {
  for (const c of configs) samples.get(c.name).push(parse(c.run()));
  process.stderr.write(`round ${i + 1}/${rounds} done\n`);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kernels = Object.keys(samples.get(configs[0].name)[0]);
const table = {};
for (const k of kernels) {
  table[k] = { unit: samples.get(configs[0].name)[0][k].unit };
  for (const c of configs) table[k][c.name] = median(samples.get(c.name).map((s) => s[k].value));
}

const cols = configs.map((c) => c.name);
const ratioCols = [['p9rt wasm', 'Go js/wasm'], ['p9rt wasm', 'p9rt interp'], ['p9rt wasm', 'native Go']].filter(
  ([a, b]) => cols.includes(a) && cols.includes(b),
);
const fmt = (v) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));
const lines = [];
lines.push(`| kernel | unit | ${cols.join(' | ')} | ${ratioCols.map(([a, b]) => `${a.replace('p9rt ', '')} / ${b.replace('p9rt ', '')}`).join(' | ')} |`);
lines.push(`|---|---|${cols.map(() => '---|').join('')}${ratioCols.map(() => '---|').join('')}`);
const geo = ratioCols.map(() => []);
for (const k of kernels) {
  const row = table[k];
  const ratios = ratioCols.map(([a, b], j) => {
    const r = row[a] / row[b];
    geo[j].push(r);
    return r;
  });
  lines.push(`| ${k} | ${row.unit} | ${cols.map((c) => fmt(row[c])).join(' | ')} | ${ratios.map((r) => `${r.toFixed(2)}x`).join(' | ')} |`);
}
const gmean = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
lines.push(`| geometric mean | | ${cols.map(() => '').join(' | ')} | ${geo.map((g) => `${gmean(g).toFixed(2)}x`).join(' | ')} |`);
const when = new Date().toISOString();
console.log(`kernels (bench/kernels/kernels.go, scale ${scale}), median of ${rounds} alternating rounds; ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}; ${when}`);
console.log(lines.join('\n'));
mkdirSync(join(here, 'results'), { recursive: true });
const out = join(here, 'results', `engine-${when.replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({ when, scale, rounds, cores: cpus().length, load: loadavg(), table, samples: Object.fromEntries(samples) }, null, 1) + '\n');
console.log(`results: ${out}`);
