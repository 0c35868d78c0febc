// p9rt explore's one hook in the scheduler (docs/explore.md "Choice points").
// A choice point is a findrunnable that finds two or more runnable Gs: Go's
// order would take runnext, then the local queue's head, then the global
// queue's. A schedule may force, at choice point number `step`, the
// (pick mod n)-th of the n candidates in that order instead. The kernel lays
// the forced choices out in the control page before boot (Ctl.EXPLORE_TABLE,
// sorted by step); only the M holding the P comes here, so the counters need
// no lock of their own. With Ctl.EXPLORE 0 (every run but explore's and a
// replayed schedule's) nothing here runs and Go's order is untouched.
import { Ctl, TraceKind } from "../abi";
import { G, P, Sched, sched, schedp } from "./runtime2";
import { lock, unlock } from "./lock";
import { traceEvent } from "./os_plan9";

/** FNV-1a over one more word: Ctl.EXPLORE_HASH identifies the run's sequence of choices. */
function mix(h: u32, w: u32): u32 {
  for (let i = 0; i < 4; i++) {
    h ^= (w >> (<u32>i << 3)) & 0xff;
    h *= 16777619;
  }
  return h;
}

/** Take the k-th G (from 0) out of a queue linked through schedlink; returns it. */
function unlinkat(head: usize, k: i32, q: usize): usize {
  // q is the address of the queue's (head, tail, size) words: P.runqhead or Sched.runqhead.
  let prev: usize = 0;
  let gp = head;
  for (let i = 0; i < k; i++) {
    prev = gp;
    gp = changetype<G>(gp).schedlink;
  }
  let next = changetype<G>(gp).schedlink;
  if (prev == 0) store<usize>(q, next);
  else changetype<G>(prev).schedlink = next;
  if (next == 0) store<usize>(q + sizeof<usize>(), prev); // the tail
  changetype<G>(gp).schedlink = 0;
  return gp;
}

/**
 * At a choice point, the G a schedule forces, taken off its queue; 0 when
 * this is not a choice point or the schedule leaves Go's order (pick 0).
 */
export function explorepick(pp: P): usize {
  let s = changetype<Sched>(sched());
  let lk = schedp + offsetof<Sched>("lock");
  lock(lk);
  let local = (pp.runnext != 0 ? 1 : 0) + pp.runqsize;
  let n = local + s.runqsize;
  if (n < 2) {
    unlock(lk);
    return 0;
  }
  let step = load<i32>(Ctl.EXPLORE_STEP);
  store<i32>(Ctl.EXPLORE_STEP, step + 1);
  let next = load<i32>(Ctl.EXPLORE_NEXT);
  let k: i32 = 0;
  if (next < load<i32>(Ctl.EXPLORE_N)) {
    let e = Ctl.EXPLORE_TABLE + (next << 3);
    if (load<i32>(e) == step) {
      k = <i32>(<u32>load<i32>(e, 4) % <u32>n);
      store<i32>(Ctl.EXPLORE_NEXT, next + 1);
    }
  }
  store<u32>(Ctl.EXPLORE_HASH, mix(mix(load<u32>(Ctl.EXPLORE_HASH), <u32>n), <u32>k));
  let gp: usize = 0;
  if (k != 0) {
    // Go's order: runnext, else the global queue's head every 61st tick, else the local queue's.
    let dflt = pp.runnext;
    if (dflt == 0) dflt = pp.schedtick % 61 == 0 && s.runqsize > 0 ? s.runqhead : pp.runqhead != 0 ? pp.runqhead : s.runqhead;
    if (pp.runnext != 0) {
      if (k <= pp.runqsize) gp = unlinkat(pp.runqhead, k - 1, changetype<usize>(pp) + offsetof<P>("runqhead"));
      else gp = unlinkat(s.runqhead, k - local, schedp + offsetof<Sched>("runqhead"));
    } else if (k < pp.runqsize) gp = unlinkat(pp.runqhead, k, changetype<usize>(pp) + offsetof<P>("runqhead"));
    else gp = unlinkat(s.runqhead, k - local, schedp + offsetof<Sched>("runqhead"));
    if (k < local) pp.runqsize--;
    else s.runqsize--;
    traceEvent(TraceKind.EXPLORE_PICK, step, changetype<G>(gp).goid, changetype<G>(dflt).goid);
  }
  unlock(lk);
  return gp;
}
