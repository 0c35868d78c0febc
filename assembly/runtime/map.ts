// Maps (go runtime/map.go in spirit, not in layout): an insertion-ordered
// array of entries {key, val, hash, live} plus an open-addressing index of
// entry numbers. Entries never move (growth copies them in order and a
// delete only clears `live`), so an iterator is a position: it visits the
// entries that existed when it started, in a rotation that starts at a
// random place (Go randomises iteration order), skipping deleted ones and
// reading values as they are at the visit.
//
// The key immediate of the map ops is the key's Kind (src/compiler): words,
// strings (by contents), floats (+0 == -0, NaN never matches) and interfaces
// (Go equality; an uncomparable dynamic type panics UNHASHABLE). Struct and
// array keys would need the key's type id: not supported in v1.
import { Kind, PanicCode, TypeRec } from "../abi";
import { mallocgc } from "./malloc";
import { strdata, strlen, eqstring } from "./string";
import { efaceeq, uncomparable, resetUncomparable, ifacetype, ifacedata } from "./iface";
import { typekind, typerec } from "../vm/image";
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
      if (tk == Kind.SLICE || tk == Kind.MAP || tk == Kind.FUNC) {
        unhashable = t;
        return 0;
      }
      if (tk == Kind.STRUCT || tk == Kind.ARRAY) return mix(<u64>t); // equal values share a bucket chain
      return hashword(tk, ifacedata(e)) ^ <u32>t;
    }
  }
  return mix(<u64>k);
}

function keyeq(kind: i32, a: i64, b: i64): bool {
  switch (kind) {
    case Kind.STRING: return eqstring(<usize>a, <usize>b);
    case Kind.FLOAT64: return reinterpret<f64>(a) == reinterpret<f64>(b);
    case Kind.INTERFACE: return efaceeq(<usize>a, <usize>b);
  }
  return a == b;
}

export function makemap(kind: i32, hint: i64): usize {
  if (kind == Kind.STRUCT || kind == Kind.ARRAY) throwstr("maps with struct or array keys are not supported yet");
  let m = changetype<Hmap>(mallocgc(offsetof<Hmap>()));
  m.keykind = kind;
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
    if (load<i32>(e, 20) && load<u32>(e, 16) == h && keyeq(m.keykind, load<i64>(e), k)) return e;
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
    let h = hashword(m.keykind, k);
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
  let h = hashword(m.keykind, k);
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
    let h = hashword(m.keykind, k);
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
