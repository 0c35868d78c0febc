// Frames on a goroutine's stack (docs/bytecode.md "Frames"):
//
//   fp  -> local 0 .. nparams-1      the arguments, in place
//          local nparams .. nlocals-1 (zeroed on entry)
//   hdr -> frame header (HDR_SIZE bytes, below)
//          operand stack ...          <- sp (next free word)
//
// The interpreter's registers (pc, sp, fp, hdr, code) are per-M globals while
// bytecode runs on this M and are saved in the G (saveregs) whenever the G
// stops running, so any M holding the P can resume it.
import { FuncRec } from "../abi";
import { G, gcur } from "../runtime/runtime2";
import { funcrec, funccode } from "./image";
import { throwstr } from "../runtime/panic";

// Frame header fields (byte offsets from hdr).
export const H_FP: usize = 0; // this frame's fp
export const H_CALLER: usize = 4; // the caller's hdr (0: bottom frame of the goroutine)
export const H_RETPC: usize = 8; // absolute pc to continue the caller at
export const H_FUNC: usize = 12; // func index
export const H_LINE: usize = 16; // source line (LINE ops), for tracebacks
export const H_CLOSURE: usize = 20; // the running closure (CAPTURE)
export const H_DEFERS: usize = 24; // newest Defer record of this frame
export const H_FLAGS: usize = 28;
export const H_PANIC: usize = 32; // F_PANICDEFER: the Panic that made this call
export const HDR_SIZE: usize = 40;

export const F_DISCARD: i32 = 1; // drop the results on return (deferred calls)
export const F_PANICDEFER: i32 = 2; // a deferred call run by a panic

/** Words of slack above a frame's declared operand depth (runtime panics push 3 args). */
const STACK_SLACK: usize = 8 * 8;

export let vpc: usize = 0;
export let vsp: usize = 0;
export let vfp: usize = 0;
export let vhdr: usize = 0;
export let vcode: usize = 0;

export function setregs(pc: usize, sp: usize, fp: usize, hdr: usize, code: usize): void {
  vpc = pc;
  vsp = sp;
  vfp = fp;
  vhdr = hdr;
  vcode = code;
}

export function setpc(pc: usize): void {
  vpc = pc;
}
export function setsp(sp: usize): void {
  vsp = sp;
}

// @ts-ignore: decorator
@inline export function push(v: i64): void {
  store<i64>(vsp, v);
  vsp += 8;
}

// @ts-ignore: decorator
@inline export function pop(): i64 {
  vsp -= 8;
  return load<i64>(vsp);
}

/** The word i below the top (0 = top). */
// @ts-ignore: decorator
@inline export function peek(i: i32): i64 {
  return load<i64>(vsp - 8 - (<usize>i << 3));
}

export function saveregs(gp: G): void {
  gp.pc = vpc;
  gp.sp = vsp;
  gp.fp = vfp;
  gp.hdr = vhdr;
}

export function loadregs(gp: G): void {
  vpc = gp.pc;
  vsp = gp.sp;
  vfp = gp.fp;
  vhdr = gp.hdr;
  vcode = funccode(load<i32>(vhdr, H_FUNC));
}

/**
 * Call func f: its nparams arguments are the top words of the operand stack
 * and become its first locals in place. Returns false if the stack overflowed
 * (the G is then being killed).
 */
