// The page heap (go runtime/mheap.go, much simplified). Memory above
// __heap_base is cut into 8 KiB pages. A span is a run of pages: it holds
// objects of one size class (small spans, SMALL_SPAN_PAGES pages), one large
// object, or nothing (a free run, on the free list, coalesced with its
// neighbours when freed). A page table maps every page to its span, so the
// collector finds the object an interior pointer points into in O(1).
//
// All of it lives in shared memory: the root (mheapRoot) is the first page
// of the heap, its address in Ctl.MHEAP; span records come from chunks of
// pages the page table does not map. Callers hold the heap lock
// (malloc.ts); nothing here locks.
import { Ctl, MEMORY_MAXIMUM_PAGES, MEMORY_DEFAULT_PAGES, PAGE } from "../abi";

export const PAGE_SHIFT: usize = 13;
export const PAGE_BYTES: usize = 1 << PAGE_SHIFT;
/** Pages of the largest memory, i.e. entries in the page table. */
export const MAX_HEAP_PAGES: usize = <usize>((<u64>MEMORY_MAXIMUM_PAGES * <u64>PAGE) >> <u64>PAGE_SHIFT); // 4 GiB: u64, or it wraps to 0
/** Every small span is 32 KiB: at most 2048 objects of 16 bytes. */
export const SMALL_SPAN_PAGES: usize = 4;
export const MAX_SMALL: usize = 8192;
export const MAX_OBJS: usize = (SMALL_SPAN_PAGES * PAGE_BYTES) >> 4;
const BITMAP_BYTES: usize = MAX_OBJS >> 3;

// Span states.
export const SPAN_DEAD: u32 = 0; // an unused record on the record free list
export const SPAN_SMALL: u32 = 1;
export const SPAN_LARGE: u32 = 2;
export const SPAN_FREE: u32 = 3; // a free run of pages

/**
 * A span record. Its words are read and written through sw/setsw with the
 * offsets below (several Ms look at spans, so they stay plain memory words);
 * the class only lays them out, so no offset is counted by hand.
 */
@unmanaged
class SpanRec {
  start: u32;
  npages: u32;
  state: u32;
  class: u32;
  elemsize: u32;
  nelems: u32;
  freeindex: u32;
  allocCount: u32;
  next: u32;
  prev: u32;
  /** Objects pinned (roots), so sweeping spares them. */
  npinned: u32;
  /** Freed objects were reused: zero on allocation. */
  needzero: u32;
  // The four bitmaps of BITMAP_BYTES each follow: alloc, mark, noscan, pin.
}

export const S_START: usize = offsetof<SpanRec>("start");
export const S_NPAGES: usize = offsetof<SpanRec>("npages");
export const S_STATE: usize = offsetof<SpanRec>("state");
export const S_CLASS: usize = offsetof<SpanRec>("class");
export const S_ELEMSIZE: usize = offsetof<SpanRec>("elemsize");
export const S_NELEMS: usize = offsetof<SpanRec>("nelems");
export const S_FREEINDEX: usize = offsetof<SpanRec>("freeindex");
export const S_ALLOCCOUNT: usize = offsetof<SpanRec>("allocCount");
export const S_NEXT: usize = offsetof<SpanRec>("next");
export const S_PREV: usize = offsetof<SpanRec>("prev");
export const S_NPINNED: usize = offsetof<SpanRec>("npinned");
export const S_NEEDZERO: usize = offsetof<SpanRec>("needzero");
export const S_ALLOCBITS: usize = offsetof<SpanRec>();
export const S_MARKBITS: usize = S_ALLOCBITS + BITMAP_BYTES;
export const S_NOSCANBITS: usize = S_MARKBITS + BITMAP_BYTES;
export const S_PINBITS: usize = S_NOSCANBITS + BITMAP_BYTES;
export const SPAN_REC: usize = S_PINBITS + BITMAP_BYTES;
const REC_CHUNK_PAGES: usize = 16;

/** The heap's root page (at mheapRoot()): its words, then the per-class tables. */
@unmanaged
class MHeapRoot {
  lock: u32;
  /** First page of spans. */
  arena: u32;
  /** Never-used memory starts here. */
  frontier: u32;
  /** Free runs, a list through S_NEXT/S_PREV. */
  freeruns: u32;
  /** Dead span records. */
  recfree: u32;
  pagetable: u32;
  /** mgc.ts */
  markstack: u32;
  nclass: u32;
  // The tables follow: u32[64] class sizes, u32[64] the span each class
  // allocates from, u32[64] spans of the class with free slots, then
  // u8[MAX_SMALL/16 + 1] size to class.
}

