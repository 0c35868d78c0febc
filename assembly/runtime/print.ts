// Printing as Go's runtime prints (go runtime/print.go): the builtins
// print/println and fatal messages, straight to a file descriptor with pwrite,
// unbuffered. Nothing here allocates: digits are formatted in the M's scratch
// buffer (the note handler switches to its own, like Go's gsignal stack).
import { pwrite } from "./os_plan9";
import { mcur, M, M_BUF } from "./runtime2";

const bootbuf: usize = memory.data(M_BUF);
/** Per-M: the scratch buffer in use (m.buf, or m.notebuf inside sighandler). */
let printbuf: usize = 0;
/** Per-M: the fd the builtins print to (2, or 1 for printString). */
export let printfd: i32 = 2;

export function setPrintBuf(b: usize): usize {
  let old = printbuf;
  printbuf = b;
  return old;
}

function buf(): usize {
  if (printbuf != 0) return printbuf;
  if (mcur != 0 && changetype<M>(mcur).buf != 0) return changetype<M>(mcur).buf;
  return bootbuf;
}

export function gwrite(p: usize, n: i32): void {
  while (n > 0) {
    let w = pwrite(printfd, p, n, -1);
    if (w <= 0) return;
    p += w;
    n -= w;
  }
}

export function writefd(fd: i32, p: usize, n: i32): void {
  let old = printfd;
  printfd = fd;
  gwrite(p, n);
  printfd = old;
}

/** An AssemblyScript string literal (ASCII/Latin-1) to the print fd. */
/**
 * Write the bytes of s, an ASCII literal, at p (static data: nothing is
 * allocated, so the note handler may use it); returns the end.
 */
export function putstr(p: usize, s: string): usize {
  let n = s.length;
  for (let i = 0; i < n; i++) store<u8>(p + <usize>i, <u8>s.charCodeAt(i));
  return p + <usize>n;
}

/** Whether the n bytes at p are exactly s, an ASCII literal. */
export function eqstr(p: usize, n: i32, s: string): bool {
  if (n != s.length) return false;
  for (let i = 0; i < n; i++) if (load<u8>(p + <usize>i) != <u8>s.charCodeAt(i)) return false;
  return true;
}

export function prints(s: string): void {
  let b = buf();
  let n = s.length;
  let i = 0;
  while (i < n) {
    let k = 0;
    while (i < n && k < 256) {
      store<u8>(b + k, <u8>s.charCodeAt(i));
      k++;
      i++;
    }
    gwrite(b, k);
  }
}

/** A Go string (header address). */
export function printgostring(s: usize): void {
  if (s == 0) return;
  gwrite(<usize>load<u32>(s), load<i32>(s, 4));
}

export function printbytes(p: usize, n: i32): void {
  gwrite(p, n);
}

export function printnl(): void {
  prints("\n");
}

export function printsp(): void {
  prints(" ");
}

export function printbool(v: bool): void {
  prints(v ? "true" : "false");
}

/** Decimal digits of v into the end of the scratch buffer; returns the start. */
function fmtuint(v: u64, end: usize): usize {
  let p = end;
  do {
    p--;
    store<u8>(p, <u8>(48 + <i32>(v % 10)));
    v /= 10;
  } while (v != 0);
  return p;
}

export function printuint(v: u64): void {
  let end = buf() + 32;
  let p = fmtuint(v, end);
  gwrite(p, <i32>(end - p));
}

export function printint(v: i64): void {
  let end = buf() + 32;
  let p = fmtuint(v < 0 ? <u64>(-v) : <u64>v, end);
  if (v < 0) {
    p--;
    store<u8>(p, 45);
  }
  gwrite(p, <i32>(end - p));
}

export function printhex(v: u64): void {
  let end = buf() + 32;
  let p = end;
  do {
    p--;
    let d = <i32>(v & 15);
    store<u8>(p, <u8>(d < 10 ? 48 + d : 87 + d));
    v >>= 4;
  } while (v != 0);
  p -= 2;
  store<u8>(p, 48);
  store<u8>(p + 1, 120);
  gwrite(p, <i32>(end - p));
}

export function printpointer(v: u64): void {
  printhex(v);
}

/**
 * Go's runtime float format: sign, one digit, '.', six digits, 'e', sign and
 * three exponent digits (+1.500000e+000). Not used by the note handler.
 */
export function printfloat(v: f64): void {
  if (v != v) {
    prints("NaN");
    return;
  }
  if (v + v == v && v != 0) {
    prints(v < 0 ? "-Inf" : "+Inf");
    return;
  }
  const n = 7;
  let b = buf();
  store<u8>(b, 43); // '+'
  let e = 0;
  if (v == 0) {
    if (1 / v < 0) store<u8>(b, 45);
  } else {
    if (v < 0) {
      v = -v;
      store<u8>(b, 45);
    }
    while (v >= 10) {
      e++;
      v /= 10;
    }
    while (v < 1) {
      e--;
      v *= 10;
    }
    // round at the last digit printed
    let h = 5.0;
    for (let i = 0; i < n; i++) h /= 10;
    v += h;
    if (v >= 10) {
      e++;
      v /= 10;
    }
  }
  for (let i = 0; i < n; i++) {
    let s = <i32>v;
    store<u8>(b + i + 2, <u8>(s + 48));
    v -= <f64>s;
    v *= 10;
  }
  store<u8>(b + 1, load<u8>(b + 2));
  store<u8>(b + 2, 46); // '.'
  store<u8>(b + n + 2, 101); // 'e'
  store<u8>(b + n + 3, 43);
  if (e < 0) {
    e = -e;
    store<u8>(b + n + 3, 45);
  }
  store<u8>(b + n + 4, <u8>(e / 100 + 48));
  store<u8>(b + n + 5, <u8>((e / 10) % 10 + 48));
  store<u8>(b + n + 6, <u8>(e % 10 + 48));
  gwrite(b, n + 7);
}
