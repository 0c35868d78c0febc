// The wasm engine's translator (docs/backend.md): a program image's bytecode
// (docs/bytecode.md), function by function, into one WebAssembly module that
// every M instantiates over the shared memory next to its core.wasm.
//
// A compiled function is `(pc, sp, fp, hdr) -> status or sp` and runs the
// frame fp/hdr from the bytecode pc `pc`, which must be a resume point: the
// entry, a jump target, an op the core runs (slowop) or the op after it, the
// recover pc (the labels). Its body is structured: a wasm loop for each loop
// of the bytecode, a block ending at each label; entering at a label inside
// loops goes through their headers' dispatch. Between labels the operand
// stack lives in wasm locals, and the frame's locals are mirrored in wasm
// locals (written through, so the frame in memory is always current for the
// collector, tracebacks and stack growth). The core's registers (vpc vsp vfp
// vhdr vcode) are set only before a call into the core and when a frame
// returns to the core's driver. What it returns:
//   an sp (>= 3)    the frame returned: its results end at sp, the caller goes on
//   RUN_STOPPED  1  the G stopped running on this M (parked, yielded, exited)
//   RUN_REENTER  2  the frames changed under it (a panic, a deferred call, a
//                   recover): the core's driver enters the top frame again at vpc
// (`enter`, the driver's way in, turns a return into 0 with the registers at
// the caller.)
// A call to a function the program knows (CALL f) is a wasm call; closures and
// methods go through the table. Every op not compiled inline is run by the
// core's slowop() through `jslow(op)`, and an inline op's rare case (a nil
// pointer, an index out of range, a zero divisor) does the same, so the
// semantics of everything but plain arithmetic, loads and stores stay in the
// core. The instruction count is charged per segment of straight-line code,
// exactly as the interpreter counts, so the virtual clock, and every trace,
// is the same under both engines.
import { Op, Ctl, Img, FuncRec, Intrinsic, NIL_GUARD, MEMORY_INITIAL_PAGES, MEMORY_MAXIMUM_PAGES } from '../../host/abi/defs.js';
import { opInfo } from '../compiler/opinfo.js';
import { readImage, type ImageFunc } from '../compiler/disasm.js';
import { Bytes, W, FC, FE, I32, I64 } from './wasm.js';

/** Instructions between two safepoint ticks: assembly/vm/interp.ts TICK_EVERY. */
const TICK_EVERY = 10000;
/** Frame header fields: assembly/vm/frame.ts (to move to host/abi/defs.ts, their one definition). */
const H_FP = 0, H_CALLER = 4, H_RETPC = 8, H_FUNC = 12, H_LINE = 16, H_CLOSURE = 20, H_FLAGS = 28, HDR_SIZE = 40;
/** assembly/vm/frame.ts STACK_SLACK: words callfunc() keeps free above a frame's operand stack. */
const STACK_SLACK = 8 * 8;

const RUN_STOPPED = 1;
/**
 * Bytes of native stack the nested wasm calls of compiled code may take
 * (estimated from each caller's locals): past it a call returns to the core's
 * driver, which runs the callee from there, so Go recursion as deep as the G's
 * stack allows never overflows the engine's own stack (a worker's is 4 MiB).
 */
const NATIVE_STACK_BUDGET = 1 << 20;
const RUN_REENTER = 2;

/** The core's globals the program module imports, in import order (assembly/index.ts). */
const GLOBALS = ['vpc', 'vsp', 'vfp', 'vhdr', 'vcode', 'image', 'globals', 'attnaddr', 'jticks', 'gcur'] as const;
/**
 * Immutable globals the program module imports after those: the offset of
 * G.stackhi (assembly/runtime/runtime2.ts), which the inline call set-up
 * compares a new frame's end with, as callfunc() does.
 */
const CONSTS = ['gstackhi'] as const;
const G = Object.fromEntries([...GLOBALS, ...CONSTS].map((n, i) => [n, i])) as Record<
  (typeof GLOBALS)[number] | (typeof CONSTS)[number],
  number
>;
/**
 * The program module's own globals (after the imported ones). G_DEPTH: the
 * estimate of native stack in use. G_TICKS: the core's `jticks` while
 * compiled code runs, and G_IMAGE, G_GLOBALS, G_ATTN: copies of the core's
 * `image`, `globals`, `attnaddr` (fixed once the M has booted). V8 reaches an
 * imported mutable global through a pointer, so a counter updated in every
 * basic block and read at every back edge costs about as much as the loop it
 * counts (a bare Go loop ran 2x faster with the count in a global of its
 * own); `enter` copies these in, and G_TICKS goes back to `jticks` around
 * every call into the core (coreCall) and when `enter` returns.
 */
const G_DEPTH = GLOBALS.length + CONSTS.length;
const G_TICKS = G_DEPTH + 1, G_IMAGE = G_DEPTH + 2, G_GLOBALS = G_DEPTH + 3, G_ATTN = G_DEPTH + 4;
/** Then each CALLIFACE site's method cache: two globals (callframe). */
const NOWNGLOBALS = 5;
/** Every name the program module imports from the core, in order (host/m/worker.ts passes them). */
export const CORE_IMPORTS: readonly string[] = [...GLOBALS, ...CONSTS, 'jslow', 'jsafepoint', 'findmethod'];
/** Imported functions: jslow(op) -> i32, jsafepoint() -> i32, findmethod(type, method) -> func or -1 (assembly/vm/image.ts). */
const F_JSLOW = 0, F_JSAFEPOINT = 1, F_FINDMETHOD = 2, NIMPORTFUNCS = 3;
/**
 * Types: 0 (i32) -> i32 (jslow), 1 (i32 i32) -> i32 (findmethod, enter),
 * 2 () -> i32 (jsafepoint), 3 (pc sp fp hdr) -> i32: a compiled function.
 */
const T_FUNC = 0, T_ENTER = 1, T_NOARGS = 2, T_GO = 3;

export class EngineError extends Error {}

interface Insn {
  pc: number; // byte offset in the function's code
  op: number;
  size: number;
  a: number; // first immediate (i32)
  b: number; // second immediate (i32)
  k: bigint; // CONST's immediate
}

type Func = ImageFunc;

function decode(bytes: Uint8Array, f: Func): Insn[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset + f.code, f.codelen);
  const out: Insn[] = [];
  let line = 0;
  for (let pc = 0; pc < f.codelen; ) {
    const op = dv.getUint8(pc);
    const info = opInfo(op);
    if (!info) throw new EngineError(`${f.file}:${line}: wasm engine: ${f.name}: byte ${op} at pc ${pc} is no opcode`);
    let size = 1;
    const imm: number[] = [];
    let k = 0n;
    for (const t of info.imms) {
      if (t === 'i64') {
        k = dv.getBigInt64(pc + size, true);
        size += 8;
      } else {
        imm.push(dv.getInt32(pc + size, true));
        size += 4;
      }
    }
    if (op === Op.LINE) line = imm[0];
    out.push({ pc, op, size, a: imm[0] ?? 0, b: imm[1] ?? 0, k });
    pc += size;
  }
  return out;
}

/** Ops compiled inline, fully or with a rare case handed to the core. Everything else is an exit. */
const INLINE = new Set<number>([
  Op.NOP, Op.CONST, Op.LOCAL, Op.SETLOCAL, Op.TEELOCAL, Op.GLOBAL, Op.SETGLOBAL, Op.CAPTURE,
  Op.DUP, Op.DROP, Op.SWAP, Op.OVER, Op.STRCONST,
  Op.ADD, Op.SUB, Op.MUL, Op.AND, Op.OR, Op.XOR, Op.ANDNOT, Op.NEG, Op.COMPL, Op.NOT,
  Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE, Op.LTU, Op.LEU, Op.GTU, Op.GEU,
  Op.EXT8S, Op.EXT16S, Op.EXT32S, Op.EXT8U, Op.EXT16U, Op.EXT32U,
  Op.FADD, Op.FSUB, Op.FMUL, Op.FDIV, Op.FNEG, Op.FEQ, Op.FNE, Op.FLT, Op.FLE, Op.FGT, Op.FGE,
  Op.I2F, Op.U2F, Op.F2I, Op.F2U,
  Op.JMP, Op.JMPIF, Op.JMPIFNOT,
  Op.LOAD, Op.LOAD8U, Op.LOAD8S, Op.STORE, Op.STORE8, Op.NILCHECK, Op.FIELDADDR,
  Op.LEN, Op.CAP, Op.STRLEN, Op.LINE,
  Op.DIV, Op.REM, Op.DIVU, Op.REMU, Op.SHL, Op.SHR, Op.SHRU,
  Op.INDEXADDR, Op.ARRAYINDEXADDR, Op.STRINDEX, Op.STRDECODERUNE, Op.IFACETYPE, Op.IFACEDATA,
]);
/**
 * Ops the core's slowop() runs whole (assembly/vm/interp.ts): compiled as exits.
 * An op in neither list (one defs.ts gained since) stops the translator at load
 * below, never a silent guess: slowop() may know only its rare case.
 */
