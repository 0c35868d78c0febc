// Go types as the checker sees them, after go/types: identity, assignability,
// method sets with embedding, and the block sizes of docs/bytecode.md.

export type BasicKind =
  | 'bool' | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr'
  | 'float64' | 'complex128' | 'string' | 'unsafe.Pointer'
  | 'untyped bool' | 'untyped int' | 'untyped rune' | 'untyped float' | 'untyped string' | 'untyped nil'
  | 'invalid';

export interface Basic { t: 'basic'; kind: BasicKind; name: string }
export interface Method {
  name: string;
  pkg: string; // package path; matters for unexported names
  sig: Signature;
  ptrRecv: boolean;
  /** the function object (set by the checker) */
  fn?: unknown;
}
export interface Named {
  t: 'named';
  name: string;
  pkg: string; // package path ('' for predeclared error)
  pkgName: string;
  underlying: Type; // Invalid until resolved
  methods: Method[];
  /** resolving: detects invalid recursive types */
  state: 0 | 1 | 2;
}
export interface Pointer { t: 'pointer'; elem: Type }
export interface Slice { t: 'slice'; elem: Type }
export interface ArrayT { t: 'array'; elem: Type; len: number }
export interface MapT { t: 'map'; key: Type; elem: Type }
export interface ChanT { t: 'chan'; elem: Type; dir: 'both' | 'send' | 'recv' }
export interface Field { name: string; type: Type; embedded: boolean; pkg: string }
export interface StructT { t: 'struct'; fields: Field[] }
export interface Signature { t: 'func'; params: Type[]; results: Type[]; variadic: boolean }
export interface IfaceMethod { name: string; pkg: string; sig: Signature }
export interface Iface {
  t: 'interface';
  explicit: IfaceMethod[];
  embeds: Type[];
  all?: IfaceMethod[];
}
export interface Tuple { t: 'tuple'; types: Type[] }

export type Type = Basic | Named | Pointer | Slice | ArrayT | MapT | ChanT | StructT | Signature | Iface | Tuple;

const basics = new Map<BasicKind, Basic>();
export function basic(kind: BasicKind): Basic {
  let b = basics.get(kind);
  if (!b) {
    b = { t: 'basic', kind, name: kind };
    basics.set(kind, b);
  }
  return b;
}

export const Invalid = basic('invalid');
export const Bool = basic('bool');
export const Int = basic('int');
export const Int32 = basic('int32');
export const Int64 = basic('int64');
export const Uint8 = basic('uint8');
export const Uintptr = basic('uintptr');
export const Float64 = basic('float64');
export const Str = basic('string');
export const UntypedBool = basic('untyped bool');
export const UntypedInt = basic('untyped int');
export const UntypedRune = basic('untyped rune');
export const UntypedFloat = basic('untyped float');
export const UntypedString = basic('untyped string');
export const UntypedNil = basic('untyped nil');

/** byte and rune are aliases: the same Basic objects, printed by their own names when written so. */
export const Byte: Basic = Uint8;
export const Rune: Basic = Int32;

export const errorType: Named = {
  t: 'named',
  name: 'error',
  pkg: '',
  pkgName: '',
  underlying: { t: 'interface', explicit: [], embeds: [] },
  methods: [],
  state: 2,
};
(errorType.underlying as Iface).explicit.push({
  name: 'Error',
  pkg: '',
  sig: { t: 'func', params: [], results: [Str], variadic: false },
});

export const emptyIface: Iface = { t: 'interface', explicit: [], embeds: [] };

export function under(t: Type): Type {
  let u = t;
  for (let i = 0; u.t === 'named' && i < 100; i++) u = u.underlying;
  return u;
}

export function isNamed(t: Type): boolean {
  return t.t === 'named' || (t.t === 'basic' && !t.kind.startsWith('untyped') && t.kind !== 'invalid');
}

export function isUntyped(t: Type): boolean {
  return t.t === 'basic' && t.kind.startsWith('untyped');
}

export function isInterface(t: Type): boolean {
  return under(t).t === 'interface';
}

export function basicKind(t: Type): BasicKind | undefined {
  const u = under(t);
  return u.t === 'basic' ? u.kind : undefined;
}

const intKinds = new Set<BasicKind>(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'untyped int', 'untyped rune']);
const unsignedKinds = new Set<BasicKind>(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);

