// p9rt explore (docs/explore.md): the command's flags, its report, and the
// --merge of shard reports. The search itself is src/explore/explore.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Engine, PollOption, Runnable } from '../api/machine.js';
import { explore, mergeReports, type ExploreOptions, type ExploreReport, type Lateness, type NoteSpec } from '../explore/explore.js';
import { parseDuration } from '../api/notes.js';
import type { NotePhase } from '../../host/kernel/explore.js';
import { eachFlag } from './flags.js';

export const EXPLORE_HELP = `usage: p9rt explore [flags] FILE.go [program args]
       p9rt explore --merge REPORT.json... [--json OUT]

Run FILE.go many times, each under another schedule (the kernel's seed,
forced goroutine choices, late timers and completions, notes at system-call
boundaries, all in virtual time), and report every distinct failure: a
panic or fatal error, a deadlock, an exit string other than --expect-exit's,
stdout other than --expect's. Each failure is shrunk and saved as a schedule
file that p9rt run --schedule FILE replays exactly. Exit 1 when a failure was
found, 0 when the budget ran out without one, 2 for bad input.
  --runs N              runs to make (default 1000)
  --time D              stop after D of wall-clock time (e.g. 30s)
  --jobs N              runs at once, each its own machine (default 1)
  --seed N              the first run's seed (default 1)
  --seeds=false         keep the seed of every run (default: seed + run number)
  --depth D             forced goroutine choices per run, PCT-style (default 2; 0: none)
  --preempt W[xMAX]     W windows per run in which every safepoint of a proc is a preemption
                        point, each at most MAX safepoints long (default 1x200; 0: none)
  --timer-late LO..HI[@P]  timed sleeps late by LO..HI, each with probability P
                        (default 0..2ms@0.5; off: none)
  --io-late LO..HI[@P]  completions (wakeups of sleeping calls) late (default 0..100us@0.25; off)
  --notes TEXT[@TARGET][:PHASES]  inject the note TEXT at a call boundary of TARGET
                        (main, any or a pid; default any), PHASES among entry,sleep,exit
                        (default all); repeatable; default none
  --expect FILE|/REGEXP/  stdout must equal FILE's contents or match REGEXP
  --expect-exit TEXT    the exit string every run must end with (default: empty)
  --max-failures N      stop after N distinct failures
  --shrink=false        keep failing schedules as found
  --out DIR             where schedule files go (default: the current directory)
  --json FILE           write the report as JSON (what --merge reads)
  --shard K/N           make only shard K of N of the runs (for several machines)
  --merge               combine the JSON reports given instead of FILE.go
  --poll=VARIANT, --engine=ENGINE, --timeout D (each run's limit, default 10s) as for run
`;

export class ExploreUsage extends Error {}

interface Flags {
  opts: ExploreOptions;
  out: string;
  json: string | null;
  merge: boolean;
  rest: string[];
}

/** "0..2ms@0.5", "1ms", "off" -> Lateness (ms) or null. */
export function parseLateness(v: string, flag: string): Lateness | null {
  if (v === 'off' || v === 'none' || v === '0') return null;
  const m = /^([^@]+?)(?:\.\.([^@]+))?(?:@([0-9.]+))?$/.exec(v);
  const bad = () => new ExploreUsage(`flag ${flag}: ${JSON.stringify(v)} is not LO..HI[@P] (like 0..2ms@0.5) or off`);
  if (!m) throw bad();
  try {
    const lo = m[2] === undefined ? 0 : parseDuration(m[1]);
    const hi = parseDuration(m[2] ?? m[1]);
    const p = m[3] === undefined ? 0.5 : Number(m[3]);
    if (!(hi >= lo) || !(p >= 0 && p <= 1)) throw bad();
    return { lo, hi, p };
  } catch (e) {
    if (e instanceof ExploreUsage) throw e;
    throw new ExploreUsage(`flag ${flag}: ${(e as Error).message}`);
  }
}

/** "hangup@any:entry,sleep" -> NoteSpec. */
export function parseNotesSpec(v: string): NoteSpec {
  const m = /^([^@:]*)(?:@([^:]+))?(?::([a-z,]+))?$/.exec(v);
  if (!m || m[1] === '') throw new ExploreUsage(`flag --notes: ${JSON.stringify(v)} is not TEXT[@TARGET][:PHASES] (like hangup@any:entry,sleep)`);
  const t = m[2] ?? 'any';
  let target: NoteSpec['target'];
  if (t === 'main' || t === 'any') target = t;
  else if (/^[0-9]+$/.test(t) && Number(t) >= 1) target = Number(t);
  else throw new ExploreUsage(`flag --notes: target ${JSON.stringify(t)} is not main, any or a pid`);
  const phases = (m[3] ?? 'entry,sleep,exit').split(',');
  for (const p of phases) if (p !== 'entry' && p !== 'sleep' && p !== 'exit') throw new ExploreUsage(`flag --notes: phase ${JSON.stringify(p)} is not entry, sleep or exit`);
  return { text: m[1], target, phases: phases as NotePhase[] };
}

