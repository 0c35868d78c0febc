// The kernel's state and wiring: one event-driven thread that owns every
// proc, note queue, device and the clock, like a uniprocessor Plan 9 kernel.
// It learns of system calls through the doorbell word (Atomics.waitAsync)
// and hands each to trap.ts (entry, notify, noted); proc.ts has sleep and
// wakeup, postnote, newproc, pexit and the scheduler (host/kernel/README.md).
import { Ctl, Mbox, MboxState, ERRMAX } from '../abi/defs.js';
import { GlueCtl, MboxX } from '../abi/glue.js';
import { nextTask, spawn, waitAsync, type Peer } from '../platform/index.js';
import { Clock, Rand } from './clock.js';
import { Rendez, type Proc } from './portdat.js';
import { BadAddr } from './error.js';
import { Fgrp, type Dev } from './dev/dev.js';
import { sysname } from './syscalls.js';
import { consdev, drainCons, openStd } from './dev/cons.js';
import { procdev } from './dev/proc.js';
import { netdev, NetStack } from './dev/net.js';
import { ramdev, Ramfs } from './dev/ramfs.js';
import { Tracer, type TraceEvent } from './trace.js';
import { hostactiontimed, newnoteid, newproc, schedule, startproc, statename, wakeup } from './proc.js';
import { entry, mbox, resume } from './trap.js';

/** Idle M workers kept at most: those detached procs give back beyond it end. */
const POOL_MAX = 8;
import { pendingcall, type PendingCall } from './pending.js';
import { Explorer, type KExplored, type KSchedule } from './explore.js';

export interface KernelOptions {
  realtime: boolean;
  /** 0 to 2^64-1; every bit of it matters (Rand mixes it). */
  seed: number | bigint;
  maxProcs: number;
  args: string[];
  /**
   * What the host does during the run (--note, --interrupt, StartOptions.notes
   * and actions, a recorded run replayed), in order. at: ns of the run's clock.
   */
  actions: KHostAction[];
  /**
   * When every proc is blocked in the kernel and no timer is pending, wait
   * for the host (a note, an interrupt, stdin, stop) instead of ending the
   * run as a deadlock: the library and the playground, whose host can
   * still act; not the CLI once nothing it was given can (issue 11).
   */
  waitForHost?: boolean;
  /** Module URL of the M workers (test seam: fixtures stand in for core.wasm). */
  mWorker: string;
  /** M workers kept started ahead of rfork. */
  pool: number;
  /** Files to put in the file tree before the program starts: path -> bytes. */
  files?: Record<string, Uint8Array>;
  /** What reads of /dev/cons return, then end of file. */
  stdin?: Uint8Array;
  /**
   * The run's stdin is asked of the host at the first read of /dev/cons
   * (the CLI's stdin: a pipe that is never closed must not block a program
   * that never reads it). Until it arrives the reader sleeps and, in virtual
   * time, the clock stands still, so the run stays deterministic.
   */
  stdinLazy?: boolean;
  /** Record the trace (default true); off, neither kernel nor core records anything. */
  trace?: boolean;
  /** internal/poll's deadline logic (PollVariant; default CURRENT), for Ctl.POLL_VARIANT. */
  pollVariant?: number;
  /** Bytes of memory the Go heap may reach (--max-memory), for Ctl.MEMORY_LIMIT; default MEMORY_DEFAULT_PAGES. */
  maxMemory?: number;
  /** The wasm engine's program module (src/engine/translate.ts), given to every M; absent: the interpreter. */
  program?: WebAssembly.Module | null;
  /** p9rt explore: the schedule that drives the run's choices and timing (virtual time only; explore.ts). */
  schedule?: KSchedule;
}

/** A host action the kernel takes at `at` ns of the run's clock: a note posted, or a proc's call interrupted (ctl interrupt). */
export interface KHostAction {
  at: number;
  kind: 'note' | 'interrupt';
  /** The note's target; an interrupt's pid. */
  target: 'main' | 'group' | number;
  text: string;
  /** Test seam: ignore `at` and post to pid `target` the moment the kernel starts it. */
  atStart?: boolean;
}

