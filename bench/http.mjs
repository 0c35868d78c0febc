// Keep-alive HTTP/1.1 requests per second (issue 14 item 6): bench/http.go, a
// net/http server and one client over one kept loopback connection, run
// natively (self-timed), on p9rt in virtual time (timed from outside, by
// difference) and on p9rt --realtime (self-timed, fewer requests),
// alternating round by round so the machine's load falls on all alike.
// Prints the median of each figure beside the native baseline and writes
// bench/results/http-*.json.
//
//   node bench/http.mjs [--rounds N] [--requests N]
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
const requests = arg('requests', 300);
const src = join(here, 'http.go');
const tmp = mkdtempSync(join(tmpdir(), 'p9rt-bench-http-'));

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...opts });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

const configs = [];
if (!spawnSync('go', ['version']).error) {
  const native = join(tmp, 'http');
  sh('go', ['build', '-o', native, src], { env: { ...process.env, GOFLAGS: '', GO111MODULE: 'off' } });
  configs.push({
    name: 'native Go',
    run: () => {
      const out = sh(native, [String(requests)]);
      const us = parse(out).keepalive_us_per_req.value;
      return `${out.trim()}\nkeepalive_wall_us_per_req ${us} us\n`;
    },
  });
} else {
  console.log('no Go toolchain: the native baseline is skipped');
}
const cli = join(root, 'bin/p9rt.js');
// p9rt in virtual time (its default): the program's own clock does not
// measure the host, so the wall time of a run with 3N requests less one with
// N, over 2N, is the cost of a request; the connection and start-up cancel out.
// The cost is CPU time (bench/lib/cpu-preload.cjs), which the load of a
// shared machine disturbs less than wall time; both are printed.
const preload = join(here, 'lib/cpu-preload.cjs');
const measure = (n) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', preload, cli, 'run', src, String(n)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error || r.status !== 0) throw new Error(`p9rt run ${src}: ${r.error?.message ?? r.stderr}`);
  const cpu = Number(/cpu_us (\d+)/.exec(r.stderr)[1]);
  return { wallUs: Number(process.hrtime.bigint() - t0) / 1e3, cpuUs: cpu, out: r.stdout };
};
configs.push({
  name: 'p9rt',
  run: () => {
    const a = measure(requests);
    const b = measure(3 * requests);
    const cpu = (b.cpuUs - a.cpuUs) / (2 * requests);
    const wall = (b.wallUs - a.wallUs) / (2 * requests);
    const conns = parse(b.out).connections.value;
    return [
      `keepalive_reqs_per_s ${(1e6 / cpu).toFixed(1)} req/s`,
      `keepalive_us_per_req ${cpu.toFixed(1)} us`,
      `keepalive_wall_us_per_req ${wall.toFixed(1)} us`,
      `connections ${conns} conns`,
    ].join('\n');
  },
});
// p9rt --realtime, self-timed: each blocked Read runs on a proc of its own,
// which costs a real M start on the wall clock.
configs.push({
  name: 'p9rt --realtime',
  run: () => {
    const out = sh(process.execPath, [cli, 'run', '--realtime', src, String(Math.max(1, requests / 20))]);
    const us = parse(out).keepalive_us_per_req.value;
    return `${out.trim()}\nkeepalive_wall_us_per_req ${us} us\n`;
  },
});

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
const names = Object.keys(samples.get(configs[0].name)[0]);
const cols = configs.map((c) => c.name);
const table = {};
const native = cols.includes('native Go');
const lines = [`| figure | unit | ${cols.join(' | ')} |${native ? ' p9rt / native |' : ''}`, `|---|---|${cols.map(() => '---|').join('')}${native ? '---|' : ''}`];
for (const k of names) {
  table[k] = { unit: samples.get(cols[0])[0][k].unit };
  for (const c of cols) table[k][c] = median(samples.get(c).map((s) => s[k].value));
  const ratio = cols.includes('native Go') ? ` ${(table[k]['p9rt'] / table[k]['native Go']).toFixed(3)}x |` : '';
  lines.push(`| ${k} | ${table[k].unit} | ${cols.map((c) => table[k][c].toFixed(1)).join(' | ')} |${ratio}`);
}
const when = new Date().toISOString();
console.log(`keep-alive HTTP (bench/http.go, ${requests} requests on one connection), median of ${rounds} alternating rounds; ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}; ${when}`);
console.log(lines.join('\n'));
mkdirSync(join(here, 'results'), { recursive: true });
const out = join(here, 'results', `http-${when.replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({ when, requests, rounds, cores: cpus().length, load: loadavg(), table, samples: Object.fromEntries(samples) }, null, 1) + '\n');
console.log(`results: ${out}`);
