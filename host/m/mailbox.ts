// The M side of the syscall mailbox (docs/abi.md "A system call"), shared by
// the real M worker (host/m/worker.ts) and the test fixtures that stand in for
// core.wasm. Every wait happens here, in JS, never inside wasm (Node 20's
// Liftoff bug, docs/toolchain.md).
import { Ctl, Mbox, MboxState, MAILBOX_BASE, MAILBOX_SIZE, Sys, ERRMAX, TraceKind } from '../abi/defs.js';
import { wallNs } from '../platform/index.js';
import { MboxX, TEXT_MAX, TRACE_REC, TRACE_RECS, GlueCtl, SysX } from '../abi/glue.js';

/** Most loads an M spins for before it waits (docs/toolchain.md: ~5000 loads recover the cross-core wake). */
const SPIN_MAX = 4096;

/** Thrown to unwind an M whose proc the kernel has ended. */
export class ProcExit extends Error {
  constructor(readonly pid: number) {
    super(`proc ${pid} exited`);
  }
}

/**
 * Thrown to unwind an M whose call sleeps detached (MboxState.DETACHED,
 * Mbox.RESUME): nothing on its wasm stack is needed, the worker is free for
 * another proc, and a worker that resumes this one starts at the core's
 * sysresume (host/m/start.ts).
 */
export class Detached extends Error {
  constructor(readonly pid: number) {
    super(`proc ${pid} detached`);
  }
}

export class Mach {
  readonly base: number;
  /** The core's note entry point; fixtures install a JS function here. */
  sigtramp: ((note: number, len: number) => number) | null = null;
  /** The core's syscallblock: hand the P off before a call made keeping it sleeps. */
  syscallblock: (() => void) | null = null;
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
  /** The trace ring (null when the run is not traced) and its records in use. */
  private readonly ring32: Int32Array | null;
  private readonly ring64: BigInt64Array | null;
  private ringN = 0;
  /** Loads to spin for at the next call: doubled when a spin caught the reply, halved when it did not. */
  private spin = 256;
  private readonly bootWall: bigint;
  private readonly realtime: boolean;

  constructor(readonly memory: WebAssembly.Memory, readonly pid: number, ring: SharedArrayBuffer | null = null) {
    this.base = MAILBOX_BASE + pid * MAILBOX_SIZE;
    this.ring32 = ring && new Int32Array(ring);
    this.ring64 = ring && new BigInt64Array(ring);
    this.views();
    this.realtime = Atomics.load(this.i32, Ctl.REALTIME >> 2) !== 0;
    this.bootWall = Atomics.load(this.i64, Ctl.BOOT_WALL_NS >> 3);
  }

  /** Views go stale when any thread grows the memory (docs/toolchain.md). */
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

  /** host.trace: into the ring, handed to the kernel with the next call. */
  trace(kind: number, a: bigint, b: bigint, c: bigint, pos = 0n): void {
    const r64 = this.ring64;
    if (r64 === null) return; // untraced: the kernel would drop it anyway
    if (this.ringN === TRACE_RECS) this.flush();
    const r = this.ringN++ * (TRACE_REC >> 3);
    r64[r] = this.nanotime();
    this.ring32![(r + 1) << 1] = kind;
    r64[r + 2] = a;
    r64[r + 3] = b;
    r64[r + 4] = c;
    r64[r + 5] = pos;
  }

  /**
   * host.syscall, with the note delivery of docs/abi.md step 4. A call made
   * keeping the P (Mbox.KEEPSP) that would sleep comes back unrun with
   * MboxX.SLEEPS set: the core hands its P off (syscallblock, which may make
   * calls of its own) and the call is made again, this time to sleep.
   */
  syscall(num: number, a0 = 0n, a1 = 0n, a2 = 0n, a3 = 0n, a4 = 0n, a5 = 0n): bigint {
    const args = [a0, a1, a2, a3, a4, a5];
    let ret = this.call(num, args);
    while (Atomics.load(this.i32, (this.base + MboxX.SLEEPS) >> 2) === 1) {
      if (!this.syscallblock) throw new Error(`pid ${this.pid}: a call would sleep but the glue has no syscallblock`);
      Atomics.store(this.i32, (this.base + MboxX.SLEEPS) >> 2, 0);
      this.syscallblock();
      this.views();
      Atomics.store(this.i32, (this.base + MboxX.SLEEPS) >> 2, 2);
      ret = this.call(num, args);
    }
    this.deliver();
    return ret;
  }

  /**
   * host.resumed: the result of the call this proc slept in detached, on the
   * worker that resumes it (the kernel stored it and set STATE=DONE), with
   * the notes delivered as on any return.
   */
  resumed(): bigint {
    this.views();
    const st = (this.base + Mbox.STATE) >> 2;
    if (Atomics.load(this.i32, (this.base + MboxX.DEAD) >> 2) !== 0) throw new ProcExit(this.pid);
    Atomics.store(this.i32, st, MboxState.IDLE);
    const ret = Atomics.load(this.i64, (this.base + Mbox.RET) >> 3);
    this.deliver();
    return ret;
  }

  /** Hand every note the kernel moved to NOTE to sigtramp, one NOTED each. */
  private deliver(): void {
    const m = this.base;
    for (;;) {
      this.views();
      const len1 = Atomics.load(this.i32, (m + Mbox.NOTE_LEN) >> 2);
      if (len1 === 0) return; // 1 + the length: an empty note is delivered too
      // Cleared before the handler runs: its own calls must not see it again.
      Atomics.store(this.i32, (m + Mbox.NOTE_LEN) >> 2, 0);
      if (!this.sigtramp) throw new Error(`pid ${this.pid}: note delivered but no sigtramp`);
      const mode = this.sigtramp(m + Mbox.NOTE, len1 - 1);
      this.call(Sys.NOTED, [BigInt(mode), 0n, 0n, 0n, 0n, 0n]);
    }
  }

  /** One mailbox round trip: publish, ring, wait in JS. */
  private call(num: number, args: bigint[]): bigint {
    this.views();
    const m = this.base;
    // The ring's records ride on this call (the kernel drains it at entry).
    Atomics.store(this.i32, (m + MboxX.TRACE_N) >> 2, this.ringN);
    this.ringN = 0;
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
    // First: the kernel may end a detached proc before its M has left, and leaves STATE for it to see.
    if (Atomics.load(this.i32, st) === MboxState.DETACHED) throw new Detached(this.pid);
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

  /** The ring is full: hand it over in a TRACEFLUSH round trip (no scheduling, no notes). */
  private flush(): void {
    this.views();
    const m = this.base;
    Atomics.store(this.i32, (m + MboxX.TRACE_N) >> 2, this.ringN);
    this.ringN = 0;
    Atomics.store(this.i32, (m + Mbox.NUM) >> 2, SysX.TRACEFLUSH);
    this.ring();
  }

  /** The core aborted (env.abort) or trapped: tell the kernel, which ends the run. */
  abort(text: string): never {
    this.views();
    const m = this.base;
    const b = new TextEncoder().encode(text).subarray(0, TEXT_MAX);
    this.u8.set(b, m + MboxX.TEXT);
    Atomics.store(this.i32, (m + MboxX.TEXT_N) >> 2, b.length);
    Atomics.store(this.i32, (m + MboxX.TRACE_N) >> 2, this.ringN);
    this.ringN = 0;
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
