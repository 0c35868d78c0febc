// The program image of docs/bytecode.md: ImageBuilder collects functions,
// types, method names, strings and globals, and build() lays them out.
// Code is the per-function emitter: opcode + immediates, labels with jump
// fixups, and the operand-stack depth bound the func record needs.
//
// Layout written by build(), every section 8-aligned:
//   header | func records | type offset table | type records (+ field and
//   method records) | method name table | string headers | string bytes | code
// STRCONST immediates are string indices while code is being emitted and are
// patched to header offsets by build(), since the offsets are known only then.

import { FuncRec, IMAGE_MAGIC, IMAGE_VERSION, Img, Kind, Op, PosRec, TypeId, TypeRec } from '../../host/abi/defs.js';
import { opInfo } from './opinfo.js';

// ---- the code emitter ------------------------------------------------------

export class Label {
  pos = -1; // byte offset once bound
  refs: number[] = []; // offsets of i32 immediates to patch
  depth = -1; // operand depth at the jumps to it
}

/**
 * An i32 immediate. Past 2^31-1 it can only be a size, offset or length of a
 * type larger than the memory (types.ts computes them exactly): it is
 * saturated, never wrapped. No object that large can exist (ALLOC of it is
 * "out of memory", every other op on it meets a nil base first), so the op
 * behaves as it would with the exact value (docs/bytecode.md "Nil checks" 4).
 */
function imm32(op: string, v: number): number {
  if (!Number.isInteger(v) || v < -0x80000000) throw new Error(`emit: ${op}: immediate ${v} is not an i32`);
  return Math.min(v, 0x7fffffff);
}

export class Code {
  private buf = new Uint8Array(256);
  len = 0;
  depth = 0;
  maxDepth = 0;
  /** offsets of STRCONST immediates that hold string indices */
  readonly strFixups: number[] = [];
  /** LINE ops: where, the line, and the file when a //line directive made it another than the function's */
  lines: [pc: number, line: number, file: string | undefined][] = [];
  private lastLine = -1;
  private lastFile: string | undefined = undefined;

  private dv = new DataView(this.buf.buffer);
  /** Run once just before the next op is emitted (FnGen's order pass: the calls a statement hoists). */
  private pending: (() => void) | undefined = undefined;

  /** Arm (or, with undefined, disarm) the code emitted just before the next op. */
  beforeNext(f: (() => void) | undefined): void {
    this.pending = f;
  }

  /** Emit what beforeNext armed now, if it has not been emitted yet. */
  fire(): void {
    const f = this.pending;
    if (!f) return;
    this.pending = undefined;
    f();
  }

  private grow(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const nb = new Uint8Array(cap);
    nb.set(this.buf.subarray(0, this.len));
    this.buf = nb;
    this.dv = new DataView(nb.buffer);
  }

  private u8(v: number): void {
    this.grow(1);
    this.buf[this.len++] = v;
  }

  private i32(v: number): void {
    this.grow(4);
    this.dv.setInt32(this.len, v, true);
    this.len += 4;
  }

  private i64(v: bigint): void {
    this.grow(8);
    this.dv.setBigInt64(this.len, BigInt.asIntN(64, v), true);
    this.len += 8;
  }

  /** Adjust the tracked operand depth. */
  adjust(pop: number, push: number): void {
    this.depth -= pop;
    if (this.depth < 0) this.depth = 0; // unreachable code after a jump may under-run
    this.depth += push;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
  }

  /**
   * Emit an op. Ops with a fixed stack effect (opinfo.ts) need only their
   * immediates; the others must give pop/push.
   */
  op(code: number, imms: (number | bigint)[] = [], pop?: number, push?: number): void {
    this.fire();
    const info = opInfo(code);
    if (!info) throw new Error(`emit: no opcode ${code}`);
    if (imms.length !== info.imms.length) {
      throw new Error(`emit: ${info.name} takes ${info.imms.length} immediates, got ${imms.length}`);
    }
    this.u8(code);
    info.imms.forEach((kind, i) => {
      const v = imms[i];
      if (kind === 'i64') this.i64(typeof v === 'bigint' ? v : BigInt(v));
      else this.i32(imm32(info.name, Number(v)));
    });
    const p = pop ?? info.pop;
    const q = push ?? info.push;
    if (p === null || q === null) throw new Error(`emit: ${info.name} needs an explicit stack effect`);
    this.adjust(p, q);
  }

  const(v: number | bigint): void {
    this.op(Op.CONST, [typeof v === 'bigint' ? v : BigInt(v)]);
  }

  /** STRCONST of string table index `idx` (ImageBuilder.str). */
  strconst(idx: number): void {
    this.fire();
    this.strFixups.push(this.len + 1);
    this.op(Op.STRCONST, [idx]);
  }

  call(f: number, nargs: number, nres: number): void {
    this.op(Op.CALL, [f], nargs, nres);
  }

