// Scheduled notes as people write them: "WHEN:TARGET:TEXT" (50ms:main:interrupt), the syntax of
// `p9rt run --note` and of the playground's "Scheduled notes" field alike, parsed here once; and
// scheduled interrupts, "WHEN:PID" (`p9rt run --interrupt`, the playground's "Scheduled interrupts").
import { NOTE_TEXT_MAX, PROCS_MAX, type NoteTarget } from './machine.js';

export interface ScheduledNote {
  /** ms of the run's clock since boot. */
  at: number;
  target: NoteTarget;
  text: string;
}

const scale: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1e3, m: 60e3, h: 3600e3 };

/** "50ms", "1.5s", "200us", "2m", "10ns" -> ms; throws with the reason. */
export function parseDuration(s: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)$/.exec(s);
  if (!m) throw new Error(`${JSON.stringify(s)} is not a duration (want e.g. 50ms, 2s, 1.5h)`);
  const ms = Number(m[1]) * scale[m[2]];
  if (!Number.isFinite(ms)) throw new Error(`${s} is too long a duration`);
  return ms;
}

/**
 * One "WHEN:TARGET:TEXT"; TARGET is main, group or a pid; TEXT may hold colons and may be
 * empty (4e postnote queues an empty note like any other: docs/decisions.md, issue 18.2).
 * Throws with the reason.
 */
export function parseNote(s: string): ScheduledNote {
  const i = s.indexOf(':');
  const j = i < 0 ? -1 : s.indexOf(':', i + 1);
  if (i < 0 || j < 0) throw new Error(`${JSON.stringify(s)} is not WHEN:TARGET:TEXT (like 50ms:main:interrupt)`);
  const at = parseDuration(s.slice(0, i));
  const t = s.slice(i + 1, j);
  let target: NoteTarget;
  if (t === 'main' || t === 'group') target = t;
  else if (/^[0-9]+$/.test(t) && Number(t) >= 1 && Number(t) <= PROCS_MAX) target = Number(t);
  else throw new Error(`target ${JSON.stringify(t)} is not main, group or a pid from 1 to ${PROCS_MAX}`);
  const text = s.slice(j + 1);
  const len = new TextEncoder().encode(text).length;
  if (len > NOTE_TEXT_MAX) throw new Error(`the note text is ${len} bytes; a note holds at most ${NOTE_TEXT_MAX} (a write to /proc/n/note of more fails)`);
  return { at, target, text };
}

/** A scheduled interrupt: the call pid is in at `at` ms of the run's clock, or its next one, fails (9front ctl interrupt). */
export interface ScheduledInterrupt {
  at: number;
  pid: number;
}

/** One "WHEN:PID" (50ms:2), the syntax of `p9rt run --interrupt` and the playground's field. Throws with the reason. */
export function parseInterrupt(s: string): ScheduledInterrupt {
  const i = s.indexOf(':');
  if (i < 0) throw new Error(`${JSON.stringify(s)} is not WHEN:PID (like 50ms:2)`);
  const at = parseDuration(s.slice(0, i));
  const t = s.slice(i + 1);
  if (!/^[0-9]+$/.test(t) || Number(t) < 1 || Number(t) > PROCS_MAX) throw new Error(`pid ${JSON.stringify(t)} is not a pid from 1 to ${PROCS_MAX}`);
  return { at, pid: Number(t) };
}

/** A comma-separated list of interrupts ("50ms:2, 1s:3"); empty parts are skipped. */
export function parseInterrupts(text: string): ScheduledInterrupt[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean).map(parseInterrupt);
}

/** The list back as text parseInterrupts reads. */
export function formatInterrupts(list: readonly ScheduledInterrupt[]): string {
  return list.map((n) => `${+n.at.toFixed(6)}ms:${n.pid}`).join(', ');
}

/** A comma-separated list of notes ("50ms:main:interrupt, 1s:2:hangup"); empty parts are skipped. */
export function parseNotes(text: string): ScheduledNote[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean).map(parseNote);
}

/** The list back as text parseNotes reads. */
export function formatNotes(notes: readonly ScheduledNote[]): string {
  return notes.map((n) => `${+n.at.toFixed(6)}ms:${n.target}:${n.text}`).join(', ');
}
