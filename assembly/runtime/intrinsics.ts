// INTRINSIC id (host/abi/defs.ts Intrinsic): Go functions declared without a
// body in src/golib whose work the runtime does. Arguments are the top words
// of the operand stack (first argument deepest); results replace them.
// vpc is at the INTRINSIC instruction (5 bytes) on entry.
import { Intrinsic, TraceKind, TypeRec, Kind, Ctl, WaitReason, Sys, Resume } from "../abi";
import { G, M, P, Panic, Sched, getg, getm, gcur, mcur, sched, schedp, image } from "./runtime2";
import { vpc, vsp, vfp, vhdr, vcode, setregs, push, pop, peek, saveregs } from "../vm/frame";
import { syscall6, nanotime, traceEvent, semacquire as plan9semacquire } from "./os_plan9";
import { entersyscall, exitsyscall, keepp, gosched, numgoroutine, resumable } from "./proc";
import { starttimer, stoptimer, resettimer, timesleep } from "./time";
import { semacquire, semrelease, semapark } from "./sema";
import { goexit } from "../vm/panic";
import { H_CALLER, H_FUNC, H_LINE } from "../vm/frame";
import { posfile, posline } from "../vm/image";
import { exit, exitstring, sigpanic, SIGQ_SLOT, SIGQ_SLOTS } from "./sighandler";
import { strdata, strlen, gostringn, rawstring, strheader } from "./string";
import { mallocgc } from "./malloc";
import { conswrite } from "./cons";
import { open, pread, closefd, tick } from "./os_plan9";
import { sldata, sllen, makeslice } from "./slice";
import { typerec, typekind, typename, typeelem, missingmethod, methodname } from "../vm/image";
import { makeiface, ifacetype, ifacedata } from "./iface";
import { writefd, prints } from "./print";
import { tracebackframes, tracebackcreator, goroutineheader } from "./traceback";
import { formatfloat } from "./float";
import { mapiter, mapnext } from "./map";
import { lock, unlock } from "./lock";
import { throwstr, throwbytes } from "./panic";
import { gc, memstat, setGCPercent } from "./mgc";

const INSN: usize = 5;

/** Replace nargs argument words by the results (already computed). */
// @ts-ignore: decorator
@inline function ret0(nargs: i32): i32 {
  setregs(vpc + INSN, vsp - (<usize>nargs << 3), vfp, vhdr, vcode);
  return 0;
}

// @ts-ignore: decorator
@inline function ret1(nargs: i32, v: i64): i32 {
  let sp = vsp - (<usize>nargs << 3);
  store<i64>(sp, v);
  setregs(vpc + INSN, sp + 8, vfp, vhdr, vcode);
  return 0;
}

function ret2(nargs: i32, a: i64, b: i64): i32 {
  let sp = vsp - (<usize>nargs << 3);
  store<i64>(sp, a);
  store<i64>(sp, b, 8);
  setregs(vpc + INSN, sp + 16, vfp, vhdr, vcode);
  return 0;
}

/** Argument i of nargs (0 = first). */
// @ts-ignore: decorator
@inline function arg(nargs: i32, i: i32): i64 {
  return load<i64>(vsp - (<usize>(nargs - i) << 3));
}

/** The syscall intrinsic: entersyscall, the call, exitsyscall. Returns the status. */
function dosyscall(): i32 {
  let num = <i32>arg(6, 0);
  let r: i64;
  let a0 = arg(6, 1), a1 = arg(6, 2), a2 = arg(6, 3), a3 = arg(6, 4), a4 = arg(6, 5);
  // A write to the run's stdout or stderr: a record in the console ring, no call (cons.ts).
  if (num == Sys.PWRITE && conswrite(<i32>a0, <usize>a1, a2)) return ret1(6, a2);
  // The G resumes after the instruction with the result pushed (written below).
  let sp = vsp - 48;
  setregs(vpc + INSN, sp + 8, vfp, vhdr, vcode);
  entersyscall(num);
  keepp();
  resumable(Resume.SYSCALL); // if it sleeps, proc.ts sysresume goes on from here, result into sp
  r = syscall6(num, a0, a1, a2, a3, a4, 0);
  store<i64>(sp, r);
  if (exitsyscall()) return getg().sig != 0 ? sigpanic() : 0; // a trap note came during the call
  return 1; // queued; this M stops (interpret() raises a trap note when the G runs again)
}

