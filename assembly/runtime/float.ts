// runtime.formatFloat (strconv.FormatFloat(f, fmt, prec, 64)) for the 'e',
// 'E', 'f', 'g', 'G' formats, exact as Go's: the float's value is converted
// to an exact decimal (a float64 is mant * 2^e, at most 767 significant
// decimal digits), then
//   - shortest (prec < 0): the fewest digits that still lie strictly inside
//     (or on, for an even mantissa) the interval of reals that round to f,
//     as strconv's roundShortest chooses them;
//   - fixed precision: rounded once, on the exact value, half to even on an
//     exact tie (%.1f of 2.25 is 2.2, %.0f of 0.5 is 0).
// Slow next to Ryu (a few thousand digit steps for extreme exponents) and
// allocation-free except for the result. Never used in the note handler.
import { rawstring, strdata } from "./string";
import { persistentalloc, FLAG_NOSCAN } from "./malloc";

// A decimal (Go's strconv.decimal): value = 0.d[0]d[1]...d[nd-1] * 10^dp,
// digits as ASCII, no trailing zeros. It lives in a per-M block: nd at +0,
// dp at +4, digits from +DIG; DIGCAP leaves room for a left shift's carry
// digits past MAXDIG before they are cut.
const MAXDIG: i32 = 800;
const DIG: usize = 16;
const DIGCAP: usize = <usize>MAXDIG + 32;
const DECSIZE: usize = DIG + DIGCAP;
// Shifts by at most 60 bits keep n*10 + 9 inside a u64 (the carry loops).
const MAXSHIFT: i32 = 60;
const MANTBITS: i32 = 52;
const BIAS: i32 = -1023;

// Per-M (module globals are per instance): three decimals and the output.
let dbuf: usize = 0; // the value
let ubuf: usize = 0; // upper bound of the rounding interval (shortest)
let lbuf: usize = 0; // lower bound
let outbuf: usize = 0;
let outn: i32 = 0;

function ensure(): void {
  if (dbuf == 0) {
    // persistent: per-M globals are not GC roots
    dbuf = persistentalloc(DECSIZE * 3, FLAG_NOSCAN);
    ubuf = dbuf + DECSIZE;
    lbuf = ubuf + DECSIZE;
    outbuf = persistentalloc(<usize>MAXDIG * 2 + 64, FLAG_NOSCAN);
  }
}

// @ts-ignore: decorator
@inline function getnd(a: usize): i32 { return load<i32>(a); }
// @ts-ignore: decorator
@inline function setnd(a: usize, v: i32): void { store<i32>(a, v); }
// @ts-ignore: decorator
@inline function getdp(a: usize): i32 { return load<i32>(a, 4); }
// @ts-ignore: decorator
@inline function setdp(a: usize, v: i32): void { store<i32>(a, v, 4); }
// @ts-ignore: decorator
@inline function dig(a: usize, i: i32): i32 { return <i32>load<u8>(a + DIG + <usize>i); }
// @ts-ignore: decorator
@inline function setdig(a: usize, i: i32, c: i32): void { store<u8>(a + DIG + <usize>i, <u8>c); }

/** Drop trailing zero digits; an empty decimal is 0 with dp 0. */
function trim(a: usize): void {
  let n = getnd(a);
  while (n > 0 && dig(a, n - 1) == 48) n--;
  setnd(a, n);
  if (n == 0) setdp(a, 0);
}

/** a = v. */
function assign(a: usize, v: u64): void {
  // digits come out least significant first: write them at the far end
  let tmp: i32 = 24;
  let n: i32 = 0;
  while (v > 0) {
    setdig(a, MAXDIG + tmp - 1 - n, <i32>(v % 10) + 48);
    v /= 10;
    n++;
  }
  for (let i = 0; i < n; i++) setdig(a, i, dig(a, MAXDIG + tmp - n + i));
  setnd(a, n);
  setdp(a, n);
  trim(a);
}

/** a *= 2^k, 0 < k <= MAXSHIFT. */
function lshift(a: usize, k: i32): void {
  let nd = getnd(a);
  if (nd == 0) return;
  // 2^60 < 10^19: at most 19 new leading digits. The digit read at r is
  // written at r+19, so reading downwards never meets a written slot.
  const EXTRA: i32 = 19;
  let carry: u64 = 0;
  for (let r = nd - 1; r >= 0; r--) {
    let n = (<u64>(dig(a, r) - 48) << k) + carry;
    carry = n / 10;
    setdig(a, r + EXTRA, <i32>(n % 10) + 48);
  }
  let w = EXTRA - 1;
  while (carry > 0) {
    setdig(a, w, <i32>(carry % 10) + 48);
    carry /= 10;
    w--;
  }
  let first = w + 1; // the most significant digit written
  let n = nd + EXTRA - first;
  memory.copy(a + DIG, a + DIG + <usize>first, <usize>n);
  // MAXDIG digits hold every float64 exactly; nothing is ever cut here.
  if (n > MAXDIG) n = MAXDIG;
  setnd(a, n);
  setdp(a, getdp(a) + EXTRA - first);
  trim(a);
}

