// What the timeline draws, worked out from a run's trace (schema v1, docs/trace.md): procs and
// their syscalls, goroutines and where they ran, notes from poster to target with the handler's
// decision, timers and deadlines; and each event's cause chain, by following `cause` ids.
import type { TraceEvent } from '../src/api/machine.ts';

export interface SysSpan {
  pid: number;
  sys: string;
  t0: number;
  t1: number;
  /** It slept in the kernel (a sys.block came between enter and exit). */
  blocked: boolean;
  /** A note failed it with "interrupted": the id of that sys.interrupted event. */
  interrupted: number;
  /** The runtime's idle M parking (semacquire on the scheduler's note): drawn faint. */
  idle: boolean;
  enter: TraceEvent;
  end: TraceEvent | null;
}

export interface GoSpan {
  goid: number;
  pid: number;
  t0: number;
  t1: number;
  /** In a blocking syscall (go.syscall .. go.sysexit) rather than running Go code. */
  insys: boolean;
}

export interface NoteArrow {
  post: TraceEvent;
  from: number | 'host';
  to: number;
  text: string;
  t0: number;
  /** When it reached the target's handler (or killed it); t0 if it never did. */
  t1: number;
  /** The handler's decision (sighandler), "kill" for note.kill, "refused" for a full queue. */
  decision: string;
  deliver: TraceEvent | null;
}

export interface Marker {
  kind: 'timer.set' | 'timer.fire' | 'timer.stop' | 'deadline' | 'deadline.due' | 'io.cancel' | 'io.timeout';
  pid: number;
  t: number;
  label: string;
  event: TraceEvent;
}

export interface ProcLane {
  pid: number;
  t0: number;
  t1: number;
  exit: string | null;
}

export interface Model {
  events: TraceEvent[];
  byId: Map<number, TraceEvent>;
  procs: ProcLane[];
  goroutines: number[];
  sys: SysSpan[];
  gos: GoSpan[];
  notes: NoteArrow[];
  markers: Marker[];
  /** Every instant something happened, sorted, distinct (the "steps" axis). */
  times: number[];
  end: number;
}

const idleCalls = new Set(['semacquire', 'tsemacquire']);

export function ms(t: number): string {
  const v = t / 1e6;
  if (v === 0) return '0 ms';
  if (Math.abs(v) >= 1000) return `${(v / 1000).toFixed(3)} s`;
  if (Math.abs(v) >= 1) return `${v.toFixed(3)} ms`;
  return `${(t / 1000).toFixed(3)} µs`;
}

const decisionText: Record<string, string> = {
  ignoredNote: 'ignored (ignoreHangup)',
  sendNote: 'sent to os/signal',
  kill: 'kill',
  throw: 'throw',
  panic: 'panic',
  goexit: 'go: exit',
  ignored: 'ignored',
};

export function decisionLabel(d: string | undefined): string {
  return d === undefined ? '' : decisionText[d] ?? d;
}

