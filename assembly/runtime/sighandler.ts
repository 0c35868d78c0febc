// The note path (go runtime/os3_plan9.go sighandler, os_plan9.go exit,
// goexitsall, postnote; docs/plan9-notes.md §2.2-2.7). The host glue
// calls sigtramp on this same instance while the M is inside a system call
// (or a TICK), with the note the kernel moved to the mailbox; the result is
// the argument of the glue's noted() call.
//
// Like Go's handler this code uses no floating point (Plan 9 forbids it in a
// note handler) and does not allocate: it prints and builds strings in the
// M's notebuf (Go's gsignal stack).
import { Ctl, ERRMAX, NCONT, NDFLT, SigFlag, Decision, TraceKind, PanicCode } from "../abi";
import { panicRuntime } from "../vm/panic";
import { throwstr, throwbytes, dumpgs } from "./panic";
import { M, G, mcur, gcur, sched, schedp } from "./runtime2";
import { notematch, noteflags } from "./sigtable";
import { exits, open, closefd, pwrite, traceEvent, semrelease, OWRITE } from "./os_plan9";
import { prints, printbytes, printhex, setPrintBuf, putstr, eqstr } from "./print";
import { lock, unlock } from "./lock";
import { vpc, vcode } from "../vm/frame";

// Layout of m.notebuf.
const NB_NOTE: usize = 0; // copy of the note
const NB_MSG: usize = 128; // "go: exit <status>"
const NB_PATH: usize = 256; // "/proc/<pid>/note"
const NB_STATUS: usize = 320; // exit status text
// 384..640: the handler's print scratch (sigtramp)
const NB_SIGLEN: usize = 760; // i32: length of the note at NB_SIG
const NB_SIG: usize = 768; // a trap note waiting to become a panic (go m.notesig)

// Note table indexes of the Panic entries (go runtime/os2_plan9.go).
const SIGRFAULT = 2;
const SIGWFAULT = 3;
const SIGINTDIV = 4;
const SIGFLOAT = 5;

/** Notes queued for os/signal (go runtime/sigqueue_plan9.go): 64 slots of ERRMAX bytes + length. */
export const SIGQ_SLOTS: i32 = 64;
export const SIGQ_SLOT: usize = <usize>ERRMAX + 8;

function goid(): i64 {
  return gcur != 0 ? changetype<G>(gcur).goid : 0;
}

function decide(d: i32, idx: i32): void {
  traceEvent(TraceKind.HANDLER, d, idx, goid());
}

export function sigtramp(note: usize, len: i32): i32 {
  let mp = changetype<M>(mcur);
  if (mcur == 0) badsignal2();
  let old = setPrintBuf(mp.notebuf + 384);
  let r = sighandler(note, len);
  setPrintBuf(old);
  return r;
}

// go badsignal2's text, built in static data: no M, so no M buffer to build it in.
const BADSIGNAL = "runtime: signal received on thread not created by Go.\n";
/** The prefix of the note goexitsall posts (go runtime/os_plan9.go). */
const GOEXIT = "go: exit ";
const badsignalbuf: usize = memory.data(64);

/**
 * go badsignal2 (sys_plan9_amd64.s): a note reached a proc whose TLS g is
 * not set yet (a freshly rforked M before tstart, docs/plan9-notes.md §5 item 19).
 * Only this proc exits, with the message as its status, also written to fd 2.
 */
function badsignal2(): void {
  // Every M that gets here writes the same bytes, so they may share the buffer.
  let n = <i32>(putstr(badsignalbuf, BADSIGNAL) - badsignalbuf);
  pwrite(2, badsignalbuf, n, -1);
  exits(badsignalbuf, n);
}