/** a /= 2^k, 0 < k <= MAXSHIFT (exact: a float64's value needs < MAXDIG digits). */
function rshift(a: usize, k: i32): void {
  let nd = getnd(a);
  let r = 0;
  let w = 0;
  let n: u64 = 0;
  // read digits until the accumulated value has a nonzero quotient
  while ((n >> k) == 0) {
    if (r >= nd) {
      if (n == 0) {
        setnd(a, 0);
        setdp(a, 0);
        return;
      }
      while ((n >> k) == 0) {
        n *= 10;
        r++;
      }
      break;
    }
    n = n * 10 + <u64>(dig(a, r) - 48);
    r++;
  }
  setdp(a, getdp(a) - (r - 1));
  let mask: u64 = (<u64>1 << k) - 1;
  for (; r < nd; r++) {
    let c = dig(a, r);
    let q = <i32>(n >> k);
    n &= mask;
    setdig(a, w, q + 48);
    w++;
    n = n * 10 + <u64>(c - 48);
  }
  while (n > 0 && w < MAXDIG) {
    let q = <i32>(n >> k);
    n &= mask;
    setdig(a, w, q + 48);
    w++;
    n *= 10;
  }
  setnd(a, w);
  trim(a);
}

/** a *= 2^k for any k. */
function shift(a: usize, k: i32): void {
  if (getnd(a) == 0) return;
  while (k > MAXSHIFT) {
    lshift(a, MAXSHIFT);
    k -= MAXSHIFT;
  }
  if (k > 0) lshift(a, k);
  while (k < -MAXSHIFT) {
    rshift(a, MAXSHIFT);
    k += MAXSHIFT;
  }
  if (k < 0) rshift(a, -k);
}

/** Keep n digits, incrementing the last kept one (carrying through nines). */
function roundup(a: usize, n: i32): void {
  if (n < 0 || n >= getnd(a)) return;
  let i = n - 1;
  while (i >= 0 && dig(a, i) == 57) i--;
  if (i < 0) {
    // all nines: 0.999 -> 1.0 one place up
    setdig(a, 0, 49);
    setnd(a, 1);
    setdp(a, getdp(a) + 1);
    return;
  }
  setdig(a, i, dig(a, i) + 1);
  setnd(a, i + 1);
}

/** Keep n digits, dropping the rest. */
function rounddown(a: usize, n: i32): void {
  if (n < 0 || n >= getnd(a)) return;
  setnd(a, n);
  trim(a);
}

/** Keep n digits, rounding to nearest; an exact tie goes to the even digit. */
function round(a: usize, n: i32): void {
  let nd = getnd(a);
  if (n < 0 || n >= nd) return;
  let c = dig(a, n);
  let up = c >= 53;
  // the decimal is exact, so "5 and nothing after it" is a true tie
  if (c == 53 && n + 1 == nd) up = n > 0 && ((dig(a, n - 1) - 48) & 1) == 1;
  if (up) roundup(a, n);
  else rounddown(a, n);
}

/**
 * Cut d = mant * 2^(exp-MANTBITS) to the shortest digits that still read
 * back as the same float64: the reals that round to it lie between the
 * midpoints to its neighbours (lower, upper), inclusive when mant is even
 * (round-half-even picks it).
 */
