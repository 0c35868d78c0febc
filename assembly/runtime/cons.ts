// The console ring (host/abi/defs.ts ConsRing): a write to the run's stdout
// or stderr becomes a record in shared memory instead of a system call, and
// the kernel takes the records in order (host/kernel/dev/cons.ts
// drainCons). Plan 9 has no such path: it is p9rt's stand-in for the cost
// of a kernel entry that a real machine does not pay per line.
import { Ctl, Mbox, ConsRing, CONS_RING_SIZE, CONS_RECORD_MAX, NIL_GUARD } from "../abi";
import { getm } from "./runtime2";

// The ring is static data, not a heap block: the first write may be the
// out-of-memory message itself.
const RING: usize = memory.data(<i32>ConsRing.DATA + CONS_RING_SIZE, 16);

/** The ring, its address published for the kernel at the first write. */
// @ts-ignore: decorator
@inline function ring(): usize {
  if (atomic.load<u32>(Ctl.CONS_RING) == 0) atomic.store<u32>(Ctl.CONS_RING, <u32>RING);
  return RING;
}

/**
 * Append pwrite(fd, buf, n) to the ring if fd writes to the run's stdout or
 * stderr; false if the write must be a system call (another fd, a traced
 * run, a long write, no room, another writer in the ring, a bad address,
 * which the kernel reports).
 */
export function conswrite(fd: i32, buf: usize, n: i64): bool {
  if (<u32>fd >= 32 || n <= 0 || n > <i64>CONS_RECORD_MAX) return false;
  if (load<i32>(Ctl.TRACE) != 0) return false;
  if (changetype<usize>(getm()) == 0) return false;
  let bit = 1 << fd;
  let mb = getm().mailbox;
  let tag: u32;
  if ((atomic.load<i32>(mb + Mbox.CONSOUT) & bit) != 0) tag = 0;
  else if ((atomic.load<i32>(mb + Mbox.CONSERR) & bit) != 0) tag = 0x80000000;
  else return false;
  let len = <u32>n;
  if (buf < <usize>NIL_GUARD || <u64>buf + <u64>len > <u64>memory.size() << 16) return false;
  let r = ring();
  if (atomic.cmpxchg<i32>(r + ConsRing.LOCK, 0, 1) != 0) return false;
  let head = load<u32>(r + ConsRing.HEAD);
  let tail = atomic.load<u32>(r + ConsRing.TAIL);
  let need: u32 = 4 + ((len + 3) & ~3);
  if (<u32>CONS_RING_SIZE - (head - tail) < need) {
    atomic.store<i32>(r + ConsRing.LOCK, 0);
    return false;
  }
  let data = r + ConsRing.DATA;
  let mask = <u32>CONS_RING_SIZE - 1;
  let at = head & mask;
  store<u32>(data + at, len | tag);
  at = (at + 4) & mask;
  let first = min(len, <u32>CONS_RING_SIZE - at);
  memory.copy(data + at, buf, first);
  if (first < len) memory.copy(data, buf + first, len - first);
  atomic.store<u32>(r + ConsRing.HEAD, head + need);
  atomic.store<i32>(r + ConsRing.LOCK, 0);
  return true;
}
