// Output throughput (issue 18.6: at least 1,000,000 short lines a second to
// a file or a pipe): bench/output.go writes N lines with fmt.Println and
// with os.Stdout.Write, to a file and to a pipe, natively (go build) and on
// p9rt (--realtime, the interpreter and the wasm engine), each line rate
// measured inside the program. With a second checkout (BASELINE, built), its
// p9rt runs too: the figures before a change, beside those after it.
// Run: npm run build && node bench/output.mjs [N] [BASELINE]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const n = process.argv[2] ?? '200000';
const baseline = process.argv[3];
const dir = mkdtempSync(join(tmpdir(), 'p9rt-output-'));
const native = join(dir, 'output');
const hasGo = !spawnSync('go', ['version']).error;
if (hasGo) spawnSync('go', ['build', '-o', native, join(root, 'bench/output.go')], { stdio: 'inherit' });

/** One run of cmd; its stdout to a file or a pipe; the rate it reported. */
function once(cmd, args, sink) {
  const out = join(dir, 'out.txt');
  const fd = sink === 'file' ? openSync(out, 'w') : 'pipe';
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
  if (typeof fd === 'number') closeSync(fd);
  const m = /: (\d+) lines\/s/.exec(r.stderr);
  if (r.status !== 0 || !m) return `failed (exit ${r.status}: ${r.stderr.trim().split('\n').pop()})`;
  const bytes = sink === 'file' ? statSync(out).size : r.stdout.length;
  return `${Number(m[1]).toLocaleString('en-US').padStart(11)} lines/s (${(bytes / 1e6).toFixed(1)} MB)`;
}

const p9rt = (checkout, engine) => [process.execPath, [join(checkout, 'bin/p9rt.js'), 'run', '--realtime', `--engine=${engine}`, '--timeout=10m', join(root, 'bench/output.go')]];
const rows = [];
if (hasGo) rows.push(['native Go', native, []]);
for (const engine of ['interp', 'wasm']) {
  if (baseline) rows.push([`baseline p9rt ${engine}`, ...p9rt(baseline, engine)]);
  rows.push([`p9rt ${engine}`, ...p9rt(root, engine)]);
}
console.log(`output.go, ${Number(n).toLocaleString('en-US')} lines each, rate measured inside the program`);
for (const mode of ['println', 'write']) {
  for (const sink of ['file', 'pipe']) {
    console.log(`${mode} to a ${sink}:`);
    for (const [name, cmd, args] of rows) console.log(`  ${name.padEnd(22)} ${once(cmd, [...args, mode, n], sink)}`);
  }
}
