// The CLI's trace flags (--trace FILE, --timeline, --explain), shared by
// `p9rt run` and `p9rt test`: whether to record, and what to write after.
import { writeFileSync } from 'node:fs';
import type { TraceEvent } from '../../host/kernel/trace.js';
import { chromeTrace } from './chrome.js';
import { timeline } from './timeline.js';
import { explain } from './explain.js';

export interface TraceFlags {
  trace: string | null;
  timeline: boolean;
  explain?: boolean;
}

/** A run is traced only when some view wants it (docs/trace.md "Cost"). */
export function traceWanted(f: TraceFlags): boolean {
  return f.trace !== null || f.timeline || !!f.explain;
}

/** After the run: the Chrome JSON file, then the timeline and the explanations on stderr. */
export function traceOutputs(f: TraceFlags, events: readonly TraceEvent[], err: (s: string) => void, color = false): void {
  if (f.trace) writeFileSync(f.trace, chromeTrace(events));
  if (f.timeline) err(timeline(events, { color }));
  if (f.explain) err(explain(events));
}