export const H_LOCK: usize = offsetof<MHeapRoot>("lock");
export const H_ARENA: usize = offsetof<MHeapRoot>("arena");
export const H_FRONTIER: usize = offsetof<MHeapRoot>("frontier");
export const H_FREERUNS: usize = offsetof<MHeapRoot>("freeruns");
export const H_RECFREE: usize = offsetof<MHeapRoot>("recfree");
export const H_PAGETABLE: usize = offsetof<MHeapRoot>("pagetable");
export const H_MARKSTACK: usize = offsetof<MHeapRoot>("markstack");
export const H_NCLASS: usize = offsetof<MHeapRoot>("nclass");
const NCLASS_MAX: usize = 64;
export const H_CLASSSIZE: usize = offsetof<MHeapRoot>();
export const H_CLASSCUR: usize = H_CLASSSIZE + NCLASS_MAX * sizeof<u32>();
export const H_CLASSPARTIAL: usize = H_CLASSCUR + NCLASS_MAX * sizeof<u32>();
export const H_SIZETOCLASS: usize = H_CLASSPARTIAL + NCLASS_MAX * sizeof<u32>();
const ROOT_BYTES: usize = 2048;

// @ts-ignore: decorator
@inline export function mheapRoot(): usize {
  return <usize>atomic.load<u32>(Ctl.MHEAP);
}

// @ts-ignore: decorator
@inline export function rootword(off: usize): usize {
  return <usize>load<u32>(mheapRoot() + off);
}

// @ts-ignore: decorator
@inline export function setrootword(off: usize, v: usize): void {
  store<u32>(mheapRoot() + off, <u32>v);
}

// @ts-ignore: decorator
@inline export function sw(s: usize, off: usize): usize {
  return <usize>load<u32>(s + off);
}

// @ts-ignore: decorator
@inline export function setsw(s: usize, off: usize, v: usize): void {
  store<u32>(s + off, <u32>v);
}

// @ts-ignore: decorator
@inline export function getbit(s: usize, bits: usize, i: usize): bool {
  return (load<u8>(s + bits + (i >> 3)) & (<u8>1 << <u8>(i & 7))) != 0;
}

// @ts-ignore: decorator
@inline export function setbit(s: usize, bits: usize, i: usize): void {
  let a = s + bits + (i >> 3);
  store<u8>(a, load<u8>(a) | (<u8>1 << <u8>(i & 7)));
}

// @ts-ignore: decorator
@inline export function clearbit(s: usize, bits: usize, i: usize): void {
  let a = s + bits + (i >> 3);
  store<u8>(a, load<u8>(a) & ~(<u8>1 << <u8>(i & 7)));
}

/** The span page p (an absolute page number) belongs to, or 0. */
// @ts-ignore: decorator
@inline export function spanOfPage(p: usize): usize {
  return <usize>load<u32>(rootword(H_PAGETABLE) + (p << 2));
}

function setPageSpan(p: usize, s: usize): void {
  store<u32>(rootword(H_PAGETABLE) + (p << 2), <u32>s);
}

/**
 * The size classes: 16-byte steps to 256, then 64, 128, 256 and 512-byte
 * steps to 8 KiB (52 classes), so no small object wastes more than 1/5.
 */
function initClasses(h: usize): void {
  let n: usize = 1;
  let size: usize = 0;
  while (size < MAX_SMALL) {
    let step: usize = size < 256 ? 16 : size < 1024 ? 64 : size < 2048 ? 128 : size < 4096 ? 256 : 512;
    size += step;
    store<u32>(h + H_CLASSSIZE + (n << 2), <u32>size);
    n++;
  }
  store<u32>(h + H_NCLASS, <u32>n);
  let c: usize = 1;
  for (let i: usize = 0; i <= (MAX_SMALL >> 4); i++) {
    while (<usize>load<u32>(h + H_CLASSSIZE + (c << 2)) < (i << 4)) c++;
    store<u8>(h + H_SIZETOCLASS + i, <u8>c);
  }
}

/** Size class of a small allocation of n (1..MAX_SMALL) bytes. */
// @ts-ignore: decorator
@inline export function sizeToClass(n: usize): usize {
  return <usize>load<u8>(mheapRoot() + H_SIZETOCLASS + ((n + 15) >> 4));
}

