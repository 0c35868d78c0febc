// The kernel: one event-driven thread that owns every proc, note queue,
// device and the clock, like a uniprocessor Plan 9 kernel. It learns of
// system calls through the doorbell word (Atomics.waitAsync), runs each to
// completion or puts the proc to sleep, and in virtual time lets at most
// one proc run outside the kernel.
import {
  Ctl, Mbox, MboxState, MAILBOX_BASE, MAILBOX_SIZE, MAX_PROCS, ERRMAX, NCONT, NDFLT, Sys,
} from '../abi/defs.js';
import { spawn, waitAsync, ncpu, type Peer } from '../platform/index.js';
import { MboxX, SysX, TRACE_REC, TRACE_RING, GlueCtl } from '../m/mailbox.js';
import { Clock, Rand } from './clock.js';
import {
  Block, Eintr, KError, NUser, NDebug, NSAVE, NRSTR, Proc, Rendez, Etoobig, Enotposted, NORET, BadAddr, Ebadarg,
  type Note, type SysResult,
} from './proc.js';
import { cutbytes, pcsuffix } from './notes.js';
import { Fgrp, type Chan, type Dev } from './dev/dev.js';
import { syscalls, sysname } from './syscalls.js';
import { consdev, openStd } from './dev/cons.js';
import { procdev } from './dev/proc.js';
import { netdev, NetStack } from './dev/net.js';
import { ramdev, Ramfs } from './dev/ramfs.js';
import { Tracer, type TraceEvent } from './trace.js';

export interface KernelOptions {
  realtime: boolean;
  seed: number;
  maxProcs: number;
  args: string[];
  /** Notes to post during the run (--note). at: ns of the run's clock. */
  notes: { at: number; target: 'main' | 'group' | number; text: string; atStart?: boolean }[];
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
  /** Bytes of memory the Go heap may reach (--max-memory), for Ctl.MEMORY_LIMIT; default the memory maximum. */
  maxMemory?: number;
}

/** What the kernel tells the thread that started it. */
export type KernelEvent =
  | { t: 'booted' }
  | { t: 'stdin' }
  | { t: 'stdout' | 'stderr'; data: Uint8Array }
  | { t: 'trace'; events: TraceEvent[]; procs: ProcView[] }
  | { t: 'exit'; exitString: string; code: number; reason: string }
  | { t: 'reply'; id: number; ok: boolean; error?: string };

export interface ProcView {
  pid: number;
  /** Plan 9's state names: New, Ready, Running, Broken, Moribund, or the call it sleeps in (Pread, Sleep, ...). */
  state: string;
  /** The call in progress, if any. */
  sys: string | null;
  /** Pending notes, oldest first. */
  notes: string[];
  /** A handler is registered (notify). */
  handler: boolean;
  /** In its handler, before noted. */
  notified: boolean;
  noteid: number;
  /** Exit string once dead or Broken. */
  exitString: string | null;
  /** The wait record's text ("main 2: hangup"; "" for success) once dead or Broken. */
  waitmsg: string | null;
}


/**
 * The price of compute in virtual time: each interpreted bytecode
 * instruction costs NS_PER_INSN ns of the run's clock. One bytecode op does
 * about what a few machine instructions of compiled Go do, so 1 ns is the
 * right order for a 2020s CPU, and it keeps the interpreter (tens of millions
 * of ops a second) within a small factor of real time.
 */
export const NS_PER_INSN = 1n;

/** 4e port/portdat.h: the length of a proc's note queue. */
export const NNOTE = 5;