export function build(events: readonly TraceEvent[]): Model {
  const evs = events.slice();
  const byId = new Map<number, TraceEvent>();
  evs.forEach((e, i) => byId.set(e.id ?? i + 1, e));
  const end = evs.length ? evs[evs.length - 1].t : 0;

  const procs = new Map<number, ProcLane>();
  const open = new Map<number, SysSpan>();
  const sys: SysSpan[] = [];
  const gos: GoSpan[] = [];
  const running = new Map<number, { goid: number; t0: number; insys: boolean }>(); // pid -> G on it
  const goroutines = new Set<number>();
  const markers: Marker[] = [];
  const posts = new Map<number, NoteArrow>();
  const notes: NoteArrow[] = [];
  const times = new Set<number>();

  const stopG = (pid: number, t: number) => {
    const r = running.get(pid);
    if (!r) return;
    gos.push({ goid: r.goid, pid, t0: r.t0, t1: t, insys: r.insys });
    running.delete(pid);
  };
  const lane = (pid: number, t: number) => {
    if (pid <= 0) return;
    if (!procs.has(pid)) procs.set(pid, { pid, t0: t, t1: end, exit: null });
  };

  for (const e of evs) {
    times.add(e.t);
    lane(e.pid, e.t);
    switch (e.kind) {
      case 'proc.exit': {
        const p = procs.get(e.pid)!;
        p.t1 = e.t;
        p.exit = e.text ?? '';
        stopG(e.pid, e.t);
        break;
      }
      case 'sys.enter': {
        const s: SysSpan = { pid: e.pid, sys: e.sys ?? '?', t0: e.t, t1: e.t, blocked: false, interrupted: 0, idle: idleCalls.has(e.sys ?? '') && !e.g, enter: e, end: null };
        open.set(e.pid, s);
        break;
      }
      case 'sys.block': {
        const s = open.get(e.pid);
        if (s) s.blocked = true;
        break;
      }
      case 'sys.interrupted': {
        const s = open.get(e.pid);
        if (s) s.interrupted = e.id ?? 0;
        break;
      }
      case 'sys.exit': {
        const s = open.get(e.pid);
        if (s) {
          s.t1 = e.t;
          s.end = e;
          open.delete(e.pid);
          // Calls that neither slept nor failed are instants: leave them to hover on the G lane.
          if (s.blocked || s.interrupted) sys.push(s);
        }
        break;
      }
      case 'go.create':
        if (e.goid !== undefined) goroutines.add(e.goid);
        break;
      case 'go.start':
        stopG(e.pid, e.t);
        if (e.goid !== undefined) {
          goroutines.add(e.goid);
          running.set(e.pid, { goid: e.goid, t0: e.t, insys: false });
        }
        break;
      case 'go.block':
      case 'go.end':
        if (running.get(e.pid)?.goid === e.goid) stopG(e.pid, e.t);
        break;
      case 'go.syscall': {
        const r = running.get(e.pid);
        if (r && r.goid === e.goid) {
          stopG(e.pid, e.t);
          running.set(e.pid, { goid: e.goid!, t0: e.t, insys: true });
        }
        break;
      }
      case 'go.sysexit': {
        const r = running.get(e.pid);
        if (r && r.goid === e.goid) {
          stopG(e.pid, e.t);
          if (e.p !== 'lost') running.set(e.pid, { goid: e.goid!, t0: e.t, insys: false });
        }
        break;
      }
      case 'note.post': {
        const n: NoteArrow = {
          post: e,
          from: e.from ?? e.pid,
          to: e.to ?? 0,
          text: e.text ?? '',
          t0: e.t,
          t1: e.t,
          decision: e.result === 'refused' ? 'refused' : 'queued',
          deliver: null,
        };
        lane(n.to, e.t);
        notes.push(n);
        if (e.id) posts.set(e.id, n);
        break;
      }
      case 'note.deliver': {
        const n = e.cause ? posts.get(e.cause) : undefined;
        if (n) {
          n.t1 = e.t;
          n.deliver = e;
          n.decision = 'delivered';
        }
        break;
      }
      case 'note.handler': {
        const d = e.cause ? byId.get(e.cause) : undefined;
        const n = d?.cause ? posts.get(d.cause) : undefined;
        if (n) n.decision = decisionLabel(e.decision);
        break;
      }
      case 'note.kill': {
        let n = e.cause ? posts.get(e.cause) : undefined;
        if (!n && e.cause) {
          const d = byId.get(e.cause);
          n = d?.cause ? posts.get(d.cause) : undefined;
        }
        if (n) {
          n.t1 = e.t;
          n.decision = 'kill';
        }
        break;
      }
      case 'timer.set':
      case 'timer.reset':
        markers.push({ kind: 'timer.set', pid: e.pid, t: e.t, label: `timer set: fires in ${e.when} ms`, event: e });
        break;
      case 'timer.fire':
        markers.push({ kind: 'timer.fire', pid: e.pid, t: e.t, label: 'timer fires', event: e });
        break;
      case 'timer.stop':
        markers.push({ kind: 'timer.stop', pid: e.pid, t: e.t, label: 'timer stopped', event: e });
        break;
      case 'deadline': {
        const mode = String(e.mode ?? '');
        if (e.cleared) {
          markers.push({ kind: 'deadline', pid: e.pid, t: e.t, label: `${mode} deadline cleared`, event: e });
        } else {
          const d = e.d ?? 0;
          markers.push({ kind: 'deadline', pid: e.pid, t: e.t, label: `Set${mode === 'r' ? 'Read' : mode === 'w' ? 'Write' : ''}Deadline(${d <= 0 ? 'past' : `+${ms(d)}`})`, event: e });
          if (d > 0) {
            markers.push({ kind: 'deadline.due', pid: e.pid, t: e.t + d, label: `${mode} deadline due`, event: e });
            times.add(e.t + d);
          }
        }
        break;
      }
      case 'io.cancel':
        markers.push({ kind: 'io.cancel', pid: e.pid, t: e.t, label: `Cancel: hangup to pid ${e.to}`, event: e });
        break;
      case 'io.timeout':
        markers.push({ kind: 'io.timeout', pid: e.pid, t: e.t, label: 'i/o timeout returned', event: e });
        break;
    }
  }
  // Whatever is still open at the end ran until the end (a stopped or killed run).
  for (const s of open.values()) {
    if (s.blocked) sys.push({ ...s, t1: end });
  }
  for (const pid of [...running.keys()]) stopG(pid, end);

  return {
    events: evs,
    byId,
    procs: [...procs.values()].sort((a, b) => a.pid - b.pid),
    goroutines: [...goroutines].sort((a, b) => a - b),
    sys,
    gos,
    notes,
    markers,
    times: [...times].sort((a, b) => a - b),
    end,
  };
}