/** go sighandler: the decision tree of docs/plan9-notes.md §2.4. */
export function sighandler(note0: usize, len: i32): i32 {
  let mp = changetype<M>(mcur);
  // An empty note is a note (go checks only for nil): it matches no table
  // entry, so it is an unknown note, for os/signal or ignored.
  if (note0 == 0 || len < 0) {
    prints("sighandler: no note\n");
    decide(Decision.THROW, -1);
    goexitsall(0, 0);
    exits(0, 0);
    return NDFLT;
  }
  if (len > ERRMAX - 1) {
    prints("sighandler: note is longer than ERRMAX\n");
    len = ERRMAX - 1;
    let note = copynote(note0, len);
    decide(Decision.THROW, -1);
    return dothrow(note, len);
  }
  let note = copynote(note0, len);
  let idx = notematch(note, len);
  let flags = noteflags(idx);
  if (flags & SigFlag.GOEXIT) {
    decide(Decision.GOEXIT, idx);
    exits(note + <usize>GOEXIT.length, len - GOEXIT.length); // the text after "go: exit "
  }
  if (flags & SigFlag.PANIC) {
    if (gcur != 0) {
      // Go rewrites the saved pc to sigpanic; here the G is marked and the
      // interpreter raises the panic at its next instruction (sigpanic below).
      let gp = changetype<G>(gcur);
      memory.copy(mp.notebuf + NB_SIG, note, <usize>len);
      store<i32>(mp.notebuf + NB_SIGLEN, len);
      gp.sigm = mcur;
      gp.sig = idx + 1;
      decide(Decision.PANIC, idx);
      return NCONT;
    }
    // On g0 (the scheduler) Go's sigpanic cannot panic and throws.
    flags = (flags & ~SigFlag.PANIC) | SigFlag.THROW;
  }
  if (flags & SigFlag.NOTIFY) {
    if (ignoredNote(note, len)) {
      decide(Decision.IGNORED_HANGUP, idx);
      return NCONT;
    }
    if (sendNote(note, len)) {
      decide(Decision.SENT_TO_SIGNAL, idx);
      return NCONT;
    }
  }
  if (flags & SigFlag.KILL) {
    decide(Decision.KILL, idx);
    goexitsall(note, len);
    exits(note, len);
    return NDFLT;
  }
  if (!(flags & SigFlag.THROW)) {
    decide(Decision.IGNORED, idx);
    return NCONT;
  }
  decide(Decision.THROW, idx);
  return dothrow(note, len);
}

function copynote(note: usize, len: i32): usize {
  let dst = changetype<M>(mcur).notebuf + NB_NOTE;
  memory.copy(dst, note, <usize>len);
  return dst;
}

/**
 * go sigpanic: the G that was running when a trap note came resumes here,
 * at its next instruction, registers spilled. Returns the interpreter status
 * (0: go on, now in the panic; 1: the G stopped).
 */
export function sigpanic(): i32 {
  let gp = changetype<G>(gcur);
  let idx = gp.sig - 1;
  gp.sig = 0;
  let nb = changetype<M>(gp.sigm).notebuf;
  let note = nb + NB_SIG;
  let len = load<i32>(nb + NB_SIGLEN);
  if (idx == SIGRFAULT || idx == SIGWFAULT) {
    let i = indexnote(note, len, "addr=");
    if (i < 0) i = indexnote(note, len, "va=");
    if (i < 0) return panicRuntime(PanicCode.NILDEREF, 0, 0);
    let addr = atolwhex(note + <usize>i, len - i);
    if (addr < 0x1000) return panicRuntime(PanicCode.NILDEREF, 0, 0);
    setPrintBuf(0);
    prints("unexpected fault address ");
    printhex(addr);
    prints("\n");
    throwstr("fault");
    return 1;
  }
  if (idx == SIGINTDIV) return panicRuntime(PanicCode.DIVIDE, 0, 0);
  if (idx == SIGFLOAT) return panicRuntime(PanicCode.FLOAT, 0, 0);
  // _SIGTRAP (no paniconfault here): throw with the note's text.
  throwbytes(note, len);
  return 1;
}

/** Where the text after pat starts in the note, or -1 (go indexNoFloat). */
function indexnote(s: usize, n: i32, pat: string): i32 {
  let m = pat.length;
  for (let i = 0; i + m <= n; i++) {
    let j = 0;
    while (j < m && <i32>load<u8>(s + <usize>(i + j)) == pat.charCodeAt(j)) j++;
    if (j == m) return i + m;
  }
  return -1;
}

/** go atolwhex: decimal, or hex after 0x, up to the first other byte. */
function atolwhex(s: usize, n: i32): u64 {
  let i = 0;
  while (i < n && (load<u8>(s + <usize>i) == 32 || load<u8>(s + <usize>i) == 9)) i++;
  let base: u64 = 10;
  if (i + 1 < n && load<u8>(s + <usize>i) == 48 && (load<u8>(s + <usize>i + 1) | 32) == 120) {
    base = 16;
    i += 2;
  }
  let v: u64 = 0;
  for (; i < n; i++) {
    let c = <i32>load<u8>(s + <usize>i);
    let d: i32 = 0;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (base == 16 && (c | 32) >= 97 && (c | 32) <= 102) d = (c | 32) - 87;
    else break;
    v = v * base + <u64>d;
  }
  return v;
}

