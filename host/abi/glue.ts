// The words the M glue (host/m) and the kernel (host/kernel) share and the
// core never touches, so they are not in defs.ts (nothing is generated from
// them for AssemblyScript or Go). Both sides import them from here.
import { MAILBOX_BASE } from './defs.js';

/**
 * The upper half of each mailbox belongs to the M glue and the kernel only:
 *   DEAD     set by the kernel when it ended this proc (exits, a killing
 *            note, teardown): the glue unwinds instead of returning.
 *   TRACE_N  number of core trace records in the proc's trace ring (below),
 *            handed over with the next call so core and kernel events
 *            interleave deterministically.
 *   TEXT_N   ABORT's message length; TEXT its bytes (TEXT_MAX at most).
 *   CHARGE   i64: bytecode instructions the core interpreted since this
 *            proc's last kernel entry, added by the glue before each call;
 *            the kernel charges them to the virtual clock and zeroes it.
 * and one word of the lower half the core never reads:
 *   SLEEPS   set by the kernel when a call made with Mbox.KEEPSP would
 *            sleep: the call has not run; the glue hands the P off through
 *            the core's syscallblock and makes the call again (SLEEPS = 2
 *            marks that second entry, which the trace does not show again).
 */
export const MboxX = { DEAD: 256, TRACE_N: 260, TEXT_N: 264, TEXT: 268, CHARGE: 504, SLEEPS: 84 };
export const TEXT_MAX = 236;

/**
 * The trace ring: a SharedArrayBuffer of TRACE_RING bytes per traced proc,
 * made by the kernel and sent with the start message (outside the wasm
 * memory, so it costs the Go heap nothing). The glue appends TRACE_REC-byte
 * records (t i64, kind i32, pad, a, b, c i64, pos i64: the source position of
 * docs/trace.md) while the core runs; the kernel drains it at every entry of
 * the proc (the M is waiting then, so the two never touch it at once). Only a
 * full ring costs a TRACEFLUSH round trip: issue 6, where a 6-record area
 * made one every 6 records.
 */
export const TRACE_REC = 48;
export const TRACE_RING = 64 * 1024;
export const TRACE_RECS = Math.floor(TRACE_RING / TRACE_REC);

/**
 * pid 0 has no proc, so its mailbox holds words for every M's glue:
 *   SPIN  i32: nonzero when an M may spin before Atomics.wait. The kernel
 *         sets it only while the threads that can run at once (the kernel,
 *         plus every live proc in real time or the one running proc in
 *         virtual time) fit on the machine's cores: spinning when threads
 *         outnumber cores steals the CPU from the thread being waited for.
 *   HOSTWAIT  i32: nonzero while a host action waits for the running proc's
 *         next kernel entry (virtual time, Kernel.hostact). TEST SEAM: only
 *         fixture procs that compute without making calls read it; the core
 *         never does, so it cannot change a run.
 */
export const GlueCtl = { SPIN: MAILBOX_BASE + 0, HOSTWAIT: MAILBOX_BASE + 4 };

/**
 * Glue-only pseudo calls (the core never makes them):
 *   TRACEFLUSH  hands over a full trace ring; no scheduling, no note delivery.
 *   ABORT       the core aborted or trapped: TEXT holds the text, TEXT_N
 *               its length; the kernel ends the run.
 */
export const SysX = { TRACEFLUSH: 1100, ABORT: 1101 };
