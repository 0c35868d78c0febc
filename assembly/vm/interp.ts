// The dispatch loop (docs/bytecode.md "Ops"). interpret() runs the current G
// until it stops running on this M: it parked, yielded, was preempted, ended,
// or left in a system call whose exitsyscall found no P.
//
// The common ops run on local copies of the registers (pc, sp, fp, hdr, code);
// every other op spills them to the per-M globals of frame.ts and runs in
// slowop(), which returns 0 to go on or 1 when the G stopped.
//
// Safepoints are backward jumps and calls. Instructions are counted; at a
// safepoint after TICK_EVERY of them, or when the mailbox ATTN word is set
// (a note is queued for this proc), the M enters the kernel with Sys.TICK,
// where notes are delivered and, in virtual time, another proc may run; then
// the G yields if another one is waiting or a timer is due (preemption, as
// Go's sysmon preempts a G after 10ms).
import { Op, FuncRec, PanicCode, Kind, NIL_GUARD, Ctl } from "../abi";
import { G, getg, gcur, globals, sched, RESUME_SEND, RESUME_SELECT, RESUME_RECV } from "../runtime/runtime2";
import {
  vpc, vsp, vfp, vhdr, vcode, setregs, push, pop, peek, callfunc, saveregs,
  H_FP, H_CALLER, H_RETPC, H_FUNC, H_LINE, H_CLOSURE, H_FLAGS, H_PANIC, HDR_SIZE, F_DISCARD, F_PANICDEFER,
} from "./frame";
import { funcrec, funccode, findmethod } from "./image";
import { image } from "../runtime/runtime2";
import { panicRuntime, gopanic, gorecover, deferproc, rundefers, panicdeferreturned } from "./panic";
import { Panic } from "../runtime/runtime2";
import { tick, nanotime } from "../runtime/os_plan9";
import { ntimers, timersnext } from "../runtime/time";
import { attnaddr, runqwaiting, gosched, newproc, goexit0 } from "../runtime/proc";
import { intrinsic } from "../runtime/intrinsics";
import { exit, sigpanic } from "../runtime/sighandler";
import { mallocgc } from "../runtime/malloc";
import { gcwanted, gcsafepoint } from "../runtime/mgc";
import { throwstr, throwOOM } from "../runtime/panic";
import {
  strdata, strlen, strheader, concatstrings, cmpstring, eqstring, gostringn, rawstring,
  encoderune, runelen, decoderune, decodedRune, decodedWidth,
} from "../runtime/string";
import {
  sldata, sllen, slcap, slheader, makeslice, makeslicecheck, appendone, appendmany, appendfits, copyslice,
  roundupsize, MAXLEN,
} from "../runtime/slice";
import { makeiface, ifacetype, ifacedata, efaceeq, uncomparable, printeface } from "../runtime/iface";
import { missingmethod } from "./image";
import { makechan, makechancheck, chansend, chanrecv, closechan, chanlen, chancap, sendresumed, recvresumed } from "../runtime/chan";
import { selectgo, selectresumed } from "../runtime/select";
import { prints, printint, printuint, printfloat, printgostring, printbool, printhex } from "../runtime/print";
import { makemap, mapget, mapset, mapdelete, maplen, mapiter, mapnext } from "../runtime/map";
import { resetUncomparable } from "../runtime/iface";
import { engine, runcompiled } from "./compiled";

/** Instructions between two TICKs at safepoints (the stand-in for Plan 9's 10ms clock tick). */
export const TICK_EVERY: i32 = 10000;


/**
 * Instructions interpreted on this M and not yet charged to the virtual
 * clock. A module global, so per M (TLS); exported so the M glue can read
 * and zero it before every system call (host/abi/glue.ts MboxX.CHARGE);
 * the kernel charges it at NS_PER_INSN (host/kernel/trap.ts), which is
 * how a spinning goroutine lets virtual time, and deadlines, move. It is
 * brought up to date before every op that may enter the kernel (the slow
 * path and safepoints), which are also the only ways out of interpret().
 */
export let uncharged: i64 = 0;

/** Charge n instructions to the virtual clock (compiled code: vm/compiled.ts). */
export function chargeinsns(n: i32): void {
  uncharged += <i64>n;
}

/** Enter the kernel at a safepoint (registers spilled); 1 if the G was preempted. */
export function safepoint(): i32 {
  gcsafepoint(); // mgc.ts: a collection the heap asked for
  // The kernel needs the TICK for virtual time (the clock is charged and
  // another proc may run) and for a queued note; in real time with no note
  // it would be a round trip to the kernel worker that does nothing
  // (tens of µs when that worker sleeps on the other core: docs/backend.md
  // "Ticks in real time").
  if (load<i32>(Ctl.REALTIME) == 0 || atomic.load<i32>(attnaddr) != 0) tick();
  if (getg().sig != 0) return sigpanic(); // a trap note came in the tick
  // Yield to a waiting G, or to timers that are due (findrunnable runs them):
  // Go's sysmon would preempt a G that runs for 10ms.
  if (runqwaiting()) return gosched();
  if (ntimers() > 0 && timersnext() <= nanotime()) return gosched();
  return 0;
}

