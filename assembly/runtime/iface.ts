// Interfaces (docs/bytecode.md "Values"): the word is the address of an
// immutable box {type i32, pad, data i64}; 0 is nil. Comparison follows Go:
// same dynamic type and equal values; uncomparable types panic.
import { Kind, TypeRec, TypeId } from "../abi";
import { mallocgc } from "./malloc";
import { typerec, typekind, typename, typeelem } from "../vm/image";
import { eqstring } from "./string";
import { prints, printint, printuint, printfloat, printgostring, printhex, printbool } from "./print";
import { image } from "./runtime2";

export function makeiface(t: i32, v: i64): usize {
  let b = mallocgc(16);
  store<i32>(b, t);
  store<i64>(b, v, 8);
  return b;
}

// @ts-ignore: decorator
@inline export function ifacetype(e: usize): i32 {
  return e == 0 ? 0 : load<i32>(e);
}

// @ts-ignore: decorator
@inline export function ifacedata(e: usize): i64 {
  return e == 0 ? 0 : load<i64>(e, 8);
}

/** Per-M: the type id that made the last comparison uncomparable (0: none). */
export let uncomparable: i32 = 0;

/** Values of type t equal? Sets `uncomparable` for slices, maps and funcs. */
export function valeq(t: i32, a: i64, b: i64): bool {
  let r = typerec(t);
  let k = r == 0 ? 0 : load<i32>(r, TypeRec.KIND);
  switch (k) {
    case Kind.STRING:
      return eqstring(<usize>a, <usize>b);
    case Kind.FLOAT64:
      return reinterpret<f64>(a) == reinterpret<f64>(b);
    case Kind.INTERFACE:
      return efaceeq(<usize>a, <usize>b);
    case Kind.STRUCT: {
      let n = load<i32>(r, TypeRec.NFIELDS);
      let fr = image + <usize>load<u32>(r, TypeRec.FIELDS);
      for (let i = 0; i < n; i++) {
        let ft = load<i32>(fr + <usize>i * 12, 4);
        let off = <usize>load<u32>(fr + <usize>i * 12, 8);
        if (!fieldeq(ft, <usize>a + off, <usize>b + off)) return false;
      }
      return true;
    }
    case Kind.ARRAY: {
      let et = load<i32>(r, TypeRec.ELEM);
      let n = load<i32>(r, TypeRec.LEN);
      let ek = typekind(et);
      let es = elemsize(et, ek);
      for (let i = 0; i < n; i++) {
        if (!fieldeq(et, <usize>a + <usize>i * es, <usize>b + <usize>i * es, true)) return false;
      }
      return true;
    }
    case Kind.SLICE:
    case Kind.MAP:
    case Kind.FUNC:
      if (uncomparable == 0) uncomparable = t;
      return false;
    default:
      return a == b;
  }
}

/** Size of an element of type t in an array or slice (bytes are packed). */
export function elemsize(t: i32, k: i32): usize {
  if (k == Kind.INT8 || k == Kind.UINT8) return 1;
  let r = typerec(t);
  if (r == 0) return 8;
  let s = <usize>load<i32>(r, TypeRec.SIZE);
  if (k == Kind.STRUCT || k == Kind.ARRAY) return (s + 7) & ~7;
  return 8;
}

/** Compare the field/element of type t stored inline at pa and pb. */
function fieldeq(t: i32, pa: usize, pb: usize, inArray: bool = false): bool {
  let k = typekind(t);
  if (k == Kind.STRUCT || k == Kind.ARRAY) return valeq(t, <i64>pa, <i64>pb);
  if (inArray && (k == Kind.INT8 || k == Kind.UINT8)) return load<u8>(pa) == load<u8>(pb);
  return valeq(t, load<i64>(pa), load<i64>(pb));
}

/** Can values of type t be compared (Go's t.equal != nil)? Interfaces can; their contents are checked when compared. */
export function comparabletype(t: i32): bool {
  let r = typerec(t);
  let k = r == 0 ? 0 : load<i32>(r, TypeRec.KIND);
  switch (k) {
    case Kind.SLICE: case Kind.MAP: case Kind.FUNC:
      return false;
    case Kind.STRUCT: {
      let n = load<i32>(r, TypeRec.NFIELDS);
      let fr = image + <usize>load<u32>(r, TypeRec.FIELDS);
      for (let i = 0; i < n; i++) if (!comparabletype(load<i32>(fr + <usize>i * 12, 4))) return false;
      return true;
    }
    case Kind.ARRAY:
      return comparabletype(load<i32>(r, TypeRec.ELEM));
  }
  return true;
}

/** IFACEEQ: same dynamic type and equal values; a dynamic type with no equality panics (Go's efaceeq). */
export function efaceeq(a: usize, b: usize): bool {
  if (a == 0 || b == 0) return a == b;
  let t = load<i32>(a);
  if (t != load<i32>(b)) return false;
  if (!comparabletype(t)) {
    if (uncomparable == 0) uncomparable = t;
    return false;
  }
  if (a == b) return true;
  return valeq(t, load<i64>(a, 8), load<i64>(b, 8));
}

/** print of an interface value, as Go's printeface: (type) value for non-basic types. */
export function printeface(e: usize): void {
  if (e == 0) {
    prints("(0x0,0x0)");
    return;
  }
  let t = load<i32>(e);
  let v = load<i64>(e, 8);
  let k = typekind(t);
  switch (k) {
    case Kind.STRING:
      printgostring(<usize>v);
      return;
    case Kind.BOOL:
      printbool(v != 0);
      return;
    case Kind.INT: case Kind.INT8: case Kind.INT16: case Kind.INT32: case Kind.INT64:
      printint(v);
      return;
    case Kind.UINT: case Kind.UINT8: case Kind.UINT16: case Kind.UINT32: case Kind.UINT64: case Kind.UINTPTR:
      printuint(<u64>v);
      return;
    case Kind.FLOAT64:
      printfloat(reinterpret<f64>(v));
      return;
  }
  prints("(");
  printgostring(typename(t));
  prints(") ");
  printhex(<u64>v);
}

export function resetUncomparable(): void {
  uncomparable = 0;
}
