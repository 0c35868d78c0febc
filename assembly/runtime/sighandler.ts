// The note path (go runtime/os3_plan9.go sighandler, os_plan9.go exit,
// goexitsall, postnote; reference/plan9-notes.md §2.2-2.7). The host glue
// calls sigtramp on this same instance while the M is inside a system call
// (or a TICK), with the note the kernel moved to the mailbox; the result is
// the argument of the glue's noted() call.
//
// Like Go's handler this code uses no floating point (Plan 9 forbids it in a
// note handler) and does not allocate: it prints and builds strings in the
// M's notebuf (Go's gsignal stack).
import { Ctl, ERRMAX, NCONT, NDFLT, SigFlag, Decision, TraceKind } from "../abi";
import { M, G, mcur, gcur, sched, schedp, Grunning } from "./runtime2";
import { notematch, noteflags } from "./sigtable";
import { exits, open, closefd, pwrite, traceEvent, semrelease, OWRITE } from "./os_plan9";
import { prints, printbytes, printhex, setPrintBuf } from "./print";
import { lock, unlock } from "./lock";
import { goroutineheader, tracebackframes, tracebackcreator, tracebackg, tracebackothers } from "./traceback";
import { vhdr, vpc, vcode } from "../vm/frame";

// Layout of m.notebuf.
const NB_NOTE: usize = 0; // copy of the note
const NB_MSG: usize = 128; // "go: exit <status>"
const NB_PATH: usize = 256; // "/proc/<pid>/note"
const NB_STATUS: usize = 320; // exit status text

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
  if (mcur == 0) {
    // go badsignal2: a note on a proc the runtime did not make
    prints("runtime: signal received on thread not created by Go.\n");
    exits(note, len);
  }
  let old = setPrintBuf(mp.notebuf + 384);
  let r = sighandler(note, len);
  setPrintBuf(old);
  return r;
}

/** go sighandler: the decision tree of plan9-notes §2.4. */
export function sighandler(note0: usize, len: i32): i32 {
  let mp = changetype<M>(mcur);
  if (note0 == 0 || len <= 0) {
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
    exits(note + 9, len - 9); // the text after "go: exit "
  }
  if (flags & SigFlag.PANIC) {
    // v1: turning a trap note into a Go panic in the running goroutine is a
    // later issue; such notes are fatal (as if the goroutine could not panic).
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

/** Throw: the note, PC=, the goroutines, then exit with the note as status. */
function dothrow(note: usize, len: i32): i32 {
  printbytes(note, len);
  prints("\nPC=");
  printhex(gcur != 0 && vcode != 0 ? <u64>(vpc - vcode) : 0);
  prints("\n");
  if (gcur != 0) {
    let gp = changetype<G>(gcur);
    prints("\n");
    if (gp.status == Grunning) {
      goroutineheader(gp);
      tracebackframes(vhdr);
      tracebackcreator(changetype<G>(gcur));
    } else tracebackg(gp, gp.hdr);
  }
  tracebackothers(gcur);
  goexitsall(note, len);
  exits(note, len);
  return NDFLT;
}

/** True only for exactly "hangup" on an M that ignores hangup (go runtime/os_plan9.go). */
export function ignoredNote(note: usize, len: i32): bool {
  if (len != 6) return false;
  if (mcur == 0 || changetype<M>(mcur).ignoreHangup == 0) return false;
  return load<u8>(note) == 104 && load<u8>(note, 1) == 97 && load<u8>(note, 2) == 110 &&
    load<u8>(note, 3) == 103 && load<u8>(note, 4) == 117 && load<u8>(note, 5) == 112; // "hangup"
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
  let next = (s.sigwi + 1) % SIGQ_SLOTS;
  if (next == s.sigri) {
    unlock(l);
    return false;
  }
  let slot = s.sigq + <usize>s.sigwi * SIGQ_SLOT;
  store<i32>(slot, len);
  memory.copy(slot + 8, note, <usize>len);
  s.sigwi = next;
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
  let p = path;
  // "/proc/"
  store<u8>(p++, 47); store<u8>(p++, 112); store<u8>(p++, 114); store<u8>(p++, 111); store<u8>(p++, 99); store<u8>(p++, 47);
  p += itoa(p, pid);
  // "/note"
  store<u8>(p++, 47); store<u8>(p++, 110); store<u8>(p++, 111); store<u8>(p++, 116); store<u8>(p++, 101);
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
  // "go: exit "
  store<u8>(msg, 103); store<u8>(msg, 111, 1); store<u8>(msg, 58, 2); store<u8>(msg, 32, 3);
  store<u8>(msg, 101, 4); store<u8>(msg, 120, 5); store<u8>(msg, 105, 6); store<u8>(msg, 116, 7); store<u8>(msg, 32, 8);
  if (len > ERRMAX - 10) len = ERRMAX - 10;
  if (len > 0) memory.copy(msg + 9, status, <usize>len);
  let mp = sched().allm;
  while (mp != 0) {
    let m = changetype<M>(mp);
    let pid = atomic.load<i32>(mp + offsetof<M>("pid"));
    if (pid != 0 && pid != me.pid) postnote(pid, msg, 9 + len);
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
