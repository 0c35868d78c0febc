// The trace, schema v1 (docs/trace.md is its specification): one flat,
// JSON-able event per step, in the order the kernel saw them. Core events
// (host.trace) arrive with the proc's next kernel entry, so in virtual time
// the order is a function of the program, the seed and the injected notes
// alone. The Tracer numbers every event and works out its cause from the
// events before it, so recording needs no hooks beyond record() and the
// core's records, and costs nothing when the run is not traced.
import { Decision, FuncRec, IMAGE_MAGIC, Img, NOTE_TABLE, SigFlag, Sys, TraceKind, WaitReason } from '../abi/defs.js';

/** What a trace event records (docs/trace.md "Kinds" gives each kind's fields and cause). */
export type TraceEventKind =
  // kernel
  | 'boot' // text = "virtual seed=N" | "realtime"
  | 'proc.start' // a new proc first runs (pid 1, or an rfork child)
  | 'proc.exit' // text = exit string; reason = 'Broken' | 'released' for NDebug deaths
  | 'rfork' // a = child pid
  | 'sys.enter' // sys = name, args = first four words
  | 'sys.block' // the call sleeps in the kernel
  | 'sys.exit' // ret, err
  | 'sys.interrupted' // the call failed with "interrupted"
  | 'note.post' // from (pid or 'host') posts text to pid `to`; result queued|refused
  | 'interrupt' // ctl interrupt (9front): from (pid or 'host') marks pid `to`, whose current or next blocking call fails; cleared: nointerrupt
  | 'note.deliver' // text handed to the proc's handler
  | 'note.held' // a note waits: the proc is in its handler
  | 'note.kill' // the note kills the proc (no handler, NDFLT, system note in a handler)
  | 'noted' // mode
  | 'clock' // the virtual clock jumped to t
  | 'abort' // the core aborted: text
  | 'end' // the run is over: text = exit string, reason
  // core (the Go runtime), after Go's execution-trace states
  | 'go.create' // goid created by parent, fn = function index
  | 'go.start' // goid now runs on this M (holding the P)
  | 'go.block' // goid waits: reason
  | 'go.unblock' // goid runnable again
  | 'go.end' // goid dead
  | 'go.syscall' // goid enters a blocking call (sys); the P is handed off
  | 'go.sysexit' // goid back from it; p = 'kept' (took the idle P) | 'lost' (queued)
  | 'p.handoff' // the P goes from pid `from` to pid `to`
  | 'timer.set' | 'timer.fire' | 'timer.stop' | 'timer.reset' // timer, when (ms)
  | 'note.handler' // sighandler's decision for the note, the note-table entry
  | 'm.ignorehangup' // on: the M ignores (1) or stops ignoring (0) "hangup"
  // Go library (internal/poll)
  | 'deadline' // SetDeadline: mode, d (ns until it), cleared; opens a region
  | 'io.cancel' // asyncIO.Cancel posts "hangup" to pid `to`; opens a region
  | 'io.timeout' // Read/Write returns ErrDeadlineExceeded: the call ran on `ranpid`
  | 'region.end' // closes the goroutine's innermost region
  // Go library (net/http)
  | 'http.abortPendingRead' // the server ends its background read on the connection (a deadline in the past); opens a region
  | 'explore' // p9rt explore's schedule acted (docs/explore.md): text = pick (a = choice point, goid run, b = goid Go's order runs), timer (a = n-th timed sleep, b = ns late), wake (a = n-th wakeup, b = ns late, to = pid), note (a = n-th call, to = pid)
  | 'core'; // a core record this schema does not know: ck, a, b, c

