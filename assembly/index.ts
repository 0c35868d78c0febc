// core.wasm: the Go runtime of the Plan 9 port as a bytecode interpreter.
// Its exports are the ABI of docs/abi.md; assembly/README.md draws the
// shared memory map, the per-M globals and the locking rules.
import { persistentalloc, FLAG_NOSCAN } from "./runtime/malloc";
import { boot as procboot, tstart as proctstart, syscallblock as procsyscallblock, sysresume as procsysresume, stackreset } from "./runtime/proc";
import { sigtramp as sigsigtramp } from "./runtime/sighandler";
import { wasmtrap } from "./runtime/panic";

// Compute not yet charged to the virtual clock: the M glue reads and zeroes it.
export { uncharged } from "./vm/interp";

// The wasm engine (docs/backend.md): the program module imports these.
export { vpc, vsp, vfp, vhdr, vcode } from "./vm/frame";
export { image, globals, gcur } from "./runtime/runtime2";
export { attnaddr } from "./runtime/proc";
export { jticks, jslow, jsafepoint, setengine, gstackhi } from "./vm/compiled";
export { findmethod } from "./vm/image";

/** pid 1 places the program image with it. */
export function malloc(n: i32): i32 {
  return <i32>persistentalloc(<usize>n, FLAG_NOSCAN); // the image: a root, no heap pointers
}

/** pid 1: schedinit, the main goroutine, mstart. Never returns. */
export function boot(image: i32, len: i32): void {
  procboot(<usize>image, <usize>len);
}

/** A proc made by rfork: mstart on M mp. Never returns. */
export function tstart(mp: i32): void {
  stackreset(); // the worker's instance may have run a proc before (proc.ts stacktop)
  proctstart(<usize>mp);
}

/**
 * The call this M made keeping the P would sleep (Mbox.KEEPSP): hand the P
 * off; the glue then makes the call again (host/m/mailbox.ts).
 */
export function syscallblock(): void {
  procsyscallblock();
}

/**
 * A proc whose call slept without its thread (Mbox.RESUME, kind a Resume)
 * goes on on this instance (proc.ts sysresume). Never returns.
 */
export function sysresume(pid: i32, kind: i32): void {
  stackreset();
  procsysresume(pid, kind);
}

/** The note handler's entry: returns NCONT or NDFLT for the glue's noted(). */
export function sigtramp(note: i32, len: i32): i32 {
  return sigsigtramp(<usize>note, len);
}

/** The M glue caught a wasm trap (host/m/worker.ts): Go's fatal error for it, exit 2. Never returns. */
export function trap(kind: i32): void {
  wasmtrap(kind);
}