export function interpret(): void {
  let gp = getg();
  if (gp.resume == RESUME_SEND) {
    if (sendresumed(gp)) return;
  } else if (gp.resume == RESUME_SELECT) {
    if (selectresumed(gp)) return;
  } else if (gp.resume == RESUME_RECV) {
    recvresumed(gp);
  }
  // A trap note reached this G in a system call: it panics before it goes on.
  if (gp.sig != 0 && sigpanic()) return;
  if (engine != 0) return runcompiled();
  let pc = vpc;
  let sp = vsp;
  let fp = vfp;
  let hdr = vhdr;
  let code = vcode;
  let ticks = 0;
  let charged = 0; // the part of ticks already added to uncharged
  for (;;) {
    let op = <i32>load<u8>(pc);
    ticks++;
    switch (op) {
      case Op.NOP: pc += 1; continue;
      case Op.CONST: store<i64>(sp, load<i64>(pc, 1)); sp += 8; pc += 9; continue;
      case Op.LOCAL: store<i64>(sp, load<i64>(fp + (<usize>load<i32>(pc, 1) << 3))); sp += 8; pc += 5; continue;
      case Op.SETLOCAL: sp -= 8; store<i64>(fp + (<usize>load<i32>(pc, 1) << 3), load<i64>(sp)); pc += 5; continue;
      case Op.TEELOCAL: store<i64>(fp + (<usize>load<i32>(pc, 1) << 3), load<i64>(sp - 8)); pc += 5; continue;
      case Op.GLOBAL: store<i64>(sp, load<i64>(globals + (<usize>load<i32>(pc, 1) << 3))); sp += 8; pc += 5; continue;
      case Op.SETGLOBAL: sp -= 8; store<i64>(globals + (<usize>load<i32>(pc, 1) << 3), load<i64>(sp)); pc += 5; continue;
      case Op.CAPTURE: {
        let clo = <usize>load<u32>(hdr, H_CLOSURE);
        store<i64>(sp, load<i64>(clo + 8 + (<usize>load<i32>(pc, 1) << 3)));
        sp += 8;
        pc += 5;
        continue;
      }
      case Op.DUP: store<i64>(sp, load<i64>(sp - 8)); sp += 8; pc += 1; continue;
      case Op.DROP: sp -= 8; pc += 1; continue;
      case Op.SWAP: {
        let a = load<i64>(sp - 16);
        store<i64>(sp - 16, load<i64>(sp - 8));
        store<i64>(sp - 8, a);
        pc += 1;
        continue;
      }
      case Op.OVER: store<i64>(sp, load<i64>(sp - 16)); sp += 8; pc += 1; continue;
      case Op.STRCONST: store<i64>(sp, <i64>(image + <usize>load<u32>(pc, 1))); sp += 8; pc += 5; continue;
      case Op.FUNCVAL: store<i64>(sp, <i64>(sched().funcvals + (<usize>load<i32>(pc, 1) << 3))); sp += 8; pc += 5; continue;

      case Op.ADD: sp -= 8; store<i64>(sp - 8, load<i64>(sp - 8) + load<i64>(sp)); pc += 1; continue;
      case Op.SUB: sp -= 8; store<i64>(sp - 8, load<i64>(sp - 8) - load<i64>(sp)); pc += 1; continue;
      case Op.MUL: sp -= 8; store<i64>(sp - 8, load<i64>(sp - 8) * load<i64>(sp)); pc += 1; continue;
      case Op.AND: sp -= 8; store<i64>(sp - 8, load<i64>(sp - 8) & load<i64>(sp)); pc += 1; continue;
      case Op.OR: sp -= 8; store<i64>(sp - 8, load<i64>(sp - 8) | load<i64>(sp)); pc += 1; continue;
      case Op.XOR: sp -= 8; store<i64>(sp - 8, load<i64>(sp - 8) ^ load<i64>(sp)); pc += 1; continue;
      case Op.ANDNOT: sp -= 8; store<i64>(sp - 8, load<i64>(sp - 8) & ~load<i64>(sp)); pc += 1; continue;
      case Op.NEG: store<i64>(sp - 8, -load<i64>(sp - 8)); pc += 1; continue;
      case Op.COMPL: store<i64>(sp - 8, ~load<i64>(sp - 8)); pc += 1; continue;
      case Op.NOT: store<i64>(sp - 8, load<i64>(sp - 8) == 0 ? 1 : 0); pc += 1; continue;
      case Op.EQ: sp -= 8; store<i64>(sp - 8, <i64>(load<i64>(sp - 8) == load<i64>(sp))); pc += 1; continue;
      case Op.NE: sp -= 8; store<i64>(sp - 8, <i64>(load<i64>(sp - 8) != load<i64>(sp))); pc += 1; continue;
      case Op.LT: sp -= 8; store<i64>(sp - 8, <i64>(load<i64>(sp - 8) < load<i64>(sp))); pc += 1; continue;
      case Op.LE: sp -= 8; store<i64>(sp - 8, <i64>(load<i64>(sp - 8) <= load<i64>(sp))); pc += 1; continue;
      case Op.GT: sp -= 8; store<i64>(sp - 8, <i64>(load<i64>(sp - 8) > load<i64>(sp))); pc += 1; continue;
      case Op.GE: sp -= 8; store<i64>(sp - 8, <i64>(load<i64>(sp - 8) >= load<i64>(sp))); pc += 1; continue;
      case Op.LTU: sp -= 8; store<i64>(sp - 8, <i64>(load<u64>(sp - 8) < load<u64>(sp))); pc += 1; continue;
      case Op.LEU: sp -= 8; store<i64>(sp - 8, <i64>(load<u64>(sp - 8) <= load<u64>(sp))); pc += 1; continue;
      case Op.GTU: sp -= 8; store<i64>(sp - 8, <i64>(load<u64>(sp - 8) > load<u64>(sp))); pc += 1; continue;
      case Op.GEU: sp -= 8; store<i64>(sp - 8, <i64>(load<u64>(sp - 8) >= load<u64>(sp))); pc += 1; continue;
      case Op.EXT8S: store<i64>(sp - 8, <i64><i8>load<i64>(sp - 8)); pc += 1; continue;
      case Op.EXT16S: store<i64>(sp - 8, <i64><i16>load<i64>(sp - 8)); pc += 1; continue;
      case Op.EXT32S: store<i64>(sp - 8, <i64><i32>load<i64>(sp - 8)); pc += 1; continue;
      case Op.EXT8U: store<i64>(sp - 8, load<i64>(sp - 8) & 0xff); pc += 1; continue;
      case Op.EXT16U: store<i64>(sp - 8, load<i64>(sp - 8) & 0xffff); pc += 1; continue;
      case Op.EXT32U: store<i64>(sp - 8, load<i64>(sp - 8) & 0xffffffff); pc += 1; continue;

      case Op.FADD: sp -= 8; store<f64>(sp - 8, load<f64>(sp - 8) + load<f64>(sp)); pc += 1; continue;
      case Op.FSUB: sp -= 8; store<f64>(sp - 8, load<f64>(sp - 8) - load<f64>(sp)); pc += 1; continue;
      case Op.FMUL: sp -= 8; store<f64>(sp - 8, load<f64>(sp - 8) * load<f64>(sp)); pc += 1; continue;
      case Op.FDIV: sp -= 8; store<f64>(sp - 8, load<f64>(sp - 8) / load<f64>(sp)); pc += 1; continue;
      case Op.FNEG: store<f64>(sp - 8, -load<f64>(sp - 8)); pc += 1; continue;
      case Op.FEQ: sp -= 8; store<i64>(sp - 8, <i64>(load<f64>(sp - 8) == load<f64>(sp))); pc += 1; continue;
      case Op.FNE: sp -= 8; store<i64>(sp - 8, <i64>(load<f64>(sp - 8) != load<f64>(sp))); pc += 1; continue;
      case Op.FLT: sp -= 8; store<i64>(sp - 8, <i64>(load<f64>(sp - 8) < load<f64>(sp))); pc += 1; continue;
      case Op.FLE: sp -= 8; store<i64>(sp - 8, <i64>(load<f64>(sp - 8) <= load<f64>(sp))); pc += 1; continue;
      case Op.FGT: sp -= 8; store<i64>(sp - 8, <i64>(load<f64>(sp - 8) > load<f64>(sp))); pc += 1; continue;
      case Op.FGE: sp -= 8; store<i64>(sp - 8, <i64>(load<f64>(sp - 8) >= load<f64>(sp))); pc += 1; continue;
      case Op.I2F: store<f64>(sp - 8, <f64>load<i64>(sp - 8)); pc += 1; continue;
      case Op.U2F: store<f64>(sp - 8, <f64>load<u64>(sp - 8)); pc += 1; continue;
      case Op.F2I: store<i64>(sp - 8, <i64>load<f64>(sp - 8)); pc += 1; continue;
      case Op.F2U: store<i64>(sp - 8, <i64><u64>load<f64>(sp - 8)); pc += 1; continue;

      case Op.JMP: {
        let t = code + <usize>load<i32>(pc, 1);
        let back = t <= pc;
        pc = t;
        if (back && (ticks >= TICK_EVERY || atomic.load<i32>(attnaddr) != 0 || gcwanted())) {
          uncharged += <i64>(ticks - charged);
          ticks = 0;
          charged = 0;
          setregs(pc, sp, fp, hdr, code);
          if (safepoint()) return;
          pc = vpc; sp = vsp; fp = vfp; hdr = vhdr; code = vcode;
        }
        continue;
      }
      case Op.JMPIF:
      case Op.JMPIFNOT: {
        sp -= 8;
        let c = load<i64>(sp) != 0;
        if (c == (op == Op.JMPIF)) {
          let t = code + <usize>load<i32>(pc, 1);
          let back = t <= pc;
          pc = t;
          if (back && (ticks >= TICK_EVERY || atomic.load<i32>(attnaddr) != 0 || gcwanted())) {
            uncharged += <i64>(ticks - charged);
            ticks = 0;
            charged = 0;
            setregs(pc, sp, fp, hdr, code);
            if (safepoint()) return;
            pc = vpc; sp = vsp; fp = vfp; hdr = vhdr; code = vcode;
          }
        } else pc += 5;
        continue;
      }
      case Op.LOAD: {
        let p = <usize>load<i64>(sp - 8);
        if (p < <usize>NIL_GUARD) break;
        store<i64>(sp - 8, load<i64>(p + <usize>load<i32>(pc, 1)));
        pc += 5;
        continue;
      }
      case Op.LOAD8U: {
        let p = <usize>load<i64>(sp - 8);
        if (p < <usize>NIL_GUARD) break;
        store<i64>(sp - 8, <i64>load<u8>(p + <usize>load<i32>(pc, 1)));
        pc += 5;
        continue;
      }
      case Op.LOAD8S: {
        let p = <usize>load<i64>(sp - 8);
        if (p < <usize>NIL_GUARD) break;
        store<i64>(sp - 8, <i64>load<i8>(p + <usize>load<i32>(pc, 1)));
        pc += 5;
        continue;
      }
      case Op.STORE: {
        let p = <usize>load<i64>(sp - 16);
        if (p < <usize>NIL_GUARD) break;
        store<i64>(p + <usize>load<i32>(pc, 1), load<i64>(sp - 8));
        sp -= 16;
        pc += 5;
        continue;
      }
      case Op.STORE8: {
        let p = <usize>load<i64>(sp - 16);
        if (p < <usize>NIL_GUARD) break;
        store<u8>(p + <usize>load<i32>(pc, 1), <u8>load<i64>(sp - 8));
        sp -= 16;
        pc += 5;
        continue;
      }
      case Op.FIELDADDR: {
        let p = <u64>load<i64>(sp - 8);
        if (p < <u64>NIL_GUARD) break;
        store<i64>(sp - 8, <i64>(p + <u64>load<i32>(pc, 1)));
        pc += 5;
        continue;
      }
      case Op.NILCHECK: {
        if (<u64>load<i64>(sp - 8) < <u64>NIL_GUARD) break;
        pc += 1;
        continue;
      }
      case Op.LEN:
      case Op.CAP: {
        let s = <usize>load<i64>(sp - 8);
        store<i64>(sp - 8, s == 0 ? 0 : <i64>load<i32>(s + (op == Op.LEN ? 4 : 8)));
        pc += 1;
        continue;
      }
      case Op.STRLEN: {
        let s = <usize>load<i64>(sp - 8);
        store<i64>(sp - 8, s == 0 ? 0 : <i64>load<i32>(s, 4));
        pc += 1;
        continue;
      }
      case Op.LINE: store<i32>(hdr, load<i32>(pc, 1), H_LINE); pc += 5; continue;
      case Op.CALL:
      case Op.CALLCLOSURE:
      case Op.CALLIFACE: {
        if (ticks >= TICK_EVERY || atomic.load<i32>(attnaddr) != 0 || gcwanted()) {
          uncharged += <i64>(ticks - charged);
          ticks = 0;
          charged = 0;
          setregs(pc, sp, fp, hdr, code);
          if (safepoint()) return;
          pc = vpc; sp = vsp; fp = vfp; hdr = vhdr; code = vcode;
        }
        break;
      }
    }
    // the slow path
    uncharged += <i64>(ticks - charged);
    charged = ticks;
    setregs(pc, sp, fp, hdr, code);
    if (slowop(op)) return;
    pc = vpc; sp = vsp; fp = vfp; hdr = vhdr; code = vcode;
  }
}

