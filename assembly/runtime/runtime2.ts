// The runtime's data structures (go runtime/runtime2.go). Every one of them
// lives in shared memory (blocks from mallocgc), reached through raw
// pointers, so any M can read the G it is about to run. Module globals in
// this file are per instance, i.e. per M: they are the M's TLS.

// G status (go _Gidle.._Gdead).
export const Gidle: i32 = 0;
export const Grunnable: i32 = 1;
export const Grunning: i32 = 2;
export const Gsyscall: i32 = 3;
export const Gwaiting: i32 = 4;
export const Gdead: i32 = 6;

/** What a G must do when it next runs (set by the code that parked it). */
export const RESUME_NONE: i32 = 0;
export const RESUME_SEND: i32 = 1; // a chan send: panic if it was woken by close
export const RESUME_SELECT: i32 = 2; // a select: fix up the result words
export const RESUME_RECV: i32 = 3; // a receive: give the sudog back

/**
 * A goroutine's stack of words: frames and operand stacks (docs/bytecode.md
 * "Frames"). It starts at STACK_SIZE and is copied to one twice as big when a
 * call does not fit (frame.ts growstack), up to STACK_MAX ("stack overflow").
 * Go starts at 2 KiB too (go runtime/stack.go _StackMin): a million parked
 * goroutines then take about 2.3 GB with their G records, and the main
 * goroutine or a deep one pays a few copies (2, 4, 8 ... KiB).
 */
export const STACK_SIZE: usize = 2 * 1024;
export const STACK_MAX: usize = 64 * 1024 * 1024;

@unmanaged
export class G {
  goid: i64;
  status: i32;
  waitreason: i32;
  stacklo: usize;
  stackhi: usize;
  // interpreter registers while the G is not running
  pc: usize;
  sp: usize;
  fp: usize;
  hdr: usize;
  schedlink: usize; // run queue / free list
  alllink: usize; // allg list
  lockedm: usize; // LockOSThread
  m: usize; // the M running it, or in a syscall
  panic: usize; // innermost Panic record
  waiting: usize; // sudog of a chan op / sema wait
  param: usize; // wakeup result (select: the sudog that won)
  resume: i32;
  selectDone: i32; // CAS 0 -> 1 by the one who wakes a select
  timer: usize; // the G's sleep timer, made once
  startfn: i32; // func index the G started with
  creatorfn: i32; // func and line of the go statement ("created by"), -1 for the main goroutine
  creatorline: i32;
  waitsince: i64;
  sysnum: i32; // syscall in progress
  parkingOnChan: i32;
  // A trap note to be raised as a panic at this G's next instruction (go
  // gp.sig): note table index + 1, 0 for none; and the M whose notebuf
  // holds the note's text (go g.m.notesig). sighandler.ts, vm/panic.ts sigpanic.
  sig: i32;
  sigm: usize;
  // Traced runs: the source position of the go statement's goroutine when it
  // made this one (tracepos.ts), this G's position while it has no frame of
  // the program's own.
  tracepos: i64;
  // ... and the Go operation that goes with it (tracepos.ts gop).
  traceop: i32;
}

@unmanaged
export class M {
  id: i32;
  pid: i32;
  curg: usize;
  p: usize;
  nextp: usize; // P handed to this M by startm/startlockedm
  lockedg: usize;
  ignoreHangup: i32;
  waitsema: i32; // Plan 9 semaphore word this M sleeps on
  park: i32; // PARK_*: whether it sleeps there, or a wakeup came first (proc.ts mpark)
  schedlink: usize; // idle M list
  alllink: usize;
  mailbox: usize;
  buf: usize; // scratch for printing (M_BUF bytes)
  notebuf: usize; // scratch for the note handler (it must not share buf)
  idle: i32; // on the idle list
  fastrand: u32;
  printlock: i32;
  lockedExt: i32; // LockOSThread nesting count
}

export const M_BUF: i32 = 512;

@unmanaged
export class P {
  status: i32;
  schedtick: i32;
  m: usize;
  runnext: usize;
  runqhead: usize; // local run queue, a linked list through G.schedlink
  runqtail: usize;
  runqsize: i32;
  sudogcache: usize;
  deferpool: usize; // free Defer records of DEFER_POOLED bytes
}

