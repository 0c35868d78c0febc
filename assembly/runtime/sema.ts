// Goroutine semaphores for package sync (go runtime/sema.go, simplified):
// semacquire waits until the word at addr is positive and decrements it;
// semrelease increments it and readies one waiter, which then retries (the
// INTRINSIC instruction is executed again). Words are the 64-bit words of
// docs/bytecode.md. Waiters form one FIFO list under sched.semalock.
import { WaitReason } from "../abi";
import { Sched, Sudog, G, sched, schedp, gcur, getg } from "./runtime2";
import { lock, unlock } from "./lock";
import { acquireSudog, releaseSudog } from "./chan";
import { gopark, goready } from "./proc";

// @ts-ignore: decorator
@inline function semalock(): usize {
  return schedp + offsetof<Sched>("semalock");
}

function cansemacquire(addr: usize): bool {
  for (;;) {
    let v = atomic.load<i64>(addr);
    if (v <= 0) return false;
    if (atomic.cmpxchg<i64>(addr, v, v - 1) == v) return true;
  }
  return false; // not reached
}

/**
 * semacquire: true if acquired; otherwise the G is queued and parked (the
 * caller left the instruction to be executed again when it wakes).
 */
export function semacquire(addr: usize): bool {
  if (cansemacquire(addr)) return true;
  let s = sched();
  let sg = acquireSudog();
  sg.g = gcur;
  sg.addr = addr;
  lock(semalock());
  // re-check under the lock: a release may have happened meanwhile
  if (cansemacquire(addr)) {
    unlock(semalock());
    releaseSudog(sg);
    return true;
  }
  sg.next = 0;
  if (s.semahead == 0) s.semahead = changetype<usize>(sg);
  else {
    let t = s.semahead;
    while (changetype<Sudog>(t).next != 0) t = changetype<Sudog>(t).next;
    changetype<Sudog>(t).next = changetype<usize>(sg);
  }
  s.semawait++;
  unlock(semalock());
  return false;
}

export function semrelease(addr: usize): void {
  atomic.add<i64>(addr, 1);
  let s = sched();
  if (atomic.load<i32>(schedp + offsetof<Sched>("semawait")) == 0) return;
  lock(semalock());
  let pp = schedp + offsetof<Sched>("semahead");
  let found: usize = 0;
  while (load<usize>(pp) != 0) {
    let sg = load<usize>(pp);
    if (changetype<Sudog>(sg).addr == addr) {
      store<usize>(pp, changetype<Sudog>(sg).next);
      found = sg;
      s.semawait--;
      break;
    }
    pp = sg + offsetof<Sudog>("next");
  }
  unlock(semalock());
  if (found != 0) {
    let gp = changetype<Sudog>(found).g;
    releaseSudog(changetype<Sudog>(found));
    goready(changetype<G>(gp));
  }
}

export function semapark(): i32 {
  return gopark(WaitReason.SEMA);
}
