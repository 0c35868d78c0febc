// The host imports (docs/abi.md "Host imports") and the Plan 9 system calls the
// runtime makes, as go runtime/os_plan9.go wraps them. Every wait happens in
// the host (never atomic.wait in wasm: Node 20's Liftoff bug).
import { Sys, OMode, RFPROC, RFMEM, RFNOWAIT, Ctl } from "../abi";
import { curpos, syscallpos } from "./tracepos";
import { conswrite } from "./cons";

// @ts-ignore: decorator
@external("host", "syscall")
declare function host_syscall0(num: i32, a0: i64, a1: i64, a2: i64, a3: i64, a4: i64, a5: i64): i64;
// @ts-ignore: decorator
@external("host", "nanotime")
declare function host_nanotime(): i64;
// @ts-ignore: decorator
@external("host", "trace")
declare function host_trace(kind: i32, a: i64, b: i64, c: i64, pos: i64): void;
// @ts-ignore: decorator
@external("host", "resumed")
declare function host_resumed(): i64;
// @ts-ignore: decorator
@external("host", "debug")
declare function host_debug(a: i64, b: i64): void;

/** Every call: a traced run first leaves the caller's source position in the mailbox (tracepos.ts). */
// @ts-ignore: decorator
@inline function host_syscall(num: i32, a0: i64, a1: i64, a2: i64, a3: i64, a4: i64, a5: i64): i64 {
  if (load<i32>(Ctl.TRACE) != 0) syscallpos();
  return host_syscall0(num, a0, a1, a2, a3, a4, a5);
}

/** A raw system call through this proc's mailbox; notes are delivered on its way out. */
export function syscall6(num: i32, a0: i64, a1: i64, a2: i64, a3: i64, a4: i64, a5: i64): i64 {
  return host_syscall(num, a0, a1, a2, a3, a4, a5);
}

/**
 * The result of the call this proc slept in without its thread (Mbox.RESUME),
 * on the worker that resumes it: the notes that came meanwhile are delivered
 * first, as on the way out of any call (proc.ts sysresume).
 */
export function resumed(): i64 {
  return host_resumed();
}

export function nanotime(): i64 {
  return host_nanotime();
}

export function traceEvent(kind: i32, a: i64, b: i64, c: i64): void {
  // An untraced run pays one load, not a host call with four BigInts.
  if (load<i32>(Ctl.TRACE) == 0) return;
  host_trace(kind, a, b, c, curpos());
}


export function debug(a: i64, b: i64): void {
  host_debug(a, b);
}

export function open(path: usize, len: i32, mode: i32): i32 {
  return <i32>host_syscall(Sys.OPEN, <i64>path, len, mode, 0, 0, 0);
}

export function closefd(fd: i32): i32 {
  return <i32>host_syscall(Sys.CLOSE, fd, 0, 0, 0, 0, 0);
}

export function pread(fd: i32, buf: usize, n: i32, off: i64): i32 {
  return <i32>host_syscall(Sys.PREAD, fd, <i64>buf, n, off, 0, 0);
}

export function pwrite(fd: i32, buf: usize, n: i32, off: i64): i32 {
  if (conswrite(fd, buf, n)) return n; // the console ring (cons.ts)
  return <i32>host_syscall(Sys.PWRITE, fd, <i64>buf, n, off, 0, 0);
}

/** exits never returns: the host unwinds the worker. */
export function exits(msg: usize, len: i32): void {
  host_syscall(Sys.EXITS, <i64>msg, len, 0, 0, 0, 0);
  unreachable();
}

/** osyield: sleep(0) is a yield and is never interrupted. */
export function osyield(): void {
  host_syscall(Sys.SLEEP, 0, 0, 0, 0, 0, 0);
}

export function semacquire(addr: usize, block: i32): i32 {
  return <i32>host_syscall(Sys.SEMACQUIRE, <i64>addr, block, 0, 0, 0, 0);
}

export function tsemacquire(addr: usize, ms: i64): i32 {
  return <i32>host_syscall(Sys.TSEMACQUIRE, <i64>addr, ms, 0, 0, 0, 0);
}

export function semrelease(addr: usize, count: i32): i32 {
  return <i32>host_syscall(Sys.SEMRELEASE, <i64>addr, count, 0, 0, 0, 0);
}

/** newosproc's rfork: a new proc sharing memory, fds and note group. */
export function rforkm(mp: usize): i32 {
  return <i32>host_syscall(Sys.RFORK, RFPROC | RFMEM | RFNOWAIT, <i64>mp, 0, 0, 0, 0);
}

export function notify(on: i32): void {
  host_syscall(Sys.NOTIFY, on, 0, 0, 0, 0, 0);
}

export function tick(): void {
  host_syscall(Sys.TICK, 0, 0, 0, 0, 0, 0);
}

export function errstr(buf: usize, n: i32): i32 {
  return <i32>host_syscall(Sys.ERRSTR, <i64>buf, n, 0, 0, 0, 0);
}

export const OWRITE: i32 = OMode.OWRITE;
