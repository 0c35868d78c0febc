// Go strings (docs/bytecode.md "Values"): the word is the address of an
// immutable header {data i32, len i32}; 0 is "". New strings are allocated
// with their bytes right after the header. UTF-8 as go runtime/utf8.go.
import { mallocgc, mallocnoscan } from "./malloc";

// @ts-ignore: decorator
@inline export function strdata(s: usize): usize {
  return s == 0 ? 0 : <usize>load<u32>(s);
}

// @ts-ignore: decorator
@inline export function strlen(s: usize): i32 {
  return s == 0 ? 0 : load<i32>(s, 4);
}

/** A new string of n bytes (filled by the caller at strdata). */
export function rawstring(n: i32): usize {
  let h = mallocnoscan(8 + <usize>n); // its one pointer is to itself (mgc.ts)
  store<u32>(h, <u32>(h + 8));
  store<i32>(h, n, 4);
  return h;
}

/** A header over existing bytes (shares them). */
export function strheader(p: usize, n: i32): usize {
  let h = mallocgc(8);
  store<u32>(h, <u32>p);
  store<i32>(h, n, 4);
  return h;
}

/** A string copied from n bytes at p (runtime.gostringn). */
export function gostringn(p: usize, n: i32): usize {
  if (n <= 0) return 0;
  let s = rawstring(n);
  memory.copy(strdata(s), p, <usize>n);
  return s;
}

export function concatstrings(a: usize, b: usize): usize {
  let la = strlen(a);
  let lb = strlen(b);
  if (la == 0) return b;
  if (lb == 0) return a;
  let s = rawstring(la + lb);
  let d = strdata(s);
  memory.copy(d, strdata(a), <usize>la);
  memory.copy(d + <usize>la, strdata(b), <usize>lb);
  return s;
}

export function cmpstring(a: usize, b: usize): i32 {
  let la = strlen(a);
  let lb = strlen(b);
  let n = la < lb ? la : lb;
  let pa = strdata(a);
  let pb = strdata(b);
  for (let i = 0; i < n; i++) {
    let x = load<u8>(pa + i);
    let y = load<u8>(pb + i);
    if (x != y) return x < y ? -1 : 1;
  }
  return la < lb ? -1 : la > lb ? 1 : 0;
}

export function eqstring(a: usize, b: usize): bool {
  let la = strlen(a);
  if (la != strlen(b)) return false;
  if (a == b || la == 0) return true;
  return memory.compare(strdata(a), strdata(b), <usize>la) == 0;
}

// ---- UTF-8 ------------------------------------------------------------------------

export const RUNE_ERROR: i32 = 0xfffd;

/** Encode rune r at p; returns the byte count (invalid runes encode U+FFFD). */
export function encoderune(p: usize, r: i32): i32 {
  if (r >= 0 && r < 0x80) {
    store<u8>(p, <u8>r);
    return 1;
  }
  if (r >= 0 && r < 0x800) {
    store<u8>(p, <u8>(0xc0 | (r >> 6)));
    store<u8>(p, <u8>(0x80 | (r & 0x3f)), 1);
    return 2;
  }
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = RUNE_ERROR;
  if (r < 0x10000) {
    store<u8>(p, <u8>(0xe0 | (r >> 12)));
    store<u8>(p, <u8>(0x80 | ((r >> 6) & 0x3f)), 1);
    store<u8>(p, <u8>(0x80 | (r & 0x3f)), 2);
    return 3;
  }
  store<u8>(p, <u8>(0xf0 | (r >> 18)));
  store<u8>(p, <u8>(0x80 | ((r >> 12) & 0x3f)), 1);
  store<u8>(p, <u8>(0x80 | ((r >> 6) & 0x3f)), 2);
  store<u8>(p, <u8>(0x80 | (r & 0x3f)), 3);
  return 4;
}

export function runelen(r: i32): i32 {
  if (r >= 0 && r < 0x80) return 1;
  if (r >= 0 && r < 0x800) return 2;
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return 3;
  return r < 0x10000 ? 3 : 4;
}

/** Per-M results of decoderune. */
export let decodedRune: i32 = 0;
export let decodedWidth: i32 = 0;

/** Decode the rune at p[i] of n bytes; invalid UTF-8 gives U+FFFD width 1. */
export function decoderune(p: usize, n: i32, i: i32): void {
  decodedRune = RUNE_ERROR;
  decodedWidth = 1;
  if (i >= n) return;
  let c0 = <i32>load<u8>(p + i);
  if (c0 < 0x80) {
    decodedRune = c0;
    return;
  }
  let need = 0;
  let min = 0;
  let r = 0;
  if (c0 >= 0xc2 && c0 <= 0xdf) {
    need = 1;
    r = c0 & 0x1f;
    min = 0x80;
  } else if (c0 >= 0xe0 && c0 <= 0xef) {
    need = 2;
    r = c0 & 0x0f;
    min = 0x800;
  } else if (c0 >= 0xf0 && c0 <= 0xf4) {
    need = 3;
    r = c0 & 0x07;
    min = 0x10000;
  } else return;
  if (i + need >= n) return; // truncated sequence
  for (let k = 1; k <= need; k++) {
    let c = <i32>load<u8>(p + i + k);
    if ((c & 0xc0) != 0x80) return;
    r = (r << 6) | (c & 0x3f);
  }
  if (r < min || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return;
  decodedRune = r;
  decodedWidth = need + 1;
}
