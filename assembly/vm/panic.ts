// Defers and Go panics (go runtime/panic.go), over the frames of frame.ts.
//
// A panic does not pop frames while it runs deferred calls: each deferred
// call is made on top of the stack (flag F_PANICDEFER, the Panic in
// H_PANIC) and p.cursor walks down the frames whose defers are being run, as
// Go runs deferred calls on top of the panicking stack. When a deferred call
// has recovered, the stack is cut back to the frame that deferred it, which
// continues at its recover pc (its epilogue: RUNDEFERS; results; RET). With
// no frame left the image's fatalpanic hook runs on top of the whole stack,
// so its traceback still shows every frame.
import { Img, FuncRec, PanicCode } from "../abi";
import { G, P, Panic, Defer, getg, getm, gcur } from "../runtime/runtime2";
import { mallocgc } from "../runtime/malloc";
import {
  H_FP, H_CALLER, H_FUNC, H_DEFERS, H_FLAGS, H_PANIC, HDR_SIZE, F_DISCARD, F_PANICDEFER,
  vpc, vsp, vfp, vhdr, vcode, push, pop, callfunc, setregs,
} from "./frame";
import { imgword, funcrec, funccode } from "./image";
import { throwstr } from "../runtime/panic";
import { prints, printint, printgostring, setPrintBuf } from "../runtime/print";
import { goexit0 } from "../runtime/proc";
import { exit } from "../runtime/sighandler";
import { goroutineheader, tracebackframes, tracebackcreator } from "../runtime/traceback";
import { printeface } from "../runtime/iface";

/** DEFER f nargs / DEFERCLOSURE: save the call, its arguments evaluated now. */
export function deferproc(f: i32, closure: usize, nargs: i32): void {
  let d = newdefer(nargs);
  d.fn = f;
  d.closure = closure;
  d.nargs = nargs;
  let args = changetype<usize>(d) + offsetof<Defer>();
  let n = <usize>nargs << 3;
  memory.copy(args, vsp - n, n);
  setregs(vpc, vsp - n, vfp, vhdr, vcode);
  d.link = load<u32>(vhdr, H_DEFERS);
  store<u32>(vhdr, <u32>changetype<usize>(d), H_DEFERS);
}

/** Records with up to DEFER_POOLARGS arguments are recycled through the P's deferpool. */
const DEFER_POOLARGS: i32 = 6;

function newdefer(nargs: i32): Defer {
  let mp = getm();
  if (nargs <= DEFER_POOLARGS && mp.p != 0) {
    let pp = changetype<P>(mp.p);
    let d = pp.deferpool;
    if (d != 0) {
      pp.deferpool = changetype<Defer>(d).link;
      return changetype<Defer>(d);
    }
  }
  return changetype<Defer>(mallocgc(offsetof<Defer>() + (<usize>(nargs <= DEFER_POOLARGS ? DEFER_POOLARGS : nargs) << 3)));
}

function freedefer(d: Defer): void {
  let mp = getm();
  if (d.nargs > DEFER_POOLARGS || mp.p == 0) return;
  let pp = changetype<P>(mp.p);
  d.link = pp.deferpool;
  pp.deferpool = changetype<usize>(d);
}

/** Call deferred call d on top of the stack; its record is recycled once the arguments are copied. */
function calldefer(d: Defer, retpc: usize, flags: i32): bool {
  let args = changetype<usize>(d) + offsetof<Defer>();
  let n = <usize>d.nargs << 3;
  memory.copy(vsp, args, n);
  setregs(vpc, vsp + n, vfp, vhdr, vcode);
  let f = d.fn;
  let clo = d.closure;
  freedefer(d);
  return callfunc(f, clo, retpc, flags);
}

/**
 * RUNDEFERS: if this frame has deferred calls, pop the newest and call it,
 * returning to this same instruction; otherwise fall through.
 */
export function rundefers(): void {
  let d = <usize>load<u32>(vhdr, H_DEFERS);
  if (d == 0) {
    setregs(vpc + 1, vsp, vfp, vhdr, vcode);
    return;
  }
  store<u32>(vhdr, load<u32>(d), H_DEFERS);
  calldefer(changetype<Defer>(d), vpc, F_DISCARD);
}

/** PANIC: start panicking with interface value v. Returns 0 (or 1 if the G ended). */
export function gopanic(v: i64): i32 {
  let gp = getg();
  let p = changetype<Panic>(mallocgc(offsetof<Panic>()));
  p.value = v;
  p.link = gp.panic;
  p.cursor = vhdr;
  gp.panic = changetype<usize>(p);
  return continuepanic();
}

/** runtime.Goexit: run every deferred call, then end the goroutine. */
export function goexit(): i32 {
  let gp = getg();
  let p = changetype<Panic>(mallocgc(offsetof<Panic>()));
  p.goexit = 1;
  p.link = gp.panic;
  p.cursor = vhdr;
  gp.panic = changetype<usize>(p);
  return continuepanic();
}

