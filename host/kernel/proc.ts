// Procs and their lives (4e port/proc.c): sleep and wakeup, postnote, newproc,
// pexit and the scheduler. The data is in portdat.ts; the way in and out of
// the kernel (call entry, notify, noted) is in trap.ts; docs/plan9-notes.md
// §1.2-1.8.
import { Ctl, ERRMAX, MAILBOX_SIZE, MAX_PROCS, Mbox, NNOTE, Sys } from '../abi/defs.js';
import { GlueCtl, MboxX, TRACE_RING } from '../abi/glue.js';
import { freeMemory, ncpu } from '../platform/index.js';
import type { Chan, Fgrp } from './dev/dev.js';
import type { Peer } from '../platform/index.js';
import { KError, Enotposted, Enotespending, Etoobig } from './error.js';
import type { Kernel, KHostAction } from './kernel.js';
import { cutbytes } from './notes.js';
import { Block, NUser, Proc, Rendez } from './portdat.js';
import { sysname } from './syscalls.js';
import { mbox, release, reply, retry } from './trap.js';
import type { NotePhase } from './explore.js';

// ---- sleep and wakeup (§1.4) ----------------------------------------------

/** The call must wait: sleep on b's Rendez and/or until its time. */
export function sleep(k: Kernel, p: Proc, b: Block): void {
  p.state = 'blocked';
  if (b.r) {
    p.r = b.r;
    b.r.procs.add(p);
  }
  // p9rt explore: a timer may be late (explore.ts).
  if (b.until !== null) {
    const late = k.explore?.timerLate() ?? 0n;
    if (late > 0n) k.record({ kind: 'explore', pid: p.pid, text: 'timer', a: k.explore!.timersMet() - 1, b: Number(late), to: p.pid });
    p.tmo = k.clock.add(b.until + late, () => unsleep(k, p));
  }
  if (!p.sc!.x.blocked) {
    p.sc!.x.blocked = true;
    k.record({ kind: 'sys.block', pid: p.pid, sys: sysname(p.sc!.num) });
    explorenote(k, p, 'sleep');
  }
}

/** p9rt explore: a note the schedule posts at this boundary of p's call (explore.ts). */
export function explorenote(k: Kernel, p: Proc, phase: NotePhase): void {
  const n = p.sc?.x.callno;
  if (!k.explore || typeof n !== 'number') return;
  const text = k.explore.note(p.pid, n, phase);
  if (text === null) return;
  k.record({ kind: 'explore', pid: p.pid, text: 'note', a: n, to: p.pid });
  postnote(k, p, text, NUser, 'host');
}

/** Take p off its Rendez and timer. */
function unlink(k: Kernel, p: Proc): void {
  if (p.r) p.r.procs.delete(p);
  p.r = null;
  k.clock.cancel(p.tmo);
  p.tmo = null;
}

/**
 * The proc's sleep ends (wakeup, timeout or note): 4e ready(). Like Plan 9,
 * the call is re-tried only when the proc next runs, so a note posted in
 * between still wins over the satisfied condition (§1.4) and nothing is
 * consumed.
 */
function unsleep(k: Kernel, p: Proc): void {
  if (p.state !== 'blocked') return;
  unlink(k, p);
  p.state = 'woken';
  if (k.opts.realtime) retry(k, p);
  else k.ready.push(p);
}

/** Wake every proc asleep on r; each re-checks its condition when it runs. */
export function wakeup(k: Kernel, r: Rendez): void {
  for (const p of [...r.procs]) {
    // p9rt explore: the wakeup may take effect late (explore.ts); until
    // then the proc sleeps on, as a timer, and a note still ends it.
    const late = k.explore?.wakeLate() ?? 0n;
    if (late === 0n) {
      unsleep(k, p);
      continue;
    }
    unlink(k, p);
    k.record({ kind: 'explore', pid: p.pid, text: 'wake', a: k.explore!.wakesMet() - 1, b: Number(late), to: p.pid });
    p.tmo = k.clock.add(k.clock.now() + late, () => unsleep(k, p));
  }
}

