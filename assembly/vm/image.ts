// Reading the program image (docs/bytecode.md "Program image"). The image is
// loaded once at `image` in shared memory; its string headers are relocated
// (data += image) by relocate() at boot, everything else holds image offsets.
import { Img, FuncRec, TypeRec, PosRec, IMAGE_MAGIC, IMAGE_VERSION } from "../abi";
import { image } from "../runtime/runtime2";

// @ts-ignore: decorator
@inline export function imgword(off: i32): i32 {
  return load<i32>(image + <usize>off);
}

export function nfuncs(): i32 {
  return imgword(Img.NFUNCS);
}

/** Address of func record f. */
// @ts-ignore: decorator
@inline export function funcrec(f: i32): usize {
  return image + <usize>load<u32>(image, Img.FUNCS) + <usize>f * Img.FUNC_SIZE;
}

// @ts-ignore: decorator
@inline export function funccode(f: i32): usize {
  return image + <usize>load<u32>(funcrec(f), FuncRec.CODE);
}

export function funcname(f: i32): usize {
  return image + <usize>load<u32>(funcrec(f), FuncRec.NAME);
}

export function funcfile(f: i32): usize {
  return image + <usize>load<u32>(funcrec(f), FuncRec.FILE);
}

/** The position record of a LINE operand n < 0 (Img.POSITIONS), 0 if there is none. */
function posrec(n: i32): usize {
  let i = ~n;
  if (n >= 0 || <u32>i >= <u32>imgword(Img.NPOSITIONS)) return 0;
  return image + <usize>load<u32>(image, Img.POSITIONS) + <usize>i * PosRec.SIZE;
}

/** The source line of a frame whose last LINE operand was n. */
export function posline(n: i32): i32 {
  if (n >= 0) return n;
  let r = posrec(n);
  return r == 0 ? 0 : load<i32>(r, PosRec.LINE);
}

/** The file (a string) of a frame of func f whose last LINE operand was n: a //line directive may have changed it. */
export function posfile(f: i32, n: i32): usize {
  let r = posrec(n);
  return r == 0 ? funcfile(f) : image + <usize>load<u32>(r, PosRec.FILE);
}

export function ntypes(): i32 {
  return imgword(Img.NTYPES);
}

/** Address of the type record of type id t, or 0 for nil / an unknown id. */
export function typerec(t: i32): usize {
  if (t <= 0 || t >= imgword(Img.NTYPES)) return 0;
  let off = load<u32>(image + <usize>load<u32>(image, Img.TYPES) + <usize>t * 4);
  return off == 0 ? 0 : image + <usize>off;
}

export function typekind(t: i32): i32 {
  let r = typerec(t);
  return r == 0 ? 0 : load<i32>(r, TypeRec.KIND);
}

export function typesize(t: i32): i32 {
  let r = typerec(t);
  return r == 0 ? 8 : load<i32>(r, TypeRec.SIZE);
}

export function typeelem(t: i32): i32 {
  let r = typerec(t);
  return r == 0 ? 0 : load<i32>(r, TypeRec.ELEM);
}

/** The Go string (header address) naming type t, as %T prints it. */
export function typename(t: i32): usize {
  let r = typerec(t);
  if (r == 0) return 0;
  return image + <usize>load<u32>(r, TypeRec.NAME);
}

/** Func index of method id `mid` of type t, or -1 (binary search: sorted by id). */
export function findmethod(t: i32, mid: i32): i32 {
  let r = typerec(t);
  if (r == 0) return -1;
  let n = load<i32>(r, TypeRec.NMETHODS);
  let base = image + <usize>load<u32>(r, TypeRec.METHODS);
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    let mid2 = (lo + hi) >>> 1;
    let id = load<i32>(base + <usize>mid2 * 8);
    if (id == mid) return load<i32>(base + <usize>mid2 * 8, 4);
    if (id < mid) lo = mid2 + 1;
    else hi = mid2;
  }
  return -1;
}

/** Does type t have every method of interface type it? Returns the first missing method id, or -1. */
export function missingmethod(t: i32, it: i32): i32 {
  let ir = typerec(it);
  if (ir == 0) return -1;
  let n = load<i32>(ir, TypeRec.NMETHODS);
  let base = image + <usize>load<u32>(ir, TypeRec.METHODS);
  for (let i = 0; i < n; i++) {
    let id = load<i32>(base + <usize>i * 8);
    if (findmethod(t, id) < 0) return id;
  }
  return -1;
}

export function methodname(mid: i32): usize {
  if (mid < 0 || mid >= imgword(Img.NMETHODNAMES)) return 0;
  return image + <usize>load<u32>(image + <usize>load<u32>(image, Img.METHODNAMES) + <usize>mid * 4);
}

/** Check the header and relocate string headers: returns false if this is no image. */
export function relocate(img: usize, len: usize): bool {
  if (len < <usize>Img.HEADER_SIZE) return false;
  if (load<i32>(img, Img.MAGIC) != IMAGE_MAGIC) return false;
  if (load<i32>(img, Img.VERSION) != IMAGE_VERSION) return false;
  let n = load<i32>(img, Img.NSTRINGS);
  let hdrs = img + <usize>load<u32>(img, Img.STRINGS);
  for (let i = 0; i < n; i++) {
    let h = hdrs + <usize>i * 8;
    store<u32>(h, load<u32>(h) + <u32>img);
  }
  return true;
}
