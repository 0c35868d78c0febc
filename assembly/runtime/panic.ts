// Fatal errors (go runtime/panic.go throw/fatalthrow): print
// "fatal error: <why>", the goroutines, and exit the whole program with
// status 2. Go panics (recoverable) are in vm/panic.ts.
import { prints, printint, printbytes, setPrintBuf } from "./print";
import { G, gcur, Grunning } from "./runtime2";
import { goroutineheader, tracebackframes, tracebackcreator, tracebackothers, tracebackg } from "./traceback";
import { vhdr } from "../vm/frame";
import { exit } from "./sighandler";
import { memoryLimit } from "./mheap";
import { Ctl, WasmTrap } from "../abi";

let throwing: i32 = 0; // per M: a throw while throwing must not recurse

/** The running goroutine's traceback, then (all, or on g0) every other goroutine's (go dopanic_m's part). */
export function dumpgs(all: bool): void {
  if (gcur != 0) {
    let gp = changetype<G>(gcur);
    prints("\n");
    if (gp.status == Grunning) {
      goroutineheader(gp);
      tracebackframes(vhdr);
      tracebackcreator(changetype<G>(gcur));
    } else {
      tracebackg(gp, gp.hdr);
    }
  }
  if (all || gcur == 0) tracebackothers(gcur);
}

/** throw: an unrecoverable runtime error. Does not return. */
export function throwstr(why: string): void {
  fatal(why, false);
}

/** throw that also prints every goroutine (deadlock). */
export function throwall(why: string): void {
  fatal(why, true);
}

function fatal(why: string, all: bool): void {
  if (throwing++ > 0) {
    prints("fatal error: ");
    prints(why);
    prints(" (while throwing)\n");
    exit(2);
  }
  setPrintBuf(0);
  if (why == "stack overflow") prints("runtime: goroutine stack exceeds 67108864-byte limit\n");
  prints("fatal error: ");
  prints(why);
  prints("\n");
  dumpgs(all);
  exit(2);
}

/**
 * A wasm trap in the core, caught by the M glue (host/m/worker.ts): always a
 * p9rt bug (docs/bytecode.md "Nil checks"), shown the way Go shows a fault it
 * did not expect: a fatal error with the goroutine's traceback, status 2,
 * never the engine's stack. Does not return.
 */
export function wasmtrap(kind: i32): void {
  let why = "unexpected wasm trap (a p9rt bug)";
  if (kind == WasmTrap.OUT_OF_BOUNDS) why = "unexpected fault: wasm trap: memory access out of bounds (a p9rt bug)";
  else if (kind == WasmTrap.DIVIDE) why = "unexpected wasm trap: integer divide by zero (a p9rt bug)";
  else if (kind == WasmTrap.UNREACHABLE) why = "unexpected wasm trap: unreachable (a p9rt bug)";
  else if (kind == WasmTrap.CONVERSION) why = "unexpected wasm trap: float conversion out of range (a p9rt bug)";
  else if (kind == WasmTrap.STACK) why = "unexpected host stack overflow in the core (a p9rt bug)";
  fatal(why, false);
}

/** throw with a text in memory (a note: go sigpanic's throw(note)). */
export function throwbytes(p: usize, n: i32): void {
  if (throwing++ > 0) exit(2);
  setPrintBuf(0);
  prints("fatal error: ");
  printbytes(p, n);
  prints("\n");
  dumpgs(false);
  exit(2);
}

/** The shared heap reached its limit (mheap.ts memoryLimit: --max-memory, else MEMORY_DEFAULT_PAGES). */
export function throwOOM(size: i64): void {
  let limit = <i64>memoryLimit();
  prints("runtime: out of memory: cannot allocate ");
  if (size == 0x7fffffff) {
    // an i32 size immediate saturated by the compiler (docs/bytecode.md "Nil checks" 4)
    prints("a block of 2147483647 bytes or more");
  } else {
    printint(size);
    prints("-byte block");
  }
  prints("\nruntime: the heap is limited to ");
  if (limit & 0xfffff) {
    printint(limit);
    prints(" bytes");
  } else {
    printint(limit >> 20);
    prints(" MiB");
  }
  if (atomic.load<u32>(Ctl.MEMORY_LIMIT) != 0) prints(" (--max-memory)\n");
  else prints(" (--max-memory; the default)\n");
  fatal("out of memory", false);
}
