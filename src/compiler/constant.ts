// Constant values (go/constant, reduced): integers are exact bigints, floats
// JS numbers, strings byte strings (see parse.ts), booleans.

import type { BasicKind, Type } from './types.js';
import { basicKind, intRange, isFloat, isInteger } from './types.js';

export type Const =
  | { k: 'int'; v: bigint }
  /** r: the exact value num/den when known (Go's untyped constants are exact) */
  | { k: 'float'; v: number; r?: [bigint, bigint] }
  | { k: 'string'; v: string }
  | { k: 'bool'; v: boolean };

export const cint = (v: bigint): Const => ({ k: 'int', v });
export const cfloat = (v: number, r?: [bigint, bigint]): Const => (r ? { k: 'float', v, r } : { k: 'float', v });

/** An exact rational as a float constant, correctly rounded. */
export function crat(num: bigint, den: bigint): Const {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num < 0n ? -num : num, den);
  if (g > 1n) {
    num /= g;
    den /= g;
  }
  return { k: 'float', v: ratToFloat(num, den), r: [num, den] };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}

const bitlen = (x: bigint): number => (x === 0n ? 0 : x.toString(2).length);

/** num/den (den > 0) to the nearest float64, ties to even. */
export function ratToFloat(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const neg = num < 0n;
  const n = neg ? -num : num;
  const s = 55 - (bitlen(n) - bitlen(den));
  const a = s >= 0 ? n << BigInt(s) : n;
  const b = s >= 0 ? den : den << BigInt(-s);
  const q = a / b;
  const sticky = a % b !== 0n;
  const e = bitlen(q) - 1 - s;
  let k = bitlen(q) - 53;
  if (e < -1022) k += -1022 - e;
  if (k > bitlen(q)) return neg ? -0 : 0;
  const K = BigInt(k);
  let m = q >> K;
  const low = q & ((1n << K) - 1n);
  const half = 1n << (K - 1n);
  if (low > half || (low === half && (sticky || (m & 1n) === 1n))) m += 1n;
  let r = Number(m);
  let x = k - s;
  while (x > 1000) {
    r *= 2 ** 1000;
    x -= 1000;
  }
  while (x < -1000) {
    r *= 2 ** -1000;
    x += 1000;
  }
  r *= 2 ** x;
  return neg ? -r : r;
}

/** The exact value of an int or float constant, when known. */
export function exact(c: Const): [bigint, bigint] | undefined {
  if (c.k === 'int') return [c.v, 1n];
  if (c.k === 'float') return c.r;
  return undefined;
}
export const cbool = (v: boolean): Const => ({ k: 'bool', v });
export const cstr = (v: string): Const => ({ k: 'string', v });

export function parseIntLit(s: string): bigint {
  const t = s.replace(/_/g, '');
  if (/^0[0-7]+$/.test(t)) return BigInt('0o' + t.slice(1));
  if (/^0[oO]/.test(t)) return BigInt('0o' + t.slice(2));
  return BigInt(t);
}

export function parseFloatLit(s: string): Const {
  const t = s.replace(/_/g, '');
  if (/^0[xX]/.test(t)) {
    const m = /^0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(t);
    if (!m) return cfloat(NaN);
    const mant = BigInt('0x' + ((m[1] || '0') + (m[2] || '')));
    const e2 = Number(m[3]) - 4 * (m[2] || '').length;
    if (Math.abs(e2) > 20000) return cfloat(Number(mant) * Math.pow(2, e2));
    return e2 >= 0 ? crat(mant << BigInt(e2), 1n) : crat(mant, 1n << BigInt(-e2));
  }
  const m = /^(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m) return cfloat(Number(t));
  const digits = (m[1] || '') + (m[2] || '');
  const e10 = Number(m[3] || 0) - (m[2] || '').length;
  if (Math.abs(e10) > 5000) return cfloat(Number(t));
  const mant = BigInt(digits || '0');
  return e10 >= 0 ? crat(mant * 10n ** BigInt(e10), 1n) : crat(mant, 10n ** BigInt(-e10));
}

export function toFloat(c: Const): number {
  return c.k === 'int' ? Number(c.v) : c.k === 'float' ? c.v : NaN;
}

