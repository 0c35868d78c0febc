// The trace as Chrome trace-event JSON (Perfetto and chrome://tracing open
// it): one instant event per kernel/core event, a track per proc, the raw
// events kept under "p9rt" for tools that want them.
import type { TraceEvent } from '../../host/kernel/trace.js';
import { TRACE_VERSION } from '../../host/kernel/trace.js';

export function chromeTrace(events: readonly TraceEvent[]): string {
  const traceEvents = events.map((e) => ({
    name: e.kind === 'core' ? `core ${e.ck}` : e.sys ? `${e.kind} ${e.sys}` : e.kind,
    ph: 'i',
    s: 't',
    ts: e.t / 1000,
    pid: 1,
    tid: e.pid,
    args: e,
  }));
  return JSON.stringify({ traceEvents, displayTimeUnit: 'ms', p9rt: { version: TRACE_VERSION, events } }, null, 0) + '\n';
}
