// p9rt: run, test and build Go programs on the emulated Plan 9 (docs/language.md
// "The command line").
import { accessSync, constants, fstatSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Machine, PROCS_DEFAULT, PROCS_MAX, type Engine, type HostAction, type HostNote, type NoteTarget, type PollOption, type Runnable, type StartOptions } from '../api/machine.js';
import { parseDuration as parseDurationText, parseInterrupt as parseInterruptText, parseNote as parseNoteText } from '../api/notes.js';
import { traceOutputs, traceWanted } from '../trace/cli.js';
import { pendingLine } from '../trace/pending.js';
import { IMAGE_MAGIC, IMAGE_VERSION, MEMORY_MAXIMUM_PAGES, PAGE } from '../../host/abi/defs.js';
import { decodeSource } from '../compiler/scanner.js';
import { EXPLORE_HELP, ExploreUsage, exploreCommand } from './explore.js';
import { eachFlag } from './flags.js';
import { imageHash, parseSchedule, seedValue, type ScheduleFile } from '../explore/schedule.js';
import { explainSchedule } from '../explore/explain.js';

const RUN_FLAGS = `flags of run and test:
  --realtime            wall-clock time (default: virtual, deterministic)
  --seed N              seed of every scheduling choice, 0 to 2^64-1 (default 1)
  --note WHEN:TARGET:TEXT  post a note at WHEN (50ms) to main, a pid or group (repeatable)
  --interrupt WHEN:PID  at WHEN, end the call pid is blocked in, or its next one, with
                        "interrupted", as 9front's ctl interrupt: no note (repeatable)
  --trace FILE          write the trace (Chrome trace-event JSON)
  --timeline            print a timeline of procs, syscalls and notes to stderr
  --explain             print the cause chain of each interrupted call to stderr
  --max-procs N         cap on procs, 1 to 16383 (default 1000)
  --max-memory SIZE     cap on the Go heap's memory, 1MiB to 4GiB, e.g. 64MiB (default 1GiB)
  --gomaxprocs N        accepted; v1 runs with one P
  --timeout D           stop a run longer than D of wall-clock time, compiling and start-up included (default 60s)
  --poll=VARIANT        internal/poll's deadline logic: current (default) or go1.19
  --engine=ENGINE       how Go code runs: wasm (default, each function compiled to
                        WebAssembly) or interp (the bytecode interpreter; same output and trace)
  --file HOST:PATH      put the host file HOST at PATH in the program's file tree (repeatable)
  --schedule FILE       replay a schedule p9rt explore saved (its seed, --poll, forced choices and
                        perturbations); refused if made for another program or p9rt version
the program's stdin (os.Stdin, /dev/cons) is p9rt's stdin when that is a pipe, socket or file
`;

const EXIT_CODES = `exit codes:
  0     the program exited with an empty exit string (main returned, os.Exit(0)); every test passed
  N     the program called os.Exit(N) (its exit string was the number N); a Go panic or fatal error is 2, as in Go
  1     the program ended with any other exit string, shown as "p9rt: exit: TEXT" (killed by a note such as hangup); p9rt test: a test failed
  2     p9rt could not start the run: a compile error, a bad flag or command, an unreadable file
  3     --timeout was reached, or every proc was blocked in the kernel with no timer pending and
        nothing given to p9rt could still wake one (deadlock: no later --note or --interrupt, no unread stdin)
`;