export class Kernel {
  readonly procs = new Map<number, Proc>();
  readonly devs = new Map<string, Dev>();
  readonly clock: Clock;
  readonly rand: Rand;
  readonly net = new NetStack();
  readonly ramfs = new Ramfs();
  /** How much of opts.stdin reads of /dev/cons have consumed. */
  stdinOff = 0;
  /** Lazy stdin (KernelOptions.stdinLazy): asked of the host, not yet arrived. */
  stdinAsked = false;
  readonly stdinWait = new Rendez();
  /** The trace (docs/trace.md); records nothing unless opts.trace. */
  readonly tracer: Tracer;
  get trace(): TraceEvent[] {
    return this.tracer.events;
  }
  private sent = 0;
  private nextpid = 1;
  private nextnoteid = 1;
  private running: Proc | null = null;
  private starting = 0;
  private ready: Proc[] = [];
  private pool: Peer[] = [];
  /** Each traced proc's trace ring, as the kernel reads it. */
  private rings = new WeakMap<Proc, { i32: Int32Array; i64: BigInt64Array }>();
  private doorbell = 0;
  private ended = false;
  private views!: { buf: ArrayBuffer; i32: Int32Array; i64: BigInt64Array; u8: Uint8Array };
  private flushQueued = false;
  /**
   * The proc whose call entry() is handling. Charging its compute fires the
   * timers it passed (a --note at 0 ms fires at the first call), and their
   * callbacks must not schedule: that proc is in none of the lists yet, so
   * schedule() would find nothing running or ready and end the run.
   */
  private incall: Proc | null = null;