const EXITS = new Set<number>([
  Op.FUNCVAL, Op.CALL, Op.CALLCLOSURE, Op.CALLIFACE, Op.RET, Op.RUNDEFERS, Op.GO, Op.GOCLOSURE, Op.DEFER,
  Op.DEFERCLOSURE, Op.PANIC, Op.RECOVER, Op.INTRINSIC, Op.MAKECLOSURE, Op.ALLOC, Op.COPY, Op.NEWCOPY, Op.ZERO,
  Op.STRSLICE, Op.STRCAT, Op.STRCMP, Op.STREQ, Op.STRFROMBYTES, Op.BYTESFROMSTR, Op.STRFROMRUNE,
  Op.STRFROMRUNES, Op.RUNESFROMSTR, Op.MAKESLICE, Op.SLICE, Op.APPEND, Op.APPENDSLICE,
  Op.COPYSLICE, Op.ARRAYSLICE, Op.SLICELIT, Op.APPENDSTR, Op.MAKEMAP, Op.MAPGET, Op.MAPSET, Op.MAPDELETE,
  Op.MAPLEN, Op.MAPITER, Op.MAPNEXT, Op.MAKEIFACE, Op.ASSERT, Op.ASSERTOK,
  Op.ASSERTIFACE, Op.ASSERTIFACEOK, Op.IFACEEQ, Op.ASSERTI, Op.MAKECHAN, Op.SEND, Op.RECV, Op.RECVOK, Op.CLOSE,
  Op.CHANLEN, Op.CHANCAP, Op.SELECT, Op.PRINTINT, Op.PRINTUINT, Op.PRINTFLOAT, Op.PRINTSTR, Op.PRINTBOOL,
  Op.PRINTPTR, Op.PRINTSP, Op.PRINTNL, Op.PRINTIFACE,
]);
const CALLS = new Set<number>([Op.CALL, Op.CALLCLOSURE, Op.CALLIFACE]);
/**
 * Intrinsics (an exit) compiled inline: reflectlite's memmove (sort.Slice's
 * swaps: three a swap) is one memory.copy, as assembly/runtime/intrinsics.ts
 * does it.
 */
const INLINE_INTRINSICS = new Set<number>([Intrinsic['internal/reflectlite.memmove']]);
/** Is this instruction compiled inline (not an exit to the core)? */
function inline(i: Insn): boolean {
  return INLINE.has(i.op) || (i.op === Op.INTRINSIC && INLINE_INTRINSICS.has(i.a));
}

// Every opcode of defs.ts has a translation: inline, or an exit.
for (const [name, code] of Object.entries(Op)) {
  if (!INLINE.has(code) && !EXITS.has(code)) throw new Error(`wasm engine: no translation for the op ${name} (src/engine/translate.ts)`);
}

const BIN: Record<number, number> = {
  [Op.ADD]: W.i64_add, [Op.SUB]: W.i64_sub, [Op.MUL]: W.i64_mul, [Op.AND]: W.i64_and,
  [Op.OR]: W.i64_or, [Op.XOR]: W.i64_xor,
};
const CMP: Record<number, number> = {
  [Op.EQ]: W.i64_eq, [Op.NE]: W.i64_ne, [Op.LT]: W.i64_lt_s, [Op.LE]: W.i64_le_s, [Op.GT]: W.i64_gt_s,
  [Op.GE]: W.i64_ge_s, [Op.LTU]: W.i64_lt_u, [Op.LEU]: W.i64_le_u, [Op.GTU]: W.i64_gt_u, [Op.GEU]: W.i64_ge_u,
};
const FBIN: Record<number, number> = {
  [Op.FADD]: W.f64_add, [Op.FSUB]: W.f64_sub, [Op.FMUL]: W.f64_mul, [Op.FDIV]: W.f64_div,
};
const FCMP: Record<number, number> = {
  [Op.FEQ]: W.f64_eq, [Op.FNE]: W.f64_ne, [Op.FLT]: W.f64_lt, [Op.FLE]: W.f64_le, [Op.FGT]: W.f64_gt,
  [Op.FGE]: W.f64_ge,
};
const DIVS: Record<number, number> = {
  [Op.DIV]: W.i64_div_s, [Op.REM]: W.i64_rem_s, [Op.DIVU]: W.i64_div_u, [Op.REMU]: W.i64_rem_u,
};
const SHIFTS: Record<number, number> = { [Op.SHL]: W.i64_shl, [Op.SHR]: W.i64_shr_s, [Op.SHRU]: W.i64_shr_u };

// Locals of a compiled function: params $pc $sp $fp $hdr, then the other i32s, then i64s.
const L_PC = 0, L_SP = 1, L_FP = 2, L_HDR = 3, L_LABEL = 4, L_OFF = 5, L_ST = 6, L_CODE = 7, L_NFP = 8, L_NHDR = 9;
const L_REC = 10, L_CLO = 11, L_F = 12;
const NI32 = 12;
const FIRST_I64 = 1 + NI32;
/** The parameters of a compiled function: $pc $sp $fp $hdr. */
const NPARAMS = 4;
const NSCRATCH = 4;

class FuncCompiler {
  private b = new Bytes();
  private insns: Insn[];
  private labels: number[]; // sorted pcs
  private labelOf = new Map<number, number>();
  private segStart: boolean[] = [];
  private segLeft: number[] = []; // ops of its segment after each instruction
  // The virtual operand stack of the current straight-line code: wasm locals
  // holding the words above the first `below` words under $sp already popped.
  private vs: number[] = [];
  private below = 0;
  private maxT = 0;
  /**
   * The structured control open where code is being emitted, outermost
   * first: a `block` ending at label pc, a `loop` whose header is label pc,
   * or an `if` (pc -1). A br's depth is counted on it.
   */
  private ctl: { kind: 'block' | 'loop' | 'if'; pc: number }[] = [];
  /** The loops of the code: header pc -> end pc (the pc after its last instruction). */
  private loops = new Map<number, number>();

  constructor(
    private readonly f: Func,
    bytes: Uint8Array,
    private readonly funcs: readonly Func[],
    /** Where the image's function records start (Img.FUNCS): a closure's callee is looked up there. */
    private readonly funcsOff: number,
    /** CALLIFACE sites numbered so far in the module: each has two globals, its method cache. */
    private readonly sites: { next: number },
  ) {
    this.insns = decode(bytes, f);
    const labels = new Set<number>([0]);
    if (f.recoverpc >= 0) labels.add(f.recoverpc);
    for (const i of this.insns) {
      if (i.op === Op.JMP || i.op === Op.JMPIF || i.op === Op.JMPIFNOT) labels.add(i.a);
      else if (!inline(i)) {
        labels.add(i.pc);
        labels.add(i.pc + i.size);
      }
    }
    this.labels = [...labels].filter((pc) => pc <= f.codelen).sort((x, y) => x - y);
    this.labels.forEach((pc, i) => this.labelOf.set(pc, i));
    this.findLoops();
    // Segments: straight-line runs whose instruction count is charged at their start.
    let start = true;
    for (const i of this.insns) {
      if (this.labelOf.has(i.pc)) start = true;
      this.segStart.push(start);
      start = i.op === Op.JMP || i.op === Op.JMPIF || i.op === Op.JMPIFNOT || !inline(i);
    }
    let left = 0;
    for (let k = this.insns.length - 1; k >= 0; k--) {
      this.segLeft[k] = left;
      left = this.segStart[k] ? 0 : left + 1;
    }
  }

  // ---- emission helpers ---------------------------------------------------

  private op(...codes: number[]): void {
    for (const c of codes) this.b.byte(c);
  }
  private get(l: number): void {
    this.b.byte(W.local_get).u32(l);
  }
  private set(l: number): void {
    this.b.byte(W.local_set).u32(l);
  }
  private gget(g: number): void {
    this.b.byte(W.global_get).u32(g);
  }
  private gset(g: number): void {
    this.b.byte(W.global_set).u32(g);
  }
  private i32(v: number): void {
    this.b.byte(W.i32_const).s32(v);
  }
  private mem(code: number, align: number, offset = 0): void {
    this.b.byte(code).u32(align).u32(offset);
  }
  /** Push the address base + off (an i32; off may be negative). */
  private addr(base: number, off: number): void {
    this.get(base);
    if (off !== 0) {
      this.i32(off);
      this.op(W.i32_add);
    }
  }
  private goLocal(i: number): number {
    return FIRST_I64 + i;
  }
  private scratch(i: number): number {
    return FIRST_I64 + this.f.nlocals + i;
  }
  private temp(k: number): number {
    if (k + 1 > this.maxT) this.maxT = k + 1;
    return FIRST_I64 + this.f.nlocals + NSCRATCH + k;
  }
  private open(kind: number): void {
    this.op(kind, 0x40);
    this.ctl.push({ kind: 'if', pc: -1 });
  }
  private close(): void {
    this.op(W.end);
    this.ctl.pop();
  }