// @ts-ignore: decorator
@inline function imm(off: usize): i32 {
  return load<i32>(vpc + off);
}

// @ts-ignore: decorator
@inline function next(n: usize): void {
  setregs(vpc + n, vsp, vfp, vhdr, vcode);
}

/**
 * A base pointer no Go object can have: nil, or nil plus an offset that a
 * check should have caught (docs/bytecode.md "Nil checks"; defs.ts NIL_GUARD).
 */
// @ts-ignore: decorator
@inline function isnil(p: u64): bool {
  return p < <u64>NIL_GUARD;
}

function nilpanic(): i32 {
  return panicRuntime(PanicCode.NILDEREF, 0, 0);
}

/** RET: results to where the arguments were; pop the frame. */
function ret(): i32 {
  let hdr = vhdr;
  let f = load<i32>(hdr, H_FUNC);
  let nres = <usize>load<i32>(funcrec(f), FuncRec.NRESULTS);
  let caller = <usize>load<u32>(hdr, H_CALLER);
  if (caller == 0) {
    // The main goroutine returning ends the program, as in Go (the
    // compiler's entry function calls exit itself; hand-built images may not).
    if (getg().goid == 1) exit(0);
    goexit0(getg());
    return 1;
  }
  // Read the whole header first: with more results than locals, the
  // results copied to fp overwrite it.
  let flags = load<i32>(hdr, H_FLAGS);
  let retpc = <usize>load<u32>(hdr, H_RETPC);
  let panicp = <usize>load<u32>(hdr, H_PANIC);
  let fp = vfp;
  let sp = fp;
  if (!(flags & F_DISCARD)) {
    if (nres > 0) memory.copy(fp, vsp - (nres << 3), nres << 3);
    sp = fp + (nres << 3);
  }
  let cf = load<i32>(caller, H_FUNC);
  setregs(retpc, sp, <usize>load<u32>(caller, H_FP), caller, funccode(cf));
  if (flags & F_PANICDEFER) return panicdeferreturned(changetype<Panic>(panicp));
  return 0;
}

