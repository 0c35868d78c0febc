// The way into and out of the kernel (4e pc/trap.c): a call arrives in the
// proc's mailbox (docs/abi.md "A system call"), runs to a result, an error or
// a sleep, and on the way back to user mode notify() hands the head note to
// the core's sigtramp; noted() ends the handler (docs/plan9-notes.md §1.4-1.8).
// Where the core takes the note from there: assembly/README.md.
import { ERRMAX, MAILBOX_BASE, MAILBOX_SIZE, Mbox, MboxState, NCONT, NDFLT, Sys } from '../abi/defs.js';
import { GlueCtl, MboxX, SysX, TRACE_REC } from '../abi/glue.js';
import { consMasks } from './dev/cons.js';
import type { Chan } from './dev/dev.js';
import { BadAddr, Eintr, Ebadarg, KError } from './error.js';
import type { Kernel } from './kernel.js';
import { pcsuffix } from './notes.js';
import { Block, NDebug, NORET, NRSTR, NSAVE, NUser, type Note, type Proc, type SysResult, type Syscall } from './portdat.js';
import { attach, explorenote, pexit, postnote, pprint, sleep } from './proc.js';
import { syscalls, sysname } from './syscalls.js';

/**
 * The price of compute in virtual time: each interpreted bytecode
 * instruction costs NS_PER_INSN ns of the run's clock. One bytecode op does
 * about what a few machine instructions of compiled Go do, so 1 ns is the
 * right order for a 2020s CPU, and it keeps the interpreter (tens of millions
 * of ops a second) within a small factor of real time.
 */
export const NS_PER_INSN = 1n;

/** The proc's mailbox: the words its M and the kernel exchange a call in. */
export function mbox(p: Proc): number {
  return MAILBOX_BASE + p.pid * MAILBOX_SIZE;
}

// ---- entry ------------------------------------------------------------------

/** The proc's mailbox holds a new call (the kernel's scan found it PENDING). */
export function entry(k: Kernel, p: Proc): void {
  k.incall = p;
  try {
    syscall(k, p);
  } finally {
    k.incall = null;
  }
}

function syscall(k: Kernel, p: Proc): void {
  const m = mbox(p);
  k.takeCons(); // output the procs wrote before this call comes before it
  takeTrace(k, p);
  const num = Atomics.load(k.i32, (m + Mbox.NUM) >> 2);
  if (num === SysX.TRACEFLUSH) {
    reply(k, p, 0n);
    return;
  }
  if (p.state === 'starting') k.starting--;
  if (k.running === p) k.running = null;
  p.state = 'kernel';
  charge(k, p);
  hostdue(k);
  if (num === SysX.ABORT) {
    const n = Atomics.load(k.i32, (m + MboxX.TEXT_N) >> 2);
    k.abort(p.pid, new TextDecoder().decode(k.u8.slice(m + MboxX.TEXT, m + MboxX.TEXT + n)));
    return;
  }
  const args: bigint[] = [];
  for (let i = 0; i < 6; i++) args.push(Atomics.load(k.i64, (m + Mbox.ARGS + 8 * i) >> 3));
  // The same call again after the P was handed off (MboxX.SLEEPS = 2): it
  // goes on with what it did at its first entry (a write's queued bytes, a
  // sleep's deadline, the Chan it holds, the goroutine's position: the
  // hand-off's own calls wrote Mbox.POS since). The calls syscallblock makes
  // meanwhile leave it waiting.
  const again = Atomics.exchange(k.i32, (m + MboxX.SLEEPS) >> 2, 0) === 2 && p.again?.num === num ? p.again : null;
  if (again) p.again = null;
  // Mbox.POS: where the calling goroutine is (written by a traced core only).
  p.sc = again ?? {
    num, args, x: {}, t0: k.clock.now(), wall0: Date.now(),
    pos: Number(Atomics.load(k.i64, (m + Mbox.POS) >> 3)),
    op: Atomics.load(k.i32, (m + Mbox.OP) >> 2),
  };
  // Made keeping the P (Mbox.KEEPSP): if it would sleep, say so first (step).
  if (Atomics.exchange(k.i32, (m + Mbox.KEEPSP) >> 2, 0) !== 0) p.sc.x.keepsp = true;
  // The core can go on from its result on a fresh stack (Mbox.RESUME): if it sleeps, it sleeps detached.
  const resume = Atomics.exchange(k.i32, (m + Mbox.RESUME) >> 2, 0);
  if (resume !== 0) p.sc.x.resume = resume;
  p.nonotify = num === Sys.RFORK || num === Sys.PROCSTART;
  if (num !== Sys.TICK && num !== Sys.PROCSTART) {
    const at = k.tracer.where(p.sc.pos);
    k.record({ kind: 'sys.enter', pid: p.pid, sys: sysname(num), args: p.sc.args.slice(0, 4).map(Number), ...at });
    // p9rt explore: number the call, fold it into the interleaving, and post a note the schedule has here.
    if (k.explore && !again) {
      p.sc.x.callno = k.explore.call();
      k.explore.see(p.pid, num);
      explorenote(k, p, 'entry');
    }
  }
  step(k, p);
}