  // ---- the virtual operand stack ------------------------------------------

  /** Pop a word: the local holding it (a scratch local for words under $sp). */
  private pop(scratch: number): number {
    const l = this.vs.pop();
    if (l !== undefined) return l;
    this.below++;
    const s = this.scratch(scratch);
    this.addr(L_SP, -8 * this.below);
    this.mem(W.i64_load, 3);
    this.set(s);
    return s;
  }
  /** The local the next pushed word goes to. */
  private push(): number {
    const l = this.temp(this.vs.length);
    this.vs.push(l);
    return l;
  }
  /** The memory offset from $sp of virtual stack slot k. */
  private slot(k: number): number {
    return 8 * (k - this.below);
  }
  /** Store the virtual stack (and `extra` words, already in locals) and make $sp current. */
  private spill(words: number[]): void {
    const all = [...this.vs, ...words];
    all.forEach((l, k) => {
      this.addr(L_SP, this.slot(k));
      this.get(l);
      this.mem(W.i64_store, 3);
    });
  }
  private flush(): void {
    this.spill([]);
    const d = this.slot(this.vs.length);
    if (d !== 0) {
      this.addr(L_SP, d);
      this.set(L_SP);
    }
    this.vs = [];
    this.below = 0;
  }

  private abs(pc: number): void {
    this.get(L_CODE);
    if (pc !== 0) {
      this.i32(pc);
      this.op(W.i32_add);
    }
  }
  private ticks(n: number): void {
    this.gget(G_TICKS);
    this.i32(n);
    this.op(W.i32_add);
    this.gset(G_TICKS);
  }

  /**
   * Call jslow or jsafepoint (vpc and vsp set by the caller): the core's
   * registers are set only here, before the core can look at them, and its
   * count of instructions is kept current around the call (G_TICKS).
   */
  private coreCall(f: number): void {
    this.get(L_FP);
    this.gset(G.vfp);
    this.get(L_HDR);
    this.gset(G.vhdr);
    this.get(L_CODE);
    this.gset(G.vcode);
    this.gget(G_TICKS);
    this.gset(G.jticks);
    this.b.byte(W.call).u32(f);
    this.gget(G.jticks);
    this.gset(G_TICKS);
  }

  /** After the core ran something: go on only if it left this frame at pc `next`. */
  private checkNext(next: number, sameHdr: boolean): void {
    this.gget(G.vpc);
    this.abs(next);
    this.op(W.i32_ne);
    if (sameHdr) {
      this.gget(G.vhdr);
      this.get(L_HDR);
      this.op(W.i32_ne, W.i32_or);
    }
    this.open(W.if);
    this.i32(RUN_REENTER);
    this.op(W.return);
    this.close();
  }
  /**
   * After a safepoint the G goes on from the driver (vpc is the jump target
   * or the call): a loop that never returns would otherwise keep running the
   * code V8 compiled first (wasm has no on-stack replacement), and a safepoint
   * is rare enough (every TICK_EVERY instructions) that entering the frame
   * again costs nothing measurable.
   */
  private reenterAfterSafepoint(): void {
    this.open(W.if);
    this.i32(RUN_STOPPED);
    this.op(W.return);
    this.close();
    this.i32(RUN_REENTER);
    this.op(W.return);
  }

  private returnIfStopped(): void {
    this.open(W.if);
    this.i32(RUN_STOPPED);
    this.op(W.return);
    this.close();
  }

  /**
   * An inline op's rare case: put the stack back as the interpreter has it
   * (operands included), let slowop run the op, and go on with its results in
   * the locals the fast path writes. Emitted inside the `else` of the fast path.
   */
  private rare(i: Insn, k: number, operands: number[], results: number[]): void {
    this.spill(operands);
    this.addr(L_SP, this.slot(this.vs.length + operands.length));
    this.gset(G.vsp);
    this.abs(i.pc);
    this.gset(G.vpc);
    const left = this.segLeft[k];
    if (left) this.ticks(-left);
    this.i32(i.op);
    this.coreCall(F_JSLOW);
    this.returnIfStopped();
    this.checkNext(i.pc + i.size, true);
    if (left) this.ticks(left);
    results.forEach((l, j) => {
      this.addr(L_SP, this.slot(this.vs.length + j));
      this.mem(W.i64_load, 3);
      this.set(l);
    });
  }

  /** Is a safepoint due? The interpreter's test: TICK_EVERY instructions, a note (ATTN), a collection. */
  private due(): void {
    this.gget(G_TICKS);
    this.i32(TICK_EVERY);
    this.op(W.i32_ge_s);
    this.gget(G_ATTN);
    this.b.byte(W.prefix_fe).u32(FE.i32_atomic_load).u32(2).u32(0);
    this.op(W.i32_or);
    this.i32(Ctl.GC_WANTED);
    this.mem(W.i32_load, 2);
    this.op(W.i32_or);
  }

  /** Jump to label pc; a backward jump is a safepoint, as in the interpreter. */
  private jump(from: number, to: number): void {
    const t = this.labelOf.get(to);
    if (t === undefined) this.bad(`jump to ${to}, not a label`);
    if (to <= from) {
      this.due();
      this.open(W.if);
      this.abs(to);
      this.gset(G.vpc);
      this.get(L_SP);
      this.gset(G.vsp);
      this.coreCall(F_JSAFEPOINT);
      this.reenterAfterSafepoint();
      this.close();
      // a backward jump goes to the header of a loop that contains it
      this.br('loop', to);
      return;
    }
    // A forward jump: to the label's block if it is open here, else into a
    // loop this code is not in, through its header: the label waits in
    // $label, and the loop's dispatch takes it there.
    if (this.ctl.some((c) => c.kind === 'block' && c.pc === to)) {
      this.br('block', to);
      return;
    }
    const into = [...this.loops].filter(([h, e]) => h < to && to < e && !this.ctl.some((c) => c.kind === 'loop' && c.pc === h));
    if (!into.length) this.bad(`no way from ${from} to ${to}`);
    const outer = into.reduce((a, b) => (b[0] < a[0] ? b : a));
    this.i32(t);
    this.set(L_LABEL);
    this.br('block', outer[0]);
  }

  /** A jump the control structure cannot express: a damaged image (the compiler's code always translates). */
  private bad(what: string): never {
    throw new EngineError(`${this.f.file}: wasm engine: ${this.f.name}: ${what}`);
  }

  /** Where the block or loop of label pc is on the control stack, -1 if not open. */
  private openIndex(kind: 'block' | 'loop', pc: number): number {
    for (let k = this.ctl.length - 1; k >= 0; k--) if (this.ctl[k].kind === kind && this.ctl[k].pc === pc) return k;
    return -1;
  }

  /** br to the open block or loop of label pc. */
  private br(kind: 'block' | 'loop', pc: number): void {
    const k = this.openIndex(kind, pc);
    if (k < 0) this.bad(`no open ${kind} for pc ${pc}`);
    this.b.byte(W.br).u32(this.ctl.length - 1 - k);
  }

  /**
   * The loops: each backward jump makes its target the header of a loop
   * that reaches past the jump. Loops that overlap without nesting (a
   * backward goto out of a for loop) are widened until they nest: a loop may
   * end later than its last jump back, the code after falls out of it.
   */
  private findLoops(): void {
    for (const i of this.insns) {
      if ((i.op === Op.JMP || i.op === Op.JMPIF || i.op === Op.JMPIFNOT) && i.a <= i.pc) {
        this.loops.set(i.a, Math.max(this.loops.get(i.a) ?? 0, i.pc + i.size));
      }
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (const [h1, e1] of this.loops) {
        for (const [h2, e2] of this.loops) {
          if (h1 < h2 && h2 < e1 && e1 < e2) {
            this.loops.set(h1, e2);
            changed = true;
          }
        }
      }
    }
  }

  /** The loops directly inside the region (the function: header -1) of header h. */
  private childLoops(h: number): [number, number][] {
    const end = h < 0 ? Infinity : this.loops.get(h)!;
    const inside = [...this.loops].filter(([h2]) => h < h2 && h2 < end);
    return inside.filter(([h2]) => !inside.some(([h3, e3]) => h3 < h2 && h2 < e3));
  }

