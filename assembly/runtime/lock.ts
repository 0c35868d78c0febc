// Runtime locks (go runtime/lock_sema.go, much simplified). They are taken by
// Ms with or without the P (exitsyscall, the note handler), so they are CAS
// words in shared memory. On contention an M spins a little and then yields
// with sleep(0): in virtual time only one M runs outside the kernel at a
// time, so a spinner that never entered the kernel would spin forever.
// Rule: never hold a runtime lock across a blocking system call.
import { osyield } from "./os_plan9";

const ACTIVE_SPIN: i32 = 64;

export function lock(l: usize): void {
  let spins = 0;
  while (atomic.cmpxchg<i32>(l, 0, 1) != 0) {
    if (++spins < ACTIVE_SPIN) continue;
    osyield();
  }
}

export function unlock(l: usize): void {
  atomic.store<i32>(l, 0);
}