/** What p9rt help COMMAND prints. */
const HELP: Record<string, string> = {
  run: `usage: p9rt run [flags] FILE.go|FILE.p9img [program args]

Compile FILE.go (or load an image made by p9rt build) and run it on the emulated
Plan 9. Its stdout and stderr are p9rt's; an exit string that is not a number is
printed as "p9rt: exit: TEXT".

${RUN_FLAGS}`,
  test: `usage: p9rt test [flags] [-run REGEXP] [-v] [-short] FILE_test.go

Compile FILE_test.go as package main with a generated main calling the testing
package, run its TestXxx functions and print what go test prints for a file list:
quiet on success unless -v, the output of a failing run, then ok or FAIL.
  -run REGEXP   run only the tests (and subtests, TestA/sub) whose names match
  -v            print every test's === RUN and --- PASS/FAIL lines as it runs
  -short        testing.Short() reports true

${RUN_FLAGS}`,
  build: `usage: p9rt build [-o OUT] [--timeout D] FILE.go

Compile FILE.go into an image (default FILE.p9img) that p9rt run starts without
compiling again. An image runs only on the p9rt version that built it.
  -o OUT        write the image to OUT
  --timeout D   stop compiling after D of wall-clock time (default 60s; exit 3)
`,
  help: `usage: p9rt help [COMMAND]

Print the usage of p9rt or of one command (run, test, build, explore).
`,
  explore: EXPLORE_HELP,
  version: `usage: p9rt version (or p9rt --version)

Print p9rt's version.
`,
};

const USAGE = `usage:
  p9rt run [flags] FILE.go [program args]   compile and run
  p9rt test [flags] [-run REGEXP] [-v] [-short] FILE_test.go
                                            run TestXxx functions, output like go test
  p9rt build [-o OUT] [--timeout D] FILE.go  compile only
  p9rt explore [flags] FILE.go              search schedules for failures (p9rt help explore)
  p9rt help [COMMAND]                       this text, or one command's flags
  p9rt version                              print the version (also --version)
${RUN_FLAGS}
${EXIT_CODES}`;

/** This package's version, from its package.json (dist/src/cli/ or, under a TS runner, src/cli/). */
export function version(): string {
  for (const up of ['../../../package.json', '../../package.json']) {
    try {
      const p = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (p.name === 'p9rt' && p.version) return p.version;
    } catch {
      // not this level
    }
  }
  return 'unknown';
}

/** --max-memory: bytes, with an optional unit (K, KiB, M, MiB, G, GiB; powers of 1024). */
function parseSize(v: string): number {
  const m = /^([0-9]+)\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)$/i.exec(v);
  if (!m) throw new UsageError(`flag --max-memory: ${JSON.stringify(v)} is not a size (64MiB, 512M, 1GiB)`);
  const shift = { '': 0, k: 10, m: 20, g: 30 }[m[2].toLowerCase().replace(/i?b$/, '') as '' | 'k' | 'm' | 'g'];
  const n = Number(m[1]) * 2 ** shift;
  const max = MEMORY_MAXIMUM_PAGES * PAGE;
  if (n < 1 << 20 || n > max) throw new UsageError(`flag --max-memory: ${v} is not from 1MiB to ${max / 2 ** 20}MiB`);
  return n;
}

class UsageError extends Error {}

/** --trace FILE: a file that can be written, checked before the run rather than lost after it. */
function writable(path: string): string {
  if (path === '') throw new UsageError('flag --trace: no file name');
  const full = resolve(path);
  try {
    if (statSync(full, { throwIfNoEntry: false })?.isDirectory()) throw new Error('is a directory');
    accessSync(dirname(full), constants.W_OK);
  } catch (e) {
    throw new UsageError(`flag --trace: cannot write ${path}: ${(e as Error).message}`);
  }
  return path;
}

/**
 * issue 3: p9rt's stdin, for the program's /dev/cons, when it is a pipe or
 * a file (never a terminal: the run does not wait for typing).
 */
function hostStdin(): (() => AsyncIterable<Uint8Array>) | undefined {
  try {
    const st = fstatSync(0);
    if (!st.isFIFO() && !st.isFile() && !st.isSocket()) return undefined;
  } catch {
    return undefined;
  }
  // Read only if the program reads /dev/cons (Machine.start calls this then):
  // a pipe left open by whoever started p9rt must not hold up a program
  // that never reads its stdin. Each chunk reaches the program as it comes
  // (issue 18.6: an interactive program gets its input before end of file).
  return () => process.stdin;
}

/** A flag's value parsed by `parse` (src/api/notes.ts), its complaint a usage error naming the flag. */
function usage<T>(parse: (s: string) => T, flag: string, s: string): T {
  try {
    return parse(s);
  } catch (e) {
    throw new UsageError(`flag ${flag}: ${(e as Error).message}`);
  }
}