// @ts-ignore: decorator
@inline export function classSize(c: usize): usize {
  return <usize>load<u32>(mheapRoot() + H_CLASSSIZE + (c << 2));
}

/**
 * Lay out the root, the page table and the arena at the start of the heap.
 * Run once, by the first allocation (pid 1 placing the image, before any
 * other M exists); the CAS makes a second caller wait for the first.
 */
export function mheapinit(): void {
  if (atomic.cmpxchg<u32>(Ctl.MHEAP_INIT, 0, 1) != 0) {
    while (atomic.load<u32>(Ctl.MHEAP) == 0) {}
    return;
  }
  let h = (<usize>__heap_base + PAGE_BYTES - 1) & ~(PAGE_BYTES - 1);
  let pt = h + ROOT_BYTES;
  let arena = (pt + (MAX_HEAP_PAGES << 2) + PAGE_BYTES - 1) & ~(PAGE_BYTES - 1);
  growTo(arena);
  memory.fill(h, 0, arena - h);
  store<u32>(h + H_PAGETABLE, <u32>pt);
  store<u32>(h + H_ARENA, <u32>arena);
  store<u32>(h + H_FRONTIER, <u32>arena);
  initClasses(h);
  atomic.store<u32>(Ctl.HEAP_CURSOR, <u32>arena);
  atomic.store<u32>(Ctl.MHEAP, <u32>h);
}

/**
 * The memory the run asked its heap to stay within: --max-memory
 * (Ctl.MEMORY_LIMIT, written by the kernel at boot), else MEMORY_DEFAULT_PAGES.
 */
export function memoryLimit(): u64 {
  let l = atomic.load<u32>(Ctl.MEMORY_LIMIT);
  if (l == 0) return <u64>MEMORY_DEFAULT_PAGES * <u64>PAGE;
  if (l == 0xffffffff) return <u64>1 << 32;
  return <u64>l;
}

/**
 * The most memory the heap may reach: memoryLimit(), but never the last
 * page of a 4 GiB memory, so that every address and frontier fits a u32.
 */
export function heapLimit(): u64 {
  let l = memoryLimit();
  let max = (<u64>MEMORY_MAXIMUM_PAGES - 1) * <u64>PAGE;
  return l > max ? max : l;
}

/** Make [0, end) addressable; false when that passes the memory limit. */
export function growTo(end: usize): bool {
  const GROW_PAGES: i32 = 64; // 4 MiB at a time: fewer grows
  for (;;) {
    let have = <u64>memory.size() << 16;
    if (have >= <u64>end) break;
    let need = <i32>((<u64>end - have + 0xffff) >> 16);
    let room = <i32>(heapLimit() >> 16) - memory.size();
    let want = need < GROW_PAGES ? GROW_PAGES : need;
    if (want > room) want = room;
    if (want < need || memory.grow(want) < 0) {
      if ((<u64>memory.size() << 16) >= <u64>end) break; // another M grew it
      return false;
    }
  }
  let top = <u32>(<u64>memory.size() << 16);
  if (atomic.load<u32>(Ctl.HEAP_END) < top) atomic.store<u32>(Ctl.HEAP_END, top);
  return true;
}

// ---- span records ----------------------------------------------------------------

function allocRec(): usize {
  let r = rootword(H_RECFREE);
  if (r == 0) {
    // A chunk of records from the frontier; the page table does not map it.
    let chunk = rootword(H_FRONTIER);
    let end = chunk + REC_CHUNK_PAGES * PAGE_BYTES;
    if (!growTo(end)) return 0;
    setrootword(H_FRONTIER, end);
    atomic.store<u32>(Ctl.HEAP_CURSOR, <u32>end);
    for (let a = chunk; a + SPAN_REC <= end; a += SPAN_REC) {
      setsw(a, S_NEXT, r);
      r = a;
    }
  }
  setrootword(H_RECFREE, sw(r, S_NEXT));
  memory.fill(r, 0, SPAN_REC);
  return r;
}

function freeRec(r: usize): void {
  setsw(r, S_STATE, SPAN_DEAD);
  setsw(r, S_NEXT, rootword(H_RECFREE));
  setrootword(H_RECFREE, r);
}

// ---- free runs -------------------------------------------------------------------

function unlinkRun(r: usize): void {
  let next = sw(r, S_NEXT), prev = sw(r, S_PREV);
  if (prev != 0) setsw(prev, S_NEXT, next);
  else setrootword(H_FREERUNS, next);
  if (next != 0) setsw(next, S_PREV, prev);
}

