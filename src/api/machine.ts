// Machine: one run of a compiled program on the emulated Plan 9. The kernel
// runs in its own worker; this object lives on the caller's thread (which
// never blocks) and sees the run through the kernel's messages.
import { platformReady, readURL, sibling, spawn, type Peer } from '../../host/platform/index.js';
import type { KernelEvent, ProcView } from '../../host/kernel/kernel.js';
import type { ControlMsg } from '../../host/kernel/worker.js';
import type { TraceEvent } from '../../host/kernel/trace.js';
import { PollVariant, MEMORY_MAXIMUM_PAGES, PAGE } from '../../host/abi/defs.js';
import { compileProgram } from '../engine/translate.js';

export type { TraceEvent, ProcView };

/** What Machine.start needs of a compiled program. */
export interface Runnable {
  image: Uint8Array;
  /** The main file's name; os.Args[0] is its base name without ".go". */
  filename?: string;
}

export type NoteTarget = 'main' | 'group' | number;

export interface StartOptions {
  /** 'virtual' (default): deterministic, time advances only when every proc waits. */
  clock?: 'virtual' | 'real';
  /** Seed of every scheduling choice in virtual time (default 1). */
  seed?: number;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  /** Cap on procs (default 64); rfork beyond it fails with an error naming the limit. */
  maxProcs?: number;
  /**
   * Bytes of memory the Go heap may reach (default: the memory maximum of
   * host/abi/defs.ts, 1 GiB); beyond it the program dies with `fatal error:
   * out of memory` and a line naming the limit.
   */
  maxMemory?: number;
  /** Wall-clock limit of the run (default 60 s); exceeding it ends the run with code 3. */
  timeoutMs?: number;
  /** Notes to post during the run: `at` in ms of the run's clock. */
  /** atStart (test seam): ignore at, post to pid target the moment the kernel starts it (docs/plan9-notes.md §5 item 19). */
  notes?: { at: number; target: NoteTarget; text: string; atStart?: boolean }[];
  /** The program's arguments after its name (os.Args[1:]). */
  args?: string[];
  /** Files in the program's file tree at start (os.Open, os.ReadFile): absolute path -> contents. */
  files?: Record<string, Uint8Array | string>;
  /**
   * The program's standard input (reads of /dev/cons, os.Stdin); end of file
   * after it. A function is called only if the program reads its stdin, at
   * the first read (the CLI passes its own stdin this way, so an open pipe
   * that nobody closes does not hold up a program that never reads it).
   */
  stdin?: Uint8Array | string | (() => Promise<Uint8Array | string>);
  /**
   * How Go code runs: 'interp' (default), the bytecode interpreter, or 'wasm',
   * each function compiled to WebAssembly (docs/backend.md). Both give the
   * same output and trace for the same program, seed and notes.
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
   * internal/poll's deadline logic: 'current' (default: Go with the
   * issue-57114 fix) or 'go1.19' (Go 1.19.8's fd_plan9.go, before it).
   */
  poll?: PollOption;
}

export type PollOption = 'current' | 'go1.19';

export type Engine = 'interp' | 'wasm';

/** StartOptions.engine, checked. */
export function engineOption(e: string | undefined): Engine {
  if (e === undefined || e === 'interp' || e === 'wasm') return e ?? 'interp';
  throw new Error(`unknown engine ${JSON.stringify(e)} (want interp or wasm)`);
}

/** The Ctl.POLL_VARIANT value of a poll option; throws on an unknown name. */
/** StartOptions.maxMemory, checked: a whole number of bytes from 1 MiB to the memory maximum. */
export function maxMemory(n: number | undefined): number | undefined {
  if (n === undefined) return undefined;
  const max = MEMORY_MAXIMUM_PAGES * PAGE;
  if (!Number.isInteger(n) || n < 1 << 20 || n > max) throw new RangeError(`maxMemory: ${n} is not a size from 1 MiB to ${max >> 20} MiB`);
  return n;
}

export function pollVariant(p: PollOption | undefined): number {
  if (p === undefined || p === 'current') return PollVariant.CURRENT;
  if (p === 'go1.19') return PollVariant.GO119;
  throw new Error(`unknown poll variant ${JSON.stringify(p)} (want current or go1.19)`);
}

export interface Exit {
  exitString: string;
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

export class Machine {
  readonly exited: Promise<Exit>;
  private events: TraceEvent[] = [];
  private subscribers: ((events: TraceEvent[]) => void)[] = [];
  private view: ProcView[] = [];
  private resolveExit!: (e: Exit) => void;
  private done = false;
  private nextid = 1;
  private replies = new Map<number, (r: { ok: boolean; error?: string }) => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopTimer: ReturnType<typeof setTimeout> | null = null;
  private dec = { stdout: new TextDecoder(), stderr: new TextDecoder() };

