// Type records of the image: one canonical id per Go type that can be boxed
// in an interface (or named by an assertion), with the method tables the
// core's CALLIFACE and ASSERTIFACE use. Method tables are filled in last,
// when every function index exists, adding wrappers where the word an
// interface holds is not the receiver the method expects.

import { Kind, Op, TypeId } from '../../host/abi/defs.js';
import type { Code } from './image.js';
import type { Compiler } from './compiler.js';
import type { FuncObj } from './objects.js';
import * as T from './types.js';

const basicIds: Partial<Record<T.BasicKind, number>> = {
  bool: TypeId.BOOL, int: TypeId.INT, int8: TypeId.INT8, int16: TypeId.INT16, int32: TypeId.INT32,
  int64: TypeId.INT64, uint: TypeId.UINT, uint8: TypeId.UINT8, uint16: TypeId.UINT16, uint32: TypeId.UINT32,
  uint64: TypeId.UINT64, uintptr: TypeId.UINTPTR, float64: TypeId.FLOAT64, string: TypeId.STRING,
  'unsafe.Pointer': TypeId.UNSAFE_POINTER,
};

const kindOf: Partial<Record<T.BasicKind, number>> = {
  bool: Kind.BOOL, int: Kind.INT, int8: Kind.INT8, int16: Kind.INT16, int32: Kind.INT32, int64: Kind.INT64,
  uint: Kind.UINT, uint8: Kind.UINT8, uint16: Kind.UINT16, uint32: Kind.UINT32, uint64: Kind.UINT64,
  uintptr: Kind.UINTPTR, float64: Kind.FLOAT64, string: Kind.STRING,
};

export function typeKind(t: T.Type): number {
  const u = T.under(t);
  switch (u.t) {
    case 'basic': return kindOf[u.kind] ?? 0;
    case 'pointer': return Kind.POINTER;
    case 'slice': return Kind.SLICE;
    case 'array': return Kind.ARRAY;
    case 'struct': return Kind.STRUCT;
    case 'map': return Kind.MAP;
    case 'chan': return Kind.CHAN;
    case 'func': return Kind.FUNC;
    case 'interface': return Kind.INTERFACE;
    default: return 0;
  }
}

/** The %T name of a type: package names always qualify. */
export function runtimeName(t: T.Type): string {
  return T.typeString(t, (n) => n.pkgName, true);
}

/** Canonical key: full package paths, so two packages' T differ. */
export function typeKey(t: T.Type): string {
  // reflect's form lists an interface's full method set, so interface{ io.Reader } keys as its methods do
  return T.typeString(t, (n) => n.pkg + '#' + uid(n), true);
}

let namedUid = 0;
const uids = new WeakMap<T.Named, number>();
/** Named types are identical only to themselves: key them by identity. */
function uid(n: T.Named): number {
  let u = uids.get(n);
  if (u === undefined) {
    u = ++namedUid;
    uids.set(n, u);
  }
  return u;
}

export class TypeRecords {
  private named = new Map<T.Named, number>();
  private byKey = new Map<string, number>();
  private types = new Map<number, T.Type>();
  private done = new Set<number>();

  constructor(private c: Compiler) {}

  id(t: T.Type): number {
    if (t.t === 'basic') {
      const b = basicIds[t.kind];
      if (b !== undefined) return b;
      return TypeId.NIL;
    }
    if (t.t === 'named') {
      const n = this.named.get(t);
      if (n !== undefined) return n;
      const id = this.c.b.reserveType();
      this.named.set(t, id);
      this.fill(id, t);
      return id;
    }
    const key = typeKey(t);
    const k = this.byKey.get(key);
    if (k !== undefined) return k;
    const id = this.c.b.reserveType();
    this.byKey.set(key, id);
    this.fill(id, t);
    return id;
  }