/** What the kernel tells the thread that started it. */
export type KernelEvent =
  | { t: 'booted' }
  | { t: 'stdin' }
  | { t: 'stdout' | 'stderr'; data: Uint8Array }
  | { t: 'trace'; events: TraceEvent[]; procs: ProcView[] }
  /** threads: the most M workers the run had at once (Exit.threads). */
  | { t: 'exit'; exitString: string; code: number; reason: string; threads: number; explored?: KExplored }
  /** A control message's answer; `at`: the run's clock (ns) when a host action took effect. */
  | { t: 'reply'; id: number; ok: boolean; error?: string; at?: number }
  /** A reused machine (BootMsg.reuse): the run is over and its Ms have unwound; the next boot may come. */
  | { t: 'recycled' }
  /** A scheduled host action (KernelOptions.actions[index]) could not be taken when its time came. */
  | { t: 'actionfail'; index: number; error: string }
  /** The run starts (on) or stops waiting for the host: every proc blocked, no timer pending (KernelOptions.waitForHost). */
  | { t: 'waiting'; on: boolean; procs: ProcView[] };

/** A proc as Machine.procs() shows it, as of the kernel's last report. */
export interface ProcView {
  /** Its process id (1: the program's first proc). */
  pid: number;
  /** Plan 9's state names: New, Ready, Running, Broken, Moribund, or the call it sleeps in (Pread, Sleep, ...). */
  state: string;
  /** The call in progress, if any. */
  sys: string | null;
  /**
   * The call in progress as the pending-call table shows it (issue 11): its
   * arguments in words, since when, whether a note or interrupt can end it,
   * the goroutine and Go code that made it; null when the proc is in none.
   */
  call: PendingCall | null;
  /** Pending notes, oldest first. */
  notes: string[];
  /** A handler is registered (notify). */
  handler: boolean;
  /** In its handler, before noted. */
  notified: boolean;
  /** Its note group (the group a 'group' note goes to). */
  noteid: number;
  /** Exit string once dead or Broken. */
  exitString: string | null;
  /** The wait record's text ("main 2: hangup"; "" for success) once dead or Broken. */
  waitmsg: string | null;
}


/** Output gathered past this many bytes is sent at once. */
const OUT_BATCH = 64 * 1024;

export class Kernel {
  readonly procs = new Map<number, Proc>();
  readonly devs = new Map<string, Dev>();
  readonly clock: Clock;
  readonly rand: Rand;
  /** The run's schedule (KernelOptions.schedule), or null: Go's order and exact timers. */
  readonly explore: Explorer | null;
  readonly net = new NetStack();
  readonly ramfs = new Ramfs();
  /** How much of opts.stdin reads of /dev/cons have consumed. */
  stdinOff = 0;
  /** Lazy stdin (KernelOptions.stdinLazy): asked of the host (at the first read of /dev/cons). */
  stdinAsked = false;
  /** Lazy stdin as it arrives (hoststdin): chunks not yet read, and whether the host said end of file. */
  stdinq: Uint8Array[] = [];
  stdinEof = false;
  /** Readers of /dev/cons waiting for the host's stdin. */
  readonly stdinWait = new Rendez();
  /** The trace (docs/trace.md); records nothing unless opts.trace. */
  readonly tracer: Tracer;
  get trace(): TraceEvent[] {
    return this.tracer.events;
  }
  private sent = 0;
  private doorbell = 0;
  private views!: { buf: ArrayBuffer; i32: Int32Array; i64: BigInt64Array; u8: Uint8Array };
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private flushDue = 0;
  /** A proc view changed since the last report (record()). */
  private viewDirty = false;
  /** ms between reports (flushTrace). */
  private flushGap = 5;
  /** Doorbell rings in a row found without waiting (listen). */
  private busy = 0;
  /** Output not yet sent to the host (out), and its size. */
  private outq: { stream: 'stdout' | 'stderr'; parts: Uint8Array[] }[] = [];
  private outBytes = 0;

