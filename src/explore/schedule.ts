// Schedule files (docs/explore.md "Schedule files"): what p9rt explore saves
// for a failure and `p9rt run --schedule` replays. A schedule belongs to one
// program image and one p9rt version; any other is refused by name, since a
// choice point or a timer's number means nothing in another program.
import type { PollOption, RunSchedule } from '../api/machine.js';

/** The format's version: a file of another is refused. */
export const SCHEDULE_FORMAT = 1;

/** One failure as explore classifies it (docs/explore.md "Failures"). */
export interface FailureInfo {
  /** 'panic' (a Go panic or fatal error), 'deadlock' (Go's or p9rt's), 'exit' (a wrong exit string: a non-zero os.Exit, a killing note), 'expect' (stdout not what --expect wants), 'timeout'. */
  kind: 'panic' | 'deadlock' | 'exit' | 'expect' | 'timeout';
  /** What tells this failure from others: its kind and message, with numbers blanked. */
  signature: string;
  /** The run's exit string. */
  exitString: string;
  /** The message it was classified by (a panic's line, the last line of output, ...). */
  message: string;
}

/** A schedule file's contents. */
export interface ScheduleFile {
  /** The p9rt version that made it. */
  p9rt: string;
  /** SCHEDULE_FORMAT. */
  format: number;
  /** The program: its file name and the SHA-256 of its image (hex). */
  program: { file: string; sha256: string };
  /** The run options the schedule needs (they change what the choice points are). */
  options: { poll: PollOption; args: string[] };
  /** The kernel's seed (every proc choice). */
  seed: string;
  /** Forced choices and perturbations. */
  run: RunSchedule;
  /** The failure it leads to, as found. */
  failure?: FailureInfo;
}

/** SHA-256 of a program image, hex (Web Crypto: the same in Node and the browser). */
export async function imageHash(image: Uint8Array): Promise<string> {
  const d = await globalThis.crypto.subtle.digest('SHA-256', image as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A schedule that changes nothing: Go's order, exact timers, no notes. */
export function emptyRun(): RunSchedule {
  return { picks: [], timers: [], wakes: [], notes: [], steps: [] };
}

/** How many forced choices and perturbations a schedule holds: what shrinking makes small. */
export function scheduleSize(r: RunSchedule): number {
  return r.picks.length + r.timers.length + r.wakes.length + r.notes.length + (r.steps?.length ?? 0);
}

function pairs(v: unknown, what: string): [number, number][] {
  if (!Array.isArray(v)) throw new Error(`run.${what} is not a list`);
  return v.map((x, i) => {
    if (!Array.isArray(x) || x.length !== 2 || !x.every((n) => Number.isSafeInteger(n) && n >= 0)) throw new Error(`run.${what}[${i}] is not a pair of whole numbers`);
    return [x[0], x[1]] as [number, number];
  });
}

/**
 * Parse and check a schedule file's text against the program it is to
 * replay: the format, the p9rt version and the program's hash must match.
 * Throws an Error naming what does not.
 */
export function parseSchedule(text: string, name: string, version: string, sha256: string, file: string): ScheduleFile {
  let j: Partial<ScheduleFile> & Record<string, unknown>;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name}: not a schedule file (${(e as Error).message})`);
  }
  if (!j || typeof j !== 'object' || typeof j.p9rt !== 'string' || typeof j.format !== 'number' || !j.program || !j.run) throw new Error(`${name}: not a schedule file (p9rt explore writes them)`);
  if (j.format !== SCHEDULE_FORMAT) throw new Error(`${name}: schedule format ${j.format}; this p9rt reads format ${SCHEDULE_FORMAT}`);
  if (j.p9rt !== version) throw new Error(`${name}: made by p9rt ${j.p9rt}; this is p9rt ${version}, whose choice points differ: explore again`);
  if (j.program.sha256 !== sha256) throw new Error(`${name}: made for another program (${j.program.file}, sha256 ${String(j.program.sha256).slice(0, 12)}…), not ${file} (sha256 ${sha256.slice(0, 12)}…)`);
  const r = j.run as unknown as Record<string, unknown>;
  const notes = Array.isArray(r.notes) ? r.notes : [];
  const run: RunSchedule = {
    picks: pairs(r.picks, 'picks'),
    timers: pairs(r.timers, 'timers'),
    wakes: pairs(r.wakes, 'wakes'),
    steps: r.steps === undefined ? [] : pairs(r.steps, 'steps'),
    notes: notes.map((n: { n: number; phase: string; text: string; target: unknown }, i: number) => {
      if (!Number.isSafeInteger(n?.n) || !['entry', 'sleep', 'exit'].includes(n.phase) || typeof n.text !== 'string') throw new Error(`${name}: run.notes[${i}] is not a note at a call boundary`);
      const target = n.target === 'main' || n.target === 'any' || (Number.isSafeInteger(n.target) && (n.target as number) >= 1) ? (n.target as 'main' | 'any' | number) : 'any';
      return { n: n.n, phase: n.phase as 'entry' | 'sleep' | 'exit', text: n.text, target };
    }),
  };
  const seed = String(j.seed ?? '1');
  if (!/^[0-9]+$/.test(seed) || BigInt(seed) >= 2n ** 64n) throw new Error(`${name}: seed ${JSON.stringify(j.seed)} is not a whole number from 0 to 2^64-1`);
  const poll = j.options?.poll ?? 'current';
  if (poll !== 'current' && poll !== 'go1.19') throw new Error(`${name}: options.poll ${JSON.stringify(poll)} (want current or go1.19)`);
  return { p9rt: j.p9rt, format: j.format, program: j.program, options: { poll, args: Array.isArray(j.options?.args) ? j.options!.args.map(String) : [] }, seed, run, failure: j.failure };
}

/** A seed as Machine.start takes it: a number up to 2^53, a bigint above. */
export function seedValue(s: string): number | bigint {
  const b = BigInt(s);
  return b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}