/**
 * Virtual time: the proc was the only one running, so the instructions it
 * interpreted since its last kernel entry (MboxX.CHARGE, written by the
 * glue) are time that passed for everyone: advance the clock by them at
 * NS_PER_INSN and fire the timers that became due (their procs join the
 * ready list; a note they post waits for the next delivery point).
 */
function charge(k: Kernel, p: Proc): void {
  const m = mbox(p);
  const n = Atomics.load(k.i64, (m + MboxX.CHARGE) >> 3);
  if (n === 0n) return;
  Atomics.store(k.i64, (m + MboxX.CHARGE) >> 3, 0n);
  if (k.opts.realtime) return;
  k.clock.charge(n * NS_PER_INSN);
}

/**
 * Virtual time: the host actions that arrived while this proc ran
 * (Kernel.hostact) are taken at its kernel entry, after the program's timers
 * that its compute fired, before its call: what a scheduled action at the
 * same time does, so a recorded run replays the same (docs/decisions.md
 * "Host actions in virtual time").
 */
function hostdue(k: Kernel): void {
  if (k.deferred.length === 0) return;
  const todo = k.deferred.splice(0);
  Atomics.store(k.i32, GlueCtl.HOSTWAIT >> 2, 0);
  for (const apply of todo) apply();
}

/** Drain the proc's trace ring (host/abi/glue.ts) into the trace: the records made since its last entry. */
function takeTrace(k: Kernel, p: Proc): void {
  const m = mbox(p);
  const n = Atomics.load(k.i32, (m + MboxX.TRACE_N) >> 2);
  if (n === 0) return;
  Atomics.store(k.i32, (m + MboxX.TRACE_N) >> 2, 0);
  const ring = k.rings.get(p);
  if (!ring) return;
  const { i32, i64 } = ring;
  for (let i = 0; i < n; i++) {
    const r = i * (TRACE_REC >> 3);
    k.tracer.core(p.pid, Number(i64[r]), i32[(r + 1) << 1], Number(i64[r + 2]), Number(i64[r + 3]), Number(i64[r + 4]), Number(i64[r + 5]));
  }
  k.queueFlush();
}

/** Run (or re-run, after a wakeup) the proc's call: Plan 9's sleep() rules, §1.4. */
export function step(k: Kernel, p: Proc): void {
  const sc = p.sc!;
  const fn = syscalls[sc.num];
  let r: SysResult;
  try {
    if (!fn) {
      // 4e syscall(): a bad number is a debugging note and an error.
      pprint(k, p, `bad sys call number ${sc.num} pc 0`);
      postnote(k, p, 'sys: bad sys call', NDebug, p.pid);
      throw new KError(Ebadarg);
    }
    r = fn(k, p, sc);
  } catch (e) {
    if (!(e instanceof KError)) throw e;
    if (e instanceof BadAddr) postnote(k, p, 'sys: bad address in syscall', NDebug, p.pid);
    fail(k, p, e.message);
    return;
  }
  if (r === NORET) return;
  if (r instanceof Block) {
    // A pending note at sleep entry fails the call at once.
    if (p.notepending) {
      p.notepending = false;
      fail(k, p, Eintr);
      return;
    }
    if (sc.x.keepsp && !sc.x.blocked) {
      wouldsleep(k, p);
      return;
    }
    sleep(k, p, r);
    if (sc.x.resume && k.attached.size > WORKERS_KEPT) detach(k, p);
    return;
  }
  done(k, p, r);
}