export function isInteger(t: Type): boolean {
  const k = basicKind(t);
  return k !== undefined && intKinds.has(k);
}
export function isUnsigned(t: Type): boolean {
  const k = basicKind(t);
  return k !== undefined && unsignedKinds.has(k);
}
export function isFloat(t: Type): boolean {
  const k = basicKind(t);
  return k === 'float64' || k === 'untyped float';
}
export function isNumeric(t: Type): boolean {
  return isInteger(t) || isFloat(t);
}
export function isString(t: Type): boolean {
  const k = basicKind(t);
  return k === 'string' || k === 'untyped string';
}
export function isBoolean(t: Type): boolean {
  const k = basicKind(t);
  return k === 'bool' || k === 'untyped bool';
}

/** Range of an integer kind, for constant representability. */
export function intRange(k: BasicKind): [bigint, bigint] | undefined {
  switch (k) {
    case 'int8': return [-128n, 127n];
    case 'int16': return [-32768n, 32767n];
    case 'int32': return [-(1n << 31n), (1n << 31n) - 1n];
    case 'int': case 'int64': return [-(1n << 63n), (1n << 63n) - 1n];
    case 'uint8': return [0n, 255n];
    case 'uint16': return [0n, 65535n];
    case 'uint32': return [0n, (1n << 32n) - 1n];
    case 'uint': case 'uint64': case 'uintptr': return [0n, (1n << 64n) - 1n];
    default: return undefined;
  }
}

/** The default type of an untyped constant's type. */
export function defaultType(t: Type): Type {
  if (t.t !== 'basic') return t;
  switch (t.kind) {
    case 'untyped bool': return Bool;
    case 'untyped int': return Int;
    case 'untyped rune': return Int32;
    case 'untyped float': return Float64;
    case 'untyped string': return Str;
    default: return t;
  }
}

// ---- identity --------------------------------------------------------------

export function identical(a: Type, b: Type): boolean {
  if (a === b) return true;
  if (a.t !== b.t) return false;
  switch (a.t) {
    case 'basic': return a.kind === (b as Basic).kind;
    case 'named': return false;
    case 'pointer': return identical(a.elem, (b as Pointer).elem);
    case 'slice': return identical(a.elem, (b as Slice).elem);
    case 'array': return a.len === (b as ArrayT).len && identical(a.elem, (b as ArrayT).elem);
    case 'map': return identical(a.key, (b as MapT).key) && identical(a.elem, (b as MapT).elem);
    case 'chan': return a.dir === (b as ChanT).dir && identical(a.elem, (b as ChanT).elem);
    case 'struct': {
      const bf = (b as StructT).fields;
      return a.fields.length === bf.length && a.fields.every((f, i) =>
        f.name === bf[i].name && f.embedded === bf[i].embedded && identical(f.type, bf[i].type) &&
        (isExported(f.name) || f.pkg === bf[i].pkg));
    }
    case 'func': {
      const bs = b as Signature;
      return a.variadic === bs.variadic && a.params.length === bs.params.length && a.results.length === bs.results.length &&
        a.params.every((p, i) => identical(p, bs.params[i])) && a.results.every((r, i) => identical(r, bs.results[i]));
    }
    case 'interface': {
      const am = ifaceMethods(a);
      const bm = ifaceMethods(b as Iface);
      return am.length === bm.length && am.every((m, i) => m.name === bm[i].name && identical(m.sig, bm[i].sig));
    }
    case 'tuple': {
      const bt = b as Tuple;
      return a.types.length === bt.types.length && a.types.every((x, i) => identical(x, bt.types[i]));
    }
  }
}