/**
 * signalRecv: pop a note for os/signal; with none queued, block in the
 * kernel on sched.sigsema like a system call, then run this instruction again.
 */
function signalrecv(): i32 {
  let s = sched();
  let l = schedp + offsetof<Sched>("sigqlock");
  lock(l);
  if (s.sigri != s.sigwi || s.sigfull) {
    let slot = s.sigq + <usize>s.sigri * SIGQ_SLOT;
    let str = gostringn(slot + 8, load<i32>(slot));
    s.sigri = (s.sigri + 1) % SIGQ_SLOTS;
    s.sigfull = 0;
    unlock(l);
    return ret1(0, <i64>str);
  }
  unlock(l);
  // the G resumes at this same instruction
  entersyscall(Sys.SEMACQUIRE);
  keepp();
  plan9semacquire(schedp + offsetof<Sched>("sigsema"), 1);
  if (exitsyscall()) return 0;
  return 1;
}

/**
 * os.Args: the kernel's /dev/args (the program name and its arguments, each
 * NUL-terminated), read once and kept as a []string in sched.argv.
 */
function goargs(): usize {
  let s = sched();
  if (s.argv != 0) return s.argv;
  let b = getm().buf;
  // "/dev/args"
  store<u8>(b, 47); store<u8>(b, 100, 1); store<u8>(b, 101, 2); store<u8>(b, 118, 3); store<u8>(b, 47, 4);
  store<u8>(b, 97, 5); store<u8>(b, 114, 6); store<u8>(b, 103, 7); store<u8>(b, 115, 8);
  let fd = open(b, 9, 0);
  let cap = 4096;
  let data = mallocgc(<usize>cap);
  let n = 0;
  if (fd >= 0) {
    for (;;) {
      if (n == cap) {
        let nd = mallocgc(<usize>cap * 2);
        memory.copy(nd, data, <usize>n);
        data = nd;
        cap *= 2;
      }
      let r = pread(fd, data + <usize>n, cap - n, n);
      if (r <= 0) break;
      n += r;
    }
    closefd(fd);
  }
  let count = 0;
  for (let i = 0; i < n; i++) if (load<u8>(data + <usize>i) == 0) count++;
  let sl = makeslice(8, count, count);
  let k = 0;
  let start = 0;
  for (let i = 0; i < n; i++) {
    if (load<u8>(data + <usize>i) == 0) {
      store<i64>(sldata(sl) + (<usize>k << 3), <i64>strheader(data + <usize>start, i - start));
      k++;
      start = i + 1;
    }
  }
  s.argv = sl;
  return sl;
}

