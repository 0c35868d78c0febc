// The scheduler (go runtime/proc.go), v1: GOMAXPROCS=1, one P. Any M holding
// the P runs bytecode; an M entering a blocking system call hands the P off
// (entersyscall/handoffp) and takes it back if it is idle on the way out
// (exitsyscall), or queues its G and sleeps (stopm). A G locked to an M
// (LockOSThread) runs only there: schedule hands the P to that M
// (startlockedm) and a locked M waits for it in stoplockedm.
//
// Every M sleeps on its own Plan 9 semaphore (m.waitsema) and is woken with
// semrelease after its nextp was set: the wait is a system call, never an
// atomic.wait in wasm. As go's notesleep/notewakeup, one wakeup is one
// release, made only to an M that sleeps (mpark, mwake): a release left over
// would end a later wait at once and run the M in user mode where it should
// be asleep in the kernel, where a note would reach it (issue 18.3).
import { Ctl, Mbox, MAILBOX_BASE, MAILBOX_SIZE, TraceKind, Img, WaitReason, Resume } from "../abi";
import {
  G, M, P, Sched, Grunnable, Grunning, Gsyscall, Gwaiting, Gdead, Gidle, STACK_SIZE, M_BUF,
  mcur, gcur, setm, setg, setSched, schedp, sched, getm, getg, image, RESUME_NONE,
} from "./runtime2";
import { mallocgc, stackalloc } from "./malloc";
import { lock, unlock } from "./lock";
import {
  open, pread, closefd, exits, semacquire, tsemacquire, semrelease, rforkm, notify, nanotime,
  traceEvent, errstr, resumed,
} from "./os_plan9";
import { throwstr, throwall } from "./panic";
import { prints, printbytes } from "./print";
import { relocate, imgword, nfuncs } from "../vm/image";
import { curpos, gop, setposaddr, tracing } from "./tracepos";
import { saveregs, loadregs, initframe, vhdr, H_FUNC, H_LINE } from "../vm/frame";
import { interpret } from "../vm/interp";
import { runtimers, timersnext, ntimers, NO_TIMER } from "./time";
import { tracereason } from "./traceback";
import { explorepick } from "./explore";

// @ts-ignore: decorator
@inline function schedlock(): usize {
  return schedp + offsetof<Sched>("lock");
}

/** Per-M: the address of this M's mailbox ATTN word, polled at safepoints. */
export let attnaddr: usize = 0;

/**
 * Where this instance's shadow stack (asc's __stack_pointer, in linear
 * memory) starts. A detached call or an exits unwinds the wasm stack by a
 * throw, which skips the epilogues that give the frames' shadow-stack words
 * back; an instance a worker keeps for its next proc starts from here again
 * (stackreset), or a few thousand detaches would exhaust it.
 */
let stacktop: usize = __stack_pointer;

export function stackreset(): void {
  __stack_pointer = stacktop;
}

// ---- Ms ----------------------------------------------------------------------

export function allocm(): M {
  let mp = changetype<M>(mallocgc(offsetof<M>()));
  mp.buf = mallocgc(M_BUF);
  mp.notebuf = mallocgc(1024);
  let s = sched();
  lock(schedlock());
  mp.id = s.mnext++;
  mp.alllink = s.allm;
  s.allm = changetype<usize>(mp);
  unlock(schedlock());
  mp.fastrand = <u32>(s.seed ^ (<u64>mp.id * 0x9E3779B9)) | 1;
  return mp;
}

/** The pid of this proc, read from #c/pid as Go's getpid does ("%11d "). */
function getpid(): i32 {
  let b = getm().buf;
  // "#c/pid"
  store<u8>(b, 35); store<u8>(b, 99, 1); store<u8>(b, 47, 2); store<u8>(b, 112, 3); store<u8>(b, 105, 4); store<u8>(b, 100, 5);
  let fd = open(b, 6, 0);
  if (fd < 0) return 0;
  let n = pread(fd, b + 8, 24, 0);
  closefd(fd);
  let pid = 0;
  for (let i = 0; i < n; i++) {
    let c = <i32>load<u8>(b + 8 + i);
    if (c >= 48 && c <= 57) pid = pid * 10 + c - 48;
    else if (pid != 0) break;
  }
  return pid;
}

