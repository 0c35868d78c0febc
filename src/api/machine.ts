// Machine: one run of a compiled program on the emulated Plan 9. The kernel
// runs in its own worker; this object lives on the caller's thread (which
// never blocks) and sees the run through the kernel's messages.
import { platformReady, readURL, sibling, spawn, type Peer } from '../../host/platform/index.js';
import type { KernelEvent, ProcView } from '../../host/kernel/kernel.js';
import type { PendingCall } from '../../host/kernel/pending.js';
import type { ControlMsg } from '../../host/kernel/worker.js';
import type { TraceEvent, TraceEventKind } from '../../host/kernel/trace.js';
import type { KSchedule, KExplored } from '../../host/kernel/explore.js';
import { PollVariant, MEMORY_MAXIMUM_PAGES, PAGE, ERRMAX, MAX_PROCS } from '../../host/abi/defs.js';
import { compileProgram } from '../engine/translate.js';

export type { TraceEvent, TraceEventKind, ProcView, PendingCall };

/**
 * What a schedule asks of a run (docs/explore.md): forced runnable-G
 * choices, timed sleeps and wakeups made late in virtual time, notes posted
 * at call boundaries. The `run` part of a schedule file (src/explore).
 */
export type RunSchedule = KSchedule;
/** What a run under a schedule did: the choice points it passed, the perturbations it met, its interleaving's hash. */
export type Explored = KExplored;

/** What Machine.start needs of a compiled program. */
export interface Runnable {
  /** The program image (docs/bytecode.md): compile's output, or a file p9rt build wrote. */
  image: Uint8Array;
  /** The main file's name; os.Args[0] is its base name without ".go". */
  filename?: string;
  /**
   * The wasm engine's program module for this image, as src/engine's
   * translate() makes it (the playground translates in its compile worker,
   * off the page's thread); absent, Machine.start translates the image.
   */
  wasm?: Uint8Array;
}

/** A note StartOptions.notes schedules: text to target at `at` ms of the run's clock. */
export interface HostNote {
  /** When, in ms of the run's clock (virtual or wall) from its start; 0 or more. */
  at: number;
  /** To whom: 'main', 'group' or a pid. */
  target: NoteTarget;
  /** The note's text: at most ERRMAX-2 (126) bytes of UTF-8, as a write to /proc/n/note takes. */
  text: string;
  /** Test seam: ignore `at` and post to pid `target` the moment the kernel starts it. */
  atStart?: boolean;
}

/** Whom a note goes to: 'main' is pid 1, 'group' every proc of pid 1's note group, a number that pid. */
export type NoteTarget = 'main' | 'group' | number;

/**
 * One thing the host does to a run at `at` ms of the run's clock: post a
 * note (as Machine.postnote) or interrupt a proc's call (as
 * Machine.interrupt). Machine.actions() gives those a run received, at
 * the time each took effect; StartOptions.actions takes them back, so a
 * run in virtual time replays the same.
 */
export type HostAction =
  | { at: number; kind: 'note'; target: NoteTarget; text: string }
  | { at: number; kind: 'interrupt'; pid: number };

/** What Machine.waiting says while the run waits for the host. */
export const WAITING = 'waiting: every proc is blocked in the kernel and no timer is pending';

