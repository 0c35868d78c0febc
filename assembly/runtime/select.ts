// select (go runtime/select.go). The cases are on the operand stack as
// (c, v, kind) triples; the result (index, v, ok) is written over the first
// triple. Cases are polled in a random order (the M's fastrand, seeded
// deterministically); if none is ready and there is no default, the G waits
// on every channel with one sudog each, and the first case to fire wins
// (CAS on g.selectDone). In v1 only the M holding the P touches channels, so
// select does not take the channel locks.
import { WaitReason, PanicCode } from "../abi";
import { G, Sudog, Hchan, getg, getm, gcur, RESUME_SELECT, RESUME_NONE } from "./runtime2";
import { trysend, tryrecv, acquireSudog, releaseSudog, dequeueSudog, enqueueSudog, recvqp, sendqp } from "./chan";
import { gopark } from "./proc";
import { panicRuntime } from "../vm/panic";
import { vsp, vpc, setregs, vfp, vhdr, vcode } from "../vm/frame";
import { WAIT_SELECTNOCASES } from "./traceback";

const KIND_SEND: i64 = 1;

export function fastrand(): u32 {
  let mp = getm();
  let x = mp.fastrand;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  mp.fastrand = x;
  return x;
}

/** SELECT n hasdefault (vpc at the instruction). Returns the interpreter status. */
export function selectgo(n: i32, hasdefault: i32): i32 {
  let base = vsp - <usize>n * 24;
  let next = vpc + 9;
  let res = base;
  // pass 1: poll in a random order, starting at a random case
  if (n > 0) {
    let start = <i32>(fastrand() % <u32>n);
    for (let k = 0; k < n; k++) {
      let i = (start + k) % n;
      let cs = base + <usize>i * 24;
      let c = <usize>load<i64>(cs);
      if (c == 0) continue;
      let kind = load<i64>(cs, 16);
      if (kind == KIND_SEND) {
        let r = trysend(changetype<Hchan>(c), load<i64>(cs, 8));
        if (r < 0) {
          setregs(next, base, vfp, vhdr, vcode);
          return panicRuntime(PanicCode.SENDCLOSED, 0, 0);
        }
        if (r > 0) {
          store<i64>(res, i);
          store<i64>(res, 0, 8);
          store<i64>(res, 0, 16);
          setregs(next, base + 24, vfp, vhdr, vcode);
          return 0;
        }
      } else {
        if (tryrecv(changetype<Hchan>(c), res + 8, res + 16)) {
          store<i64>(res, i);
          setregs(next, base + 24, vfp, vhdr, vcode);
          return 0;
        }
      }
    }
  }
  if (hasdefault) {
    store<i64>(res, -1);
    store<i64>(res, 0, 8);
    store<i64>(res, 0, 16);
    setregs(next, base + 24, vfp, vhdr, vcode);
    return 0;
  }
  // pass 2: wait on every channel
  let gp = getg();
  gp.selectDone = 0;
  gp.param = 0;
  let first: usize = 0;
  let any = false;
  // Read every case before the result words overwrite the first triple.
  for (let i = n - 1; i >= 0; i--) {
    let cs = base + <usize>i * 24;
    let c = <usize>load<i64>(cs);
    if (c == 0) continue;
    any = true;
    let sg = acquireSudog();
    sg.g = gcur;
    sg.isSelect = 1;
    sg.caseidx = i;
    sg.c = c;
    let kind = load<i64>(cs, 16);
    if (kind == KIND_SEND) {
      sg.pad = 1;
      sg.val = load<i64>(cs, 8);
      enqueueSudog(sendqp(c), sg);
    } else {
      sg.elem = res + 8;
      sg.okslot = res + 16;
      enqueueSudog(recvqp(c), sg);
    }
    sg.waitlink = first;
    first = changetype<usize>(sg);
  }
  store<i64>(res, -2);
  store<i64>(res, 0, 8);
  store<i64>(res, 0, 16);
  setregs(next, base + 24, vfp, vhdr, vcode);
  gp.waiting = first;
  gp.resume = RESUME_SELECT;
  return gopark(any ? WaitReason.SELECT : WAIT_SELECTNOCASES);
}

/** A G parked in select runs again: dequeue the losing cases, write the index. */
export function selectresumed(gp: G): i32 {
  let win = gp.param;
  let sg = gp.waiting;
  gp.waiting = 0;
  gp.resume = RESUME_NONE;
  gp.param = 0;
  let sendfailed = false;
  let idx: i32 = -2;
  while (sg != 0) {
    let s = changetype<Sudog>(sg);
    let nextsg = s.waitlink;
    if (sg == win) {
      idx = s.caseidx;
      if (s.pad == 1 && !s.success) sendfailed = true;
    } else {
      dequeueSudog(s.pad == 1 ? sendqp(s.c) : recvqp(s.c), s);
    }
    releaseSudog(s);
    sg = nextsg;
  }
  store<i64>(vsp - 24, idx);
  if (sendfailed) return panicRuntime(PanicCode.SENDCLOSED, 0, 0);
  return 0;
}