export function callfunc(f: i32, closure: usize, retpc: usize, flags: i32): bool {
  let rec = funcrec(f);
  let nparams = <usize>load<i32>(rec, FuncRec.NPARAMS);
  let nlocals = <usize>load<i32>(rec, FuncRec.NLOCALS);
  let maxstack = <usize>load<i32>(rec, FuncRec.MAXSTACK);
  let fp = vsp - (nparams << 3);
  let hdr = fp + (nlocals << 3);
  let gp = changetype<G>(gcur);
  // The wasm engine sets up CALL f's frame inline with this same bound and
  // layout (src/engine/translate.ts callframe): change both together.
  if (hdr + HDR_SIZE + (maxstack << 3) + STACK_SLACK > gp.stackhi) {
    let need = hdr + HDR_SIZE + (maxstack << 3) + STACK_SLACK - gp.stacklo;
    if (!growstack(gp, need)) {
      throwstr("stack overflow");
      return false;
    }
    fp = vsp - (nparams << 3);
    hdr = fp + (nlocals << 3);
  }
  if (nlocals > nparams) memory.fill(vsp, 0, (nlocals - nparams) << 3);
  store<u32>(hdr, <u32>fp, H_FP);
  store<u32>(hdr, <u32>vhdr, H_CALLER);
  store<u32>(hdr, <u32>retpc, H_RETPC);
  store<i32>(hdr, f, H_FUNC);
  store<i32>(hdr, 0, H_LINE);
  store<u32>(hdr, <u32>closure, H_CLOSURE);
  store<u32>(hdr, 0, H_DEFERS);
  store<i32>(hdr, flags, H_FLAGS);
  store<u32>(hdr, 0, H_PANIC);
  vfp = fp;
  vhdr = hdr;
  vsp = hdr + HDR_SIZE;
  vcode = funccode(f);
  vpc = vcode;
  return true;
}

/**
 * Set up the bottom frame of a new goroutine whose arguments are already at
 * the bottom of its stack (nargs words); returns through gp's saved registers.
 */
export function initframe(gp: G, f: i32, closure: usize, nargs: i32): void {
  let savepc = vpc, savesp = vsp, savefp = vfp, savehdr = vhdr, savecode = vcode;
  let saveg = gcur;
  vsp = gp.stacklo + (<usize>nargs << 3);
  vhdr = 0;
  // callfunc checks the bounds of gcur's stack: point it at gp for the check.
  changetype<G>(gp).hdr = 0;
  setgcur(changetype<usize>(gp));
  callfunc(f, closure, 0, 0);
  saveregs(gp);
  setgcur(saveg);
  vpc = savepc;
  vsp = savesp;
  vfp = savefp;
  vhdr = savehdr;
  vcode = savecode;
}

import { setg as setgcur, Panic, STACK_MAX } from "../runtime/runtime2";
import { stackalloc } from "../runtime/malloc";

/**
 * Move the running G to a stack at least twice as big holding `need` bytes
 * (go runtime/stack.go copystack). Stacks hold no pointers into themselves
 * but the frame headers' fp and caller links, the registers and the cursors
 * of the G's panics: those are relocated. Nothing else may point into a
 * running G's stack (the sudogs that point at a parked G's words are gone
 * once it runs again). The old stack is garbage once nothing points at it (mgc.ts).
 */
function growstack(gp: G, need: usize): bool {
  let lo = gp.stacklo;
  let size = gp.stackhi - lo;
  let nsize = size << 1;
  while (nsize < need) nsize <<= 1;
  if (nsize > STACK_MAX) return false;
  let nlo = stackalloc(nsize);
  memory.copy(nlo, lo, vsp - lo);
  let delta = nlo - lo;
  let h = vhdr;
  while (h != 0) {
    let nh = h + delta;
    store<u32>(nh, load<u32>(nh, H_FP) + <u32>delta, H_FP);
    let caller = <usize>load<u32>(nh, H_CALLER);
    if (caller != 0) store<u32>(nh, <u32>(caller + delta), H_CALLER);
    h = caller;
  }
  let p = gp.panic;
  while (p != 0) {
    let pp = changetype<Panic>(p);
    if (pp.cursor != 0) pp.cursor += delta;
    p = pp.link;
  }
  vhdr += delta;
  vfp += delta;
  vsp += delta;
  gp.stacklo = nlo;
  gp.stackhi = nlo + nsize;
  return true;
}

/** Results of the function running in frame hdr. */
export function nresults(hdr: usize): i32 {
  return load<i32>(funcrec(load<i32>(hdr, H_FUNC)), FuncRec.NRESULTS);
}
