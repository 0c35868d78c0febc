// The conformance suite's shared parts: where the programs are, the golden
// file format (README.md), real Go's side (a cached `go build` binary per
// program) and p9rt's side (compiled and run in-process through the library
// API), and the comparison of a run with its golden.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const dir = fileURLToPath(new URL('.', import.meta.url));
export const root = join(dir, '../..');

/** Program names (file names without .go), sorted. */
export function programs() {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.go'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** A program's name from a command-line argument: NAME, NAME.go, pending/NAME, a path. */
export function nameOf(arg) {
  const abs = resolve(arg.replace(/\.(go|golden)$/, ''));
  return abs.startsWith(dir) ? abs.slice(dir.length) : arg.replace(/\.(go|golden)$/, '');
}

export function source(name) {
  return readFileSync(join(dir, name + '.go'), 'utf8');
}

// A golden file: "exit N", "stderr <JSON string of a regexp>", "--- stdout",
// then the expected stdout byte for byte.
export function formatGolden(g) {
  return `exit ${g.exit}\nstderr ${JSON.stringify(g.stderr)}\n--- stdout\n${g.stdout}`;
}

export function readGolden(name) {
  const f = join(dir, name + '.golden');
  if (!existsSync(f)) return null;
  const text = readFileSync(f, 'utf8');
  const m = /^exit (\d+)\nstderr (.*)\n--- stdout\n/.exec(text);
  if (!m) throw new Error(`${name}.golden: malformed header`);
  return { exit: Number(m[1]), stderr: JSON.parse(m[2]), stdout: text.slice(m[0].length) };
}

const escape = (s) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/**
 * The stderr pattern of a real Go run: all of stderr when there is no
 * goroutine trace; otherwise the text before the first goroutine header and
 * the header itself with its number left open (Go's numbers count runtime
 * goroutines p9rt does not have); frames and addresses are not compared.
 */
export function stderrPattern(stderr) {
  const lines = stderr.split('\n');
  const i = lines.findIndex((l) => /^goroutine \d+ \[.*\]:$/.test(l));
  if (i < 0) return '^' + escape(stderr) + '$';
  // "[signal SIGSEGV: ...]" is the OS's word for a fault (Plan 9's Go says
  // "[signal sys: trap: fault read ...]"): optional, and any text.
  const head = lines
    .slice(0, i)
    .map((l) => (/^\[signal .*\]$/.test(l) ? '(\\[signal [^\\n]*\\]\\n)?' : escape(l) + '\\n'))
    .join('');
  return '^' + head + escape(lines[i]).replace(/^goroutine \d+/, 'goroutine \\d+');
}

/** What is wrong with a run against its golden (empty when it conforms). */
export function compare(run, golden) {
  const bad = [];
  if (run.error) bad.push(run.error);
  if (run.stdout !== golden.stdout) bad.push(`stdout differs:\n--- want\n${golden.stdout}--- got\n${run.stdout}---`);
  if (run.code !== golden.exit) bad.push(`exit code ${run.code}, want ${golden.exit}`);
  if (!new RegExp(golden.stderr).test(run.stderr)) bad.push(`stderr does not match ${golden.stderr}:\n${run.stderr}`);
  return bad;
}

// ---- real Go

export const haveGo = !spawnSync('go', ['version']).error;
const goCache = join(tmpdir(), 'p9rt-conformance-go');

function collect(cmd, args, opts) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, opts);
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), opts.timeout ?? 60_000);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? 128, signal });
    });
    p.on('error', (e) => {
      clearTimeout(timer);
      resolve({ stdout, stderr: String(e), code: 127 });
    });
  });
}

/** Build (once per content: cached by hash in the temp dir) and run a program with real Go. */
export async function runGo(name) {
  const src = source(name);
  const hash = createHash('sha256').update(src).digest('hex').slice(0, 16);
  mkdirSync(goCache, { recursive: true });
  const bin = join(goCache, `${name.replace(/\//g, '_')}-${hash}`);
  if (!existsSync(bin)) {
    const tmp = `${bin}.${process.pid}.tmp`;
    const b = await collect('go', ['build', '-o', tmp, join(dir, name + '.go')], { timeout: 120_000 });
    if (b.code !== 0) return { stdout: '', stderr: b.stderr, code: -1, error: `go build failed: ${b.stderr}` };
    renameSync(tmp, bin);
  }
  return collect(bin, [], { timeout: 30_000, env: { ...process.env, GOMAXPROCS: '2' } });
}

// ---- p9rt

let api = null;
export async function p9rtAPI() {
  api ??= await import(join(root, 'dist/src/api/index.js'));
  return api;
}

export const runnable = () =>
  existsSync(join(root, 'dist/src/api/index.js')) && existsSync(join(root, 'build/core.wasm'));

/**
 * Run programs on p9rt in `jobs` processes of run.mjs (each runs its share
 * in-process, one after another): name -> { stdout, stderr, code, ... }.
 */
export function runAllP9(names, jobs, engine = 'wasm') {
  const shares = Array.from({ length: jobs }, () => []);
  names.forEach((n, i) => shares[i % jobs].push(n));
  const results = new Map();
  return Promise.all(
    shares.filter((s) => s.length).map(
      (share) =>
        new Promise((resolve) => {
          const p = spawn(process.execPath, [join(dir, 'run.mjs'), `--engine=${engine}`, '--json', ...share], { stdio: ['ignore', 'pipe', 'inherit'] });
          let buf = '';
          p.stdout.setEncoding('utf8').on('data', (d) => {
            buf += d;
            let nl;
            while ((nl = buf.indexOf('\n')) >= 0) {
              const r = JSON.parse(buf.slice(0, nl));
              buf = buf.slice(nl + 1);
              results.set(r.name, r);
            }
          });
          p.on('close', resolve);
        }),
    ),
  ).then(() => results);
}

/** Compile and run one program on p9rt, in this process; virtual time, seed 1, the wasm engine (the default) unless `engine`. */
export async function runP9(name, { seed = 1, timeoutMs = 30_000, engine = 'wasm' } = {}) {
  const { compile, Machine } = await p9rtAPI();
  let program;
  try {
    program = compile(source(name), { filename: name + '.go' });
  } catch (e) {
    return { stdout: '', stderr: String(e.message ?? e), code: -1, error: `compile failed: ${e.message ?? e}` };
  }
  let stdout = '';
  let stderr = '';
  const m = await Machine.start(program, {
    seed,
    timeoutMs,
    engine,
    trace: false,
    onStdout: (s) => (stdout += s),
    onStderr: (s) => (stderr += s),
  });
  const x = await m.exited;
  await new Promise((r) => setTimeout(r, 0)); // output messages that raced the exit
  return { stdout, stderr, code: x.code, reason: x.reason };
}
