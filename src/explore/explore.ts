// p9rt explore (docs/explore.md): run a program many times, each under a
// different schedule, report every distinct failure, shrink each to a small
// schedule and give it back as a schedule file that replays it exactly.
//
// Run 0 is the program as `p9rt run` runs it (the first seed, Go's order,
// exact timers): a program that fails there is reported as failing, not
// searched. Run i > 0 is a function of i, the options and what run 0 met
// (how many choice points and calls it passed), never of other runs, so
// shards of the run numbers find what one machine finds (--shard, --merge).
import { Machine, Reuse, type Exit, type Explored, type PollOption, type Runnable, type RunSchedule, type TraceEvent, type Engine } from '../api/machine.js';
import type { KDraw, NotePhase } from '../../host/kernel/explore.js';
import { emptyRun, imageHash, scheduleSize, SCHEDULE_FORMAT, seedValue, type FailureInfo, type ScheduleFile } from './schedule.js';

/** A lateness distribution: each event is late with probability p, by lo..hi ms (uniform). */
export interface Lateness {
  /** Least lateness, ms. */
  lo: number;
  /** Most lateness, ms. */
  hi: number;
  /** Probability that one event is late, 0 to 1. */
  p: number;
}

/** A note explore may inject (--notes): its text, who may receive it, at which boundaries of a call. */
export interface NoteSpec {
  /** The note's text. */
  text: string;
  /** 'main' (pid 1), 'any' proc, or a pid. */
  target: 'main' | 'any' | number;
  /** Where in a call: pending at its entry, posted while it sleeps, posted after it completed (before the handler runs on the way out). */
  phases: NotePhase[];
}

/** What the program must do in every run; anything else is a failure. */
export interface Expectation {
  /** The exit string every run must end with (default "": success). */
  exitString?: string;
  /** Standard output must equal this text, or match this regular expression. */
  stdout?: string | RegExp;
}

/** How explore searches; every option may be left out. */
export interface ExploreOptions {
  /** Runs to make, 1 or more (default 1000). */
  runs?: number;
  /** Stop once this many ms of wall-clock time have passed, whatever runs are left (default: none). */
  timeMs?: number;
  /** The first run's kernel seed; run i uses seed + i when `seeds` is on (default 1). */
  seed?: number;
  /** Vary the kernel's seed (its choice of the next proc) from run to run (default true). */
  seeds?: boolean;
  /** Forced runnable-G choices per run, placed PCT-style at random choice points (default 2; 0: none). */
  depth?: number;
  /**
   * Preemption windows per run (default 1; 0: none): from a return to user
   * mode drawn among run 0's, every safepoint of that proc (a call, a
   * backward jump) enters the kernel for up to `preemptMax` of them, where a
   * due timer or another runnable goroutine takes over.
   */
  preempt?: number;
  /** The longest preemption window, in safepoints (default 200). */
  preemptMax?: number;
  /** Timed sleeps made late in virtual time (default 0..2 ms, p 0.5; null: none). */
  timerLate?: Lateness | null;
  /** Wakeups of sleeping calls (a completion) made late (default 0..0.1 ms, p 0.25; null: none). */
  wakeLate?: Lateness | null;
  /** Notes to inject at call boundaries (default none: docs/explore.md "Notes"). */
  notes?: NoteSpec[];
  /** What every run must do (default: exit with ""). */
  expect?: Expectation;
  /** Shrink each failure's schedule (default true). */
  shrink?: boolean;
  /** Stop after this many distinct failures (default: search the whole budget). */
  maxFailures?: number;
  /** Runs at once (default 1): each is its own machine. */
  jobs?: number;
  /** Keep each machine (kernel, memory, M workers) from run to run, reset (default true); false starts every run afresh. */
  reuse?: boolean;
  /** Make only the runs of shard k of n (1 <= k <= n): runs i with i mod n = k-1; run 0 is made by every shard. */
  shard?: { k: number; n: number };
  /** internal/poll's logic, as StartOptions.poll. */
  poll?: PollOption;
  /** The program's arguments (os.Args[1:]). */
  args?: string[];
  /** How Go code runs (StartOptions.engine). */
  engine?: Engine;
  /** Wall-clock limit of each run, ms (default 10 s): a run over it is a 'timeout' failure. */
  runTimeoutMs?: number;
  /** Called after every run with the number made so far and the distinct failures found. */
  onProgress?: (p: { runs: number; failures: number; elapsedMs: number }) => void;
  /** Stops the search (the failures found so far are still shrunk and returned). */
  signal?: AbortSignal;
  /** The version written into schedule files (default: the package's, as the CLI reads it). */
  version?: string;
}

