// Constant values (go/constant, reduced): integers are exact bigints, floats
// JS numbers, strings byte strings (see parse.ts), booleans.

import type { BasicKind, Type } from './types.js';
import { basicKind, intRange, isFloat, isInteger } from './types.js';

export type Const =
  | { k: 'int'; v: bigint }
  | { k: 'float'; v: number }
  | { k: 'string'; v: string }
  | { k: 'bool'; v: boolean };

export const cint = (v: bigint): Const => ({ k: 'int', v });
export const cfloat = (v: number): Const => ({ k: 'float', v });
export const cbool = (v: boolean): Const => ({ k: 'bool', v });
export const cstr = (v: string): Const => ({ k: 'string', v });

export function parseIntLit(s: string): bigint {
  const t = s.replace(/_/g, '');
  if (/^0[0-7]+$/.test(t)) return BigInt('0o' + t.slice(1));
  if (/^0[oO]/.test(t)) return BigInt('0o' + t.slice(2));
  return BigInt(t);
}

export function parseFloatLit(s: string): number {
  const t = s.replace(/_/g, '');
  if (/^0[xX]/.test(t)) {
    const m = /^0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(t);
    if (!m) return NaN;
    const mant = parseInt((m[1] || '0') + (m[2] || ''), 16);
    return mant * Math.pow(2, Number(m[3]) - 4 * (m[2] || '').length);
  }
  return Number(t);
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
    else if (c.k === 'float' && Number.isInteger(c.v)) v = BigInt(c.v);
    else return undefined;
    const r = intRange(k);
    if (r && (v < r[0] || v > r[1])) return undefined;
    return cint(v);
  }
  if (isFloat(t)) {
    if (c.k === 'int' || c.k === 'float') return cfloat(toFloat(c));
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
      if (Number.isInteger(c.v) && Math.abs(c.v) < 1e21) return String(c.v);
      return String(c.v).replace('e+', 'e+');
    }
    case 'string': return JSON.stringify(c.v);
    case 'bool': return String(c.v);
  }
}

/** Compare two constants of the same class. */
export function compareConst(op: string, a: Const, b: Const): boolean {
  let x: number | bigint | string | boolean;
  let y: number | bigint | string | boolean;
  if ((a.k === 'int' || a.k === 'float') && (b.k === 'int' || b.k === 'float')) {
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
