// Slices (docs/bytecode.md "Values"): the word is the address of an
// immutable header {data i32, len i32, cap i32} (16 bytes allocated); 0 is
// nil. Every append makes a new header. Growth follows go runtime/slice.go
// growslice (Go 1.19): double below 256 elements, then about 1.25x, rounded up
// to the allocator's size classes so cap() matches Go.
import { mallocgc, mallocnoscan } from "./malloc";
import { heapLimit } from "./mheap";
import { throwOOM } from "./panic";
import { PanicCode } from "../abi";

// Go's maxAlloc on 64-bit ports: a make larger than this is "len out of
// range"; a smaller one that the heap cannot hold is "out of memory" (what Go
// does on a machine with p9rt's memory).
export const MAXALLOC: u64 = 1 << 48;
// Lengths and capacities are i32 in the header: p9rt's limit, reached only by
// zero-size elements (anything larger runs out of memory first), where it
// answers as Go's 32-bit ports do.
export const MAXLEN: i64 = 0x7fffffff;

function lenok(elem: i32, n: i64): bool {
  return n >= 0 && (elem == 0 || <u64>n <= MAXALLOC / <u64>elem);
}

/**
 * MAKESLICE's checks, in go makeslice's order: 0 if make([]T, len, cap) may
 * go on, else the PanicCode; a size the heap can never hold throws out of
 * memory here, before any size is narrowed to 32 bits.
 */
export function makeslicecheck(elem: i32, len: i64, cap: i64): i32 {
  if (!lenok(elem, len)) return PanicCode.MAKESLICE;
  if (cap < len || !lenok(elem, cap)) return PanicCode.MAKESLICECAP;
  let size = <u64>cap * <u64>elem;
  if (size > heapLimit()) throwOOM(<i64>size);
  if (len > MAXLEN) return PanicCode.MAKESLICE;
  if (cap > MAXLEN) return PanicCode.MAKESLICECAP;
  return 0;
}

// @ts-ignore: decorator
@inline export function sldata(s: usize): usize {
  return s == 0 ? 0 : <usize>load<u32>(s);
}
// @ts-ignore: decorator
@inline export function sllen(s: usize): i32 {
  return s == 0 ? 0 : load<i32>(s, 4);
}
// @ts-ignore: decorator
@inline export function slcap(s: usize): i32 {
  return s == 0 ? 0 : load<i32>(s, 8);
}

export function slheader(data: usize, len: i32, cap: i32): usize {
  let h = mallocgc(16);
  store<u32>(h, <u32>data);
  store<i32>(h, len, 4);
  store<i32>(h, cap, 8);
  return h;
}

/** A new slice with zeroed backing store (sizes checked by the caller). */
export function makeslice(elem: i32, len: i32, cap: i32): usize {
  return slheader(sliceAlloc(elem, cap), len, cap);
}

/**
 * The backing store of cap elements: bytes hold no pointers (mgc.ts). Zero-size
 * elements get a block of their own all the same (mallocgc's minimum), so
 * `&s[0]` and `s[0]` of a []struct{} have a non-nil address, as Go's point at
 * zerobase. The size is computed in 64 bits and checked before it is narrowed.
 */
function sliceAlloc(elem: i32, cap: i32): usize {
  let size = <u64>cap * <u64>elem;
  if (size > heapLimit()) throwOOM(<i64>size);
  return elem == 1 ? mallocnoscan(<usize>size) : mallocgc(<usize>size);
}

// Go's malloc size classes (runtime/sizeclasses.go), bytes.
const classSizes: usize = memory.data<u16>([
  0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384,
  416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072,
  3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568,
  14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
]);
const NCLASSES: i32 = 68;
const PAGESIZE: u64 = 8192;

/** go roundupsize: the size a malloc of n bytes really gets. */
export function roundupsize(n: u64): u64 {
  if (n <= 32768) {
    for (let i = 1; i < NCLASSES; i++) {
      let c = <u64>load<u16>(classSizes + (<usize>i << 1));
      if (c >= n) return c;
    }
  }
  return (n + PAGESIZE - 1) & ~(PAGESIZE - 1);
}

/** The new capacity for a slice of oldcap elements that needs `needed`. */
export function growcap(oldcap: i32, needed: i32, elem: i32): i32 {
  let newcap = oldcap;
  let doublecap = newcap + newcap;
  if (needed > doublecap) newcap = needed;
  else {
    const threshold = 256;
    if (oldcap < threshold) newcap = doublecap;
    else {
      while (0 < newcap && newcap < needed) newcap += (newcap + 3 * threshold) / 4;
      if (newcap <= 0) newcap = needed;
    }
  }
  if (elem == 0) return needed; // go growslice: zero-size elements get exactly what they need
  let mem = roundupsize(<u64>newcap * <u64>elem);
  let c = mem / <u64>elem;
  return c > <u64>MAXLEN ? <i32>MAXLEN : <i32>c;
}

/**
 * Room for `extra` more elements: a new header with len+extra whose backing
 * store is s's if it has the capacity, else a grown copy.
 */
export function growslice(s: usize, elem: i32, extra: i32): usize {
  let len = sllen(s);
  let cap = slcap(s);
  let need = len + extra; // appendfits said it fits
  if (need <= cap) return slheader(sldata(s), need, cap);
  let ncap = growcap(cap, need, elem);
  let data = sliceAlloc(elem, ncap);
  if (len > 0) memory.copy(data, sldata(s), <usize>len * <usize>elem);
  return slheader(data, need, ncap);
}

/**
 * Whether s can take n more elements: a length past MAXLEN is Go's wrapped
 * int length, "growslice: cap out of range" (the APPEND ops panic with
 * PanicCode.GROWSLICE before growing). t: a slice or string header, or 0.
 */
export function appendfits(s: usize, t: usize): bool {
  let n = t == 0 ? 0 : load<i32>(t, 4);
  return <i64>sllen(s) + <i64>n <= MAXLEN;
}

/** APPEND elem: v is the word (stored as a byte when elem is 1) or a block address. */
export function appendone(s: usize, elem: i32, v: i64): usize {
  let len = sllen(s);
  let t = growslice(s, elem, 1);
  let p = sldata(t) + <usize>len * <usize>elem;
  if (elem == 1) store<u8>(p, <u8>v);
  else if (elem == 8) store<i64>(p, v);
  else memory.copy(p, <usize>v, <usize>elem);
  return t;
}

/** APPENDSLICE / APPENDSTR: t may be a slice or a string header ({data, len} first). */
export function appendmany(s: usize, elem: i32, t: usize): usize {
  let n = t == 0 ? 0 : load<i32>(t, 4);
  if (n == 0) return s == 0 ? 0 : s;
  let len = sllen(s);
  let r = growslice(s, elem, n);
  memory.copy(sldata(r) + <usize>len * <usize>elem, <usize>load<u32>(t), <usize>n * <usize>elem);
  return r;
}

/** COPYSLICE: copies min(len) elements (memmove); src may be a string. */
export function copyslice(dst: usize, src: usize, elem: i32): i32 {
  let n = sllen(dst);
  let m = src == 0 ? 0 : load<i32>(src, 4);
  if (m < n) n = m;
  if (n > 0) memory.copy(sldata(dst), <usize>load<u32>(src), <usize>n * <usize>elem);
  return n;
}