function parseFlags(argv: string[]): Flags {
  const opts: ExploreOptions = {};
  const f: Flags = { opts, out: '.', json: null, merge: false, rest: [] };
  f.rest = eachFlag(argv, (msg) => new ExploreUsage(msg), ({ name, arg: a, value, int: intOf, bool }) => {
    const int = (min: number, max: number): number => intOf(value(), min, max);
    const duration = (): number => {
      const v = value();
      try {
        return parseDuration(v);
      } catch (e) {
        throw new ExploreUsage(`flag --${name}: ${(e as Error).message}`);
      }
    };
    switch (name) {
      case 'runs': {
        const v = value();
        if (v === '0') throw new ExploreUsage('flag --runs: a budget of 0 runs explores nothing; want 1 or more');
        if (!/^[0-9]+$/.test(v) || !Number.isSafeInteger(Number(v))) throw new ExploreUsage(`flag --runs: ${JSON.stringify(v)} is not a whole number of 1 or more`);
        opts.runs = Number(v);
        break;
      }
      case 'time': {
        const ms = duration();
        if (!(ms > 0)) throw new ExploreUsage('flag --time: a budget of 0 explores nothing; want more than 0 (e.g. 30s)');
        opts.timeMs = ms;
        break;
      }
      case 'jobs': opts.jobs = int(1, 64); break;
      case 'seed': opts.seed = int(0, Number.MAX_SAFE_INTEGER); break;
      case 'seeds': opts.seeds = bool(); break;
      case 'depth': opts.depth = int(0, 64); break;
      case 'preempt': {
        const v = value();
        const m = /^([0-9]+)(?:x([0-9]+))?$/.exec(v);
        if (!m || Number(m[1]) > 64 || (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 1e6))) throw new ExploreUsage(`flag --preempt: ${JSON.stringify(v)} is not W[xMAX] (W from 0 to 64, MAX from 1 to 1000000; like 1x200)`);
        opts.preempt = Number(m[1]);
        if (m[2] !== undefined) opts.preemptMax = Number(m[2]);
        break;
      }
      case 'timer-late': opts.timerLate = parseLateness(value(), '--timer-late'); break;
      case 'io-late': opts.wakeLate = parseLateness(value(), '--io-late'); break;
      case 'notes': (opts.notes ??= []).push(parseNotesSpec(value())); break;
      case 'expect': {
        const v = value();
        const re = /^\/(.*)\/([a-z]*)$/s.exec(v);
        if (re) {
          try {
            opts.expect = { ...opts.expect, stdout: new RegExp(re[1], re[2]) };
          } catch (e) {
            throw new ExploreUsage(`flag --expect: ${(e as Error).message}`);
          }
        } else {
          try {
            opts.expect = { ...opts.expect, stdout: readFileSync(v, 'utf8') };
          } catch (e) {
            throw new ExploreUsage(`flag --expect: ${(e as Error).message} (want a file or /regexp/)`);
          }
        }
        break;
      }
      case 'expect-exit': opts.expect = { ...opts.expect, exitString: value() }; break;
      case 'max-failures': opts.maxFailures = int(1, 1e9); break;
      case 'shrink': opts.shrink = bool(); break;
      case 'out': f.out = value(); break;
      case 'json': f.json = value(); break;
      case 'merge': f.merge = bool(); break;
      case 'shard': {
        const v = value();
        const m = /^([0-9]+)\/([0-9]+)$/.exec(v);
        if (!m || Number(m[2]) < 1 || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new ExploreUsage(`flag --shard: ${JSON.stringify(v)} is not K/N with 1 <= K <= N (like 2/8)`);
        opts.shard = { k: Number(m[1]), n: Number(m[2]) };
        break;
      }
      case 'poll': {
        const v = value();
        if (v !== 'current' && v !== 'go1.19') throw new ExploreUsage(`flag --poll: ${JSON.stringify(v)} (want current or go1.19)`);
        opts.poll = v as PollOption;
        break;
      }
      case 'engine': {
        const v = value();
        if (v !== 'interp' && v !== 'wasm') throw new ExploreUsage(`flag --engine: ${JSON.stringify(v)} (want interp or wasm)`);
        opts.engine = v as Engine;
        break;
      }
      case 'timeout': {
        const ms = duration();
        if (!(ms > 0)) throw new ExploreUsage('flag --timeout: a run of 0 never starts; want more than 0 (e.g. 10s)');
        opts.runTimeoutMs = ms;
        break;
      }
      default: throw new ExploreUsage(`unknown flag ${a}`);
    }
  });
  return f;
}