/** One distinct failure explore found. */
export interface ExploreFailure {
  /** What failed, and its signature (failures with the same signature are one). */
  failure: FailureInfo;
  /** The first run that met it. */
  run: number;
  /** How many runs met it. */
  count: number;
  /** The shrunk schedule (or the found one, unshrunk): `p9rt run --schedule` and `replay` replay it. */
  schedule: ScheduleFile;
  /** Forced choices and perturbations the failing run met. */
  sizeFound: number;
  /** ... and in the shrunk schedule. */
  sizeShrunk: number;
  /** Runs shrinking made. */
  shrinkRuns: number;
  /** The output of the shrunk schedule's run (stdout then stderr). */
  output: string;
}

/** What a search found (the JSON report of `p9rt explore --json`, which --merge combines). */
export interface ExploreReport {
  /** The p9rt version that searched. */
  p9rt: string;
  /** The program: its file name and the SHA-256 of its image. */
  program: { file: string; sha256: string };
  /** The shard searched (ExploreOptions.shard), if only one. */
  shard?: { k: number; n: number };
  /** Runs made (shrinking's not counted). */
  runs: number;
  /** Wall-clock seconds the runs took. */
  seconds: number;
  /** True when run 0, the program as p9rt run runs it, failed: nothing was searched. */
  failsAlways: boolean;
  /** What the runs covered. */
  coverage: {
    /** Choice points (findrunnable with two or more runnable Gs), timed sleeps, wakeups and calls of run 0. */
    choicePoints: number;
    timers: number;
    wakes: number;
    calls: number;
    /** Distinct interleavings seen (G choices, proc choices, calls, notes), and distinct sequences of G choices alone. */
    interleavings: number;
    gOrders: number;
    /** The interleavings' hashes (what --merge unites). */
    hashes: string[];
  };
  /** Every distinct failure, by the run that first met it. */
  failures: ExploreFailure[];
}

/** What one run gave. */
interface RunResult {
  exit: Exit;
  stdout: string;
  stderr: string;
  explored: Explored | null;
}

