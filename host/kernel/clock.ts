// The kernel's clock and timers (docs/design.md "Time and determinism").
// Virtual: time is a number the kernel advances, only when every proc is
// blocked, straight to the next timer. Real: the wall clock since boot, with
// timers on setTimeout.
import { wallNs } from '../platform/index.js';

export interface Timer {
  when: bigint;
  seq: number;
  fn: () => void;
  dead: boolean;
  /**
   * A host action (--note, --interrupt, a replayed Machine action): among
   * timers due at the same time it fires after the program's, as a live one
   * that arrives while a proc runs is taken after the program's timers of
   * that kernel entry (docs/decisions.md "Host actions in virtual time").
   */
  host: boolean;
}

export class Clock {
  private vnow = 0n;
  private timers: Timer[] = [];
  private seq = 0;
  private armed: ReturnType<typeof setTimeout> | null = null;
  readonly bootWall: bigint;
  /** Called after real-time timers fired, so the kernel can reschedule. */
  onFire: () => void = () => {};

  constructor(readonly virtual: boolean, private readonly publish: (ns: bigint) => void) {
    // Virtual runs start on Go playground's epoch, so time.Now prints the same every run.
    this.bootWall = virtual ? 1257894000n * 1000000000n : wallNs();
  }

  now(): bigint {
    return this.virtual ? this.vnow : wallNs() - this.bootWall;
  }

  add(when: bigint, fn: () => void, host = false): Timer {
    const t: Timer = { when, seq: this.seq++, fn, dead: false, host };
    let i = this.timers.length;
    while (i > 0 && (this.timers[i - 1].when > when || (!host && this.timers[i - 1].host && this.timers[i - 1].when === when))) i--;
    this.timers.splice(i, 0, t);
    if (!this.virtual) this.arm();
    return t;
  }

  cancel(t: Timer | null): void {
    if (!t || t.dead) return;
    t.dead = true;
    const i = this.timers.indexOf(t);
    if (i >= 0) this.timers.splice(i, 1);
  }

  pending(): boolean {
    return this.timers.length > 0;
  }

  /** Virtual time: jump to the earliest timer and fire every timer due then. */
  advance(): bigint {
    const t = this.timers[0];
    if (t.when > this.vnow) {
      this.vnow = t.when;
      this.publish(this.vnow);
    }
    this.fireDue();
    return this.vnow;
  }

  /**
   * Virtual time: the running proc computed for ns. Time moves on by that
   * much and the timers it passed fire, in order, each at its own time.
   */
  charge(ns: bigint): void {
    if (!this.virtual || ns <= 0n) return;
    const end = this.vnow + ns;
    while (this.timers.length > 0 && this.timers[0].when <= end) {
      const t = this.timers.shift()!;
      if (t.when > this.vnow) this.vnow = t.when;
      this.publish(this.vnow);
      t.dead = true;
      t.fn();
    }
    this.vnow = end;
    this.publish(this.vnow);
  }

  /**
   * Virtual time: the host acts while the run waits for it (no proc can
   * enter the kernel). Its action takes 1 ns, so that, recorded at the time
   * it took effect and replayed as a timer, it fires where it came: when the
   * run next waits, not at the entry that made it wait.
   */
  tick1(): void {
    if (!this.virtual) return;
    this.vnow += 1n;
    this.publish(this.vnow);
  }

  fireDue(): void {
    const now = this.now();
    while (this.timers.length > 0 && this.timers[0].when <= now) {
      const t = this.timers.shift()!;
      t.dead = true;
      t.fn();
    }
  }

  private arm(): void {
    if (this.armed) clearTimeout(this.armed);
    this.armed = null;
    if (this.timers.length === 0) return;
    const ms = Number(this.timers[0].when - this.now()) / 1e6;
    this.armed = setTimeout(() => {
      this.armed = null;
      this.fireDue();
      this.arm();
      this.onFire();
    }, Math.max(0, Math.ceil(ms)));
  }

  stop(): void {
    if (this.armed) clearTimeout(this.armed);
    this.armed = null;
    this.timers = [];
  }
}

/** xorshift64*: the one source of every scheduling choice in virtual time. */
export class Rand {
  private s: bigint;
  constructor(seed: number | bigint) {
    // splitmix64's finalizer first: xorshift moves a seed's high bits into
    // the low ones only over several steps, so seeds that differ above bit 32
    // (s and s + 2^32) made the same first choices.
    let z = (BigInt(seed) + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    this.s = z ^ (z >> 31n);
    if (this.s === 0n) this.s = 1n;
  }
  next(): bigint {
    let x = this.s;
    x ^= x >> 12n;
    x ^= (x << 25n) & 0xffffffffffffffffn;
    x ^= x >> 27n;
    this.s = x;
    return (x * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn;
  }
  intn(n: number): number {
    return Number(this.next() % BigInt(n));
  }
}