  intrinsic(id: number, nargs: number, nres: number): void {
    this.op(Op.INTRINSIC, [id], nargs, nres);
  }

  /** The source line of the code that follows; `file` if not the function's own (ImageBuilder.build resolves it). */
  line(n: number, file?: string): void {
    if (n === this.lastLine && file === this.lastFile) return;
    this.fire();
    this.lastLine = n;
    this.lastFile = file;
    this.lines.push([this.len, n, file]);
    this.op(Op.LINE, [n]);
  }

  /** Forget the last LINE so the next line() emits again (after a jump target). */
  resetLine(): void {
    this.lastLine = -1;
  }

  label(): Label {
    return new Label();
  }

  /** JMP, JMPIF or JMPIFNOT to a label, bound or not. */
  jump(code: number, l: Label): void {
    this.op(code, [0]);
    const at = this.len - 4;
    if (l.pos >= 0) this.patch(at, l.pos);
    else l.refs.push(at);
    if (l.depth < 0) l.depth = this.depth;
  }

  bind(l: Label): void {
    if (l.pos >= 0) throw new Error('emit: label bound twice');
    l.pos = this.len;
    for (const at of l.refs) this.patch(at, l.pos);
    l.refs = [];
    if (l.depth >= 0) this.depth = l.depth;
    else l.depth = this.depth;
    this.lastLine = -1;
  }

  private patch(at: number, target: number): void {
    this.dv.setInt32(at, target, true);
  }