/** One step of a run, as the kernel saw it (docs/trace.md, schema v1); fields absent from an event are not recorded. */
export interface TraceEvent {
  /** 1-based position in the trace: what `cause` refers to. */
  id?: number;
  /** Kernel clock in ns since boot when the event happened. */
  t: number;
  /** What happened (TraceEventKind lists the kinds). */
  kind: TraceEventKind;
  /** The proc (0: the kernel itself, or the host). */
  pid: number;
  /** The M: one M per proc, so its id is the pid (0: none). */
  m?: number;
  /** The goroutine running on that M (0: none or not known). */
  g?: number;
  /** id of the event that caused this one (absent: a root). */
  cause?: number;
  /** The system call's name (sys.*, go.syscall). */
  sys?: string;
  /** sys.enter: the call's first four argument words (pread/pwrite: args[0] the fd, args[2] the byte count). */
  args?: number[];
  /** sys.exit: the call's return value (bytes, or -1 on error). */
  ret?: number;
  /** sys.exit, sys.interrupted: the error string ("interrupted", ...). */
  err?: string;
  /** Note text (note.*), exit string (proc.exit, end), clock mode (boot) or abort message. */
  text?: string;
  /** note.post, interrupt, p.handoff, io.cancel: the receiving pid. */
  to?: number;
  /** note.post, interrupt: the posting pid, or 'host' (--note, --interrupt, Machine.postnote, Machine.interrupt); sys.interrupted: who ended the call with ctl interrupt (absent: a note); p.handoff: the pid giving the P. */
  from?: number | 'host';
  /** note.post: queued, or refused because the proc's note queue was full (NNOTE). */
  result?: 'queued' | 'refused';
  /** noted: 0 NCONT or 1 NDFLT; deadline, io.timeout: 'r', 'w' or 'rw'. */
  mode?: number | string;
  /** go.block: what the goroutine waits for (chan recv, sleep, syscall, ...); proc.exit: Broken or released; end: why the run ended. */
  reason?: string;
  /** go.*, note.handler, p.handoff: the goroutine the event is about. */
  goid?: number;
  /** go.create: the creating goroutine (0: the runtime). */
  parent?: number;
  /** go.create: the index of the function the goroutine runs. */
  fn?: number;
  /** go.sysexit: the goroutine took the idle P and runs on (kept), or was queued (lost). */
  p?: 'kept' | 'lost';
  /** timer.*: the timer's id. */
  timer?: number;
  /** timer.set, timer.reset: when it fires, in ms of the run's clock. */
  when?: number;
  /** timer.reset: the timer was pending when reset. */
  pending?: boolean;
  /** note.handler: what the runtime's handler did with the note (ignoredNote, sendNote, kill, throw, panic, goexit, ignored). */
  decision?: string;
  /** note.handler: the index of the note-table entry that matched (-1: none). */
  entry?: number;
  /** note.handler: that entry's note prefix. */
  note?: string;
  /** note.handler: that entry's flags (notify+kill, ...). */
  flags?: string;
  /** m.ignorehangup: the M starts (true) or stops (false) ignoring hangup. */
  on?: boolean;
  /** deadline: ns from now until the deadline (<= 0: already past). */
  d?: number;
  /** deadline: the deadline was cleared (the zero time); interrupt: nointerrupt removed the mark. */
  cleared?: boolean;
  /** io.timeout: the proc that ran the interrupted call. */
  ranpid?: number;
  /** io.timeout: bytes the call transferred. */
  n?: number;
  /** Source position of the goroutine (docs/trace.md "Source positions"): its file, as the compiler named it. */
  file?: string;
  /** ... and its line there. */
  line?: number;
  /** core: the record's kind number, for a core record this schema does not know. */
  ck?: number;
  /** rfork: the child's pid; core: the record's first word. */
  a?: number;
  /** core: the record's second word. */
  b?: number;
  /** core: the record's third word. */
  c?: number;
}

/** Version of the event schema above, written into exported traces. */
export const TRACE_VERSION = 1;

const sysNames = new Map<number, string>(Object.entries(Sys).map(([k, v]) => [v, k.toLowerCase()]));
const invert = (o: Record<string, number>) => new Map(Object.entries(o).map(([k, v]) => [v, k]));
const decisionNames = new Map<number, string>([
  [Decision.IGNORED_HANGUP, 'ignoredNote'],
  [Decision.SENT_TO_SIGNAL, 'sendNote'],
  [Decision.KILL, 'kill'],
  [Decision.THROW, 'throw'],
  [Decision.PANIC, 'panic'],
  [Decision.GOEXIT, 'goexit'],
  [Decision.IGNORED, 'ignored'],
]);
/** Decision's number for a note.handler event's decision name (tests, tools). */
export function decisionCode(name: string): number {
  for (const [k, v] of decisionNames) if (v === name) return k;
  return Number(name);
}
const waitNames = new Map([...invert(WaitReason)].map(([v, k]) => [v, k.toLowerCase().replace('_', ' ')]));

function modeName(m: number): string {
  return m === 114 ? 'r' : m === 119 ? 'w' : m === 114 + 119 ? 'rw' : String(m);
}

function flagNames(f: number): string {
  return Object.entries(SigFlag).filter(([, v]) => f & v).map(([k]) => k.toLowerCase()).join('+');
}