/** "50ms", "1.5s", "200us", "2m", "10ns" -> ms; errors name the flag the value came from. */
export function parseDuration(s: string, flag = '--timeout'): number {
  return usage(parseDurationText, flag, s);
}

/** One --note WHEN:TARGET:TEXT (the playground's syntax too: src/api/notes.ts). */
export function parseNote(s: string): HostNote {
  return usage(parseNoteText, '--note', s);
}

interface RunFlags {
  realtime: boolean;
  seed: number | bigint;
  notes: HostNote[];
  /** Each note's flag value, for the message if it cannot be posted. */
  noteFlags: Map<HostNote, string>;
  /** --interrupt WHEN:PID, as Machine actions, with their flag values. */
  interrupts: HostAction[];
  interruptFlags: Map<HostAction, string>;
  trace: string | null;
  timeline: boolean;
  explain: boolean;
  maxProcs: number;
  maxMemory?: number;
  timeoutMs: number;
  // issue 4: internal/poll's deadline logic (--poll)
  poll: PollOption;
  // issue 13: the backend (--engine)
  engine: Engine;
  // issue 3: files preloaded into the file tree (--file HOST:PATH)
  files: Record<string, Uint8Array>;
  // issue 15: a schedule file to replay (--schedule), and the flags given explicitly (a schedule sets --seed and --poll)
  schedule: string | null;
  given: Set<string>;
}

function parseRunFlags(argv: string[]): { flags: RunFlags; rest: string[] } {
  const f: RunFlags = { realtime: false, seed: 1, notes: [], noteFlags: new Map(), interrupts: [], interruptFlags: new Map(), trace: null, timeline: false, explain: false, maxProcs: PROCS_DEFAULT, timeoutMs: 60_000, poll: 'current', engine: 'wasm', files: {}, schedule: null, given: new Set() };
  const rest = eachFlag(argv, (msg) => new UsageError(msg), ({ name, arg: a, value, int, bool }) => {
    f.given.add(name);
    switch (name) {
      case 'realtime': f.realtime = bool(); break;
      case 'schedule': f.schedule = value(); break;
      case 'seed': {
        // Every bit of a 64-bit seed counts (Rand mixes them), so it stays exact past 2^53.
        const v = value();
        if (!/^[0-9]+$/.test(v) || BigInt(v) >= 2n ** 64n) throw new UsageError(`flag --seed: ${JSON.stringify(v)} is not a whole number from 0 to 2^64-1`);
        f.seed = BigInt(v) <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : BigInt(v);
        break;
      }
      case 'note': {
        const v = value();
        const n = parseNote(v);
        f.notes.push(n);
        f.noteFlags.set(n, v);
        break;
      }
      case 'interrupt': {
        const v = value();
        const { at, pid } = usage(parseInterruptText, '--interrupt', v);
        const a: HostAction = { at, kind: 'interrupt', pid };
        f.interrupts.push(a);
        f.interruptFlags.set(a, v);
        break;
      }
      case 'trace': f.trace = writable(value()); break;
      case 'timeline': f.timeline = bool(); break;
      case 'explain': f.explain = bool(); break;
      case 'max-procs': f.maxProcs = int(value(), 1, PROCS_MAX); break;
      case 'max-memory': f.maxMemory = parseSize(value()); break;
      case 'gomaxprocs': int(value(), 1, 256); break;
      case 'timeout': {
        f.timeoutMs = parseDuration(value());
        if (!(f.timeoutMs > 0)) throw new UsageError(`flag --timeout: a run of 0 never starts; want more than 0 (e.g. 10s)`);
        break;
      }
      // issue 3 (--file): begin
      case 'file': {
        const v = value();
        const c = v.indexOf(':');
        const host = c >= 0 ? v.slice(0, c) : v;
        const path = c >= 0 ? v.slice(c + 1) : '/' + basename(v);
        if (!path.startsWith('/')) throw new UsageError(`flag --file: ${JSON.stringify(path)} is not an absolute path`);
        try {
          f.files[path] = new Uint8Array(readFileSync(host));
        } catch (e) {
          throw new UsageError(`flag --file: ${(e as Error).message}`);
        }
        break;
      }
      // issue 3 (--file): end
      // issue 4 (--poll): begin
      case 'poll': {
        const v = value();
        if (v !== 'current' && v !== 'go1.19') throw new UsageError(`flag --poll: ${JSON.stringify(v)} (want current or go1.19)`);
        f.poll = v;
        break;
      }
      // issue 4 (--poll): end
      case 'engine': {
        const v = value();
        if (v !== 'interp' && v !== 'wasm') throw new UsageError(`flag --engine: ${JSON.stringify(v)} (want interp or wasm)`);
        f.engine = v;
        break;
      }
      default: throw new UsageError(`unknown flag ${a}`);
    }
  });
  return { flags: f, rest };
}