/**
 * s[lo:hi:max] bounds, checked in Go's order (go ssagen slice: max, then
 * hi, then lo); returns a PanicCode or 0 and sets the per-M bad pair. three:
 * max was written (its panics are Go's boundsSlice3* texts); arraylike: the
 * operand is a string or an array, whose bound Go calls "length".
 */
let bada: i64 = 0;
let badb: i64 = 0;
function slicecheck(lo: i64, hi: i64, max: i64, cap: i64, arraylike: bool, three: bool): i32 {
  if (three) {
    if (max < 0 || max > cap) {
      bada = max; badb = cap;
      return arraylike ? PanicCode.SLICE3_ALEN : PanicCode.SLICE3_ACAP;
    }
    if (hi < 0 || hi > max) {
      bada = hi; badb = max;
      return PanicCode.SLICE3_B;
    }
    if (lo < 0 || lo > hi) {
      bada = lo; badb = hi;
      return PanicCode.SLICE3_C;
    }
    return 0;
  }
  if (hi < 0 || hi > max) {
    bada = hi; badb = max;
    return arraylike ? PanicCode.SLICE_ALEN : PanicCode.SLICE;
  }
  if (lo < 0 || lo > hi) {
    bada = lo; badb = hi;
    return PanicCode.SLICE_B;
  }
  return 0;
}