/** go minit: learn our pid; exit at once if the program is already exiting. */
function minit(): void {
  let mp = getm();
  let pid = getpid();
  if (pid <= 0) throwstr("minit: cannot read #c/pid");
  atomic.store<i32>(changetype<usize>(mp) + offsetof<M>("pid"), pid);
  mp.mailbox = <usize>MAILBOX_BASE + <usize>pid * <usize>MAILBOX_SIZE;
  store<u32>(mp.mailbox + Mbox.M, <u32>changetype<usize>(mp));
  mtls(mp);
  if (atomic.load<i32>(Ctl.EXITING) != 0) exits(0, 0);
}

/** This instance's globals for M mp, whose mailbox is known (minit, sysresume). */
function mtls(mp: M): void {
  setm(changetype<usize>(mp));
  setSched(<usize>atomic.load<u32>(Ctl.SCHED_ROOT));
  attnaddr = mp.mailbox + Mbox.ATTN;
  setposaddr(mp.mailbox);
}

/**
 * The next kernel call may sleep without this M's thread (Mbox.RESUME): if it
 * does, the wasm stack it was made on is thrown away, and sysresume(kind)
 * goes on from the call's result on whatever worker the kernel picks.
 */
export function resumable(kind: i32): void {
  store<i32>(getm().mailbox + Mbox.RESUME, kind);
}

function mput(mp: M): void {
  if (mp.idle) return;
  mp.idle = 1;
  mp.schedlink = sched().midle;
  sched().midle = changetype<usize>(mp);
  sched().nmidle++;
}

function mget(): M {
  let s = sched();
  let mp = s.midle;
  if (mp != 0) {
    s.midle = changetype<M>(mp).schedlink;
    changetype<M>(mp).idle = 0;
    s.nmidle--;
  }
  return changetype<M>(mp);
}

function mremove(mp: M): void {
  if (!mp.idle) return;
  let s = sched();
  let pp = changetype<usize>(s) + offsetof<Sched>("midle");
  while (load<usize>(pp) != 0) {
    if (load<usize>(pp) == changetype<usize>(mp)) {
      store<usize>(pp, mp.schedlink);
      mp.idle = 0;
      s.nmidle--;
      return;
    }
    pp = load<usize>(pp) + offsetof<M>("schedlink");
  }
}

// M.park: nobody waits, the M sleeps on waitsema, or a wakeup came first.
const PARK_NONE: i32 = 0;
const PARK_SLEEPING: i32 = 1;
const PARK_WOKEN: i32 = 2;

/**
 * Sleep on this M's semaphore until mwake, or until ms pass (ms < 0: no
 * limit). Returns at once if a wakeup came before the sleep. Whatever ends
 * the sleep, no release is left behind on the semaphore.
 */
function mpark(ms: i64): void {
  let mp = getm();
  let park = changetype<usize>(mp) + offsetof<M>("park");
  let sema = changetype<usize>(mp) + offsetof<M>("waitsema");
  if (atomic.cmpxchg<i32>(park, PARK_NONE, PARK_SLEEPING) == PARK_NONE) {
    // Retried while interrupted (docs/plan9-notes.md §2.8).
    if (ms < 0) {
      // Untimed: nothing of this wasm stack is needed after the wait (sysresume PARK).
      resumable(Resume.PARK);
      while (semacquire(sema, 1) != 1) resumable(Resume.PARK);
    } else {
      // Only findrunnable parks for a time (sysresume TIMEDPARK).
      resumable(Resume.TIMEDPARK);
      timedparked(tsemacquire(sema, ms));
    }
  }
  atomic.store<i32>(park, PARK_NONE);
}

/** The end of a timed park, whose wait returned r. */
function timedparked(r: i32): void {
  let mp = getm();
  if (r != 1 && atomic.cmpxchg<i32>(changetype<usize>(mp) + offsetof<M>("park"), PARK_SLEEPING, PARK_NONE) != PARK_SLEEPING) {
    // Timed out or interrupted, but a waker took us meanwhile: take its release.
    while (semacquire(changetype<usize>(mp) + offsetof<M>("waitsema"), 1) != 1) {}
  }
}