  /**
   * Open the region of loop header h (-1: the function): a block for each
   * label directly in it (not inside a loop within it), ending at the label,
   * the first innermost; then the dispatch of $label, a label in this region
   * or in a loop within it: to its block (and $label is -1 again), or to the
   * block of the header of the loop it is in (and $label stays, for that
   * loop's dispatch). It runs only when $label is set (not -1): entering the
   * function anywhere but pc 0, or jumping into a loop.
   */
  private region(h: number): void {
    const end = h < 0 ? Infinity : this.loops.get(h)!;
    const children = this.childLoops(h);
    const within = (pc: number, [h2, e2]: [number, number]) => h2 < pc && pc < e2;
    const direct = this.labels.filter((pc) => h < pc && pc < end && !children.some((c) => within(pc, c)));
    for (let k = direct.length - 1; k >= 0; k--) {
      this.op(W.block, 0x40);
      this.ctl.push({ kind: 'block', pc: direct[k] });
    }
    this.get(L_LABEL);
    this.i32(-1);
    this.op(W.i32_ne);
    this.open(W.if);
    // the label to go to stays in $label only if it is inside a child loop
    this.get(L_LABEL);
    this.get(L_LABEL);
    this.i32(-1);
    let any = false;
    for (const c of children) {
      const inner = this.labels.map((pc, k) => [pc, k]).filter(([pc]) => within(pc, c)).map(([, k]) => k);
      if (!inner.length) continue;
      const lo = inner[0], hi = inner[inner.length - 1];
      this.get(L_LABEL);
      this.i32(lo);
      this.op(W.i32_sub);
      this.i32(hi - lo + 1);
      this.op(W.i32_lt_u);
      if (any) this.op(W.i32_or);
      any = true;
    }
    if (!any) this.i32(0);
    this.op(W.select);
    this.set(L_LABEL);
    const depth = (pc: number) => {
      const k = this.openIndex('block', pc);
      return k < 0 ? 0 : this.ctl.length - 1 - k; // 0: a label of no concern here, never dispatched
    };
    const route = (pc: number) => {
      const c = children.find((c) => within(pc, c));
      return depth(c ? c[0] : pc);
    };
    this.b.byte(W.br_table).u32(this.labels.length);
    for (const pc of this.labels) this.b.u32(route(pc));
    this.b.u32(0);
    this.close();
  }

  // ---- the function -------------------------------------------------------

  compile(funcIndex: (f: number) => number): Bytes {
    const f = this.f;
    const nl = this.labels.length;
    // prologue: the frame's registers are the parameters
    this.gget(G_IMAGE);
    this.i32(f.code);
    this.op(W.i32_add);
    this.b.byte(W.local_tee).u32(L_CODE);
    this.get(L_PC);
    this.get(L_CODE);
    this.op(W.i32_sub);
    this.b.byte(W.local_tee).u32(L_OFF);
    // entry at pc 0: the parameters are in the frame, the other locals zero
    // (as in wasm); anywhere else, every local is read back.
    // The label: 0 (wasm's zeroed local) at the entry, else looked up.
    this.open(W.if);
    for (let i = 0; i < f.nlocals; i++) this.loadLocal(i);
    this.search(0, nl);
    this.b.byte(W.else);
    for (let i = 0; i < f.nparams; i++) this.loadLocal(i);
    // pc 0 is where the code starts: no label to go to
    this.i32(-1);
    this.set(L_LABEL);
    this.close();
    // The body: structured, a wasm loop for each loop of the code (a jump
    // back is a br to its loop), a block for each label (a jump forward is a
    // br out of it). Entering at a label inside loops goes through their headers.
    this.region(-1);
    let reachable = false;
    let li = 0;
    /** The code reached pc: close the loops ending there, the label's block, open the loop starting there. */
    const at = (pc: number) => {
      for (let top = this.ctl[this.ctl.length - 1]; top?.kind === 'loop' && this.loops.get(top.pc) === pc; top = this.ctl[this.ctl.length - 1]) {
        this.op(W.end);
        this.ctl.pop();
      }
      if (li < nl && this.labels[li] < pc) this.bad(`label ${this.labels[li]} inside an instruction`);
      if (li < nl && this.labels[li] === pc) {
        if (reachable) this.flush();
        const top = this.ctl.pop();
        if (top?.kind !== 'block' || top.pc !== pc) this.bad(`block ${pc} not innermost`);
        this.op(W.end);
        li++;
        reachable = true;
        this.vs = [];
        this.below = 0;
      }
      if (this.loops.has(pc)) {
        if (reachable) this.flush();
        this.op(W.loop, 0x40);
        this.ctl.push({ kind: 'loop', pc });
        this.region(pc);
      }
    };
    for (let k = 0; k < this.insns.length; k++) {
      const i = this.insns[k];
      at(i.pc);
      if (!reachable) continue;
      if (this.segStart[k]) {
        let n = 1;
        for (let j = k + 1; j < this.insns.length && !this.segStart[j]; j++) n++;
        this.ticks(n);
      }
      reachable = this.insn(i, k, funcIndex);
    }
    // labels at the end of the code (never reached)
    at(f.codelen);
    if (this.ctl.length) this.bad(`control left open at the end`);
    this.op(W.unreachable);
    this.op(W.end); // function
    const body = new Bytes();
    const ni64 = f.nlocals + NSCRATCH + this.maxT;
    body.u32(2).u32(1 + NI32 - NPARAMS).byte(I32).u32(ni64).byte(I64);
    body.bytes(this.b.view());
    return body;
  }

  private loadLocal(i: number): void {
    this.addr(L_FP, 8 * i);
    this.mem(W.i64_load, 3);
    this.set(this.goLocal(i));
  }

  /** $label = the label at offset $off (a binary search); any other offset is a bug. */
  private search(lo: number, hi: number): void {
    if (hi - lo === 1) {
      this.get(L_OFF);
      this.i32(this.labels[lo]);
      this.op(W.i32_ne);
      this.op(W.if, 0x40, W.unreachable, W.end);
      this.i32(lo);
      this.set(L_LABEL);
      return;
    }
    const mid = (lo + hi) >> 1;
    this.get(L_OFF);
    this.i32(this.labels[mid]);
    this.op(W.i32_lt_u);
    this.op(W.if, 0x40);
    this.search(lo, mid);
    this.op(W.else);
    this.search(mid, hi);
    this.op(W.end);
  }