/** The message of a compile stopped by --timeout. */
function compileTimeout(timeoutMs: number): string {
  return `p9rt: timeout: compiling took longer than ${timeoutMs / 1000}s of wall-clock time (--timeout)\n`;
}

/**
 * Compile FILE.go (or load a built image) within timeoutMs. Exit code 2 with
 * Go's error lines on failure, 3 when compiling outlasts the timeout.
 */
async function load(file: string, err: (s: string) => void, timeoutMs: number): Promise<Runnable | number> {
  const deadline = Date.now() + timeoutMs;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    err(`p9rt: ${(e as Error).message}\n`);
    return 2;
  }
  // A built image is known by its magic number, whatever its name (p9rt build -o).
  if (bytes.length >= 8 && bytes.readUInt32LE(0) === IMAGE_MAGIC) {
    if (bytes.readUInt32LE(4) !== IMAGE_VERSION) {
      err(`p9rt: ${file}: image version ${bytes.readUInt32LE(4)}, this p9rt runs version ${IMAGE_VERSION}: rebuild it\n`);
      return 2;
    }
    return { image: new Uint8Array(bytes), filename: file };
  }
  if (file.endsWith('.p9img')) {
    // TEST SEAM: the fixture Ms of P9RT_TEST_M_WORKER run scripted images (JSON), not bytecode.
    if (process.env.P9RT_TEST_M_WORKER) return { image: new Uint8Array(bytes), filename: file };
    err(`p9rt: ${file}: not a p9rt image\n`);
    return 2;
  }
  // bytes that are not UTF-8 reach the compiler as such (Go reports them)
  const source = decodeSource(bytes);
  const { compileCached } = await import('./imagecache.js');
  try {
    const image = await compileCached([{ name: file, source }], async () => (await compiler()).compile(source, { filename: file, deadline }).image);
    return { image, filename: file };
  } catch (e) {
    const x = e as Error;
    if (x.name === 'CompileTimeout') {
      err(compileTimeout(timeoutMs));
      return 3;
    }
    err(x.name === 'CompileError' ? x.message.replace(/\n?$/, '\n') : `p9rt: compiler failure: ${x.stack ?? x}\n`);
    return 2;
  }
}

