// The shared heap (go runtime/malloc.go, simplified): objects up to 8 KiB
// come from spans of one size class, found through a per-class current span
// and a list of spans with free slots; larger objects get spans of their own
// (mheap.ts). Freed slots are reused after a collection (mgc.ts) swept them.
//
// One lock (the heap root's H_LOCK) serializes every allocation: v1 has one
// P, so nearly all allocations are made by the M holding it and the lock is
// uncontended; the few Ms that allocate without the P (newm's M records,
// made while handing the P off) take it too.
//
// Objects are zeroed ("mallocgc's zeroed guarantee"): never-used pages are
// zero already; reused slots are cleared on allocation.
//
// Flags: FLAG_NOSCAN objects hold no pointers (bytes, goroutine stacks, which
// the collector scans itself up to their sp); FLAG_PIN objects are roots that
// are never freed. An allocation by an M that does not hold the P is pinned:
// a collection on the M that does could run before the new object is linked
// anywhere the collector looks.
import { Ctl, MEMORY_MAXIMUM_PAGES, PAGE } from "../abi";
import { throwOOM } from "./panic";
import { lock, unlock } from "./lock";
import { mcur, M } from "./runtime2";
import {
  mheapinit, mheapRoot, allocSpan, sizeToClass, classSize, sw, setsw, getbit, setbit, clearbit,
  PAGE_SHIFT, PAGE_BYTES, MAX_SMALL, SMALL_SPAN_PAGES, SPAN_SMALL, SPAN_LARGE,
  H_LOCK, H_CLASSCUR, H_CLASSPARTIAL, S_START, S_NELEMS, S_ELEMSIZE, S_CLASS, S_FREEINDEX,
  S_ALLOCCOUNT, S_NEXT, S_NPINNED, S_NEEDZERO, S_ALLOCBITS, S_NOSCANBITS, S_PINBITS,
  heapLimit,
} from "./mheap";

export const FLAG_NOSCAN: i32 = 1;
export const FLAG_PIN: i32 = 2;

const MIN_GOAL: u32 = 4 << 20; // mgc.ts MIN_GOAL (not imported: mgc imports this file's users)

// @ts-ignore: decorator
@inline function heaplock(): usize {
  return mheapRoot() + H_LOCK;
}

/** mallocgc returns a zeroed block of at least size bytes, 16-aligned. */
export function mallocgc(size: usize): usize {
  return mallocflags(size, 0);
}

/** A block the collector never looks into (bytes). */
export function mallocnoscan(size: usize): usize {
  return mallocflags(size, FLAG_NOSCAN);
}

/** go persistentalloc: a block that lives for the whole run (a root). */
export function persistentalloc(size: usize, flags: i32): usize {
  return mallocflags(size, flags | FLAG_PIN);
}

/** A goroutine stack: scanned by the collector only up to its G's sp. */
export function stackalloc(size: usize): usize {
  return mallocflags(size, FLAG_NOSCAN);
}

export function mallocflags(size: usize, flags: i32): usize {
  if (mheapRoot() == 0) mheapinit();
  if (mcur == 0 || changetype<M>(mcur).p == 0) flags |= FLAG_PIN;
  if (size == 0) size = 1;
  if (<u64>size > heapLimit()) throwOOM(<i64>size);
  lock(heaplock());
  let p: usize;
  let n: usize;
  if (size <= MAX_SMALL) {
    let c = sizeToClass(size);
    n = classSize(c);
    p = allocsmall(c, n, flags);
  } else {
    n = (size + PAGE_BYTES - 1) & ~(PAGE_BYTES - 1);
    p = alloclarge(n >> PAGE_SHIFT, flags);
  }
  if (p == 0) {
    unlock(heaplock());
    throwOOM(<i64>size);
  }
  let alloc = atomic.add<u32>(Ctl.HEAP_ALLOC, <u32>n) + <u32>n;
  atomic.add<i64>(Ctl.TOTAL_ALLOC, <i64>n);
  unlock(heaplock());
  // GOGC: collect at the next safepoint once the heap grew past its goal,
  // or when memory is nearly exhausted whatever the goal says, but then only
  // once a sixteenth of the limit was allocated since the last collection:
  // a heap that is nearly all live must run into the limit (out of memory),
  // not be collected again at every allocation (issue 12: 26,000 goroutines
  // on a 1 GiB heap made a collection per go statement, a run that crawled).
  if (load<i32>(Ctl.GC_PERCENT) >= 0) {
    let goal = load<u32>(Ctl.HEAP_GOAL);
    if (goal == 0) goal = MIN_GOAL;
    let limit = heapLimit();
    let frontier = <u64>atomic.load<u32>(Ctl.HEAP_CURSOR);
    if (alloc >= goal || (frontier > limit / 8 * 7 && <u64>alloc >= <u64>load<u32>(Ctl.HEAP_LIVE) + limit / 16)) {
      store<i32>(Ctl.GC_WANTED, 1);
    }
  }
  return p;
}

