// runtime.formatFloat (strconv.FormatFloat(f, fmt, prec, 64)) for the 'e',
// 'E', 'f', 'g', 'G' formats. The shortest decimal digits that read back as
// f come from AssemblyScript's Grisu (dtoa_buffered, which writes into a
// buffer and allocates nothing); an explicit precision rounds those digits
// half-up, which can differ from Go in the last digit for values whose
// shortest form is exactly a tie (v1 limitation). Never used in the note
// handler (no floats there).
import { dtoa_buffered } from "~lib/util/number";
import { rawstring, strdata } from "./string";
import { getm, mcur } from "./runtime2";
import { persistentalloc, FLAG_NOSCAN } from "./malloc";

const MAXDIG: i32 = 800;

// Per-M decimal: digits (ASCII) in digbuf, nd of them, decimal point at dp:
// value = 0.d1 d2 ... dnd * 10^dp.
let digbuf: usize = 0;
let nd: i32 = 0;
let dp: i32 = 0;
let neg: bool = false;
let outbuf: usize = 0;
let outn: i32 = 0;

function ensure(): void {
  if (digbuf == 0) {
    digbuf = persistentalloc(<usize>MAXDIG + 64, FLAG_NOSCAN); // per-M globals are no roots
    outbuf = persistentalloc(<usize>MAXDIG * 2 + 64, FLAG_NOSCAN);
  }
}

function shortest(f: f64): void {
  let tmp = digbuf + 512; // UTF-16 output of dtoa
  let n = <i32>dtoa_buffered<f64>(tmp, f);
  nd = 0;
  dp = 0;
  neg = false;
  let seenPoint = false;
  let exp = 0;
  let i = 0;
  if (n > 0 && load<u16>(tmp) == 45) {
    neg = true;
    i = 1;
  }
  let intdigits = 0;
  for (; i < n; i++) {
    let c = <i32>load<u16>(tmp + (<usize>i << 1));
    if (c == 46) {
      seenPoint = true;
      continue;
    }
    if (c == 101) {
      // exponent
      let esign = 1;
      i++;
      let c2 = <i32>load<u16>(tmp + (<usize>i << 1));
      if (c2 == 45) { esign = -1; i++; } else if (c2 == 43) i++;
      for (; i < n; i++) exp = exp * 10 + (<i32>load<u16>(tmp + (<usize>i << 1)) - 48);
      exp *= esign;
      break;
    }
    if (nd == 0 && c == 48) {
      // leading zero: before the point it does not count; after, it moves dp
      if (seenPoint) dp--;
      continue;
    }
    store<u8>(digbuf + nd, <u8>c);
    nd++;
    if (!seenPoint) intdigits++;
  }
  dp += intdigits + exp;
  while (nd > 0 && load<u8>(digbuf + nd - 1) == 48) nd--;
  if (nd == 0) dp = 0;
}

/** Round to n significant digits, half up. */
function roundto(n: i32): void {
  if (n < 0 || n >= nd) return;
  let up = load<u8>(digbuf + n) >= 53;
  nd = n;
  if (up) {
    let i = n - 1;
    while (i >= 0 && load<u8>(digbuf + i) == 57) i--;
    if (i < 0) {
      store<u8>(digbuf, 49);
      nd = 1;
      dp++;
    } else {
      store<u8>(digbuf + i, load<u8>(digbuf + i) + 1);
      nd = i + 1;
    }
  }
  while (nd > 0 && load<u8>(digbuf + nd - 1) == 48) nd--;
  if (nd == 0) dp = 0;
}

function put(c: i32): void {
  if (outn < MAXDIG * 2) store<u8>(outbuf + outn, <u8>c);
  outn++;
}

function digit(i: i32): i32 {
  return i < nd ? <i32>load<u8>(digbuf + i) : 48;
}

function fmtE(prec: i32, ech: i32): void {
  put(digit(0));
  if (prec > 0) {
    put(46);
    for (let i = 1; i <= prec; i++) put(digit(i));
  }
  put(ech);
  let e = nd == 0 ? 0 : dp - 1;
  if (e < 0) {
    put(45);
    e = -e;
  } else put(43);
  if (e < 10) {
    put(48);
    put(48 + e);
  } else if (e < 100) {
    put(48 + e / 10);
    put(48 + e % 10);
  } else {
    put(48 + e / 100);
    put(48 + (e / 10) % 10);
    put(48 + e % 10);
  }
}

function fmtF(prec: i32): void {
  if (dp > 0) {
    for (let i = 0; i < dp; i++) put(digit(i));
  } else put(48);
  if (prec > 0) {
    put(46);
    for (let i = 0; i < prec; i++) {
      let j = dp + i;
      put(j < 0 ? 48 : digit(j));
    }
  }
}

function special(s: string): usize {
  let r = rawstring(s.length);
  for (let i = 0; i < s.length; i++) store<u8>(strdata(r) + i, <u8>s.charCodeAt(i));
  return r;
}

/** strconv.FormatFloat(f, fmt, prec, 64). */
export function formatfloat(f: f64, fmt: i32, prec: i32): usize {
  if (f != f) return special("NaN");
  if (f == Infinity) return special("+Inf");
  if (f == -Infinity) return special("-Inf");
  ensure();
  shortest(f);
  outn = 0;
  if (neg || (f == 0 && 1 / f < 0)) put(45);
  let sh = prec < 0;
  switch (fmt) {
    case 101: // 'e'
    case 69: { // 'E'
      if (sh) prec = nd > 0 ? nd - 1 : 0;
      else roundto(prec + 1);
      fmtE(prec, fmt);
      break;
    }
    case 102: { // 'f'
      if (sh) prec = nd - dp > 0 ? nd - dp : 0;
      else roundto(dp + prec);
      fmtF(prec);
      break;
    }
    default: { // 'g', 'G', and anything else as 'g' (go strconv/ftoa.go)
      let eprec: i32;
      if (sh) {
        prec = nd;
        eprec = 6;
      } else {
        if (prec == 0) prec = 1;
        roundto(prec);
        eprec = prec;
        if (eprec > nd && nd >= dp) eprec = nd;
      }
      let exp = dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > nd) prec = nd;
        fmtE(prec - 1 < 0 ? 0 : prec - 1, fmt == 71 ? 69 : 101);
      } else {
        if (prec > dp) prec = nd;
        fmtF(prec - dp > 0 ? prec - dp : 0);
      }
    }
  }
  let r = rawstring(outn);
  memory.copy(strdata(r), outbuf, <usize>outn);
  return r;
}