/** Wake mp from mpark (its nextp is set): one release, and only if it sleeps. */
function mwake(mp: M): void {
  if (atomic.xchg<i32>(changetype<usize>(mp) + offsetof<M>("park"), PARK_WOKEN) == PARK_SLEEPING) {
    semrelease(changetype<usize>(mp) + offsetof<M>("waitsema"), 1);
  }
}

/** Sleep until someone hands this M a P; then take it. */
function waitnextp(): void {
  let mp = getm();
  let np = changetype<usize>(mp) + offsetof<M>("nextp");
  while (atomic.load<usize>(np) == 0) mpark(-1);
  acquirep(changetype<P>(atomic.xchg<usize>(np, 0)));
}

/** go stopm: park this M on the idle list until startm gives it the P. */
export function stopm(): void {
  let mp = getm();
  lock(schedlock());
  mput(mp);
  unlock(schedlock());
  waitnextp();
}

/** go newm: a new M (a new proc, by rfork) that starts with pp. */
function newm(pp: P): void {
  let mp = allocm();
  mp.nextp = changetype<usize>(pp);
  let pid = rforkm(changetype<usize>(mp));
  if (pid < 0) {
    let b = getm().buf;
    let n = errstr(b + 256, 128);
    prints("runtime: rfork failed: ");
    printbytes(b + 256, n);
    prints("\n");
    throwstr("newosproc: rfork failed");
  }
  // m.pid is left to the child's minit, as Go's tstart_plan9 sets procid:
  // goexitsall notes only Ms that have set it, and one that has not yet
  // exits in minit, so "go: exit" never lands before the child's TLS is set.
  traceEvent(TraceKind.P_HANDOFF, getm().pid, pid, 0);
}

/** go startm: run pp on an idle M, or on a new one. */
function startm(pp: P): void {
  lock(schedlock());
  let mp = mget();
  if (changetype<usize>(mp) != 0) {
    atomic.store<usize>(changetype<usize>(mp) + offsetof<M>("nextp"), changetype<usize>(pp));
    unlock(schedlock());
    traceEvent(TraceKind.P_HANDOFF, getm().pid, mp.pid, 0);
    mwake(mp);
    return;
  }
  unlock(schedlock());
  newm(pp);
}

/** go handoffp: give pp to an M if there is work for it, else make it idle. */
export function handoffp(pp: P): void {
  let s = sched();
  lock(schedlock());
  if (pp.runqsize > 0 || pp.runnext != 0 || s.runqsize > 0 || ntimers() > 0) {
    unlock(schedlock());
    startm(pp);
    return;
  }
  s.pidle = changetype<usize>(pp);
  unlock(schedlock());
}

export function acquirep(pp: P): void {
  let mp = getm();
  mp.p = changetype<usize>(pp);
  pp.m = changetype<usize>(mp);
}

export function releasep(): P {
  let mp = getm();
  let pp = changetype<P>(mp.p);
  mp.p = 0;
  pp.m = 0;
  return pp;
}

// ---- run queues ----------------------------------------------------------------

/** go runqput: next=true puts gp in runnext, kicking the old one to the tail. */
export function runqput(pp: P, gp: G, next: bool): void {
  if (next) {
    let old = pp.runnext;
    pp.runnext = changetype<usize>(gp);
    if (old == 0) return;
    gp = changetype<G>(old);
  }
  gp.schedlink = 0;
  if (pp.runqtail != 0) changetype<G>(pp.runqtail).schedlink = changetype<usize>(gp);
  else pp.runqhead = changetype<usize>(gp);
  pp.runqtail = changetype<usize>(gp);
  pp.runqsize++;
}

function runqget(pp: P): usize {
  let gp = pp.runnext;
  if (gp != 0) {
    pp.runnext = 0;
    return gp;
  }
  gp = pp.runqhead;
  if (gp == 0) return 0;
  pp.runqhead = changetype<G>(gp).schedlink;
  if (pp.runqhead == 0) pp.runqtail = 0;
  pp.runqsize--;
  return gp;
}