function linkRun(r: usize): void {
  let head = rootword(H_FREERUNS);
  setsw(r, S_PREV, 0);
  setsw(r, S_NEXT, head);
  if (head != 0) setsw(head, S_PREV, r);
  setrootword(H_FREERUNS, r);
}

function markRunEnds(r: usize): void {
  let p = sw(r, S_START) >> PAGE_SHIFT;
  setPageSpan(p, r);
  setPageSpan(p + sw(r, S_NPAGES) - 1, r);
}

/**
 * A span of npages pages (go mheap.alloc): the first free run that fits
 * (split), else new pages at the frontier. Returns 0 when memory is
 * exhausted; *needzero tells whether the pages were used before.
 */
export function allocSpan(npages: usize, state: u32): usize {
  let s = allocRec();
  if (s == 0) return 0;
  let start: usize = 0;
  let dirty: usize = 0;
  let r = rootword(H_FREERUNS);
  while (r != 0) {
    let n = sw(r, S_NPAGES);
    if (n >= npages) {
      start = sw(r, S_START);
      setPageSpan(start >> PAGE_SHIFT, 0);
      setPageSpan((start >> PAGE_SHIFT) + n - 1, 0);
      if (n == npages) {
        unlinkRun(r);
        freeRec(r);
      } else {
        setsw(r, S_START, start + (npages << PAGE_SHIFT));
        setsw(r, S_NPAGES, n - npages);
        markRunEnds(r);
      }
      dirty = 1;
      break;
    }
    r = sw(r, S_NEXT);
  }
  if (start == 0) {
    start = rootword(H_FRONTIER);
    // in u64: near a 4 GiB limit a large span's end would wrap a u32
    if (<u64>start + (<u64>npages << PAGE_SHIFT) > heapLimit()) {
      freeRec(s);
      return 0;
    }
    let end = start + (npages << PAGE_SHIFT);
    if (!growTo(end)) {
      freeRec(s);
      return 0;
    }
    setrootword(H_FRONTIER, end);
    atomic.store<u32>(Ctl.HEAP_CURSOR, <u32>end);
  }
  setsw(s, S_START, start);
  setsw(s, S_NPAGES, npages);
  setsw(s, S_STATE, state);
  setsw(s, S_NEEDZERO, dirty);
  let p0 = start >> PAGE_SHIFT;
  for (let i: usize = 0; i < npages; i++) setPageSpan(p0 + i, s);
  atomic.add<u32>(Ctl.HEAP_SYS, <u32>(npages << PAGE_SHIFT));
  return s;
}

/** Give a span's pages back as a free run, merged with free neighbours. */
export function freeSpan(s: usize): void {
  let start = sw(s, S_START);
  let npages = sw(s, S_NPAGES);
  atomic.sub<u32>(Ctl.HEAP_SYS, <u32>(npages << PAGE_SHIFT));
  let p0 = start >> PAGE_SHIFT;
  for (let i: usize = 0; i < npages; i++) setPageSpan(p0 + i, 0);
  memory.fill(s + S_ALLOCBITS, 0, SPAN_REC - S_ALLOCBITS);
  setsw(s, S_STATE, SPAN_FREE);
  let arena = rootword(H_ARENA) >> PAGE_SHIFT;
  if (p0 > arena) {
    let left = spanOfPage(p0 - 1);
    if (left != 0 && sw(left, S_STATE) == SPAN_FREE) {
      unlinkRun(left);
      setPageSpan(p0 - 1, 0);
      setPageSpan(sw(left, S_START) >> PAGE_SHIFT, 0);
      start = sw(left, S_START);
      npages += sw(left, S_NPAGES);
      freeRec(left);
    }
  }
  let pend = (start >> PAGE_SHIFT) + npages;
  if ((pend << PAGE_SHIFT) < rootword(H_FRONTIER)) {
    let right = spanOfPage(pend);
    if (right != 0 && sw(right, S_STATE) == SPAN_FREE) {
      unlinkRun(right);
      setPageSpan(pend, 0);
      setPageSpan(pend + sw(right, S_NPAGES) - 1, 0);
      npages += sw(right, S_NPAGES);
      freeRec(right);
    }
  }
  setsw(s, S_START, start);
  setsw(s, S_NPAGES, npages);
  markRunEnds(s);
  linkRun(s);
}
