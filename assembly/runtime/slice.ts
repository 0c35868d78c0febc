// Slices (docs/bytecode.md "Values"): the word is the address of an
// immutable header {data i32, len i32, cap i32} (16 bytes allocated); 0 is
// nil. Every append makes a new header. Growth follows go runtime/slice.go
// growslice (Go 1.19): double below 256 elements, then about 1.25x, rounded up
// to the allocator's size classes so cap() matches Go.
import { mallocgc, mallocnoscan } from "./malloc";

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

/** A new slice with zeroed backing store. */
export function makeslice(elem: i32, len: i32, cap: i32): usize {
  let data = elem == 1 ? mallocnoscan(<usize>cap) : mallocgc(<usize>cap * <usize>elem); // bytes hold no pointers (mgc.ts)
  return slheader(data, len, cap);
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
  let mem = roundupsize(<u64>newcap * <u64>elem);
  return <i32>(mem / <u64>elem);
}

/**
 * Room for `extra` more elements: a new header with len+extra whose backing
 * store is s's if it has the capacity, else a grown copy.
 */
export function growslice(s: usize, elem: i32, extra: i32): usize {
  let len = sllen(s);
  let cap = slcap(s);
  let need = len + extra;
  if (need <= cap) return slheader(sldata(s), need, cap);
  let ncap = growcap(cap, need, elem);
  let data = elem == 1 ? mallocnoscan(<usize>ncap) : mallocgc(<usize>ncap * <usize>elem);
  if (len > 0) memory.copy(data, sldata(s), <usize>len * <usize>elem);
  return slheader(data, need, ncap);
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