/** The scheduler root, its address at Ctl.SCHED_ROOT. */
@unmanaged
export class Sched {
  lock: i32; // protects everything below but the timers and sema
  gomaxprocs: i32;
  image: usize;
  imagelen: usize;
  globals: usize;
  funcvals: usize; // one capture-less closure per func (FUNCVAL)
  mnext: i32;
  nmidle: i32;
  allm: usize;
  midle: usize;
  allp: usize;
  pidle: usize;
  runqhead: usize; // global run queue
  runqtail: usize;
  runqsize: i32;
  nsyscall: i32; // Gs in syscalls
  goidgen: i64;
  allg: usize;
  gfree: usize;
  ngoroutines: i32;
  timerslock: i32;
  timers: usize; // min-heap of Timer pointers
  ntimers: i32;
  timerscap: i32;
  semalock: i32;
  semahead: usize; // sudogs waiting in semacquire
  semawait: i32;
  seed: u64;
  argv: usize; // []string for os.Args, or 0
  sigqlock: i32;
  siginuse: i32;
  sigq: usize; // ring of notes for os/signal
  sigri: i32;
  sigwi: i32;
  sigfull: i32; // sigri == sigwi means empty unless set: all 64 slots in use (go sigqueue_plan9.go)
  sigsema: i32;
  pollvariant: i32;
}

/** A waiting G on a channel or semaphore queue (go sudog). */
@unmanaged
export class Sudog {
  g: usize;
  next: usize;
  prev: usize;
  elem: usize; // where a received value goes / a sent value is read from
  okslot: usize; // where a receive's ok word goes (0: none)
  c: usize;
  success: i32;
  isSelect: i32;
  caseidx: i32;
  pad: i32;
  val: i64; // a sent value
  waitlink: usize; // the G's other sudogs (select)
  addr: usize; // sema address
}

@unmanaged
export class Hchan {
  lock: i32;
  closed: i32;
  qcount: i32;
  dataqsiz: i32;
  buf: usize;
  sendx: i32;
  recvx: i32;
  recvqfirst: usize;
  recvqlast: usize;
  sendqfirst: usize;
  sendqlast: usize;
}

@unmanaged
export class Timer {
  when: i64;
  period: i64;
  f: usize; // closure run in a new goroutine, or 0
  g: usize; // G to ready (time.Sleep), or 0
  idx: i32; // index in the heap, -1 when not in it
  seq: i32;
  // Traced runs: the source position of whoever last set or reset it
  // (tracepos.ts), the creation position of the goroutine f runs in.
  pos: i64;
}

/** A deferred call (DEFER / DEFERCLOSURE): args follow the record. */
@unmanaged
export class Defer {
  link: usize;
  fn: i32; // func index
  closure: usize;
  nargs: i32;
  pad: i32;
}

@unmanaged
export class Panic {
  link: usize;
  value: i64; // the interface word
  cursor: usize; // frame header whose defers are being run
  recovered: i32;
  aborted: i32;
  goexit: i32;
  pad: i32;
}

// ---- per-M TLS -----------------------------------------------------------------

/** The current M and the running G of this instance (0 when in the scheduler). */
export let mcur: usize = 0;
export let gcur: usize = 0;
/** Cached from the scheduler root: these never change after boot. */
export let schedp: usize = 0;
export let image: usize = 0;
export let globals: usize = 0;

export function setm(mp: usize): void {
  mcur = mp;
}
export function setg(gp: usize): void {
  gcur = gp;
}
export function setSched(s: usize): void {
  schedp = s;
  image = changetype<Sched>(s).image;
  globals = changetype<Sched>(s).globals;
}

// @ts-ignore: decorator
@inline export function getm(): M {
  return changetype<M>(mcur);
}
// @ts-ignore: decorator
@inline export function getg(): G {
  return changetype<G>(gcur);
}
// @ts-ignore: decorator
@inline export function sched(): Sched {
  return changetype<Sched>(schedp);
}
