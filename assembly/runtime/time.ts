// Timers (go runtime/time.go, simplified): one min-heap keyed by `when`
// (nanotime), under sched.timerslock. time.Sleep parks the G on its own
// timer; startTimer's f runs in a new goroutine when the timer fires.
// Only the M holding the P runs timers (findrunnable), so firing may ready
// Gs directly.
import { TraceKind, WaitReason } from "../abi";
import { Sched, Timer, G, sched, schedp, getg } from "./runtime2";
import { mallocgc } from "./malloc";
import { lock, unlock } from "./lock";
import { traceEvent, nanotime } from "./os_plan9";
import { goready, gopark, newproc } from "./proc";
import { curpos, tracing } from "./tracepos";

export const NO_TIMER: i64 = i64.MAX_VALUE;

// @ts-ignore: decorator
@inline function tlock(): usize {
  return schedp + offsetof<Sched>("timerslock");
}

// @ts-ignore: decorator
@inline function heapat(i: i32): Timer {
  return changetype<Timer>(load<usize>(sched().timers + (<usize>i << 2)));
}

// @ts-ignore: decorator
@inline function heapset(i: i32, t: Timer): void {
  store<usize>(sched().timers + (<usize>i << 2), changetype<usize>(t));
  t.idx = i;
}

function siftup(i: i32): void {
  let t = heapat(i);
  while (i > 0) {
    let p = (i - 1) >> 1;
    let pt = heapat(p);
    if (pt.when <= t.when) break;
    heapset(i, pt);
    i = p;
  }
  heapset(i, t);
}

function siftdown(i: i32): void {
  let n = sched().ntimers;
  let t = heapat(i);
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && heapat(c + 1).when < heapat(c).when) c++;
    let ct = heapat(c);
    if (t.when <= ct.when) break;
    heapset(i, ct);
    i = c;
  }
  heapset(i, t);
}

function heapadd(t: Timer): void {
  let s = sched();
  if (s.ntimers == s.timerscap) {
    let ncap = s.timerscap == 0 ? 64 : s.timerscap * 2;
    let nt = mallocgc(<usize>ncap << 2);
    if (s.ntimers > 0) memory.copy(nt, s.timers, <usize>s.ntimers << 2);
    s.timers = nt;
    s.timerscap = ncap;
  }
  let i = s.ntimers++;
  heapset(i, t);
  siftup(i);
}

function heapdel(t: Timer): void {
  let s = sched();
  let i = t.idx;
  let last = --s.ntimers;
  t.idx = -1;
  if (i != last) {
    heapset(i, heapat(last));
    siftdown(i);
    siftup(i);
  }
}

export function ntimers(): i32 {
  return atomic.load<i32>(schedp + offsetof<Sched>("ntimers"));
}

/** When the first timer fires, or NO_TIMER. */
export function timersnext(): i64 {
  lock(tlock());
  let w = sched().ntimers > 0 ? heapat(0).when : NO_TIMER;
  unlock(tlock());
  return w;
}

/** Fire every timer due at `now` (the caller holds the P). */
export function runtimers(now: i64): void {
  let s = sched();
  if (ntimers() == 0) return;
  for (;;) {
    lock(tlock());
    if (s.ntimers == 0 || heapat(0).when > now) {
      unlock(tlock());
      return;
    }
    let t = heapat(0);
    heapdel(t);
    if (t.period > 0) {
      // go: when += period * (1 + -delta/period), so a late ticker skips ticks
      let delta = t.when - now;
      t.when += t.period * (1 + -delta / t.period);
      heapadd(t);
    }
    unlock(tlock());
    traceEvent(TraceKind.TIMER_FIRE, changetype<usize>(t), 0, 0);
    if (t.g != 0) goready(changetype<G>(t.g));
    else if (t.f != 0) {
      // The scheduler (or whatever G is current) is not its creator: the
      // goroutine starts where the timer was set (time.AfterFunc's caller).
      let gp = newproc(load<i32>(t.f), t.f, 0, 0);
      gp.tracepos = t.pos;
      gp.traceop = 0;
    }
  }
}

function newtimer(): Timer {
  let t = changetype<Timer>(mallocgc(offsetof<Timer>()));
  t.idx = -1;
  return t;
}

/** time.startTimer(when, period, f) int: f runs in a new goroutine at when. */
export function starttimer(when: i64, period: i64, f: usize): usize {
  let t = newtimer();
  t.when = when;
  t.period = period;
  t.f = f;
  t.pos = tracing() ? curpos() : 0;
  lock(tlock());
  heapadd(t);
  unlock(tlock());
  traceEvent(TraceKind.TIMER_SET, changetype<usize>(t), when / 1000000, 0);
  return changetype<usize>(t);
}

/** time.stopTimer(id) bool: true if the timer was pending. */
export function stoptimer(id: usize): bool {
  if (id == 0) return false;
  let t = changetype<Timer>(id);
  lock(tlock());
  let was = t.idx >= 0;
  if (was) heapdel(t);
  unlock(tlock());
  if (was) traceEvent(TraceKind.TIMER_STOP, id, 0, 0);
  return was;
}

/** time.resetTimer(id, when) bool: true if the timer was pending. */
export function resettimer(id: usize, when: i64): bool {
  if (id == 0) return false;
  let t = changetype<Timer>(id);
  lock(tlock());
  let was = t.idx >= 0;
  if (was) heapdel(t);
  t.when = when;
  t.pos = tracing() ? curpos() : 0;
  heapadd(t);
  unlock(tlock());
  traceEvent(TraceKind.TIMER_RESET, id, when / 1000000, was ? 1 : 0);
  return was;
}

/** time.Sleep(ns): park the G on its timer. Returns 1 if the G parked. */
export function timesleep(ns: i64): i32 {
  if (ns <= 0) return 0;
  let gp = getg();
  let t: Timer;
  if (gp.timer == 0) {
    t = newtimer();
    gp.timer = changetype<usize>(t);
  } else t = changetype<Timer>(gp.timer);
  t.g = changetype<usize>(gp);
  t.f = 0;
  t.period = 0;
  let now = nanotime();
  t.when = ns > NO_TIMER - now ? NO_TIMER - 1 : now + ns;
  lock(tlock());
  heapadd(t);
  unlock(tlock());
  traceEvent(TraceKind.TIMER_SET, changetype<usize>(t), t.when / 1000000, 0);
  return gopark(WaitReason.SLEEP);
}