  private fill(id: number, t: T.Type): void {
    this.types.set(id, t);
    const u = T.under(t);
    const def = {
      kind: typeKind(t),
      size: T.sizeOf(t),
      name: runtimeName(t),
      elem: 0,
      key: 0,
      len: 0,
      fields: [] as { name: string; type: number; offset: number }[],
      methods: [] as { id: number; func: number }[],
    };
    this.c.b.defineType(id, def);
    switch (u.t) {
      case 'pointer':
      case 'slice':
      case 'chan':
        def.elem = this.id(u.elem);
        break;
      case 'array':
        def.elem = this.id(u.elem);
        def.len = u.len;
        break;
      case 'map':
        def.key = this.id(u.key);
        def.elem = this.id(u.elem);
        break;
      case 'struct':
        u.fields.forEach((f, i) => def.fields.push({ name: f.name, type: this.id(f.type), offset: T.fieldOffset(u, i) }));
        break;
      case 'interface':
        for (const m of T.ifaceMethods(u)) def.methods.push({ id: this.c.methodId(m.name, m.pkg, m.sig), func: 0 });
        this.done.add(id);
        break;
    }
  }

  /** Fill method tables of every recorded type; new wrappers may record new types. */
  finish(): void {
    for (let round = 0; round < 10; round++) {
      const todo = [...this.types.entries()].filter(([id]) => !this.done.has(id));
      if (!todo.length) return;
      for (const [id, t] of todo) {
        this.done.add(id);
        const def = this.c.b.typeDef(id);
        if (def) def.methods = this.methodTable(t);
      }
    }
  }

  private methodTable(t: T.Type): { id: number; func: number }[] {
    const isPtr = t.t === 'pointer';
    const base = isPtr ? t.elem : t;
    if (T.under(t).t === 'interface') return [];
    const out = new Map<number, number>();
    const names = new Set<string>();
    // methods declared on the named type itself
    if (base.t === 'named') {
      for (const m of base.methods) {
        if (m.ptrRecv && !isPtr) continue;
        const fo = m.fn as FuncObj;
        let f = fo.index;
        if (!m.ptrRecv && isPtr) f = this.valueWrapper(base, fo);
        out.set(this.c.methodId(m.name, m.pkg, m.sig), f);
        names.add(m.name);
      }
    }
    // promoted methods through embedded fields
    const st = T.under(base);
    if (st.t === 'struct' && st.fields.some((f) => f.embedded)) {
      for (const name of this.promotedNames(st)) {
        if (names.has(name.name)) continue;
        const sel = T.lookup(t, name.name, name.pkg);
        if (!sel || sel === 'ambiguous' || sel.k === 'field') continue;
        if (sel.k === 'method' && sel.method.ptrRecv && !isPtr && !sel.indirect) continue;
        out.set(this.c.methodId(name.name, name.pkg, sel.method.sig), this.promotedWrapper(t, name.name, name.pkg));
      }
    }
    return [...out.entries()].map(([id, func]) => ({ id, func }));
  }

  private promotedNames(st: T.StructT, depth = 0): { name: string; pkg: string }[] {
    const out: { name: string; pkg: string }[] = [];
    if (depth > 4) return out;
    for (const f of st.fields) {
      if (!f.embedded) continue;
      const ft = f.type.t === 'pointer' ? f.type.elem : f.type;
      if (ft.t === 'named') for (const m of ft.methods) out.push({ name: m.name, pkg: m.pkg });
      const u = T.under(ft);
      if (u.t === 'interface') for (const m of T.ifaceMethods(u)) out.push({ name: m.name, pkg: m.pkg });
      if (u.t === 'struct') out.push(...this.promotedNames(u, depth + 1));
    }
    return out;
  }

  /**
   * (*T).M for a value method M of T: a nil pointer panics with Go's
   * "value method main.T.M called using nil *T pointer" (runtime.panicwrap),
   * otherwise the value (a block's address is the pointer itself) is passed on.
   * Only T's own methods get the check, as in Go: a method promoted into T
   * through a nil *T fails at the nil dereference of the walk.
   */
  valueWrapper(base: T.Named, fo: FuncObj): number {
    const np = fo.sig.params.length + 1;
    const nr = fo.sig.results.length;
    return this.c.synthFunc(`valuewrap:${fo.index}`, `${base.pkgName}.(*${base.name}).${fo.name}`, (code) => {
      const panicwrap = this.c.runtimeFunc('panicwrap');
      if (panicwrap >= 0) {
        const ok = code.label();
        code.op(Op.LOCAL, [0]);
        code.jump(Op.JMPIF, ok);
        for (const s of [base.pkg, base.name, fo.name]) code.strconst(this.c.b.byteStr(s));
        code.call(panicwrap, 3, 0);
        code.bind(ok);
      }
      code.op(Op.LOCAL, [0]);
      loadWord(code, base, 0);
      for (let i = 1; i < np; i++) code.op(Op.LOCAL, [i]);
      code.call(fo.index, np, nr);
      code.op(Op.RET, [], nr, 0);
      return { nparams: np, nresults: nr, nlocals: np };
    });
  }

