// Goroutine tracebacks, as Go prints them after a panic or a fatal error
// (go runtime/traceback.go), without pc offsets:
//
//   goroutine 1 [chan receive]:
//   main.main()
//   	/path/prog.go:12
import { WaitReason } from "../abi";
import { G, Grunnable, Grunning, Gsyscall, Gwaiting, Gdead, gcur, sched, schedp } from "./runtime2";
import { prints, printint, printgostring } from "./print";
import { H_CALLER, H_FUNC, H_LINE } from "../vm/frame";
import { funcname, posfile, posline } from "../vm/image";
import { strdata, strlen } from "./string";
import { FuncRec } from "../abi";
import { funcrec } from "../vm/image";

/** Internal wait reasons beyond defs.ts WaitReason, for the traceback text only. */
export const WAIT_NILRECV: i32 = 101;
export const WAIT_NILSEND: i32 = 102;
export const WAIT_SELECTNOCASES: i32 = 103;

/** The WaitReason reported to the trace for an internal reason. */
export function tracereason(r: i32): i32 {
  return r > 100 ? WaitReason.FOREVER : r;
}

function printwaitreason(r: i32): void {
  switch (r) {
    case WaitReason.CHAN_RECV: prints("chan receive"); break;
    case WaitReason.CHAN_SEND: prints("chan send"); break;
    case WaitReason.SELECT: prints("select"); break;
    case WaitReason.SLEEP: prints("sleep"); break;
    case WaitReason.SEMA: prints("semacquire"); break;
    case WaitReason.SYSCALL: prints("syscall"); break;
    case WaitReason.GC: prints("GC"); break;
    case WAIT_NILRECV: prints("chan receive (nil chan)"); break;
    case WAIT_NILSEND: prints("chan send (nil chan)"); break;
    case WAIT_SELECTNOCASES: prints("select (no cases)"); break;
    default: prints("waiting");
  }
}

export function goroutineheader(gp: G): void {
  prints("goroutine ");
  printint(gp.goid);
  prints(" [");
  if (changetype<usize>(gp) == gcur || gp.status == Grunning) prints("running");
  else if (gp.status == Grunnable) prints("runnable");
  else if (gp.status == Gsyscall) prints("syscall");
  else if (gp.status == Gwaiting) printwaitreason(gp.waitreason);
  else prints("dead");
  prints("]:\n");
}

/** Is func f one of the runtime's own (hidden in tracebacks, as Go hides them)? */
function isruntime(f: i32): bool {
  let name = funcname(f);
  if (strlen(name) < 8) return false;
  let p = strdata(name);
  // "runtime."
  return load<u8>(p) == 114 && load<u8>(p, 1) == 117 && load<u8>(p, 2) == 110 && load<u8>(p, 3) == 116 &&
    load<u8>(p, 4) == 105 && load<u8>(p, 5) == 109 && load<u8>(p, 6) == 101 && load<u8>(p, 7) == 46;
}

function printframe(f: i32, line: i32, args: bool): void {
  printgostring(funcname(f));
  if (args) prints(load<i32>(funcrec(f), FuncRec.NPARAMS) > 0 ? "(...)" : "()");
  prints("\n\t");
  printgostring(posfile(f, line));
  prints(":");
  printint(posline(line));
  prints("\n");
}

/** Print the frames from hdr down to the goroutine's first, without the runtime's. */
export function tracebackframes(hdr: usize): void {
  let n = 0;
  while (hdr != 0 && n < 100) {
    let f = load<i32>(hdr, H_FUNC);
    if (!isruntime(f)) {
      printframe(f, load<i32>(hdr, H_LINE), true);
      n++;
    }
    hdr = <usize>load<u32>(hdr, H_CALLER);
  }
  if (hdr != 0) prints("...additional frames elided...\n");
}

/** "created by" for a goroutine made by a go statement. */
export function tracebackcreator(gp: G): void {
  if (gp.creatorfn < 0 || gp.goid == 1) return;
  prints("created by ");
  printframe(gp.creatorfn, gp.creatorline, false);
}

/** Header and frames of gp; `hdr` is its current frame (the live register for the running G). */
export function tracebackg(gp: G, hdr: usize): void {
  goroutineheader(gp);
  tracebackframes(hdr);
  tracebackcreator(gp);
}

/** Every other goroutine that is not dead, oldest first (go tracebackothers). */
export function tracebackothers(me: usize): void {
  if (schedp == 0) return;
  // allg is newest first: print by increasing goid, one pass per goroutine
  // (a fatal error path; the count is small).
  let last: i64 = 0;
  for (;;) {
    let next: usize = 0;
    let gp = sched().allg;
    while (gp != 0) {
      let g = changetype<G>(gp);
      if (gp != me && g.status != Gdead && g.hdr != 0 && g.goid > last) {
        if (next == 0 || g.goid < changetype<G>(next).goid) next = gp;
      }
      gp = g.alllink;
    }
    if (next == 0) return;
    let g = changetype<G>(next);
    prints("\n");
    tracebackg(g, g.hdr);
    last = g.goid;
  }
}