// ---- notes (§1.3) -------------------------------------------------------

/** 4e postnote. Returns whether the note was queued. */
export function postnote(k: Kernel, p: Proc, text: string, flag: number, from: number | 'host'): boolean {
  if (p.state === 'dead') return false;
  // 4e allows posting to a Broken proc; the note just waits there.
  if (flag !== NUser && (!p.notify || p.notified)) p.notes = [];
  const ok = p.notes.length < NNOTE;
  if (ok) p.notes.push({ text, flag });
  if (ok && (p.state === 'starting' || p.sc?.num === Sys.PROCSTART)) p.early = true;
  k.record({ kind: 'note.post', pid: typeof from === 'number' ? from : 0, from, to: p.pid, text, result: ok ? 'queued' : 'refused' });
  // 4e: pending and woken even when the queue was full.
  p.notepending = true;
  if (p.notes.length > 0) Atomics.store(k.i32, (mbox(p) + Mbox.ATTN) >> 2, 1);
  if (p.state === 'blocked') unsleep(k, p);
  return ok;
}

/** A write to /proc/n/note: NUser, ERRMAX-1 limit (4e devproc), full queue is an error. */
export function writenote(k: Kernel, p: Proc, text: string, from: number | 'host'): void {
  if (new TextEncoder().encode(text).length >= ERRMAX - 1) throw new KError(Etoobig);
  if (!postnote(k, p, text, NUser, from)) throw new KError(Enotposted);
}

function writenoteQuiet(k: Kernel, p: Proc, text: string): void {
  try {
    writenote(k, p, text, 'host');
  } catch (e) {
    if (!(e instanceof KError)) throw e;
  }
}

/** Throw the error a host action would fail with now (no such proc, a note too long), before it changes anything. */
export function hostcheck(k: Kernel, a: { kind: 'note' | 'interrupt'; target: 'main' | 'group' | number; text: string }): void {
  if (a.kind === 'note' && new TextEncoder().encode(a.text).length >= ERRMAX - 1) throw new KError(Etoobig);
  if (a.target === 'group') return;
  const pid = a.target === 'main' ? 1 : a.target;
  const p = k.procs.get(pid);
  if (!p || (a.kind === 'note' && p.state === 'dead')) throw new KError(`no such proc: ${a.target}`);
  if (p.state === 'dead') throw new KError(`proc ${pid} has exited${p.exitString ? ` (${p.exitString})` : ''}`);
}

/** The host posts a note (API, --note): to a pid, pid 1, or every proc of pid 1's group. */
export function hostnote(k: Kernel, target: 'main' | 'group' | number, text: string): void {
  hostcheck(k, { kind: 'note', target, text });
  if (target === 'group') {
    const g = k.procs.get(1)?.noteid;
    for (const p of k.procs.values()) if (p.noteid === g && p.state !== 'dead') writenoteQuiet(k, p, text);
  } else writenote(k, k.procs.get(target === 'main' ? 1 : target)!, text, 'host');
  schedule(k);
}

/**
 * 9front procinterrupt (docs/plan9-notes.md §1.10, the ctl message
 * `interrupt`): no note is queued and no handler runs; the proc is marked
 * (notepending) and woken, so its current sleep, or the next one it would
 * enter, fails with interrupted. The mark is not cleared on the way back to
 * user mode (notify clears it only when it hands over a note), so it waits
 * for the proc's next blocking call: sticky until used or `nointerrupt`.
 */
export function procinterrupt(k: Kernel, p: Proc, from: number | 'host'): void {
  k.record({ kind: 'interrupt', pid: typeof from === 'number' ? from : 0, from, to: p.pid });
  p.notepending = true;
  p.interruptedBy = from;
  if (p.state === 'blocked') unsleep(k, p);
}

