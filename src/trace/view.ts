// What a timeline picture draws, worked out from a run's trace (schema v1, docs/trace.md) with no
// DOM: a lane per proc with the calls that slept, goroutines and where they ran, notes from
// poster to target with the handler's decision, timers and deadlines, and the replay's steps.
//
// Built incrementally (add() takes a live run's next batch), and every lane keeps its shapes in
// time order, so a view asks for what lies in its visible range by binary search: drawing a
// 1,000,000-event trace costs what is on screen, not what was recorded.
import type { TraceEvent } from '../../host/kernel/trace.js';
import { TraceIndex } from './model.js';

export interface SysSpan {
  pid: number;
  sys: string;
  t0: number;
  t1: number;
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
  /** The handler's decision (sighandler), "kill" for note.kill, "refused" for a full queue; for a ctl interrupt (text "ctl interrupt"), "ends pread". */
  decision: string;
  deliver: TraceEvent | null;
}

export type MarkerKind = 'timer.set' | 'timer.fire' | 'timer.stop' | 'deadline' | 'deadline.due' | 'io.cancel' | 'io.timeout';

export interface Marker {
  kind: MarkerKind;
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
  exitEvent: TraceEvent | null;
  /** Calls that slept or were interrupted, in time order (they never overlap on one proc). */
  sys: SysSpan[];
  /** Timer and deadline markers, in time order. */
  markers: Marker[];
}

/** Calls the runtime makes for its own locks and idle Ms: not part of the story. */
const lockCalls = new Set(['semacquire', 'tsemacquire', 'semrelease']);

/** Event kinds the replay steps through (lock internals and P bookkeeping are left out). */
const storyKinds = new Set<string>([
  'proc.start', 'proc.exit', 'rfork', 'sys.block', 'sys.interrupted', 'note.post', 'interrupt', 'note.deliver', 'note.held',
  'note.kill', 'note.handler', 'noted', 'go.create', 'go.end', 'timer.set', 'timer.reset', 'timer.fire', 'timer.stop',
  'deadline', 'io.cancel', 'io.timeout', 'm.ignorehangup', 'clock', 'end', 'abort', 'http.abortPendingRead',
]);

/** Time in ns, short: "0", "15 µs", "50.02 ms", "1.5 s". */
export function fmtTime(t: number): string {
  if (t === 0) return '0';
  const a = Math.abs(t);
  const [v, unit] = a >= 1e9 ? [t / 1e9, 's'] : a >= 1e6 ? [t / 1e6, 'ms'] : a >= 1e3 ? [t / 1e3, 'µs'] : [t, 'ns'];
  return `${+v.toFixed(3)} ${unit}`;
}

/** Time t on an axis whose ticks are `step` ns apart: in the unit of t, with the digits step needs. */
export function fmtTick(t: number, step: number): string {
  if (t === 0) return '0';
  const a = Math.abs(t);
  const [div, unit] = a >= 1e9 ? [1e9, 's'] : a >= 1e6 ? [1e6, 'ms'] : a >= 1e3 ? [1e3, 'µs'] : [1, 'ns'];
  const digits = Math.max(0, Math.min(9, Math.ceil(-Math.log10(step / div) - 1e-9)));
  return `${(t / div).toFixed(digits)} ${unit}`;
}