/** The compiler, imported only when a program is not in the image cache: its modules (the parser, the grammar) take a while to load. */
const compiler = () => import('../api/index.js');

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [cmd, ...args] = argv;
    // p9rt run --help is p9rt help run.
    if (Object.hasOwn(HELP, cmd ?? '') && (args[0] === '-h' || args[0] === '--help' || args[0] === '-help')) {
      io.out(HELP[cmd]);
      return 0;
    }
    switch (cmd) {
      case 'run':
        return await run(args, io);
      case 'build':
        return await build(args, io);
      case 'test':
        return await runTests(args, io);
      case 'explore':
        return await exploreCommand(args, io, (file) => load(file, io.err, 60_000), version());
      case 'help':
      case '-h':
      case '--help': {
        const topic = args[0];
        if (topic === undefined) {
          io.out(USAGE);
          return 0;
        }
        if (!Object.hasOwn(HELP, topic)) {
          io.err(`p9rt help: unknown command ${JSON.stringify(topic)} (want run, test, build, explore, help or version)\n`);
          return 2;
        }
        io.out(HELP[topic]);
        return 0;
      }
      case 'version':
      case '--version':
      case '-version':
        io.out(`p9rt ${version()}\n`);
        return 0;
      default:
        io.err(cmd ? `p9rt: unknown command ${JSON.stringify(cmd)}\n${USAGE}` : USAGE);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ExploreUsage) {
      io.err(`p9rt: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** The wasm engine's translations kept in the image cache, as the images are (docs/backend.md "Cold start"). */
async function moduleCache(flags: RunFlags): Promise<void> {
  if (flags.engine !== 'wasm') return;
  const [{ moduleStore }, { setModuleStore }] = await Promise.all([import('./imagecache.js'), import('../engine/translate.js')]);
  setModuleStore(moduleStore());
}

/**
 * The Machine options the run flags give, shared by run and test. --timeout
 * counts from t0, when p9rt began the run: compiling is part of it.
 */
function startOptions(flags: RunFlags, t0: number, args: string[], onStdout: (s: string) => void, onStderr: (s: string) => void): StartOptions {
  return {
    clock: flags.realtime ? 'real' : 'virtual',
    seed: flags.seed,
    notes: flags.notes,
    // A --note the kernel could not post when its time came is reported, not dropped.
    onNoteError: (n, error) => onStderr(`p9rt: --note ${flags.noteFlags.get(n) ?? n.text}: not posted: ${error}\n`),
    actions: flags.interrupts,
    onActionError: (a, error) => onStderr(`p9rt: --interrupt ${flags.interruptFlags.get(a) ?? ''}: not taken: ${error}\n`),
    // Nothing outside the program acts on a CLI run but what its flags
    // scheduled (timers the clock reaches) and its stdin (the kernel waits
    // for it while a reader does): when neither can, the run is a deadlock.
    waitForHost: false,
    maxProcs: flags.maxProcs,
    maxMemory: flags.maxMemory,
    timeoutMs: Math.max(flags.timeoutMs - (performance.now() - t0), Number.MIN_VALUE),
    poll: flags.poll,
    engine: flags.engine,
    trace: traceWanted(flags),
    args,
    onStdout,
    onStderr,
  };
}

/** The message of a run that reached --timeout. */
function timeoutMessage(flags: RunFlags): string {
  return `p9rt: timeout: the run took longer than ${flags.timeoutMs / 1000}s of wall-clock time (--timeout)\n`;
}

async function run(argv: string[], io: Io): Promise<number> {
  const t0 = performance.now();
  const { flags, rest } = parseRunFlags(argv);
  const [file, ...args] = rest;
  if (!file) throw new UsageError('run: no FILE.go');
  const program = await load(file, io.err, flags.timeoutMs);
  if (typeof program === 'number') return program;
  if (performance.now() - t0 >= flags.timeoutMs) {
    io.err(timeoutMessage(flags));
    return 3;
  }
  await moduleCache(flags);
  // issue 15: --schedule FILE replays what p9rt explore found.
  const sched = flags.schedule === null ? null : await scheduleFor(flags, program, file);
  if (typeof sched === 'string') {
    io.err(`p9rt: ${sched}\n`);
    return 2;
  }
  const m = await Machine.start(program, {
    ...startOptions(flags, t0, sched?.options.args.length && args.length === 0 ? sched.options.args : args, io.out, io.err),
    ...(sched ? { seed: seedValue(sched.seed), poll: sched.options.poll, schedule: sched.run } : {}),
    files: flags.files, // issue 3
    stdin: hostStdin(), // issue 3
    // TEST SEAM, not a user option: tests/node/cli-*.test.mjs run fixture Ms
    // (tests/node/fixtures/m-script.mjs) in place of core.wasm.
    mWorker: process.env.P9RT_TEST_M_WORKER ? new URL(process.env.P9RT_TEST_M_WORKER) : undefined,
  });
  const x = await m.exited;
  traceOutputs(flags, m.trace(), io.err, process.stderr.isTTY === true);
  if (sched && flags.explain) io.err(explainSchedule(m.trace(), sched));
  if (x.reason === 'timeout') {
    io.err(timeoutMessage(flags));
    return 3;
  }
  if (x.code === 3 && x.reason.startsWith('deadlock')) {
    io.err(`p9rt: ${x.reason}\n`);
    // The pending-call table (issue 11): what each proc waits in, and the
    // Go code that made the call (traced runs). An M parked by the runtime
    // (semacquire) is the Go runtime's business, not the program's.
    const calls = m.procs().filter((p) => p.call?.interruptible && !/semacquire$/.test(p.call.name));
    for (const p of calls) io.err(`p9rt:   pid ${p.pid}: ${pendingLine(p.call!)}\n`);
    if (calls.length > 0 && !calls.some((p) => p.call!.op)) io.err('p9rt:   (--trace, --timeline or --explain also names the Go code that made each call)\n');
    return 3;
  }
  if (x.exitString !== '' && !/^[0-9]+$/.test(x.exitString)) io.err(`p9rt: exit: ${x.exitString}\n`);
  return x.code;
}

/**
 * --schedule FILE for this program: the parsed file, or the message why it
 * cannot be replayed here (another program or p9rt version, flags that
 * contradict it, realtime).
 */
async function scheduleFor(flags: RunFlags, program: Runnable, file: string): Promise<ScheduleFile | string> {
  const path = flags.schedule!;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return `--schedule: ${(e as Error).message}`;
  }
  let s: ScheduleFile;
  try {
    s = parseSchedule(text, path, version(), await imageHash(program.image), file);
  } catch (e) {
    return `--schedule ${(e as Error).message}`;
  }
  if (flags.realtime) return `--schedule: a schedule replays in virtual time; not with --realtime`;
  if (flags.given.has('seed') && String(flags.seed) !== s.seed) return `--schedule: ${path} runs with seed ${s.seed}; --seed ${flags.seed} contradicts it`;
  if (flags.given.has('poll') && flags.poll !== s.options.poll) return `--schedule: ${path} runs with --poll=${s.options.poll}; --poll=${flags.poll} contradicts it`;
  return s;
}

async function build(argv: string[], io: Io): Promise<number> {
  let out: string | null = null;
  let file: string | undefined;
  let timeoutMs = 60_000;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--timeout' || argv[i] === '-timeout') timeoutMs = parseDuration(argv[++i] ?? '');
    else if (/^--?timeout=/.test(argv[i])) timeoutMs = parseDuration(argv[i].slice(argv[i].indexOf('=') + 1));
    else if (argv[i] === '-o' || argv[i] === '--o') {
      out = argv[++i] ?? null;
      if (!out) throw new UsageError('flag -o needs a file name');
    } else if (/^--?o=/.test(argv[i])) {
      out = argv[i].slice(argv[i].indexOf('=') + 1);
      if (!out) throw new UsageError('flag -o needs a file name');
    }
    else if (argv[i].startsWith('-')) throw new UsageError(`unknown flag ${argv[i]}`);
    else file = argv[i];
  }
  if (!file) throw new UsageError('build: no FILE.go');
  const program = await load(file, io.err, timeoutMs);
  if (typeof program === 'number') return program;
  writeFileSync(out ?? basename(file, '.go') + '.p9img', program.image);
  return 0;
}

// ---- issue 4: p9rt test -------------------------------------------------------
//
// The test file is compiled as package main with a generated main calling
// testing.Main (testmain.ts). -run's regexp is matched by the library's
// testing package (src/golib/testing/match.go), inside the program, because
// subtest names exist only while it runs. The output is go test's for a
// file list ("command-line-arguments"): quiet on success unless -v, the test
// binary's output on failure, then the ok/FAIL line; exit 0 or 1.

const TESTPKG = 'command-line-arguments';

async function runTests(argv: string[], io: Io): Promise<number> {
  const t0 = performance.now();
  const testArgs: string[] = [];
  const runArgv: string[] = [];
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.replace(/^--?/, '').replace(/^test\./, '');
    const [k, v] = name.includes('=') ? [name.slice(0, name.indexOf('=')), name.slice(name.indexOf('=') + 1)] : [name, null];
    if (!a.startsWith('-') || a === '-' || a === '--') {
      runArgv.push(...argv.slice(a === '--' ? i + 1 : i));
      break;
    }
    if (k === 'v' || k === 'short') {
      if (v !== null && !/^(1|t|T|true|TRUE|True|0|f|F|false|FALSE|False)$/.test(v)) throw new UsageError(`flag -${k}: ${JSON.stringify(v)} is not true or false`);
      const on = v === null || /^(1|t|T|true|TRUE|True)$/.test(v);
      if (k === 'v') verbose = on;
      if (on) testArgs.push(`-test.${k}`);
    } else if (k === 'run') {
      const pat = v ?? argv[++i];
      if (pat === undefined) throw new UsageError('flag -run needs a value');
      testArgs.push(`-test.run=${pat}`);
    } else {
      runArgv.push(a);
      if (!a.includes('=') && FLAGS_WITH_VALUE.has(k)) runArgv.push(argv[++i] ?? '');
    }
  }
  const { flags, rest } = parseRunFlags(runArgv);
  const [file, ...extra] = rest;
  if (!file || !file.endsWith('_test.go')) throw new UsageError('test: want one FILE_test.go');
  if (extra.length) throw new UsageError(`test: unexpected ${JSON.stringify(extra[0])} after ${file}`);
  let source: string;
  try {
    source = decodeSource(readFileSync(file));
  } catch (e) {
    io.err(`p9rt: ${(e as Error).message}\n`);
    return 2;
  }
  const { testProgram } = await import('./testmain.js');
  const tp = testProgram(file, source);
  const { compileCached } = await import('./imagecache.js');
  let program: Runnable;
  try {
    if (tp.errors.length) throw Object.assign(new Error(tp.errors.join('\n')), { name: 'CompileError' });
    const image = await compileCached([{ name: file, source: tp.source }, tp.main], async () => (await compiler()).compile(tp.source, { filename: file, files: [tp.main], deadline: Date.now() + flags.timeoutMs }).image);
    program = { image, filename: file };
  } catch (e) {
    const x = e as Error;
    if (x.name === 'CompileTimeout') {
      io.out(compileTimeout(flags.timeoutMs));
      io.out(`FAIL\t${TESTPKG} [build failed]\n`);
      return 3;
    }
    io.err(x.name === 'CompileError' ? x.message.replace(/\n?$/, '\n') : `p9rt: compiler failure: ${x.stack ?? x}\n`);
    io.out(`FAIL\t${TESTPKG} [build failed]\n`);
    return 2;
  }
  if (performance.now() - t0 >= flags.timeoutMs) {
    io.out(timeoutMessage(flags));
    io.out(`FAIL\t${TESTPKG}\t${((performance.now() - t0) / 1000).toFixed(3)}s\nFAIL\n`);
    return 3;
  }
  const start = Date.now();
  let out = '';
  // go test streams a test binary's output only with -v; otherwise it
  // holds it and prints it if the package fails.
  const hold = (s: string) => (out += s);
  await moduleCache(flags);
  const m = await Machine.start(program, startOptions(flags, t0, testArgs, verbose ? io.out : hold, verbose ? io.err : hold));
  const x = await m.exited;
  traceOutputs(flags, m.trace(), io.err, process.stderr.isTTY === true);
  const secs = ((Date.now() - start) / 1000).toFixed(3) + 's';
  if (x.code === 0 && x.exitString === '') {
    const none = /^testing: warning: no tests to run$/m.test(out);
    io.out(`ok  \t${TESTPKG}\t${secs}${none ? ' [no tests to run]' : ''}\n`);
    return 0;
  }
  io.out(out);
  if (x.reason === 'timeout') io.out(timeoutMessage(flags));
  else if (x.exitString !== '' && !/^[0-9]+$/.test(x.exitString)) io.out(`p9rt: exit: ${x.exitString}\n`);
  io.out(`FAIL\t${TESTPKG}\t${secs}\nFAIL\n`);
  return x.reason === 'timeout' ? 3 : 1;
}

/** run flags that take a separate value (so `--seed 3` is passed on whole). */
const FLAGS_WITH_VALUE = new Set(['schedule', 'seed', 'note', 'interrupt', 'trace', 'max-procs', 'max-memory', 'gomaxprocs', 'timeout', 'poll', 'engine', 'file']);
