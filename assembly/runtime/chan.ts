// Channels (go runtime/chan.go). Elements are one word. A blocked receiver's
// sudog points at the word on its own operand stack where the value goes
// (elem) and, for `v, ok := <-c`, at the ok word (okslot): the sender or
// closer writes them directly, since G stacks are in shared memory and do not
// move. Only the M holding the P runs channel code in v1; the per-channel
// lock keeps the structure safe should that change.
import { WaitReason, PanicCode } from "../abi";
import { Hchan, Sudog, G, P, getg, getm, RESUME_SEND, RESUME_RECV, RESUME_NONE, gcur } from "./runtime2";
import { mallocgc } from "./malloc";
import { heapLimit } from "./mheap";
import { throwOOM } from "./panic";
import { MAXALLOC, MAXLEN } from "./slice";
import { lock, unlock } from "./lock";
import { gopark, goready } from "./proc";
import { panicRuntime } from "../vm/panic";
import { WAIT_NILRECV, WAIT_NILSEND } from "./traceback";

// @ts-ignore: decorator
@inline function chlock(c: Hchan): usize {
  return changetype<usize>(c) + offsetof<Hchan>("lock");
}

export function acquireSudog(): Sudog {
  let mp = getm();
  if (mp.p != 0) {
    let pp = changetype<P>(mp.p);
    let s = pp.sudogcache;
    if (s != 0) {
      pp.sudogcache = changetype<Sudog>(s).next;
      memory.fill(s, 0, offsetof<Sudog>());
      return changetype<Sudog>(s);
    }
  }
  return changetype<Sudog>(mallocgc(offsetof<Sudog>()));
}

export function releaseSudog(s: Sudog): void {
  let mp = getm();
  if (mp.p == 0) return;
  let pp = changetype<P>(mp.p);
  s.next = pp.sudogcache;
  pp.sudogcache = changetype<usize>(s);
}

/**
 * MAKECHAN's checks, as go makechan's: false (panic "makechan: size out of
 * range") for a negative size or a buffer past Go's maxAlloc on 64-bit ports
 * (a buffer holds one word per element here); a size the heap cannot hold
 * throws out of memory, as Go does on a machine with p9rt's memory.
 */
export function makechancheck(size: i64): bool {
  if (size < 0 || <u64>size > MAXALLOC / 8) return false;
  if (<u64>size * 8 > heapLimit()) throwOOM(size * 8);
  return size <= MAXLEN;
}

/** MAKECHAN: a new channel, its size checked by makechancheck. */
export function makechan(size: i64): usize {
  let c = changetype<Hchan>(mallocgc(offsetof<Hchan>()));
  c.dataqsiz = <i32>size;
  if (size > 0) c.buf = mallocgc(<usize>size << 3);
  return changetype<usize>(c);
}

// ---- wait queues ---------------------------------------------------------------------

/**
 * go waitq.enqueue: s joins the end of a channel's wait queue (its first and
 * last words at firstp). Senders, receivers and select's cases share it.
 */
export function enqueueSudog(firstp: usize, s: Sudog): void {
  let lastp = firstp + 4;
  let last = load<usize>(lastp);
  s.next = 0;
  s.prev = last;
  if (last == 0) store<usize>(firstp, changetype<usize>(s));
  else changetype<Sudog>(last).next = changetype<usize>(s);
  store<usize>(lastp, changetype<usize>(s));
}

export function dequeueSudog(firstp: usize, s: Sudog): void {
  let lastp = firstp + 4;
  let prev = s.prev;
  let next = s.next;
  if (prev != 0) changetype<Sudog>(prev).next = next;
  else if (load<usize>(firstp) == changetype<usize>(s)) store<usize>(firstp, next);
  else return; // not queued
  if (next != 0) changetype<Sudog>(next).prev = prev;
  else store<usize>(lastp, prev);
  s.next = 0;
  s.prev = 0;
}

/** go waitq.dequeue: the first waiter, skipping selects already won by another case. */
function dequeue(firstp: usize): Sudog {
  for (;;) {
    let s = load<usize>(firstp);
    if (s == 0) return changetype<Sudog>(0);
    let sg = changetype<Sudog>(s);
    dequeueSudog(firstp, sg);
    if (sg.isSelect) {
      let gp = changetype<G>(sg.g);
      if (atomic.cmpxchg<i32>(sg.g + offsetof<G>("selectDone"), 0, 1) != 0) continue;
      gp.param = s;
    }
    return sg;
  }
}

export function recvqp(c: usize): usize {
  return c + offsetof<Hchan>("recvqfirst");
}
export function sendqp(c: usize): usize {
  return c + offsetof<Hchan>("sendqfirst");
}

// ---- send, receive, close ----------------------------------------------------------

/** Hand v to a waiting receiver. */
function sendto(sg: Sudog, v: i64): void {
  if (sg.elem != 0) store<i64>(sg.elem, v);
  if (sg.okslot != 0) store<i64>(sg.okslot, 1);
  sg.success = 1;
  goready(changetype<G>(sg.g));
}

/** Try to send without blocking: 1 sent, 0 would block, -1 closed. The caller holds c's lock. */
export function trysend(c: Hchan, v: i64): i32 {
  if (c.closed) return -1;
  let sg = dequeue(recvqp(changetype<usize>(c)));
  if (changetype<usize>(sg) != 0) {
    sendto(sg, v);
    return 1;
  }
  if (c.qcount < c.dataqsiz) {
    store<i64>(c.buf + (<usize>c.sendx << 3), v);
    if (++c.sendx == c.dataqsiz) c.sendx = 0;
    c.qcount++;
    return 1;
  }
  return 0;
}