  /** One instruction; false if the code after it is unreachable. */
  private insn(i: Insn, k: number, funcIndex: (f: number) => number): boolean {
    const op = i.op;
    if (!inline(i)) return this.exit(i, funcIndex);
    switch (op) {
      case Op.INTRINSIC: {
        // memmove(dst, src, n): the core wraps each word to its usize
        // (one or two words, sort.Slice's swaps of small elements, are loads
        // and stores: V8's memory.copy is a call out of the compiled code)
        const n = this.pop(0);
        const src = this.pop(1);
        const dst = this.pop(2);
        // (above the slots the three operands were in)
        const w0 = this.temp(this.vs.length + 3), w1 = this.temp(this.vs.length + 4);
        const word = (l: number, off: number) => {
          this.get(l);
          this.op(W.i32_wrap_i64);
          this.mem(W.i64_load, 0, off);
        };
        const put = (w: number, off: number) => {
          this.get(dst);
          this.op(W.i32_wrap_i64);
          this.get(w);
          this.mem(W.i64_store, 0, off);
        };
        this.get(n);
        this.b.byte(W.i64_const).s64(16n);
        this.op(W.i64_eq, W.if, 0x40);
        word(src, 0);
        this.set(w0);
        word(src, 8);
        this.set(w1);
        put(w0, 0);
        put(w1, 8);
        this.op(W.else);
        this.get(n);
        this.b.byte(W.i64_const).s64(8n);
        this.op(W.i64_eq, W.if, 0x40);
        word(src, 0);
        this.set(w0);
        put(w0, 0);
        this.op(W.else);
        for (const l of [dst, src, n]) {
          this.get(l);
          this.op(W.i32_wrap_i64);
        }
        this.op(W.prefix_fc);
        this.b.u32(FC.memory_copy).byte(0).byte(0);
        this.op(W.end, W.end);
        return true;
      }
      case Op.NOP:
        return true;
      case Op.CONST: {
        this.b.byte(W.i64_const).s64(i.k);
        this.set(this.push());
        return true;
      }
      case Op.LOCAL: {
        this.get(this.goLocal(i.a));
        this.set(this.push());
        return true;
      }
      case Op.SETLOCAL:
      case Op.TEELOCAL: {
        const v = this.pop(0);
        this.get(v);
        this.set(this.goLocal(i.a));
        this.addr(L_FP, 8 * i.a);
        this.get(v);
        this.mem(W.i64_store, 3);
        if (op === Op.TEELOCAL) {
          this.get(v);
          this.set(this.push());
        }
        return true;
      }
      case Op.GLOBAL: {
        this.gget(G_GLOBALS);
        this.mem(W.i64_load, 3, 8 * i.a);
        this.set(this.push());
        return true;
      }
      case Op.SETGLOBAL: {
        const v = this.pop(0);
        this.gget(G_GLOBALS);
        this.get(v);
        this.mem(W.i64_store, 3, 8 * i.a);
        return true;
      }
      case Op.CAPTURE: {
        this.get(L_HDR);
        this.mem(W.i32_load, 2, H_CLOSURE);
        this.mem(W.i64_load, 3, 8 + 8 * i.a);
        this.set(this.push());
        return true;
      }
      case Op.DUP: {
        const v = this.pop(0);
        this.get(v);
        this.set(this.scratch(1));
        this.get(this.scratch(1));
        this.set(this.push());
        this.get(this.scratch(1));
        this.set(this.push());
        return true;
      }
      case Op.DROP:
        this.pop(0);
        return true;
      case Op.SWAP:
      case Op.OVER: {
        const b = this.pop(0);
        this.get(b);
        this.set(this.scratch(2));
        const a = this.pop(1);
        this.get(a);
        this.set(this.scratch(3));
        const out = op === Op.SWAP ? [2, 3] : [3, 2, 3];
        for (const s of out) {
          this.get(this.scratch(s));
          this.set(this.push());
        }
        return true;
      }
      case Op.STRCONST: {
        this.gget(G_IMAGE);
        this.i32(i.a);
        this.op(W.i32_add, W.i64_extend_i32_u);
        this.set(this.push());
        return true;
      }
      case Op.JMP:
        this.flush();
        this.jump(i.pc, i.a);
        return false;
      case Op.JMPIF:
      case Op.JMPIFNOT: {
        const c = this.pop(0);
        this.flush();
        this.get(c);
        this.op(W.i64_eqz);
        if (op === Op.JMPIF) this.op(W.i32_eqz);
        this.open(W.if);
        this.jump(i.pc, i.a);
        this.close();
        return true;
      }
      case Op.LINE: {
        // a line the next op replaces before anything can read it (a function's first two)
        if (this.insns[k + 1]?.op === Op.LINE) return true;
        this.get(L_HDR);
        this.i32(i.a);
        this.mem(W.i32_store, 2, H_LINE);
        return true;
      }
      case Op.IFACETYPE:
      case Op.IFACEDATA: {
        // an interface is 0 or its box {type, data} (assembly/runtime/iface.ts)
        const e = this.pop(0);
        const r = this.push();
        this.get(e);
        this.op(W.i32_wrap_i64);
        this.b.byte(W.local_tee).u32(L_ST);
        this.op(W.if, I64);
        this.get(L_ST);
        if (op === Op.IFACETYPE) {
          this.mem(W.i32_load, 2);
          this.op(W.i64_extend_i32_s);
        } else this.mem(W.i64_load, 3, 8);
        this.op(W.else);
        this.b.byte(W.i64_const).s64(0n);
        this.op(W.end);
        this.set(r);
        return true;
      }
      case Op.LEN:
      case Op.CAP:
      case Op.STRLEN: {
        const s = this.pop(0);
        const r = this.push();
        this.get(s);
        this.op(W.i32_wrap_i64);
        this.b.byte(W.local_tee).u32(L_ST);
        this.op(W.if, I64);
        this.get(L_ST);
        this.mem(W.i32_load, 2, op === Op.CAP ? 8 : 4);
        this.op(W.i64_extend_i32_s);
        this.op(W.else);
        this.b.byte(W.i64_const).s64(0n);
        this.op(W.end);
        this.set(r);
        return true;
      }
    }
    if (BIN[op] !== undefined || CMP[op] !== undefined || op === Op.ANDNOT) {
      const y = this.pop(0);
      const x = this.pop(1);
      const r = this.push();
      this.get(x);
      this.get(y);
      if (op === Op.ANDNOT) {
        this.b.byte(W.i64_const).s64(-1n);
        this.op(W.i64_xor, W.i64_and);
      } else if (BIN[op] !== undefined) this.op(BIN[op]);
      else this.op(CMP[op], W.i64_extend_i32_u);
      this.set(r);
      return true;
    }
    if (FBIN[op] !== undefined || FCMP[op] !== undefined) {
      const y = this.pop(0);
      const x = this.pop(1);
      const r = this.push();
      this.get(x);
      this.op(W.f64_reinterpret_i64);
      this.get(y);
      this.op(W.f64_reinterpret_i64);
      if (FBIN[op] !== undefined) this.op(FBIN[op], W.i64_reinterpret_f64);
      else this.op(FCMP[op], W.i64_extend_i32_u);
      this.set(r);
      return true;
    }
    switch (op) {
      case Op.NEG:
      case Op.COMPL:
      case Op.NOT:
      case Op.EXT8S:
      case Op.EXT16S:
      case Op.EXT32S:
      case Op.EXT8U:
      case Op.EXT16U:
      case Op.EXT32U:
      case Op.FNEG:
      case Op.I2F:
      case Op.U2F:
      case Op.F2I:
      case Op.F2U: {
        const x = this.pop(0);
        const r = this.push();
        const k64 = (v: bigint) => this.b.byte(W.i64_const).s64(v);
        switch (op) {
          case Op.NEG: k64(0n); this.get(x); this.op(W.i64_sub); break;
          case Op.COMPL: this.get(x); k64(-1n); this.op(W.i64_xor); break;
          case Op.NOT: this.get(x); this.op(W.i64_eqz, W.i64_extend_i32_u); break;
          case Op.EXT8S: this.get(x); this.op(W.i64_extend8_s); break;
          case Op.EXT16S: this.get(x); this.op(W.i64_extend16_s); break;
          case Op.EXT32S: this.get(x); this.op(W.i64_extend32_s); break;
          case Op.EXT8U: this.get(x); k64(0xffn); this.op(W.i64_and); break;
          case Op.EXT16U: this.get(x); k64(0xffffn); this.op(W.i64_and); break;
          case Op.EXT32U: this.get(x); k64(0xffffffffn); this.op(W.i64_and); break;
          case Op.FNEG: this.get(x); this.op(W.f64_reinterpret_i64, W.f64_neg, W.i64_reinterpret_f64); break;
          case Op.I2F: this.get(x); this.op(W.f64_convert_i64_s, W.i64_reinterpret_f64); break;
          case Op.U2F: this.get(x); this.op(W.f64_convert_i64_u, W.i64_reinterpret_f64); break;
          case Op.F2I: this.get(x); this.op(W.f64_reinterpret_i64, W.prefix_fc); this.b.u32(FC.i64_trunc_sat_f64_s); break;
          case Op.F2U: this.get(x); this.op(W.f64_reinterpret_i64, W.prefix_fc); this.b.u32(FC.i64_trunc_sat_f64_u); break;
        }
        this.set(r);
        return true;
      }
    }
    return this.guarded(i, k);
  }

  /**
   * Is base pointer p a real one (docs/bytecode.md "Nil checks": any base
   * below NIL_GUARD is nil)? wrap: compare its low 32 bits, as the
   * interpreter's loads and stores do (a usize); else the whole word.
   */
  private notnil(p: number, wrap: boolean): void {
    this.get(p);
    if (wrap) {
      this.op(W.i32_wrap_i64);
      this.i32(NIL_GUARD);
      this.op(W.i32_ge_u);
    } else {
      this.b.byte(W.i64_const).s64(BigInt(NIL_GUARD));
      this.op(W.i64_ge_u);
    }
  }

  /** The address p + off of a load or store, in i32 arithmetic as the interpreter's. */
  private effaddr(p: number, off: number): void {
    this.get(p);
    this.op(W.i32_wrap_i64);
    if (off !== 0) {
      this.i32(off);
      this.op(W.i32_add);
    }
  }

