// The kernel's trace: one flat, JSON-able event per step, in the order the
// kernel saw them. Core events (host.trace) arrive with the proc's next
// kernel entry, so in virtual time the order is a function of the program,
// the seed and the injected notes alone.

export type TraceEventKind =
  | 'boot'
  | 'proc.start' // a new proc first runs (pid 1, or an rfork child)
  | 'proc.exit' // text = exit string
  | 'rfork' // a = child pid
  | 'sys.enter' // sys = name, args = a few words
  | 'sys.block' // the call sleeps in the kernel
  | 'sys.exit' // ret, err
  | 'sys.interrupted' // the call failed with "interrupted"
  | 'note.post' // to = pid, text, from (pid or 'host'); result queued|refused
  | 'note.deliver' // text handed to the proc's handler
  | 'note.held' // a note waits: the proc is in its handler
  | 'note.kill' // the note kills the proc (no handler, or NDFLT)
  | 'noted' // mode
  | 'clock' // virtual clock jumps to t
  | 'core' // an event of the core: ck = TraceKind, a, b, c
  | 'abort' // the core aborted: text
  | 'end'; // the run is over: text = exit string, reason

export interface TraceEvent {
  /** Kernel clock in ns since boot when the event happened. */
  t: number;
  kind: TraceEventKind;
  pid: number;
  sys?: string;
  args?: number[];
  ret?: number;
  err?: string;
  text?: string;
  to?: number;
  from?: number | 'host';
  result?: 'queued' | 'refused';
  mode?: number;
  ck?: number;
  a?: number;
  b?: number;
  c?: number;
  reason?: string;
}

/** Version of the event schema above, written into exported traces. */
export const TRACE_VERSION = 1;
