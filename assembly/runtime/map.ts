// Maps (go runtime/map.go in spirit, not in layout): an insertion-ordered
// array of entries {key, val, hash, live} plus an open-addressing index of
// entry numbers. Entries never move (growth copies them in order and a
// delete only clears `live`), so an iterator is a position: it visits the
// entries that existed when it started, in a rotation that starts at a
// random place (Go randomises iteration order), skipping deleted ones and
// reading values as they are at the visit.
//
// The key immediate of the map ops is the key's Kind (src/compiler); for
// struct and array keys MAKEMAP's immediate also carries the key's type id
// (kind | id << 8), kept in the map. Keys compare as Go compares them: words,
// strings by contents, floats (+0 == -0, NaN never matches), interfaces (an
// uncomparable dynamic type panics UNHASHABLE), structs and arrays field by
// field.
import { Kind, PanicCode, TypeRec } from "../abi";
import { mallocgc } from "./malloc";
import { strdata, strlen, eqstring } from "./string";
import { efaceeq, uncomparable, resetUncomparable, ifacetype, ifacedata, valeq, elemsize, comparabletype } from "./iface";
import { typekind, typerec } from "../vm/image";
import { image } from "./runtime2";
import { push, pop, vpc, vsp, vfp, vhdr, vcode, setregs } from "../vm/frame";
import { panicRuntime } from "../vm/panic";
import { throwstr } from "./panic";
import { fastrand } from "./select";

@unmanaged
class Hmap {
  count: i32;
  nentries: i32;
  cap: i32;
  mask: i32; // index size - 1
  entries: usize;
  index: usize; // i32 slots: entry number + 1, 0 = empty
  keykind: i32;
  keytype: i32; // struct and array keys
}

const ENTRY: usize = 24;

@unmanaged
class Hiter {
  m: usize;
  start: i32;
  n: i32;
  k: i32;
}

function mix(h: u64): u32 {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccd;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53;
  h ^= h >> 33;
  return <u32>h;
}

function strhash(s: usize): u32 {
  let p = strdata(s);
  let n = strlen(s);
  let h: u32 = 2166136261;
  for (let i = 0; i < n; i++) {
    h ^= load<u8>(p + i);
    h *= 16777619;
  }
  return h;
}

/** Per-M: set when a key's dynamic type cannot be hashed. */
let unhashable: i32 = 0;

function hashword(kind: i32, k: i64): u32 {
  switch (kind) {
    case Kind.STRING: return strhash(<usize>k);
    case Kind.FLOAT64: {
      let f = reinterpret<f64>(k);
      if (f == 0) return mix(0);
      return mix(<u64>k);
    }
    case Kind.INTERFACE: {
      let e = <usize>k;
      if (e == 0) return 0;
      let t = ifacetype(e);
      let tk = typekind(t);
      // Go names the dynamic type itself, even when only a field of it is unhashable
      if (!comparabletype(t)) {
        unhashable = t;
        return 0;
      }
      if (tk == Kind.STRUCT || tk == Kind.ARRAY) return hashblock(t, <usize>ifacedata(e)) ^ <u32>t;
      return hashword(tk, ifacedata(e)) ^ <u32>t;
    }
  }
  return mix(<u64>k);
}

/** Hash of a struct or array value of type t stored at p (0: the zero value). */
function hashblock(t: i32, p: usize): u32 {
  let r = typerec(t);
  if (r == 0 || p == 0) return 0;
  let h: u32 = 17;
  if (load<i32>(r, TypeRec.KIND) == Kind.STRUCT) {
    let n = load<i32>(r, TypeRec.NFIELDS);
    let fr = image + <usize>load<u32>(r, TypeRec.FIELDS);
    for (let i = 0; i < n; i++) {
      let ft = load<i32>(fr + <usize>i * 12, 4);
      let off = <usize>load<u32>(fr + <usize>i * 12, 8);
      h = h * 31 + hashfield(ft, p + off, false);
    }
  } else {
    let et = load<i32>(r, TypeRec.ELEM);
    let n = load<i32>(r, TypeRec.LEN);
    let es = elemsize(et, typekind(et));
    for (let i = 0; i < n; i++) h = h * 31 + hashfield(et, p + <usize>i * es, true);
  }
  return h;
}