  /** Inline ops with a rare case the core runs. */
  private guarded(i: Insn, k: number): boolean {
    const op = i.op;
    const k64 = (v: bigint) => this.b.byte(W.i64_const).s64(v);
    if (op === Op.LOAD || op === Op.LOAD8U || op === Op.LOAD8S) {
      const p = this.pop(0);
      const r = this.push();
      this.vs.pop(); // the result is not on the stack the core sees
      this.notnil(p, true);
      this.open(W.if);
      this.effaddr(p, i.a);
      this.mem(op === Op.LOAD ? W.i64_load : op === Op.LOAD8U ? W.i64_load8_u : W.i64_load8_s, op === Op.LOAD ? 3 : 0);
      this.set(r);
      this.b.byte(W.else);
      this.rare(i, k, [p], [r]);
      this.close();
      this.vs.push(r);
      return true;
    }
    if (op === Op.STORE || op === Op.STORE8) {
      const v = this.pop(0);
      const p = this.pop(1);
      this.notnil(p, true);
      this.open(W.if);
      this.effaddr(p, i.a);
      this.get(v);
      this.mem(op === Op.STORE ? W.i64_store : W.i64_store8, op === Op.STORE ? 3 : 0);
      this.b.byte(W.else);
      this.rare(i, k, [p, v], []);
      this.close();
      return true;
    }
    if (op === Op.NILCHECK || op === Op.FIELDADDR) {
      // NILCHECK: p -> p; FIELDADDR off: p -> p + off (u64, as the interpreter's).
      const p = this.pop(0);
      const r = this.push();
      this.vs.pop();
      this.notnil(p, false);
      this.open(W.if);
      this.get(p);
      if (op === Op.FIELDADDR) {
        this.b.byte(W.i64_const).s64(BigInt(i.a));
        this.op(W.i64_add);
      }
      this.set(r);
      this.b.byte(W.else);
      this.rare(i, k, [p], [r]);
      this.close();
      this.vs.push(r);
      return true;
    }
    if (DIVS[op] !== undefined || SHIFTS[op] !== undefined) {
      const y = this.pop(0);
      const x = this.pop(1);
      const r = this.push();
      this.vs.pop();
      if (DIVS[op] !== undefined) {
        // 0 panics; -1 is MinInt64's special case: both are the core's.
        this.get(y);
        this.op(W.i64_eqz, W.i32_eqz);
        if (op === Op.DIV || op === Op.REM) {
          this.get(y);
          k64(-1n);
          this.op(W.i64_ne, W.i32_and);
        }
      } else {
        this.get(y);
        k64(64n);
        this.op(W.i64_lt_u);
      }
      this.open(W.if);
      this.get(x);
      this.get(y);
      this.op(DIVS[op] ?? SHIFTS[op]);
      this.set(r);
      this.b.byte(W.else);
      this.rare(i, k, [x, y], [r]);
      this.close();
      this.vs.push(r);
      return true;
    }
    if (op === Op.INDEXADDR || op === Op.ARRAYINDEXADDR) {
      const idx = this.pop(0);
      const s = this.pop(1);
      const r = this.push();
      this.vs.pop();
      // ok = i <u len (INDEXADDR: the slice's, 0 for nil; ARRAYINDEXADDR: the array's, and a != 0)
      if (op === Op.INDEXADDR) {
        this.get(idx);
        this.get(s);
        this.op(W.i32_wrap_i64);
        this.b.byte(W.local_tee).u32(L_ST);
        this.op(W.if, I64);
        this.get(L_ST);
        this.mem(W.i32_load, 2, 4);
        this.op(W.i64_extend_i32_s);
        this.op(W.else);
        k64(0n);
        this.op(W.end);
        this.op(W.i64_lt_u);
      } else {
        this.get(idx);
        k64(BigInt(i.b));
        this.op(W.i64_lt_u);
        this.notnil(s, true);
        this.op(W.i32_and);
      }
      this.open(W.if);
      if (op === Op.INDEXADDR) {
        this.get(s);
        this.op(W.i32_wrap_i64);
        this.mem(W.i32_load, 2, 0);
      } else {
        this.get(s);
        this.op(W.i32_wrap_i64);
      }
      this.get(idx);
      this.op(W.i32_wrap_i64);
      this.i32(i.a);
      this.op(W.i32_mul, W.i32_add, W.i64_extend_i32_u);
      this.set(r);
      this.b.byte(W.else);
      this.rare(i, k, [s, idx], [r]);
      this.close();
      this.vs.push(r);
      return true;
    }
    if (op === Op.STRINDEX || op === Op.STRDECODERUNE) {
      // s[i], and `for range s`'s decoding of an ASCII byte: the byte at i
      // of a string (0 or a header: data, len) when i <u len; anything else
      // (an index out of range, a rune of several bytes) is the core's.
      const idx = this.pop(0);
      const str = this.pop(1);
      const r = this.push();
      const w = op === Op.STRDECODERUNE ? this.push() : -1;
      this.vs.pop();
      if (w >= 0) this.vs.pop();
      this.get(idx);
      this.get(str);
      this.op(W.i32_wrap_i64);
      this.b.byte(W.local_tee).u32(L_ST);
      this.op(W.if, I64);
      this.get(L_ST);
      this.mem(W.i32_load, 2, 4);
      this.op(W.i64_extend_i32_s);
      this.op(W.else);
      k64(0n);
      this.op(W.end);
      this.op(W.i64_lt_u);
      this.op(W.if, I64);
      this.get(L_ST);
      this.mem(W.i32_load, 2, 0);
      this.get(idx);
      this.op(W.i32_wrap_i64, W.i32_add);
      this.mem(W.i64_load8_u, 0);
      this.op(W.else);
      k64(0x100n); // no byte: the rare case below
      this.op(W.end);
      // (r may be the local an operand is in: the rare case spills them)
      this.b.byte(W.local_tee).u32(this.scratch(2));
      k64(w >= 0 ? 0x80n : 0x100n);
      this.op(W.i64_lt_u);
      this.open(W.if);
      this.get(this.scratch(2));
      this.set(r);
      if (w >= 0) {
        k64(1n);
        this.set(w);
      }
      this.b.byte(W.else);
      this.rare(i, k, [str, idx], w >= 0 ? [r, w] : [r]);
      this.close();
      this.vs.push(r);
      if (w >= 0) this.vs.push(w);
      return true;
    }
    throw new Error(`wasm engine: op ${op} listed inline without a translation`);
  }

  /** An op the core runs (slowop): calls, returns, and everything not inline. */
  private exit(i: Insn, funcIndex: (f: number) => number): boolean {
    this.flush();
    const next = i.pc + i.size;
    if (i.op === Op.RET) return this.ret(i);
    if (CALLS.has(i.op)) {
      // The safepoint before a call, as the interpreter's.
      this.due();
      this.open(W.if);
      this.abs(i.pc);
      this.gset(G.vpc);
      this.get(L_SP);
      this.gset(G.vsp);
      this.coreCall(F_JSAFEPOINT);
      // Going on here, not from the driver: entering at the call again would count it twice.
      this.returnIfStopped();
      this.checkNext(i.pc, true);
      this.close();
    }
    const direct = i.op === Op.CALL && i.a >= 0 && i.a < this.funcs.length;
    if (!direct && i.op !== Op.CALLCLOSURE && i.op !== Op.CALLIFACE) {
      this.abs(i.pc);
      this.gset(G.vpc);
      this.get(L_SP);
      this.gset(G.vsp);
      this.i32(i.op);
      this.coreCall(F_JSLOW);
      this.returnIfStopped();
      if (CALLS.has(i.op)) {
        // a call the core set up (a function the image lacks: its panic): the driver runs what is on top
        this.i32(RUN_REENTER);
        this.op(W.return);
        return false;
      }
      this.checkNext(next, true);
      this.gget(G.vsp);
      this.set(L_SP);
      return true;
    }
    // The callee's frame (L_NFP, L_NHDR; its code at L_ST, its index in L_F)
    // is set up: run it, here or, with the native stack used up, from the driver.
    this.callframe(i, next);
    const weight = this.weight();
    this.gget(G_DEPTH);
    this.i32(NATIVE_STACK_BUDGET - weight);
    this.op(W.i32_ge_u);
    this.open(W.if);
    this.get(L_NFP);
    this.gset(G.vfp);
    this.get(L_NHDR);
    this.gset(G.vhdr);
    this.addr(L_NHDR, HDR_SIZE);
    this.gset(G.vsp);
    this.get(L_ST);
    this.gset(G.vpc);
    this.get(L_ST);
    this.gset(G.vcode);
    this.i32(RUN_REENTER);
    this.op(W.return);
    this.close();
    this.gget(G_DEPTH);
    this.i32(weight);
    this.op(W.i32_add);
    this.gset(G_DEPTH);
    this.get(L_ST);
    this.addr(L_NHDR, HDR_SIZE);
    this.get(L_NFP);
    this.get(L_NHDR);
    if (direct) {
      this.b.byte(W.call).u32(funcIndex(i.a));
    } else {
      this.get(L_F);
      this.b.byte(W.call_indirect).u32(T_GO).u32(0);
    }
    this.set(L_ST);
    this.gget(G_DEPTH);
    this.i32(weight);
    this.op(W.i32_sub);
    this.gset(G_DEPTH);
    // a status (the G stopped, the frames changed), or the callee returned: its results end at sp
    this.get(L_ST);
    this.i32(RUN_REENTER + 1);
    this.op(W.i32_lt_u);
    this.open(W.if);
    this.get(L_ST);
    this.op(W.return);
    this.close();
    this.get(L_ST);
    this.set(L_SP);
    return true;
  }

