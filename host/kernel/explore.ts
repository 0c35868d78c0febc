// p9rt explore's side of the kernel (docs/explore.md): a run driven by a
// schedule. The schedule forces runnable-G choices in the core (laid out in
// the control page at boot, assembly/runtime/explore.ts), makes chosen timed
// sleeps end late and chosen wakeups take effect late, in virtual time, and
// posts notes at chosen system-call boundaries. Every perturbation is
// numbered by the order in which the run meets its kind (the n-th timed
// sleep, the n-th wakeup, the n-th call), which virtual time makes the same
// in every run with the same schedule: so a run is replayed exactly from the
// list of what was applied, and a list with entries removed is still a
// schedule (how failures are shrunk).
import { Ctl, EXPLORE_MAX } from '../abi/defs.js';
import { Rand } from './clock.js';

/** Where, in a system call, an injected note is posted (docs/explore.md "Notes"). */
export type NotePhase = 'entry' | 'sleep' | 'exit';

/** A note a schedule posts: at the n-th call boundary of its kind that a proc matching `target` reaches. */
export interface KInjectedNote {
  n: number;
  phase: NotePhase;
  text: string;
}

/** What to draw, for a run that explores rather than replays. */
export interface KDraw {
  /** Seeds the draws (the run's seed: each run of a search draws differently). */
  seed: string;
  /** Timed sleeps: each ends late with probability `p`, by lo..hi ns (uniform). */
  timer: { lo: number; hi: number; p: number } | null;
  /** Wakeups of sleeping calls: each takes effect late with probability `p`, by lo..hi ns. */
  wake: { lo: number; hi: number; p: number } | null;
  /** Notes to inject: each at one call boundary drawn from the first `calls` (0: none). */
  notes: { text: string; target: 'main' | 'any' | number; phases: NotePhase[] }[];
  /** How many call boundaries a run makes, as far as known (the search's first run): the range injected notes are drawn from. */
  calls: number;
  /** Stepping windows: `windows` of them, each at a return to user mode drawn among the first `exits`, stepping 1..max safepoints. */
  step: { windows: number; max: number; exits: number } | null;
}

/** The kernel's part of a schedule. Lists are sorted by their first element. */
export interface KSchedule {
  /** Forced runnable-G choices [step, pick]: at choice point `step` the core runs candidate (pick mod n). */
  picks: [number, number][];
  /** [n, ns]: the n-th timed sleep ends ns late. */
  timers: [number, number][];
  /** [n, ns]: the n-th wakeup of a sleeping call takes effect ns late. */
  wakes: [number, number][];
  /** Notes posted at call boundaries; target: who may receive it. */
  notes: (KInjectedNote & { target: 'main' | 'any' | number })[];
  /**
   * Stepping windows [n, count]: from the run's n-th return to user mode,
   * that proc enters the kernel (a TICK) at each of its next `count`
   * safepoints, as if the clock interrupt came at every call and backward
   * jump: timers come due, and another goroutine or proc may run, at any of
   * them. Absent: none.
   */
  steps?: [number, number][];
  /** Draw more perturbations than those listed (exploring), or none (replaying). */
  draw?: KDraw;
}

/** What the run did under its schedule: reported with its exit. */
export interface KExplored {
  /** Runtime choice points passed (findrunnable with two or more runnable Gs). */
  steps: number;
  /** The forced choices the run reached (a prefix of the schedule's picks). */
  picks: [number, number][];
  /** Every lateness applied, listed or drawn. */
  timers: [number, number][];
  wakes: [number, number][];
  notes: (KInjectedNote & { target: 'main' | 'any' | number })[];
  /** The stepping windows opened. */
  windows: [number, number][];
  /** Timed sleeps, wakeups, call boundaries and returns to user mode the run made. */
  ntimers: number;
  nwakes: number;
  ncalls: number;
  nexits: number;
  /** The run's interleaving: its sequence of G choices, proc choices, calls and notes, hashed. */
  hash: string;
}