/** Global run queue: the caller holds the sched lock. */
export function globrunqput(gp: G): void {
  let s = sched();
  gp.schedlink = 0;
  if (s.runqtail != 0) changetype<G>(s.runqtail).schedlink = changetype<usize>(gp);
  else s.runqhead = changetype<usize>(gp);
  s.runqtail = changetype<usize>(gp);
  s.runqsize++;
}

function globrunqget(): usize {
  let s = sched();
  let gp = s.runqhead;
  if (gp == 0) return 0;
  s.runqhead = changetype<G>(gp).schedlink;
  if (s.runqhead == 0) s.runqtail = 0;
  s.runqsize--;
  return gp;
}

/** Is there another G wanting the P (a safepoint then preempts)? */
export function runqwaiting(): bool {
  let mp = getm();
  if (mp.p == 0) return false;
  let pp = changetype<P>(mp.p);
  return pp.runnext != 0 || pp.runqsize > 0 || atomic.load<i32>(schedp + offsetof<Sched>("runqsize")) > 0;
}

// ---- goroutines ------------------------------------------------------------------

function malg(): G {
  let gp = changetype<G>(mallocgc(offsetof<G>()));
  gp.stacklo = stackalloc(STACK_SIZE);
  gp.stackhi = gp.stacklo + STACK_SIZE;
  let s = sched();
  lock(schedlock());
  gp.alllink = s.allg;
  s.allg = changetype<usize>(gp);
  unlock(schedlock());
  return gp;
}

function gfget(): G {
  let s = sched();
  lock(schedlock());
  let gp = s.gfree;
  if (gp != 0) s.gfree = changetype<G>(gp).schedlink;
  unlock(schedlock());
  if (gp == 0) return malg();
  return changetype<G>(gp);
}

/**
 * go newproc: a new goroutine running func f (closure or 0) with the nargs
 * words at args as its arguments. It goes to runnext, as in Go.
 */
export function newproc(f: i32, closure: usize, args: usize, nargs: i32): G {
  let s = sched();
  let gp = gfget();
  gp.status = Gidle;
  gp.panic = 0;
  gp.waiting = 0;
  gp.param = 0;
  gp.resume = RESUME_NONE;
  gp.lockedm = 0;
  gp.selectDone = 0;
  gp.startfn = f;
  if (gcur != 0 && vhdr != 0) {
    gp.creatorfn = load<i32>(vhdr, H_FUNC);
    gp.creatorline = load<i32>(vhdr, H_LINE);
  } else gp.creatorfn = -1;
  gp.tracepos = tracing() ? curpos() : 0;
  gp.traceop = tracing() ? gop : 0;
  if (nargs > 0) memory.copy(gp.stacklo, args, <usize>nargs << 3);
  initframe(gp, f, closure, nargs);
  lock(schedlock());
  gp.goid = ++s.goidgen;
  s.ngoroutines++;
  unlock(schedlock());
  gp.status = Grunnable;
  traceEvent(TraceKind.GO_CREATE, gp.goid, gcur != 0 ? getg().goid : 0, f);
  let mp = getm();
  if (mp.p != 0) runqput(changetype<P>(mp.p), gp, true);
  else {
    lock(schedlock());
    globrunqput(gp);
    unlock(schedlock());
  }
  return gp;
}

/** go goexit0: the running G returned from its first frame (or Goexit). */
export function goexit0(gp: G): void {
  traceEvent(TraceKind.GO_END, gp.goid, 0, 0);
  let mp = getm();
  gp.status = Gdead;
  gp.m = 0;
  gp.hdr = 0;
  gp.panic = 0;
  if (gp.lockedm != 0) {
    // Plan 9 never destroys an M: a locked G's M is kept and reused (go goexit0, #22227).
    mp.lockedg = 0;
    gp.lockedm = 0;
  }
  let s = sched();
  lock(schedlock());
  s.ngoroutines--;
  gp.schedlink = s.gfree;
  s.gfree = changetype<usize>(gp);
  unlock(schedlock());
}

/**
 * go gopark: the running G stops until goready. The caller has set the
 * registers to where the G must resume. Returns 1 (the interpreter stops).
 */
