// Scheduled notes as people write them: "WHEN:TARGET:TEXT" (50ms:main:interrupt), the syntax of
// `p9rt run --note` and of the playground's "Scheduled notes" field alike, parsed here once.
import type { NoteTarget } from './machine.js';

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
  if (!m) throw new Error(`bad duration ${JSON.stringify(s)} (want e.g. 50ms, 2s)`);
  return Number(m[1]) * scale[m[2]];
}

/** One "WHEN:TARGET:TEXT"; TARGET is main, group or a pid; TEXT may hold colons. Throws with the reason. */
export function parseNote(s: string): ScheduledNote {
  const i = s.indexOf(':');
  const j = i < 0 ? -1 : s.indexOf(':', i + 1);
  if (i < 0 || j < 0) throw new Error(`bad note ${JSON.stringify(s)} (want WHEN:TARGET:TEXT, like 50ms:main:interrupt)`);
  const at = parseDuration(s.slice(0, i));
  const t = s.slice(i + 1, j);
  let target: NoteTarget;
  if (t === 'main' || t === 'group') target = t;
  else if (/^[0-9]+$/.test(t)) target = Number(t);
  else throw new Error(`bad note target ${JSON.stringify(t)} (want main, group or a pid)`);
  return { at, target, text: s.slice(j + 1) };
}

/** A comma-separated list of notes ("50ms:main:interrupt, 1s:2:hangup"); empty parts are skipped. */
export function parseNotes(text: string): ScheduledNote[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean).map(parseNote);
}

/** The list back as text parseNotes reads. */
export function formatNotes(notes: readonly ScheduledNote[]): string {
  return notes.map((n) => `${+n.at.toFixed(6)}ms:${n.target}:${n.text}`).join(', ');
}