/**
 * A call made keeping the P (Mbox.KEEPSP) would sleep: return to the proc
 * with MboxX.SLEEPS set, so its M hands the P off and makes the call again
 * (host/m/mailbox.ts), which then goes on where this one stopped (Proc.again):
 * a Plan 9 call that sleeps is re-driven from its start anyway, keeping only
 * its scratch state. No note is delivered on this return: one pending would
 * have failed the call above. The proc goes on running at once, as the one
 * outside the kernel.
 */
function wouldsleep(k: Kernel, p: Proc): void {
  p.again = p.sc;
  p.sc!.x.keepsp = false;
  k.tracer.retractEnter(p.pid); // it is entered again, to sleep, after the hand-off's calls
  p.sc = null;
  p.state = 'running';
  if (!k.opts.realtime) k.running = p;
  Atomics.store(k.i32, (mbox(p) + MboxX.SLEEPS) >> 2, 1);
  reply(k, p, 0n);
}

/**
 * Procs with a worker that a sleeping proc may keep its own beside. A detach
 * and the resume after it cost about 0.4 ms of wall time (a throw, two
 * messages, sysresume: docs/scale.md §5) and, in real time, a second thread
 * to wake; below this many workers that costs more than their memory, so a
 * small run sleeps as it did before detaching was built, and a big one
 * holds this many workers, not one a proc.
 */
const WORKERS_KEPT = 8;

/**
 * The proc sleeps in a call the core can go on from without the wasm stack
 * it made it on (Mbox.RESUME): its worker is not needed while it sleeps. The
 * glue, told by MboxState.DETACHED, unwinds and says so (Kernel.detached),
 * and its worker goes back to the pool; when the call ends, release() gives
 * the proc to a pooled worker (resume). So a blocked proc costs its mailbox
 * and its records, not a thread with a wasm instance (docs/scale.md §2).
 */
function detach(k: Kernel, p: Proc): void {
  const w = p.worker;
  if (!w) return; // asleep again after a wakeup: already detached
  attach(k, p, null);
  p.leaving = w;
  k.leaving++;
  const m = mbox(p);
  Atomics.store(k.i32, (m + Mbox.STATE) >> 2, MboxState.DETACHED);
  Atomics.notify(k.i32, (m + Mbox.STATE) >> 2);
}

/** A detached proc's call ended (its result and note are in the mailbox): a worker goes on with it (the core's sysresume). */
export function resume(k: Kernel, p: Proc): void {
  if (p.leaving) {
    p.resumeDue = true; // the worker it left has not unwound yet: Kernel.detached resumes it
    return;
  }
  // A worker on its way back to the pool starts sooner than a new one (tens of ms).
  if (k.pool.length === 0 && k.leaving > 0) {
    k.resumeq.push(p);
    return;
  }
  const kind = p.resumeKind;
  const w = k.poolget();
  attach(k, p, w);
  // Only now: the worker it left took DETACHED as its cue to go.
  Atomics.store(k.i32, (mbox(p) + Mbox.STATE) >> 2, MboxState.DONE);
  w.post({ t: 'resume', pid: p.pid, kind, memory: k.memory, core: k.core, program: k.opts.program ?? null, ring: p.ring });
}

/** A woken proc runs again: its call fails if a note came meanwhile, else it is re-tried. */
export function retry(k: Kernel, p: Proc): void {
  p.state = 'kernel';
  if (p.notepending) {
    p.notepending = false;
    fail(k, p, Eintr);
    return;
  }
  step(k, p);
}