/** Per-proc state the cause rules need. */
interface ProcTrace {
  g: number;
  sysEnter: number; // the call in progress
  prevSysEnter?: number; // what sysEnter was before it (retractEnter)
  interrupted: number; // its sys.interrupted, if any
  lastInterrupted: number;
  queued: { id: number; text: string }[]; // note.post ids not yet delivered, oldest first
  lastPost: number; // latest note.post or ctl interrupt to this proc
  deliver: number; // the note in the handler
  handler: number; // its note.handler
  lastCore: TraceEvent | null;
}

export class Tracer {
  readonly events: TraceEvent[] = [];
  private procs = new Map<number, ProcTrace>();
  /** goid -> what created it (a timer firing, or the creator's region). */
  private gcause = new Map<number, number>();
  /** goid -> open regions (deadline, io.cancel), innermost last. */
  private regions = new Map<number, number[]>();
  /** timer id -> its latest timer.set / timer.reset. */
  private timers = new Map<number, number>();

  /** func index -> file and name, read from the image on first use. */
  private funcs: { file: string; name: string }[] | null = null;

  /** image: the program image, whose func table names the files of positions (empty: none). */
  constructor(readonly on: boolean, private readonly image: Uint8Array = new Uint8Array(0)) {}

  /**
   * The schema fields of a core position ((func index + 1) << 32 | line, 0
   * none; assembly/runtime/tracepos.ts): {file, line}, or {} when there is none.
   */
  where(pos: number): { file?: string; line?: number } {
    const f = this.func(pos);
    return f ? { file: f.file, line: f.line } : {};
  }

  /** The func, file and line of a core position, or null (the pending-call table). */
  func(pos: number): { func: string; file: string; line: number } | null {
    if (!this.on || pos <= 0) return null;
    const f = (this.funcs ??= funcTable(this.image))[Math.floor(pos / 2 ** 32) - 1];
    return f === undefined ? null : { func: f.name, file: f.file, line: pos % 2 ** 32 };
  }

  /** The name of the func whose index + 1 is op (Mbox.OP, the pending-call table's Go operation), or null. */
  opname(op: number): string | null {
    if (!this.on || op <= 0) return null;
    const name = (this.funcs ??= funcTable(this.image))[op - 1]?.name;
    if (name === undefined) return null;
    // The compiler names a promoted method's wrapper *net.TCPConn.Read; a
    // Go stack trace says net.(*TCPConn).Read.
    const w = /^\*(.+)\.([^./]+)\.([^./]+)$/.exec(name);
    return w ? `${w[1]}.(*${w[2]}).${w[3]}` : name;
  }

  /** The goroutine running on pid's M as the trace last saw it (0: none or not known). */
  goroutine(pid: number): number {
    return this.procs.get(pid)?.g ?? 0;
  }

  private proc(pid: number): ProcTrace {
    let s = this.procs.get(pid);
    if (!s) {
      s = { g: 0, sysEnter: 0, interrupted: 0, lastInterrupted: 0, queued: [], lastPost: 0, deliver: 0, handler: 0, lastCore: null };
      this.procs.set(pid, s);
    }
    return s;
  }

  /** The innermost open region of goroutine g, else what created it. */
  private context(g: number): number {
    const r = this.regions.get(g);
    if (r && r.length > 0) return r[r.length - 1];
    return this.gcause.get(g) ?? 0;
  }

  private push(e: TraceEvent): TraceEvent {
    e.id = this.events.length + 1;
    if (e.pid > 0) e.m = e.pid;
    if (!e.cause) delete e.cause;
    // What Machine.trace() returns and what the JSON file holds are the same.
    for (const k of Object.keys(e) as (keyof TraceEvent)[]) if (e[k] === undefined) delete e[k];
    this.events.push(e);
    return e;
  }

  /** A kernel event. */
  /**
   * Take back pid's sys.enter if it is the last event: its call came back
   * unrun to hand the P off (trap.ts wouldsleep) and is entered again after
   * the calls that hand-off makes, which the trace shows in between.
   */
  retractEnter(pid: number): void {
    const s = this.procs.get(pid);
    const last = this.events.at(-1);
    if (!s || !last || last.kind !== 'sys.enter' || last.pid !== pid || last.id !== s.sysEnter) return;
    this.events.pop();
    s.sysEnter = s.prevSysEnter ?? 0;
  }

