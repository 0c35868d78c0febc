// The process system calls (4e port/sysproc.c): exits, rfork, sleep, notify,
// semaphores, alarm, nsec, errstr, and the two pseudo calls TICK and
// PROCSTART. noted is trap.ts's, as in 4e, where pc/trap.c does its work.
import { ERRMAX, RFNOTEG, RFNOWAIT, RFPROC } from '../abi/defs.js';
import type { Kernel } from './kernel.js';
import { Block, NORET, NUser, Proc, Rendez, type SysResult, type Syscall } from './portdat.js';
import { KError, Enochild } from './error.js';
import { newnoteid, newproc, pexit, postnote, startproc, wakeup } from './proc.js';

const MS = 1000000n;
/** HZ=100: 4e raises a sleep shorter than one tick to one tick. */
const TICK_MS = 10n;

export function sysexits(k: Kernel, p: Proc, sc: Syscall): SysResult {
  const [addr, len] = sc.args;
  let msg = '';
  if (addr !== 0n && len > 0n) {
    try {
      msg = k.string(addr, len > BigInt(ERRMAX) ? BigInt(ERRMAX) : len);
    } catch {
      msg = 'invalid exit string';
    }
  }
  pexit(k, p, msg);
  return NORET;
}

export function sysrfork(k: Kernel, p: Proc, sc: Syscall): SysResult {
  const [flags, arg] = sc.args;
  const f = Number(flags);
  if ((f & RFPROC) === 0) {
    if (f & RFNOTEG) p.noteid = newnoteid(k);
    return 0n;
  }
  // The child shares the fd table (Go never passes RFFDG), keeps the
  // handler and, unless RFNOTEG, the note group; 4e copies pending notes.
  const c = newproc(k, f & RFNOTEG ? newnoteid(k) : p.noteid, p.fgrp, f & RFNOWAIT ? null : p);
  c.notify = p.notify;
  c.notes = p.notes.map((n) => ({ ...n }));
  c.notepending = c.notes.length > 0;
  k.record({ kind: 'rfork', pid: p.pid, a: c.pid });
  startproc(k, c, arg);
  return BigInt(c.pid);
}

/**
 * await(buf, n): the next wait record of a child forked without RFNOWAIT,
 * "pid utime stime rtime 'msg'" (4e sysawait); sleeps until a child exits;
 * "no living children" when none can.
 */
export function sysawait(k: Kernel, p: Proc, sc: Syscall): SysResult {
  const [addr, n] = sc.args;
  const w = p.waitq.shift();
  if (w === undefined) {
    if (p.nchild <= 0) throw new KError(Enochild);
    return new Block(p.waitr);
  }
  const b = new TextEncoder().encode(w).subarray(0, Math.max(0, Number(n)));
  k.copyout(addr, b);
  return BigInt(b.length);
}

export function sysprocstart(_k: Kernel, _p: Proc, _sc: Syscall): SysResult {
  return 0n;
}

export function systick(_k: Kernel, _p: Proc, _sc: Syscall): SysResult {
  return 0n;
}

export function syssleep(k: Kernel, p: Proc, sc: Syscall): SysResult {
  let ms = sc.args[0];
  if (ms <= 0n) return 0n; // a yield: never interrupted
  if (sc.x.until === undefined) {
    if (ms < TICK_MS) ms = TICK_MS;
    sc.x.until = k.clock.now() + ms * MS;
  }
  const until = sc.x.until as bigint;
  if (k.clock.now() >= until) return 0n;
  return new Block(null, until);
}

export function sysnotify(_k: Kernel, p: Proc, sc: Syscall): SysResult {
  p.notify = sc.args[0] !== 0n;
  return 0n;
}

export function sysnsec(k: Kernel, _p: Proc, _sc: Syscall): SysResult {
  return k.clock.now();
}

export function sysalarm(k: Kernel, p: Proc, sc: Syscall): SysResult {
  const ms = sc.args[0];
  const now = k.clock.now();
  let left = 0n;
  if (p.alarm && !p.alarm.dead) left = (p.alarm.when - now + MS - 1n) / MS;
  k.clock.cancel(p.alarm);
  p.alarm = null;
  if (ms > 0n) {
    p.alarm = k.clock.add(now + ms * MS, () => {
      p.alarm = null;
      postnote(k, p, 'alarm', NUser, p.pid);
    });
  }
  return left < 0n ? 0n : left;
}

/** errstr: swap the proc's error string with the buffer's (Go passes an empty one). */
export function syserrstr(k: Kernel, p: Proc, sc: Syscall): SysResult {
  const [addr, n] = sc.args;
  const max = Number(n);
  const user = k.copyin(addr, n);
  const z = user.indexOf(0);
  const incoming = new TextDecoder().decode(z >= 0 ? user.subarray(0, z) : user);
  const b = new TextEncoder().encode(p.errstr);
  const len = Math.min(b.length, Math.max(0, max - 1));
  const out = new Uint8Array(max);
  out.set(b.subarray(0, len));
  k.copyout(addr, out);
  p.errstr = incoming;
  return BigInt(len);
}

// ---- semaphores (4e port/sysproc.c semacquire/semrelease) --------------

const semas = new WeakMap<Kernel, Map<number, Rendez>>();
function semr(k: Kernel, addr: number): Rendez {
  let m = semas.get(k);
  if (!m) semas.set(k, (m = new Map()));
  let r = m.get(addr);
  if (!r) m.set(addr, (r = new Rendez()));
  return r;
}

function semaddr(k: Kernel, a: bigint): number {
  const addr = Number(a);
  if (addr <= 0 || addr & 3 || addr + 4 > k.u8.length) throw new KError('bad address in syscall');
  return addr;
}

/** canacquire: decrement the count if it is positive. */
function canacquire(k: Kernel, addr: number): boolean {
  const i = addr >> 2;
  for (;;) {
    const v = Atomics.load(k.i32, i);
    if (v <= 0) return false;
    if (Atomics.compareExchange(k.i32, i, v, v - 1) === v) return true;
  }
}

export function syssemacquire(k: Kernel, _p: Proc, sc: Syscall): SysResult {
  const addr = semaddr(k, sc.args[0]);
  if (canacquire(k, addr)) return 1n;
  if (sc.args[1] === 0n) return 0n;
  return new Block(semr(k, addr));
}

export function systsemacquire(k: Kernel, _p: Proc, sc: Syscall): SysResult {
  const addr = semaddr(k, sc.args[0]);
  if (canacquire(k, addr)) return 1n;
  if (sc.x.until === undefined) sc.x.until = k.clock.now() + sc.args[1] * MS;
  const until = sc.x.until as bigint;
  if (k.clock.now() >= until) return 0n;
  return new Block(semr(k, addr), until);
}

export function syssemrelease(k: Kernel, _p: Proc, sc: Syscall): SysResult {
  const addr = semaddr(k, sc.args[0]);
  const n = Number(sc.args[1]);
  if (n < 0) throw new KError('bad arg in system call');
  const v = Atomics.add(k.i32, addr >> 2, n) + n;
  // Every waiter re-tries; the ones that lose sleep again, so no release is lost
  // even when an interrupted waiter gives up its turn.
  wakeup(k, semr(k, addr));
  return BigInt(v);
}