/** FNV-1a over 32-bit words. */
function mix(h: number, w: number): number {
  for (let i = 0; i < 4; i++) {
    h ^= (w >>> (i * 8)) & 0xff;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

export class Explorer {
  private ntimers = 0;
  private nwakes = 0;
  private ncalls = 0;
  private nexits = 0;
  private readonly steps: Map<number, number>;
  /** Procs in a stepping window: safepoints left. */
  private readonly stepping = new Map<number, number>();
  private readonly timers: Map<number, number>;
  private readonly wakes: Map<number, number>;
  private readonly applied = { timers: [] as [number, number][], wakes: [] as [number, number][], notes: [] as KExplored['notes'], steps: [] as [number, number][] };
  private readonly rand: Rand | null;
  private readonly notes: KSchedule['notes'];
  private hash = 2166136261;

  constructor(private readonly s: KSchedule) {
    if (s.picks.length > EXPLORE_MAX) throw new Error(`schedule: ${s.picks.length} forced choices; at most ${EXPLORE_MAX}`);
    this.timers = new Map(s.timers);
    this.wakes = new Map(s.wakes);
    this.rand = s.draw ? new Rand(BigInt(s.draw.seed) ^ 0x5bd1e995n) : null;
    this.notes = [...s.notes];
    this.steps = new Map(s.steps ?? []);
    const d = s.draw;
    if (d?.step && this.rand && d.step.exits > 0) {
      for (let w = 0; w < d.step.windows; w++) {
        const n = this.rand.intn(d.step.exits);
        this.steps.set(n, 1 + this.rand.intn(d.step.max));
      }
    }
    if (d && this.rand && d.calls > 0) {
      for (const n of d.notes) {
        const phase = n.phases[this.rand.intn(n.phases.length)];
        this.notes.push({ n: this.rand.intn(d.calls), phase, text: n.text, target: n.target });
      }
    }
  }

  /** Boot: the forced choices into the control page, for the core. */
  boot(i32: Int32Array): void {
    Atomics.store(i32, Ctl.EXPLORE >> 2, 1);
    Atomics.store(i32, Ctl.EXPLORE_STEP >> 2, 0);
    Atomics.store(i32, Ctl.EXPLORE_NEXT >> 2, 0);
    Atomics.store(i32, Ctl.EXPLORE_HASH >> 2, 0x811c9dc5 | 0);
    const picks = [...this.s.picks].sort((a, b) => a[0] - b[0]);
    Atomics.store(i32, Ctl.EXPLORE_N >> 2, picks.length);
    picks.forEach(([step, pick], i) => {
      Atomics.store(i32, (Ctl.EXPLORE_TABLE >> 2) + 2 * i, step);
      Atomics.store(i32, (Ctl.EXPLORE_TABLE >> 2) + 2 * i + 1, pick);
    });
  }

  private draw(d: { lo: number; hi: number; p: number } | null): number {
    if (!d || !this.rand) return 0;
    // Both draws are made either way, so one perturbation's presence does not shift the others'.
    const hit = this.rand.intn(1 << 30) < d.p * (1 << 30);
    const ns = d.lo + this.rand.intn(d.hi - d.lo + 1);
    return hit ? ns : 0;
  }

  /** A timed sleep begins: how late (ns) its time comes. */
  timerLate(): bigint {
    const n = this.ntimers++;
    const ns = this.timers.get(n) ?? this.draw(this.s.draw?.timer ?? null);
    if (ns > 0) this.applied.timers.push([n, ns]);
    return BigInt(ns);
  }

  /** A sleeping call is woken: how late (ns) that takes effect. */
  wakeLate(): bigint {
    const n = this.nwakes++;
    const ns = this.wakes.get(n) ?? this.draw(this.s.draw?.wake ?? null);
    if (ns > 0) this.applied.wakes.push([n, ns]);
    return BigInt(ns);
  }

  /** Timed sleeps and wakeups met so far. */
  timersMet(): number {
    return this.ntimers;
  }
  wakesMet(): number {
    return this.nwakes;
  }

  /** A call enters the kernel: its number among the run's calls. */
  call(): number {
    return this.ncalls++;
  }

  /** Call n of pid reaches `phase`: the note to post there, if any. */
  note(pid: number, n: number, phase: NotePhase): string | null {
    for (const x of this.notes) {
      if (x.n !== n || x.phase !== phase) continue;
      if (x.target !== 'any' && (x.target === 'main' ? 1 : x.target) !== pid) continue;
      this.applied.notes.push(x);
      return x.text;
    }
    return null;
  }

  /**
   * A proc returns to user mode: 'on' when its next safepoint must enter
   * the kernel (it is in a stepping window), 'off' when a window just ended
   * (the attention word may be cleared), null when no window concerns it.
   */
  exit(pid: number): { attn: 'on' | 'off' | null; opened: [number, number] | null } {
    const n = this.nexits++;
    const c = this.steps.get(n);
    let opened: [number, number] | null = null;
    if (c !== undefined && c > 0) {
      this.stepping.set(pid, c);
      opened = [n, c];
      this.applied.steps.push(opened);
    }
    const left = this.stepping.get(pid);
    if (left === undefined) return { attn: null, opened };
    if (left <= 0) {
      this.stepping.delete(pid);
      return { attn: 'off', opened };
    }
    this.stepping.set(pid, left - 1);
    return { attn: 'on', opened };
  }

  /** Fold one event of the interleaving (a call, a proc chosen, a note) into its hash. */
  see(a: number, b: number): void {
    this.hash = mix(mix(this.hash, a), b);
  }

  /** At the end of the run: what it did. */
  report(i32: Int32Array): KExplored {
    const next = Atomics.load(i32, Ctl.EXPLORE_NEXT >> 2);
    const core = Atomics.load(i32, Ctl.EXPLORE_HASH >> 2) >>> 0;
    return {
      steps: Atomics.load(i32, Ctl.EXPLORE_STEP >> 2),
      picks: [...this.s.picks].sort((a, b) => a[0] - b[0]).slice(0, next),
      timers: this.applied.timers,
      wakes: this.applied.wakes,
      notes: this.applied.notes,
      windows: this.applied.steps,
      ntimers: this.ntimers,
      nwakes: this.nwakes,
      ncalls: this.ncalls,
      nexits: this.nexits,
      hash: core.toString(16).padStart(8, '0') + this.hash.toString(16).padStart(8, '0'),
    };
  }
}