/** ctl nointerrupt (9front): drop a pending interrupt; refused while notes wait, which also mark the proc. */
export function procnointerrupt(k: Kernel, p: Proc, from: number | 'host'): void {
  if (p.notes.length > 0) throw new KError(Enotespending);
  k.record({ kind: 'interrupt', pid: typeof from === 'number' ? from : 0, from, to: p.pid, cleared: true });
  p.notepending = false;
  p.interruptedBy = null;
}

/** The host interrupts pid's call (Machine.interrupt, --interrupt): an error names a pid that is not there. */
export function hostinterrupt(k: Kernel, pid: number): void {
  hostcheck(k, { kind: 'interrupt', target: pid, text: '' });
  procinterrupt(k, k.procs.get(pid)!, 'host');
  schedule(k);
}

/** The host's action `a`, now. */
export function hostaction(k: Kernel, a: { kind: 'note' | 'interrupt'; target: 'main' | 'group' | number; text: string }): void {
  if (a.kind === 'interrupt') hostinterrupt(k, a.target as number);
  else hostnote(k, a.target, a.text);
}

/**
 * A scheduled host action's time came (--note, --interrupt, a replayed
 * action): a target that is gone (or not yet made) is no reason to stop the
 * kernel mid-call, but the host that asked is told (actionfail:
 * KernelOptions.actions[index]), so it is not dropped without a word.
 */
export function hostactiontimed(k: Kernel, a: KHostAction, index: number): void {
  try {
    hostaction(k, a);
  } catch (e) {
    if (!(e instanceof KError)) throw e;
    if (a.kind === 'note') k.record({ kind: 'note.post', pid: 0, from: 'host', to: typeof a.target === 'number' ? a.target : 1, text: a.text, result: 'refused', reason: e.message });
    k.emit({ t: 'actionfail', index, error: e.message });
  }
}

// ---- birth and death ----------------------------------------------------

/**
 * What a proc may cost the machine: a worker while it runs, measured at
 * about 9 MiB (bench/scale.mjs); blocked, it holds none (trap.ts detach).
 */
const PROC_BYTES = 16 << 20;
/** Memory a new proc must leave free on the machine. */
const MEMORY_RESERVE = 256 << 20;

export function newproc(k: Kernel, noteid: number, fg: Fgrp, parent: Proc | null): Proc {
  const limit = k.opts.maxProcs;
  const live = k.nlive;
  if (live >= limit) throw new KError(`no procs: the limit of ${limit} procs is reached (--max-procs)`);
  // The flag is honoured as far as the machine can give: each proc is a
  // worker (PROC_BYTES), and one more must leave the machine MEMORY_RESERVE.
  const free = live > 0 ? freeMemory() : null;
  if (free !== null && free < PROC_BYTES + MEMORY_RESERVE) {
    throw new KError(`no procs: the machine has ${Math.floor(free / 2 ** 20)} MiB free, too little for proc ${live + 1} (--max-procs ${limit} asks for more than it can give)`);
  }
  // A pid is a mailbox, and pids are not reused (Go's procs never exit, so only
  // a program that rforks and exits procs itself can run out of them).
  if (k.nextpid >= MAX_PROCS) throw new KError(`no procs: all ${MAX_PROCS - 1} pids were used (MAX_PROCS)`);
  const p = new Proc(k.nextpid++, noteid, fg, k.opts.args[0] ?? 'main');
  Atomics.store(k.i32, Ctl.NPIDS >> 2, k.nextpid);
  p.parent = parent;
  if (parent) parent.nchild++;
  k.procs.set(p.pid, p);
  k.nlive++;
  const m = mbox(p);
  k.u8.fill(0, m, m + MAILBOX_SIZE);
  return p;
}

export function newnoteid(k: Kernel): number {
  return k.nextnoteid++;
}

