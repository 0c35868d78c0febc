// The M side of the syscall mailbox (docs/abi.md "A system call"), shared by
// the real M worker (host/m/worker.ts) and the test fixtures that stand in for
// core.wasm. Every wait happens here, in JS, never inside wasm (Node 20's
// Liftoff bug, toolchain-facts.md).
import { Ctl, Mbox, MboxState, MAILBOX_BASE, MAILBOX_SIZE, Sys, ERRMAX, TraceKind } from '../abi/defs.js';
import { wallNs } from '../platform/index.js';

/**
 * The upper half of each mailbox belongs to the M glue and the kernel only
 * (the core never touches it), so it is defined here rather than in defs.ts:
 *   DEAD     set by the kernel when it ended this proc (exits, a killing
 *            note, teardown): the glue unwinds instead of returning.
 *   TRACE_N  number of core trace records in TRACE, handed over with the
 *            next call so core and kernel events interleave deterministically.
 *   TRACE    TRACE_MAX records of TRACE_REC bytes: t i64, kind i32, pad, a, b, c i64.
 *   CHARGE   i64: bytecode instructions the core interpreted since this
 *            proc's last kernel entry, added by the glue before each call;
 *            the kernel charges them to the virtual clock and zeroes it.
 */
export const MboxX = { DEAD: 256, TRACE_N: 260, TRACE: 264, CHARGE: 504 };
export const TRACE_REC = 40;

/**
 * pid 0 has no proc, so its mailbox holds words for every M's glue:
 *   SPIN  i32: nonzero when an M may spin before Atomics.wait. The kernel
 *         sets it only while the threads that can run at once (the kernel,
 *         plus every live proc in real time or the one running proc in
 *         virtual time) fit on the machine's cores: spinning when threads
 *         outnumber cores steals the CPU from the thread being waited for.
 */
export const GlueCtl = { SPIN: MAILBOX_BASE + 0 };
/** Most loads an M spins for before it waits (toolchain-facts: ~5000 loads recover the cross-core wake). */
const SPIN_MAX = 4096;
export const TRACE_MAX = 6;

/**
 * Glue-only pseudo calls (the core never makes them):
 *   TRACEFLUSH  hands over a full TRACE area; no scheduling, no note delivery.
 *   ABORT       the core aborted or trapped: TRACE holds the text, TRACE_N
 *               its length; the kernel ends the run.
 */
export const SysX = { TRACEFLUSH: 1100, ABORT: 1101 };

/** Thrown to unwind an M whose proc the kernel has ended. */
export class ProcExit extends Error {
  constructor(readonly pid: number) {
    super(`proc ${pid} exited`);
  }
}

type CoreEvent = { t: bigint; kind: number; a: bigint; b: bigint; c: bigint };

export class Mach {
  readonly base: number;
  /** The core's note entry point; fixtures install a JS function here. */
  sigtramp: ((note: number, len: number) => number) | null = null;
  /**
   * Takes (reads and zeroes) the core's count of bytecode instructions run
   * on this M since the last call; the worker installs it from the core's
   * exported `uncharged` global. Null for fixtures, which charge nothing.
   */
  insns: (() => bigint) | null = null;
  private buf!: ArrayBuffer;
  private i32!: Int32Array;
  private i64!: BigInt64Array;
  private u8!: Uint8Array;
  private pending: CoreEvent[] = [];
  /** Loads to spin for at the next call: doubled when a spin caught the reply, halved when it did not. */
  private spin = 256;
  private readonly bootWall: bigint;
  private readonly realtime: boolean;

  constructor(readonly memory: WebAssembly.Memory, readonly pid: number) {
    this.base = MAILBOX_BASE + pid * MAILBOX_SIZE;
    this.views();
    this.realtime = Atomics.load(this.i32, Ctl.REALTIME >> 2) !== 0;
    this.bootWall = Atomics.load(this.i64, Ctl.BOOT_WALL_NS >> 3);
  }

  /** Views go stale when any thread grows the memory (toolchain-facts). */
  private views(): void {
    if (this.buf === this.memory.buffer) return;
    this.buf = this.memory.buffer;
    this.i32 = new Int32Array(this.buf);
    this.i64 = new BigInt64Array(this.buf);
    this.u8 = new Uint8Array(this.buf);
  }

  bytes(): Uint8Array {
    this.views();
    return this.u8;
  }

  /** host.nanotime: no kernel entry. */
  nanotime(): bigint {
    this.views();
    if (this.realtime) return wallNs() - this.bootWall;
    return Atomics.load(this.i64, Ctl.CLOCK_NS >> 3);
  }

  /** host.trace: buffered, handed to the kernel with the next call. */
  trace(kind: number, a: bigint, b: bigint, c: bigint): void {
    this.pending.push({ t: this.nanotime(), kind, a, b, c });
  }

  /** host.syscall, with the note delivery of docs/abi.md step 4. */
  syscall(num: number, a0 = 0n, a1 = 0n, a2 = 0n, a3 = 0n, a4 = 0n, a5 = 0n): bigint {
    const ret = this.call(num, [a0, a1, a2, a3, a4, a5]);
    this.deliver();
    return ret;
  }