function hashfield(t: i32, p: usize, inArray: bool): u32 {
  let k = typekind(t);
  if (k == Kind.STRUCT || k == Kind.ARRAY) return hashblock(t, p);
  if (inArray && (k == Kind.INT8 || k == Kind.UINT8)) return mix(<u64>load<u8>(p));
  if (k == Kind.SLICE || k == Kind.MAP || k == Kind.FUNC) {
    unhashable = t;
    return 0;
  }
  return hashword(k, load<i64>(p));
}

/** Hash of a key of map m. */
function keyhash(m: Hmap, k: i64): u32 {
  if (m.keykind == Kind.STRUCT || m.keykind == Kind.ARRAY) return hashblock(m.keytype, <usize>k);
  return hashword(m.keykind, k);
}

function keyeq(m: Hmap, a: i64, b: i64): bool {
  let kind = m.keykind;
  switch (kind) {
    case Kind.STRUCT:
    case Kind.ARRAY: return valeq(m.keytype, a, b);
    case Kind.STRING: return eqstring(<usize>a, <usize>b);
    case Kind.FLOAT64: return reinterpret<f64>(a) == reinterpret<f64>(b);
    case Kind.INTERFACE: return efaceeq(<usize>a, <usize>b);
  }
  return a == b;
}

export function makemap(imm: i32, hint: i64): usize {
  let kind = imm & 0xff;
  if ((kind == Kind.STRUCT || kind == Kind.ARRAY) && (imm >> 8) == 0) throwstr("MAKEMAP: a struct or array key needs its type id");
  let m = changetype<Hmap>(mallocgc(offsetof<Hmap>()));
  m.keykind = kind;
  m.keytype = imm >> 8;
  let cap = 8;
  while (<i64>cap < hint && cap < (1 << 24)) cap <<= 1;
  alloc(m, cap);
  return changetype<usize>(m);
}

function alloc(m: Hmap, cap: i32): void {
  let ne = mallocgc(<usize>cap * ENTRY);
  if (m.nentries > 0) memory.copy(ne, m.entries, <usize>m.nentries * ENTRY);
  m.entries = ne;
  m.cap = cap;
  let isz = cap * 2;
  m.index = mallocgc(<usize>isz << 2);
  m.mask = isz - 1;
  for (let i = 0; i < m.nentries; i++) {
    let e = ne + <usize>i * ENTRY;
    if (load<i32>(e, 20)) insertindex(m, load<u32>(e, 16), i);
  }
}

function insertindex(m: Hmap, h: u32, n: i32): void {
  let i = <i32>h & m.mask;
  while (load<i32>(m.index + (<usize>i << 2)) != 0) i = (i + 1) & m.mask;
  store<i32>(m.index + (<usize>i << 2), n + 1);
}

/** The entry holding key k, or 0. */
function find(m: Hmap, k: i64, h: u32): usize {
  let i = <i32>h & m.mask;
  for (;;) {
    let slot = load<i32>(m.index + (<usize>i << 2));
    if (slot == 0) return 0;
    let e = m.entries + <usize>(slot - 1) * ENTRY;
    if (load<i32>(e, 20) && load<u32>(e, 16) == h && keyeq(m, load<i64>(e), k)) return e;
    i = (i + 1) & m.mask;
  }
  return 0; // not reached
}

function badkey(): i32 {
  let t = unhashable;
  unhashable = 0;
  return panicRuntime(PanicCode.UNHASHABLE, t, 0);
}