/** How Machine.start runs a program; every option may be left out. */
export interface StartOptions {
  /** 'virtual' (default): deterministic, time advances only when every proc waits. */
  clock?: 'virtual' | 'real';
  /** Seed of every scheduling choice in virtual time: a whole number from 0 to 2^64-1, a bigint above 2^53 (default 1). */
  seed?: number | bigint;
  /** Called with the program's standard output as it is written (UTF-8 decoded, split anywhere). */
  onStdout?: (chunk: string) => void;
  /** Called with the program's standard error as it is written, panics and fatal errors included. */
  onStderr?: (chunk: string) => void;
  /**
   * Cap on procs, 1 to 16383 (default 1000); rfork beyond it, or beyond what
   * the machine's memory can give (a running proc has a worker of about 9 MiB; a blocked one none),
   * fails with an error naming the limit.
   */
  maxProcs?: number;
  /**
   * Bytes of memory the Go heap may reach, 1 MiB to 4 GiB (default 1 GiB);
   * beyond it the program dies with `fatal error: out of memory` and a line
   * naming the limit. The run reserves memory up to it, not more.
   */
  maxMemory?: number;
  /**
   * Wall-clock limit of the run in ms (default 60 s), counted from the call
   * of Machine.start, start-up included; exceeding it ends the run with code
   * 3 and reason "timeout". Any positive length, beyond the 24.8 days one
   * JavaScript timer can wait as well.
   */
  timeoutMs?: number;
  /**
   * Notes to post during the run, as the host (Machine.postnote does the
   * same live): `text` to `target` at `at` ms of the run's clock. Each is
   * checked by start (a RangeError for a negative time, a bad target, a
   * text over 126 bytes); one that cannot be posted when its time comes (no
   * such proc) is reported through onNoteError.
   */
  notes?: HostNote[];
  /**
   * Host actions to take during the run, after `notes` at the same time:
   * notes and interrupts, each at `at` ms of the run's clock. Checked by
   * start like `notes`; one that cannot be taken when its time comes (no such
   * proc) is reported through onActionError. Machine.actions() of a run
   * gives the list that replays it.
   */
  actions?: HostAction[];
  /**
   * When every proc is blocked in the kernel and no timer is pending, the
   * run waits for the host (true, the default): a note, an interrupt, stdin
   * or stop() can still wake it; Machine.waiting says so meanwhile, and in
   * virtual time the clock stands still. false: the run ends at once as a
   * deadlock (code 3), as `p9rt run` does when nothing it was given can
   * still act. A goroutine deadlock that Go's runtime detects ends the run
   * with Go's message either way.
   */
  waitForHost?: boolean;
  /** Called when the run starts (with Machine.waiting's text) or stops (null) waiting for the host. */
  onWaiting?: (waiting: string | null) => void;
  /** The program's arguments after its name (os.Args[1:]). */
  args?: string[];
  /** Files in the program's file tree at start (os.Open, os.ReadFile): absolute path -> contents. */
  files?: Record<string, Uint8Array | string>;
  /**
   * The program's standard input (reads of /dev/cons, os.Stdin); end of file
   * after it. A function is called only if the program reads its stdin, at
   * the first read (the CLI passes its own stdin this way, so an open pipe
   * that nobody closes does not hold up a program that never reads it). It
   * gives the whole input (a promise) or its chunks as they come (an async
   * iterable, such as a Node stream): a read returns what has come, and in
   * virtual time the clock stands still while a read waits for more.
   */
  stdin?: Uint8Array | string | (() => StdinSource);
  /**
   * How Go code runs: 'wasm' (default), each function compiled to
   * WebAssembly (docs/backend.md), or 'interp', the bytecode interpreter.
   * Both give the same output and trace for the same program, seed and notes.
   * (Fixture Ms given as mWorker without a core run no Go code: no engine.)
   */
  engine?: Engine;
  /** core.wasm, compiled; by default build/core.wasm of this package is loaded. */
  core?: WebAssembly.Module;
  /**
   * TEST SEAM: the module URL of the M workers. Tests put fixture Ms here
   * (tests/node/fixtures/) that drive the kernel through the real host/m
   * syscall client without core.wasm; `core` may then be omitted.
   */
  mWorker?: URL;
  /** The kernel worker's module URL, for bundlers that relocate it. */
  kernelWorker?: URL;
  /**
   * Record the trace (default true). Off, neither the kernel nor the core
   * records anything, and trace() stays empty (docs/trace.md "Cost").
   */
  trace?: boolean;
  /** Live subscription: called with each batch of trace events as the kernel reports them. */
  onTrace?: (events: TraceEvent[]) => void;
  /**
   * Called when one of `notes` could not be posted when its time came (its
   * target proc did not exist, its queue was full), with that note and the
   * kernel's error. Without it the error goes to onStderr as a "p9rt:" line.
   */
  onNoteError?: (note: HostNote, error: string) => void;
  /** As onNoteError, for `actions`: one that could not be taken when its time came. */
  onActionError?: (action: HostAction, error: string) => void;
  /**
   * internal/poll's deadline logic: 'current' (default: Go with the
   * issue-57114 fix) or 'go1.19' (Go 1.19.8's fd_plan9.go, before it).
   */
  poll?: PollOption;
  /**
   * p9rt explore: the schedule driving the run's choices and timing, in
   * virtual time (docs/explore.md); Machine.explored() tells what the run
   * met of it. Replaying a schedule file is `replay` of src/explore, which
   * checks the file against the program first.
   */
  schedule?: RunSchedule;
  /**
   * Run on a machine kept from earlier runs (p9rt explore): its kernel
   * worker, memory and M workers are reset and used again instead of
   * started, which is most of what a short run costs. One run at a time per
   * Reuse; Machine.start waits for the previous run to be cleared away.
   */
  reuse?: Reuse;
}