/** Is the constant representable as a value of type t? Returns the converted constant. */
export function represent(c: Const, t: Type): Const | undefined {
  const k = basicKind(t) as BasicKind;
  if (isInteger(t)) {
    let v: bigint;
    if (c.k === 'int') v = c.v;
    else if (c.k === 'float' && c.r) {
      if (c.r[0] % c.r[1] !== 0n) return undefined;
      v = c.r[0] / c.r[1];
    } else if (c.k === 'float' && Number.isInteger(c.v)) v = BigInt(c.v);
    else return undefined;
    const r = intRange(k);
    if (r && (v < r[0] || v > r[1])) return undefined;
    return cint(v);
  }
  if (isFloat(t)) {
    // A typed float must hold the rounded value: past MaxFloat64 it overflows
    // (go/types' roundFloat64 giving ±Inf); untyped floats have no bound.
    const typed = !k.startsWith('untyped');
    if (c.k === 'int') return typed && !Number.isFinite(Number(c.v)) ? undefined : crat(c.v, 1n);
    if (c.k === 'float') return typed && !Number.isFinite(c.v) ? undefined : c;
    return undefined;
  }
  if (k === 'string' || k === 'untyped string') return c.k === 'string' ? c : undefined;
  if (k === 'bool' || k === 'untyped bool') return c.k === 'bool' ? c : undefined;
  return undefined;
}

export function constString(c: Const): string {
  switch (c.k) {
    case 'int': return c.v.toString();
    case 'float': {
      if (!Number.isFinite(c.v) && c.r) return hugeString(c.r[0], c.r[1]);
      if (Number.isInteger(c.v) && Math.abs(c.v) < 1e21) return String(c.v);
      return String(c.v).replace('e+', 'e+');
    }
    case 'string': return JSON.stringify(c.v);
    case 'bool': return String(c.v);
  }
}

/** num/den beyond float64's range, with 6 significant digits as go/types shows it ("1e+615"). */
function hugeString(num: bigint, den: bigint): string {
  const neg = num < 0n;
  const a = neg ? -num : num;
  let e = a.toString().length - den.toString().length;
  while (e > 0 && a < den * 10n ** BigInt(e)) e--;
  while (a >= den * 10n ** BigInt(e + 1)) e++;
  const scaled = Number((a * 10n ** 6n) / (den * 10n ** BigInt(e))) / 1e6;
  return `${neg ? '-' : ''}${Number(scaled.toPrecision(6))}e+${e}`;
}

/** Compare two constants of the same class. */
export function compareConst(op: string, a: Const, b: Const): boolean {
  let x: number | bigint | string | boolean;
  let y: number | bigint | string | boolean;
  const ea = exact(a);
  const eb = exact(b);
  if (ea && eb && (a.k === 'float' || b.k === 'float')) {
    // compare num_a * den_b with num_b * den_a (dens are positive)
    x = ea[0] * eb[1];
    y = eb[0] * ea[1];
  } else if ((a.k === 'int' || a.k === 'float') && (b.k === 'int' || b.k === 'float')) {
    if (a.k === 'int' && b.k === 'int') {
      x = a.v;
      y = b.v;
    } else {
      x = toFloat(a);
      y = toFloat(b);
    }
  } else {
    x = a.v;
    y = b.v;
  }
  switch (op) {
    case '==': return x === y;
    case '!=': return x !== y;
    case '<': return x < y;
    case '<=': return x <= y;
    case '>': return x > y;
    case '>=': return x >= y;
  }
  return false;
}

/** Wrap an integer constant to the width of a sized type (for typed constant conversions at run time). */
export function wrapInt(v: bigint, k: BasicKind): bigint {
  switch (k) {
    case 'int8': return BigInt.asIntN(8, v);
    case 'int16': return BigInt.asIntN(16, v);
    case 'int32': return BigInt.asIntN(32, v);
    case 'uint8': return BigInt.asUintN(8, v);
    case 'uint16': return BigInt.asUintN(16, v);
    case 'uint32': return BigInt.asUintN(32, v);
    case 'uint': case 'uint64': case 'uintptr': return BigInt.asUintN(64, v);
    default: return BigInt.asIntN(64, v);
  }
}

/** Is a float constant a whole number? */
export function isIntegral(c: Const): boolean {
  if (c.k === 'int') return true;
  if (c.k !== 'float') return false;
  return c.r ? c.r[0] % c.r[1] === 0n : Number.isInteger(c.v);
}