  private constructor(private readonly kernel: Peer, private readonly opts: StartOptions) {
    this.exited = new Promise((r) => (this.resolveExit = r));
  }

  static async start(runnable: Runnable, opts: StartOptions = {}): Promise<Machine> {
    const poll = pollVariant(opts.poll);
    const limit = maxMemory(opts.maxMemory);
    await platformReady();
    const core = opts.core ?? (opts.mWorker ? null : await defaultCore());
    const program = engineOption(opts.engine) === 'wasm' ? await compileProgram(runnable.image) : null;
    const url = opts.kernelWorker ?? sibling(import.meta.url, '../../host/kernel/worker.js');
    const k = spawn(url, 'p9rt kernel');
    const m = new Machine(k, opts);
    if (opts.onTrace) m.subscribers.push(opts.onTrace);
    let booted!: () => void;
    const up = new Promise<void>((r) => (booted = r));
    k.onMessage((e: KernelEvent) => {
      if (e.t === 'booted') booted();
      m.event(e);
      if (e.t === 'exit') booted();
    });
    k.onError((err) => {
      m.finish({ exitString: `kernel: ${err.message}`, code: 1, reason: 'kernel failed' });
      booted();
    });
    const msg: ControlMsg = {
      t: 'boot',
      core,
      image: runnable.image,
      opts: {
        realtime: opts.clock === 'real',
        seed: opts.seed ?? 1,
        maxProcs: opts.maxProcs ?? 64,
        args: [argv0(runnable.filename), ...(opts.args ?? [])],
        notes: (opts.notes ?? []).map((n) => ({ at: Math.round(n.at * 1e6), target: n.target, text: n.text, atStart: n.atStart })),
        pool: 2,
        files: bytesOf(opts.files),
        stdin: opts.stdin === undefined || typeof opts.stdin === 'function' ? undefined : toBytes(opts.stdin),
        stdinLazy: typeof opts.stdin === 'function',
        mWorker: opts.mWorker?.href,
        trace: opts.trace ?? true,
        pollVariant: poll,
        maxMemory: limit,
        program,
      },
    };
    k.post(msg);
    const ms = opts.timeoutMs ?? 60_000;
    m.timer = setTimeout(() => m.stop('timeout', 3), ms);
    await up;
    return m;
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
        for (const ev of e.events) this.events.push(ev);
        this.view = e.procs;
        for (const f of this.subscribers) f(e.events);
        return;
      case 'exit':
        this.finish({ exitString: e.exitString, code: e.code, reason: e.reason });
        return;
      case 'stdin': {
        // The program's first read of /dev/cons: ask the stdin provider now.
        const provide = this.opts.stdin;
        const send = (data: Uint8Array) => this.kernel.post({ t: 'stdin', data } satisfies ControlMsg);
        if (typeof provide !== 'function') return send(new Uint8Array(0));
        provide().then(
          (d) => send(toBytes(d)),
          (err: Error) => {
            this.opts.onStderr?.(`p9rt: stdin: ${err.message}\n`);
            send(new Uint8Array(0));
          },
        );
        return;
      }
      case 'reply':
        this.replies.get(e.id)?.({ ok: e.ok, error: e.error });
        this.replies.delete(e.id);
        return;
    }
  }

  private finish(x: Exit): void {
    if (this.done) return;
    this.done = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.stopTimer) clearTimeout(this.stopTimer);
    // Let the trailing trace message (sent before exit) land, then end the kernel.
    setTimeout(() => void this.kernel.terminate(), 0);
    this.resolveExit(x);
  }

  /** Post a note: NUser, as a write to /proc/<pid>/note; 'main' is pid 1, 'group' every proc. */
  postnote(target: NoteTarget, text: string): Promise<void> {
    if (this.done) return Promise.reject(new Error('postnote: the run is over'));
    const id = this.nextid++;
    const msg: ControlMsg = { t: 'postnote', id, target, text };
    this.kernel.post(msg);
    return new Promise((resolve, reject) =>
      this.replies.set(id, (r) => (r.ok ? resolve() : reject(new Error(`postnote: ${r.error}`)))),
    );
  }

  /** A live view of the procs (state, call in progress, pending notes), as of the kernel's last report. */
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
    this.stopTimer ??= setTimeout(() => this.finish({ exitString: '', code, reason }), 2000);
  }
}