  /**
   * A method promoted from an embedded field: walk to the field, then call.
   * Also the function of a method expression T.M whose receiver word is not
   * the method's own (promoted, interface, value method through a pointer).
   */
  promotedWrapper(t: T.Type, name: string, pkg: string): number {
    const sel = T.lookup(t, name, pkg);
    if (!sel || sel === 'ambiguous' || sel.k === 'field') return 0;
    const sig = sel.method.sig;
    const np = sig.params.length + 1;
    const nr = sig.results.length;
    return this.c.synthFunc(`promoted:${this.id(t)}:${name}:${pkg}`, `${runtimeName(t)}.${name}`, (code) => {
      code.op(Op.LOCAL, [0]);
      const recvType = emitPath(code, t, sel.path);
      if (sel.k === 'method') {
        const fo = sel.method.fn as FuncObj;
        adaptRecv(code, recvType, sel.method.ptrRecv);
        for (let i = 1; i < np; i++) code.op(Op.LOCAL, [i]);
        code.call(fo.index, np, nr);
      } else {
        for (let i = 1; i < np; i++) code.op(Op.LOCAL, [i]);
        code.op(Op.CALLIFACE, [this.c.methodId(name, sel.method.pkg, sig), np], np, nr);
      }
      code.op(Op.RET, [], nr, 0);
      return { nparams: np, nresults: nr, nlocals: np };
    });
  }
}

/** Load a word of type t from the address on the stack at offset off. */
export function loadWord(code: Code, t: T.Type, off: number): void {
  if (T.isBlock(t)) {
    fieldAddr(code, off);
    return;
  }
  const k = T.basicKind(t);
  if (k === 'uint8') code.op(Op.LOAD8U, [off]);
  else if (k === 'int8') code.op(Op.LOAD8S, [off]);
  else code.op(Op.LOAD, [off]);
}

/**
 * The address of the field at `off` of the block whose address is on top.
 * A pointer is never offset with ADD: FIELDADDR panics on a nil base whatever
 * the offset (docs/bytecode.md "Nil checks"), so `p.x[3]` with a nil p panics
 * as Go does instead of reaching low memory.
 */
export function fieldAddr(code: Code, off: number): void {
  if (off) code.op(Op.FIELDADDR, [off]);
  else code.op(Op.NILCHECK);
}

/**
 * With a value of type t on the stack (a struct, or a pointer to one), walk
 * the embedded fields of `path`; returns the type of the word left, which is
 * the embedded field's value word (its inline block address for a struct).
 */
export function emitPath(code: Code, t: T.Type, path: number[]): T.Type {
  let cur = t;
  for (const i of path) {
    const st = T.under(cur.t === 'pointer' ? cur.elem : cur) as T.StructT;
    const f = st.fields[i];
    loadWord(code, f.type, T.fieldOffset(st, i));
    cur = f.type;
  }
  return cur;
}

/**
 * Turn the receiver word of type `have` into what a method wants: a pointer
 * for pointer receivers (an embedded struct's block address already is one),
 * the value for value receivers (a pointer to a non-block type is loaded).
 */
export function adaptRecv(code: Code, have: T.Type, ptrRecv: boolean): void {
  if (have.t === 'pointer' && !ptrRecv && !T.isBlock(have.elem)) loadWord(code, have.elem, 0);
  else if (have.t === 'pointer' && !ptrRecv) code.op(Op.NILCHECK);
}