function mark(s: usize, i: usize, flags: i32): void {
  setbit(s, S_ALLOCBITS, i);
  if (flags & FLAG_NOSCAN) setbit(s, S_NOSCANBITS, i);
  else clearbit(s, S_NOSCANBITS, i);
  if (flags & FLAG_PIN) {
    setbit(s, S_PINBITS, i);
    setsw(s, S_NPINNED, sw(s, S_NPINNED) + 1);
  }
}

function allocsmall(c: usize, n: usize, flags: i32): usize {
  let root = mheapRoot();
  let curp = root + H_CLASSCUR + (c << 2);
  let s = <usize>load<u32>(curp);
  if (s == 0 || sw(s, S_ALLOCCOUNT) == sw(s, S_NELEMS)) {
    // the next span with free slots, else a new one
    let partp = root + H_CLASSPARTIAL + (c << 2);
    s = <usize>load<u32>(partp);
    if (s != 0) {
      store<u32>(partp, <u32>sw(s, S_NEXT));
      setsw(s, S_NEXT, 0);
    } else {
      s = allocSpan(SMALL_SPAN_PAGES, SPAN_SMALL);
      if (s == 0) return 0;
      setsw(s, S_CLASS, c);
      setsw(s, S_ELEMSIZE, n);
      setsw(s, S_NELEMS, (SMALL_SPAN_PAGES << PAGE_SHIFT) / n);
    }
    store<u32>(curp, <u32>s);
  }
  let nelems = sw(s, S_NELEMS);
  let i = sw(s, S_FREEINDEX);
  // find the next clear alloc bit, a byte at a time where it is full
  while (i < nelems) {
    if ((i & 7) == 0 && load<u8>(s + S_ALLOCBITS + (i >> 3)) == 0xff) {
      i += 8;
      continue;
    }
    if (!getbit(s, S_ALLOCBITS, i)) break;
    i++;
  }
  if (i >= nelems) return 0; // cannot happen: allocCount < nelems
  setsw(s, S_FREEINDEX, i + 1);
  setsw(s, S_ALLOCCOUNT, sw(s, S_ALLOCCOUNT) + 1);
  mark(s, i, flags);
  let p = sw(s, S_START) + i * n;
  if (sw(s, S_NEEDZERO) != 0) memory.fill(p, 0, n);
  return p;
}

function alloclarge(npages: usize, flags: i32): usize {
  let s = allocSpan(npages, SPAN_LARGE);
  if (s == 0) return 0;
  setsw(s, S_CLASS, 0);
  setsw(s, S_ELEMSIZE, npages << PAGE_SHIFT);
  setsw(s, S_NELEMS, 1);
  setsw(s, S_ALLOCCOUNT, 1);
  setsw(s, S_FREEINDEX, 1);
  mark(s, 0, flags);
  let p = sw(s, S_START);
  if (sw(s, S_NEEDZERO) != 0) memory.fill(p, 0, npages << PAGE_SHIFT);
  return p;
}

/** Bytes in allocated objects (tests, runtime stats). */
export function heapInUse(): u32 {
  return atomic.load<u32>(Ctl.HEAP_ALLOC);
}