/** Give p a worker; it enters with PROCSTART, then runs boot (pid 1) or tstart(arg). */
export function startproc(k: Kernel, p: Proc, arg: bigint | null): void {
  p.state = 'starting';
  k.starting++;
  const w = k.poolget();
  attach(k, p, w);
  let ring: SharedArrayBuffer | null = null;
  if (k.tracer.on) {
    ring = new SharedArrayBuffer(TRACE_RING);
    k.rings.set(p, { i32: new Int32Array(ring), i64: new BigInt64Array(ring) });
  }
  p.ring = ring;
  w.post({ t: 'start', pid: p.pid, memory: k.memory, core: k.core, program: k.opts.program ?? null, image: arg === null ? k.image : null, arg: String(arg ?? 0n), ring });
  // Test seam (KernelOptions.notes atStart): a note that reaches the proc before it first runs.
  for (const n of k.opts.actions) if (n.atStart && n.kind === 'note' && n.target === p.pid) writenoteQuiet(k, p, n.text);
}

/**
 * The proc is gone (exits, a killing note): 4e pexit. Its wait record goes
 * to its parent, if it has one that waits (rfork without RFNOWAIT).
 * freemem false (an NDebug death) leaves it Broken, kept for a debugger:
 * it never runs again, but stays in /proc until ctl kill releases it.
 */
export function pexit(k: Kernel, p: Proc, msg: string, freemem = true): void {
  if (p.state === 'dead' || p.state === 'broken') return;
  const started = p.state !== 'starting';
  if (!started) k.starting--;
  unlink(k, p);
  k.clock.cancel(p.alarm);
  const i = k.ready.indexOf(p);
  if (i >= 0) k.ready.splice(i, 1);
  if (k.running === p) k.running = null;
  p.state = freemem ? 'dead' : 'broken';
  if (freemem) k.nlive--;
  // A call waiting to be made again (trap.ts wouldsleep) lets go of its Chan.
  const held = p.again?.x.chan as Chan | undefined;
  p.again = null;
  if (held && --held.ref === 0) held.dev.close(k, held);
  setspin(k);
  p.exitString = cutbytes(msg, ERRMAX - 1);
  p.waitmsg = p.exitString === '' ? '' : cutbytes(`${p.text} ${p.pid}: ${p.exitString}`, ERRMAX - 1);
  k.record({ kind: 'proc.exit', pid: p.pid, text: p.exitString, reason: freemem ? undefined : 'Broken' });
  const w0 = p.parent;
  if (w0 && w0.state !== 'dead' && w0.state !== 'broken') {
    // 4e sysawait's record: "pid utime stime rtime 'msg'" (times are 0 here).
    w0.waitq.push(`${p.pid} 0 0 0 ${quote(p.waitmsg)}`);
    w0.nchild--;
    wakeup(k, w0.waitr);
  }
  for (const c of k.procs.values()) if (c.parent === p) c.parent = null;
  Atomics.store(k.i32, (mbox(p) + MboxX.DEAD) >> 2, 1);
  // A detached proc has no M to wake; a worker it is leaving must see
  // DETACHED, not DONE, to say it left (Kernel.detached).
  if (p.worker) reply(k, p, -1n);
  const w = p.worker;
  attach(k, p, null);
  if (w && started) {
    // Its M unwinds (ProcExit) and the worker, free, goes back to the pool (Kernel.detached).
    p.leaving = w;
    k.leaving++;
  } else if (w) setTimeout(() => k.endM(w), 0); // not yet in a call: nothing to unwind
  if (p.pid === 1) k.end(p.exitString, exitCode(p.exitString), freemem ? 'pid 1 exited' : 'pid 1 broken');
}

/** ctl kill of a Broken proc releases it (4e procctlreq). */
export function releaseBroken(k: Kernel, p: Proc): void {
  if (p.state !== 'broken') return;
  p.state = 'dead';
  k.nlive--;
  k.record({ kind: 'proc.exit', pid: p.pid, text: p.exitString, reason: 'released' });
}

/**
 * Give p worker w, or take its worker away (null: it sleeps detached, or it
 * ended). Kernel.attached is what scan() looks at: a proc without a worker
 * cannot make a call, so the kernel's work per call does not grow with the
 * procs that are blocked.
 */
export function attach(k: Kernel, p: Proc, w: Peer | null): void {
  p.worker = w;
  if (w) k.attached.add(p);
  else k.attached.delete(p);
  setspin(k);
}

