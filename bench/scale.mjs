// How p9rt's cost grows with procs and goroutines (issue 12), beside native
// Go running the same program:
//   - bench/scale-procs.go: N TCP reads pending at once, each ended by one
//     deadline (on Plan 9 each pending read holds a proc, so N procs). In
//     virtual time (every proc is made): wall time, peak memory (RSS), memory
//     per proc. In real time, how late the deadline fired (p50, p99, worst),
//     the deadline far enough (1 s + 5 ms a proc) for every read to be
//     pending by then.
//   - bench/scale-goroutines.go: N goroutines parked on one channel, then
//     released; wall time, peak memory, memory per goroutine, and the time
//     each tenth of them took to create (flat when creation cost is flat).
// p9rt runs in real time (--realtime). Peak RSS comes from /usr/bin/time.
// A blocked proc holds no worker (docs/scale.md §2): tens of KiB each, so
// only proc counts the machine's free memory cannot give (at PROC_MIB a
// proc, generously) are skipped, and said so.
//
// Run: npm run build && node bench/scale.mjs [--procs 10,100,1000,10000] [--goroutines 1000,10000,100000,1000000]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { freemem, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : def).split(',').map(Number);
};
const procsN = arg('procs', '10,100,1000,10000');
const goroutinesN = arg('goroutines', '1000,10000,100000,1000000');
const PROC_MIB = 0.25; // a blocked proc, generously (measured: about 25 KiB, docs/scale.md)

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const haveGo = !spawnSync('go', ['version']).error;
const dir = mkdtempSync(join(tmpdir(), 'p9rt-scale-'));

/** Run a command; its stdout, wall ms and peak RSS in MiB (null without /usr/bin/time). */
function measure(cmd, args) {
  const t0 = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ['-f', 'maxrss %M', cmd, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 })
    : spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - t0;
  const rss = /maxrss (\d+)/.exec(r.stderr ?? '');
  const err = (r.stderr ?? '').replace(/maxrss \d+\n?/, '').trim();
  if (r.status !== 0) return { ms, rss: null, out: '', err: err || `exit ${r.status}` };
  return { ms, rss: rss ? Number(rss[1]) / 1024 : null, out: r.stdout, err };
}

function goBinary(name) {
  if (!haveGo) return null;
  const out = join(dir, name);
  const r = spawnSync('go', ['build', '-o', out, join(root, 'bench', `${name}.go`)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`go build ${name}: ${r.stderr}`);
  return out;
}

const p9 = (file, args, extra) =>
  measure(process.execPath, ['bin/p9rt.js', 'run', '--timeout', '600s', ...extra, `bench/${file}.go`, ...args.map(String)]);
const num = (re, s) => {
  const m = re.exec(s);
  return m ? Number(m[1]) : null;
};
const f = (x, d = 0) => (x === null || x === undefined ? '-' : x.toFixed(d));
const row = (cells) => console.log('| ' + cells.join(' | ') + ' |');

console.log(`p9rt scale bench, ${new Date().toISOString()}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, ${Math.floor(freemem() / 2 ** 20)} MiB free`);
const results = { procs: [], goroutines: [] };

// ---- procs: pending deadline reads -------------------------------------------------
const goProcs = goBinary('scale-procs');
console.log('\nN pending TCP reads ended by one deadline (p9rt: one proc per read); wall and RSS in virtual time, lateness in real time');
row(['N', 'p9rt wall s', 'p9rt RSS MiB', 'MiB/proc', 'late p50 ms', 'late p99 ms', 'late max ms', 'Go wall s', 'Go RSS MiB', 'Go late p99 ms']);
row(Array(10).fill('---'));
let base = null;
for (const n of procsN) {
  if ((n + 8) * PROC_MIB > (Math.floor(freemem() / 2 ** 20)) - 1024) {
    row([n, `skipped: ${n} procs need about ${((n * PROC_MIB) / 1024).toFixed(1)} GiB (${PROC_MIB} MiB each), ${Math.floor(freemem() / 2 ** 20)} MiB free`, '', '', '', '', '', '', '', '']);
    continue;
  }
  const wait = Math.max(1000, 1000 + 5 * n);
  const r = p9('scale-procs', [n, 1000], ['--max-procs', String(n + 8)]);
  const rt = p9('scale-procs', [n, wait], ['--realtime', '--max-procs', String(n + 8)]);
  const g = goProcs ? measure(goProcs, [String(n), '1000']) : null;
  const us = (re, s) => (s ? num(re, s) : null);
  const late = (s, q) => us(new RegExp(`p${q} (\\d+) us`), s);
  if (!r.out || !rt.out) {
    row([n, `failed: ${(r.err || rt.err).split('\n')[0]}`, '', '', '', '', '', '', '', '']);
    continue;
  }
  base ??= r.rss;
  const per = r.rss !== null && n > procsN[0] ? (r.rss - base) / (n - procsN[0]) : null;
  const x = {
    n, ms: r.ms, rss: r.rss, perProc: per,
    late50: late(rt.out, 50) / 1000, late99: late(rt.out, 99) / 1000, lateMax: num(/max (\d+) us/, rt.out) / 1000,
    timeouts: num(/timeouts (\d+)/, rt.out),
    go: g && { ms: g.ms, rss: g.rss, late99: late(g.out, 99) / 1000 },
  };
  results.procs.push(x);
  row([n, f(x.ms / 1000, 2), f(x.rss), f(per, 1), f(x.late50, 1), f(x.late99, 1), `${f(x.lateMax, 1)} (${x.timeouts}/${n} timed out)`, f(g && g.ms / 1000, 2), f(g?.rss), f(x.go?.late99, 2)]);
}

// ---- goroutines -------------------------------------------------------------------
const goGor = goBinary('scale-goroutines');
console.log('\nN goroutines parked on one channel, then released (p9rt --max-memory 4GiB)');
row(['N', 'p9rt wall s', 'p9rt create s', 'p9rt RSS MiB', 'KiB/goroutine', 'create tenths, first..last ms', 'Go wall s', 'Go create s', 'Go RSS MiB', 'p9rt/Go create']);
row(Array(10).fill('---'));
for (const n of goroutinesN) {
  const r = p9('scale-goroutines', [n], ['--realtime', '--max-memory', '4GiB']);
  const g = goGor ? measure(goGor, [String(n)]) : null;
  if (!r.out) {
    row([n, `failed: ${r.err.split('\n').slice(0, 3).join(' / ')}`, '', '', '', '', '', '', '', '']);
    continue;
  }
  const created = num(/created (\d+) us/, r.out) / 1e6;
  const tenths = / tenths ([\d ]+)/.exec(r.out)?.[1].trim().split(' ').map((t) => (Number(t) / 1000).toFixed(0)) ?? [];
  const gCreated = g?.out ? num(/created (\d+) us/, g.out) / 1e6 : null;
  const x = { n, ms: r.ms, created, rss: r.rss, tenths, go: g && { ms: g.ms, created: gCreated, rss: g.rss } };
  results.goroutines.push(x);
  const per = r.rss !== null ? (r.rss * 1024) / n : null;
  row([n, f(r.ms / 1000, 2), f(created, 2), f(r.rss), f(per, 2), tenths.join(' '), f(g && g.ms / 1000, 2), f(gCreated, 2), f(g?.rss), gCreated ? f(created / gCreated, 1) + 'x' : '-']);
}

const out = join(root, 'bench/results', `scale-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({ load: loadavg(), results }, null, 1));
console.log(`\n${out}`);