/**
 * A machine kept for many runs one after another (docs/explore.md
 * "Speed"): pass it as StartOptions.reuse to each; close() ends its workers.
 */
export class Reuse {
  private peer: Peer | null = null;
  private free: Promise<void> = Promise.resolve();
  private freed: () => void = () => {};
  private handler: ((e: KernelEvent) => void) | null = null;
  private errorHandler: ((err: Error) => void) | null = null;

  /** The kernel worker, once the previous run on it is cleared away; `on` gets its messages until the next acquire. */
  async acquire(url: URL, on: (e: KernelEvent) => void, onError: (err: Error) => void): Promise<Peer> {
    await this.free;
    this.free = new Promise((r) => (this.freed = r));
    if (!this.peer) {
      const k = spawn(url, 'p9rt kernel');
      k.onMessage((e: KernelEvent) => (e.t === 'recycled' ? this.freed() : this.handler?.(e)));
      k.onError((err) => {
        this.peer = null;
        this.errorHandler?.(err);
        this.freed();
      });
      this.peer = k;
    }
    this.handler = on;
    this.errorHandler = onError;
    return this.peer;
  }

  /** The run on it ended without the kernel's answer (a wedged worker): start afresh next time. */
  discard(): void {
    const k = this.peer;
    this.peer = null;
    this.handler = null;
    if (k) void k.terminate();
    this.freed();
  }

  /** End the machine's workers (its M workers go with its kernel worker). */
  async close(): Promise<void> {
    await Promise.race([this.free, new Promise((r) => setTimeout(r, 3000))]);
    const k = this.peer;
    this.peer = null;
    if (k) await k.terminate();
  }
}

/** internal/poll's deadline logic: see StartOptions.poll. */
export type PollOption = 'current' | 'go1.19';

/** How Go code runs: 'wasm', each function compiled to WebAssembly (the default; docs/backend.md), or 'interp', the bytecode interpreter; the output and trace are the same. */
export type Engine = 'interp' | 'wasm';

/** StartOptions.engine, checked. */
export function engineOption(e: string | undefined): Engine {
  if (e === undefined || e === 'interp' || e === 'wasm') return e ?? 'wasm';
  throw new Error(`unknown engine ${JSON.stringify(e)} (want interp or wasm)`);
}

/** The Ctl.POLL_VARIANT value of a poll option; throws on an unknown name. */
/** StartOptions.maxMemory, checked: a whole number of bytes from 1 MiB to the memory maximum. */
export function maxMemory(n: number | undefined): number | undefined {
  if (n === undefined) return undefined;
  const max = MEMORY_MAXIMUM_PAGES * PAGE;
  if (!Number.isInteger(n) || n < 1 << 20 || n > max) throw new RangeError(`maxMemory: ${n} is not a size from 1 MiB to ${max / 2 ** 20} MiB`);
  return n;
}

/** The longest note text a write to /proc/n/note takes (4e devproc: ERRMAX-1 with its NUL). */
export const NOTE_TEXT_MAX = ERRMAX - 2;
/** The most procs a run may have: one mailbox each, pid 0 unused. */
export const PROCS_MAX = MAX_PROCS - 1;
/**
 * The default cap on procs. Go on Plan 9 has no cap of its own but the
 * kernel's: every pending read or write holds a proc (docs/plan9-notes.md
 * §3.2), so a server with a thousand idle connections holds a thousand.
 */
export const PROCS_DEFAULT = 1000;
const SEED_MAX = 2n ** 64n - 1n;

/** StartOptions.seed, checked: 0 to 2^64-1, exact (a number must be a safe integer). */
export function seedOf(s: number | bigint | undefined): number | bigint {
  if (s === undefined) return 1;
  if (typeof s === 'number' ? !Number.isSafeInteger(s) || s < 0 : s < 0n || s > SEED_MAX) {
    throw new RangeError(`seed: ${s} is not a whole number from 0 to 2^64-1 (above 2^53 pass a bigint)`);
  }
  return s;
}

