// The core's side of the wasm engine (docs/backend.md): the program's
// functions compiled to WebAssembly (src/engine/) run the G instead of the
// dispatch loop of interp.ts, on the same frames in the G's stack.
//
// A compiled function keeps its operand stack and locals in wasm locals and
// writes them to the frame before anything else can look at it; every op it
// does not compile inline it hands to slowop() here, with the registers of
// frame.ts set, so the semantics of those ops have one definition for both
// engines. The clock is charged by the same count as the interpreter's:
// `jticks` is interp.ts's `ticks`, kept in a module global the compiled code
// adds each basic block's instruction count to.
import { vpc, vhdr, H_FUNC } from "./frame";
import { slowop, safepoint, uncharged, chargeinsns } from "./interp";
import { G } from "../runtime/runtime2";

/** Where a G keeps stackhi: the compiled call set-up checks a new frame against it (src/engine/translate.ts callframe). */
export const gstackhi: i32 = <i32>offsetof<G>("stackhi");

/**
 * Run the program module's function f at pc (the bytecode pc of a resume
 * point) until it returns (the caller's frame is then current), the G stopped
 * running on this M, or the frames changed under it (a panic, a deferred
 * call): 0, 1, 2 (RUN_*).
 */
// @ts-ignore: decorator
@external("p9rt", "enter")
declare function enter(f: i32, pc: usize): i32;

const RUN_STOPPED: i32 = 1;

/** Selected by the M glue (setengine) when the run was started with the wasm engine. */
export let engine: i32 = 0;

export function setengine(e: i32): void {
  engine = e;
}

/** interp.ts's ticks for compiled code: instructions since this G last passed a safepoint on this M. */
export let jticks: i32 = 0;
let charged: i32 = 0;

/** interpret() with the wasm engine: the G's registers are loaded. */
export function runcompiled(): void {
  jticks = 0;
  charged = 0;
  for (;;) {
    if (enter(load<i32>(vhdr, H_FUNC), vpc) == RUN_STOPPED) return;
  }
}

/** Run op (at vpc, operands up to vsp) as the interpreter's slow path does: 1 if the G stopped. */
export function jslow(op: i32): i32 {
  chargeinsns(jticks - charged);
  charged = jticks;
  return slowop(op);
}

/** A safepoint the compiled code found due (vpc, vsp set): 1 if the G stopped. */
export function jsafepoint(): i32 {
  chargeinsns(jticks - charged);
  jticks = 0;
  charged = 0;
  return safepoint();
}