export function gopark(reason: i32): i32 {
  let gp = getg();
  saveregs(gp);
  gp.status = Gwaiting;
  gp.waitreason = reason;
  gp.waitsince = 0;
  traceEvent(TraceKind.GO_BLOCK, gp.goid, tracereason(reason), 0);
  return 1;
}

/** go goready: make gp runnable; it runs next. Only the P holder calls it. */
export function goready(gp: G): void {
  gp.status = Grunnable;
  traceEvent(TraceKind.GO_UNBLOCK, gp.goid, 0, 0);
  let mp = getm();
  if (mp.p != 0) runqput(changetype<P>(mp.p), gp, true);
  else {
    lock(schedlock());
    globrunqput(gp);
    unlock(schedlock());
  }
}

/** go gosched_m / preemption: the running G goes to the global queue. Returns 1. */
export function gosched(): i32 {
  let gp = getg();
  saveregs(gp);
  gp.status = Grunnable;
  lock(schedlock());
  globrunqput(gp);
  unlock(schedlock());
  return 1;
}

// ---- system calls ------------------------------------------------------------------

/**
 * go entersyscall: the G stays on this M, and so does the P. Go's sysmon
 * takes the P from an M whose call runs on; here the kernel tells the M
 * when its call would sleep (Mbox.KEEPSP, set by keepp) and the M hands the
 * P off itself (syscallblock). So a call that does not wait (an open, a
 * write to a note file, a read of data already queued) costs no other M,
 * and a burst of them (a hundred deadline timers firing at once, each
 * making Cancel's calls) runs on the M that has the P, as in Go.
 */
export function entersyscall(num: i32): void {
  let gp = getg();
  saveregs(gp);
  gp.status = Gsyscall;
  gp.sysnum = num;
  let s = sched();
  lock(schedlock());
  s.nsyscall++;
  unlock(schedlock());
  traceEvent(TraceKind.SYSCALL_ENTER, gp.goid, num, 0);
}

/** The next kernel call is made keeping the P: the kernel must say if it would sleep (Mbox.KEEPSP). */
export function keepp(): void {
  let mp = getm();
  if (mp.p != 0) store<i32>(mp.mailbox + Mbox.KEEPSP, 1);
}

/**
 * The call this M made with the P kept would sleep (the glue calls this,
 * then makes the call again): go's retake, run by the M itself. The P goes
 * to an M that has work for it (handoffp), possibly a new one.
 */
export function syscallblock(): void {
  let mp = getm();
  if (mp.p == 0) return;
  handoffp(releasep());
}

/**
 * go exitsyscall: go on with the P this M kept, or take the idle P (true);
 * or queue the G and return false: the caller saved its registers, the M
 * must then stop.
 */
export function exitsyscall(): bool {
  let gp = getg();
  let mp = getm();
  let s = sched();
  lock(schedlock());
  s.nsyscall--;
  if (mp.p != 0) {
    // The call did not sleep: the P never left.
    unlock(schedlock());
    gp.status = Grunning;
    traceEvent(TraceKind.SYSCALL_EXIT, gp.goid, 0, 0);
    return true;
  }
  if (s.pidle != 0) {
    let pp = changetype<P>(s.pidle);
    s.pidle = 0;
    unlock(schedlock());
    acquirep(pp);
    gp.status = Grunning;
    traceEvent(TraceKind.SYSCALL_EXIT, gp.goid, 0, 0);
    return true;
  }
  gp.status = Grunnable;
  globrunqput(gp);
  unlock(schedlock());
  traceEvent(TraceKind.SYSCALL_EXIT, gp.goid, 1, 0);
  return false;
}

// ---- locked Gs --------------------------------------------------------------------

/** go startlockedm: gp is locked to another M: hand it our P and stop. */
function startlockedm(gp: G): void {
  let mp = changetype<M>(gp.lockedm);
  let pp = releasep();
  atomic.store<usize>(changetype<usize>(mp) + offsetof<M>("nextp"), changetype<usize>(pp));
  traceEvent(TraceKind.P_HANDOFF, getm().pid, mp.pid, gp.goid);
  mwake(mp);
  stopm();
}