  // The scheduler's state (proc.ts, trap.ts work on it).
  nextpid = 1;
  nextnoteid = 1;
  /** Virtual time: the one proc outside the kernel. */
  running: Proc | null = null;
  /** Procs whose worker has not made PROCSTART yet: nothing is scheduled meanwhile. */
  starting = 0;
  /** Procs whose call is done (or must be re-tried: woken), waiting to run. */
  ready: Proc[] = [];
  /** M workers started ahead of rfork. */
  pool: Peer[] = [];
  /** Workers of detached procs that have not said they left yet (trap.ts detach). */
  leaving = 0;
  /** Detached procs to resume when one of those comes back (trap.ts resume). */
  resumeq: Proc[] = [];
  /** The procs that have a worker (proc.ts attach). */
  readonly attached = new Set<Proc>();
  /** Procs neither dead nor released: what --max-procs counts. */
  nlive = 0;
  /** M workers started and not ended, and the most there were at once. */
  threads = 0;
  threadsMax = 0;
  /** Each traced proc's trace ring, as the kernel reads it. */
  readonly rings = new WeakMap<Proc, { i32: Int32Array; i64: BigInt64Array }>();
  ended = false;
  /** The run waits for the host (KernelOptions.waitForHost): every proc is blocked and no timer is pending. */
  waiting = false;
  /** Host actions that came while a proc ran (virtual time): taken at the end of the next kernel entry (hostact). */
  deferred: (() => void)[] = [];
  /**
   * The proc whose call entry() is handling. Charging its compute fires the
   * timers it passed (a --note at 0 ms fires at the first call), and their
   * callbacks must not schedule: that proc is in none of the lists yet, so
   * schedule() would find nothing running or ready and end the run.
   */
  incall: Proc | null = null;

  constructor(
    readonly memory: WebAssembly.Memory,
    readonly core: WebAssembly.Module | null,
    readonly image: Uint8Array,
    readonly opts: KernelOptions,
    readonly emit: (e: KernelEvent) => void,
  ) {
    this.clock = new Clock(!opts.realtime, (ns) => Atomics.store(this.i64, Ctl.CLOCK_NS >> 3, ns));
    this.clock.onFire = () => schedule(this);
    this.rand = new Rand(opts.seed);
    this.explore = opts.schedule && !opts.realtime ? new Explorer(opts.schedule) : null;
    this.tracer = new Tracer(opts.trace !== false, image);
    this.devs.set('dev', consdev);
    this.devs.set('proc', procdev);
    this.devs.set('net', netdev);
    this.devs.set('', ramdev);
  }

  // ---- memory ------------------------------------------------------------

  private get v() {
    const buf = this.memory.buffer;
    if (!this.views || this.views.buf !== buf) {
      this.views = {
        buf: buf as ArrayBuffer,
        i32: new Int32Array(buf),
        i64: new BigInt64Array(buf),
        u8: new Uint8Array(buf),
      };
    }
    return this.views;
  }
  get i32() { return this.v.i32; }
  get i64() { return this.v.i64; }
  get u8() { return this.v.u8; }

  /** Copy bytes out of shared memory (never hand out a view: the caller may keep it). */
  copyin(addr: bigint, n: bigint): Uint8Array {
    const a = Number(addr), len = Number(n);
    if (len < 0 || a < 0 || a + len > this.u8.length) throw new BadAddr();
    return this.u8.slice(a, a + len);
  }
  copyout(addr: bigint, b: Uint8Array): void {
    const a = Number(addr);
    if (a < 0 || a + b.length > this.u8.length) throw new BadAddr();
    this.u8.set(b, a);
  }
  string(addr: bigint, n: bigint): string {
    return new TextDecoder().decode(this.copyin(addr, n));
  }
  // ---- boot and the doorbell ---------------------------------------------

