// The shared heap: a bump allocator whose cursor lives at Ctl.HEAP_CURSOR in
// shared memory and is advanced with CAS, so every M (every instance of
// core.wasm) hands out distinct blocks. Memory grows with memory.grow, which
// all instances see at once. Nothing is ever freed here (no collector in v1);
// the scheduler recycles its own structures (G stacks, sudogs) on free lists.
//
// Blocks come from never-used memory, so they are already zero: mallocgc's
// "zeroed" guarantee costs nothing.
import { Ctl, MEMORY_MAXIMUM_PAGES, PAGE } from "../abi";
import { throwOOM } from "./panic";

const MALLOC_ALIGN: u32 = 16;
/** Grow memory by at least this many pages at a time (4 MiB): fewer grows. */
const GROW_PAGES: i32 = 64;

function heapStart(): u32 {
  return (<u32>__heap_base + MALLOC_ALIGN - 1) & ~(MALLOC_ALIGN - 1);
}

/** mallocgc returns a zeroed block of at least size bytes, 16-aligned. */
export function mallocgc(size: usize): usize {
  let n = (<u64>size + MALLOC_ALIGN - 1) & ~(<u64>MALLOC_ALIGN - 1);
  if (n == 0) n = MALLOC_ALIGN;
  const limit = <u64>MEMORY_MAXIMUM_PAGES * <u64>PAGE;
  for (;;) {
    let cur = atomic.load<u32>(Ctl.HEAP_CURSOR);
    if (cur == 0) {
      atomic.cmpxchg<u32>(Ctl.HEAP_CURSOR, 0, heapStart());
      continue;
    }
    let end = <u64>cur + n;
    if (end > limit) throwOOM(<i64>size, <i64>limit);
    if (atomic.cmpxchg<u32>(Ctl.HEAP_CURSOR, cur, <u32>end) == cur) {
      ensureMemory(end, size);
      return <usize>cur;
    }
  }
  return 0; // not reached
}

/** Make [0, end) addressable. Two Ms growing at once may over-grow a little. */
function ensureMemory(end: u64, size: usize): void {
  for (;;) {
    let have = <u64>memory.size() << 16;
    if (have >= end) break;
    let need = <i32>((end - have + 0xffff) >> 16);
    let room = MEMORY_MAXIMUM_PAGES - memory.size();
    let want = need < GROW_PAGES ? GROW_PAGES : need;
    if (want > room) want = room;
    if (want < need || memory.grow(want) < 0) {
      if ((<u64>memory.size() << 16) >= end) break; // another M grew it
      throwOOM(<i64>size, <i64>MEMORY_MAXIMUM_PAGES * PAGE);
    }
  }
  let top = <u32>(<u64>memory.size() << 16);
  if (atomic.load<u32>(Ctl.HEAP_END) < top) atomic.store<u32>(Ctl.HEAP_END, top);
}

/** Bytes handed out so far (tests, runtime stats). */
export function heapInUse(): u32 {
  let cur = atomic.load<u32>(Ctl.HEAP_CURSOR);
  return cur == 0 ? 0 : cur - heapStart();
}