  get pc(): number {
    return this.len;
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

// ---- the image --------------------------------------------------------------

export interface FuncDef {
  code: Code | Uint8Array;
  nparams: number;
  nresults: number;
  nlocals: number;
  /** operand depth bound; taken from Code when omitted */
  maxstack?: number;
  /** byte offset of the epilogue run after a recovered panic, or -1 */
  recoverpc?: number;
  variadic?: boolean;
  /** string indices patched in code (only for a raw Uint8Array with STRCONSTs) */
  strFixups?: number[];
}

export interface FieldDef {
  name: string;
  type: number;
  offset: number;
}

export interface TypeDef {
  kind: number;
  size: number;
  name: string;
  elem?: number;
  key?: number;
  len?: number;
  fields?: FieldDef[];
  /** method id -> func index; interface types list their methods with func 0 */
  methods?: { id: number; func: number }[];
}

interface FuncSlot {
  name: string;
  file: string;
  def: FuncDef | null;
}

const basicNames: [number, number, string][] = [
  [TypeId.BOOL, Kind.BOOL, 'bool'],
  [TypeId.INT, Kind.INT, 'int'],
  [TypeId.INT8, Kind.INT8, 'int8'],
  [TypeId.INT16, Kind.INT16, 'int16'],
  [TypeId.INT32, Kind.INT32, 'int32'],
  [TypeId.INT64, Kind.INT64, 'int64'],
  [TypeId.UINT, Kind.UINT, 'uint'],
  [TypeId.UINT8, Kind.UINT8, 'uint8'],
  [TypeId.UINT16, Kind.UINT16, 'uint16'],
  [TypeId.UINT32, Kind.UINT32, 'uint32'],
  [TypeId.UINT64, Kind.UINT64, 'uint64'],
  [TypeId.UINTPTR, Kind.UINTPTR, 'uintptr'],
  [TypeId.FLOAT64, Kind.FLOAT64, 'float64'],
  [TypeId.STRING, Kind.STRING, 'string'],
  [TypeId.UNSAFE_POINTER, Kind.UINTPTR, 'unsafe.Pointer'],
];

export class ImageBuilder {
  private funcs: FuncSlot[] = [];
  private types: (TypeDef | null)[] = [];
  private strings: string[] = [];
  private strIndex = new Map<string, number>();
  private methodNames: string[] = [];
  private methodIndex = new Map<string, number>();
  private globalNames: string[] = [];
  entry = -1;
  hookFatalpanic = -1;
  hookPanicRuntime = -1;

  constructor() {
    // Type ids below FIRST_USER_TYPE are the predeclared types; id 0 is nil.
    this.types.push({ kind: 0, size: 0, name: 'nil' });
    for (const [id, kind, name] of basicNames) this.types[id] = { kind, size: 8, name };
    while (this.types.length < TypeId.FIRST_USER_TYPE) this.types.push(null);
  }

  /** Intern a string; returns its index in the strings table (for Code.strconst). */
  str(s: string): number {
    // ASCII is its own UTF-8
    return this.byteStr(/^[\x00-\x7f]*$/.test(s) ? s : latin1(new TextEncoder().encode(s)));
  }

  /**
   * Intern a Go string given as a byte string (one char 0-255 per byte, as
   * the compiler holds Go string constants so that "\xff" survives).
   */
  byteStr(s: string): number {
    let i = this.strIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.strIndex.set(s, i);
    }
    return i;
  }

  /** The method id of a method key (one table for the whole program); name is what messages show. */
  methodId(key: string, name = key): number {
    let i = this.methodIndex.get(key);
    if (i === undefined) {
      i = this.methodNames.length;
      this.methodNames.push(name);
      this.methodIndex.set(key, i);
    }
    return i;
  }

  /** Reserve a function index before its code exists (calls may precede definitions). */
  declareFunc(name: string, file = ''): number {
    this.funcs.push({ name, file, def: null });
    return this.funcs.length - 1;
  }

  defineFunc(index: number, def: FuncDef): void {
    const slot = this.funcs[index];
    if (!slot) throw new Error(`image: no function ${index}`);
    slot.def = def;
  }

  addFunc(name: string, file: string, def: FuncDef): number {
    const i = this.declareFunc(name, file);
    this.defineFunc(i, def);
    return i;
  }

  funcName(index: number): string {
    return this.funcs[index]?.name ?? `?${index}`;
  }

  get nfuncs(): number {
    return this.funcs.length;
  }

  /** Reserve a type id (recursive types reference themselves before they are complete). */
  reserveType(): number {
    this.types.push(null);
    return this.types.length - 1;
  }

  defineType(id: number, def: TypeDef): void {
    if (id < TypeId.FIRST_USER_TYPE) throw new Error(`image: type ${id} is predeclared`);
    this.types[id] = def;
  }

  addType(def: TypeDef): number {
    const id = this.reserveType();
    this.defineType(id, def);
    return id;
  }

  typeDef(id: number): TypeDef | null {
    return this.types[id] ?? null;
  }

  /** Allocate a global word; returns its index. */
  addGlobal(name: string): number {
    this.globalNames.push(name);
    return this.globalNames.length - 1;
  }

  get nglobals(): number {
    return this.globalNames.length;
  }

  build(): Uint8Array {
    for (const [i, f] of this.funcs.entries()) {
      if (!f.def) throw new Error(`image: function ${i} ${f.name} declared but not defined`);
      this.str(f.name);
      this.str(f.file);
    }
    for (const [i, t] of this.types.entries()) {
      if (i > 0 && i < TypeId.FIRST_USER_TYPE && !t) continue;
      if (!t) throw new Error(`image: type ${i} reserved but not defined`);
      this.str(t.name);
      for (const f of t.fields ?? []) this.str(f.name);
    }
    for (const m of this.methodNames) this.str(m);
    // LINE ops in another file than their function's: position records
    const positions: { file: string; line: number }[] = [];
    const posFixups = new Map<number, [pc: number, index: number][]>();
    for (const [i, f] of this.funcs.entries()) {
      const code = (f.def as FuncDef).code;
      if (!(code instanceof Code)) continue;
      for (const [pc, line, file] of code.lines) {
        if (file === undefined || file === f.file) continue;
        this.str(file);
        let fix = posFixups.get(i);
        if (!fix) posFixups.set(i, (fix = []));
        fix.push([pc, positions.length]);
        positions.push({ file, line });
      }
    }

    const strBytes = this.strings.map((s) => Uint8Array.from(s, (c) => c.charCodeAt(0)));
    const codes = this.funcs.map((f) => {
      const d = f.def as FuncDef;
      return d.code instanceof Code ? d.code.bytes() : d.code;
    });

    const align = (n: number): number => (n + 7) & ~7;
    let off = Img.HEADER_SIZE;
    const funcsOff = off;
    off = align(off + this.funcs.length * Img.FUNC_SIZE);
    const typesOff = off;
    off = align(off + this.types.length * 4);
    const typeRecOff: number[] = [];
    for (const t of this.types) {
      typeRecOff.push(off);
      if (!t) continue;
      off += TypeRec.SIZEOF + (t.fields?.length ?? 0) * 12 + (t.methods?.length ?? 0) * 8;
      off = align(off);
    }
    const methodNamesOff = off;
    off = align(off + this.methodNames.length * 4);
    const positionsOff = off;
    off = align(off + positions.length * PosRec.SIZE);
    const stringsOff = off;
    off = align(off + this.strings.length * 8);
    const strDataOff: number[] = [];
    for (const b of strBytes) {
      strDataOff.push(off);
      off += b.length;
    }
    off = align(off);
    const codeOff: number[] = [];
    for (const c of codes) {
      codeOff.push(off);
      off = align(off + c.length);
    }
    const total = off;

    const img = new Uint8Array(total);
    const dv = new DataView(img.buffer);
    const u32 = (at: number, v: number): void => dv.setUint32(at, v >>> 0, true);
    // sizes, lengths and offsets of types larger than the memory: saturated like imm32's
    const sat = (v: number): number => Math.min(v, 0x7fffffff);
    const i32 = (at: number, v: number): void => dv.setInt32(at, v, true);
    const strHdr = (s: string): number => stringsOff + this.str(s) * 8;
    if (this.strings.length !== strBytes.length) throw new Error('image: string interned during build');

    u32(Img.MAGIC, IMAGE_MAGIC);
    u32(Img.VERSION, IMAGE_VERSION);
    u32(Img.NFUNCS, this.funcs.length);
    u32(Img.FUNCS, funcsOff);
    u32(Img.NTYPES, this.types.length);
    u32(Img.TYPES, typesOff);
    u32(Img.NMETHODNAMES, this.methodNames.length);
    u32(Img.METHODNAMES, methodNamesOff);
    u32(Img.NGLOBALS, this.globalNames.length);
    i32(Img.ENTRY, this.entry);
    u32(Img.NSTRINGS, this.strings.length);
    u32(Img.STRINGS, stringsOff);
    i32(Img.HOOK_FATALPANIC, this.hookFatalpanic);
    i32(Img.HOOK_PANICRUNTIME, this.hookPanicRuntime);
    u32(Img.NPOSITIONS, positions.length);
    u32(Img.POSITIONS, positionsOff);
    for (const [i, p] of positions.entries()) {
      u32(positionsOff + i * PosRec.SIZE + PosRec.FILE, strHdr(p.file));
      u32(positionsOff + i * PosRec.SIZE + PosRec.LINE, p.line);
    }

    for (const [i, f] of this.funcs.entries()) {
      const d = f.def as FuncDef;
      const r = funcsOff + i * Img.FUNC_SIZE;
      const code = codes[i];
      img.set(code, codeOff[i]);
      const fix = d.code instanceof Code ? d.code.strFixups : d.strFixups ?? [];
      for (const at of fix) {
        const idx = dv.getInt32(codeOff[i] + at, true);
        i32(codeOff[i] + at, stringsOff + idx * 8);
      }
      for (const [pc, index] of posFixups.get(i) ?? []) i32(codeOff[i] + pc + 1, ~index);
      u32(r + FuncRec.CODE, codeOff[i]);
      u32(r + FuncRec.CODELEN, code.length);
      u32(r + FuncRec.NPARAMS, d.nparams);
      u32(r + FuncRec.NRESULTS, d.nresults);
      // RET moves the results to where the arguments were: a frame keeps at
      // least nresults words below its header so the move never overwrites it
      u32(r + FuncRec.NLOCALS, Math.max(d.nlocals, d.nresults));
      u32(r + FuncRec.MAXSTACK, d.maxstack ?? (d.code instanceof Code ? d.code.maxDepth : 64));
      u32(r + FuncRec.NAME, strHdr(f.name));
      u32(r + FuncRec.FILE, strHdr(f.file));
      i32(r + FuncRec.RECOVERPC, d.recoverpc ?? -1);
      u32(r + FuncRec.FLAGS, d.variadic ? 1 : 0);
    }

    for (const [i, t] of this.types.entries()) {
      if (!t) {
        u32(typesOff + i * 4, 0);
        continue;
      }
      const r = typeRecOff[i];
      u32(typesOff + i * 4, r);
      const nf = t.fields?.length ?? 0;
      const methods = [...(t.methods ?? [])].sort((a, b) => a.id - b.id);
      u32(r + TypeRec.KIND, t.kind);
      u32(r + TypeRec.SIZE, sat(t.size));
      u32(r + TypeRec.NAME, strHdr(t.name));
      u32(r + TypeRec.ELEM, t.elem ?? 0);
      u32(r + TypeRec.KEY, t.key ?? 0);
      u32(r + TypeRec.LEN, sat(t.len ?? 0));
      u32(r + TypeRec.NFIELDS, nf);
      u32(r + TypeRec.FIELDS, nf ? r + TypeRec.SIZEOF : 0);
      u32(r + TypeRec.NMETHODS, methods.length);
      const mo = r + TypeRec.SIZEOF + nf * 12;
      u32(r + TypeRec.METHODS, methods.length ? mo : 0);
      (t.fields ?? []).forEach((f, j) => {
        const fr = r + TypeRec.SIZEOF + j * 12;
        u32(fr, strHdr(f.name));
        u32(fr + 4, f.type);
        u32(fr + 8, sat(f.offset));
      });
      methods.forEach((m, j) => {
        u32(mo + j * 8, m.id);
        u32(mo + j * 8 + 4, m.func);
      });
    }

    for (const [i, m] of this.methodNames.entries()) u32(methodNamesOff + i * 4, strHdr(m));

    for (const [i, b] of strBytes.entries()) {
      u32(stringsOff + i * 8, strDataOff[i]);
      u32(stringsOff + i * 8 + 4, b.length);
      img.set(b, strDataOff[i]);
    }
    return img;
  }
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
}