/** Try to receive without blocking into slot/okslot: 1 done, 0 would block. The caller holds c's lock. */
export function tryrecv(c: Hchan, slot: usize, okslot: usize): i32 {
  let sg = dequeue(sendqp(changetype<usize>(c)));
  if (changetype<usize>(sg) != 0) {
    let v: i64;
    if (c.dataqsiz == 0) {
      v = sg.val;
    } else {
      // the queue is full: take its head and put the sender's value at the tail
      let p = c.buf + (<usize>c.recvx << 3);
      v = load<i64>(p);
      store<i64>(p, sg.val);
      if (++c.recvx == c.dataqsiz) c.recvx = 0;
      c.sendx = c.recvx;
    }
    store<i64>(slot, v);
    if (okslot != 0) store<i64>(okslot, 1);
    sg.success = 1;
    goready(changetype<G>(sg.g));
    return 1;
  }
  if (c.qcount > 0) {
    let p = c.buf + (<usize>c.recvx << 3);
    store<i64>(slot, load<i64>(p));
    store<i64>(p, 0);
    if (++c.recvx == c.dataqsiz) c.recvx = 0;
    c.qcount--;
    if (okslot != 0) store<i64>(okslot, 1);
    return 1;
  }
  if (c.closed) {
    store<i64>(slot, 0);
    if (okslot != 0) store<i64>(okslot, 0);
    return 1;
  }
  return 0;
}

/** SEND: returns the interpreter status (1: the G parked). */
export function chansend(cp: usize, v: i64): i32 {
  if (cp == 0) return gopark(WAIT_NILSEND);
  let c = changetype<Hchan>(cp);
  lock(chlock(c));
  let r = trysend(c, v);
  if (r < 0) {
    unlock(chlock(c));
    return panicRuntime(PanicCode.SENDCLOSED, 0, 0);
  }
  if (r > 0) {
    unlock(chlock(c));
    return 0;
  }
  let gp = getg();
  let sg = acquireSudog();
  sg.g = gcur;
  sg.val = v;
  sg.c = cp;
  enqueueSudog(sendqp(cp), sg);
  gp.waiting = changetype<usize>(sg);
  gp.resume = RESUME_SEND;
  unlock(chlock(c));
  return gopark(WaitReason.CHAN_SEND);
}

/**
 * RECV / RECVOK into slot (and okslot, or 0). Returns the interpreter status.
 * It parks as chansend does, by design: as in go's chan.go, each direction
 * spells out its own sudog, so neither needs the other's cases.
 */
export function chanrecv(cp: usize, slot: usize, okslot: usize): i32 {
  if (cp == 0) return gopark(WAIT_NILRECV);
  let c = changetype<Hchan>(cp);
  lock(chlock(c));
  if (tryrecv(c, slot, okslot)) {
    unlock(chlock(c));
    return 0;
  }
  let gp = getg();
  let sg = acquireSudog();
  sg.g = gcur;
  sg.elem = slot;
  sg.okslot = okslot;
  sg.c = cp;
  enqueueSudog(recvqp(cp), sg);
  gp.waiting = changetype<usize>(sg);
  gp.resume = RESUME_RECV;
  unlock(chlock(c));
  return gopark(WaitReason.CHAN_RECV);
}

/** A G parked in SEND runs again: was it woken by close? Returns the interpreter status. */
export function sendresumed(gp: G): i32 {
  let sg = changetype<Sudog>(gp.waiting);
  gp.waiting = 0;
  gp.resume = RESUME_NONE;
  let ok = sg.success;
  releaseSudog(sg);
  if (!ok) return panicRuntime(PanicCode.SENDCLOSED, 0, 0);
  return 0;
}

/** A G parked in RECV runs again: the value is already in place. */
export function recvresumed(gp: G): void {
  let sg = changetype<Sudog>(gp.waiting);
  gp.waiting = 0;
  gp.resume = RESUME_NONE;
  releaseSudog(sg);
}

/** CLOSE. Returns the interpreter status. */
export function closechan(cp: usize): i32 {
  if (cp == 0) return panicRuntime(PanicCode.CLOSENIL, 0, 0);
  let c = changetype<Hchan>(cp);
  lock(chlock(c));
  if (c.closed) {
    unlock(chlock(c));
    return panicRuntime(PanicCode.CLOSECLOSED, 0, 0);
  }
  c.closed = 1;
  for (;;) {
    let sg = dequeue(recvqp(cp));
    if (changetype<usize>(sg) == 0) break;
    if (sg.elem != 0) store<i64>(sg.elem, 0);
    if (sg.okslot != 0) store<i64>(sg.okslot, 0);
    sg.success = 0;
    goready(changetype<G>(sg.g));
  }
  for (;;) {
    let sg = dequeue(sendqp(cp));
    if (changetype<usize>(sg) == 0) break;
    sg.success = 0;
    goready(changetype<G>(sg.g));
  }
  unlock(chlock(c));
  return 0;
}

export function chanlen(cp: usize): i32 {
  return cp == 0 ? 0 : changetype<Hchan>(cp).qcount;
}

export function chancap(cp: usize): i32 {
  return cp == 0 ? 0 : changetype<Hchan>(cp).dataqsiz;
}