/** go stoplockedm: our locked G cannot run: give the P away and wait for it to be handed back. */
function stoplockedm(): void {
  let mp = getm();
  if (mp.p != 0) handoffp(releasep());
  waitnextp();
}

// ---- the scheduler loop ---------------------------------------------------------------

/**
 * A proc whose call slept without its thread (Mbox.RESUME) runs again on a
 * worker with a fresh wasm stack: set this instance's globals from its M,
 * take the call's result (notes are delivered then, as on any return from
 * the kernel) and go on as the code that made the call would have:
 * - SYSCALL (the syscall intrinsic, intrinsics.ts dosyscall): the result
 *   goes to the G's operand stack, then exitsyscall, and the G runs on if
 *   this M got the P (the interpreter takes a trap note first), as an M does
 *   that picks the G from the run queue; else this M stops;
 * - PARK (mpark without a time limit, in waitnextp): the rest of the park,
 *   then of waitnextp, and the locked G that stoplockedm waited for;
 * - TIMEDPARK (findrunnable's mpark until the next timer): the rest of the
 *   park, and the P it may take after.
 * Then the scheduler loop, where all of those return to. Never returns.
 */
export function sysresume(pid: i32, kind: i32): void {
  let mp = changetype<M>(<usize>load<u32>(<usize>MAILBOX_BASE + <usize>pid * <usize>MAILBOX_SIZE + Mbox.M));
  mtls(mp);
  if (kind == Resume.SYSCALL) {
    let gp = changetype<G>(mp.curg);
    setg(mp.curg);
    loadregs(gp); // as dosyscall left them: a note handler sees where the G is
    store<i64>(gp.sp - 8, resumed()); // dosyscall's result slot: the word below the saved sp
    if (exitsyscall()) interpret();
    setg(0);
    mp.curg = 0;
  } else if (kind == Resume.PARK) {
    setg(0);
    let sema = changetype<usize>(mp) + offsetof<M>("waitsema");
    if (<i32>resumed() != 1) {
      resumable(Resume.PARK);
      while (semacquire(sema, 1) != 1) resumable(Resume.PARK);
    }
    atomic.store<i32>(changetype<usize>(mp) + offsetof<M>("park"), PARK_NONE);
    waitnextp();
    if (mp.lockedg != 0) execute(changetype<G>(mp.lockedg));
  } else if (kind == Resume.TIMEDPARK) {
    // findrunnable's park: the loop it goes on with is the scheduler's (its
    // caller's) with the P, or stopm's without.
    setg(0);
    timedparked(<i32>resumed());
    atomic.store<i32>(changetype<usize>(mp) + offsetof<M>("park"), PARK_NONE);
    unparked();
  } else throwstr("sysresume: unknown kind");
  schedule();
}

function execute(gp: G): void {
  let mp = getm();
  let pp = changetype<P>(mp.p);
  pp.schedtick++;
  gp.status = Grunning;
  gp.m = changetype<usize>(mp);
  mp.curg = changetype<usize>(gp);
  setg(changetype<usize>(gp));
  loadregs(gp); // first: the record's position is where gp resumes
  traceEvent(TraceKind.GO_START, gp.goid, 0, 0);
  interpret();
  setg(0);
  mp.curg = 0;
}

/**
 * go findrunnable: a G to run, or 0 when this M gave up the P (the caller
 * then loops). Runs expired timers first.
 */
function findrunnable(): usize {
  let mp = getm();
  let s = sched();
  for (;;) {
    let pp = changetype<P>(mp.p);
    let now = nanotime();
    runtimers(now);
    let gp: usize = 0;
    // p9rt explore: a schedule may run another runnable G here (explore.ts).
    if (load<i32>(Ctl.EXPLORE) != 0 && (gp = explorepick(pp)) != 0) return gp;
    if (pp.schedtick % 61 == 0 && s.runqsize > 0) {
      lock(schedlock());
      gp = globrunqget();
      unlock(schedlock());
      if (gp != 0) return gp;
    }
    gp = runqget(pp);
    if (gp != 0) return gp;
    lock(schedlock());
    gp = globrunqget();
    if (gp != 0) {
      unlock(schedlock());
      return gp;
    }
    let next = timersnext();
    if (next == NO_TIMER && s.nsyscall == 0) {
      unlock(schedlock());
      checkdead();
    }
    // Nothing to run: the P goes idle. With timers pending this M sleeps
    // until the first one (on the idle list, so startm can wake it early).
    releasep();
    s.pidle = changetype<usize>(pp);
    if (next == NO_TIMER) {
      unlock(schedlock());
      return 0;
    }
    mput(mp);
    unlock(schedlock());
    let ms = (next - now + 999999) / 1000000;
    if (ms < 1) ms = 1;
    mpark(ms);
    unparked();
    if (mp.p != 0) continue;
    return 0;
  }
}