  boot(): void {
    const i32 = this.i32;
    Atomics.store(i32, Ctl.REALTIME >> 2, this.opts.realtime ? 1 : 0);
    Atomics.store(i32, Ctl.TRACE >> 2, this.tracer.on ? 1 : 0);
    Atomics.store(i32, Ctl.POLL_VARIANT >> 2, this.opts.pollVariant ?? 0);
    // u32 bytes; 4 GiB, which a u32 cannot hold, is 0xffffffff (mheap.ts memoryLimit).
    const limit = this.opts.maxMemory ?? 0;
    Atomics.store(i32, Ctl.MEMORY_LIMIT >> 2, limit >= 2 ** 32 ? -1 : limit);
    Atomics.store(this.i64, Ctl.BOOT_WALL_NS >> 3, this.clock.bootWall);
    Atomics.store(this.i64, Ctl.CLOCK_NS >> 3, 0n);
    this.explore?.boot(i32);
    this.record({ kind: 'boot', pid: 0, text: this.opts.realtime ? 'realtime' : `virtual seed=${this.opts.seed}` });
    this.opts.actions.forEach((a, i) => {
      if (!a.atStart) this.clock.add(BigInt(a.at), () => hostactiontimed(this, a, i), true);
    });
    for (const [path, data] of Object.entries(this.opts.files ?? {})) this.ramfs.preload(path, data);
    const fg = new Fgrp();
    openStd(this, fg);
    const p = newproc(this, newnoteid(this), fg, null);
    startproc(this, p, null);
    this.listen();
    this.emit({ t: 'booted' });
    schedule(this);
  }

  /** How M workers are had: started, or kept from an earlier run (a reused machine: recycle.ts). */
  spawner: (url: string, name: string) => Peer = spawn;

  spawnM(): Peer {
    const w = this.spawner(this.opts.mWorker, 'p9rt M');
    if (++this.threads > this.threadsMax) this.threadsMax = this.threads;
    w.onError((e) => this.abort(0, `M worker failed: ${e.message}`));
    w.onMessage((msg: { t: string; pid: number }) => {
      if (msg.t === 'detached') this.detached(w, msg.pid);
    });
    return w;
  }

  /** End an M worker for good. */
  endM(w: Peer): void {
    this.threads--;
    void w.terminate();
  }

  /**
   * A worker for a proc (startproc, trap.ts resume): a pooled one, started
   * ahead because a worker starts slowly (tens of ms; a browser's only when
   * the page's event loop turns). The pool is kept at opts.pool, counting
   * the workers detached procs are giving back: a proc that starts when
   * another has just detached needs no new thread.
   */
  poolget(): Peer {
    const w = this.pool.shift() ?? this.spawnM();
    if (!this.ended) while (this.pool.length + this.leaving < this.opts.pool) this.pool.push(this.spawnM());
    return w;
  }

  /**
   * A worker a proc left (trap.ts detach; or pexit) has unwound its wasm
   * stack: it goes back to the pool (or ends, past POOL_MAX idle ones), and
   * a detached proc whose call ended meanwhile is resumed now.
   */
  private detached(w: Peer, pid: number): void {
    const p = this.procs.get(pid);
    if (p && p.leaving === w) p.leaving = null;
    this.leaving--;
    if (this.ended || this.pool.length >= Math.max(POOL_MAX, this.opts.pool)) this.endM(w);
    else this.pool.push(w);
    if (p && p.resumeDue && !this.ended && p.state !== 'dead' && p.state !== 'broken') {
      p.resumeDue = false;
      resume(this, p);
    }
    // Procs that waited for a worker to come back (trap.ts resume).
    while (this.pool.length > 0 && this.resumeq.length > 0) {
      const q = this.resumeq.shift()!;
      if (q.state !== 'dead' && q.state !== 'broken') resume(this, q);
    }
    // In real time, a run whose last proc has left its worker may now be one only the host can wake.
    if (this.opts.realtime) schedule(this);
  }

  private listen(): void {
    if (this.ended) return;
    const r = waitAsync(this.i32, Ctl.DOORBELL >> 2, this.doorbell);
    const go = () => {
      if (this.ended) return;
      this.doorbell = Atomics.load(this.i32, Ctl.DOORBELL >> 2);
      this.scan();
      this.listen();
    };
    if (r.async) {
      this.busy = 0;
      (r.value as Promise<string>).then(go);
    } else if (++this.busy % 64 !== 0) queueMicrotask(go);
    // Procs that ring faster than the kernel re-arms would keep it in
    // microtasks for good: now and then let the host's messages in (a note,
    // an interrupt, stop).
    else nextTask(go);
  }