/** What the report prints; `files`: the schedule file of each failure. */
export function formatReport(r: ExploreReport, files: string[], target: string): string {
  const n = r.failures.length;
  const rate = r.seconds > 0 ? r.runs / r.seconds : 0;
  const lines: string[] = [];
  lines.push(`p9rt explore: ${r.program.file}: ${r.runs} runs in ${r.seconds.toFixed(1)}s (${rate.toFixed(1)} runs/s)${r.shard ? `, shard ${r.shard.k}/${r.shard.n}` : ''}: ${n === 0 ? 'no failure' : n === 1 ? '1 failure' : `${n} failures`}`);
  const c = r.coverage;
  lines.push(`coverage: ${c.interleavings} distinct interleavings of calls, notes and goroutines (${c.gOrders} distinct goroutine orders); the first run passed ${c.choicePoints} choice points, ${c.timers} timed sleeps, ${c.wakes} wakeups, ${c.calls} calls`);
  if (r.failsAlways) lines.push('the program fails on its first run, as p9rt run runs it: not searched');
  r.failures.forEach((f, i) => {
    lines.push(`FAIL ${i + 1}: ${f.failure.kind}: ${f.failure.message}`);
    lines.push(`  first met in run ${f.run}, in ${f.count} of ${r.runs} runs; schedule of ${f.sizeFound} forced choices and perturbations shrunk to ${f.sizeShrunk}${f.shrinkRuns ? ` (${f.shrinkRuns} runs)` : ''}`);
    lines.push(`  ${describe(f.schedule.run, f.schedule.seed)}`);
    if (files[i]) {
      lines.push(`  schedule: ${files[i]}`);
      lines.push(`  replay:   p9rt run --schedule ${files[i]} --explain ${target}`);
    }
  });
  return lines.join('\n') + '\n';
}

/** A schedule in words. */
export function describe(run: ExploreReport['failures'][number]['schedule']['run'], seed: string): string {
  const parts = [`seed ${seed}`];
  for (const [step, pick] of run.picks) parts.push(`choice point ${step}: runnable goroutine #${pick} (mod how many)`);
  for (const [n, c] of run.steps ?? []) parts.push(`preemption window at return to user ${n}, ${c} safepoints`);
  for (const [n, ns] of run.timers) parts.push(`timed sleep ${n} late by ${(ns / 1e6).toFixed(3)}ms`);
  for (const [n, ns] of run.wakes) parts.push(`wakeup ${n} late by ${(ns / 1e6).toFixed(3)}ms`);
  for (const x of run.notes) parts.push(`note ${JSON.stringify(x.text)} at ${x.phase} of call ${x.n}`);
  return parts.join('; ');
}

/** p9rt explore: load is main.ts's loader (compile or image). */
export async function exploreCommand(argv: string[], io: { out: (s: string) => void; err: (s: string) => void }, load: (file: string) => Promise<Runnable | number>, version: string): Promise<number> {
  const f = parseFlags(argv);
  if (f.merge) {
    if (f.rest.length === 0) throw new ExploreUsage('explore --merge: no reports');
    let reports: ExploreReport[];
    try {
      reports = f.rest.map((p) => JSON.parse(readFileSync(p, 'utf8')) as ExploreReport);
    } catch (e) {
      io.err(`p9rt: explore --merge: ${(e as Error).message}\n`);
      return 2;
    }
    for (const [i, r] of reports.entries()) if (!r || !r.program || !r.coverage || !Array.isArray(r.failures)) {
      io.err(`p9rt: explore --merge: ${f.rest[i]} is not a report of p9rt explore --json\n`);
      return 2;
    }
    let m: ExploreReport;
    try {
      m = mergeReports(reports);
    } catch (e) {
      io.err(`p9rt: explore ${(e as Error).message}\n`);
      return 2;
    }
    if (f.json) writeFileSync(f.json, JSON.stringify(m, null, 1) + '\n');
    io.out(formatReport(m, [], m.program.file));
    return m.failures.length > 0 ? 1 : 0;
  }
  const [file, ...args] = f.rest;
  if (!file) throw new ExploreUsage('explore: no FILE.go');
  const program = await load(file);
  if (typeof program === 'number') return program;
  const interactive = process.stderr.isTTY === true;
  const report = await explore(program, {
    ...f.opts,
    args,
    version,
    onProgress: interactive ? (p) => io.err(`\r${p.runs} runs, ${p.failures} failures, ${(p.runs / (p.elapsedMs / 1000)).toFixed(1)} runs/s `) : undefined,
  });
  if (interactive) io.err('\r\x1b[K');
  const files: string[] = [];
  const stem = basename(file).replace(/\.go$|\.p9img$/, '');
  for (const [i, x] of report.failures.entries()) {
    const path = join(f.out, `${stem}.fail${i + 1}.schedule.json`);
    try {
      writeFileSync(path, JSON.stringify(x.schedule, null, 1) + '\n');
    } catch (e) {
      io.err(`p9rt: explore: cannot write ${path}: ${(e as Error).message}\n`);
      return 2;
    }
    files.push(path);
  }
  if (f.json) writeFileSync(f.json, JSON.stringify(report, null, 1) + '\n');
  io.out(formatReport(report, files, file));
  return report.failures.length > 0 ? 1 : 0;
}