  /**
   * The frame set-up of CALL f, CALLCLOSURE and CALLIFACE, inline:
   * assembly/vm/frame.ts callfunc() with the same layout and stack bound.
   * For CALL f the callee's parameters, locals and operand depth are
   * constants of the image; for a closure or a method they are read from its
   * function record (a method found by the core's findmethod, and the
   * receiver replaced by its data word, as slowop's CALLIFACE does). A nil
   * closure or interface, a missing method, or a frame that would not fit
   * (the stack must grow, or "stack overflow") goes to the core's op, which
   * sees the operands untouched, and the driver runs what it set up. Leaves
   * the callee's fp, header and code in L_NFP, L_NHDR and L_ST (the core's
   * registers stay the caller's: compiled code sets them only to call the core).
   */
  private callframe(i: Insn, next: number): void {
    const g = i.op === Op.CALL ? this.funcs[i.a] : null;
    const field = (off: number) => {
      this.get(L_REC);
      this.mem(W.i32_load, 2, off);
    };
    const words = (n: number | null, off: number) => {
      if (n !== null) this.i32(8 * n);
      else {
        field(off);
        this.i32(3);
        this.op(W.i32_shl);
      }
    };
    const record = () => {
      this.get(L_F);
      this.i32(Img.FUNC_SIZE);
      this.op(W.i32_mul);
      this.gget(G_IMAGE);
      this.op(W.i32_add);
      this.i32(this.funcsOff);
      this.op(W.i32_add);
      this.set(L_REC);
    };
    // sp' (the closure popped), the callee and its function record; on the
    // stack: 1 if the core must run the op
    let sp = L_SP;
    if (i.op === Op.CALLCLOSURE) {
      this.addr(L_SP, -8);
      this.b.byte(W.local_tee).u32(L_NFP);
      this.mem(W.i32_load, 2);
      this.b.byte(W.local_tee).u32(L_CLO);
      this.op(W.if, I32);
      this.get(L_CLO);
      this.mem(W.i32_load, 2);
      this.set(L_F);
      record();
      this.i32(0);
      this.op(W.else);
      this.i32(1);
      this.op(W.end);
      sp = L_ST;
      this.get(L_NFP);
      this.set(L_ST);
    } else if (i.op === Op.CALLIFACE) {
      // the receiver (an interface: its box, or 0) is the first of b argument words
      this.addr(L_SP, -8 * i.b);
      this.mem(W.i32_load, 2);
      this.b.byte(W.local_tee).u32(L_CLO);
      this.op(W.if, I32);
      // the method: the call site's cache (one type and its method), else
      // findmethod, whose answer for a type never changes
      const site = G_DEPTH + NOWNGLOBALS + 2 * this.sites.next++;
      this.get(L_CLO);
      this.mem(W.i32_load, 2);
      this.b.byte(W.local_tee).u32(L_NHDR);
      this.gget(site);
      this.op(W.i32_eq);
      this.op(W.if, I32);
      this.gget(site + 1);
      this.op(W.else);
      this.get(L_NHDR);
      this.i32(i.a);
      this.b.byte(W.call).u32(F_FINDMETHOD);
      this.b.byte(W.local_tee).u32(L_F);
      this.i32(0);
      this.op(W.i32_ge_s);
      this.op(W.if, 0x40);
      this.get(L_NHDR);
      this.gset(site);
      this.get(L_F);
      this.gset(site + 1);
      this.op(W.end);
      this.get(L_F);
      this.op(W.end);
      this.b.byte(W.local_tee).u32(L_F);
      this.i32(0);
      this.op(W.i32_lt_s);
      this.get(L_F);
      this.i32(0);
      this.op(W.i32_ge_s);
      this.op(W.if, 0x40);
      record();
      this.op(W.end);
      this.op(W.else);
      this.i32(1);
      this.op(W.end);
    } else this.i32(0);
    // fp' = sp' - 8 nparams; hdr' = fp' + 8 nlocals; does hdr' + header + operands + slack pass stackhi?
    this.get(sp);
    words(g && g.nparams, FuncRec.NPARAMS);
    this.op(W.i32_sub);
    this.b.byte(W.local_tee).u32(L_NFP);
    words(g && g.nlocals, FuncRec.NLOCALS);
    this.op(W.i32_add);
    this.b.byte(W.local_tee).u32(L_NHDR);
    if (g) this.i32(HDR_SIZE + 8 * g.maxstack + STACK_SLACK);
    else {
      words(null, FuncRec.MAXSTACK);
      this.i32(HDR_SIZE + STACK_SLACK);
      this.op(W.i32_add);
    }
    this.op(W.i32_add);
    this.gget(G.gcur);
    this.gget(G.gstackhi);
    this.op(W.i32_add);
    this.mem(W.i32_load, 2);
    this.op(W.i32_gt_u);
    this.op(W.i32_or); // a nil closure, or no room
    this.open(W.if);
    this.abs(i.pc);
    this.gset(G.vpc);
    this.get(L_SP);
    this.gset(G.vsp);
    this.i32(i.op);
    this.coreCall(F_JSLOW);
    this.returnIfStopped();
    // the core set up the callee's frame (or a panic's deferred call): the driver runs it
    this.i32(RUN_REENTER);
    this.op(W.return);
    this.close();
    // the callee's non-parameter locals are zero
    if (i.op === Op.CALLIFACE) {
      // the receiver becomes its data word
      this.addr(L_SP, -8 * i.b);
      this.get(L_CLO);
      this.mem(W.i64_load, 3, 8);
      this.mem(W.i64_store, 3);
    }
    // (a loop of stores, not memory.fill: V8 makes that a call out of the compiled code)
    const nz = g ? g.nlocals - g.nparams : -1;
    if (nz > 16 || nz < 0) {
      this.get(sp);
      this.set(L_OFF);
      this.op(W.block, 0x40, W.loop, 0x40);
      this.get(L_OFF);
      this.get(L_NHDR);
      this.op(W.i32_ge_u, W.br_if, 1);
      this.get(L_OFF);
      this.b.byte(W.i64_const).s64(0n);
      this.mem(W.i64_store, 3);
      this.addr(L_OFF, 8);
      this.set(L_OFF);
      this.op(W.br, 0, W.end, W.end);
    } else {
      for (let j = 0; j < nz; j++) {
        this.get(sp);
        this.b.byte(W.i64_const).s64(0n);
        this.mem(W.i64_store, 3, 8 * j);
      }
    }
    // the header: fp, caller, return pc, func, line 0, closure; defers, flags, panic zero
    const st32 = (off: number, value: () => void) => {
      this.get(L_NHDR);
      value();
      this.mem(W.i32_store, 2, off);
    };
    st32(H_FP, () => this.get(L_NFP));
    st32(H_CALLER, () => this.get(L_HDR));
    st32(H_RETPC, () => this.abs(next));
    st32(H_FUNC, () => (g ? this.i32(i.a) : this.get(L_F)));
    st32(H_LINE, () => this.i32(0));
    st32(H_CLOSURE, () => (i.op === Op.CALLCLOSURE ? this.get(L_CLO) : this.i32(0)));
    for (let off = H_CLOSURE + 4; off < HDR_SIZE; off += 8) {
      this.get(L_NHDR);
      this.b.byte(W.i64_const).s64(0n);
      this.mem(W.i64_store, 2, off);
    }
    this.gget(G_IMAGE);
    if (g) this.i32(g.code);
    else field(FuncRec.CODE);
    this.op(W.i32_add);
    this.set(L_ST);
  }

  /** An over-estimate of this function's native frame: its wasm locals, spilled. */
  private weight(): number {
    return 16 * (NI32 + this.f.nlocals + NSCRATCH + this.f.maxstack) + 256;
  }