/** splitmix64, for drawing run i's schedule from (seed, i) alone. */
function splitmix(x: bigint): () => bigint {
  let s = x & 0xffffffffffffffffn;
  return () => {
    s = (s + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return z ^ (z >> 31n);
  };
}

const DEFAULT_TIMER: Lateness = { lo: 0, hi: 2, p: 0.5 };
const DEFAULT_WAKE: Lateness = { lo: 0, hi: 0.1, p: 0.25 };

function ns(l: Lateness | null): KDraw['timer'] {
  return l ? { lo: Math.round(l.lo * 1e6), hi: Math.round(l.hi * 1e6), p: l.p } : null;
}

/** The options, checked: RangeError for anything out of range. */
function checked(o: ExploreOptions) {
  const runs = o.runs ?? 1000;
  if (!Number.isSafeInteger(runs) || runs < 1) throw new RangeError(`runs: ${runs} is not a whole number of 1 or more (a budget of 0 runs explores nothing)`);
  const depth = o.depth ?? 2;
  const preempt = o.preempt ?? 1;
  if (!Number.isSafeInteger(preempt) || preempt < 0 || preempt > 64) throw new RangeError(`preempt: ${preempt} is not a whole number from 0 to 64`);
  const preemptMax = o.preemptMax ?? 200;
  if (!Number.isSafeInteger(preemptMax) || preemptMax < 1 || preemptMax > 1e6) throw new RangeError(`preemptMax: ${preemptMax} is not a whole number from 1 to 1000000`);
  if (!Number.isSafeInteger(depth) || depth < 0 || depth > 64) throw new RangeError(`depth: ${depth} is not a whole number from 0 to 64`);
  const jobs = o.jobs ?? 1;
  if (!Number.isSafeInteger(jobs) || jobs < 1 || jobs > 64) throw new RangeError(`jobs: ${jobs} is not a whole number from 1 to 64`);
  if (o.timeMs !== undefined && !(o.timeMs > 0)) throw new RangeError(`timeMs: ${o.timeMs} is not a time of more than 0 ms`);
  for (const [name, l] of [['timerLate', o.timerLate], ['wakeLate', o.wakeLate]] as const) {
    if (!l) continue;
    if (!(l.lo >= 0 && l.hi >= l.lo && l.hi <= 60_000)) throw new RangeError(`${name}: ${l.lo}..${l.hi} ms is not a range from 0 to at most 60 s`);
    if (!(l.p >= 0 && l.p <= 1)) throw new RangeError(`${name}: probability ${l.p} is not from 0 to 1`);
  }
  const shard = o.shard;
  if (shard && !(Number.isSafeInteger(shard.k) && Number.isSafeInteger(shard.n) && shard.n >= 1 && shard.k >= 1 && shard.k <= shard.n)) throw new RangeError(`shard: ${shard.k}/${shard.n} is not K/N with 1 <= K <= N`);
  const seed = o.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed: ${seed} is not a whole number from 0 to 2^53`);
  for (const n of o.notes ?? []) {
    if (!n.phases.length || n.phases.some((p) => p !== 'entry' && p !== 'sleep' && p !== 'exit')) throw new RangeError(`notes: ${JSON.stringify(n.text)}: phases must be some of entry, sleep, exit`);
  }
  return {
    runs,
    depth,
    preempt,
    preemptMax,
    jobs,
    seed,
    seeds: o.seeds ?? true,
    timer: o.timerLate === undefined ? DEFAULT_TIMER : o.timerLate,
    wake: o.wakeLate === undefined ? DEFAULT_WAKE : o.wakeLate,
    notes: o.notes ?? [],
    shrink: o.shrink ?? true,
    maxFailures: o.maxFailures ?? Infinity,
    runTimeoutMs: o.runTimeoutMs ?? 10_000,
  };
}

/**
 * The failure a run is, or null: Go's panics and fatal errors, deadlocks
 * (Go's "all goroutines are asleep" and p9rt's every-proc-blocked), a wrong
 * exit string, standard output that is not what `expect` wants, a timeout.
 */
export function classify(r: { exit: Exit; stdout: string; stderr: string }, expect: Expectation = {}): FailureInfo | null {
  const { exit, stdout, stderr } = r;
  const want = expect.exitString ?? '';
  const blank = (s: string) => s.replace(/0x[0-9a-f]+/gi, '0x?').replace(/[0-9]+/g, 'N');
  const lastLine = (s: string) => s.trimEnd().split('\n').pop() ?? '';
  const mk = (kind: FailureInfo['kind'], message: string): FailureInfo => ({ kind, message, exitString: exit.exitString, signature: `${kind}: ${blank(message)}` });
  if (exit.reason === 'timeout') return mk('timeout', 'the run outlasted its wall-clock limit');
  if (exit.code === 3 && exit.reason.startsWith('deadlock')) return mk('deadlock', exit.reason);
  const fatal = /^(fatal error: .*|panic: .*)$/m.exec(stderr);
  if (fatal && exit.exitString !== want) {
    if (/all goroutines are asleep/.test(fatal[1])) return mk('deadlock', fatal[1]);
    return mk('panic', fatal[1]);
  }
  if (exit.exitString !== want) {
    const said = lastLine(stdout + stderr);
    return mk('exit', `exit ${JSON.stringify(exit.exitString)}${said ? `: ${said}` : ''}`);
  }
  if (expect.stdout !== undefined) {
    const ok = typeof expect.stdout === 'string' ? stdout === expect.stdout : expect.stdout.test(stdout);
    if (!ok) return mk('expect', `stdout ${typeof expect.stdout === 'string' ? 'differs from the expected text' : `does not match ${expect.stdout}`}: ${lastLine(stdout)}`);
  }
  return null;
}

/** The run i of a search: its seed and schedule (a function of i, the options and run 0 alone). */
function planRun(i: number, c: ReturnType<typeof checked>, base: Explored | null): { seed: number | bigint; run: RunSchedule } {
  if (i === 0) return { seed: c.seed, run: emptyRun() };
  const rnd = splitmix((BigInt(c.seed) << 32n) ^ BigInt(i));
  const seed = c.seeds ? seedValue(String((BigInt(c.seed) + BigInt(i)) % 2n ** 64n)) : c.seed;
  const steps = base?.steps ?? 0;
  const picks = new Map<number, number>();
  // PCT (Burckhardt et al., ASPLOS 2010): d change points placed uniformly
  // among the n choice points a run passes, so a bug of depth d is met with
  // probability at least about 1/n^d per run. Here a change point runs
  // another runnable G than Go's order would.
  if (steps > 0) for (let d = 0; d < c.depth; d++) picks.set(Number(rnd() % BigInt(steps)), 1 + Number(rnd() % 0x7ffffffen));
  const draw: KDraw = {
    seed: String(rnd()),
    timer: ns(c.timer),
    wake: ns(c.wake),
    notes: c.notes,
    calls: base?.ncalls ?? 0,
    step: c.preempt > 0 && base ? { windows: c.preempt, max: c.preemptMax, exits: base.nexits } : null,
  };
  return { seed, run: { picks: [...picks].sort((a, b) => a[0] - b[0]), timers: [], wakes: [], notes: [], draw } };
}

/** Run the program once under a schedule, on `reuse`'s machine if given. */
async function runOnce(program: Runnable, o: ExploreOptions, c: { runTimeoutMs: number }, seed: number | bigint, run: RunSchedule, reuse?: Reuse): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const m = await Machine.start(program, {
    reuse,
    seed,
    schedule: run,
    poll: o.poll,
    args: o.args,
    engine: o.engine,
    trace: false,
    waitForHost: false,
    timeoutMs: c.runTimeoutMs,
    onStdout: (s) => (stdout += s),
    onStderr: (s) => (stderr += s),
  });
  const exit = await m.exited;
  return { exit, stdout, stderr, explored: m.explored() };
}

/** The schedule a run actually met: the forced choices it reached and the perturbations it applied, nothing drawn. */
function met(x: Explored | null): RunSchedule {
  if (!x) return emptyRun();
  return { picks: x.picks, timers: x.timers, wakes: x.wakes, notes: x.notes, steps: x.windows };
}

/**
 * Shrink a failing schedule: drop whole kinds, then single entries, then
 * the seed (back to the first run's), keeping each change under which the
 * same failure (by signature) still happens. Greedy, so the result is
 * 1-minimal: removing any one entry left loses the failure.
 */
async function shrink(program: Runnable, o: ExploreOptions, c: ReturnType<typeof checked>, seed: number | bigint, run: RunSchedule, sig: string, reuse?: Reuse): Promise<{ seed: number | bigint; run: RunSchedule; runs: number; result: RunResult | null }> {
  let runs = 0;
  let best: RunResult | null = null;
  const fails = async (s: number | bigint, r: RunSchedule): Promise<boolean> => {
    runs++;
    const res = await runOnce(program, o, c, s, r, reuse);
    const f = classify(res, o.expect);
    if (f?.signature === sig) {
      best = res;
      return true;
    }
    return false;
  };
  const kinds = ['picks', 'steps', 'timers', 'wakes', 'notes'] as const;
  for (const k of kinds) {
    if ((run[k] ?? []).length === 0) continue;
    const trial = { ...run, [k]: [] };
    if (await fails(seed, trial)) run = trial;
  }
  for (const k of kinds) {
    for (let i = (run[k] ?? []).length - 1; i >= 0; i--) {
      const list = [...(run[k] ?? [])];
      list.splice(i, 1);
      const trial = { ...run, [k]: list };
      if (await fails(seed, trial)) run = trial;
    }
  }
  // A forced choice's pick is taken mod the candidates: 1, the next after Go's own, reads best.
  for (let i = 0; i < run.picks.length; i++) {
    if (run.picks[i][1] === 1) continue;
    const picks = run.picks.map((p, j): [number, number] => (j === i ? [p[0], 1] : p));
    if (await fails(seed, { ...run, picks })) run = { ...run, picks };
  }
  if (seed !== c.seed && (await fails(c.seed, run))) seed = c.seed;
  return { seed, run, runs, result: best };
}

/**
 * Explore a compiled program: run it under many schedules and return every
 * distinct failure with a (shrunk) schedule that replays it. Throws a
 * RangeError for options out of range before any run.
 */
export async function explore(program: Runnable, options: ExploreOptions = {}): Promise<ExploreReport> {
  const c = checked(options);
  const t0 = performance.now();
  const version = options.version ?? 'unknown';
  const sha256 = await imageHash(program.image);
  const file = program.filename ?? 'main.go';
  const found = new Map<string, { failure: FailureInfo; run: number; count: number; seed: number | bigint; met: RunSchedule }>();
  const hashes = new Set<string>();
  const gOrders = new Set<string>();
  const note = (i: number, seed: number | bigint, r: RunResult) => {
    if (r.explored) {
      hashes.add(r.explored.hash);
      gOrders.add(r.explored.hash.slice(0, 8));
    }
    const f = classify(r, options.expect);
    if (!f) return;
    const had = found.get(f.signature);
    if (had) had.count++;
    else found.set(f.signature, { failure: f, run: i, count: 1, seed, met: met(r.explored) });
  };

  // One machine per job, each kept from run to run (unless reuse is off).
  const machines = options.reuse === false ? [] : Array.from({ length: c.jobs }, () => new Reuse());
  const idle = [...machines];
  const onMachine = async (f: (r: Reuse | undefined) => Promise<RunResult>): Promise<RunResult> => {
    const r = idle.pop();
    try {
      return await f(r);
    } finally {
      if (r) idle.push(r);
    }
  };
  try {
    return await search();
  } finally {
    await Promise.all(machines.map((r) => r.close()));
  }

  async function search(): Promise<ExploreReport> {
    // Run 0: the program as p9rt run runs it.
    const r0 = await onMachine((r) => runOnce(program, options, c, c.seed, emptyRun(), r));
    note(0, c.seed, r0);
    const base = r0.explored;
    let runs = 1;
    const failsAlways = found.size > 0;
    const shard = options.shard;
    if (!failsAlways) {
      const todo: number[] = [];
      let next = 1;
      const more = (): number | null => {
        for (; next < c.runs; next++) {
          if (shard && next % shard.n !== shard.k - 1) continue;
          return next++;
        }
        return null;
      };
      const stop = () => options.signal?.aborted || (options.timeMs !== undefined && performance.now() - t0 >= options.timeMs) || found.size >= c.maxFailures;
      // Jobs run at once; results are taken in run order, so the report does not depend on which finished first.
      const inflight = new Map<number, Promise<RunResult>>();
      const launch = () => {
        while (inflight.size < c.jobs && !stop()) {
          const i = more();
          if (i === null) return;
          const plan = planRun(i, c, base);
          todo.push(i);
          inflight.set(i, onMachine((r) => runOnce(program, options, c, plan.seed, plan.run, r)));
        }
      };
      launch();
      while (todo.length > 0) {
        const i = todo.shift()!;
        const r = await inflight.get(i)!;
        inflight.delete(i);
        runs++;
        note(i, planRun(i, c, base).seed, r);
        options.onProgress?.({ runs, failures: found.size, elapsedMs: performance.now() - t0 });
        launch();
      }
    }
    const seconds = (performance.now() - t0) / 1000;

    const failures: ExploreFailure[] = [];
    for (const f of found.values()) {
      let seed = f.seed;
      let run = f.met;
      let shrinkRuns = 0;
      let out: RunResult | null = null;
      if (c.shrink && scheduleSize(run) + (seed !== c.seed ? 1 : 0) > 0) {
        const s = await shrink(program, options, c, seed, run, f.failure.signature, machines[0]);
        ({ seed, run, result: out } = s);
        shrinkRuns = s.runs;
      }
      out ??= await runOnce(program, options, c, seed, run, machines[0]);
      const schedule: ScheduleFile = {
        p9rt: version,
        format: SCHEDULE_FORMAT,
        program: { file, sha256 },
        options: { poll: options.poll ?? 'current', args: options.args ?? [] },
        seed: String(seed),
        run,
        failure: f.failure,
      };
      failures.push({ failure: f.failure, run: f.run, count: f.count, schedule, sizeFound: scheduleSize(f.met), sizeShrunk: scheduleSize(run), shrinkRuns, output: out.stdout + out.stderr });
    }
    failures.sort((a, b) => a.run - b.run);
    return {
      p9rt: version,
      program: { file, sha256 },
      shard,
      runs,
      seconds,
      failsAlways,
      coverage: {
        choicePoints: base?.steps ?? 0,
        timers: base?.ntimers ?? 0,
        wakes: base?.nwakes ?? 0,
        calls: base?.ncalls ?? 0,
        interleavings: hashes.size,
        gOrders: gOrders.size,
        hashes: [...hashes].sort(),
      },
      failures,
    };
  }
}

/**
 * Combine the reports of the shards of one search (--shard K/N, run on
 * several machines) into the report one machine would have made: runs
 * added, interleavings united, each failure kept from the shard that met it
 * first. Throws if the reports are of different programs or versions.
 */
export function mergeReports(reports: ExploreReport[]): ExploreReport {
  if (reports.length === 0) throw new Error('merge: no reports');
  const [a] = reports;
  for (const r of reports) {
    if (r.program.sha256 !== a.program.sha256) throw new Error(`merge: the reports are of different programs (${a.program.file} and ${r.program.file})`);
    if (r.p9rt !== a.p9rt) throw new Error(`merge: the reports are of different p9rt versions (${a.p9rt} and ${r.p9rt})`);
  }
  const hashes = new Set(reports.flatMap((r) => r.coverage.hashes));
  const byFailure = new Map<string, ExploreFailure>();
  for (const r of reports) {
    for (const f of r.failures) {
      const had = byFailure.get(f.failure.signature);
      if (!had) byFailure.set(f.failure.signature, { ...f });
      else {
        const count = had.count + f.count;
        if (f.run < had.run) byFailure.set(f.failure.signature, { ...f, count });
        else had.count = count;
      }
    }
  }
  // Run 0 is made by every shard: counted once.
  const runs = reports.reduce((n, r) => n + r.runs, 0) - (reports.length - 1);
  for (const f of byFailure.values()) if (f.run === 0) f.count -= reports.length - 1;
  return {
    p9rt: a.p9rt,
    program: a.program,
    runs,
    seconds: Math.max(...reports.map((r) => r.seconds)),
    failsAlways: reports.some((r) => r.failsAlways),
    coverage: { ...a.coverage, interleavings: hashes.size, gOrders: new Set([...hashes].map((h) => h.slice(0, 8))).size, hashes: [...hashes].sort() },
    failures: [...byFailure.values()].sort((x, y) => x.run - y.run),
  };
}

/**
 * Replay a schedule file's run: the same program (checked by the caller,
 * parseSchedule) under the file's seed, options and schedule, traced.
 */
export async function replay(program: Runnable, schedule: ScheduleFile, opts: { engine?: Engine; timeoutMs?: number; onStdout?: (s: string) => void; onStderr?: (s: string) => void } = {}): Promise<{ exit: Exit; explored: Explored | null; trace: TraceEvent[]; failure: FailureInfo | null }> {
  let stdout = '';
  let stderr = '';
  const m = await Machine.start(program, {
    seed: seedValue(schedule.seed),
    schedule: schedule.run,
    poll: schedule.options.poll,
    args: schedule.options.args,
    engine: opts.engine,
    waitForHost: false,
    timeoutMs: opts.timeoutMs,
    onStdout: (s) => {
      stdout += s;
      opts.onStdout?.(s);
    },
    onStderr: (s) => {
      stderr += s;
      opts.onStderr?.(s);
    },
  });
  const exit = await m.exited;
  return { exit, explored: m.explored(), trace: m.trace(), failure: classify({ exit, stdout, stderr }) };
}