  /** Pick up every mailbox that holds a new call, in pid order: only a proc with a worker can have one. */
  private scan(): void {
    const procs = [...this.attached].sort((a, b) => a.pid - b.pid);
    for (const p of procs) {
      if (this.ended) return;
      if (p.state !== 'running' && p.state !== 'starting') continue;
      const m = mbox(p);
      if (Atomics.load(this.i32, (m + Mbox.STATE) >> 2) !== MboxState.PENDING) continue;
      entry(this, p);
    }
    schedule(this);
  }

  /**
   * A host action that arrived now (Machine.postnote, interrupt). In virtual
   * time it is taken at once only if no proc can enter the kernel first (the
   * run waits: the action then takes 1 ns, Clock.tick1); else at the next
   * kernel entry, after the timers that entry's compute fires. Either way,
   * recorded at the time it took effect and replayed as a scheduled action at
   * that time, it meets the run in the same state (docs/decisions.md "Host
   * actions in virtual time").
   */
  hostact(apply: () => void, check: () => void): void {
    if (this.ended || this.opts.realtime) return apply();
    if (!this.running && this.starting === 0 && this.ready.length === 0) {
      // An action that fails changes nothing, not even the clock.
      try {
        check();
      } catch {
        return apply();
      }
      const before = this.clock.now();
      this.clock.tick1();
      apply();
      // As schedule() records the clock after advance() fired a timer.
      if (this.clock.now() !== before) this.record({ kind: 'clock', pid: 0 });
      schedule(this);
      return;
    }
    this.deferred.push(apply);
    // TEST SEAM: fixture procs that compute without calls watch this word.
    Atomics.store(this.i32, GlueCtl.HOSTWAIT >> 2, 1);
  }

  /**
   * Stdin from the host, as it arrives (the CLI sends each chunk of its pipe):
   * reads of /dev/cons get it, and end of file once `eof`.
   */
  hoststdin(data: Uint8Array, eof: boolean): void {
    if (this.stdinEof) return;
    if (data.length) this.stdinq.push(data);
    if (eof) this.stdinEof = true;
    wakeup(this, this.stdinWait);
    schedule(this);
  }

  /** Up to n bytes of the stdin that has arrived. */
  takeStdin(n: number): Uint8Array {
    const q = this.stdinq;
    if (q[0].length > n) {
      const b = q[0].slice(0, n);
      q[0] = q[0].subarray(n);
      return b;
    }
    let len = 0;
    let i = 0;
    while (i < q.length && len + q[i].length <= n) len += q[i++].length;
    const b = new Uint8Array(len);
    let at = 0;
    for (const c of q.splice(0, i)) {
      b.set(c, at);
      at += c.length;
    }
    return b;
  }

  /**
   * Whether a reader of /dev/cons waits for stdin the host has not sent: not a
   * deadlock, and in virtual time the clock stands still meanwhile, so what
   * the program sees does not depend on when the input comes (determinism).
   */
  stdinWaiting(): boolean {
    return !this.stdinEof && this.stdinWait.procs.size > 0;
  }

  // ---- output, trace and the end of the run -----------------------------

  /**
   * Output to the host. Writes are gathered and sent a batch at a time (one
   * message per run of writes to the same stream, in the order written), at
   * the latest with the next trace flush: a message per write capped output
   * at about 12,000 lines a second (issue 18.6).
   */
  out(stream: 'stdout' | 'stderr', data: Uint8Array): void {
    this.takeCons();
    this.queueOut(stream, data);
  }

  /** The console ring's records (dev/cons.ts drainCons): output written before anything the kernel does next. */
  takeCons(): void {
    drainCons(this, (stream, data) => this.queueOut(stream, data));
  }

  private queueOut(stream: 'stdout' | 'stderr', data: Uint8Array): void {
    const last = this.outq[this.outq.length - 1];
    if (last && last.stream === stream) last.parts.push(data);
    else this.outq.push({ stream, parts: [data] });
    this.outBytes += data.length;
    if (this.outBytes >= OUT_BATCH) this.sendOut();
    else this.queueFlush(5);
  }