/** Throw: the note, PC=, the goroutines, then exit with the note as status. */
function dothrow(note: usize, len: i32): i32 {
  printbytes(note, len);
  prints("\nPC=");
  printhex(gcur != 0 && vcode != 0 ? <u64>(vpc - vcode) : 0);
  prints("\n");
  dumpgs(true);
  goexitsall(note, len);
  exits(note, len);
  return NDFLT;
}

/** True only for exactly "hangup" on an M that ignores hangup (go runtime/os_plan9.go). */
export function ignoredNote(note: usize, len: i32): bool {
  if (mcur == 0 || changetype<M>(mcur).ignoreHangup == 0) return false;
  return eqstr(note, len, "hangup");
}

/**
 * go sendNote: queue the note for os/signal once signal_enable has been
 * called; false when nobody listens or the ring is full.
 */
export function sendNote(note: usize, len: i32): bool {
  if (schedp == 0) return false;
  let s = sched();
  if (atomic.load<i32>(changetype<usize>(s) + offsetof<Sched_>("siginuse")) == 0) return false;
  let l = changetype<usize>(s) + offsetof<Sched_>("sigqlock");
  lock(l);
  if (s.sigfull) {
    unlock(l);
    return false;
  }
  let slot = s.sigq + <usize>s.sigwi * SIGQ_SLOT;
  store<i32>(slot, len);
  memory.copy(slot + 8, note, <usize>len);
  s.sigwi = (s.sigwi + 1) % SIGQ_SLOTS;
  if (s.sigwi == s.sigri) s.sigfull = 1;
  unlock(l);
  semrelease(changetype<usize>(s) + offsetof<Sched_>("sigsema"), 1);
  return true;
}

import { Sched as Sched_ } from "./runtime2";

/** Decimal digits of v at p; returns the length. */
function itoa(p: usize, v: i32): i32 {
  let n = 0;
  let t = v;
  do {
    n++;
    t /= 10;
  } while (t != 0);
  for (let i = n - 1; i >= 0; i--) {
    store<u8>(p + i, <u8>(48 + v % 10));
    v /= 10;
  }
  return n;
}

/** go postnote: write msg to /proc/<pid>/note. */
export function postnote(pid: i32, msg: usize, len: i32): i32 {
  let path = changetype<M>(mcur).notebuf + NB_PATH;
  let p = putstr(path, "/proc/");
  p += itoa(p, pid);
  p = putstr(p, "/note");
  let fd = open(path, <i32>(p - path), OWRITE);
  if (fd < 0) return -1;
  let r = pwrite(fd, msg, len, -1);
  closefd(fd);
  return r < 0 ? -1 : 0;
}

/**
 * go goexitsall: post "go: exit <status>" to every other M. Only the first
 * caller does it (CAS on Ctl.EXITING); Ms made later exit in minit.
 */
export function goexitsall(status: usize, len: i32): void {
  if (atomic.cmpxchg<i32>(Ctl.EXITING, 0, 1) != 0) return;
  if (mcur == 0 || schedp == 0) return;
  let me = changetype<M>(mcur);
  let msg = me.notebuf + NB_MSG;
  let prefix = <i32>(putstr(msg, GOEXIT) - msg);
  if (len > ERRMAX - 1 - prefix) len = ERRMAX - 1 - prefix;
  if (len > 0) memory.copy(msg + <usize>prefix, status, <usize>len);
  let mp = sched().allm;
  while (mp != 0) {
    let m = changetype<M>(mp);
    let pid = atomic.load<i32>(mp + offsetof<M>("pid"));
    if (pid != 0 && pid != me.pid) postnote(pid, msg, prefix + len);
    mp = m.alllink;
  }
}

/** go exit: status "" for 0, else decimal; goexitsall, then exits. Does not return. */
export function exit(code: i32): void {
  let len = 0;
  let st: usize = 0;
  if (mcur != 0) {
    st = changetype<M>(mcur).notebuf + NB_STATUS;
  } else {
    st = exitbuf;
  }
  if (code != 0) {
    if (code < 0) {
      store<u8>(st, 45);
      len = 1 + itoa(st + 1, -code);
    } else len = itoa(st, code);
  }
  goexitsall(st, len);
  exits(st, len);
}

/** exitString: os.Exit-like with a text status (runtime.exitString). */
export function exitstring(s: usize, len: i32): void {
  let st = changetype<M>(mcur).notebuf + NB_STATUS;
  if (len > ERRMAX - 1) len = ERRMAX - 1;
  memory.copy(st, s, <usize>len);
  goexitsall(st, len);
  exits(st, len);
}

const exitbuf: usize = memory.data(16);