  /** Hand every note the kernel moved to NOTE to sigtramp, one NOTED each. */
  private deliver(): void {
    const m = this.base;
    for (;;) {
      this.views();
      const len = Atomics.load(this.i32, (m + Mbox.NOTE_LEN) >> 2);
      if (len <= 0) return;
      // Cleared before the handler runs: its own calls must not see it again.
      Atomics.store(this.i32, (m + Mbox.NOTE_LEN) >> 2, 0);
      if (!this.sigtramp) throw new Error(`pid ${this.pid}: note delivered but no sigtramp`);
      const mode = this.sigtramp(m + Mbox.NOTE, len);
      this.call(Sys.NOTED, [BigInt(mode), 0n, 0n, 0n, 0n, 0n]);
    }
  }

  /** One mailbox round trip: publish, ring, wait in JS. */
  private call(num: number, args: bigint[]): bigint {
    this.flush(false);
    this.views();
    const m = this.base;
    // Compute since the last kernel entry, for the virtual clock (MboxX.CHARGE).
    const n = this.insns?.() ?? 0n;
    if (n > 0n) Atomics.add(this.i64, (m + MboxX.CHARGE) >> 3, n);
    Atomics.store(this.i32, (m + Mbox.NUM) >> 2, num);
    for (let i = 0; i < 6; i++) Atomics.store(this.i64, (m + Mbox.ARGS + 8 * i) >> 3, args[i] ?? 0n);
    return this.ring();
  }

  private ring(): bigint {
    const m = this.base;
    const st = (m + Mbox.STATE) >> 2;
    Atomics.store(this.i32, st, MboxState.PENDING);
    Atomics.add(this.i32, Ctl.DOORBELL >> 2, 1);
    Atomics.notify(this.i32, Ctl.DOORBELL >> 2);
    if (Atomics.load(this.i32, GlueCtl.SPIN >> 2) !== 0) this.spinwait(st);
    while (Atomics.load(this.i32, st) === MboxState.PENDING) Atomics.wait(this.i32, st, MboxState.PENDING);
    this.views();
    if (Atomics.load(this.i32, (m + MboxX.DEAD) >> 2) !== 0) throw new ProcExit(this.pid);
    Atomics.store(this.i32, st, MboxState.IDLE);
    return Atomics.load(this.i64, (m + Mbox.RET) >> 3);
  }

  /** Adaptive spin: cheap when the kernel answers at once on another core, short when it does not. */
  private spinwait(st: number): void {
    for (let i = 0; i < this.spin; i++) {
      if (Atomics.load(this.i32, st) !== MboxState.PENDING) {
        this.spin = Math.min(SPIN_MAX, this.spin * 2);
        return;
      }
    }
    this.spin = Math.max(16, this.spin >> 1);
  }

  /** Move buffered core events into the mailbox; a full area costs a TRACEFLUSH. */
  private flush(all: boolean): void {
    this.views();
    const m = this.base;
    while (this.pending.length > 0) {
      const n = Math.min(TRACE_MAX, this.pending.length);
      for (let i = 0; i < n; i++) {
        const e = this.pending[i];
        const r = m + MboxX.TRACE + i * TRACE_REC;
        this.i64[r >> 3] = e.t;
        this.i32[(r + 8) >> 2] = e.kind;
        this.i64[(r + 16) >> 3] = e.a;
        this.i64[(r + 24) >> 3] = e.b;
        this.i64[(r + 32) >> 3] = e.c;
      }
      this.pending.splice(0, n);
      Atomics.store(this.i32, (m + MboxX.TRACE_N) >> 2, n);
      if (this.pending.length === 0 && !all) return; // rides on the call being made
      Atomics.store(this.i32, (m + Mbox.NUM) >> 2, SysX.TRACEFLUSH);
      this.ring();
    }
  }

  /** The core aborted (env.abort) or trapped: tell the kernel, which ends the run. */
  abort(text: string): never {
    this.pending = [];
    this.views();
    const m = this.base;
    const b = new TextEncoder().encode(text).subarray(0, TRACE_MAX * TRACE_REC);
    this.u8.set(b, m + MboxX.TRACE);
    Atomics.store(this.i32, (m + MboxX.TRACE_N) >> 2, b.length);
    Atomics.store(this.i32, (m + Mbox.NUM) >> 2, SysX.ABORT);
    this.ring();
    throw new ProcExit(this.pid);
  }

  /** Fixtures: charge n instructions of compute with the next call, as the core's counter would. */
  spend(n: bigint): void {
    this.views();
    Atomics.add(this.i64, (this.base + MboxX.CHARGE) >> 3, n);
  }

  // Helpers for strings in shared memory (fixtures, abort text).
  readString(addr: number, len: number): string {
    return new TextDecoder().decode(this.bytes().slice(addr, addr + len));
  }
  writeString(addr: number, s: string): number {
    const b = new TextEncoder().encode(s);
    this.bytes().set(b, addr);
    return b.length;
  }
}

export { ERRMAX, TraceKind };