/** MAPGET kind: m k -> v ok. */
export function mapget(kind: i32): i32 {
  let k = pop();
  let mp = <usize>pop();
  let v: i64 = 0;
  let ok: i64 = 0;
  if (mp != 0) {
    let m = changetype<Hmap>(mp);
    let h = keyhash(m, k);
    if (unhashable) return badkey();
    resetUncomparable();
    let e = find(m, k, h);
    if (e != 0) {
      v = load<i64>(e, 8);
      ok = 1;
    }
  } else {
    hashword(kind, k);
    if (unhashable) return badkey();
  }
  push(v);
  push(ok);
  setregs(vpc + 5, vsp, vfp, vhdr, vcode);
  return 0;
}

/** MAPSET kind: m k v ->. */
export function mapset(kind: i32): i32 {
  let v = pop();
  let k = pop();
  let mp = <usize>pop();
  if (mp == 0) return panicRuntime(PanicCode.NILMAP, 0, 0);
  let m = changetype<Hmap>(mp);
  let h = keyhash(m, k);
  if (unhashable) return badkey();
  resetUncomparable();
  let e = find(m, k, h);
  if (e == 0) {
    if (m.nentries == m.cap) alloc(m, m.cap * 2);
    let n = m.nentries++;
    e = m.entries + <usize>n * ENTRY;
    store<i64>(e, k);
    store<u32>(e, h, 16);
    store<i32>(e, 1, 20);
    insertindex(m, h, n);
    m.count++;
  }
  store<i64>(e, v, 8);
  setregs(vpc + 5, vsp, vfp, vhdr, vcode);
  return 0;
}

/** MAPDELETE kind: m k ->. */
export function mapdelete(kind: i32): i32 {
  let k = pop();
  let mp = <usize>pop();
  if (mp != 0) {
    let m = changetype<Hmap>(mp);
    let h = keyhash(m, k);
    if (unhashable) return badkey();
    let e = find(m, k, h);
    if (e != 0) {
      store<i32>(e, 0, 20);
      store<i64>(e, 0, 8);
      m.count--;
    }
  }
  setregs(vpc + 5, vsp, vfp, vhdr, vcode);
  return 0;
}

export function maplen(mp: usize): i32 {
  return mp == 0 ? 0 : changetype<Hmap>(mp).count;
}

export function mapiter(mp: usize): usize {
  let it = changetype<Hiter>(mallocgc(offsetof<Hiter>()));
  it.m = mp;
  if (mp != 0) {
    it.n = changetype<Hmap>(mp).nentries;
    it.start = it.n > 0 ? <i32>(fastrand() % <u32>it.n) : 0;
  }
  return changetype<usize>(it);
}

/**
 * The next entry of an iterator, for reflection (fmt prints maps through
 * internal/reflectlite): writes the key and value words at kv and kv+8 and
 * returns true, or returns false when the iteration is over.
 */
export function mapiternext(itp: usize, kv: usize): bool {
  let it = changetype<Hiter>(itp);
  if (it.m == 0) return false;
  let m = changetype<Hmap>(it.m);
  while (it.k < it.n) {
    let i = (it.start + it.k) % it.n;
    it.k++;
    let e = m.entries + <usize>i * ENTRY;
    if (load<i32>(e, 20)) {
      store<i64>(kv, load<i64>(e));
      store<i64>(kv, load<i64>(e, 8), 8);
      return true;
    }
  }
  return false;
}

/** MAPNEXT: it -> k v ok. */
export function mapnext(): i32 {
  let it = changetype<Hiter>(<usize>pop());
  let k: i64 = 0, v: i64 = 0, ok: i64 = 0;
  if (it.m != 0) {
    let m = changetype<Hmap>(it.m);
    while (it.k < it.n) {
      let i = (it.start + it.k) % it.n;
      it.k++;
      let e = m.entries + <usize>i * ENTRY;
      if (load<i32>(e, 20)) {
        k = load<i64>(e);
        v = load<i64>(e, 8);
        ok = 1;
        break;
      }
    }
  }
  push(k);
  push(v);
  push(ok);
  setregs(vpc + 1, vsp, vfp, vhdr, vcode);
  return 0;
}