/** StartOptions.notes, checked: a time of 0 or more, a target, a text a note can hold. */
export function notesOf(notes: HostNote[] | undefined): HostNote[] {
  for (const n of notes ?? []) {
    if (!Number.isFinite(n.at) || n.at < 0) throw new RangeError(`notes: time ${n.at} is not 0 ms or more`);
    if (n.target !== 'main' && n.target !== 'group' && !(Number.isSafeInteger(n.target) && n.target >= 1)) {
      throw new RangeError(`notes: target ${JSON.stringify(n.target)} is not 'main', 'group' or a pid`);
    }
    const len = new TextEncoder().encode(n.text).length;
    if (len > NOTE_TEXT_MAX) throw new RangeError(`notes: the text ${JSON.stringify(n.text.slice(0, 20) + '…')} is ${len} bytes; a note holds at most ${NOTE_TEXT_MAX}`);
  }
  return notes ?? [];
}

/** StartOptions.actions, checked as notesOf checks notes; an interrupt names a pid. */
export function actionsOf(actions: HostAction[] | undefined): HostAction[] {
  for (const a of actions ?? []) {
    if (a.kind === 'note') notesOf([a]);
    else if (a.kind === 'interrupt') {
      if (!Number.isFinite(a.at) || a.at < 0) throw new RangeError(`actions: time ${a.at} is not 0 ms or more`);
      if (!(Number.isSafeInteger(a.pid) && a.pid >= 1)) throw new RangeError(`actions: interrupt of ${JSON.stringify(a.pid)}: not a pid`);
    } else throw new RangeError(`actions: kind ${JSON.stringify((a as { kind: unknown }).kind)} is not 'note' or 'interrupt'`);
  }
  return actions ?? [];
}

/** A whole-number option, checked. */
function rangeOf(name: string, v: number | undefined, dflt: number, min: number, max: number): number {
  if (v === undefined) return dflt;
  if (!Number.isInteger(v) || v < min || v > max) throw new RangeError(`${name}: ${v} is not a whole number from ${min} to ${max}`);
  return v;
}

export function pollVariant(p: PollOption | undefined): number {
  if (p === undefined || p === 'current') return PollVariant.CURRENT;
  if (p === 'go1.19') return PollVariant.GO119;
  throw new Error(`unknown poll variant ${JSON.stringify(p)} (want current or go1.19)`);
}

/** How a run ended: what Machine.exited resolves to. */
export interface Exit {
  /** pid 1's Plan 9 exit string: "" for success, "2" after a Go panic, a note's text when a note killed it. */
  exitString: string;
  /** The exit code p9rt run gives: 0 for "", the number for a numeric exit string (mod 256), 3 for a timeout or deadlock, else 1. */
  code: number;
  /** Why the run ended: "pid 1 exited", "timeout", "deadlock: ...", "stopped", ... */
  reason: string;
}

let coreCache: Promise<WebAssembly.Module> | null = null;
function defaultCore(): Promise<WebAssembly.Module> {
  // dist/src/api/machine.js or, under vite, src/api/machine.ts.
  const rel = import.meta.url.endsWith('.ts') ? '../../build/core.wasm' : '../../../build/core.wasm';
  coreCache ??= readURL(new URL(rel, import.meta.url)).then((b) => WebAssembly.compile(b));
  return coreCache;
}

/** What a stdin function gives: the whole input at once, or its chunks as they come. */
export type StdinSource = Promise<Uint8Array | string> | AsyncIterable<Uint8Array | string>;