function roundshortest(d: usize, mant: u64, exp: i32): void {
  if (mant == 0) {
    setnd(d, 0);
    return;
  }
  const minexp = BIAS + 1;
  // An integer with no more digits than its binary precision can name is
  // already shortest (strconv's 332/100 ~ log2(10) test).
  if (exp > minexp && 332 * (getdp(d) - getnd(d)) >= 100 * (exp - MANTBITS)) return;
  assign(ubuf, mant * 2 + 1);
  shift(ubuf, exp - MANTBITS - 1);
  // The neighbour below is closer when mant is the smallest of its binade
  // (the spacing halves below a power of two), except for denormals.
  let mantlo: u64;
  let explo: i32;
  if (mant > (<u64>1 << MANTBITS) || exp == minexp) {
    mantlo = mant - 1;
    explo = exp;
  } else {
    mantlo = mant * 2 - 1;
    explo = exp - 1;
  }
  assign(lbuf, mantlo * 2 + 1);
  shift(lbuf, explo - MANTBITS - 1);
  let inclusive = (mant & 1) == 0;

  let und = getnd(ubuf), udp = getdp(ubuf);
  let lnd = getnd(lbuf), ldp = getdp(lbuf);
  let dnd = getnd(d), ddp = getdp(d);
  // Walk the digit positions of upper; mi and li are the same position in
  // d and lower (their dp may be smaller: leading zeros).
  // udelta: 0 while d and upper agree so far, 1 when upper is ahead by
  // exactly one unit at the last differing digit (followed by 9 vs 0 runs
  // that keep it so), 2 when upper is ahead by more.
  let udelta = 0;
  for (let ui = 0; ; ui++) {
    let mi = ui - udp + ddp;
    if (mi >= dnd) break;
    let li = ui - udp + ldp;
    let l = li >= 0 && li < lnd ? dig(lbuf, li) : 48;
    let m = mi >= 0 ? dig(d, mi) : 48;
    let u = ui < und ? dig(ubuf, ui) : 48;
    // truncating here stays above lower
    let okdown = l != m || (inclusive && li + 1 == lnd);
    if (udelta == 0) {
      if (m + 1 < u) udelta = 2;
      else if (m != u) udelta = 1;
    } else if (udelta == 1 && (m != 57 || u != 48)) udelta = 2;
    // rounding up here stays below upper
    let okup = udelta > 0 && (inclusive || udelta > 1 || ui + 1 < und);
    if (okdown && okup) {
      round(d, mi + 1);
      return;
    }
    if (okdown) {
      rounddown(d, mi + 1);
      return;
    }
    if (okup) {
      roundup(d, mi + 1);
      return;
    }
  }
}

function put(c: i32): void {
  if (outn < MAXDIG * 2 + 64) store<u8>(outbuf + outn, <u8>c);
  outn++;
}

function digitat(i: i32): i32 {
  return i >= 0 && i < getnd(dbuf) ? dig(dbuf, i) : 48;
}

/** d.ddddde±dd */
function fmtE(prec: i32, ech: i32): void {
  let nd = getnd(dbuf);
  put(nd == 0 ? 48 : dig(dbuf, 0));
  if (prec > 0) {
    put(46);
    for (let i = 1; i <= prec; i++) put(digitat(i));
  }
  put(ech);
  let e = nd == 0 ? 0 : getdp(dbuf) - 1;
  if (e < 0) {
    put(45);
    e = -e;
  } else put(43);
  // at least two exponent digits
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

/** ddd.ddd */
function fmtF(prec: i32): void {
  let dp = getdp(dbuf);
  if (dp > 0) {
    for (let i = 0; i < dp; i++) put(digitat(i));
  } else put(48);
  if (prec > 0) {
    put(46);
    for (let i = 0; i < prec; i++) put(digitat(dp + i));
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
  let bits = reinterpret<u64>(f);
  let neg = (bits >> 63) != 0;
  let exp = <i32>((bits >> MANTBITS) & 0x7ff);
  let mant = bits & ((<u64>1 << MANTBITS) - 1);
  if (exp == 0) exp++; // denormal: no implicit leading 1
  else mant |= <u64>1 << MANTBITS;
  exp += BIAS;

  assign(dbuf, mant);
  shift(dbuf, exp - MANTBITS);
  let sh = prec < 0;
  if (sh) {
    roundshortest(dbuf, mant, exp);
    let nd = getnd(dbuf), dp = getdp(dbuf);
    if (fmt == 101 || fmt == 69) prec = nd > 1 ? nd - 1 : 0;
    else if (fmt == 102) prec = nd - dp > 0 ? nd - dp : 0;
    else prec = nd;
  } else if (fmt == 101 || fmt == 69) round(dbuf, prec + 1);
  else if (fmt == 102) round(dbuf, getdp(dbuf) + prec);
  else {
    if (prec == 0) prec = 1;
    round(dbuf, prec);
  }

  outn = 0;
  if (neg) put(45);
  switch (fmt) {
    case 101: // 'e'
    case 69: // 'E'
      fmtE(prec, fmt);
      break;
    case 102: // 'f'
      fmtF(prec);
      break;
    default: {
      // 'g', 'G' (and anything else as 'g'): %e when the exponent is below
      // -4 or reaches the precision (6 for the shortest form).
      let nd = getnd(dbuf), dp = getdp(dbuf);
      let eprec = prec;
      if (eprec > nd && nd >= dp) eprec = nd;
      if (sh) eprec = 6;
      let x = dp - 1;
      if (x < -4 || x >= eprec) {
        if (prec > nd) prec = nd;
        fmtE(prec - 1 > 0 ? prec - 1 : 0, fmt == 71 ? 69 : 101);
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