/** Run the next deferred call for the innermost panic, or end it. */
export function continuepanic(): i32 {
  let gp = getg();
  let p = changetype<Panic>(gp.panic);
  let h = p.cursor;
  while (h != 0) {
    let fl = load<i32>(h, H_FLAGS);
    if (fl & F_PANICDEFER) {
      // A deferred call of an older panic is being unwound: that panic is over.
      let q = <usize>load<u32>(h, H_PANIC);
      if (q != 0 && q != changetype<usize>(p)) changetype<Panic>(q).aborted = 1;
    }
    let d = <usize>load<u32>(h, H_DEFERS);
    if (d != 0) {
      store<u32>(h, load<u32>(d), H_DEFERS);
      p.cursor = h;
      if (!calldefer(changetype<Defer>(d), vpc, F_PANICDEFER | F_DISCARD)) return 1;
      store<u32>(vhdr, <u32>changetype<usize>(p), H_PANIC);
      return 0;
    }
    h = <usize>load<u32>(h, H_CALLER);
  }
  if (p.goexit) {
    goexit0(gp);
    return 1;
  }
  return fatalpanic(p.value);
}

/**
 * A deferred call made by panic p returned (RET of an F_PANICDEFER frame):
 * recover, or go on panicking.
 */
export function panicdeferreturned(p: Panic): i32 {
  if (!p.recovered) return continuepanic();
  let gp = getg();
  gp.panic = p.link;
  while (gp.panic != 0 && changetype<Panic>(gp.panic).aborted) gp.panic = changetype<Panic>(gp.panic).link;
  let h = p.cursor;
  let f = load<i32>(h, H_FUNC);
  let rpc = load<i32>(funcrec(f), FuncRec.RECOVERPC);
  if (rpc < 0) {
    throwstr("recovered in a function without a recover pc");
    return 1;
  }
  let code = funccode(f);
  setregs(code + <usize>rpc, h + HDR_SIZE, <usize>load<u32>(h, H_FP), h, code);
  return 0;
}

/** RECOVER: the panic value if called by a deferred call run by a panic; it stops the panic. */
export function gorecover(): i64 {
  let gp = getg();
  let p = gp.panic;
  if (p == 0) return 0;
  let pp = changetype<Panic>(p);
  if (pp.goexit || pp.recovered || pp.aborted) return 0;
  if (!(load<i32>(vhdr, H_FLAGS) & F_PANICDEFER)) return 0;
  if (<usize>load<u32>(vhdr, H_PANIC) != p) return 0;
  pp.recovered = 1;
  return pp.value;
}

/** No deferred call recovered: the image's fatalpanic hook prints and exits. */
function fatalpanic(v: i64): i32 {
  let hook = imgword(Img.HOOK_FATALPANIC);
  if (hook < 0) {
    prints("panic: ");
    printeface(<usize>v);
    prints("\n\n");
    goroutineheader(getg());
    tracebackframes(vhdr);
    tracebackcreator(changetype<G>(gcur));
    exit(2);
    return 1;
  }
  push(v);
  return callfunc(hook, 0, vpc, 0) ? 0 : 1;
}

/**
 * A run-time error (docs/bytecode.md PanicCode): call the image's
 * panicRuntime(code, a, b) hook as if the current instruction had called it.
 * Returns the interpreter status (0: go on, in the hook).
 */
export function panicRuntime(code: i32, a: i64, b: i64): i32 {
  let hook = imgword(Img.HOOK_PANICRUNTIME);
  if (hook < 0) {
    prints("panic: runtime error: ");
    printpanicmsg(code, a, b);
    prints("\n\n");
    goroutineheader(getg());
    tracebackframes(vhdr);
    tracebackcreator(changetype<G>(gcur));
    exit(2);
    return 1;
  }
  push(code);
  push(a);
  push(b);
  return callfunc(hook, 0, vpc, 0) ? 0 : 1;
}

/** The text of a runtime error, for images without the hook (hand-built tests). */
function printpanicmsg(code: i32, a: i64, b: i64): void {
  switch (code) {
    case PanicCode.INDEX:
      prints("index out of range [");
      printint(a);
      prints("] with length ");
      printint(b);
      break;
    case PanicCode.SLICE:
    case PanicCode.SLICE_ALEN:
    case PanicCode.SLICE_B:
    case PanicCode.SLICE3_ALEN:
    case PanicCode.SLICE3_ACAP:
    case PanicCode.SLICE3_B:
    case PanicCode.SLICE3_C:
      prints("slice bounds out of range");
      break;
    case PanicCode.DIVIDE:
      prints("integer divide by zero");
      break;
    case PanicCode.NILDEREF:
      prints("invalid memory address or nil pointer dereference");
      break;
    case PanicCode.NILMAP:
      prints("assignment to entry in nil map");
      break;
    case PanicCode.SENDCLOSED:
      prints("send on closed channel");
      break;
    case PanicCode.CLOSENIL:
      prints("close of nil channel");
      break;
    case PanicCode.CLOSECLOSED:
      prints("close of closed channel");
      break;
    case PanicCode.TYPEASSERT:
    case PanicCode.TYPEASSERT_I:
      prints("interface conversion");
      break;
    case PanicCode.MAKESLICE:
      prints("makeslice: len out of range");
      break;
    case PanicCode.MAKESLICECAP:
      prints("makeslice: cap out of range");
      break;
    case PanicCode.GROWSLICE:
      prints("growslice: cap out of range");
      break;
    case PanicCode.SHIFT:
      prints("negative shift amount");
      break;
    case PanicCode.MAKECHAN:
      prints("makechan: size out of range");
      break;
    default:
      prints("error ");
      printint(code);
  }
}
