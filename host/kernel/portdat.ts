// The kernel's data: Proc, Rendez, notes and the call in progress (4e
// port/portdat.h). What is done with them is in proc.ts (sleep/wakeup,
// postnote, newproc, pexit, the scheduler) and trap.ts (call entry and exit,
// notify, noted); docs/plan9-notes.md §1.2-1.8.
import type { Peer } from '../platform/index.js';
import type { Timer } from './clock.js';
import type { Fgrp } from './dev/dev.js';

/** 4e port/portdat.h: where a note came from. */
export const NUser = 0;
export const NExit = 1;
export const NDebug = 2;

/** noted(2) modes beyond NCONT/NDFLT (defs.ts), which only the kernel needs (4e libc.h). */
export const NSAVE = 2;
export const NRSTR = 3;

/**
 * starting: its worker has not yet made PROCSTART; running: outside the
 * kernel; kernel: a call is being run; blocked: asleep; woken: its sleep
 * ended and the call will be re-tried when it next runs; ready: the call's
 * result waits for the proc to run; dead: exited.
 */
export type ProcState = 'starting' | 'ready' | 'woken' | 'running' | 'kernel' | 'blocked' | 'broken' | 'dead';

export interface Note {
  text: string;
  flag: number;
  /** Already reported as held (the proc was in its handler). */
  held?: boolean;
  /** " pc=..." already appended (a sys: note seen by notify). */
  pc?: boolean;
}

/** A place to sleep. Unlike Plan 9's, several procs may sleep on one; wakeup wakes them all and each re-checks. */
export class Rendez {
  readonly procs = new Set<Proc>();
}

/**
 * What a call that must wait returns instead of a result: sleep on r (if
 * any) until woken, or until `until` (kernel clock, ns) passes.
 */
export class Block {
  constructor(readonly r: Rendez | null, readonly until: bigint | null = null) {}
}

/** What a call that does not return to its proc yields (exits, a killing noted). */
export const NORET = Symbol('noreturn');
export type SysResult = bigint | Block | typeof NORET;

/** The call in progress: its number, its six words, and scratch state kept across wakeups. */
export interface Syscall {
  num: number;
  args: bigint[];
  /** Call-specific progress, e.g. a write whose data is already queued. */
  x: Record<string, unknown>;
  /** When it entered the kernel: the run's clock (ns) and the wall clock (ms since 1970). */
  t0: bigint;
  wall0: number;
  /** The calling goroutine's core position (Mbox.POS; 0 when the core does not trace). */
  pos: number;
  /** The Go operation that made it (Mbox.OP: func index + 1 of net.(*conn).Read; 0 none or untraced). */
  op: number;
}

export class Proc {
  state: ProcState = 'starting';
  /** Its M's thread; null while a call sleeps detached (trap.ts detach) and once it is dead. */
  worker: Peer | null = null;
  /** The worker a detached proc left, until it has unwound and said so (Kernel.detached). */
  leaving: Peer | null = null;
  /** A detached proc's call ended before its worker had left: resume it when it has. */
  resumeDue = false;
  /** Where the core goes on when a detached call ends (the call's Mbox.RESUME). */
  resumeKind = 0;
  /** The proc's trace ring (startproc), given again to the worker that resumes it. */
  ring: SharedArrayBuffer | null = null;
  noteid: number;
  /** A handler is registered (notify with a nonzero address). */
  notify = false;
  notified = false;
  notes: Note[] = [];
  lastnote: Note | null = null;
  notepending = false;
  /**
   * Who set notepending with ctl interrupt (a pid, or the host), until the
   * call it ends uses it or nointerrupt clears it: the pending-call table
   * and the trace say who ended a call.
   */
  interruptedBy: number | 'host' | null = null;
  procctl: 'exitme' | null = null;
  errstr = '';
  sc: Syscall | null = null;
  /** A call that came back unrun to have the P handed off (trap.ts wouldsleep), until it is made again. */
  again: Syscall | null = null;
  /** Where the proc sleeps, and its timeout. */
  r: Rendez | null = null;
  tmo: Timer | null = null;
  alarm: Timer | null = null;
  /** The result waiting to be returned when the proc next runs. */
  ret = 0n;
  /** Set for calls whose exit delivers no note: rfork, procstart. */
  nonotify = false;
  /**
   * A note was posted before the proc first ran (New, or its PROCSTART not
   * yet returned). It is delivered on that first return to user mode: the
   * clock tick that lands before the child has set up its TLS g, where Go's
   * sigtramp can only badsignal2 (docs/plan9-notes.md §2.2, §5 item 19). Notes the
   * child inherited at rfork wait for its first system call instead.
   */
  early = false;
  exitString = '';
  /** The wait record's text the parent sees: "<text> <pid>: <msg>", or "" (4e pexit). */
  waitmsg = '';
  /** Who gets this proc's wait record (rfork without RFNOWAIT), and the records this proc has not collected yet. */
  parent: Proc | null = null;
  nchild = 0;
  waitq: string[] = [];
  readonly waitr = new Rendez();

  /** text: the program's name (4e up->text), used by pprint and the wait record. */
  constructor(readonly pid: number, noteid: number, public fgrp: Fgrp, readonly text: string) {
    this.noteid = noteid;
  }
}