  /** Send the gathered output (before anything else the host hears: trace, exit). */
  flushOut(): void {
    this.takeCons();
    this.sendOut();
  }

  private sendOut(): void {
    const q = this.outq;
    if (!q.length) return;
    this.outq = [];
    this.outBytes = 0;
    for (const { stream, parts } of q) {
      let data = parts[0];
      if (parts.length > 1) {
        data = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
        let at = 0;
        for (const b of parts) {
          data.set(b, at);
          at += b.length;
        }
      }
      this.emit({ t: stream, data });
    }
  }

  record(e: Omit<TraceEvent, 't'> & { t?: number }): void {
    // Every event is a change the proc view may show: report it even when
    // nothing is recorded, so that Machine.procs() is as fresh without the
    // trace as with it.
    this.viewDirty = true;
    if (this.tracer.on) this.tracer.add({ t: Number(this.clock.now()), ...e });
    this.queueFlush();
  }

  /** Flush within gap ms (output passes 5: it does not wait for a slower proc view). */
  queueFlush(gap = this.flushGap): void {
    const due = performance.now() + gap;
    if (this.flushTimer !== null) {
      if (this.flushDue <= due) return;
      clearTimeout(this.flushTimer);
    }
    this.flushDue = due;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flushTrace();
    }, gap);
  }

  private flushTrace(): void {
    this.flushOut();
    if (this.sent === this.trace.length && !this.viewDirty) return;
    this.viewDirty = false;
    const t0 = performance.now();
    this.emit({ t: 'trace', events: this.trace.slice(this.sent), procs: this.procView() });
    this.sent = this.trace.length;
    // The view of thousands of procs costs milliseconds, and each report a
    // message: report at most every twenty times what the last one cost, so
    // that reporting takes no more than a twentieth of the kernel's time. A
    // trace batch goes every 5 ms; a view alone (an untraced run's, which
    // only a person or a poller of procs() reads) every 25 ms at most.
    this.flushGap = Math.max(this.tracer.on ? 5 : 25, Math.ceil(20 * (performance.now() - t0)));
  }

  procView(): ProcView[] {
    return [...this.procs.values()].map((p) => ({
      pid: p.pid,
      state: statename(p),
      sys: p.sc ? sysname(p.sc.num) : null,
      call: pendingcall(this, p),
      notes: p.notes.map((n) => n.text),
      handler: p.notify,
      notified: p.notified,
      noteid: p.noteid,
      exitString: p.state === 'dead' || p.state === 'broken' ? p.exitString : null,
      waitmsg: p.state === 'dead' || p.state === 'broken' ? p.waitmsg : null,
    }));
  }

  abort(pid: number, text: string): void {
    this.record({ kind: 'abort', pid, text });
    this.out('stderr', new TextEncoder().encode(`p9rt: pid ${pid}: ${text}\n`));
    // exit status 2, as Go's for a fatal error: an abort is the core's throw
    this.end(`abort: ${text}`.slice(0, ERRMAX - 1), 2, 'core abort');
  }

  /** Tear down: wake every M with its DEAD word set, then end their workers. */
  end(exitString: string, code: number, reason: string): void {
    if (this.ended) return;
    this.record({ kind: 'end', pid: 0, text: exitString, reason });
    this.ended = true;
    this.clock.stop();
    for (const p of this.procs.values()) {
      const m = mbox(p);
      Atomics.store(this.i32, (m + MboxX.DEAD) >> 2, 1);
      Atomics.store(this.i32, (m + Mbox.ATTN) >> 2, 1);
      Atomics.store(this.i32, (m + Mbox.STATE) >> 2, MboxState.DONE);
      Atomics.notify(this.i32, (m + Mbox.STATE) >> 2);
    }
    this.flushTrace();
    const workers = [...this.procs.values()].flatMap((p) => [p.worker, p.leaving]).concat(this.pool);
    this.pool = [];
    this.emit({ t: 'exit', exitString, code, reason, threads: this.threadsMax, explored: this.explore?.report(this.i32) });
    setTimeout(() => {
      for (const w of workers) if (w) this.endM(w);
    }, 0);
  }

  stop(reason: string, code: number): void {
    this.end('', code, reason);
  }
}