  add(e: TraceEvent): void {
    if (!this.on) return;
    const s = e.pid > 0 ? this.proc(e.pid) : null;
    if (s) e.g = s.g;
    switch (e.kind) {
      case 'sys.enter':
        e.cause = this.context(s!.g);
        this.push(e);
        s!.prevSysEnter = s!.sysEnter;
        s!.sysEnter = e.id!;
        s!.interrupted = 0;
        return;
      case 'sys.block':
        e.cause = s!.sysEnter;
        break;
      case 'sys.interrupted':
        e.cause = s!.lastPost;
        this.push(e);
        s!.interrupted = s!.lastInterrupted = e.id!;
        return;
      case 'sys.exit':
        e.cause = s!.interrupted || s!.sysEnter;
        this.push(e);
        s!.sysEnter = s!.interrupted = 0;
        return;
      case 'note.post': {
        // The poster's reason: its goroutine's region (io.cancel), the handler
        // it is in (go: exit fan-out), or the write to /proc/n/note itself.
        if (s) e.cause = (s.g && this.regions.get(s.g)?.at(-1)) || (s.deliver && s.handler) || this.context(s.g) || s.sysEnter;
        this.push(e);
        const to = this.proc(e.to!);
        to.lastPost = e.id!;
        if (e.result === 'queued') to.queued.push({ id: e.id!, text: e.text ?? '' });
        return;
      }
      case 'interrupt': {
        // The writer's reason: its write to /proc/n/ctl (none for the host).
        if (s) e.cause = s.sysEnter;
        this.push(e);
        if (!e.cleared) this.proc(e.to!).lastPost = e.id!;
        return;
      }
      case 'note.deliver': {
        e.cause = this.take(s!, e.text);
        this.push(e);
        s!.deliver = e.id!;
        s!.handler = 0;
        return;
      }
      case 'note.held':
        e.cause = s!.queued.find((q) => q.text === e.text)?.id ?? s!.lastPost;
        break;
      case 'note.kill':
        e.cause = s!.deliver || s!.queued.find((q) => q.text === e.text)?.id || s!.lastPost;
        break;
      case 'noted':
        e.cause = s!.deliver;
        this.push(e);
        s!.deliver = s!.handler = 0;
        return;
      case 'proc.exit':
        e.cause = s!.handler || s!.deliver || s!.sysEnter;
        break;
    }
    this.push(e);
  }

  /** The queued post a delivered note came from (4e delivers the head). */
  private take(s: ProcTrace, text: string | undefined): number {
    const i = s.queued.findIndex((q) => q.text === text);
    if (i < 0) return s.lastPost;
    const id = s.queued[i].id;
    s.queued.splice(0, i + 1);
    return id;
  }