  private ret(i: Insn): boolean {
    const nres = this.f.nresults;
    // The bottom frame, a deferred call, a call a panic made: the core's ret().
    this.get(L_HDR);
    this.mem(W.i32_load, 2, H_CALLER);
    this.op(W.i32_eqz);
    this.get(L_HDR);
    this.mem(W.i32_load, 2, H_FLAGS);
    this.op(W.i32_or);
    this.open(W.if);
    this.abs(i.pc);
    this.gset(G.vpc);
    this.get(L_SP);
    this.gset(G.vsp);
    this.i32(i.op);
    this.coreCall(F_JSLOW);
    this.returnIfStopped();
    this.i32(RUN_REENTER);
    this.op(W.return);
    this.close();
    // Results to where the arguments were (fp < sp: copying upward word by word is safe).
    for (let j = 0; j < nres; j++) {
      this.addr(L_FP, 8 * j);
      this.addr(L_SP, -8 * (nres - j));
      this.mem(W.i64_load, 3);
      this.mem(W.i64_store, 3);
    }
    // The caller (compiled code, or `enter` for the driver) goes on with its
    // own registers and this sp: an address, never a status.
    this.addr(L_FP, 8 * nres);
    this.op(W.return);
    return false;
  }
}

/** The program module's bytes for an image. */
export function translate(image: Uint8Array): Uint8Array {
  const funcs = readImage(image).funcs;
  const n = funcs.length;
  const funcIndex = (f: number) => NIMPORTFUNCS + f;
  const funcsOff = new DataView(image.buffer, image.byteOffset).getUint32(Img.FUNCS, true);
  const sites = { next: 0 };
  const bodies = funcs.map((f) => new FuncCompiler(f, image, funcs, funcsOff, sites).compile(funcIndex));

  const out = new Bytes();
  out.bytes(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  const section = (id: number, fill: (s: Bytes) => void) => {
    const s = new Bytes();
    fill(s);
    out.byte(id).sized(s);
  };
  section(1, (s) => {
    s.u32(4);
    s.byte(0x60).u32(1).byte(I32).u32(1).byte(I32); // T_FUNC
    s.byte(0x60).u32(2).byte(I32).byte(I32).u32(1).byte(I32); // T_ENTER
    s.byte(0x60).u32(0).u32(1).byte(I32); // T_NOARGS
    s.byte(0x60).u32(NPARAMS).byte(I32).byte(I32).byte(I32).byte(I32).u32(1).byte(I32); // T_GO
  });
  section(2, (s) => {
    s.u32(1 + GLOBALS.length + CONSTS.length + NIMPORTFUNCS);
    s.name('env').name('memory').byte(2).byte(3).u32(MEMORY_INITIAL_PAGES).u32(MEMORY_MAXIMUM_PAGES);
    for (const g of GLOBALS) s.name('core').name(g).byte(3).byte(I32).byte(1);
    for (const g of CONSTS) s.name('core').name(g).byte(3).byte(I32).byte(0);
    s.name('core').name('jslow').byte(0).u32(T_FUNC);
    s.name('core').name('jsafepoint').byte(0).u32(T_NOARGS);
    s.name('core').name('findmethod').byte(0).u32(T_ENTER);
  });
  section(3, (s) => {
    s.u32(n + 1);
    for (let i = 0; i < n; i++) s.u32(T_GO);
    s.u32(T_ENTER);
  });
  section(4, (s) => {
    s.u32(1).byte(0x70).byte(1).u32(n).u32(n);
  });
  section(6, (s) => {
    s.u32(NOWNGLOBALS + 2 * sites.next);
    for (let g = 0; g < NOWNGLOBALS; g++) s.byte(I32).byte(1).byte(W.i32_const).s32(0).byte(W.end);
    // each CALLIFACE site's cache: a type (-1: none yet; a type is an address) and its method
    for (let k = 0; k < sites.next; k++) s.byte(I32).byte(1).byte(W.i32_const).s32(-1).byte(W.end).byte(I32).byte(1).byte(W.i32_const).s32(0).byte(W.end);
  });
  section(7, (s) => {
    s.u32(1).name('enter').byte(0).u32(NIMPORTFUNCS + n);
  });
  section(9, (s) => {
    s.u32(1).u32(0).byte(W.i32_const).s32(0).byte(W.end).u32(n);
    for (let i = 0; i < n; i++) s.u32(funcIndex(i));
  });
  section(10, (s) => {
    s.u32(n + 1);
    for (const b of bodies) s.sized(b);
    // enter(f, pc): table[f](pc, vsp, vfp, vhdr), with the core's globals
    // copied in and jticks out; a frame that returned leaves the core's
    // registers at its caller, at the return pc (the core's ret() does the same).
    const e = new Bytes();
    const lget = (l: number) => e.byte(W.local_get).u32(l);
    const gget = (g: number) => e.byte(W.global_get).u32(g);
    const gset = (g: number) => e.byte(W.global_set).u32(g);
    const H = 2, R = 3; // locals: the entered frame's header, the result
    e.u32(1).u32(2).byte(I32);
    e.byte(W.i32_const).s32(0);
    gset(G_DEPTH);
    for (const [own, core] of [[G_TICKS, G.jticks], [G_IMAGE, G.image], [G_GLOBALS, G.globals], [G_ATTN, G.attnaddr]]) {
      gget(core);
      gset(own);
    }
    lget(1);
    gget(G.vsp);
    gget(G.vfp);
    gget(G.vhdr);
    e.byte(W.local_tee).u32(H);
    lget(0);
    e.byte(W.call_indirect).u32(T_GO).u32(0);
    e.byte(W.local_set).u32(R);
    gget(G_TICKS);
    gset(G.jticks);
    lget(R);
    e.byte(W.i32_const).s32(RUN_REENTER + 1);
    e.byte(W.i32_lt_u).byte(W.if).byte(0x40);
    lget(R);
    e.byte(W.return).byte(W.end);
    lget(R);
    gset(G.vsp);
    lget(H);
    e.byte(W.i32_load).u32(2).u32(H_RETPC);
    gset(G.vpc);
    lget(H);
    e.byte(W.i32_load).u32(2).u32(H_CALLER);
    e.byte(W.local_tee).u32(H);
    gset(G.vhdr);
    lget(H);
    e.byte(W.i32_load).u32(2).u32(H_FP);
    gset(G.vfp);
    e.byte(W.i32_const).s32(0).byte(W.end);
    s.sized(e);
  });
  return out.view().slice();
}

/**
 * A store of translated program modules that outlives a process (the CLI's
 * image cache keeps them on disk beside the images): get returns the bytes
 * translate() made for this image before, if it has them.
 */
export interface ModuleStore {
  get(image: Uint8Array): Uint8Array | undefined;
  put(image: Uint8Array, module: Uint8Array): void;
}
let store: ModuleStore | null = null;

/** Use store for the program modules of compileProgram (null: none). */
export function setModuleStore(s: ModuleStore | null): void {
  store = s;
}

/** A hash of an image's bytes (FNV-1a over 32-bit words): the key of the modules compiled in this process. */
function imageKey(image: Uint8Array): string {
  let h = 0x811c9dc5;
  const n = image.length >> 2;
  const w = new Uint32Array(image.buffer, image.byteOffset, (image.byteOffset & 3) === 0 ? n : 0);
  if (w.length === n) for (let i = 0; i < n; i++) h = Math.imul(h ^ w[i], 0x01000193);
  else for (let i = 0; i < n * 4; i++) h = Math.imul(h ^ image[i], 0x01000193);
  for (let i = n * 4; i < image.length; i++) h = Math.imul(h ^ image[i], 0x01000193);
  return `${image.length}:${(h >>> 0).toString(16)}`;
}

/**
 * The modules this process compiled, newest last: a test or a playground
 * running one program again (another seed, other notes) pays translation and
 * V8's compile once. The image is kept to rule out a hash collision.
 */
const compiled = new Map<string, { image: Uint8Array; module: Promise<WebAssembly.Module> }>();
const COMPILED_MAX = 8;

/** The program module, compiled once for every M of a run (WebAssembly.Module is shareable). */
export function compileProgram(image: Uint8Array, translated?: Uint8Array): Promise<WebAssembly.Module> {
  const key = imageKey(image);
  const hit = compiled.get(key);
  if (hit && sameBytes(hit.image, image)) {
    compiled.delete(key);
    compiled.set(key, hit);
    return hit.module;
  }
  const module = compileBytes(image, translated);
  compiled.set(key, { image: image.slice(), module });
  module.catch(() => compiled.delete(key));
  if (compiled.size > COMPILED_MAX) compiled.delete(compiled.keys().next().value!);
  return module;
}

async function compileBytes(image: Uint8Array, translated?: Uint8Array): Promise<WebAssembly.Module> {
  const kept = translated ?? store?.get(image);
  if (kept) {
    try {
      return await WebAssembly.compile(kept as Uint8Array<ArrayBuffer>);
    } catch {
      // a damaged file in the store: translate again, as if it were not there
    }
  }
  const bytes = translate(image);
  store?.put(image, bytes);
  return WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