/**
 * After findrunnable's timed park: take the P an M handed to this one, or
 * the idle P; or, with neither, leave the idle list.
 */
function unparked(): void {
  let mp = getm();
  let s = sched();
  lock(schedlock());
  let np = atomic.xchg<usize>(changetype<usize>(mp) + offsetof<M>("nextp"), 0);
  if (np != 0) {
    unlock(schedlock());
    acquirep(changetype<P>(np));
    return;
  }
  mremove(mp);
  if (s.pidle != 0) {
    let p2 = changetype<P>(s.pidle);
    s.pidle = 0;
    unlock(schedlock());
    acquirep(p2);
    return;
  }
  unlock(schedlock());
}

/** go checkdead: no G can ever run again. */
function checkdead(): void {
  throwall("all goroutines are asleep - deadlock!");
}

/** go schedule: find a G and run it, forever. */
export function schedule(): void {
  for (;;) {
    let mp = getm();
    if (mp.lockedg != 0) {
      stoplockedm();
      execute(changetype<G>(mp.lockedg));
      continue;
    }
    if (mp.p == 0) {
      stopm();
      continue;
    }
    let gp = findrunnable();
    if (gp == 0) continue;
    let g = changetype<G>(gp);
    if (g.lockedm != 0 && g.lockedm != mcur) {
      startlockedm(g);
      continue;
    }
    execute(g);
  }
}

/**
 * The lockedg path when the locked G itself is still running on this M
 * (exitsyscall failed): the loop above handles it the same way.
 */

// ---- boot ---------------------------------------------------------------------------

/** go schedinit + newproc(main) + mstart, on pid 1. */
export function boot(img: usize, len: usize): void {
  let s = changetype<Sched>(mallocgc(offsetof<Sched>()));
  s.image = img;
  s.imagelen = len;
  s.gomaxprocs = 1;
  s.seed = 1;
  atomic.store<u32>(Ctl.SCHED_ROOT, <u32>changetype<usize>(s));
  setSchedRoot(changetype<usize>(s));
  let m0 = allocm();
  setm(changetype<usize>(m0));
  minit();
  if (!relocate(img, len)) throwstr("boot: not a p9rt program image (bad magic or version)");
  s.globals = mallocgc(<usize>imgword(Img.NGLOBALS) << 3);
  s.funcvals = mallocgc(<usize>nfuncs() << 3);
  for (let i = 0; i < nfuncs(); i++) store<i32>(s.funcvals + (<usize>i << 3), i);
  s.sigq = mallocgc(<usize>64 * (128 + 8));
  setSchedRoot(changetype<usize>(s));
  let pp = changetype<P>(mallocgc(offsetof<P>()));
  s.allp = changetype<usize>(pp);
  notify(1);
  acquirep(pp);
  let entry = imgword(Img.ENTRY);
  if (entry < 0 || entry >= nfuncs()) throwstr("boot: the image has no entry function");
  newproc(entry, 0, 0, 0);
  schedule();
}

function setSchedRoot(s: usize): void {
  setSched(s);
}

/** A forked proc: mstart on M mp with the P it was given. */
export function tstart(mp: usize): void {
  setm(mp);
  setSched(<usize>atomic.load<u32>(Ctl.SCHED_ROOT));
  minit();
  let m = getm();
  let np = atomic.xchg<usize>(mp + offsetof<M>("nextp"), 0);
  if (np != 0) acquirep(changetype<P>(np));
  schedule();
}

export function numgoroutine(): i32 {
  return sched().ngoroutines;
}