export function isExported(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** The complete method list of an interface (embedded ones included), sorted by name. */
export function ifaceMethods(i: Iface): IfaceMethod[] {
  if (i.all) return i.all;
  const all = new Map<string, IfaceMethod>();
  for (const m of i.explicit) all.set(m.name, m);
  for (const e of i.embeds) {
    const u = under(e);
    if (u.t !== 'interface') continue;
    for (const m of ifaceMethods(u)) if (!all.has(m.name)) all.set(m.name, m);
  }
  const list = [...all.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  i.all = list;
  return list;
}

// ---- fields and methods, with embedding (go/types lookup.go) ---------------

export type Selection =
  | { k: 'field'; path: number[]; type: Type; indirect: boolean }
  | { k: 'method'; path: number[]; method: Method; recv: Named; indirect: boolean }
  | { k: 'imethod'; path: number[]; method: IfaceMethod; indirect: boolean };

/**
 * Look up a field or method `name` on type t, breadth-first through embedded
 * fields. `path` lists the embedded field indices walked; `indirect` is true
 * when a pointer was followed on the way. Returns undefined when absent,
 * 'ambiguous' when two are found at the same depth.
 */
export function lookup(t: Type, name: string, pkg: string): Selection | 'ambiguous' | undefined {
  let startIndirect = false;
  let typ = t;
  if (typ.t === 'pointer' && under(typ.elem).t !== 'pointer') {
    typ = typ.elem;
    startIndirect = true;
  }
  type Entry = { type: Type; path: number[]; indirect: boolean };
  let level: Entry[] = [{ type: typ, path: [], indirect: startIndirect }];
  const seen = new Set<Named>();
  const match = (n: string, mpkg: string): boolean => n === name && (isExported(n) || mpkg === pkg);
  while (level.length) {
    const found: Selection[] = [];
    const next: Entry[] = [];
    for (const e of level) {
      let tt = e.type;
      if (tt.t === 'named') {
        if (seen.has(tt)) continue;
        seen.add(tt);
        const m = tt.methods.find((mm) => match(mm.name, mm.pkg));
        if (m) {
          found.push({ k: 'method', path: e.path, method: m, recv: tt, indirect: e.indirect });
          continue;
        }
        tt = tt.underlying;
      }
      if (tt.t === 'struct') {
        tt.fields.forEach((f, i) => {
          if (match(f.name, f.pkg)) found.push({ k: 'field', path: [...e.path, i], type: f.type, indirect: e.indirect });
          if (f.embedded) {
            let ft = f.type;
            let ind = e.indirect;
            if (ft.t === 'pointer') {
              ft = ft.elem;
              ind = true;
            }
            next.push({ type: ft, path: [...e.path, i], indirect: ind });
          }
        });
      } else if (tt.t === 'interface') {
        const m = ifaceMethods(tt).find((mm) => match(mm.name, mm.pkg));
        if (m) found.push({ k: 'imethod', path: e.path, method: m, indirect: e.indirect });
      }
    }
    if (found.length === 1) return found[0];
    if (found.length > 1) return 'ambiguous';
    level = next;
  }
  return undefined;
}

/**
 * Does type t have method m (from an interface) in its method set?
 * Returns the reason it does not, or undefined when it does.
 */
export function missingMethod(t: Type, m: IfaceMethod): { wrongType?: boolean; ptr?: boolean } | undefined {
  const u = under(t);
  if (u.t === 'interface') {
    const mm = ifaceMethods(u).find((x) => x.name === m.name);
    if (!mm) return {};
    return identical(mm.sig, m.sig) ? undefined : { wrongType: true };
  }
  const sel = lookup(t, m.name, m.pkg);
  if (!sel || sel === 'ambiguous' || sel.k === 'field') return {};
  const sig = sel.k === 'method' ? sel.method.sig : sel.method.sig;
  if (!identical(sig, m.sig)) return { wrongType: true };
  // a pointer-receiver method reached without a pointer is not in the value's method set
  if (sel.k === 'method' && sel.method.ptrRecv && t.t !== 'pointer' && !sel.indirect) return { ptr: true };
  return undefined;
}

export function implementsIface(t: Type, it: Iface): IfaceMethod | undefined {
  for (const m of ifaceMethods(it)) if (missingMethod(t, m)) return m;
  return undefined;
}

export function comparable(t: Type): boolean {
  const u = under(t);
  switch (u.t) {
    case 'slice': case 'map': case 'func': return false;
    case 'struct': return u.fields.every((f) => comparable(f.type));
    case 'array': return comparable(u.elem);
    default: return true;
  }
}

// ---- names -------------------------------------------------------------------

/**
 * A type as Go prints it. `qual` decides how a named type's package shows:
 * for %T the package name always; for errors, omitted for the current package.
 */
export function typeString(t: Type, qual: (n: Named) => string = (n) => n.pkgName, reflect = false): string {
  const s = (x: Type): string => typeString(x, qual, reflect);
  switch (t.t) {
    case 'basic': return t.name;
    case 'named': {
      const q = qual(t);
      return q ? `${q}.${t.name}` : t.name;
    }
    case 'pointer': return '*' + s(t.elem);
    case 'slice': return '[]' + s(t.elem);
    case 'array': return `[${t.len}]` + s(t.elem);
    case 'map': return `map[${s(t.key)}]${s(t.elem)}`;
    case 'chan': return (t.dir === 'recv' ? '<-chan ' : t.dir === 'send' ? 'chan<- ' : 'chan ') + s(t.elem);
    case 'struct': {
      const fs = t.fields.map((f) => (f.embedded ? s(f.type) : `${f.name} ${s(f.type)}`));
      // reflect (%T) spaces the braces: struct { X int; Y string }
      if (reflect) return fs.length ? 'struct { ' + fs.join('; ') + ' }' : 'struct {}';
      return 'struct{' + fs.join('; ') + '}';
    }
    case 'func': return 'func' + sigString(t, qual);
    case 'interface': {
      if (!t.explicit.length && !t.embeds.length) return 'interface {}';
      if (reflect) return 'interface { ' + ifaceMethods(t).map((m) => m.name + sigString(m.sig, qual)).join('; ') + ' }';
      const parts = [...t.explicit.map((m) => m.name + sigString(m.sig, qual)), ...t.embeds.map(s)];
      return 'interface {' + parts.join('; ') + '}';
    }
    case 'tuple': return '(' + t.types.map(s).join(', ') + ')';
  }
}

export function sigString(sig: Signature, qual: (n: Named) => string = (n) => n.pkgName): string {
  const ps = sig.params.map((p, i) =>
    sig.variadic && i === sig.params.length - 1 ? '...' + typeString((p as Slice).elem, qual) : typeString(p, qual));
  let r = '(' + ps.join(', ') + ')';
  if (sig.results.length === 1) r += ' ' + typeString(sig.results[0], qual);
  else if (sig.results.length > 1) r += ' (' + sig.results.map((x) => typeString(x, qual)).join(', ') + ')';
  return r;
}

// ---- sizes (docs/bytecode.md "Sizes in blocks") ------------------------------

/** Struct and array values are block pointers: copied, not moved, when stored. */
export function isBlock(t: Type): boolean {
  const u = under(t);
  return u.t === 'struct' || u.t === 'array';
}

/** One-byte element (packed in arrays and slices). */
export function isByteSized(t: Type): boolean {
  const k = basicKind(t);
  return k === 'uint8' || k === 'int8';
}

/** Size of a value of type t in a block, as a field (bytes, multiple of 8). */
export function sizeOf(t: Type): number {
  const u = under(t);
  if (u.t === 'struct') return u.fields.reduce((n, f) => n + sizeOf(f.type), 0);
  if (u.t === 'array') return roundUp8(u.len * elemSize(u.elem));
  return 8;
}

/**
 * n rounded up to a multiple of 8, exactly: sizes are plain numbers, exact up
 * to 2^53, which no type Go accepts reaches (goSizeOf < 2^50, each p9rt size
 * at most 8 times Go's); `& ~7` would wrap them at 2^31.
 */
function roundUp8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/**
 * Go's own width of t on 64-bit ports (cmd/compile types.CalcSize), which
 * decides Go's "larger than address space" and "symbol too large" errors;
 * p9rt's block layout (sizeOf) differs.
 */
export function goSizeOf(t: Type): number {
  return goLayout(t).size;
}

function goLayout(t: Type): { size: number; align: number } {
  const u = under(t);
  switch (u.t) {
    case 'basic': {
      const k = u.kind;
      if (k === 'bool' || k === 'int8' || k === 'uint8' || k === 'untyped bool') return { size: 1, align: 1 };
      if (k === 'int16' || k === 'uint16') return { size: 2, align: 2 };
      if (k === 'int32' || k === 'uint32' || k === 'untyped rune') return { size: 4, align: 4 };
      if (k === 'string' || k === 'untyped string' || k === 'complex128') return { size: 16, align: 8 };
      return { size: 8, align: 8 };
    }
    case 'slice': return { size: 24, align: 8 };
    case 'interface': return { size: 16, align: 8 };
    case 'array': {
      const e = goLayout(u.elem);
      return { size: u.len * e.size, align: e.align };
    }
    case 'struct': {
      let off = 0;
      let align = 1;
      for (const f of u.fields) {
        const l = goLayout(f.type);
        off = Math.ceil(off / l.align) * l.align + l.size;
        align = Math.max(align, l.align);
      }
      return { size: Math.ceil(off / align) * align, align };
    }
    default: return { size: 8, align: 8 };
  }
}

/** Go's limit on a type's width on 64-bit ports (cmd/compile MAXWIDTH for amd64). */
export const GO_MAX_WIDTH = 2 ** 50;
/** Go's limit on a global's size (cmd/internal/obj: "symbol too large"). */
export const GO_MAX_SYMBOL = 2000000000;
/** p9rt's limit on the length of an array of zero-size elements (i32 lengths). */
export const MAX_ARRAY_LEN = 0x7fffffff;

/** Size of t as an array or slice element: 1 for int8/uint8, else sizeOf. */
export function elemSize(t: Type): number {
  return isByteSized(t) ? 1 : sizeOf(t);
}

/** Byte offset of field i of a struct. */
export function fieldOffset(s: StructT, i: number): number {
  let off = 0;
  for (let j = 0; j < i; j++) off += sizeOf(s.fields[j].type);
  return off;
}

/** Block allocation size (never 0: a live struct variable's word is never 0). */
export function allocSize(t: Type): number {
  return Math.max(8, sizeOf(t));
}