export function intrinsic(id: i32): i32 {
  switch (id) {
    case Intrinsic.runtime_Gosched: {
      setregs(vpc + INSN, vsp, vfp, vhdr, vcode);
      // Enter the kernel first: in virtual time an M returning from a system
      // call (os/signal's receiver woken by a note) runs only when this one
      // yields, and its exitsyscall must queue its G before this one's turn.
      tick();
      return gosched();
    }
    case Intrinsic.runtime_LockOSThread: {
      let gp = getg();
      let mp = getm();
      mp.lockedExt++;
      mp.lockedg = gcur;
      gp.lockedm = mcur;
      return ret0(0);
    }
    case Intrinsic.runtime_UnlockOSThread: {
      let gp = getg();
      let mp = getm();
      if (mp.lockedExt > 0) mp.lockedExt--;
      if (mp.lockedExt == 0) {
        mp.lockedg = 0;
        gp.lockedm = 0;
      }
      return ret0(0);
    }
    case Intrinsic.runtime_NumGoroutine: return ret1(0, numgoroutine());
    case Intrinsic.runtime_GOMAXPROCS: return ret1(1, 1); // v1 has one P
    case Intrinsic.runtime_Goexit: {
      setregs(vpc + INSN, vsp, vfp, vhdr, vcode);
      return goexit();
    }
    case Intrinsic.runtime_nanotime: return ret1(0, nanotime());
    case Intrinsic.runtime_walltime: return ret1(0, atomic.load<i64>(Ctl.BOOT_WALL_NS) + nanotime());
    case Intrinsic.runtime_timeSleep: {
      let ns = arg(1, 0);
      ret0(1);
      return timesleep(ns);
    }
    case Intrinsic.runtime_startTimer: return ret1(3, <i64>starttimer(arg(3, 0), arg(3, 1), <usize>arg(3, 2)));
    case Intrinsic.runtime_stopTimer: return ret1(1, stoptimer(<usize>arg(1, 0)) ? 1 : 0);
    case Intrinsic.runtime_resetTimer: return ret1(2, resettimer(<usize>arg(2, 0), arg(2, 1)) ? 1 : 0);
    case Intrinsic.runtime_semacquire: { // run again after a wakeup
      if (semacquire(<usize>arg(1, 0))) return ret0(1);
      return semapark();
    }
    case Intrinsic.runtime_semrelease: {
      let a = <usize>arg(1, 0);
      ret0(1);
      semrelease(a);
      return 0;
    }
    case Intrinsic.runtime_syscall: return dosyscall();
    case Intrinsic.runtime_rawsyscall: return ret1(6, syscall6(<i32>arg(6, 0), arg(6, 1), arg(6, 2), arg(6, 3), arg(6, 4), arg(6, 5), 0));
    case Intrinsic.runtime_stringData: return ret1(1, <i64>strdata(<usize>arg(1, 0)));
    case Intrinsic.runtime_sliceData: return ret1(1, <i64>sldata(<usize>arg(1, 0)));
    case Intrinsic.runtime_gostringn: return ret1(2, <i64>gostringn(<usize>arg(2, 0), <i32>arg(2, 1)));
    case Intrinsic.runtime_exit: exit(<i32>arg(1, 0)); return 1;
    case Intrinsic.runtime_exitString: {
      let s = <usize>arg(1, 0);
      exitstring(strdata(s), strlen(s));
      return 1;
    }
    case Intrinsic.runtime_ignoreHangup: {
      getm().ignoreHangup = 1;
      traceEvent(TraceKind.IGNORE_HANGUP, 1, getm().pid, 0);
      return ret0(0);
    }
    case Intrinsic.runtime_unignoreHangup: {
      getm().ignoreHangup = 0;
      traceEvent(TraceKind.IGNORE_HANGUP, 0, getm().pid, 0);
      return ret0(0);
    }
    case Intrinsic.runtime_goid: return ret1(0, getg().goid);
    case Intrinsic.runtime_mpid: return ret1(0, getm().pid);
    case Intrinsic.runtime_typeString: return ret1(1, <i64>typename(ifacetype(<usize>arg(1, 0))));
    case Intrinsic.runtime_formatFloat: return ret1(3, <i64>formatfloat(reinterpret<f64>(arg(3, 0)), <i32>arg(3, 1), <i32>arg(3, 2)));
    case Intrinsic.runtime_KeepAlive: return ret0(1);
    case Intrinsic.runtime_signalEnable: { // the first call makes sendNote take notes, for good
      atomic.store<i32>(schedp + offsetof<Sched>("siginuse"), 1);
      return ret0(1);
    }
    case Intrinsic.runtime_signalRecv: return signalrecv();
    case Intrinsic.runtime_printString: {
      let s = <usize>arg(2, 1);
      writefd(<i32>arg(2, 0), strdata(s), strlen(s));
      return ret0(2);
    }
    case Intrinsic.runtime_ifaceWords: {
      let e = <usize>arg(1, 0);
      return ret2(1, ifacetype(e), ifacedata(e));
    }
    case Intrinsic.runtime_typeKind: return ret1(1, typekind(ifacetype(<usize>arg(1, 0))));
    case Intrinsic.runtime_typeName: return ret1(1, <i64>typename(<i32>arg(1, 0)));
    case Intrinsic.runtime_args: return ret1(0, <i64>goargs());
    case Intrinsic.runtime_traceback: { // traceback of the running goroutine, from the caller of the intrinsic
      goroutineheader(getg());
      tracebackframes(vhdr);
      tracebackcreator(changetype<G>(gcur));
      return ret0(0);
    }
    case Intrinsic.internal_reflectlite_kindOf: return ret1(1, typekind(<i32>arg(1, 0)));
    case Intrinsic.internal_reflectlite_elemOf: return ret1(1, typeelem(<i32>arg(1, 0)));
    case Intrinsic.internal_reflectlite_lenOf: {
      let r = typerec(<i32>arg(1, 0));
      return ret1(1, r == 0 ? 0 : load<i32>(r, TypeRec.LEN));
    }
    case Intrinsic.internal_reflectlite_sizeOf: {
      let r = typerec(<i32>arg(1, 0));
      return ret1(1, r == 0 ? 8 : load<i32>(r, TypeRec.SIZE));
    }
    case Intrinsic.internal_reflectlite_numField: {
      let r = typerec(<i32>arg(1, 0));
      return ret1(1, r == 0 ? 0 : load<i32>(r, TypeRec.NFIELDS));
    }
    case Intrinsic.internal_reflectlite_field: { // field(typ, i) (name, ftyp, offset)
      let r = typerec(<i32>arg(2, 0));
      let i = <usize>arg(2, 1);
      let fr = image + <usize>load<u32>(r, TypeRec.FIELDS) + i * 12;
      let sp = vsp - 16;
      store<i64>(sp, <i64>(image + <usize>load<u32>(fr)));
      store<i64>(sp, load<i32>(fr, 4), 8);
      store<i64>(sp, load<i32>(fr, 8), 16);
      setregs(vpc + INSN, sp + 24, vfp, vhdr, vcode);
      return 0;
    }
    case Intrinsic.internal_reflectlite_loadWord: return ret1(1, load<i64>(<usize>arg(1, 0)));
    case Intrinsic.internal_reflectlite_loadByte: return ret1(1, <i64>load<u8>(<usize>arg(1, 0)));
    case Intrinsic.internal_reflectlite_packEface: { // packEface(typ, word)
      let t = <i32>arg(2, 0);
      let w = arg(2, 1);
      if (typekind(t) == Kind.INTERFACE) return ret1(2, w);
      return ret1(2, <i64>makeiface(t, w));
    }
    case Intrinsic.internal_reflectlite_implements: return ret1(2, missingmethod(<i32>arg(2, 0), <i32>arg(2, 1)) < 0 ? 1 : 0);
    case Intrinsic.internal_reflectlite_store: { // store(addr, typ, v any)
      let addr = <usize>arg(3, 0);
      let t = <i32>arg(3, 1);
      let v = <usize>arg(3, 2);
      let k = typekind(t);
      if (k == Kind.INTERFACE) store<i64>(addr, <i64>v);
      else if (k == Kind.STRUCT || k == Kind.ARRAY) {
        let src = <usize>ifacedata(v);
        let n = <usize>load<i32>(typerec(t), TypeRec.SIZE);
        if (src != 0) memory.copy(addr, src, n);
        else memory.fill(addr, 0, n);
      } else store<i64>(addr, ifacedata(v));
      return ret0(3);
    }
    case Intrinsic.internal_reflectlite_memmove: {
      memory.copy(<usize>arg(3, 0), <usize>arg(3, 1), <usize>arg(3, 2));
      return ret0(3);
    }
    case Intrinsic.sync_atomic_CompareAndSwapInt32: { // CompareAndSwapInt32(addr, old, new) on a canonical word
      let a = <usize>arg(3, 0);
      let old = <i64><i32>arg(3, 1);
      let nw = <i64><i32>arg(3, 2);
      return ret1(3, atomic.cmpxchg<i64>(a, old, nw) == old ? 1 : 0);
    }
    case Intrinsic.sync_atomic_AddInt32: {
      let a = <usize>arg(2, 0);
      let d = arg(2, 1);
      for (;;) {
        let o = atomic.load<i64>(a);
        let n = <i64><i32>(o + d);
        if (atomic.cmpxchg<i64>(a, o, n) == o) return ret1(2, n);
      }
    }
    case Intrinsic.sync_atomic_LoadInt32: return ret1(1, <i64><i32>atomic.load<i64>(<usize>arg(1, 0)));
    case Intrinsic.sync_atomic_StoreInt32: {
      atomic.store<i64>(<usize>arg(2, 0), <i64><i32>arg(2, 1));
      return ret0(2);
    }
    case Intrinsic.sync_atomic_CompareAndSwapInt64: {
      let a = <usize>arg(3, 0);
      let old = arg(3, 1);
      return ret1(3, atomic.cmpxchg<i64>(a, old, arg(3, 2)) == old ? 1 : 0);
    }
    case Intrinsic.sync_atomic_AddInt64: {
      let d = arg(2, 1);
      return ret1(2, atomic.add<i64>(<usize>arg(2, 0), d) + d);
    }
    case Intrinsic.sync_atomic_LoadInt64: return ret1(1, atomic.load<i64>(<usize>arg(1, 0)));
    case Intrinsic.sync_atomic_StoreInt64: {
      atomic.store<i64>(<usize>arg(2, 0), arg(2, 1));
      return ret0(2);
    }
    case Intrinsic.internal_poll_runtime_pollVariant: return ret1(0, atomic.load<i32>(Ctl.POLL_VARIANT)); // set by the kernel at boot (--poll)
    case Intrinsic.internal_reflectlite_missingMethod: {
      let mid = missingmethod(<i32>arg(2, 0), <i32>arg(2, 1));
      return ret1(2, mid < 0 ? 0 : <i64>methodname(mid));
    }
    case Intrinsic.internal_reflectlite_mapiter: return ret1(1, <i64>mapiter(<usize>arg(1, 0)));
    case Intrinsic.internal_reflectlite_mapnext: { // mapnext(it) (k, v, ok): MAPNEXT's words
      let it = <usize>arg(1, 0);
      setregs(vpc, vsp - 8, vfp, vhdr, vcode);
      push(<i64>it);
      mapnext(); // pops it, pushes k v ok, advances vpc by 1
      setregs(vpc - 1 + INSN, vsp, vfp, vhdr, vcode);
      return 0;
    }
    case Intrinsic.internal_reflectlite_keyOf: {
      let r = typerec(<i32>arg(1, 0));
      return ret1(1, r == 0 ? 0 : load<i32>(r, TypeRec.KEY));
    }
    case Intrinsic.runtime_Caller: { // runtime.Caller(skip) (pc, file, line, ok); skip 0 is the caller of Caller (added by golib)
      let hdr = vhdr;
      for (let n = <i32>arg(1, 0); n > 0 && hdr != 0; n--) hdr = <usize>load<u32>(hdr, H_CALLER);
      let sp = vsp - 8;
      let f = hdr == 0 ? 0 : load<i32>(hdr, H_FUNC);
      store<i64>(sp, <i64>f);
      let n = hdr == 0 ? 0 : load<i32>(hdr, H_LINE);
      store<i64>(sp, hdr == 0 ? 0 : <i64>posfile(f, n), 8);
      store<i64>(sp, hdr == 0 ? 0 : <i64>posline(n), 16);
      store<i64>(sp, hdr == 0 ? 0 : 1, 24);
      setregs(vpc + INSN, sp + 32, vfp, vhdr, vcode);
      return 0;
    }
    case Intrinsic.internal_poll_runtime_traceEvent: { // internal/poll.runtime_traceEvent(kind, a, b, c): the Go library's trace records (docs/trace.md)
      traceEvent(<i32>arg(4, 0), arg(4, 1), arg(4, 2), arg(4, 3));
      return ret0(4);
    }
    case Intrinsic.runtime_throw: { // runtime.throw(s) / sync.fatal(s): a fatal error, traced from the caller
      let s = <usize>arg(1, 0);
      throwbytes(strdata(s), strlen(s));
      return 1;
    }
    // the garbage collector: registers are spilled, so this is a safepoint
    case Intrinsic.runtime_GC: gc(); return ret0(0);
    case Intrinsic.runtime_memstat: return ret1(1, memstat(<i32>arg(1, 0)));
    case Intrinsic.runtime_debug_SetGCPercent: return ret1(1, setGCPercent(<i32>arg(1, 0)));
    case Intrinsic.runtime_panicAt: { // walk the running goroutine's panic chain (go printpanics)
      let p = getg().panic;
      for (let depth = arg(1, 0); p != 0 && depth > 0; depth--) p = changetype<Panic>(p).link;
      if (p == 0) return ret2(1, 0, 0);
      let pp = changetype<Panic>(p);
      return ret2(1, pp.value, 1 | (pp.recovered ? 2 : 0) | (pp.goexit ? 4 : 0));
    }
  }
  throwstr("unknown intrinsic");
  return 1;
}