  constructor(
    readonly memory: WebAssembly.Memory,
    readonly core: WebAssembly.Module | null,
    readonly image: Uint8Array,
    readonly opts: KernelOptions,
    readonly emit: (e: KernelEvent) => void,
  ) {
    this.clock = new Clock(!opts.realtime, (ns) => Atomics.store(this.i64, Ctl.CLOCK_NS >> 3, ns));
    this.clock.onFire = () => this.schedule();
    this.rand = new Rand(opts.seed);
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
  private mbox(p: Proc): number {
    return MAILBOX_BASE + p.pid * MAILBOX_SIZE;
  }

  // ---- boot and the doorbell ---------------------------------------------

  boot(): void {
    const i32 = this.i32;
    Atomics.store(i32, Ctl.REALTIME >> 2, this.opts.realtime ? 1 : 0);
    Atomics.store(i32, Ctl.TRACE >> 2, this.tracer.on ? 1 : 0);
    Atomics.store(i32, Ctl.POLL_VARIANT >> 2, this.opts.pollVariant ?? 0);
    Atomics.store(i32, Ctl.MEMORY_LIMIT >> 2, this.opts.maxMemory ?? 0);
    Atomics.store(this.i64, Ctl.BOOT_WALL_NS >> 3, this.clock.bootWall);
    Atomics.store(this.i64, Ctl.CLOCK_NS >> 3, 0n);
    this.record({ kind: 'boot', pid: 0, text: this.opts.realtime ? 'realtime' : `virtual seed=${this.opts.seed}` });
    for (const n of this.opts.notes) if (!n.atStart) this.clock.add(BigInt(n.at), () => this.hostnotetimed(n.target, n.text));
    for (const [path, data] of Object.entries(this.opts.files ?? {})) this.ramfs.preload(path, data);
    const fg = new Fgrp();
    openStd(this, fg);
    const p = this.newproc(this.nextnoteid++, fg, null);
    this.startproc(p, null);
    for (let i = 0; i < this.opts.pool; i++) this.pool.push(this.spawnM());
    this.listen();
    this.emit({ t: 'booted' });
    this.schedule();
  }

  private spawnM(): Peer {
    const w = spawn(this.opts.mWorker, 'p9rt M');
    w.onError((e) => this.abort(0, `M worker failed: ${e.message}`));
    return w;
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
    if (r.async) (r.value as Promise<string>).then(go);
    else queueMicrotask(go);
  }

  /** Pick up every mailbox that holds a new call, in pid order. */
  private scan(): void {
    for (const p of this.procs.values()) {
      if (this.ended) return;
      if (p.state !== 'running' && p.state !== 'starting') continue;
      const m = this.mbox(p);
      if (Atomics.load(this.i32, (m + Mbox.STATE) >> 2) !== MboxState.PENDING) continue;
      this.entry(p);
    }
    this.schedule();
  }

  // ---- system call entry and exit ----------------------------------------

  private entry(p: Proc): void {
    this.incall = p;
    try {
      this.enter(p);
    } finally {
      this.incall = null;
    }
  }

  private enter(p: Proc): void {
    const m = this.mbox(p);
    this.takeTrace(p);
    const num = Atomics.load(this.i32, (m + Mbox.NUM) >> 2);
    if (num === SysX.TRACEFLUSH) {
      this.reply(p, 0n);
      return;
    }
    if (p.state === 'starting') this.starting--;
    if (this.running === p) this.running = null;
    p.state = 'kernel';
    this.charge(p);
    if (num === SysX.ABORT) {
      const n = Atomics.load(this.i32, (m + MboxX.TEXT_N) >> 2);
      this.abort(p.pid, new TextDecoder().decode(this.u8.slice(m + MboxX.TEXT, m + MboxX.TEXT + n)));
      return;
    }
    const args: bigint[] = [];
    for (let i = 0; i < 6; i++) args.push(Atomics.load(this.i64, (m + Mbox.ARGS + 8 * i) >> 3));
    p.sc = { num, args, x: {} };
    p.nonotify = num === Sys.RFORK || num === Sys.PROCSTART;
    if (num !== Sys.TICK && num !== Sys.PROCSTART) {
      // Mbox.POS: where the calling goroutine is (written by a traced core only).
      const at = this.tracer.where(Number(Atomics.load(this.i64, (m + Mbox.POS) >> 3)));
      this.record({ kind: 'sys.enter', pid: p.pid, sys: sysname(num), args: args.slice(0, 4).map(Number), ...at });
    }
    this.step(p);
  }

  /**
   * Virtual time: the proc was the only one running, so the instructions it
   * interpreted since its last kernel entry (MboxX.CHARGE, written by the
   * glue) are time that passed for everyone: advance the clock by them at
   * NS_PER_INSN and fire the timers that became due (their procs join the
   * ready list; a note they post waits for the next delivery point).
   */
  private charge(p: Proc): void {
    const m = this.mbox(p);
    const n = Atomics.load(this.i64, (m + MboxX.CHARGE) >> 3);
    if (n === 0n) return;
    Atomics.store(this.i64, (m + MboxX.CHARGE) >> 3, 0n);
    if (this.opts.realtime) return;
    this.clock.charge(n * NS_PER_INSN);
  }

  /** Drain the proc's trace ring (host/m/mailbox.ts) into the trace: the records made since its last entry. */
  private takeTrace(p: Proc): void {
    const m = this.mbox(p);
    const n = Atomics.load(this.i32, (m + MboxX.TRACE_N) >> 2);
    if (n === 0) return;
    Atomics.store(this.i32, (m + MboxX.TRACE_N) >> 2, 0);
    const ring = this.rings.get(p);
    if (!ring) return;
    const { i32, i64 } = ring;
    for (let i = 0; i < n; i++) {
      const r = i * (TRACE_REC >> 3);
      this.tracer.core(p.pid, Number(i64[r]), i32[(r + 1) << 1], Number(i64[r + 2]), Number(i64[r + 3]), Number(i64[r + 4]), Number(i64[r + 5]));
    }
    this.queueFlush();
  }

  /** Run (or re-run, after a wakeup) the proc's call: Plan 9's sleep() rules, §1.4. */
  step(p: Proc): void {
    const sc = p.sc!;
    const fn = syscalls[sc.num];
    let r: SysResult;
    try {
      if (!fn) {
        // 4e syscall(): a bad number is a debugging note and an error.
        this.pprint(p, `bad sys call number ${sc.num} pc 0`);
        this.postnote(p, 'sys: bad sys call', NDebug, p.pid);
        throw new KError(Ebadarg);
      }
      r = fn(this, p, sc);
    } catch (e) {
      if (!(e instanceof KError)) throw e;
      if (e instanceof BadAddr) this.postnote(p, 'sys: bad address in syscall', NDebug, p.pid);
      this.fail(p, e.message);
      return;
    }
    if (r === NORET) return;
    if (r instanceof Block) {
      // A pending note at sleep entry fails the call at once.
      if (p.notepending) {
        p.notepending = false;
        this.fail(p, Eintr);
        return;
      }
      this.sleep(p, r);
      return;
    }
    this.done(p, r);
  }

  private sleep(p: Proc, b: Block): void {
    p.state = 'blocked';
    if (b.r) {
      p.r = b.r;
      b.r.procs.add(p);
    }
    if (b.until !== null) p.tmo = this.clock.add(b.until, () => this.unsleep(p));
    if (!p.sc!.x.blocked) {
      p.sc!.x.blocked = true;
      this.record({ kind: 'sys.block', pid: p.pid, sys: sysname(p.sc!.num) });
    }
  }

  /** Take p off its Rendez and timer. */
  private unlink(p: Proc): void {
    if (p.r) p.r.procs.delete(p);
    p.r = null;
    this.clock.cancel(p.tmo);
    p.tmo = null;
  }

  /**
   * The proc's sleep ends (wakeup, timeout or note). Like Plan 9, the call
   * is re-tried only when the proc next runs, so a note posted in between
   * still wins over the satisfied condition (§1.4) and nothing is consumed.
   */
  private unsleep(p: Proc): void {
    if (p.state !== 'blocked') return;
    this.unlink(p);
    p.state = 'woken';
    if (this.opts.realtime) this.retry(p);
    else this.ready.push(p);
  }

  private retry(p: Proc): void {
    p.state = 'kernel';
    if (p.notepending) {
      p.notepending = false;
      this.fail(p, Eintr);
      return;
    }
    this.step(p);
  }

  wakeup(r: Rendez): void {
    for (const p of [...r.procs]) this.unsleep(p);
  }

  private fail(p: Proc, err: string): void {
    p.errstr = err;
    if (err === Eintr) this.record({ kind: 'sys.interrupted', pid: p.pid, sys: sysname(p.sc!.num), err });
    this.done(p, -1n, err);
  }

  private done(p: Proc, ret: bigint, err?: string): void {
    p.ret = ret;
    if ((p.sc!.num !== Sys.TICK && p.sc!.num !== Sys.PROCSTART) || err) this.record({ kind: 'sys.exit', pid: p.pid, sys: sysname(p.sc!.num), ret: Number(ret), err });
    p.state = 'ready';
    const sc = p.sc!;
    // The Chan a pread/pwrite held for its duration (sysfile.ts callchan).
    const held = sc.x.chan as Chan | undefined;
    if (held) {
      sc.x.chan = undefined;
      if (--held.ref === 0) held.dev.close(this, held);
    }
    // As on a uniprocessor Plan 9, a call that did not sleep returns to its
    // proc without a reschedule; only a sleep, TICK (the clock interrupt's
    // stand-in), sleep(0) or a new proc gives another ready proc the CPU.
    const yields = sc.x.blocked || sc.num === Sys.TICK || sc.num === Sys.PROCSTART || (sc.num === Sys.SLEEP && sc.args[0] <= 0n);
    if (this.opts.realtime || (!yields && this.running === null)) this.release(p);
    else this.ready.push(p);
  }

  /** The host's answer to a stdin request: /dev/cons reads it, then end of file. */
  hoststdin(data: Uint8Array): void {
    this.opts.stdin = data;
    this.opts.stdinLazy = false;
    this.stdinAsked = false;
    this.wakeup(this.stdinWait);
    this.schedule();
  }

  /** Return to user: notify() (§1.6), then RET and STATE=DONE. */
  private release(p: Proc): void {
    const m = this.mbox(p);
    const start = p.sc?.num === Sys.PROCSTART;
    if (start) this.record({ kind: 'proc.start', pid: p.pid });
    // A proc's first return to user mode delivers only notes posted while it was New (Proc.early).
    if ((!p.nonotify || (start && p.early)) && !this.notify(p)) return; // the note killed it
    p.state = 'running';
    if (!this.opts.realtime) this.running = p;
    p.sc = null;
    Atomics.store(this.i64, (m + Mbox.RET) >> 3, p.ret);
    this.reply(p, p.ret, false);
  }

  private reply(p: Proc, ret: bigint, setret = true): void {
    const m = this.mbox(p);
    if (setret) Atomics.store(this.i64, (m + Mbox.RET) >> 3, ret);
    Atomics.store(this.i32, (m + Mbox.STATE) >> 2, MboxState.DONE);
    Atomics.notify(this.i32, (m + Mbox.STATE) >> 2);
  }

  // ---- scheduling -----------------------------------------------------------

  /**
   * Virtual time: when no proc runs and none is still starting, let one
   * ready proc (chosen by the seeded generator) run; if none is ready, jump
   * the clock to the next timer; if there is none, nothing can ever happen.
   */
  schedule(): void {
    if (this.incall) return; // entry() decides where its proc goes; scan() schedules after
    while (!this.ended) {
      if (this.opts.realtime) {
        if (this.anyAlive() || this.clock.pending()) return;
      } else {
        if (this.running || this.starting > 0) return;
        if (this.stdinAsked && this.ready.length === 0) return; // the clock waits for stdin
        if (this.ready.length > 0) {
          // A new proc's PROCSTART arrives whenever its worker is up, so the
          // list's order is not the program's: choose from it sorted by pid.
          this.ready.sort((a, b) => a.pid - b.pid);
          const p = this.ready.splice(this.rand.intn(this.ready.length), 1)[0];
          if (p.state === 'woken') {
            this.retry(p);
            if ((p.state as string) !== 'ready') continue; // asleep again
            this.ready.splice(this.ready.indexOf(p), 1);
          }
          this.release(p);
          continue;
        }
        if (this.clock.pending()) {
          const before = this.clock.now();
          const now = this.clock.advance();
          if (now !== before) this.record({ kind: 'clock', pid: 0 });
          continue;
        }
      }
      // A reader of /dev/cons waits for the host's stdin: that is not a
      // deadlock, and the clock must not move meanwhile (determinism).
      if (this.stdinAsked) return;
      this.end('', 3, 'deadlock: every proc is blocked in the kernel and no timer is pending');
    }
  }

  /** Realtime: is any proc running, starting or about to return? */
  private anyAlive(): boolean {
    for (const p of this.procs.values()) {
      if (p.state !== 'blocked' && p.state !== 'dead' && p.state !== 'broken') return true;
    }
    return false;
  }

  // ---- procs ---------------------------------------------------------------

  newproc(noteid: number, fg: Fgrp, parent: Proc | null): Proc {
    const limit = Math.min(this.opts.maxProcs, MAX_PROCS - 1);
    let live = 0;
    for (const q of this.procs.values()) if (q.state !== 'dead') live++;
    if (live >= limit) throw new KError(`no procs: the limit of ${limit} procs is reached (--max-procs)`);
    if (this.nextpid >= MAX_PROCS) throw new KError(`no procs: pid ${this.nextpid} has no mailbox (MAX_PROCS ${MAX_PROCS})`);
    const p = new Proc(this.nextpid++, noteid, fg, this.opts.args[0] ?? 'main');
    p.parent = parent;
    if (parent) parent.nchild++;
    this.procs.set(p.pid, p);
    const m = this.mbox(p);
    this.u8.fill(0, m, m + MAILBOX_SIZE);
    this.setspin();
    return p;
  }

  newnoteid(): number {
    return this.nextnoteid++;
  }

  /** Give p a worker; it enters with PROCSTART, then runs boot (pid 1) or tstart(arg). */
  startproc(p: Proc, arg: bigint | null): void {
    p.state = 'starting';
    this.starting++;
    const w = this.pool.shift() ?? this.spawnM();
    p.worker = w;
    let ring: SharedArrayBuffer | null = null;
    if (this.tracer.on) {
      ring = new SharedArrayBuffer(TRACE_RING);
      this.rings.set(p, { i32: new Int32Array(ring), i64: new BigInt64Array(ring) });
    }
    w.post({ t: 'start', pid: p.pid, memory: this.memory, core: this.core, image: arg === null ? this.image : null, arg: String(arg ?? 0n), ring });
    // Test seam (KernelOptions.notes atStart): a note that reaches the proc before it first runs.
    for (const n of this.opts.notes) if (n.atStart && n.target === p.pid) this.writenoteQuiet(p, n.text);
    if (!this.ended) this.pool.push(this.spawnM());
  }

  /**
   * The proc is gone (exits, a killing note): 4e pexit. Its wait record goes
   * to its parent, if it has one that waits (rfork without RFNOWAIT).
   * freemem false (an NDebug death) leaves it Broken, kept for a debugger:
   * it never runs again, but stays in /proc until ctl kill releases it.
   */
  pexit(p: Proc, msg: string, freemem = true): void {
    if (p.state === 'dead' || p.state === 'broken') return;
    if (p.state === 'starting') this.starting--;
    this.unlink(p);
    this.clock.cancel(p.alarm);
    const i = this.ready.indexOf(p);
    if (i >= 0) this.ready.splice(i, 1);
    if (this.running === p) this.running = null;
    p.state = freemem ? 'dead' : 'broken';
    this.setspin();
    p.exitString = cutbytes(msg, ERRMAX - 1);
    p.waitmsg = p.exitString === '' ? '' : cutbytes(`${p.text} ${p.pid}: ${p.exitString}`, ERRMAX - 1);
    this.record({ kind: 'proc.exit', pid: p.pid, text: p.exitString, reason: freemem ? undefined : 'Broken' });
    const w0 = p.parent;
    if (w0 && w0.state !== 'dead' && w0.state !== 'broken') {
      // 4e sysawait's record: "pid utime stime rtime 'msg'" (times are 0 here).
      w0.waitq.push(`${p.pid} 0 0 0 ${quote(p.waitmsg)}`);
      w0.nchild--;
      this.wakeup(w0.waitr);
    }
    for (const c of this.procs.values()) if (c.parent === p) c.parent = null;
    const m = this.mbox(p);
    Atomics.store(this.i32, (m + MboxX.DEAD) >> 2, 1);
    this.reply(p, -1n);
    const w = p.worker;
    p.worker = null;
    if (w) setTimeout(() => void w.terminate(), 0);
    if (p.pid === 1) this.end(p.exitString, exitCode(p.exitString), freemem ? 'pid 1 exited' : 'pid 1 broken');
  }

  /**
   * May an M spin before it waits (GlueCtl.SPIN)? Only while every thread
   * that can run at once has a core: the kernel plus, in real time, each
   * live proc, in virtual time the one proc that runs.
   */
  private setspin(): void {
    let live = 0;
    for (const q of this.procs.values()) if (q.state !== 'dead' && q.state !== 'broken') live++;
    const threads = 1 + (this.opts.realtime ? live : Math.min(live, 1));
    Atomics.store(this.i32, GlueCtl.SPIN >> 2, threads <= ncpu() ? 1 : 0);
  }

  /** ctl kill of a Broken proc releases it (4e procctlreq). */
  release_broken(p: Proc): void {
    if (p.state !== 'broken') return;
    p.state = 'dead';
    this.record({ kind: 'proc.exit', pid: p.pid, text: p.exitString, reason: 'released' });
  }

  /** 4e pprint: "<text> <pid>: msg" on the proc's fd 2 (the run's stderr when that is /dev/cons). */
  pprint(p: Proc, msg: string): void {
    const b = new TextEncoder().encode(`${p.text} ${p.pid}: ${msg}\n`);
    const c = p.fgrp.fd[2];
    if (c && c.dev.name === 'cons') c.dev.write(this, p, c, b, 0n);
    else this.out('stderr', b);
  }

  // ---- notes ----------------------------------------------------------------

  /** 4e postnote (§1.3). Returns whether the note was queued. */
  postnote(p: Proc, text: string, flag: number, from: number | 'host'): boolean {
    if (p.state === 'dead') return false;
    // 4e allows posting to a Broken proc; the note just waits there.
    if (flag !== NUser && (!p.notify || p.notified)) p.notes = [];
    const ok = p.notes.length < NNOTE;
    if (ok) p.notes.push({ text, flag });
    if (ok && (p.state === 'starting' || p.sc?.num === Sys.PROCSTART)) p.early = true;
    this.record({ kind: 'note.post', pid: typeof from === 'number' ? from : 0, from, to: p.pid, text, result: ok ? 'queued' : 'refused' });
    // 4e: pending and woken even when the queue was full.
    p.notepending = true;
    if (p.notes.length > 0) Atomics.store(this.i32, (this.mbox(p) + Mbox.ATTN) >> 2, 1);
    if (p.state === 'blocked') this.unsleep(p);
    return ok;
  }

  /** No note waits any more: the core may stop entering the kernel at safepoints. */
  clearattn(p: Proc): void {
    Atomics.store(this.i32, (this.mbox(p) + Mbox.ATTN) >> 2, 0);
  }

  /** A write to /proc/n/note: NUser, ERRMAX-1 limit (4e devproc), full queue is an error. */
  writenote(p: Proc, text: string, from: number | 'host'): void {
    if (new TextEncoder().encode(text).length >= ERRMAX - 1) throw new KError(Etoobig);
    if (!this.postnote(p, text, NUser, from)) throw new KError(Enotposted);
  }

  /** The host posts a note (API, --note): to a pid, pid 1, or every proc of pid 1's group. */
  hostnote(target: 'main' | 'group' | number, text: string): void {
    if (target === 'group') {
      const g = this.procs.get(1)?.noteid;
      if (new TextEncoder().encode(text).length >= ERRMAX - 1) throw new KError(Etoobig);
      for (const p of this.procs.values()) if (p.noteid === g && p.state !== 'dead') this.writenoteQuiet(p, text);
    } else {
      const p = this.procs.get(target === 'main' ? 1 : target);
      if (!p || p.state === 'dead') throw new KError(`no such proc: ${target}`);
      this.writenote(p, text, 'host');
    }
    this.schedule();
  }

  /** A --note's time came: a target that is gone (or not yet made) is no reason to stop the kernel mid-call. */
  private hostnotetimed(target: 'main' | 'group' | number, text: string): void {
    try {
      this.hostnote(target, text);
    } catch (e) {
      if (!(e instanceof KError)) throw e;
      this.record({ kind: 'note.post', pid: 0, from: 'host', to: typeof target === 'number' ? target : 1, text, result: 'refused', reason: e.message });
    }
  }

  private writenoteQuiet(p: Proc, text: string): void {
    try {
      this.writenote(p, text, 'host');
    } catch (e) {
      if (!(e instanceof KError)) throw e;
    }
  }

  /**
   * notify() on the way back to user (§1.6). Moves the head note to the
   * mailbox for sigtramp. Returns false if the note killed the proc.
   */
  private notify(p: Proc): boolean {
    // "kill the process the next time it crosses the user/kernel boundary":
    // 4e procctl runs first and exits with "Killed".
    if (p.procctl === 'exitme') {
      this.pexit(p, 'Killed');
      return false;
    }
    if (p.notes.length === 0) return true;
    p.notepending = false;
    const n = p.notes[0];
    // 4e appends the pc to kernel notes here, at delivery (the text is cut to fit).
    if (n.text.startsWith('sys:') && !n.pc) {
      n.text = pcsuffix(n.text, 0);
      n.pc = true;
    }
    if (n.flag !== NUser && (p.notified || !p.notify)) {
      // A system note in a handler, or with none: NDebug says so and leaves the proc Broken.
      if (n.flag === NDebug) this.pprint(p, `suicide: ${n.text}`);
      this.record({ kind: 'note.kill', pid: p.pid, text: n.text });
      this.pexit(p, n.text, n.flag !== NDebug);
      return false;
    }
    if (p.notified) {
      for (const h of p.notes) {
        if (h.held) continue;
        h.held = true;
        this.record({ kind: 'note.held', pid: p.pid, text: h.text });
      }
      return true;
    }
    if (!p.notify) {
      this.record({ kind: 'note.kill', pid: p.pid, text: n.text });
      this.pexit(p, n.text);
      return false;
    }
    p.notes.shift();
    p.lastnote = n;
    p.notified = true;
    const m = this.mbox(p);
    const b = new TextEncoder().encode(n.text).subarray(0, ERRMAX - 1);
    this.u8.fill(0, m + Mbox.NOTE, m + Mbox.NOTE + ERRMAX);
    this.u8.set(b, m + Mbox.NOTE);
    Atomics.store(this.i32, (m + Mbox.NOTE_LEN) >> 2, b.length);
    if (p.notes.length === 0) Atomics.store(this.i32, (m + Mbox.ATTN) >> 2, 0);
    this.record({ kind: 'note.deliver', pid: p.pid, text: n.text });
    return true;
  }

  /** noted(mode) (§1.7, 4e pc/trap.c noted). */
  noted(p: Proc, mode: number): SysResult {
    if (mode !== NRSTR && !p.notified) {
      this.pprint(p, 'call to noted() when not notified');
      this.record({ kind: 'note.kill', pid: p.pid, text: 'Suicide' });
      this.pexit(p, 'Suicide', false);
      return NORET;
    }
    p.notified = false;
    this.record({ kind: 'noted', pid: p.pid, mode });
    // NSAVE (2) is APE's trampoline mode; Go never uses it: it resumes like NCONT here.
    if (mode === NCONT || mode === NRSTR || mode === NSAVE) return 0n;
    const n = { ...(p.lastnote as Note) };
    if (mode !== NDFLT) {
      this.pprint(p, `unknown noted arg 0x${mode.toString(16)}`);
      n.flag = NDebug;
    }
    if (n.flag === NDebug) this.pprint(p, `suicide: ${n.text}`);
    this.record({ kind: 'note.kill', pid: p.pid, text: n.text });
    this.pexit(p, n.text, n.flag !== NDebug);
    return NORET;
  }

  // ---- output, trace and the end of the run -----------------------------

  out(stream: 'stdout' | 'stderr', data: Uint8Array): void {
    this.emit({ t: stream, data });
  }

  record(e: Omit<TraceEvent, 't'> & { t?: number }): void {
    if (!this.tracer.on) return;
    this.tracer.add({ t: Number(this.clock.now()), ...e });
    this.queueFlush();
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    setTimeout(() => {
      this.flushQueued = false;
      this.flushTrace();
    }, 5);
  }

  private flushTrace(): void {
    if (this.sent === this.trace.length) return;
    this.emit({ t: 'trace', events: this.trace.slice(this.sent), procs: this.procView() });
    this.sent = this.trace.length;
  }

  procView(): ProcView[] {
    return [...this.procs.values()].map((p) => ({
      pid: p.pid,
      state: statename(p),
      sys: p.sc ? sysname(p.sc.num) : null,
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
    this.end(`abort: ${text}`.slice(0, ERRMAX - 1), 1, 'core abort');
  }

  /** Tear down: wake every M with its DEAD word set, then end their workers. */
  end(exitString: string, code: number, reason: string): void {
    if (this.ended) return;
    this.record({ kind: 'end', pid: 0, text: exitString, reason });
    this.ended = true;
    this.clock.stop();
    for (const p of this.procs.values()) {
      const m = this.mbox(p);
      Atomics.store(this.i32, (m + MboxX.DEAD) >> 2, 1);
      Atomics.store(this.i32, (m + Mbox.ATTN) >> 2, 1);
      Atomics.store(this.i32, (m + Mbox.STATE) >> 2, MboxState.DONE);
      Atomics.notify(this.i32, (m + Mbox.STATE) >> 2);
    }
    this.flushTrace();
    const workers = [...this.procs.values()].map((p) => p.worker).concat(this.pool);
    this.pool = [];
    this.emit({ t: 'exit', exitString, code, reason });
    setTimeout(() => {
      for (const w of workers) if (w) void w.terminate();
    }, 0);
  }

  stop(reason: string, code: number): void {
    this.end('', code, reason);
  }
}

/** Plan 9's name for a proc's state, as /proc/n/status shows it (4e statename, psstate). */
export function statename(p: Proc): string {
  switch (p.state) {
    case 'starting': return 'New';
    case 'ready': case 'woken': return 'Ready';
    case 'running': return 'Running';
    case 'broken': return 'Broken';
    case 'dead': return 'Moribund';
    case 'kernel': case 'blocked': {
      // 4e sets psstate to the call's name while in a system call.
      const n = p.sc ? sysname(p.sc.num) : 'Syscall';
      return n.charAt(0).toUpperCase() + n.slice(1);
    }
  }
}

/** 4e's %q: quote with '' when empty or when the text holds a space or a quote. */
function quote(s: string): string {
  if (s !== '' && !/[\s']/.test(s)) return s;
  return `'${s.replace(/'/g, "''")}'`;
}

/** docs/language.md: "" -> 0, a decimal n -> n, any other text -> 1. */
export function exitCode(s: string): number {
  if (s === '') return 0;
  if (/^[0-9]+$/.test(s)) return Number(s) & 255;
  return 1;
}
