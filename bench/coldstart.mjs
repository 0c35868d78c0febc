// Cold start (issue 13 item 2): wall-clock time of a fresh process running hello.go,
// `p9rt run` from source (what a user types), beside its baselines measured in the same run,
// alternating: `node -e 0` (Node's own start: the target is at most 3x it), `p9rt run` of a
// built image (no compile at all) and the installed Go's `go run` (when Go is installed; it
// caches its builds, so this is its warm figure). The p9rt rows: a program already in the image
// cache (a second run), one compiled from the Go library's shipped trees (a first run), and one
// compiled with the library parsed from source as before tools/gentrees.mjs (P9RT_NO_TREES=1).
// Run: npm run build && node bench/coldstart.mjs [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 5);
const bin = fileURLToPath(new URL('../bin/p9rt.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'p9rt-cold-'));
const hello = join(dir, 'hello.go');
writeFileSync(hello, 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello, world")\n}\n');
const image = join(dir, 'hello.p9img');
spawnSync(process.execPath, [bin, 'build', '-o', image, hello]);
const haveGo = spawnSync('sh', ['-c', 'command -v go']).status === 0;

function time(cmd, args, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: dir, env: { ...process.env, ...env } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return ms;
}

const cache = join(dir, 'cache');
const rows = [
  ['node -e 0', () => time(process.execPath, ['-e', '0'])],
  ['p9rt run hello.go, in the image cache', () => time(process.execPath, [bin, 'run', hello], { P9RT_CACHE: cache })],
  ['p9rt run hello.go, compiled (shipped trees)', () => time(process.execPath, [bin, 'run', hello], { P9RT_CACHE: 'off' })],
  ['p9rt run hello.go, compiled, parsed (before)', () => time(process.execPath, [bin, 'run', hello], { P9RT_CACHE: 'off', P9RT_NO_TREES: '1' })],
  ['p9rt run hello.p9img (built image)', () => time(process.execPath, [bin, 'run', image])],
  ...(haveGo ? [['go run hello.go', () => time('go', ['run', hello], { GO111MODULE: 'off' })]] : []),
];
const results = rows.map(() => []);
rows.forEach(([, f]) => f()); // warm the file cache (and go's build cache)
for (let i = 0; i < runs; i++) rows.forEach(([, f], j) => results[j].push(f()));
rmSync(dir, { recursive: true, force: true });

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const base = median(results[0]);
console.log(`cold start of hello.go, ${runs} runs each, alternating, median wall clock (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores):`);
rows.forEach(([name], j) => {
  const m = median(results[j]);
  console.log(`  ${name.padEnd(48)} ${m.toFixed(0).padStart(6)} ms  ${(m / base).toFixed(1).padStart(5)}x node -e 0   [${results[j].map((x) => x.toFixed(0)).join(' ')}]`);
});