/**
 * May an M spin before it waits (GlueCtl.SPIN)? Only while every thread
 * that can run at once has a core: the kernel plus, in real time, each proc
 * that has a worker (a detached one has none), in virtual time the one proc
 * that runs.
 */
function setspin(k: Kernel): void {
  const live = k.attached.size;
  const threads = 1 + (k.opts.realtime ? live : Math.min(live, 1));
  Atomics.store(k.i32, GlueCtl.SPIN >> 2, threads <= ncpu() ? 1 : 0);
}

/** 4e pprint: "<text> <pid>: msg" on the proc's fd 2 (the run's stderr when that is /dev/cons). */
export function pprint(k: Kernel, p: Proc, msg: string): void {
  const b = new TextEncoder().encode(`${p.text} ${p.pid}: ${msg}\n`);
  const c = p.fgrp.fd[2];
  if (c && c.dev.name === 'cons') c.dev.write(k, p, c, b, 0n);
  else k.out('stderr', b);
}

// ---- the scheduler --------------------------------------------------------

/**
 * Virtual time (4e sched): when no proc runs and none is still starting,
 * let one ready proc (chosen by the seeded generator) run; if none is ready,
 * jump the clock to the next timer; if there is none, nothing can ever happen.
 */
export function schedule(k: Kernel): void {
  if (k.incall) return; // entry() decides where its proc goes; scan() schedules after
  while (!k.ended) {
    if (k.opts.realtime) {
      if (anyAlive(k) || k.clock.pending()) return unwait(k);
    } else {
      if (k.running || k.starting > 0) return unwait(k);
      if (k.stdinWaiting() && k.ready.length === 0) return; // the clock waits for stdin
      if (k.ready.length > 0) {
        // A new proc's PROCSTART arrives whenever its worker is up, so the
        // list's order is not the program's: choose from it sorted by pid.
        k.ready.sort((a, b) => a.pid - b.pid);
        const p = k.ready.splice(k.rand.intn(k.ready.length), 1)[0];
        k.explore?.see(p.pid, k.ready.length);
        if (p.state === 'woken') {
          retry(k, p);
          if ((p.state as string) !== 'ready') continue; // asleep again
          k.ready.splice(k.ready.indexOf(p), 1);
        }
        release(k, p);
        continue;
      }
      if (k.clock.pending()) {
        const before = k.clock.now();
        const now = k.clock.advance();
        if (now !== before) k.record({ kind: 'clock', pid: 0 });
        continue;
      }
    }
    // A reader of /dev/cons waits for the host's stdin: that is not a
    // deadlock, and the clock must not move meanwhile (determinism).
    if (k.stdinWaiting()) return;
    // Only the host can still wake a proc (a note, an interrupt): a host
    // that can act is waited for, with the clock standing still (issue 11).
    if (k.opts.waitForHost) {
      if (!k.waiting) {
        k.waiting = true;
        k.emit({ t: 'waiting', on: true, procs: k.procView() });
      }
      return;
    }
    k.end('', 3, DEADLOCK);
  }
}

/** How a run that nothing can wake ends when no host waits on it (the CLI). */
export const DEADLOCK = 'deadlock: every proc is blocked in the kernel and no timer is pending';

/** Something runs again: the run no longer waits for the host. */
function unwait(k: Kernel): void {
  if (!k.waiting) return;
  k.waiting = false;
  k.emit({ t: 'waiting', on: false, procs: k.procView() });
}

/**
 * Realtime: is any proc running, starting or about to return? Only a proc
 * with a worker can be, or one waiting for a worker to come back to the
 * pool (trap.ts resume).
 */
function anyAlive(k: Kernel): boolean {
  if (k.resumeq.length > 0 || k.leaving > 0) return true;
  for (const p of k.attached) {
    if (p.state !== 'blocked' && p.state !== 'dead' && p.state !== 'broken') return true;
  }
  return false;
}

// ---- names ----------------------------------------------------------------

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