/** One line about an event, for hover text and cause chains. */
export function describe(e: TraceEvent): string {
  const who = e.pid === 0 ? 'kernel' : `pid ${e.pid}${e.g ? ` g${e.g}` : ''}`;
  let what: string;
  switch (e.kind) {
    case 'sys.enter': what = `${e.sys} called`; break;
    case 'sys.block': what = `${e.sys} sleeps in the kernel`; break;
    case 'sys.exit': what = `${e.sys} returns ${e.ret}${e.err ? ` "${e.err}"` : ''}`; break;
    case 'sys.interrupted': what = `${e.sys} interrupted: returns -1 "interrupted"`; break;
    case 'note.post': what = `posts note "${e.text}" to pid ${e.to}${e.from === 'host' ? ' (from outside the program)' : ''}${e.result === 'refused' ? ': refused, queue full' : ''}`; break;
    case 'note.deliver': what = `note "${e.text}" handed to the handler (sigtramp)`; break;
    case 'note.held': what = `note "${e.text}" held: the proc is in its handler`; break;
    case 'note.kill': what = `note "${e.text}" kills the proc`; break;
    case 'note.handler': what = `sighandler: "${e.note ?? ''}" [${e.flags ?? ''}] → ${decisionLabel(e.decision)}`; break;
    case 'noted': what = `noted(${e.mode === 0 ? 'NCONT' : e.mode === 1 ? 'NDFLT' : e.mode})`; break;
    case 'go.create': what = `go statement: creates g${e.goid}`; break;
    case 'go.start': what = `g${e.goid} runs`; break;
    case 'go.block': what = `g${e.goid} waits (${e.reason})`; break;
    case 'go.unblock': what = `g${e.goid} made runnable`; break;
    case 'go.end': what = `g${e.goid} ends`; break;
    case 'go.syscall': what = `g${e.goid} enters ${e.sys}; the P is handed off`; break;
    case 'go.sysexit': what = `g${e.goid} back from its call (P ${e.p})`; break;
    case 'p.handoff': what = `P handed from pid ${e.from} to pid ${e.to}`; break;
    case 'timer.set': what = `timer set to fire in ${e.when} ms`; break;
    case 'timer.reset': what = `timer reset to ${e.when} ms`; break;
    case 'timer.fire': what = 'timer fires'; break;
    case 'timer.stop': what = 'timer stopped'; break;
    case 'deadline': what = e.cleared ? `${e.mode} deadline cleared` : `${e.mode} deadline set, ${ms(e.d ?? 0)} from now`; break;
    case 'io.cancel': what = `asyncIO.Cancel: posts hangup to pid ${e.to}`; break;
    case 'io.timeout': what = `Read/Write returns ErrDeadlineExceeded (the call ran on pid ${e.ranpid})`; break;
    case 'm.ignorehangup': what = e.on ? 'this M ignores hangup (asyncIO starts)' : 'this M stops ignoring hangup'; break;
    case 'rfork': what = `rfork: new proc ${e.a}`; break;
    case 'proc.start': what = 'proc starts'; break;
    case 'proc.exit': what = `proc exits "${e.text ?? ''}"`; break;
    case 'clock': what = 'virtual clock jumps'; break;
    case 'end': what = `run ends: exit string "${e.text ?? ''}" (${e.reason})`; break;
    case 'boot': what = `boot (${e.text})`; break;
    default: what = e.kind;
  }
  return `${ms(e.t)}  ${who}: ${what}${e.file ? `  at ${e.file}:${e.line}` : ''}`;
}

/**
 * The line of `file` (the program's own) that the goroutine of step `i` was
 * running: the latest position on that step's M up to it (an event of the
 * M's scheduler or of the kernel carries none: its goroutine is where its last
 * event left it); null when there is none yet, or it is in another file.
 */
export function replayLine(events: TraceEvent[], i: number, file: string): number | null {
  const at = events[i];
  if (!at) return null;
  for (let j = i; j >= 0; j--) {
    const e = events[j];
    if (at.pid !== 0 && e.pid !== at.pid) continue;
    if (e.file !== undefined) return e.file === file ? (e.line ?? null) : null;
  }
  return null;
}

/** The chain of causes of event `id`, root first, ending with the event itself. */
export function causeChain(model: Model, id: number): TraceEvent[] {
  const chain: TraceEvent[] = [];
  const seen = new Set<number>();
  let e = model.byId.get(id);
  while (e && !seen.has(e.id ?? -1)) {
    seen.add(e.id ?? -1);
    chain.unshift(e);
    e = e.cause ? model.byId.get(e.cause) : undefined;
  }
  return chain;
}

/** What `id` led to: events whose cause is it, and theirs, breadth first (a few levels). */
export function consequences(model: Model, id: number, depth = 3): TraceEvent[] {
  const out: TraceEvent[] = [];
  let frontier = new Set([id]);
  for (let d = 0; d < depth && frontier.size > 0; d++) {
    const next = new Set<number>();
    for (const e of model.events) {
      if (e.cause !== undefined && frontier.has(e.cause) && e.kind !== 'sys.block') {
        out.push(e);
        if (e.id) next.add(e.id);
      }
    }
    frontier = next;
  }
  return out.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
}