export function slowop(op: i32): i32 {
  switch (op) {
    // Ops the dispatch loop runs inline; here for compiled code (vm/compiled.ts).
    case Op.FUNCVAL: push(<i64>(sched().funcvals + (<usize>imm(1) << 3))); next(5); return 0;
    case Op.LOAD: case Op.LOAD8U: case Op.LOAD8S: case Op.STORE: case Op.STORE8:
    case Op.FIELDADDR: case Op.NILCHECK:
      return nilpanic(); // the fast path handles non-nil pointers
    case Op.CALL: {
      if (!callfunc(imm(1), 0, vpc + 5, 0)) return 1;
      return 0;
    }
    case Op.CALLCLOSURE: {
      let clo = <usize>pop();
      if (clo == 0) return nilpanic();
      return callfunc(load<i32>(clo), clo, vpc + 5, 0) ? 0 : 1;
    }
    case Op.CALLIFACE: {
      let mid = imm(1);
      let nargs = imm(5);
      let at = vsp - (<usize>nargs << 3);
      let box = <usize>load<i64>(at);
      if (box == 0) return nilpanic();
      store<i64>(at, load<i64>(box, 8));
      let f = findmethod(load<i32>(box), mid);
      if (f < 0) {
        throwstr("CALLIFACE: the dynamic type has no such method");
        return 1;
      }
      return callfunc(f, 0, vpc + 9, 0) ? 0 : 1;
    }
    case Op.RET: return ret();
    case Op.RUNDEFERS: {
      rundefers();
      return 0;
    }
    case Op.GO: {
      let f = imm(1);
      let n = imm(5);
      let args = vsp - (<usize>n << 3);
      setregs(vpc + 9, args, vfp, vhdr, vcode);
      newproc(f, 0, args, n);
      return 0;
    }
    case Op.GOCLOSURE: {
      let n = imm(1);
      let clo = <usize>pop();
      if (clo == 0) {
        // Go's newproc throws rather than panics
        throwstr("go of nil func value");
        return 1;
      }
      let args = vsp - (<usize>n << 3);
      setregs(vpc + 5, args, vfp, vhdr, vcode);
      newproc(load<i32>(clo), clo, args, n);
      return 0;
    }
    case Op.DEFER: {
      let f = imm(1);
      let n = imm(5);
      next(9);
      deferproc(f, 0, n);
      return 0;
    }
    case Op.DEFERCLOSURE: {
      let n = imm(1);
      let clo = <usize>pop();
      if (clo == 0) return nilpanic();
      next(5);
      deferproc(load<i32>(clo), clo, n);
      return 0;
    }
    case Op.PANIC: {
      let v = pop();
      next(1);
      return gopanic(v);
    }
    case Op.RECOVER: {
      push(gorecover());
      next(1);
      return 0;
    }
    case Op.INTRINSIC: return intrinsic(imm(1));
    case Op.MAKECLOSURE: {
      let f = imm(1);
      let n = <usize>imm(5);
      let clo = mallocgc(8 + (n << 3));
      store<i32>(clo, f);
      store<i32>(clo, <i32>n, 4);
      let caps = vsp - (n << 3);
      memory.copy(clo + 8, caps, n << 3);
      setregs(vpc + 9, caps, vfp, vhdr, vcode);
      push(<i64>clo);
      return 0;
    }
    // ---- memory
    case Op.ALLOC: {
      // 2^31-1: the compiler saturated the size of a type of 2^31-1 bytes or
      // more (src/compiler/image.ts imm32); no such object is ever made, even
      // under --max-memory 4GiB, so its saturated offsets and lengths are never used
      let n = imm(1);
      if (n == 0x7fffffff) throwOOM(<i64>n);
      push(<i64>mallocgc(<usize>n));
      next(5);
      return 0;
    }
    case Op.COPY: {
      let n = <usize>imm(1);
      let src = <usize>pop();
      let dst = <usize>pop();
      if (isnil(src) || isnil(dst)) return nilpanic();
      memory.copy(dst, src, n);
      next(5);
      return 0;
    }
    case Op.NEWCOPY: {
      let n = <usize>imm(1);
      let src = <usize>pop();
      if (isnil(src)) return nilpanic();
      let p = mallocgc(n);
      memory.copy(p, src, n);
      push(<i64>p);
      next(5);
      return 0;
    }
    case Op.ZERO: {
      let p = <usize>pop();
      if (isnil(p)) return nilpanic();
      memory.fill(p, 0, <usize>imm(1));
      next(5);
      return 0;
    }
    // ---- strings
    case Op.STRINDEX: {
      let i = pop();
      let s = <usize>pop();
      let n = strlen(s);
      if (<u64>i >= <u64>n) return panicRuntime(PanicCode.INDEX, i, n);
      push(<i64>load<u8>(strdata(s) + <usize>i));
      next(1);
      return 0;
    }
    case Op.STRSLICE: {
      let flags = imm(1);
      let s0 = peek(((flags & 1) ? 1 : 0) + ((flags & 2) ? 1 : 0));
      let n = <i64>strlen(<usize>s0);
      let hi = (flags & 2) ? pop() : n;
      let lo = (flags & 1) ? pop() : 0;
      let s = <usize>pop();
      let code = slicecheck(lo, hi, n, n, true, false);
      if (code) return panicRuntime(code, bada, badb);
      if (lo == 0 && hi == n) push(<i64>s);
      else push(<i64>strheader(strdata(s) + <usize>lo, <i32>(hi - lo)));
      next(5);
      return 0;
    }
    case Op.STRCAT: {
      let b = <usize>pop();
      let a = <usize>pop();
      push(<i64>concatstrings(a, b));
      next(1);
      return 0;
    }
    case Op.STRCMP: {
      let b = <usize>pop();
      let a = <usize>pop();
      push(cmpstring(a, b));
      next(1);
      return 0;
    }
    case Op.STREQ: {
      let b = <usize>pop();
      let a = <usize>pop();
      push(eqstring(a, b) ? 1 : 0);
      next(1);
      return 0;
    }
    case Op.STRFROMBYTES: {
      let b = <usize>pop();
      push(<i64>gostringn(sldata(b), sllen(b)));
      next(1);
      return 0;
    }
    case Op.BYTESFROMSTR: {
      let s = <usize>pop();
      let n = strlen(s);
      let cap = n == 0 ? 0 : <i32>roundupsize(<u64>n);
      let b = makeslice(1, n, cap);
      if (n > 0) memory.copy(sldata(b), strdata(s), <usize>n);
      push(<i64>b);
      next(1);
      return 0;
    }
    case Op.STRFROMRUNE: {
      let r = pop();
      let rr = r < 0 || r > 0x10ffff ? 0xfffd : <i32>r;
      let s = rawstring(runelen(rr));
      encoderune(strdata(s), rr);
      push(<i64>s);
      next(1);
      return 0;
    }
    case Op.STRDECODERUNE: {
      let i = <i32>pop();
      let s = <usize>pop();
      decoderune(strdata(s), strlen(s), i);
      push(decodedRune);
      push(decodedWidth);
      next(1);
      return 0;
    }
    case Op.STRFROMRUNES: {
      let rs = <usize>pop();
      let n = sllen(rs);
      let d = sldata(rs);
      let len = 0;
      for (let i = 0; i < n; i++) len += runelen(runeat(d, i));
      let s = rawstring(len);
      let p = strdata(s);
      for (let i = 0; i < n; i++) p += encoderune(p, runeat(d, i));
      push(<i64>s);
      next(1);
      return 0;
    }
    case Op.RUNESFROMSTR: {
      let s = <usize>pop();
      let p = strdata(s);
      let n = strlen(s);
      let count = 0;
      for (let i = 0; i < n; ) {
        decoderune(p, n, i);
        i += decodedWidth;
        count++;
      }
      let rs = makeslice(8, count, count);
      let d = sldata(rs);
      let k = 0;
      for (let i = 0; i < n; ) {
        decoderune(p, n, i);
        store<i64>(d + (<usize>k << 3), decodedRune);
        i += decodedWidth;
        k++;
      }
      push(<i64>rs);
      next(1);
      return 0;
    }
    // ---- slices
    case Op.MAKESLICE: {
      let elem = imm(1);
      let cap = pop();
      let len = pop();
      let code = makeslicecheck(elem, len, cap);
      if (code) return panicRuntime(code, 0, 0);
      push(<i64>makeslice(elem, <i32>len, <i32>cap));
      next(5);
      return 0;
    }
    case Op.INDEXADDR: {
      let elem = <usize>imm(1);
      let i = pop();
      let s = <usize>pop();
      let n = sllen(s);
      if (<u64>i >= <u64>n) return panicRuntime(PanicCode.INDEX, i, n);
      push(<i64>(sldata(s) + <usize>i * elem));
      next(5);
      return 0;
    }
    case Op.SLICE: {
      let elem = <usize>imm(1);
      let flags = imm(5);
      let depth = ((flags & 1) ? 1 : 0) + ((flags & 2) ? 1 : 0) + ((flags & 4) ? 1 : 0);
      let s = <usize>peek(depth);
      let len = <i64>sllen(s);
      let cap = <i64>slcap(s);
      let max = (flags & 4) ? pop() : cap;
      let hi = (flags & 2) ? pop() : len;
      let lo = (flags & 1) ? pop() : 0;
      pop();
      let code = slicecheck(lo, hi, max, cap, false, (flags & 4) != 0);
      if (code) return panicRuntime(code, bada, badb);
      let data = sldata(s);
      // a nil slice sliced stays nil (Go: the data pointer stays nil)
      push(data == 0 ? 0 : <i64>slheader(data + <usize>lo * elem, <i32>(hi - lo), <i32>(max - lo)));
      next(9);
      return 0;
    }
    case Op.APPEND: {
      let v = pop();
      let s = <usize>pop();
      if (sllen(s) == <i32>MAXLEN) return panicRuntime(PanicCode.GROWSLICE, 0, 0);
      push(<i64>appendone(s, imm(1), v));
      next(5);
      return 0;
    }
    case Op.APPENDSLICE: {
      let t = <usize>pop();
      let s = <usize>pop();
      if (!appendfits(s, t)) return panicRuntime(PanicCode.GROWSLICE, 0, 0);
      push(<i64>appendmany(s, imm(1), t));
      next(5);
      return 0;
    }
    case Op.APPENDSTR: {
      let t = <usize>pop();
      let s = <usize>pop();
      if (!appendfits(s, t)) return panicRuntime(PanicCode.GROWSLICE, 0, 0);
      push(<i64>appendmany(s, 1, t));
      next(1);
      return 0;
    }
    case Op.COPYSLICE: {
      let src = <usize>pop();
      let dst = <usize>pop();
      push(copyslice(dst, src, imm(1)));
      next(5);
      return 0;
    }
    case Op.ARRAYSLICE: {
      let elem = <usize>imm(1);
      let alen = <i64>imm(5);
      let flags = imm(9);
      let depth = ((flags & 1) ? 1 : 0) + ((flags & 2) ? 1 : 0) + ((flags & 4) ? 1 : 0);
      let a = <usize>peek(depth);
      let max = (flags & 4) ? pop() : alen;
      let hi = (flags & 2) ? pop() : alen;
      let lo = (flags & 1) ? pop() : 0;
      pop();
      if (isnil(a)) return nilpanic();
      let code = slicecheck(lo, hi, max, alen, true, (flags & 4) != 0);
      if (code) return panicRuntime(code, bada, badb);
      push(<i64>slheader(a + <usize>lo * elem, <i32>(hi - lo), <i32>(max - lo)));
      next(13);
      return 0;
    }
    case Op.ARRAYINDEXADDR: {
      let elem = <usize>imm(1);
      let alen = imm(5);
      let i = pop();
      let a = <usize>pop();
      // nil first, as Go's compiler orders them: (*p)[i] dereferences p
      if (isnil(a)) return nilpanic();
      if (<u64>i >= <u64>alen) return panicRuntime(PanicCode.INDEX, i, alen);
      push(<i64>(a + <usize>i * elem));
      next(9);
      return 0;
    }
    case Op.SLICELIT: {
      let elem = imm(1);
      let n = imm(5);
      let base = vsp - (<usize>n << 3);
      let s = makeslice(elem, n, n);
      let d = sldata(s);
      for (let i = 0; i < n; i++) {
        let v = load<i64>(base + (<usize>i << 3));
        if (elem == 1) store<u8>(d + <usize>i, <u8>v);
        else store<i64>(d + (<usize>i << 3), v);
      }
      setregs(vpc + 9, base, vfp, vhdr, vcode);
      push(<i64>s);
      return 0;
    }
    // ---- maps
    case Op.MAKEMAP: {
      let hint = pop();
      push(<i64>makemap(imm(1), hint));
      next(5);
      return 0;
    }
    case Op.MAPGET: return mapget(imm(1));
    case Op.MAPSET: return mapset(imm(1));
    case Op.MAPDELETE: return mapdelete(imm(1));
    case Op.MAPLEN: {
      push(maplen(<usize>pop()));
      next(1);
      return 0;
    }
    case Op.MAPITER: {
      push(<i64>mapiter(<usize>pop()));
      next(1);
      return 0;
    }
    case Op.MAPNEXT: return mapnext();
    // ---- interfaces
    case Op.MAKEIFACE: {
      let v = pop();
      push(<i64>makeiface(imm(1), v));
      next(5);
      return 0;
    }
    case Op.IFACETYPE: {
      push(ifacetype(<usize>pop()));
      next(1);
      return 0;
    }
    case Op.IFACEDATA: {
      push(ifacedata(<usize>pop()));
      next(1);
      return 0;
    }
    case Op.ASSERT: {
      let t = imm(1);
      let e = <usize>pop();
      let dt = ifacetype(e);
      if (dt != t) return panicRuntime(PanicCode.TYPEASSERT, dt, t);
      push(ifacedata(e));
      next(5);
      return 0;
    }
    case Op.ASSERTI: {
      let t = imm(1);
      let e = <usize>pop();
      let dt = ifacetype(e);
      if (dt != t) return panicRuntime(PanicCode.TYPEASSERT_I, dt, <i64>t | (<i64>imm(5) << 32));
      push(ifacedata(e));
      next(9);
      return 0;
    }
    case Op.ASSERTOK: {
      let t = imm(1);
      let e = <usize>pop();
      let ok = ifacetype(e) == t;
      push(ok ? ifacedata(e) : 0);
      push(ok ? 1 : 0);
      next(5);
      return 0;
    }
    case Op.ASSERTIFACE: {
      let it = imm(1);
      let e = <usize>pop();
      let dt = ifacetype(e);
      if (e == 0 || missingmethod(dt, it) >= 0) return panicRuntime(PanicCode.TYPEASSERT, dt, it);
      push(<i64>e);
      next(5);
      return 0;
    }
    case Op.ASSERTIFACEOK: {
      let it = imm(1);
      let e = <usize>pop();
      let ok = e != 0 && missingmethod(ifacetype(e), it) < 0;
      push(ok ? <i64>e : 0);
      push(ok ? 1 : 0);
      next(5);
      return 0;
    }
    case Op.IFACEEQ: {
      let b = <usize>pop();
      let a = <usize>pop();
      resetUncomparable();
      let r = efaceeq(a, b);
      if (uncomparable != 0) return panicRuntime(PanicCode.UNCOMPARABLE, uncomparable, 0);
      push(r ? 1 : 0);
      next(1);
      return 0;
    }
    // ---- channels
    case Op.MAKECHAN: {
      let n = pop();
      if (!makechancheck(n)) return panicRuntime(PanicCode.MAKECHAN, 0, 0);
      push(<i64>makechan(n));
      next(1);
      return 0;
    }
    case Op.SEND: {
      let v = pop();
      let c = <usize>pop();
      next(1);
      return chansend(c, v);
    }
    case Op.RECV: {
      let c = <usize>pop();
      let slot = vsp;
      push(0);
      next(1);
      return chanrecv(c, slot, 0);
    }
    case Op.RECVOK: {
      let c = <usize>pop();
      let slot = vsp;
      push(0);
      push(0);
      next(1);
      return chanrecv(c, slot, slot + 8);
    }
    case Op.CLOSE: {
      let c = <usize>pop();
      next(1);
      return closechan(c);
    }
    case Op.CHANLEN: {
      push(chanlen(<usize>pop()));
      next(1);
      return 0;
    }
    case Op.CHANCAP: {
      push(chancap(<usize>pop()));
      next(1);
      return 0;
    }
    case Op.SELECT: return selectgo(imm(1), imm(5));
    // ---- printing
    case Op.PRINTINT: printint(pop()); next(1); return 0;
    case Op.PRINTUINT: printuint(<u64>pop()); next(1); return 0;
    case Op.PRINTFLOAT: printfloat(reinterpret<f64>(pop())); next(1); return 0;
    case Op.PRINTSTR: printgostring(<usize>pop()); next(1); return 0;
    case Op.PRINTBOOL: printbool(pop() != 0); next(1); return 0;
    case Op.PRINTPTR: printhex(<u64>pop()); next(1); return 0;
    case Op.PRINTIFACE: printeface(<usize>pop()); next(1); return 0;
    case Op.PRINTSP: prints(" "); next(1); return 0;
    case Op.PRINTNL: prints("\n"); next(1); return 0;
    // ---- integer ops with panics
    case Op.DIV: case Op.REM: case Op.DIVU: case Op.REMU: {
      let b = pop();
      let a = pop();
      if (b == 0) return panicRuntime(PanicCode.DIVIDE, 0, 0);
      let r: i64;
      if (op == Op.DIV) r = b == -1 ? -a : a / b;
      else if (op == Op.REM) r = b == -1 ? 0 : a % b;
      else if (op == Op.DIVU) r = <i64>(<u64>a / <u64>b);
      else r = <i64>(<u64>a % <u64>b);
      push(r);
      next(1);
      return 0;
    }
    case Op.SHL: case Op.SHR: case Op.SHRU: {
      let n = pop();
      let a = pop();
      if (n < 0) return panicRuntime(PanicCode.SHIFT, 0, 0);
      let r: i64;
      if (op == Op.SHL) r = n >= 64 ? 0 : a << n;
      else if (op == Op.SHR) r = n >= 64 ? (a < 0 ? -1 : 0) : a >> n;
      else r = n >= 64 ? 0 : <i64>(<u64>a >> <u64>n);
      push(r);
      next(1);
      return 0;
    }
  }
  throwstr("invalid opcode");
  return 1;
}

/** Element i of a []rune (8-byte words). */
function runeat(d: usize, i: i32): i32 {
  let r = load<i64>(d + (<usize>i << 3));
  return r < 0 || r > 0x10ffff ? 0xfffd : <i32>r;
}