/** The round step (1, 2 or 5 times a power of ten) nearest above `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const k of [1, 2, 5, 10]) if (k * p >= raw) return k * p;
  return 10 * p;
}

/** The round step just below round step `s`: 5 -> 2 -> 1 -> 0.5 (times powers of ten). */
export function roundBelow(s: number): number {
  const p = 10 ** Math.floor(Math.log10(s) + 1e-9);
  const m = Math.round(s / p);
  return m >= 5 ? 2 * p : m >= 2 ? p : p / 2;
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

/** First index i in [0, n) with pred(i) true, for pred false then true; n if none. */
export function lowerBound(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export class TraceView {
  readonly ix = new TraceIndex();
  readonly procs = new Map<number, ProcLane>();
  /** Goroutine id -> where it ran, in time order. */
  readonly gos = new Map<number, GoSpan[]>();
  /** Notes in the order they were posted. */
  readonly notes: NoteArrow[] = [];
  /** Every instant something happened, ascending, distinct (the "steps" axis). */
  readonly times: number[] = [];
  /** Indexes (into events) of the steps the replay walks through. */
  readonly steps: number[] = [];
  end = 0;
  /** The ids of the sys.interrupted events, in order. */
  readonly interrupted: number[] = [];
  /** Bumped whenever a time is inserted before the last one (axes built on `times` start over). */
  reorders = 0;
  /** When the virtual clock jumped (every proc waited). */
  readonly clocks: number[] = [];

  private readonly open = new Map<number, { s: SysSpan; blocked: boolean }>();
  private readonly running = new Map<number, { goid: number; t0: number; insys: boolean }>();
  private readonly posts = new Map<number, NoteArrow>();
  private readonly lastG = new Map<number, number>();

  constructor(events: readonly TraceEvent[] = []) {
    this.add(events);
  }

  get events(): readonly TraceEvent[] {
    return this.ix.events;
  }

  /** Lanes of procs, by pid. */
  lanes(): ProcLane[] {
    return [...this.procs.values()].sort((a, b) => a.pid - b.pid);
  }

  goroutines(): number[] {
    return [...this.gos.keys()].sort((a, b) => a - b);
  }

  /** Spans still open (a live run, or the run's end) reach the end of the trace. */
  openSpans(): { sys: SysSpan[]; gos: GoSpan[] } {
    const sys = [...this.open.values()].filter((o) => o.blocked).map((o) => ({ ...o.s, t1: this.end }));
    const gos = [...this.running.entries()].map(([pid, r]) => ({ goid: r.goid, pid, t0: r.t0, t1: this.end, insys: r.insys }));
    return { sys, gos };
  }

  private addTime(t: number): void {
    const ts = this.times;
    const last = ts.length ? ts[ts.length - 1] : -1;
    if (t > last) ts.push(t);
    else if (t !== last) {
      // A deadline's due time lies ahead of the events after it: insert it in order.
      const i = lowerBound(ts.length, (k) => ts[k] >= t);
      if (ts[i] === t) return;
      ts.splice(i, 0, t);
      this.reorders++;
    }
  }

  /** Due times still ahead of the trace, ascending: they join the axis once the run reaches them. */
  private readonly ahead: number[] = [];

  private due(t: number): void {
    if (t <= this.end) {
      this.addTime(t);
      return;
    }
    const a = this.ahead;
    a.splice(lowerBound(a.length, (k) => a[k] > t), 0, t);
  }

  private lane(pid: number, t: number): ProcLane | undefined {
    if (pid <= 0) return undefined;
    let p = this.procs.get(pid);
    if (!p) {
      p = { pid, t0: t, t1: Infinity, exit: null, exitEvent: null, sys: [], markers: [] };
      this.procs.set(pid, p);
    }
    return p;
  }

  private stopG(pid: number, t: number): void {
    const r = this.running.get(pid);
    if (!r) return;
    let l = this.gos.get(r.goid);
    if (!l) this.gos.set(r.goid, (l = []));
    l.push({ goid: r.goid, pid, t0: r.t0, t1: t, insys: r.insys });
    this.running.delete(pid);
  }

  private startG(pid: number, goid: number, t: number, insys: boolean): void {
    if (!this.gos.has(goid)) this.gos.set(goid, []);
    this.running.set(pid, { goid, t0: t, insys });
  }

  private mark(kind: MarkerKind, e: TraceEvent, label: string, t = e.t): void {
    const p = this.lane(e.pid, e.t);
    if (!p) return;
    const l = p.markers;
    if (l.length === 0 || l[l.length - 1].t <= t) l.push({ kind, pid: e.pid, t, label, event: e });
    else l.splice(lowerBound(l.length, (k) => l[k].t > t), 0, { kind, pid: e.pid, t, label, event: e });
  }

  /** Take the next events of the run (all of them at once for a finished run). */
  add(events: readonly TraceEvent[]): void {
    const base = this.ix.events.length;
    this.ix.add(events);
    for (let k = 0; k < events.length; k++) {
      const e = events[k];
      const index = base + k;
      // A due time the run has now reached goes on the axis first (it lies before e.t).
      while (this.ahead.length > 0 && this.ahead[0] <= e.t) this.addTime(this.ahead.shift()!);
      this.addTime(e.t);
      if (e.t > this.end) this.end = e.t;
      this.lane(e.pid, e.t);
      if (this.isStep(e)) this.steps.push(index);
      this.take(e);
    }
  }

  private isStep(e: TraceEvent): boolean {
    // (A lock's call interrupted by "go: exit" too: the note and the kill tell that story.)
    if (lockCalls.has(e.sys ?? '') && e.kind.startsWith('sys.')) return false;
    if (e.kind === 'sys.interrupted') return true;
    if (e.kind === 'sys.enter') return true;
    if (e.kind === 'sys.exit') {
      // The return of a call that slept (or was interrupted) ends a chapter; an instant call's does not.
      const o = this.open.get(e.pid);
      return !!o && (o.blocked || o.s.interrupted !== 0);
    }
    if (e.kind === 'go.start') {
      // A goroutine switch: another goroutine than the one that last ran on this M.
      const was = this.lastG.get(e.pid);
      this.lastG.set(e.pid, e.goid ?? 0);
      return was !== e.goid;
    }
    return storyKinds.has(e.kind);
  }

  private take(e: TraceEvent): void {
    switch (e.kind) {
      case 'clock':
        this.clocks.push(e.t);
        break;
      case 'proc.exit': {
        const p = this.lane(e.pid, e.t)!;
        p.t1 = e.t;
        p.exit = e.text ?? '';
        p.exitEvent = e;
        this.stopG(e.pid, e.t);
        break;
      }
      case 'sys.enter': {
        const s: SysSpan = { pid: e.pid, sys: e.sys ?? '?', t0: e.t, t1: e.t, interrupted: 0, idle: lockCalls.has(e.sys ?? '') && !e.g, enter: e, end: null };
        this.open.set(e.pid, { s, blocked: false });
        break;
      }
      case 'sys.block': {
        const o = this.open.get(e.pid);
        if (o) o.blocked = true;
        break;
      }
      case 'sys.interrupted': {
        const o = this.open.get(e.pid);
        if (o) o.s.interrupted = e.id ?? 0;
        if (e.id) this.interrupted.push(e.id);
        // Ended by a ctl interrupt: its arrow reaches here.
        const n = e.from !== undefined && e.cause ? this.posts.get(e.cause) : undefined;
        if (n) {
          n.t1 = e.t;
          n.decision = `ends ${e.sys}`;
        }
        break;
      }
      case 'sys.exit': {
        const o = this.open.get(e.pid);
        if (o) {
          o.s.t1 = e.t;
          o.s.end = e;
          this.open.delete(e.pid);
          // Calls that neither slept nor failed are instants: the G lane shows them.
          if (o.blocked || o.s.interrupted) this.lane(e.pid, e.t)!.sys.push(o.s);
        }
        break;
      }
      case 'go.create':
        if (e.goid !== undefined && !this.gos.has(e.goid)) this.gos.set(e.goid, []);
        break;
      case 'go.start':
        this.stopG(e.pid, e.t);
        if (e.goid !== undefined) this.startG(e.pid, e.goid, e.t, false);
        break;
      case 'go.block':
      case 'go.end':
        if (this.running.get(e.pid)?.goid === e.goid) this.stopG(e.pid, e.t);
        break;
      case 'go.syscall': {
        const r = this.running.get(e.pid);
        if (r && r.goid === e.goid) {
          this.stopG(e.pid, e.t);
          this.startG(e.pid, e.goid!, e.t, true);
        }
        break;
      }
      case 'go.sysexit': {
        const r = this.running.get(e.pid);
        if (r && r.goid === e.goid) {
          this.stopG(e.pid, e.t);
          if (e.p !== 'lost') this.startG(e.pid, e.goid!, e.t, false);
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
        this.lane(n.to, e.t);
        this.notes.push(n);
        if (e.id) this.posts.set(e.id, n);
        break;
      }
      case 'interrupt': {
        // 9front's ctl interrupt (issue 11): an arrow like a note's, labelled with the call it ends.
        if (e.cleared) break;
        const n: NoteArrow = { post: e, from: e.from ?? e.pid, to: e.to ?? 0, text: 'ctl interrupt', t0: e.t, t1: e.t, decision: 'pending', deliver: null };
        this.lane(n.to, e.t);
        this.notes.push(n);
        if (e.id) this.posts.set(e.id, n);
        break;
      }
      case 'note.deliver': {
        const n = e.cause ? this.posts.get(e.cause) : undefined;
        if (n) {
          n.t1 = e.t;
          n.deliver = e;
          n.decision = 'delivered';
        }
        break;
      }
      case 'note.handler': {
        const d = e.cause ? this.ix.byId.get(e.cause) : undefined;
        const n = d?.cause ? this.posts.get(d.cause) : undefined;
        if (n) n.decision = decisionLabel(e.decision);
        break;
      }
      case 'note.kill': {
        // Caused by the post itself, or by its delivery (a system note in a handler).
        const n = this.ix.chain(e).map((c) => (c.id ? this.posts.get(c.id) : undefined)).find((x) => x);
        if (n) {
          n.t1 = e.t;
          n.decision = 'kill';
        }
        break;
      }
      case 'timer.set':
      case 'timer.reset':
        this.mark('timer.set', e, `timer set: fires in ${e.when} ms`);
        break;
      case 'timer.fire':
        this.mark('timer.fire', e, 'timer fires');
        break;
      case 'timer.stop':
        this.mark('timer.stop', e, 'timer stopped');
        break;
      case 'deadline': {
        const mode = String(e.mode ?? '');
        if (e.cleared) {
          this.mark('deadline', e, `${mode} deadline cleared`);
        } else {
          const d = e.d ?? 0;
          const call = mode === 'r' ? 'SetReadDeadline' : mode === 'w' ? 'SetWriteDeadline' : 'SetDeadline';
          this.mark('deadline', e, `${call}(${d <= 0 ? 'past' : `+${fmtTime(d)}`})`);
          if (d > 0) {
            this.mark('deadline.due', e, `${call} deadline due`, e.t + d);
            this.due(e.t + d);
          }
        }
        break;
      }
      case 'io.cancel':
        this.mark('io.cancel', e, `Cancel: hangup to pid ${e.to}`);
        break;
      case 'io.timeout':
        this.mark('io.timeout', e, 'i/o timeout returned');
        break;
    }
  }

  /** The chain of causes of event `id`, root first, ending with the event itself. */
  causeChain(id: number): TraceEvent[] {
    const e = this.ix.byId.get(id);
    return e ? this.ix.chain(e).reverse() : [];
  }

  /** What `id` led to: events it caused, and theirs, breadth first (a few levels). */
  consequences(id: number, depth = 3): TraceEvent[] {
    const out: TraceEvent[] = [];
    let frontier = [id];
    for (let d = 0; d < depth && frontier.length > 0; d++) {
      const next: number[] = [];
      for (const c of frontier) {
        for (const e of this.ix.effects.get(c) ?? []) {
          if (e.kind === 'sys.block') continue;
          out.push(e);
          if (e.id) next.push(e.id);
        }
      }
      frontier = next;
    }
    return out.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  }

  /**
   * The line of `file` (the program's own) that the goroutine of event index i was running:
   * the latest position on that event's M up to it (a scheduler or kernel event carries none:
   * its goroutine is where its last event left it); null when none yet, or in another file.
   */
  sourceLine(i: number, file: string): number | null {
    const events = this.ix.events;
    const at = events[i];
    if (!at) return null;
    // Bounded: a position further back than this is not "the line it is running" any more.
    for (let j = i; j >= 0 && j > i - 100_000; j--) {
      const e = events[j];
      if (at.pid !== 0 && e.pid !== at.pid) continue;
      if (e.file !== undefined) return e.file === file ? (e.line ?? null) : null;
    }
    return null;
  }

  /** The index in events of event `id`. */
  indexOf(id: number): number {
    const events = this.ix.events;
    if (events[id - 1]?.id === id) return id - 1;
    return events.findIndex((e) => e.id === id);
  }
}

/** One line about an event, for hover text, the replay and cause chains. */
export function describe(e: TraceEvent): string {
  const who = e.pid === 0 ? 'kernel' : `pid ${e.pid}${e.g ? ` g${e.g}` : ''}`;
  let what: string;
  switch (e.kind) {
    case 'sys.enter': what = `${e.sys} called`; break;
    case 'sys.block': what = `${e.sys} sleeps in the kernel`; break;
    case 'sys.exit': what = `${e.sys} returns ${e.ret}${e.err ? ` "${e.err}"` : ''}`; break;
    case 'sys.interrupted': what = `${e.sys} interrupted: returns -1 "interrupted"${e.from !== undefined ? ` (ctl interrupt from ${e.from === 'host' ? 'the host' : `pid ${e.from}`})` : ''}`; break;
    case 'interrupt': what = e.cleared ? `nointerrupt: pid ${e.to}'s pending interrupt dropped` : `ctl interrupt of pid ${e.to}${e.from === 'host' ? ' from outside the program' : ''}: its current or next blocking call fails, no note`; break;
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
    case 'deadline': what = e.cleared ? `${e.mode} deadline cleared` : `${e.mode} deadline set, ${fmtTime(e.d ?? 0)} from now`; break;
    case 'io.cancel': what = `asyncIO.Cancel: posts hangup to pid ${e.to}`; break;
    case 'http.abortPendingRead': what = 'net/http abortPendingRead: the server ends its background read of the connection'; break;
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
  return `${fmtTime(e.t)}  ${who}: ${what}${e.file ? `  at ${e.file}:${e.line}` : ''}`;
}