function fail(k: Kernel, p: Proc, err: string): void {
  p.errstr = err;
  if (err === Eintr) {
    // from: the ctl interrupt that ended the call (absent: a note did).
    k.record({ kind: 'sys.interrupted', pid: p.pid, sys: sysname(p.sc!.num), err, from: p.interruptedBy ?? undefined });
    p.interruptedBy = null;
  }
  done(k, p, -1n, err);
}

// ---- exit -------------------------------------------------------------------

/** The calls that change a proc's fd table. */
const FD_CALLS = new Set([Sys.OPEN, Sys.CREATE, Sys.PIPE, Sys.CLOSE, Sys.DUP]);

function done(k: Kernel, p: Proc, ret: bigint, err?: string): void {
  p.ret = ret;
  if ((p.sc!.num !== Sys.TICK && p.sc!.num !== Sys.PROCSTART) || err) k.record({ kind: 'sys.exit', pid: p.pid, sys: sysname(p.sc!.num), ret: Number(ret), err });
  p.state = 'ready';
  const sc = p.sc!;
  explorenote(k, p, 'exit'); // p9rt explore: a note the schedule posts after completion
  // The Chan a pread/pwrite held for its duration (sysfile.ts callchan).
  const held = sc.x.chan as Chan | undefined;
  if (held) {
    sc.x.chan = undefined;
    if (--held.ref === 0) held.dev.close(k, held);
  }
  // As on a uniprocessor Plan 9, a call that did not sleep returns to its
  // proc without a reschedule; only a sleep, TICK (the clock interrupt's
  // stand-in), sleep(0) or a new proc gives another ready proc the CPU.
  // The fd table changed: every proc sharing it learns which fds are the console (ConsRing).
  if (FD_CALLS.has(sc.num)) for (const q of k.procs.values()) if (q.fgrp === p.fgrp) consMasks(k, q);
  const yields = sc.x.blocked || sc.num === Sys.TICK || sc.num === Sys.PROCSTART || (sc.num === Sys.SLEEP && sc.args[0] <= 0n);
  if (k.opts.realtime || (!yields && k.running === null)) release(k, p);
  else k.ready.push(p);
}

/** Return to user: notify() (§1.6), then RET and STATE=DONE. */
export function release(k: Kernel, p: Proc): void {
  const m = mbox(p);
  const start = p.sc?.num === Sys.PROCSTART;
  if (start) {
    k.record({ kind: 'proc.start', pid: p.pid });
    consMasks(k, p);
  }
  // A proc's first return to user mode delivers only notes posted while it was New (Proc.early).
  if ((!p.nonotify || (start && p.early)) && !notify(k, p)) return; // the note killed it
  p.state = 'running';
  if (!k.opts.realtime) k.running = p;
  const detached = p.worker === null;
  if (detached) p.resumeKind = p.sc!.x.resume as number;
  p.sc = null;
  if (k.explore) explorestep(k, p);
  Atomics.store(k.i64, (m + Mbox.RET) >> 3, p.ret);
  if (detached) resume(k, p);
  else reply(k, p, p.ret, false);
}

/**
 * p9rt explore: a proc in a stepping window (explore.ts) enters the kernel
 * at its next safepoint, as one with a note queued does: its attention word
 * stays set until the window ends.
 */
function explorestep(k: Kernel, p: Proc): void {
  const { attn, opened } = k.explore!.exit(p.pid);
  if (opened) k.record({ kind: 'explore', pid: p.pid, text: 'step', a: opened[0], b: opened[1], to: p.pid });
  if (attn === 'on') Atomics.store(k.i32, (mbox(p) + Mbox.ATTN) >> 2, 1);
  else if (attn === 'off' && p.notes.length === 0) clearattn(k, p);
}