  /** A core record (host.trace) of proc pid, taken from its mailbox. */
  core(pid: number, t: number, ck: number, a: number, b: number, c: number, pos = 0): void {
    if (!this.on) return;
    const s = this.proc(pid);
    const prev = s.lastCore;
    const e: TraceEvent = { t, kind: 'core', pid, g: s.g };
    const fired = prev && prev.kind === 'timer.fire' && prev.pid === pid ? prev.id! : 0;
    switch (ck) {
      case TraceKind.GO_CREATE:
        Object.assign(e, { kind: 'go.create', goid: a, parent: b, fn: c });
        // runtimers starts a func timer's goroutine right after timer.fire.
        e.cause = fired || this.context(b);
        if (e.cause) this.gcause.set(a, e.cause);
        else this.gcause.delete(a);
        this.regions.delete(a);
        break;
      case TraceKind.GO_START:
        Object.assign(e, { kind: 'go.start', goid: a });
        s.g = a;
        e.g = a;
        break;
      case TraceKind.GO_BLOCK:
        Object.assign(e, { kind: 'go.block', goid: a, reason: waitNames.get(b) ?? String(b) });
        if (s.g === a) s.g = 0;
        break;
      case TraceKind.GO_UNBLOCK:
        Object.assign(e, { kind: 'go.unblock', goid: a });
        e.cause = fired; // time.Sleep's timer
        break;
      case TraceKind.GO_END:
        Object.assign(e, { kind: 'go.end', goid: a });
        if (s.g === a) s.g = 0;
        this.regions.delete(a);
        break;
      case TraceKind.SYSCALL_ENTER:
        Object.assign(e, { kind: 'go.syscall', goid: a, sys: sysNames.get(b) ?? `sys${b}` });
        break;
      case TraceKind.SYSCALL_EXIT:
        Object.assign(e, { kind: 'go.sysexit', goid: a, p: b === 0 ? 'kept' : 'lost' });
        if (b !== 0 && s.g === a) s.g = 0;
        break;
      case TraceKind.P_HANDOFF:
        Object.assign(e, { kind: 'p.handoff', from: a, to: b });
        if (c) e.goid = c;
        break;
      case TraceKind.TIMER_SET:
      case TraceKind.TIMER_RESET:
        Object.assign(e, { kind: ck === TraceKind.TIMER_SET ? 'timer.set' : 'timer.reset', timer: a, when: b });
        if (ck === TraceKind.TIMER_RESET) e.pending = c !== 0;
        e.cause = this.context(s.g);
        break;
      case TraceKind.TIMER_FIRE:
        Object.assign(e, { kind: 'timer.fire', timer: a });
        e.cause = this.timers.get(a) ?? 0;
        break;
      case TraceKind.TIMER_STOP:
        Object.assign(e, { kind: 'timer.stop', timer: a });
        e.cause = this.context(s.g);
        break;
      case TraceKind.HANDLER: {
        const entry = NOTE_TABLE[b];
        Object.assign(e, { kind: 'note.handler', decision: decisionNames.get(a) ?? String(a), entry: b, goid: c });
        if (entry) Object.assign(e, { note: entry[0], flags: flagNames(entry[1]) });
        e.cause = s.deliver;
        break;
      }
      case TraceKind.IGNORE_HANGUP:
        Object.assign(e, { kind: 'm.ignorehangup', on: a !== 0 });
        break;
      case TraceKind.DEADLINE:
        Object.assign(e, { kind: 'deadline', mode: modeName(a), d: b, cleared: c !== 0 });
        e.cause = this.context(s.g);
        break;
      case TraceKind.IO_CANCEL:
        Object.assign(e, { kind: 'io.cancel', to: a });
        e.cause = this.context(s.g);
        break;
      case TraceKind.IO_TIMEOUT:
        Object.assign(e, { kind: 'io.timeout', ranpid: a, mode: modeName(b), n: c });
        e.cause = this.proc(a).lastInterrupted;
        break;
      case TraceKind.HTTP_ABORT_READ:
        e.kind = 'http.abortPendingRead';
        e.cause = this.context(s.g);
        break;
      case TraceKind.EXPLORE_PICK:
        Object.assign(e, { kind: 'explore', text: 'pick', a, goid: b, b: c });
        break;
      case TraceKind.REGION_END:
        e.kind = 'region.end';
        e.cause = this.regions.get(s.g)?.pop() ?? 0;
        break;
      default:
        Object.assign(e, { ck, a, b, c });
    }
    Object.assign(e, this.where(pos));
    this.push(e);
    s.lastCore = e;
    if (e.kind === 'timer.set' || e.kind === 'timer.reset') this.timers.set(a, e.id!);
    if (e.kind === 'note.handler') s.handler = e.id!;
    if ((e.kind === 'deadline' || e.kind === 'io.cancel' || e.kind === 'http.abortPendingRead') && s.g) {
      let r = this.regions.get(s.g);
      if (!r) this.regions.set(s.g, (r = []));
      r.push(e.id!);
    }
  }
}

/** The file and name of every func of a program image (docs/bytecode.md "Program image"); [] if it is none. */
function funcTable(image: Uint8Array): { file: string; name: string }[] {
  if (image.length < Img.HEADER_SIZE) return [];
  const dv = new DataView(image.buffer, image.byteOffset, image.byteLength);
  const u32 = (at: number): number => dv.getUint32(at, true);
  if (u32(Img.MAGIC) !== IMAGE_MAGIC) return [];
  const dec = new TextDecoder();
  const byHeader = new Map<number, string>();
  const str = (h: number): string => {
    let s = byHeader.get(h);
    if (s === undefined) {
      s = h === 0 ? '' : dec.decode(image.subarray(u32(h), u32(h) + u32(h + 4)));
      byHeader.set(h, s);
    }
    return s;
  };
  const funcs: { file: string; name: string }[] = [];
  for (let i = 0, n = u32(Img.NFUNCS); i < n; i++) {
    const r = u32(Img.FUNCS) + i * Img.FUNC_SIZE;
    funcs.push({ file: str(u32(r + FuncRec.FILE)), name: str(u32(r + FuncRec.NAME)) });
  }
  return funcs;
}