function isAsyncIterable(x: StdinSource): x is AsyncIterable<Uint8Array | string> {
  return typeof (x as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

function toBytes(b: Uint8Array | string): Uint8Array {
  return typeof b === 'string' ? new TextEncoder().encode(b) : b;
}

function bytesOf(files: Record<string, Uint8Array | string> | undefined): Record<string, Uint8Array> | undefined {
  if (!files) return undefined;
  const out: Record<string, Uint8Array> = {};
  for (const [path, data] of Object.entries(files)) {
    if (!path.startsWith('/')) throw new Error(`files: ${JSON.stringify(path)} is not an absolute path`);
    out[path] = toBytes(data);
  }
  return out;
}

function argv0(filename: string | undefined): string {
  const base = (filename ?? 'main.go').split('/').pop()!;
  return base.endsWith('.go') ? base.slice(0, -3) : base;
}

/**
 * One run of a compiled program on the emulated Plan 9. The kernel runs in
 * its own worker and the program's procs in M workers; this object stays on
 * the caller's thread, which never blocks, and sees the run through the
 * kernel's messages.
 */
export class Machine {
  /** Resolves once when the run is over: pid 1 exited, the run timed out, deadlocked or was stopped. */
  readonly exited: Promise<Exit>;

  /**
   * Once the run is over, the most threads (M workers) it had at once: the
   * procs running at the same time plus a small pool. A proc blocked in a
   * read, a write or a sleep holds none (docs/scale.md §2), so it is not one
   * per proc. Null before the end, or when the kernel failed.
   */
  get threads(): number | null {
    return this.threadsMax;
  }
  private events: TraceEvent[] = [];
  private subscribers: ((events: TraceEvent[]) => void)[] = [];
  private view: ProcView[] = [];
  private resolveExit!: (e: Exit) => void;
  private done = false;
  private threadsMax: number | null = null;
  /** Lets start() return: the kernel booted, or the run ended first (even a kernel that never answered). */
  private booted: () => void = () => {};
  private nextid = 1;
  private replies = new Map<number, (r: { ok: boolean; error?: string; at?: number }) => void>();
  private taken: HostAction[] = [];
  private waitingText: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopTimer: ReturnType<typeof setTimeout> | null = null;
  private dec = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  private explore: Explored | null = null;

  private constructor(private readonly kernel: Peer, private readonly opts: StartOptions) {
    this.exited = new Promise((r) => (this.resolveExit = r));
  }

  /**
   * Boot a kernel with the program as pid 1 and start it. Resolves once the
   * kernel has booted (or the run already ended); output, trace and exit
   * follow through the options' callbacks and the Machine.
   * @throws RangeError for an option out of range (seed, maxProcs, maxMemory, timeoutMs, notes) and Error for an unknown poll variant, before anything starts.
   */
  static async start(runnable: Runnable, opts: StartOptions = {}): Promise<Machine> {
    // The time limit counts from here: start-up (the platform, core.wasm) is part of the run.
    const t0 = performance.now();
    const poll = pollVariant(opts.poll);
    const limit = maxMemory(opts.maxMemory);
    const seed = seedOf(opts.seed);
    const notes = notesOf(opts.notes);
    const actions = actionsOf(opts.actions);
    const maxProcs = rangeOf('maxProcs', opts.maxProcs, PROCS_DEFAULT, 1, PROCS_MAX);
    if (opts.schedule && opts.clock === 'real') throw new RangeError('schedule: a schedule drives a run in virtual time; not with clock: real');
    const timeout = opts.timeoutMs ?? 60_000;
    if (!(timeout > 0)) throw new RangeError(`timeoutMs: ${timeout} is not a time of more than 0 ms`);
    await platformReady();
    const core = opts.core ?? (opts.mWorker ? null : await defaultCore());
    const program = engineOption(opts.engine) === 'wasm' && core ? await compileProgram(runnable.image, runnable.wasm) : null;
    const url = opts.kernelWorker ?? sibling(import.meta.url, '../../host/kernel/worker.js');
    // The kernel answers only after the boot message below, once m is made.
    let m: Machine | null = null;
    let booted: () => void = () => {};
    const up = new Promise<void>((r) => (booted = r));
    const onMessage = (e: KernelEvent) => {
      if (e.t === 'booted') booted();
      m?.event(e);
      if (e.t === 'exit') booted();
    };
    const onError = (err: Error) => {
      m?.finish({ exitString: `kernel: ${err.message}`, code: 1, reason: 'kernel failed' });
      booted();
    };
    let k: Peer;
    if (opts.reuse) k = await opts.reuse.acquire(url, onMessage, onError);
    else {
      k = spawn(url, 'p9rt kernel');
      k.onMessage(onMessage);
      k.onError(onError);
    }
    m = new Machine(k, opts);
    const mm: Machine = m;
    mm.booted = booted;
    if (opts.onTrace) mm.subscribers.push(opts.onTrace);
    const msg: ControlMsg = {
      t: 'boot',
      reuse: opts.reuse !== undefined,
      core,
      image: runnable.image,
      opts: {
        realtime: opts.clock === 'real',
        seed,
        maxProcs,
        args: [argv0(runnable.filename), ...(opts.args ?? [])],
        actions: [
          ...notes.map((n) => ({ at: Math.round(n.at * 1e6), kind: 'note' as const, target: n.target, text: n.text, atStart: n.atStart })),
          ...actions.map((a) => ({ at: Math.round(a.at * 1e6), kind: a.kind, target: a.kind === 'note' ? a.target : a.pid, text: a.kind === 'note' ? a.text : '' })),
        ],
        waitForHost: opts.waitForHost ?? true,
        pool: 2,
        files: bytesOf(opts.files),
        stdin: opts.stdin === undefined || typeof opts.stdin === 'function' ? undefined : toBytes(opts.stdin),
        stdinLazy: typeof opts.stdin === 'function',
        mWorker: opts.mWorker?.href,
        trace: opts.trace ?? true,
        pollVariant: poll,
        maxMemory: limit,
        schedule: opts.schedule,
        program,
      },
    };
    k.post(msg);
    mm.arm(timeout - (performance.now() - t0));
    await up;
    return mm;
  }

  /** The timeout: a JavaScript timer waits at most 2^31-1 ms, so a longer one is chained. */
  private arm(ms: number): void {
    const step = Math.min(Math.max(ms, 0), 2 ** 31 - 1);
    this.timer = setTimeout(() => (ms > step ? this.arm(ms - step) : this.stop('timeout', 3)), step);
  }

  private event(e: KernelEvent): void {
    switch (e.t) {
      case 'stdout':
      case 'stderr': {
        const s = this.dec[e.t].decode(e.data, { stream: true });
        const cb = e.t === 'stdout' ? this.opts.onStdout : this.opts.onStderr;
        if (s && cb) cb(s);
        return;
      }
      case 'trace':
        // A report may carry only the procs' view (an untraced run's).
        this.view = e.procs;
        if (e.events.length === 0) return;
        for (const ev of e.events) this.events.push(ev);
        for (const f of this.subscribers) f(e.events);
        return;
      case 'exit':
        this.threadsMax = e.threads;
        this.explore = e.explored ?? null;
        this.finish({ exitString: e.exitString, code: e.code, reason: e.reason });
        return;
      case 'stdin': {
        // The program's first read of /dev/cons: ask the stdin provider now.
        const provide = this.opts.stdin;
        const send = (data: Uint8Array, eof: boolean) => {
          if (!this.done) this.kernel.post({ t: 'stdin', data, eof } satisfies ControlMsg);
        };
        const failed = (err: Error) => {
          this.opts.onStderr?.(`p9rt: stdin: ${err.message}\n`);
          send(new Uint8Array(0), true);
        };
        if (typeof provide !== 'function') return send(new Uint8Array(0), true);
        let got: StdinSource;
        try {
          got = provide();
        } catch (err) {
          return failed(err as Error);
        }
        if (isAsyncIterable(got)) {
          // streamed: each chunk reaches the program as it comes
          const chunks = got;
          void (async () => {
            try {
              for await (const c of chunks) {
                if (this.done) return;
                send(toBytes(c), false);
              }
              send(new Uint8Array(0), true);
            } catch (err) {
              failed(err as Error);
            }
          })();
          return;
        }
        got.then((d) => send(toBytes(d), true), failed);
        return;
      }
      case 'actionfail': {
        // The kernel's list is notes, then actions (start).
        const nn = this.opts.notes?.length ?? 0;
        if (e.index < nn) {
          const note = this.opts.notes![e.index];
          if (this.opts.onNoteError) this.opts.onNoteError(note, e.error);
          else this.opts.onStderr?.(`p9rt: note ${JSON.stringify(note.text)} to ${note.target} at ${note.at}ms not posted: ${e.error}\n`);
          return;
        }
        const a = this.opts.actions?.[e.index - nn];
        if (!a) return;
        if (this.opts.onActionError) this.opts.onActionError(a, e.error);
        else this.opts.onStderr?.(`p9rt: ${a.kind === 'note' ? `note ${JSON.stringify(a.text)} to ${a.target}` : `interrupt of pid ${a.pid}`} at ${a.at}ms not taken: ${e.error}\n`);
        return;
      }
      case 'waiting':
        this.view = e.procs;
        this.waitingText = e.on ? WAITING : null;
        this.opts.onWaiting?.(this.waitingText);
        return;
      case 'reply':
        this.replies.get(e.id)?.({ ok: e.ok, error: e.error, at: e.at });
        this.replies.delete(e.id);
        return;
    }
  }

  private finish(x: Exit): void {
    if (this.done) return;
    this.done = true;
    this.waitingText = null;
    for (const [, r] of this.replies) r({ ok: false, error: 'the run is over' });
    this.replies.clear();
    if (this.timer) clearTimeout(this.timer);
    if (this.stopTimer) clearTimeout(this.stopTimer);
    // Let the trailing trace message (sent before exit) land, then end the
    // kernel; a reused one clears the run away itself and says so (recycled).
    if (!this.opts.reuse) setTimeout(() => void this.kernel.terminate(), 0);
    this.resolveExit(x);
    this.booted();
  }

  /**
   * Post a note from the host, as a write to `/proc/n/note` (NUser): 'main'
   * is pid 1, 'group' every proc of its note group. Resolves when the kernel
   * has queued it; rejects if the run is over, the proc does not exist or
   * the text is too long.
   */
  postnote(target: NoteTarget, text: string): Promise<void> {
    return this.act('postnote', { t: 'postnote', id: 0, target, text }, (at) => ({ at, kind: 'note', target, text }));
  }

  /**
   * End the call pid is blocked in, or the next one it makes, as 9front's
   * ctl `interrupt` does (docs/plan9-notes.md §1.10): no note is posted and
   * no handler runs; the call fails with "interrupted" (internal/poll turns
   * that into the error of the Read or Write). The mark stays until a
   * blocking call uses it. Resolves when the kernel has set it; rejects if
   * the run is over or pid is not a live proc.
   */
  interrupt(pid: number): Promise<void> {
    if (!(Number.isSafeInteger(pid) && pid >= 1)) return Promise.reject(new RangeError(`interrupt: ${JSON.stringify(pid)} is not a pid`));
    return this.act('interrupt', { t: 'interrupt', id: 0, pid }, (at) => ({ at, kind: 'interrupt', pid }));
  }

  /** Send a host action to the kernel; on success log it at the run-clock time it took effect. */
  private act(what: string, msg: ControlMsg & { id: number }, log: (at: number) => HostAction): Promise<void> {
    if (this.done) return Promise.reject(new Error(`${what}: the run is over`));
    const id = this.nextid++;
    msg.id = id;
    this.kernel.post(msg);
    return new Promise((resolve, reject) =>
      this.replies.set(id, (r) => {
        if (!r.ok) return reject(new Error(`${what}: ${r.error}`));
        this.taken.push(log((r.at ?? 0) / 1e6));
        resolve();
      }),
    );
  }

  /**
   * The host actions this run received through postnote and interrupt, in
   * order, each at the run-clock time (ms, ns-exact) it took effect. Given
   * as StartOptions.actions (with the same program, seed, clock and notes)
   * they replay the run: in virtual time, the same output and trace.
   */
  actions(): HostAction[] {
    return [...this.taken];
  }

  /**
   * Once the run is over, what it met of StartOptions.schedule (the choice
   * points passed, the forced choices and perturbations applied, the hash of
   * its interleaving); null for a run without a schedule or not yet over.
   */
  explored(): Explored | null {
    return this.explore;
  }

  /** WAITING while the run waits for the host (StartOptions.waitForHost), else null. */
  get waiting(): string | null {
    return this.waitingText;
  }

  /**
   * A live view of the procs (state, the call in progress with its arguments
   * in words, since when, whether it can be interrupted and the Go code that
   * made it, pending notes), as of the kernel's last report.
   */
  procs(): ProcView[] {
    return this.view;
  }

  /** The events recorded so far (all of them once `exited` has resolved). */
  trace(): TraceEvent[] {
    return this.events;
  }

  /**
   * Live subscription to the trace: f gets every later batch of events, in
   * order (trace() holds the earlier ones). Returns the unsubscribe function.
   */
  onTrace(f: (events: TraceEvent[]) => void): () => void {
    this.subscribers.push(f);
    return () => {
      this.subscribers = this.subscribers.filter((x) => x !== f);
    };
  }

  /** End the run now (exit code `code`, default 1 with reason "stopped"). */
  stop(reason = 'stopped', code = 1): void {
    if (this.done) return;
    const msg: ControlMsg = { t: 'stop', reason, code };
    this.kernel.post(msg);
    // A kernel that does not answer (a wedged worker) is ended anyway.
    this.stopTimer ??= setTimeout(() => {
      this.opts.reuse?.discard();
      this.finish({ exitString: '', code, reason });
    }, 2000);
  }
}