/** STATE=DONE wakes the proc's M. */
export function reply(k: Kernel, p: Proc, ret: bigint, setret = true): void {
  const m = mbox(p);
  if (setret) Atomics.store(k.i64, (m + Mbox.RET) >> 3, ret);
  Atomics.store(k.i32, (m + Mbox.STATE) >> 2, MboxState.DONE);
  Atomics.notify(k.i32, (m + Mbox.STATE) >> 2);
}

// ---- notify and noted -------------------------------------------------------

/**
 * notify() on the way back to user (§1.6). Moves the head note to the
 * mailbox for sigtramp. Returns false if the note killed the proc.
 */
function notify(k: Kernel, p: Proc): boolean {
  // "kill the process the next time it crosses the user/kernel boundary":
  // 4e procctl runs first and exits with "Killed".
  if (p.procctl === 'exitme') {
    pexit(k, p, 'Killed');
    return false;
  }
  if (p.notes.length === 0) return true;
  p.notepending = false;
  p.interruptedBy = null; // a note handed over takes a pending interrupt with it
  const n = p.notes[0];
  // 4e appends the pc to kernel notes here, at delivery (the text is cut to fit).
  if (n.text.startsWith('sys:') && !n.pc) {
    n.text = pcsuffix(n.text, 0);
    n.pc = true;
  }
  if (n.flag !== NUser && (p.notified || !p.notify)) {
    // A system note in a handler, or with none: NDebug says so and leaves the proc Broken.
    if (n.flag === NDebug) pprint(k, p, `suicide: ${n.text}`);
    k.record({ kind: 'note.kill', pid: p.pid, text: n.text });
    pexit(k, p, n.text, n.flag !== NDebug);
    return false;
  }
  if (p.notified) {
    for (const h of p.notes) {
      if (h.held) continue;
      h.held = true;
      k.record({ kind: 'note.held', pid: p.pid, text: h.text });
    }
    return true;
  }
  if (!p.notify) {
    k.record({ kind: 'note.kill', pid: p.pid, text: n.text });
    pexit(k, p, n.text);
    return false;
  }
  p.notes.shift();
  p.lastnote = n;
  p.notified = true;
  const m = mbox(p);
  const b = new TextEncoder().encode(n.text).subarray(0, ERRMAX - 1);
  k.u8.fill(0, m + Mbox.NOTE, m + Mbox.NOTE + ERRMAX);
  k.u8.set(b, m + Mbox.NOTE);
  Atomics.store(k.i32, (m + Mbox.NOTE_LEN) >> 2, 1 + b.length); // 1 +: an empty note is still a note
  if (p.notes.length === 0) clearattn(k, p);
  k.record({ kind: 'note.deliver', pid: p.pid, text: n.text });
  return true;
}

/** No note waits any more: the core may stop entering the kernel at safepoints. */
export function clearattn(k: Kernel, p: Proc): void {
  Atomics.store(k.i32, (mbox(p) + Mbox.ATTN) >> 2, 0);
}

/** noted(mode): the handler is done (§1.7, 4e pc/trap.c noted); the NOTED call's handler. */
export function noted(k: Kernel, p: Proc, sc: Syscall): SysResult {
  const mode = Number(sc.args[0]);
  if (mode !== NRSTR && !p.notified) {
    pprint(k, p, 'call to noted() when not notified');
    k.record({ kind: 'note.kill', pid: p.pid, text: 'Suicide' });
    pexit(k, p, 'Suicide', false);
    return NORET;
  }
  p.notified = false;
  k.record({ kind: 'noted', pid: p.pid, mode });
  // NSAVE (2) is APE's trampoline mode; Go never uses it: it resumes like NCONT here.
  if (mode === NCONT || mode === NRSTR || mode === NSAVE) return 0n;
  const n = { ...(p.lastnote as Note) };
  if (mode !== NDFLT) {
    pprint(k, p, `unknown noted arg 0x${mode.toString(16)}`);
    n.flag = NDebug;
  }
  if (n.flag === NDebug) pprint(k, p, `suicide: ${n.text}`);
  k.record({ kind: 'note.kill', pid: p.pid, text: n.text });
  pexit(k, p, n.text, n.flag !== NDebug);
  return NORET;
}
