// Expressions: type checking (go/types wording for errors) and code
// generation (docs/bytecode.md) in one walk. Checking happens at once;
// each Operand carries closures that emit code when the context asks.

import { Intrinsic, Kind, Op } from '../../host/abi/defs.js';
import type * as A from './ast.js';
import type { Compiler, Env } from './compiler.js';
import * as C from './constant.js';
import { Code } from './image.js';
import { FuncObj, Scope, VarObj, type Obj } from './objects.js';
import { noGen, type Callee, type LValue, type Operand } from './operand.js';
import { decodeEscapes, unquote } from './parse.js';
import { undefinedMember, unsupportedMember } from './subset.js';
import { adaptRecv, emitPath, fieldAddr, loadWord, typeKind } from './typerec.js';
import * as T from './types.js';

export interface FnShared {
  /** variables (by key) that must live in heap cells */
  escapes: Set<string>;
  rerun: boolean;
  /** calls the order pass hoisted that the code never evaluated (checked but not run): left in place on the rerun */
  unevaluated?: Set<A.Expr>;
}

/**
 * gc's order pass (cmd/compile/internal/walk/order.go), which decides what
 * Go programs meet where the spec leaves the order open: in a statement, the
 * calls (and receives, len, cap, append, make, new, ...) run first, each into
 * a temporary, in the order their evaluation ends (arguments before the call,
 * left before right); what remains (loads of variables, fields, elements,
 * indirections, arithmetic) is evaluated after them. So in `t.s[t.grow()] = 5`
 * and `x + f()` the slice t.s and x are read after the call. `a && b` is one
 * such step, with b's calls run inside its branch.
 */
export interface OrderRoot {
  calls: { e: A.Expr; gen: () => void }[];
  /** the temporaries its flush took: free again once the statement's code is out */
  temps?: number[];
  seen?: Set<A.Expr>;
  /** the statement's value, when it is one call assigned to a name (x := f()): nothing to hoist it above */
  value?: A.Expr;
}

/** Store the value on top into the address below it. */
export function storeAt(code: Code, t: T.Type): void {
  if (T.isBlock(t)) code.op(Op.COPY, [T.sizeOf(t)]);
  else if (T.isByteSized(t)) code.op(Op.STORE8, [0]);
  else code.op(Op.STORE, [0]);
}

/** Replace the address on top by the value of type t stored there. */
export function loadAt(code: Code, t: T.Type): void {
  loadWord(code, t, 0);
}

const extOp: Partial<Record<T.BasicKind, number>> = {
  int8: Op.EXT8S, int16: Op.EXT16S, int32: Op.EXT32S, uint8: Op.EXT8U, uint16: Op.EXT16U, uint32: Op.EXT32U,
};

export class ExprGen {
  code = new Code();
  /** locals: params first */
  nlocals = 0;
  readonly captures: VarObj[] = [];
  readonly fn: { id: number };
  static nextFn = 1;
  iota = -1;
  deps: Set<VarObj | FuncObj> = new Set();
  shared: FnShared;
  /** result types of the function being compiled */
  results: T.Type[] = [];
  /** the order pass (OrderRoot): the statement or condition whose calls are being collected */
  ord: OrderRoot | null = null;
  /** hoisted calls: their temporaries, and which were read */
  private hoisted = new Map<A.Expr, number>();
  private hoistRead = new Set<A.Expr>();
  /** temporaries of statements already compiled, for the next ones to reuse */
  private hoistFree: number[] = [];

  constructor(
    readonly c: Compiler,
    public env: Env,
    readonly parent: ExprGen | null,
  ) {
    this.fn = { id: ExprGen.nextFn++ };
    this.shared = parent ? parent.shared : { escapes: new Set(), rerun: false };
    if (parent) this.deps = parent.deps;
  }

  get file(): A.File {
    return this.env.file;
  }

  error(pos: number, msg: string): void {
    this.c.error(this.env.file, pos, msg);
  }

  typeStr(t: T.Type): string {
    return this.c.typeStr(this.env, t);
  }

  newLocal(): number {
    return this.nlocals++;
  }

  // ---- the order pass (OrderRoot) ------------------------------------------------------

  /** A call-like operand of the statement being collected: it may run before the rest. */
  hoistable(op: Operand): Operand {
    const root = this.ord;
    if (!root || op.mode !== 'value' || this.shared.unevaluated?.has(op.expr)) return op;
    const e = op.expr;
    const inner = op.gen;
    // checked again (x op= y checks x twice): one entry, the first
    if (!(root.seen ??= new Set()).has(e)) {
      root.seen.add(e);
      root.calls.push({ e, gen: inner });
    }
    return {
      ...op,
      gen: () => {
        this.code.fire(); // the statement's hoisted calls come first, this one among them
        const t = this.hoisted.get(e);
        if (t === undefined) return inner();
        this.hoistRead.add(e);
        this.code.op(Op.LOCAL, [t]);
      },
    };
  }

  /** Collect the call-like operands that checking runs into (null: none; returns the previous root). */
  orderBegin(root: OrderRoot | null): OrderRoot | null {
    const prev = this.ord;
    this.ord = root;
    return prev;
  }

  /** Run root's calls into temporaries, in order, unless the statement is that one call. */
  orderFlush(root: OrderRoot): void {
    for (const c of root.calls) {
      // the statement's own call is evaluated last anyway
      if (c.e === root.value || this.hoisted.has(c.e)) continue;
      c.gen();
      const t = this.hoistFree.pop() ?? this.newLocal();
      (root.temps ??= []).push(t);
      this.code.op(Op.SETLOCAL, [t]);
      this.hoisted.set(c.e, t);
    }
  }

  /** root's code is out: its temporaries are free (each was read once, inside it). */
  orderDone(root: OrderRoot): void {
    if (root.temps) this.hoistFree.push(...root.temps);
    root.temps = undefined;
  }

  /**
   * After the function: a hoisted call nobody read was checked but is not
   * evaluated where it stands (Go never runs it); compile again without
   * hoisting it.
   */
  orderCheck(): void {
    for (const e of this.hoisted.keys()) {
      if (this.hoistRead.has(e)) continue;
      (this.shared.unevaluated ??= new Set()).add(e);
      this.shared.rerun = true;
    }
  }

  invalid(e: A.Expr): Operand {
    return { mode: 'invalid', type: T.Invalid, expr: e, gen: noGen };
  }

  static exprText(e: A.Expr): string {
    const s = (x: A.Expr): string => ExprGen.exprText(x);
    switch (e.k) {
      case 'Ident': return e.name;
      case 'BasicLit': return e.value;
      case 'CompositeLit': return (e.type ? s(e.type) : '') + (e.elts.length ? '{…}' : '{}');
      case 'FuncLit': return 'func literal';
      case 'ParenExpr': return '(' + s(e.x) + ')';
      case 'SelectorExpr': return s(e.x) + '.' + e.sel.name;
      case 'IndexExpr': return s(e.x) + '[' + s(e.index) + ']';
      case 'SliceExpr': return s(e.x) + '[' + (e.lo ? s(e.lo) : '') + ':' + (e.hi ? s(e.hi) : '') + (e.slice3 ? ':' + (e.max ? s(e.max) : '') : '') + ']';
      case 'TypeAssertExpr': return s(e.x) + '.(' + (e.type ? s(e.type) : 'type') + ')';
      case 'CallExpr': return s(e.fun) + '(' + e.args.map(s).join(', ') + (e.ellipsis ? '...' : '') + ')';
      case 'StarExpr': return '*' + s(e.x);
      case 'UnaryExpr': return e.op + s(e.x);
      case 'BinaryExpr': return s(e.x) + ' ' + e.op + ' ' + s(e.y);
      case 'KeyValueExpr': return s(e.key) + ': ' + s(e.value);
      case 'ArrayType': return '[' + (e.len ? (e.len.k === 'Ellipsis' ? '...' : s(e.len)) : '') + ']' + s(e.elem);
      case 'MapType': return 'map[' + s(e.key) + ']' + s(e.value);
      case 'ChanType': return (e.dir === 'recv' ? '<-chan ' : e.dir === 'send' ? 'chan<- ' : 'chan ') + s(e.elem);
      case 'FuncType': return 'func(...)';
      case 'StructType': return 'struct{...}';
      case 'InterfaceType': return e.methods.length || e.embeds.length ? 'interface{...}' : 'interface{}';
      case 'Ellipsis': return '...';
      case 'BadExpr': return '_';
    }
  }

  exprString(e: A.Expr): string {
    return ExprGen.exprText(e);
  }

  /** go/types' operand description, e.g. "variable of type int", "untyped int constant". */
  describe(op: Operand): string {
    if (op.mode === 'nil') return 'untyped nil';
    if (op.mode === 'const' && op.val) {
      const lit = op.expr.k === 'BasicLit' || (op.expr.k === 'UnaryExpr' && op.expr.x.k === 'BasicLit');
      if (T.isUntyped(op.type)) return lit ? `${op.type.t === 'basic' ? op.type.name : ''} constant` : `${(op.type as T.Basic).name} constant ${C.constString(op.val)}`;
      return lit ? `constant of type ${this.typeStr(op.type)}` : `constant ${C.constString(op.val)} of type ${this.typeStr(op.type)}`;
    }
    if (op.isVar) return `variable of type ${this.typeStr(op.type)}`;
    if (op.mode === 'novalue') return 'no value';
    return `value of type ${this.typeStr(op.type)}`;
  }

  opText(op: Operand): string {
    return `${this.exprString(op.expr)} (${this.describe(op)})`;
  }

  // ---- variables ---------------------------------------------------------------

  /** Ask that v live in a heap cell; compiled code so far is wrong if it did not. */
  needCell(v: VarObj): void {
    if (v.boxed || T.isBlock(v.type)) return;
    if (v.global) {
      this.c.globalEscapes.add(v.key);
      this.c.rerun = true;
      return;
    }
    this.shared.escapes.add(v.key);
    this.shared.rerun = true;
  }

  /** Capture index of an outer variable in this closure. */
  captureIndex(v: VarObj): number {
    let i = this.captures.indexOf(v);
    if (i < 0) {
      i = this.captures.length;
      this.captures.push(v);
      this.needCell(v);
    }
    return i;
  }

  /** Push the word that stands for v itself: its value, cell address or block address. */
  pushRef(v: VarObj): void {
    if (v.global) this.code.op(Op.GLOBAL, [v.index]);
    else if (v.owner === this.fn) this.code.op(Op.LOCAL, [v.index]);
    else this.code.op(Op.CAPTURE, [this.captureIndex(v)]);
  }

  /** Would reading v from here go through a cell or block (not a plain word)? */
  private indirect(v: VarObj): boolean {
    return v.boxed || (!v.global && v.owner !== this.fn && !T.isBlock(v.type));
  }

  loadVar(v: VarObj): void {
    if (!v.global && v.owner !== this.fn) this.captureIndex(v);
    this.pushRef(v);
    if (v.boxed) loadAt(this.code, v.type);
  }

  varLValue(v: VarObj): LValue {
    const code = (): Code => this.code;
    if (!v.global && v.owner !== this.fn) this.captureIndex(v);
    if (T.isBlock(v.type)) {
      return { words: 1, prep: () => this.pushRef(v), load: noGen, store: () => storeAt(code(), v.type) };
    }
    if (v.boxed || this.indirect(v)) {
      return { words: 1, prep: () => this.pushRef(v), load: () => loadAt(code(), v.type), store: () => storeAt(code(), v.type) };
    }
    if (v.global) {
      return { words: 0, prep: noGen, load: () => code().op(Op.GLOBAL, [v.index]), store: () => code().op(Op.SETGLOBAL, [v.index]) };
    }
    return { words: 0, prep: noGen, load: () => code().op(Op.LOCAL, [v.index]), store: () => code().op(Op.SETLOCAL, [v.index]) };
  }

  // ---- constants -----------------------------------------------------------------

  emitConst(val: C.Const, t: T.Type): void {
    switch (val.k) {
      case 'bool':
        this.code.const(val.v ? 1 : 0);
        break;
      case 'int':
        if (T.isFloat(t)) this.code.const(floatBits(Number(val.v)));
        else this.code.const(BigInt.asIntN(64, val.v));
        break;
      case 'float':
        if (T.isInteger(t)) this.code.const(BigInt(Math.trunc(val.v)));
        else this.code.const(floatBits(val.v));
        break;
      case 'string':
        if (val.v === '') this.code.const(0);
        else this.code.strconst(this.c.b.byteStr(val.v));
        break;
    }
  }

  constOp(e: A.Expr, type: T.Type, val: C.Const): Operand {
    const op: Operand = { mode: 'const', type, val, expr: e, gen: () => this.emitConst(val, op.type) };
    return op;
  }

  // ---- expressions ---------------------------------------------------------------

  /** An expression that must be a single value (not a type, not multi-valued). */
  expr(e: A.Expr): Operand {
    return this.single(this.exprOrType(e), e);
  }

  /**
   * expr's checks on an operand already computed by exprOrType. Callers that
   * look at an operand's mode first use this instead of checking the
   * expression again: checking twice at each level of a nested expression
   * takes time exponential in its depth.
   */
  single(op: Operand, e: A.Expr): Operand {
    if (op.mode === 'type') {
      this.error(e.pos, `${this.exprString(e)} (type) is not an expression`);
      return this.invalid(e);
    }
    if (op.mode === 'builtin') {
      this.error(e.pos, `${this.exprString(e)} (built-in) must be called`);
      return this.invalid(e);
    }
    if (op.mode === 'pkg') {
      this.error(e.pos, `use of package ${this.exprString(e)} without selector`);
      return this.invalid(e);
    }
    if (op.mode === 'multi') {
      this.error(e.pos, `multiple-value ${this.exprString(e)} (value of type ${this.typeStr(op.type)}) in single-value context`);
      return this.invalid(e);
    }
    if (op.mode === 'novalue') {
      this.error(e.pos, `${this.exprString(e)} (no value) used as value`);
      return this.invalid(e);
    }
    return op;
  }

  exprOrType(e: A.Expr): Operand {
    // where checking was when the stack ran out (compile() reports it there)
    this.c.at = { file: this.env.file, pos: e.pos };
    this.c.tick();
    switch (e.k) {
      case 'Ident': return this.ident(e);
      case 'BasicLit': return this.basicLit(e);
      case 'ParenExpr': {
        const op = this.exprOrType(e.x);
        return { ...op, expr: e };
      }
      case 'SelectorExpr': return this.selector(e);
      case 'IndexExpr': return this.index(e);
      case 'SliceExpr': return this.sliceExpr(e);
      case 'TypeAssertExpr': return this.typeAssert(e);
      case 'CallExpr': return this.call(e);
      case 'StarExpr': return this.star(e);
      case 'UnaryExpr': return this.unary(e);
      case 'BinaryExpr': return this.binary(e);
      case 'CompositeLit': return this.compositeLit(e);
      case 'FuncLit': return this.funcLit(e);
      case 'KeyValueExpr':
        this.error(e.pos, 'unexpected key:value expression');
        return this.invalid(e);
      case 'BadExpr':
        if (e.what !== 'syntax') this.error(e.pos, `${e.what} is not supported by p9rt`);
        return this.invalid(e);
      case 'Ellipsis':
        this.error(e.pos, 'invalid use of ...');
        return this.invalid(e);
      default: {
        const t = this.c.resolveType(this.env, e);
        return { mode: 'type', type: t, expr: e, gen: noGen };
      }
    }
  }

  resolveType(e: A.Expr): T.Type {
    return this.c.resolveType(this.env, e);
  }

  lookup(name: string): Obj | undefined {
    return this.env.scope.lookup(name);
  }

  ident(e: A.Ident): Operand {
    if (e.name === '_') {
      this.error(e.pos, 'cannot use _ as value');
      return this.invalid(e);
    }
    const o = this.lookup(e.name);
    if (!o) {
      this.error(e.pos, `undefined: ${e.name}`);
      return this.invalid(e);
    }
    return this.objOperand(o, e);
  }

  objOperand(o: Obj, e: A.Expr): Operand {
    this.c.resolveObj(o);
    switch (o.kind) {
      case 'var': {
        o.used = true;
        if (o.global) this.deps.add(o);
        if (o.type === T.Invalid || T.under(o.type) === T.Invalid) return this.invalid(e);
        const lv = this.varLValue(o);
        return {
          mode: 'value', type: o.type, expr: e, obj: o, isVar: true, addressable: true, lv,
          gen: () => this.loadVar(o),
          addr: () => {
            this.needCell(o);
            this.pushRef(o);
          },
        };
      }
      case 'const': {
        o.used = true;
        if (o.name === 'iota' && o.pos === -1) {
          if (this.iota < 0) {
            this.error(e.pos, 'cannot use iota outside constant declaration');
            return this.invalid(e);
          }
          return this.constOp(e, T.UntypedInt, C.cint(BigInt(this.iota)));
        }
        if (o.type === T.Invalid) return this.invalid(e);
        return this.constOp(e, o.type, o.val);
      }
      case 'type':
        if (o.lazy) o.lazy();
        return { mode: 'type', type: o.type, expr: e, obj: o, gen: noGen };
      case 'func': {
        // a generic function was reported at its declaration; its uses stay quiet
        if (o.generic || (o.decl as A.FuncDecl | undefined)?.type?.typeParams) return this.invalid(e);
        this.deps.add(o);
        const callee: Callee = o.intrinsic >= 0 ? { k: 'intrinsic', id: o.intrinsic, fo: o } : { k: 'static', func: o.index, fo: o };
        return { mode: 'value', type: o.sig, expr: e, obj: o, callee, gen: () => this.code.op(Op.FUNCVAL, [o.index]) };
      }
      case 'pkg':
        o.used = true;
        return { mode: 'pkg', type: T.Invalid, expr: e, obj: o, gen: noGen };
      case 'builtin':
        return { mode: 'builtin', type: T.Invalid, expr: e, builtin: o.name, gen: noGen };
      case 'nil':
        return { mode: 'nil', type: T.UntypedNil, expr: e, gen: () => this.code.const(0) };
    }
  }

  basicLit(e: A.BasicLit): Operand {
    switch (e.kind) {
      case 'INT':
        return this.constOp(e, T.UntypedInt, C.cint(C.parseIntLit(e.value)));
      case 'FLOAT':
        return this.constOp(e, T.UntypedFloat, C.parseFloatLit(e.value));
      case 'IMAG':
        this.error(e.pos, 'complex numbers are not supported by p9rt');
        return this.invalid(e);
      case 'CHAR': {
        const body = e.value.slice(1, -1);
        let cp: number;
        if (body.startsWith('\\')) {
          const ch = body[1];
          if (ch === 'u' || ch === 'U') cp = parseInt(body.slice(2), 16);
          else {
            const b = decodeEscapes(body);
            cp = b.charCodeAt(0);
          }
        } else cp = body.codePointAt(0) ?? 0;
        return this.constOp(e, T.UntypedRune, C.cint(BigInt(cp)));
      }
      case 'STRING':
        return this.constOp(e, T.UntypedString, C.cstr(unquote(e.value)));
    }
  }

  // ---- conversions ---------------------------------------------------------------

  /** Give an untyped operand the type it takes in context (assignment, operand of a typed op). */
  convertUntyped(op: Operand, target: T.Type): Operand | string {
    if (!T.isUntyped(op.type) || op.mode === 'invalid') return op;
    if (op.mode === 'nil') {
      const u = T.under(target);
      if (['pointer', 'func', 'slice', 'map', 'chan', 'interface'].includes(u.t) || (u.t === 'basic' && u.kind === 'unsafe.Pointer')) {
        return { ...op, type: target };
      }
      return 'nil';
    }
    if (T.isInterface(target)) {
      if (T.ifaceMethods(T.under(target) as T.Iface).length) return 'iface';
      return this.convertUntyped(op, T.defaultType(op.type));
    }
    if (op.mode === 'const' && op.val) {
      if (T.basicKind(target) === undefined) return 'type';
      const tk = T.basicKind(target);
      if (tk && tk.startsWith('untyped')) {
        // untyped -> untyped (binary operands): the "larger" kind
        return { ...op, type: target, val: C.represent(op.val, target) ?? op.val };
      }
      const v = C.represent(op.val, target);
      if (!v) {
        const cls = op.val.k;
        const tcls = T.isNumeric(target) ? 'num' : T.isString(target) ? 'string' : T.isBoolean(target) ? 'bool' : 'other';
        if ((cls === 'int' || cls === 'float') && tcls === 'num') {
          if (cls === 'float' && T.isInteger(target) && op.val.k === 'float' && !C.isIntegral(op.val)) return 'truncated';
          return 'overflows';
        }
        return 'type';
      }
      const r = this.constOp(op.expr, target, v);
      return r;
    }
    if (op.retype) return op.retype(target);
    // untyped bool values (comparisons)
    if (T.isBoolean(op.type) && T.isBoolean(target)) return { ...op, type: target };
    if (T.isNumeric(op.type) && T.isNumeric(target)) return { ...op, type: target };
    if (T.isString(op.type) && T.isString(target)) return { ...op, type: target };
    return 'type';
  }

  /** Convert for assignment to a variable of type t (go/types assignableTo), reporting errors. */
  assignConv(op: Operand, t: T.Type, context: string): Operand {
    if (op.mode === 'invalid' || t === T.Invalid || T.under(t) === T.Invalid) return { ...op, mode: op.mode === 'invalid' ? 'invalid' : op.mode };
    if (T.isUntyped(op.type)) {
      const r = this.convertUntyped(op, t);
      if (typeof r !== 'string') {
        if (T.isInterface(t) && !T.isUntyped(r.type) && !T.isInterface(r.type)) return this.toIface(r, t);
        if (T.isInterface(t) && r.mode === 'nil') return { ...r, type: t };
        return r;
      }
      if (r === 'overflows' || r === 'truncated') {
        const shown = T.isInterface(t) ? T.defaultType(op.type) : t;
        this.error(op.expr.pos, `cannot use ${this.opText(op)} as ${this.typeStr(shown)} value in ${context} (${r})`);
      } else this.error(op.expr.pos, `cannot use ${this.opText(op)} as ${this.typeStr(t)} value in ${context}`);
      return this.invalid(op.expr);
    }
    const why = this.assignable(op.type, t);
    if (why !== undefined) {
      this.error(op.expr.pos, `cannot use ${this.opText(op)} as ${this.typeStr(t)} value in ${context}${why ? ': ' + why : ''}`);
      return this.invalid(op.expr);
    }
    if (T.isInterface(t) && !T.isInterface(op.type)) return this.toIface(op, t);
    if (T.isInterface(t)) return { ...op, type: t };
    return op.type === t ? op : { ...op, type: t };
  }

  /** undefined if V is assignable to T; else the reason ('' for none). */
  assignable(v: T.Type, t: T.Type): string | undefined {
    if (T.identical(v, t)) return undefined;
    const vu = T.under(v);
    const tu = T.under(t);
    if (T.identical(vu, tu) && (!T.isNamed(v) || !T.isNamed(t)) && vu.t !== 'basic') return undefined;
    if (tu.t === 'interface') {
      const m = T.implementsIface(v, tu);
      if (!m) return undefined;
      const miss = T.missingMethod(v, m);
      if (miss?.ptr) return `${this.typeStr(v)} does not implement ${this.typeStr(t)} (method ${m.name} has pointer receiver)`;
      if (miss?.wrongType) return `${this.typeStr(v)} does not implement ${this.typeStr(t)} (wrong type for method ${m.name})`;
      return `${this.typeStr(v)} does not implement ${this.typeStr(t)} (missing method ${m.name})`;
    }
    if (vu.t === 'chan' && tu.t === 'chan' && vu.dir === 'both' && T.identical(vu.elem, tu.elem) && (!T.isNamed(v) || !T.isNamed(t))) return undefined;
    return '';
  }

  /** Box a concrete value into an interface (copying a struct: rule 2). */
  /** MAKEMAP's immediate: the key's Kind, plus its type id << 8 for struct and array keys (docs/bytecode.md). */
  mapKeyImm(key: T.Type, kk: number): number {
    return kk === Kind.STRUCT || kk === Kind.ARRAY ? kk | (this.c.types.id(key) << 8) : kk;
  }

  toIface(op: Operand, t: T.Type): Operand {
    const src = op.type;
    if (T.isUntyped(src)) return op;
    const id = this.c.types.id(src);
    return {
      mode: 'value', type: t, expr: op.expr,
      gen: () => {
        op.gen();
        if (T.isBlock(src) && !op.fresh) this.code.op(Op.NEWCOPY, [T.allocSize(src)]);
        this.code.op(Op.MAKEIFACE, [id]);
      },
    };
  }

  /** A value operand whose untyped constant gets its default type. */
  defaultOp(op: Operand): Operand {
    if (!T.isUntyped(op.type) || op.mode === 'nil') return op;
    const r = this.convertUntyped(op, T.defaultType(op.type));
    if (typeof r === 'string') {
      if (r === 'overflows') this.error(op.expr.pos, `cannot use ${this.opText(op)} as ${this.typeStr(T.defaultType(op.type))} value in assignment (overflows)`);
      return this.invalid(op.expr);
    }
    return r;
  }

  /** The explicit conversion T(x). */
  conversion(e: A.Expr, x: Operand, t: T.Type): Operand {
    if (x.mode === 'invalid' || t === T.Invalid) return this.invalid(e);
    const tu = T.under(t);
    // constants
    if (x.mode === 'const' && x.val && tu.t === 'basic' && tu.kind !== 'unsafe.Pointer') {
      if (T.isString(t) && x.val.k === 'int' && T.isInteger(x.type)) {
        const cp = Number(x.val.v);
        const s = cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp < 0xe000) ? String.fromCodePoint(cp) : '\ufffd';
        return this.constOp(e, t, C.cstr(latin(s)));
      }
      if (T.isInteger(t) && T.isFloat(x.type) && !T.isUntyped(x.type)) {
        // typed float constant to int: must be exact
      }
      const v = C.represent(x.val, t);
      if (v) return this.constOp(e, t, v);
      if (T.isNumeric(t) && (x.val.k === 'int' || x.val.k === 'float')) {
        if (x.val.k === 'float' && T.isInteger(t) && !C.isIntegral(x.val)) {
          this.error(x.expr.pos, `cannot convert ${this.opText(x)} to type ${this.typeStr(t)} (truncated)`);
        } else this.error(x.expr.pos, `cannot convert ${this.opText(x)} to type ${this.typeStr(t)} (overflows)`);
        return this.invalid(e);
      }
    }
    let src = x.type;
    if (T.isUntyped(src)) {
      if (x.mode === 'nil') {
        const r = this.convertUntyped(x, t);
        if (typeof r === 'string') {
          this.error(x.expr.pos, `cannot convert ${this.opText(x)} to type ${this.typeStr(t)}`);
          return this.invalid(e);
        }
        return { ...r, mode: 'value', expr: e };
      }
      if (x.retype && tu.t === 'basic') {
        // float64(1 << n): the shift gets the conversion's type
        const r = x.retype(t);
        if (typeof r === 'string') {
          this.error(x.expr.pos, `cannot convert ${this.opText(x)} to type ${this.typeStr(t)}`);
          return this.invalid(e);
        }
        return { ...r, expr: e };
      }
      const d = this.defaultOp(x);
      if (T.isInterface(t)) return { ...this.assignConv(d, t, 'conversion'), expr: e };
      x = d;
      src = x.type;
    }
    const su = T.under(src);
    const value = (emit: () => void): Operand => ({ mode: 'value', type: t, expr: e, gen: () => { x.gen(); emit(); } });
    // interfaces
    if (tu.t === 'interface') {
      const why = this.assignable(src, t);
      if (why !== undefined) {
        this.error(x.expr.pos, `cannot convert ${this.opText(x)} to type ${this.typeStr(t)}${why ? ': ' + why : ''}`);
        return this.invalid(e);
      }
      if (su.t === 'interface') return { ...x, mode: 'value', type: t, expr: e, lv: undefined, addressable: false };
      return { ...this.toIface(x, t), expr: e };
    }
    // identical underlying types (and pointers to them)
    const sameUnder = T.identical(su, tu) ||
      (su.t === 'pointer' && tu.t === 'pointer' && T.identical(T.under(su.elem), T.under(tu.elem)));
    if (sameUnder && !(su.t === 'basic' && tu.t === 'basic' && su.kind !== tu.kind)) {
      return { ...x, type: t, expr: e, lv: undefined, addressable: false, isVar: false, callee: undefined };
    }
    // assignable (a bidirectional channel to a directional one): same word
    if (su.t === 'chan' && tu.t === 'chan' && this.assignable(src, t) === undefined) {
      return { ...x, type: t, expr: e, lv: undefined, addressable: false, isVar: false, callee: undefined };
    }
    if (su.t === 'slice' && tu.t === 'pointer' && T.under(tu.elem).t === 'array' && T.identical(su.elem, (T.under(tu.elem) as T.ArrayT).elem)) {
      this.error(e.pos, `conversion of a slice to an array pointer (Go 1.17) is not supported by p9rt`);
      return this.invalid(e);
    }
    // numeric
    if (T.isNumeric(src) && T.isNumeric(t)) {
      const sk = T.basicKind(src) as T.BasicKind;
      const tk = T.basicKind(t) as T.BasicKind;
      return value(() => {
        if (T.isFloat(src) && T.isFloat(t)) return;
        if (T.isInteger(src) && T.isFloat(t)) {
          this.code.op(sk === 'uint' || sk === 'uint64' || sk === 'uintptr' ? Op.U2F : Op.I2F);
          return;
        }
        if (T.isFloat(src)) this.code.op(tk === 'uint' || tk === 'uint64' || tk === 'uintptr' ? Op.F2U : Op.F2I);
        const ext = extOp[tk];
        if (ext !== undefined && (T.isFloat(src) || sk !== tk)) this.code.op(ext);
      });
    }
    // strings
    if (T.isString(t)) {
      if (T.isInteger(src)) return value(() => this.code.op(Op.STRFROMRUNE));
      if (su.t === 'slice' && T.basicKind(su.elem) === 'uint8') return value(() => this.code.op(Op.STRFROMBYTES));
      if (su.t === 'slice' && T.basicKind(su.elem) === 'int32') return value(() => this.code.op(Op.STRFROMRUNES));
    }
    if (T.isString(src) && tu.t === 'slice') {
      if (T.basicKind(tu.elem) === 'uint8') return value(() => this.code.op(Op.BYTESFROMSTR));
      if (T.basicKind(tu.elem) === 'int32') return value(() => this.code.op(Op.RUNESFROMSTR));
    }
    if (tu.t === 'basic' && tu.kind === 'unsafe.Pointer' || su.t === 'basic' && su.kind === 'unsafe.Pointer') {
      return { ...x, type: t, expr: e, lv: undefined };
    }
    this.error(x.expr.pos, `cannot convert ${this.opText(x)} to type ${this.typeStr(t)}`);
    return this.invalid(e);
  }

  // ---- selectors -------------------------------------------------------------------

  selector(e: A.SelectorExpr): Operand {
    if (e.x.k === 'Ident') {
      const o = this.lookup(e.x.name);
      if (o?.kind === 'pkg') {
        o.used = true;
        const m = o.pkg.scope.names.get(e.sel.name);
        if (!m || !T.isExported(e.sel.name)) {
          this.error(e.sel.pos, m ? `name ${e.sel.name} not exported by package ${o.pkg.name}` : undefinedMember(o.pkg.path, e.x.name, e.sel.name));
          return this.invalid(e);
        }
        return this.objOperand(m, e);
      }
    }
    const x = this.exprOrType(e.x);
    if (x.mode === 'invalid') return this.invalid(e);
    if (x.mode === 'type') return this.methodExpr(e, x.type);
    if (x.mode === 'multi' || x.mode === 'novalue' || x.mode === 'builtin' || x.mode === 'pkg') return this.single(x, e.x);
    const xv = this.defaultOp(x);
    let sel = T.lookup(xv.type, e.sel.name, this.env.pkg.path);
    // x of a defined pointer type (type P *node): x.f is (*x).f for fields, never methods
    const xu = T.under(xv.type);
    if (!sel && xv.type.t === 'named' && xu.t === 'pointer') {
      const s2 = T.lookup(xu, e.sel.name, this.env.pkg.path);
      if (s2 && s2 !== 'ambiguous' && s2.k === 'field') sel = s2;
    }
    if (!sel) {
      const what = T.under(xv.type).t === 'pointer' && T.under((T.under(xv.type) as T.Pointer).elem).t === 'interface'
        ? `${this.exprString(e)} undefined (type ${this.typeStr(xv.type)} is pointer to interface, not interface)`
        : unsupportedMember(xv.type, e.sel.name) ?? `${this.exprString(e)} undefined (type ${this.typeStr(xv.type)} has no field or method ${e.sel.name})`;
      this.error(e.sel.pos, what);
      return this.invalid(e);
    }
    if (sel === 'ambiguous') {
      this.error(e.sel.pos, `ambiguous selector ${this.exprString(e)}`);
      return this.invalid(e);
    }
    if (sel.k === 'field') return this.fieldSel(e, xv, sel.path, sel.type);
    return this.methodSel(e, xv, sel);
  }

  /** x.f through embedded path: every step is a load or an inline block address. */
  fieldSel(e: A.Expr, x: Operand, path: number[], ft: T.Type): Operand {
    const xt = x.type;
    const viaPtr = T.under(xt).t === 'pointer';
    const last = path[path.length - 1];
    const parentPath = path.slice(0, -1);
    // the struct that holds the final field
    const holder = (): T.StructT => {
      let cur: T.Type = xt;
      for (const i of parentPath) {
        const st = T.under(cur.t === 'pointer' ? cur.elem : T.under(cur).t === 'pointer' ? (T.under(cur) as T.Pointer).elem : cur) as T.StructT;
        cur = st.fields[i].type;
      }
      const u = T.under(cur);
      return T.under(u.t === 'pointer' ? u.elem : u) as T.StructT;
    };
    const st = holder();
    const off = T.fieldOffset(st, last);
    const pushHolder = (): void => {
      x.gen();
      let cur: T.Type = xt;
      for (const i of parentPath) {
        const s = T.under(T.under(cur).t === 'pointer' ? (T.under(cur) as T.Pointer).elem : cur) as T.StructT;
        const f = s.fields[i];
        loadWord(this.code, f.type, T.fieldOffset(s, i));
        cur = f.type;
      }
    };
    const pushAddr = (): void => {
      pushHolder();
      fieldAddr(this.code, off);
    };
    const addressable = viaPtr || !!x.addressable || path.length > 1 && this.pathHasPtr(xt, parentPath);
    const finish = (): void => fieldAddr(this.code, off);
    const lv: LValue = {
      words: 1, prep: pushAddr, load: () => loadAt(this.code, ft), store: () => storeAt(this.code, ft),
      split: { n: 1, push: pushHolder, finish, stable: !parentPath.length && this.isStable(x.expr) },
    };
    return {
      mode: 'value', type: ft, expr: e, isVar: true, addressable,
      lv: addressable ? lv : undefined,
      addr: addressable ? pushAddr : undefined,
      gen: () => {
        pushHolder();
        loadWord(this.code, ft, off);
      },
      obj: x.obj,
    };
  }

  private pathHasPtr(t: T.Type, path: number[]): boolean {
    let cur = t;
    for (const i of path) {
      const s = T.under(T.under(cur).t === 'pointer' ? (T.under(cur) as T.Pointer).elem : cur) as T.StructT;
      cur = s.fields[i].type;
      if (T.under(cur).t === 'pointer') return true;
    }
    return false;
  }

  /** x.M: a call target, or (as a value) a closure bound to x. */
  methodSel(e: A.SelectorExpr, x: Operand, sel: Extract<T.Selection, { k: 'method' | 'imethod' }>): Operand {
    const sig = sel.method.sig;
    const xt = x.type;
    // the receiver word after walking embedded fields
    const walk = (): T.Type => {
      x.gen();
      return emitPath(this.code, xt, sel.path);
    };
    let callee: Callee;
    if (sel.k === 'imethod') {
      const mid = this.c.methodId(sel.method.name, sel.method.pkg, sig);
      callee = { k: 'iface', mid, name: sel.method.name, recv: () => { walk(); } };
      if (T.under(xt).t === 'pointer' && !sel.path.length) {
        this.error(e.sel.pos, `${this.exprString(e)} undefined (type ${this.typeStr(xt)} is pointer to interface, not interface)`);
        return this.invalid(e);
      }
    } else {
      const m = sel.method;
      const fo = m.fn as FuncObj;
      this.deps.add(fo);
      const xIsPtr = T.under(xt).t === 'pointer';
      if (m.ptrRecv && !xIsPtr && !sel.indirect && !sel.path.length && !x.addressable) {
        this.error(e.pos, `cannot call pointer method ${e.sel.name} on ${this.typeStr(xt)}`);
        return this.invalid(e);
      }
      callee = {
        k: 'static', func: fo.index, fo,
        recv: (bind?: boolean) => {
          if (m.ptrRecv && !sel.path.length && !xIsPtr) {
            // &x: a struct's word is its address; other types need a cell
            if (T.isBlock(xt)) x.gen();
            else if (x.addr) x.addr();
            else x.gen();
            return;
          }
          const have = walk();
          if (m.ptrRecv) {
            if (!T.isBlock(have) && T.under(have).t !== 'pointer') {
              this.error(e.pos, `pointer method ${e.sel.name} on an embedded non-struct field is not supported by p9rt`);
            }
            return;
          }
          adaptRecv(this.code, T.under(have).t === 'pointer' ? have : have, false);
          const base = T.under(have).t === 'pointer' ? (T.under(have) as T.Pointer).elem : have;
          if (bind && T.isBlock(base)) this.code.op(Op.NEWCOPY, [T.allocSize(base)]);
        },
      };
    }
    const op: Operand = {
      mode: 'value', type: sig, expr: e, callee,
      gen: () => this.methodValue(callee, sig),
    };
    return op;
  }

  /** A method value: a closure of a thunk that calls the method on the captured receiver. */
  methodValue(callee: Callee, sig: T.Signature): void {
    if (callee.k === 'intrinsic' || !('recv' in callee) || !callee.recv) {
      if (callee.k === 'static' || callee.k === 'intrinsic') this.code.op(Op.FUNCVAL, [callee.k === 'static' ? callee.func : callee.fo.index]);
      return;
    }
    const np = sig.params.length;
    const nr = sig.results.length;
    let thunk: number;
    if (callee.k === 'static') {
      const f = callee.func;
      thunk = this.c.synthFunc(`mv:${f}`, `${this.c.b.funcName(f)}-fm`, (code) => {
        code.op(Op.CAPTURE, [0]);
        for (let i = 0; i < np; i++) code.op(Op.LOCAL, [i]);
        code.call(f, np + 1, nr);
        code.op(Op.RET, [], nr, 0);
        return { nparams: np, nresults: nr, nlocals: np };
      });
    } else {
      const mid = callee.mid;
      thunk = this.c.synthFunc(`imv:${mid}:${np}:${nr}`, `${callee.name}-fm`, (code) => {
        code.op(Op.CAPTURE, [0]);
        for (let i = 0; i < np; i++) code.op(Op.LOCAL, [i]);
        code.op(Op.CALLIFACE, [mid, np + 1], np + 1, nr);
        code.op(Op.RET, [], nr, 0);
        return { nparams: np, nresults: nr, nlocals: np };
      });
      callee.recv();
      this.code.op(Op.NILCHECK);
      this.code.op(Op.MAKECLOSURE, [thunk, 1], 1, 1);
      return;
    }
    callee.recv(true);
    this.code.op(Op.MAKECLOSURE, [thunk, 1], 1, 1);
  }

  /** T.M: the method as a function taking the receiver first. */
  methodExpr(e: A.SelectorExpr, t: T.Type): Operand {
    const sel = T.lookup(t, e.sel.name, this.env.pkg.path);
    if (!sel || sel === 'ambiguous' || sel.k === 'field') {
      this.error(e.sel.pos, `${this.exprString(e)} undefined (type ${this.typeStr(t)} has no method ${e.sel.name})`);
      return this.invalid(e);
    }
    const isPtr = T.under(t).t === 'pointer';
    if (sel.k === 'method' && sel.method.ptrRecv && !isPtr && !sel.indirect) {
      this.error(e.pos, `invalid method expression ${this.exprString(e)} (needs pointer receiver (*${this.typeStr(t)}).${e.sel.name})`);
      return this.invalid(e);
    }
    if (sel.k === 'imethod' && isPtr && !sel.path.length) {
      this.error(e.sel.pos, `${this.exprString(e)} undefined (type ${this.typeStr(t)} is pointer to interface, not interface)`);
      return this.invalid(e);
    }
    const m = sel.method;
    const sig: T.Signature = { t: 'func', params: [t, ...m.sig.params], results: m.sig.results, variadic: m.sig.variadic };
    const fo = sel.k === 'method' ? (sel.method.fn as FuncObj) : undefined;
    if (fo) this.deps.add(fo);
    // the method itself takes t's word as its receiver: a struct's word is its address either way
    const base = isPtr ? (T.under(t) as T.Pointer).elem : t;
    if (fo && sel.k === 'method' && !sel.path.length && (sel.method.ptrRecv || !isPtr)) {
      return { mode: 'value', type: sig, expr: e, callee: { k: 'static', func: fo.index, fo }, gen: () => this.code.op(Op.FUNCVAL, [fo.index]) };
    }
    // (*T).M of a value method: the wrapper that checks for nil; otherwise a
    // wrapper walks to the receiver (promoted, interface)
    const fn = fo && sel.k === 'method' && !sel.path.length && base.t === 'named'
      ? this.c.types.valueWrapper(base, fo)
      : this.c.types.promotedWrapper(t, e.sel.name, m.pkg);
    return { mode: 'value', type: sig, expr: e, callee: { k: 'static', func: fn }, gen: () => this.code.op(Op.FUNCVAL, [fn]) };
  }

  // ---- index, slice, assertion --------------------------------------------------------

  intOperand(e: A.Expr, what: string): Operand {
    const op = this.expr(e);
    if (op.mode === 'invalid') return op;
    if (op.mode === 'const' && op.val) {
      const v = C.represent(op.val, T.Int);
      if (!v || (T.isUntyped(op.type) ? false : !T.isInteger(op.type))) {
        this.error(e.pos, `invalid argument: ${what} ${this.opText(op)} must be integer`);
        return this.invalid(e);
      }
      if (v.k === 'int' && v.v < 0n) {
        this.error(e.pos, `invalid argument: ${what} ${this.exprString(e)} (constant of type int) must not be negative`);
        return this.invalid(e);
      }
      return this.constOp(e, T.Int, v);
    }
    if (!T.isInteger(op.type)) {
      this.error(e.pos, `invalid argument: ${what} ${this.opText(op)} must be integer`);
      return this.invalid(e);
    }
    return op;
  }

  index(e: A.IndexExpr): Operand {
    const x = this.exprOrType(e.x);
    if (x.mode === 'invalid') return this.invalid(e);
    if (x.mode === 'type') {
      this.error(e.pos, 'generic instantiation is not supported by p9rt');
      return this.invalid(e);
    }
    const xv = this.defaultOp(this.single(x, e.x));
    let u = T.under(xv.type);
    let viaPtr = false;
    if (u.t === 'pointer' && T.under(u.elem).t === 'array') {
      u = T.under(u.elem);
      viaPtr = true;
    }
    if (u.t === 'map') {
      const m = u;
      const k = this.assignConv(this.expr(e.index), m.key, 'map index');
      const kk = typeKind(m.key);
      const fix = (): void => this.zeroFix(m.elem);
      const lv: LValue = {
        words: 2,
        // a struct or array key is stored by address: the map keeps its own copy
        prep: () => { xv.gen(); k.gen(); if (T.isBlock(m.key) && !k.fresh) this.code.op(Op.NEWCOPY, [T.allocSize(m.key)]); },
        split: { n: 2, push: () => lv.prep(), finish: noGen },
        load: () => { this.code.op(Op.MAPGET, [kk]); this.code.op(Op.DROP); fix(); },
        store: () => {
          if (T.isBlock(m.elem)) this.code.op(Op.NEWCOPY, [T.allocSize(m.elem)]);
          this.code.op(Op.MAPSET, [kk]);
        },
      };
      return {
        mode: 'value', type: m.elem, expr: e, lv,
        gen: () => { xv.gen(); k.gen(); this.code.op(Op.MAPGET, [kk]); this.code.op(Op.DROP); fix(); },
        commaOk: () => {
          xv.gen(); k.gen(); this.code.op(Op.MAPGET, [kk]);
          if (T.isBlock(m.elem)) {
            const t = this.newLocal();
            this.code.op(Op.SETLOCAL, [t]);
            fix();
            this.code.op(Op.LOCAL, [t]);
          }
        },
      };
    }
    const i = this.intOperand(e.index, 'index');
    if (i.mode === 'invalid') return this.invalid(e);
    if (T.isString(xv.type)) {
      if (xv.mode === 'const' && xv.val?.k === 'string' && i.mode === 'const' && i.val?.k === 'int') {
        const s = xv.val.v;
        if (i.val.v >= BigInt(s.length)) {
          this.error(e.index.pos, `invalid argument: index ${i.val.v} out of bounds [0:${s.length}]`);
          return this.invalid(e);
        }
        return this.constOp(e, T.Uint8, C.cint(BigInt(s.charCodeAt(Number(i.val.v)))));
      }
      return { mode: 'value', type: T.Uint8, expr: e, gen: () => { xv.gen(); i.gen(); this.code.op(Op.STRINDEX); } };
    }
    if (u.t === 'slice' || u.t === 'array') {
      const elem = u.elem;
      const es = T.elemSize(elem);
      const arr = u.t === 'array' ? u : undefined;
      if (arr && i.mode === 'const' && i.val?.k === 'int' && i.val.v >= BigInt(arr.len)) {
        this.error(e.index.pos, `invalid argument: index ${i.val.v} out of bounds [0:${arr.len}]`);
        return this.invalid(e);
      }
      const pushAddr = (): void => {
        xv.gen();
        i.gen();
        if (arr) this.code.op(Op.ARRAYINDEXADDR, [es, arr.len]);
        else this.code.op(Op.INDEXADDR, [es]);
      };
      const addressable = !arr || viaPtr || !!xv.addressable;
      const lv: LValue = {
        words: 1, prep: pushAddr, load: () => loadAt(this.code, elem), store: () => storeAt(this.code, elem),
        split: {
          n: 2,
          stable: this.isStable(xv.expr) && (i.mode === 'const' || this.isStable(i.expr)),
          push: () => { xv.gen(); i.gen(); },
          finish: () => this.code.op(arr ? Op.ARRAYINDEXADDR : Op.INDEXADDR, arr ? [es, arr.len] : [es]),
        },
      };
      return {
        mode: 'value', type: elem, expr: e, isVar: true, addressable,
        lv: addressable ? lv : undefined,
        addr: addressable ? pushAddr : undefined,
        gen: () => { pushAddr(); loadAt(this.code, elem); },
      };
    }
    this.error(e.x.pos, `invalid operation: cannot index ${this.opText(xv)}`);
    return this.invalid(e);
  }

  /** Rule 4: a zero struct/array word (0) becomes a fresh zeroed block. */
  zeroFix(t: T.Type): void {
    if (!T.isBlock(t)) return;
    const l = this.code.label();
    this.code.op(Op.DUP);
    this.code.jump(Op.JMPIF, l);
    this.code.op(Op.DROP);
    this.code.op(Op.ALLOC, [T.allocSize(t)]);
    this.code.bind(l);
  }

  sliceExpr(e: A.SliceExpr): Operand {
    const x = this.defaultOp(this.expr(e.x));
    if (x.mode === 'invalid') return this.invalid(e);
    const parts = [e.lo, e.hi, e.max].map((p) => (p ? this.intOperand(p, 'index') : undefined));
    if (parts.some((p) => p?.mode === 'invalid')) return this.invalid(e);
    let flags = 0;
    parts.forEach((p, i) => { if (p) flags |= 1 << i; });
    const pushParts = (): void => { for (const p of parts) p?.gen(); };
    if (e.slice3 && (!e.hi || !e.max)) {
      this.error(e.pos, 'middle index required in 3-index slice');
      return this.invalid(e);
    }
    // constant indices must be ordered
    const cs = parts.map((p) => (p?.mode === 'const' && p.val?.k === 'int' ? p.val.v : undefined));
    for (let a = 0; a < 3; a++) for (let b = a + 1; b < 3; b++) {
      const va = cs[a];
      const vb = cs[b];
      if (va !== undefined && vb !== undefined && va > vb) {
        this.error(e.pos, `invalid slice indices: ${vb} < ${va}`);
        return this.invalid(e);
      }
    }
    let u = T.under(x.type);
    if (T.isString(x.type)) {
      if (e.slice3) {
        this.error(e.pos, `invalid operation: 3-index slice of string`);
        return this.invalid(e);
      }
      const rt = T.isUntyped(x.type) ? T.Str : x.type;
      return { mode: 'value', type: rt, expr: e, gen: () => { x.gen(); pushParts(); this.code.op(Op.STRSLICE, [flags], 1 + parts.filter(Boolean).length, 1); } };
    }
    if (u.t === 'slice') {
      const es = T.elemSize(u.elem);
      return { mode: 'value', type: x.type, expr: e, gen: () => { x.gen(); pushParts(); this.code.op(Op.SLICE, [es, flags], 1 + parts.filter(Boolean).length, 1); } };
    }
    let viaPtr = false;
    if (u.t === 'pointer' && T.under(u.elem).t === 'array') {
      u = T.under(u.elem);
      viaPtr = true;
    }
    if (u.t === 'array') {
      if (!viaPtr && !x.addressable) {
        this.error(e.pos, `invalid operation: ${this.exprString(e.x)} (slice of unaddressable value)`);
        return this.invalid(e);
      }
      const a = u;
      const es = T.elemSize(a.elem);
      return {
        mode: 'value', type: { t: 'slice', elem: a.elem }, expr: e,
        gen: () => { x.gen(); pushParts(); this.code.op(Op.ARRAYSLICE, [es, a.len, flags], 1 + parts.filter(Boolean).length, 1); },
      };
    }
    this.error(e.x.pos, `cannot slice ${this.opText(x)}`);
    return this.invalid(e);
  }

  typeAssert(e: A.TypeAssertExpr): Operand {
    const x = this.expr(e.x);
    if (x.mode === 'invalid') return this.invalid(e);
    if (!e.type) {
      this.error(e.pos, 'invalid syntax tree: use of .(type) outside type switch');
      return this.invalid(e);
    }
    if (!T.isInterface(x.type)) {
      this.error(e.x.pos, `invalid operation: ${this.exprString(e.x)} (${this.describe(x)}) is not an interface`);
      return this.invalid(e);
    }
    const t = this.resolveType(e.type);
    if (t === T.Invalid) return this.invalid(e);
    if (!T.isInterface(t)) {
      const m = T.implementsIface(t, T.under(x.type) as T.Iface);
      if (m) {
        this.error(e.type.pos, `impossible type assertion: ${this.exprString(e)}\n\t${this.typeStr(t)} does not implement ${this.typeStr(x.type)} (missing method ${m.name})`);
        return this.invalid(e);
      }
    }
    const id = this.c.types.id(t);
    const iface = T.isInterface(t);
    // Go's failed x.(T) names x's static type ("main.I is main.A, not
    // main.B"); `any` is the core's default, others travel in ASSERTI.
    const xt = x.type;
    const named = xt.t === 'named' || (xt.t === 'interface' && (xt.explicit.length > 0 || xt.embeds.length > 0));
    const sid = named ? this.c.types.id(xt) : 0;
    return {
      mode: 'value', type: t, expr: e,
      gen: () => {
        x.gen();
        if (iface) this.code.op(Op.ASSERTIFACE, [id]);
        else if (named) this.code.op(Op.ASSERTI, [id, sid]);
        else this.code.op(Op.ASSERT, [id]);
        this.zeroFix(t);
      },
      commaOk: () => {
        x.gen();
        this.code.op(iface ? Op.ASSERTIFACEOK : Op.ASSERTOK, [id]);
        if (T.isBlock(t)) {
          const tmp = this.newLocal();
          this.code.op(Op.SETLOCAL, [tmp]);
          this.zeroFix(t);
          this.code.op(Op.LOCAL, [tmp]);
        }
      },
    };
  }

  // ---- unary and binary ---------------------------------------------------------------

  star(e: A.StarExpr): Operand {
    const x = this.exprOrType(e.x);
    if (x.mode === 'invalid') return this.invalid(e);
    if (x.mode === 'type') return { mode: 'type', type: { t: 'pointer', elem: x.type }, expr: e, gen: noGen };
    if (x.mode === 'nil') {
      this.error(e.pos, 'invalid operation: cannot indirect nil');
      return this.invalid(e);
    }
    const xv = this.single(x, e.x);
    const u = T.under(xv.type);
    if (u.t !== 'pointer') {
      this.error(e.pos, `invalid operation: cannot indirect ${this.opText(xv)}`);
      return this.invalid(e);
    }
    const elem = u.elem;
    const pushAddr = (): void => { xv.gen(); this.code.op(Op.NILCHECK); };
    return {
      mode: 'value', type: elem, expr: e, isVar: true, addressable: true,
      lv: {
        words: 1, prep: pushAddr, load: () => loadAt(this.code, elem), store: () => storeAt(this.code, elem),
        split: { n: 1, push: () => xv.gen(), finish: () => this.code.op(Op.NILCHECK), stable: this.isStable(xv.expr) },
      },
      addr: pushAddr,
      gen: () => { xv.gen(); loadAt(this.code, elem); },
    };
  }

  unary(e: A.UnaryExpr): Operand {
    if (e.op === '&') return this.addrOf(e);
    const x = this.expr(e.x);
    if (x.mode === 'invalid') return this.invalid(e);
    if (e.op === '<-') {
      const u = T.under(x.type);
      if (u.t !== 'chan') {
        this.error(e.pos, `invalid operation: cannot receive from non-channel ${this.opText(x)}`);
        return this.invalid(e);
      }
      if (u.dir === 'send') {
        this.error(e.pos, `invalid operation: cannot receive from send-only channel ${this.opText(x)}`);
        return this.invalid(e);
      }
      const elem = u.elem;
      return this.hoistable({
        mode: 'value', type: elem, expr: e,
        gen: () => { x.gen(); this.code.op(Op.RECV); this.zeroFix(elem); },
        commaOk: () => {
          x.gen();
          this.code.op(Op.RECVOK);
          if (T.isBlock(elem)) {
            const tmp = this.newLocal();
            this.code.op(Op.SETLOCAL, [tmp]);
            this.zeroFix(elem);
            this.code.op(Op.LOCAL, [tmp]);
          }
        },
      });
    }
    const t = x.type;
    const okType = e.op === '!' ? T.isBoolean(t) : e.op === '^' ? T.isInteger(t) : T.isNumeric(t);
    if (!okType) {
      this.error(e.pos, `invalid operation: operator ${e.op} not defined on ${this.opText(x)}`);
      return this.invalid(e);
    }
    if (x.mode === 'const' && x.val) {
      let v: C.Const = x.val;
      if (e.op === '-') v = v.k === 'int' ? C.cint(-v.v) : v.k === 'float' ? (v.r ? C.crat(-v.r[0], v.r[1]) : C.cfloat(-v.v)) : v;
      else if (e.op === '!') v = C.cbool(!(v as { v: boolean }).v);
      else if (e.op === '^' && v.k === 'int') {
        if (T.isUnsigned(t)) {
          const r = T.intRange(T.basicKind(t) as T.BasicKind) as [bigint, bigint];
          v = C.cint(r[1] ^ v.v);
        } else v = C.cint(-v.v - 1n);
      }
      if (!T.isUntyped(t)) {
        const r = C.represent(v, t);
        if (!r) {
          this.error(e.pos, `constant ${C.constString(v)} overflows ${this.typeStr(t)}`);
          return this.invalid(e);
        }
      }
      return this.constOp(e, t, v);
    }
    const k = T.basicKind(t) as T.BasicKind;
    return {
      mode: 'value', type: t, expr: e,
      gen: () => {
        x.gen();
        if (e.op === '+') return;
        if (e.op === '!') this.code.op(Op.NOT);
        else if (e.op === '-') this.code.op(T.isFloat(t) ? Op.FNEG : Op.NEG);
        else if (e.op === '^') this.code.op(Op.COMPL);
        const ext = extOp[k];
        if (ext !== undefined && e.op !== '!') this.code.op(ext);
      },
    };
  }

  addrOf(e: A.UnaryExpr): Operand {
    let inner = e.x;
    while (inner.k === 'ParenExpr') inner = inner.x;
    if (inner.k === 'CompositeLit') {
      const lit = this.compositeLit(inner);
      if (lit.mode === 'invalid') return this.invalid(e);
      const t: T.Type = { t: 'pointer', elem: lit.type };
      if (T.isBlock(lit.type)) return { mode: 'value', type: t, expr: e, gen: lit.gen };
      return {
        mode: 'value', type: t, expr: e,
        gen: () => {
          this.code.op(Op.ALLOC, [8]);
          this.code.op(Op.DUP);
          lit.gen();
          storeAt(this.code, lit.type);
        },
      };
    }
    const x = this.expr(e.x);
    if (x.mode === 'invalid') return this.invalid(e);
    if (!x.addressable || !x.addr) {
      this.error(e.pos, `invalid operation: cannot take address of ${this.opText(x)}`);
      return this.invalid(e);
    }
    if (x.obj?.kind === 'var' && x.expr.k !== 'SelectorExpr' && x.expr.k !== 'IndexExpr') this.needCell(x.obj);
    if (T.isByteSized(x.type) && x.expr.k === 'IndexExpr') {
      // a packed byte's address: loads and stores through it use the 8-bit ops
    }
    const addr = x.addr;
    return { mode: 'value', type: { t: 'pointer', elem: x.type }, expr: e, gen: addr };
  }

  /**
   * A binary expression. A long chain (a + b + c ..., 5,000 terms) is a
   * left spine as deep as the chain: walk it in a loop, not recursively, so
   * its length is not bounded by the stack.
   */
  binary(e: A.BinaryExpr): Operand {
    const spine: A.BinaryExpr[] = [e];
    let leaf: A.Expr = e.x;
    while (leaf.k === 'BinaryExpr') {
      spine.push(leaf);
      leaf = leaf.x;
    }
    let x = this.expr(leaf);
    for (let i = spine.length - 1; i >= 0; i--) x = this.binaryOp(spine[i], x);
    return x;
  }

  /** e with its left operand x (and maybe its right one, y0) already checked. */
  binaryOp(e: A.BinaryExpr, x: Operand, y0?: Operand): Operand {
    const op = e.op;
    if (op === '&&' || op === '||') return this.logical(e, x, y0);
    let y = y0 ?? this.expr(e.y);
    if (x.mode === 'invalid' || y.mode === 'invalid') return this.invalid(e);
    if (op === '<<' || op === '>>') return this.shift(e, x, y);
    // bring the operands to a common type
    const ux = T.isUntyped(x.type);
    const uy = T.isUntyped(y.type);
    if (ux && !uy) {
      const r = this.convertUntyped(x, y.type);
      if (typeof r === 'string') return this.mismatch(e, x, y, r);
      x = r;
    } else if (uy && !ux) {
      const r = this.convertUntyped(y, x.type);
      if (typeof r === 'string') return this.mismatch(e, x, y, r);
      y = r;
    } else if (ux && uy && x.mode !== 'nil' && y.mode !== 'nil') {
      // both untyped: the larger numeric kind
      const rank = (t: T.Type): number => ['untyped int', 'untyped rune', 'untyped float'].indexOf((t as T.Basic).kind);
      if (rank(x.type) >= 0 && rank(y.type) >= 0) {
        const big = rank(x.type) >= rank(y.type) ? x.type : y.type;
        x = { ...x, type: big };
        y = { ...y, type: big };
      }
    }
    const cmp = ['==', '!=', '<', '<=', '>', '>='].includes(op);
    if (cmp) return this.comparison(e, x, y);
    if (!T.identical(x.type, y.type)) {
      this.error(e.pos, `invalid operation: ${this.exprString(e)} (mismatched types ${this.typeStr(x.type)} and ${this.typeStr(y.type)})`);
      return this.invalid(e);
    }
    const t = x.type;
    const allowed =
      op === '+' ? T.isNumeric(t) || T.isString(t) :
      ['-', '*', '/'].includes(op) ? T.isNumeric(t) :
      ['%', '&', '|', '^', '&^'].includes(op) ? T.isInteger(t) : false;
    if (!allowed) {
      this.error(e.opPos, `invalid operation: operator ${op} not defined on ${this.opText(x)}`);
      return this.invalid(e);
    }
    if ((op === '/' || op === '%') && y.mode === 'const' && y.val && C.toFloat(y.val) === 0 && (T.isInteger(t) || x.mode === 'const')) {
      this.error(e.y.pos, 'invalid operation: division by zero');
      return this.invalid(e);
    }
    if (x.mode === 'const' && y.mode === 'const' && x.val && y.val) {
      const v = foldBinary(op, x.val, y.val, t);
      if (!v) return this.invalid(e);
      if (!T.isUntyped(t) && !C.represent(v, t)) {
        this.error(e.pos, `constant ${C.constString(v)} overflows ${this.typeStr(t)}`);
        return this.invalid(e);
      }
      return this.constOp(e, t, v);
    }
    if (T.isUntyped(t)) {
      // an untyped non-constant (a shift of a constant inside): typed by its context
      const ux = x;
      const uy = y;
      const retype = (to: T.Type): Operand | string => {
        if (T.isUntyped(to)) return { ...res, type: to };
        const cx = this.convertUntyped(ux, to);
        if (typeof cx === 'string') return cx;
        const cy = this.convertUntyped(uy, to);
        if (typeof cy === 'string') return cy;
        if (['%', '&', '|', '^', '&^'].includes(op) && !T.isInteger(to)) {
          this.error(e.opPos, `invalid operation: operator ${op} not defined on ${this.opText(ux)} (variable of type ${this.typeStr(to)})`);
          return this.invalid(e);
        }
        return { mode: 'value', type: to, expr: e, gen: () => { cx.gen(); cy.gen(); this.arith(op, to); } };
      };
      const res: Operand = {
        mode: 'value', type: t, expr: e, retype,
        gen: () => {
          const r = retype(T.defaultType(t));
          if (typeof r !== 'string') r.gen();
        },
      };
      return res;
    }
    const xx = x;
    const yy = y;
    return { mode: 'value', type: t, expr: e, gen: () => { xx.gen(); yy.gen(); this.arith(op, t); } };
  }

  mismatch(e: A.BinaryExpr, x: Operand, y: Operand, why: string): Operand {
    if (why === 'overflows' || why === 'truncated') {
      const c = T.isUntyped(x.type) ? x : y;
      const other = c === x ? y : x;
      this.error(c.expr.pos, `cannot use ${this.opText(c)} as ${this.typeStr(other.type)} value in ${'expression'} (${why})`);
      return this.invalid(e);
    }
    if (x.mode === 'nil' || y.mode === 'nil') {
      const other = x.mode === 'nil' ? y : x;
      this.error(e.pos, `invalid operation: ${this.exprString(e)} (mismatched types ${this.typeStr(other.type)} and untyped nil)`);
      return this.invalid(e);
    }
    this.error(e.pos, `invalid operation: ${this.exprString(e)} (mismatched types ${this.typeStr(x.type)} and ${this.typeStr(y.type)})`);
    return this.invalid(e);
  }

  /** Emit the op for x op y of type t (operands on the stack), wrapping sized integers. */
  arith(op: string, t: T.Type): void {
    const k = T.basicKind(t) as T.BasicKind;
    if (T.isString(t)) {
      this.code.op(Op.STRCAT);
      return;
    }
    if (T.isFloat(t)) {
      this.code.op(({ '+': Op.FADD, '-': Op.FSUB, '*': Op.FMUL, '/': Op.FDIV } as Record<string, number>)[op]);
      return;
    }
    const uns = T.isUnsigned(t);
    const table: Record<string, number> = {
      '+': Op.ADD, '-': Op.SUB, '*': Op.MUL, '/': uns ? Op.DIVU : Op.DIV, '%': uns ? Op.REMU : Op.REM,
      '&': Op.AND, '|': Op.OR, '^': Op.XOR, '&^': Op.ANDNOT, '<<': Op.SHL, '>>': uns ? Op.SHRU : Op.SHR,
    };
    this.code.op(table[op]);
    const ext = extOp[k];
    if (ext !== undefined && ['+', '-', '*', '/', '<<', '^'].includes(op)) this.code.op(ext);
  }

  shift(e: A.BinaryExpr, x: Operand, y: Operand): Operand {
    const y0 = y;
    if (y.mode === 'const' && y.val) {
      const v = C.represent(y.val, T.basic('uint'));
      if (!v) {
        this.error(e.y.pos, `invalid shift count ${this.opText(y)}`);
        return this.invalid(e);
      }
      y = this.constOp(y.expr, T.basic('uint'), v);
    } else if (!T.isInteger(y.type)) {
      this.error(e.y.pos, `invalid operation: shift count ${this.opText(y)} must be integer`);
      return this.invalid(e);
    }
    if (x.mode === 'const' && x.val && y.mode === 'const' && y.val?.k === 'int') {
      let xv = x.val;
      if (xv.k === 'float' && C.isIntegral(xv)) xv = C.represent(xv, T.UntypedInt) ?? xv;
      if (xv.k !== 'int') {
        this.error(e.x.pos, `invalid operation: shifted operand ${this.opText(x)} must be integer`);
        return this.invalid(e);
      }
      const n = y.val.v;
      // Go's bounds on constant shifts: a count past 1074 (the smallest float64's
      // exponent), and results past 512 bits, are errors (and would make
      // numbers too large to compute with)
      if (e.op === '<<' && n > 1074n) {
        this.error(e.y.pos, `invalid operation: invalid shift count ${this.opText(y0)}`);
        return this.invalid(e);
      }
      const v = e.op === '<<' ? xv.v << n : xv.v >> n;
      if (T.isUntyped(x.type) && (v < 0n ? -v : v).toString(2).length > 512) {
        this.error(e.opPos, 'constant shift overflow');
        return this.invalid(e);
      }
      const t = T.isUntyped(x.type) ? (x.type === T.UntypedFloat ? T.UntypedInt : x.type) : x.type;
      if (!T.isUntyped(t) && !C.represent(C.cint(v), t)) {
        this.error(e.pos, `constant ${v} overflows ${this.typeStr(t)}`);
        return this.invalid(e);
      }
      return this.constOp(e, t, C.cint(v));
    }
    if (T.isUntyped(x.type)) {
      // a constant shifted by a variable takes the type its context gives the
      // whole shift (int when none): var b byte = 1 << n shifts a byte
      const ux = x;
      const yy = y;
      const retype = (t: T.Type): Operand | string => {
        if (T.isUntyped(t)) return { ...shifted, type: t };
        if (!T.isInteger(t)) {
          this.error(e.x.pos, `invalid operation: ${this.exprString(e)} (shift of type ${this.typeStr(t)})`);
          return this.invalid(e);
        }
        const cx = this.convertUntyped(ux, t);
        if (typeof cx === 'string') return cx;
        return { mode: 'value', type: t, expr: e, gen: () => { cx.gen(); yy.gen(); this.arith(e.op, t); } };
      };
      const asInt = this.convertUntyped(ux, T.Int);
      if (typeof asInt === 'string' && !(ux.val?.k === 'float')) {
        this.error(e.x.pos, `invalid operation: shifted operand ${this.opText(x)} must be integer`);
        return this.invalid(e);
      }
      const shifted: Operand = {
        mode: 'value', type: ux.type === T.UntypedRune ? T.UntypedRune : ux.type === T.UntypedFloat ? T.UntypedFloat : T.UntypedInt, expr: e, retype,
        gen: () => {
          const r = retype(T.Int);
          if (typeof r !== 'string') r.gen();
        },
      };
      return shifted;
    }
    if (!T.isInteger(x.type)) {
      this.error(e.x.pos, `invalid operation: shifted operand ${this.opText(x)} must be integer`);
      return this.invalid(e);
    }
    const xx = x;
    const yy = y;
    return { mode: 'value', type: x.type, expr: e, gen: () => { xx.gen(); yy.gen(); this.arith(e.op, xx.type); } };
  }

  comparison(e: A.BinaryExpr, x: Operand, y: Operand): Operand {
    const op = e.op;
    const order = ['<', '<=', '>', '>='].includes(op);
    // nil comparisons
    if (x.mode === 'nil' || y.mode === 'nil') {
      const other = x.mode === 'nil' ? y : x;
      if (other.mode === 'nil') {
        this.error(e.pos, `invalid operation: ${this.exprString(e)} (operator ${op} not defined on nil)`);
        return this.invalid(e);
      }
      const u = T.under(other.type);
      if (order || !['pointer', 'func', 'slice', 'map', 'chan', 'interface'].includes(u.t) && !(u.t === 'basic' && u.kind === 'unsafe.Pointer')) {
        this.error(e.pos, `invalid operation: ${this.exprString(e)} (mismatched types ${this.typeStr(other.type)} and untyped nil)`);
        return this.invalid(e);
      }
      return {
        mode: 'value', type: T.UntypedBool, expr: e,
        gen: () => { other.gen(); this.code.const(0); this.code.op(op === '==' ? Op.EQ : Op.NE); },
      };
    }
    // mixed interface / concrete
    let xt = x.type;
    let yt = y.type;
    if (T.isInterface(xt) !== T.isInterface(yt)) {
      const [i, c] = T.isInterface(xt) ? [x, y] : [y, x];
      if (this.assignable(c.type, i.type) === undefined) {
        const boxed = this.toIface(T.isUntyped(c.type) ? this.defaultOp(c) : c, i.type);
        if (i === x) y = boxed;
        else x = boxed;
        xt = x.type;
        yt = y.type;
      }
    }
    if (!T.identical(xt, yt) && this.assignable(xt, yt) !== undefined && this.assignable(yt, xt) !== undefined) {
      this.error(e.pos, `invalid operation: ${this.exprString(e)} (mismatched types ${this.typeStr(xt)} and ${this.typeStr(yt)})`);
      return this.invalid(e);
    }
    const t = xt;
    if (order && !(T.isNumeric(t) || T.isString(t))) {
      this.error(e.pos, `invalid operation: ${this.exprString(e)} (operator ${op} not defined on ${this.opText(x)})`);
      return this.invalid(e);
    }
    if (!order && !T.comparable(t)) {
      const u = T.under(t);
      const what = u.t === 'slice' ? 'slice' : u.t === 'map' ? 'map' : u.t === 'func' ? 'func' : 'struct containing uncomparable field';
      this.error(e.pos, `invalid operation: ${this.exprString(e)} (${what} can only be compared to nil)`);
      return this.invalid(e);
    }
    if (x.mode === 'const' && y.mode === 'const' && x.val && y.val) {
      return this.constOp(e, T.UntypedBool, C.cbool(C.compareConst(op, x.val, y.val)));
    }
    const xx = x.mode === 'const' && T.isUntyped(x.type) ? this.defaultOp(x) : x;
    const yy = y.mode === 'const' && T.isUntyped(y.type) ? this.defaultOp(y) : y;
    const u = T.under(t);
    return {
      mode: 'value', type: T.UntypedBool, expr: e,
      gen: () => {
        const code = this.code;
        if (T.isString(t)) {
          xx.gen(); yy.gen();
          if (op === '==' || op === '!=') {
            code.op(Op.STREQ);
            if (op === '!=') code.op(Op.NOT);
          } else {
            code.op(Op.STRCMP);
            code.const(0);
            code.op(({ '<': Op.LT, '<=': Op.LE, '>': Op.GT, '>=': Op.GE } as Record<string, number>)[op]);
          }
          return;
        }
        if (u.t === 'interface') {
          xx.gen(); yy.gen();
          code.op(Op.IFACEEQ);
          if (op === '!=') code.op(Op.NOT);
          return;
        }
        if (T.isBlock(t)) {
          const id = this.c.types.id(t);
          xx.gen(); code.op(Op.MAKEIFACE, [id]);
          yy.gen(); code.op(Op.MAKEIFACE, [id]);
          code.op(Op.IFACEEQ);
          if (op === '!=') code.op(Op.NOT);
          return;
        }
        xx.gen(); yy.gen();
        if (T.isFloat(t)) {
          code.op(({ '==': Op.FEQ, '!=': Op.FNE, '<': Op.FLT, '<=': Op.FLE, '>': Op.FGT, '>=': Op.FGE } as Record<string, number>)[op]);
        } else if (T.isUnsigned(t)) {
          code.op(({ '==': Op.EQ, '!=': Op.NE, '<': Op.LTU, '<=': Op.LEU, '>': Op.GTU, '>=': Op.GEU } as Record<string, number>)[op]);
        } else {
          code.op(({ '==': Op.EQ, '!=': Op.NE, '<': Op.LT, '<=': Op.LE, '>': Op.GT, '>=': Op.GE } as Record<string, number>)[op]);
        }
      },
    };
  }

  logical(e: A.BinaryExpr, x: Operand, y0?: Operand): Operand {
    // y's calls run only if x lets y run: they are hoisted within y's branch (gc: r = x; if r { r = y })
    const sub: OrderRoot | null = this.ord && !y0 ? { calls: [] } : null;
    const prev = sub ? this.orderBegin(sub) : null;
    const y = y0 ?? this.expr(e.y);
    if (sub) this.orderBegin(prev);
    if (x.mode === 'invalid' || y.mode === 'invalid') return this.invalid(e);
    for (const o of [x, y]) {
      if (!T.isBoolean(o.type)) {
        this.error(o.expr.pos, `invalid operation: operator ${e.op} not defined on ${this.opText(o)}`);
        return this.invalid(e);
      }
    }
    if (!T.isUntyped(x.type) && !T.isUntyped(y.type) && !T.identical(x.type, y.type)) {
      this.error(e.pos, `invalid operation: ${this.exprString(e)} (mismatched types ${this.typeStr(x.type)} and ${this.typeStr(y.type)})`);
      return this.invalid(e);
    }
    const t = T.isUntyped(x.type) ? y.type : x.type;
    if (x.mode === 'const' && y.mode === 'const' && x.val && y.val) {
      const a = x.val.v as boolean;
      const b = y.val.v as boolean;
      return this.constOp(e, t, C.cbool(e.op === '&&' ? a && b : a || b));
    }
    const op: Operand = {
      mode: 'value', type: t, expr: e,
      gen: () => {
        const end = this.code.label();
        x.gen();
        this.code.op(Op.DUP);
        this.code.jump(e.op === '&&' ? Op.JMPIFNOT : Op.JMPIF, end);
        this.code.op(Op.DROP);
        if (sub) this.orderFlush(sub);
        y.gen();
        if (sub) this.orderDone(sub);
        this.code.bind(end);
      },
    };
    return sub?.calls.length ? this.hoistable(op) : op;
  }

  // ---- composite literals and function literals ----------------------------------------

  compositeLit(e: A.CompositeLit, hint?: T.Type): Operand {
    let t: T.Type;
    if (e.type) {
      if (e.type.k === 'ArrayType' && e.type.len?.k === 'Ellipsis') {
        const elem = this.resolveType(e.type.elem);
        let n = 0n;
        let idx = 0n;
        for (const el of e.elts) {
          if (el.k === 'KeyValueExpr') idx = this.literalIndex(el.key) ?? idx;
          idx++;
          if (idx > n) n = idx;
        }
        if (!this.literalLength(e, elem, n, 'array')) return this.invalid(e);
        t = { t: 'array', elem, len: Number(n) };
      } else t = this.resolveType(e.type);
    } else if (hint) t = hint;
    else {
      this.error(e.pos, 'invalid composite literal type: missing type');
      return this.invalid(e);
    }
    if (t === T.Invalid) return this.invalid(e);
    let u = T.under(t);
    let viaPtr = false;
    if (!e.type && u.t === 'pointer') {
      viaPtr = true;
      t = u.elem;
      u = T.under(t);
    }
    const code = (): Code => this.code;
    let gen: () => void;
    switch (u.t) {
      case 'struct': {
        const st = u;
        const inits: { off: number; type: T.Type; op: Operand }[] = [];
        const keyed = e.elts.length > 0 && e.elts[0].k === 'KeyValueExpr';
        if (keyed) {
          const seen = new Set<string>();
          for (const el of e.elts) {
            if (el.k !== 'KeyValueExpr' || el.key.k !== 'Ident') {
              this.error(el.pos, 'mixture of field:value and value elements in struct literal');
              return this.invalid(e);
            }
            const name = el.key.name;
            const i = st.fields.findIndex((f) => f.name === name);
            if (i < 0) {
              this.error(el.key.pos, unsupportedMember(t, name) ?? `unknown field ${name} in struct literal of type ${this.typeStr(t)}`);
              continue;
            }
            if (seen.has(name)) this.error(el.key.pos, `duplicate field name ${name} in struct literal`);
            seen.add(name);
            const f = st.fields[i];
            inits.push({ off: T.fieldOffset(st, i), type: f.type, op: this.elemValue(el.value, f.type, 'struct literal') });
          }
        } else {
          e.elts.forEach((el, i) => {
            if (el.k === 'KeyValueExpr') {
              this.error(el.pos, 'mixture of field:value and value elements in struct literal');
              return;
            }
            const f = st.fields[i];
            if (!f) {
              if (i === st.fields.length) this.error(el.pos, `too many values in struct literal of type ${this.typeStr(t)}`);
              return;
            }
            inits.push({ off: T.fieldOffset(st, i), type: f.type, op: this.elemValue(el, f.type, 'struct literal') });
          });
          if (e.elts.length && e.elts.length < st.fields.length) {
            this.error(e.end - 1, `too few values in struct literal of type ${this.typeStr(t)}`);
          }
        }
        const size = T.allocSize(t);
        gen = () => {
          code().op(Op.ALLOC, [size]);
          for (const it of inits) {
            code().op(Op.DUP);
            if (it.off) code().op(Op.FIELDADDR, [it.off]);
            it.op.gen();
            storeAt(code(), it.type);
          }
        };
        break;
      }
      case 'array':
      case 'slice': {
        const elem = u.elem;
        const es = T.elemSize(elem);
        const items: { idx: number; op: Operand }[] = [];
        let idx = 0;
        let max = 0;
        let bmax = 0n; // max exactly, for the length checks
        for (const el of e.elts) {
          let v = el;
          if (el.k === 'KeyValueExpr') {
            const k = this.literalIndex(el.key);
            if (k === undefined) {
              this.error(el.key.pos, 'index must be non-negative integer constant');
              continue;
            }
            idx = Number(k);
            if (k + 1n > bmax) bmax = k + 1n;
            v = el.value;
          } else if (BigInt(idx) + 1n > bmax) bmax = BigInt(idx) + 1n;
          if (u.t === 'array' && idx >= u.len) {
            this.error(v.pos, `index ${idx} out of bounds [0:${u.len}]`);
            continue;
          }
          items.push({ idx, op: this.elemValue(v, elem, 'array or slice literal') });
          idx++;
          max = Math.max(max, idx);
        }
        if (u.t === 'slice' && !this.literalLength(e, elem, bmax, 'slice')) return this.invalid(e);
        const n = u.t === 'array' ? u.len : max;
        // a struct or array element's word is its address, not its value: it takes the general path
        const simple = u.t === 'slice' && es <= 8 && !T.isBlock(elem) && items.every((it, i) => it.idx === i) && items.length > 0;
        const isSlice = u.t === 'slice';
        gen = () => {
          if (simple) {
            for (const it of items) it.op.gen();
            code().op(Op.SLICELIT, [es, items.length], items.length, 1);
            return;
          }
          code().op(Op.ALLOC, [Math.max(8, Math.ceil(n * es / 8) * 8)]);
          for (const it of items) {
            code().op(Op.DUP);
            if (it.idx) code().op(Op.FIELDADDR, [it.idx * es]);
            it.op.gen();
            storeAt(code(), elem);
          }
          if (isSlice) code().op(Op.ARRAYSLICE, [es, n, 0], 1, 1);
        };
        break;
      }
      case 'map': {
        const m = u;
        const kk = typeKind(m.key);
        const items: [Operand, Operand][] = [];
        for (const el of e.elts) {
          if (el.k !== 'KeyValueExpr') {
            this.error(el.pos, 'missing key in map literal');
            continue;
          }
          items.push([this.elemValue(el.key, m.key, 'map literal'), this.elemValue(el.value, m.elem, 'map literal')]);
        }
        gen = () => {
          code().const(items.length);
          code().op(Op.MAKEMAP, [this.mapKeyImm(m.key, kk)]);
          for (const [k, v] of items) {
            code().op(Op.DUP);
            k.gen();
            if (T.isBlock(m.key) && !k.fresh) code().op(Op.NEWCOPY, [T.allocSize(m.key)]);
            v.gen();
            if (T.isBlock(m.elem) && !v.fresh) code().op(Op.NEWCOPY, [T.allocSize(m.elem)]);
            code().op(Op.MAPSET, [kk]);
          }
        };
        break;
      }
      default:
        this.error(e.pos, `invalid composite literal type ${this.typeStr(t)}`);
        return this.invalid(e);
    }
    if (viaPtr) return { mode: 'value', type: { t: 'pointer', elem: t }, expr: e, gen };
    return { mode: 'value', type: t, expr: e, gen, fresh: true };
  }

  /** An element of a composite literal: an elided-type literal takes the element type. */
  elemValue(v: A.Expr, t: T.Type, ctx: string): Operand {
    if (v.k === 'CompositeLit' && !v.type) return this.compositeLit(v, t);
    return this.assignConv(this.expr(v), t, ctx);
  }

  funcLit(e: A.FuncLit): Operand {
    const sig = this.c.resolveSig(this.env, e.type);
    const idx = this.c.litFunc(this.env.file, e.pos, `${this.funcName()}.func${this.litCounter()}`);
    const child = this.compileLit(e, sig, idx);
    const caps = child.captures;
    return {
      mode: 'value', type: sig, expr: e, fresh: false,
      gen: () => {
        if (!caps.length) {
          this.code.op(Op.FUNCVAL, [idx]);
          return;
        }
        for (const v of caps) {
          if (!v.global && v.owner !== this.fn) this.captureIndex(v);
          this.pushRef(v);
        }
        this.code.op(Op.MAKECLOSURE, [idx, caps.length], caps.length, 1);
      },
    };
  }

  // overridden by FnGen
  funcName(): string {
    return this.env.pkg.path + '.?';
  }
  litCounter(): number {
    return 0;
  }
  compileLit(_e: A.FuncLit, _sig: T.Signature, _idx: number): ExprGen {
    throw new Error('compileLit: not in a function');
  }

  // ---- calls ---------------------------------------------------------------------

  /**
   * Check call arguments against a signature; returns operands already
   * converted to the parameter types (variadic tail packed into a slice).
   */
  callArgs(e: A.CallExpr, sig: T.Signature, name: string): Operand[] | undefined {
    let args: Operand[] = [];
    if (e.args.length === 1 && !e.ellipsis) {
      const a = this.exprOrType(e.args[0]);
      if (a.mode === 'multi') {
        const tt = (a.type as T.Tuple).types;
        const temps = tt.map(() => this.newLocal());
        let done = false;
        const first = (): void => {
          if (done) return;
          done = true;
          a.gen();
          for (let i = temps.length - 1; i >= 0; i--) this.code.op(Op.SETLOCAL, [temps[i]]);
        };
        args = tt.map((t, i) => ({ mode: 'value', type: t, expr: e.args[0], gen: () => { if (i === 0) first(); this.code.op(Op.LOCAL, [temps[i]]); } }));
      } else if (a.mode === 'type') {
        this.error(a.expr.pos, `${this.exprString(a.expr)} (type) is not an expression`);
        return undefined;
      } else args = [this.single(a, e.args[0])];
    } else args = e.args.map((a) => this.expr(a));
    if (args.some((a) => a.mode === 'invalid')) return undefined;
    const np = sig.params.length;
    const out: Operand[] = [];
    if (e.ellipsis) {
      if (!sig.variadic) {
        this.error(e.pos, `have (...) but function is not variadic: ${name}`);
        return undefined;
      }
      if (args.length !== np) {
        this.error(e.pos, `${args.length < np ? 'not enough' : 'too many'} arguments in call to ${name}`);
        return undefined;
      }
      args.forEach((a, i) => out.push(this.assignConv(a, sig.params[i], `argument to ${name}`)));
      return out.some((o) => o.mode === 'invalid') ? undefined : out;
    }
    const fixed = sig.variadic ? np - 1 : np;
    if (args.length < fixed || (!sig.variadic && args.length > np)) {
      const have = '(' + args.map((a) => this.haveType(a)).join(', ') + ')';
      const want = '(' + sig.params.map((p, i) => (sig.variadic && i === np - 1 ? '...' + this.typeStr((p as T.Slice).elem) : this.typeStr(p))).join(', ') + ')';
      this.error(args.length < fixed ? e.pos + ExprGen.exprText(e).length - 1 : args[np].expr.pos,
        `${args.length < fixed ? 'not enough' : 'too many'} arguments in call to ${name}\n\thave ${have}\n\twant ${want}`);
      return undefined;
    }
    for (let i = 0; i < fixed; i++) out.push(this.assignConv(args[i], sig.params[i], `argument to ${name}`));
    if (sig.variadic) {
      const st = sig.params[np - 1] as T.Slice;
      const rest = args.slice(fixed).map((a) => this.assignConv(a, st.elem, `argument to ${name}`));
      const es = T.elemSize(st.elem);
      out.push({
        mode: 'value', type: st, expr: e,
        gen: () => {
          if (!rest.length) {
            this.code.const(0);
            return;
          }
          if (es <= 8) {
            for (const r of rest) r.gen();
            this.code.op(Op.SLICELIT, [es, rest.length], rest.length, 1);
            return;
          }
          this.code.op(Op.ALLOC, [rest.length * es]);
          rest.forEach((r, i) => {
            this.code.op(Op.DUP);
            if (i) this.code.op(Op.FIELDADDR, [i * es]);
            r.gen();
            storeAt(this.code, st.elem);
          });
          this.code.op(Op.ARRAYSLICE, [es, rest.length, 0], 1, 1);
        },
      });
    }
    return out.some((o) => o.mode === 'invalid') ? undefined : out;
  }

  /** A type in a "have (...)" list: untyped constants print as Go's checker does. */
  haveType(a: Operand): string {
    if (a.mode === 'nil') return 'nil';
    const k = T.isUntyped(a.type) ? (a.type as T.Basic).kind : undefined;
    if (k === 'untyped int' || k === 'untyped float' || k === 'untyped rune') return 'number';
    if (k === 'untyped string') return 'string';
    if (k === 'untyped bool') return 'bool';
    return this.typeStr(a.type);
  }

  resultOperand(e: A.Expr, sig: T.Signature, gen: () => void): Operand {
    const r = sig.results;
    if (r.length === 0) return { mode: 'novalue', type: { t: 'tuple', types: [] }, expr: e, gen };
    if (r.length === 1) return { mode: 'value', type: r[0], expr: e, gen };
    return { mode: 'multi', type: { t: 'tuple', types: r }, expr: e, gen };
  }

  call(e: A.CallExpr): Operand {
    const f = this.exprOrType(e.fun);
    if (f.mode === 'invalid') {
      for (const a of e.args) this.exprOrType(a);
      return this.invalid(e);
    }
    if (f.mode === 'type') {
      if (e.args.length !== 1) {
        this.error(e.pos, e.args.length ? `too many arguments in conversion to ${this.typeStr(f.type)}` : `missing argument in conversion to ${this.typeStr(f.type)}`);
        return this.invalid(e);
      }
      return this.conversion(e, this.expr(e.args[0]), f.type);
    }
    if (f.mode === 'builtin') return this.builtinCall(e, f.builtin as string);
    const fv = this.single(f, e.fun);
    if (fv.mode === 'invalid') return this.invalid(e);
    const u = T.under(fv.type);
    if (u.t !== 'func') {
      this.error(e.pos, `invalid operation: cannot call non-function ${this.opText(fv)}`);
      return this.invalid(e);
    }
    const sig = u;
    const name = this.exprString(e.fun);
    const args = this.callArgs(e, sig, name);
    if (!args) return this.invalid(e);
    const nargs = args.length;
    const nres = sig.results.length;
    const callee = fv.callee;
    const gen = (): void => {
      const code = this.code;
      if (callee?.k === 'static') {
        let n = nargs;
        if (callee.recv) {
          callee.recv();
          n++;
        }
        for (const a of args) a.gen();
        code.call(callee.func, n, nres);
      } else if (callee?.k === 'intrinsic') {
        for (const a of args) a.gen();
        code.intrinsic(callee.id, nargs, nres);
      } else if (callee?.k === 'iface') {
        callee.recv();
        for (const a of args) a.gen();
        code.op(Op.CALLIFACE, [callee.mid, nargs + 1], nargs + 1, nres);
      } else if (isQuiet(e.fun)) {
        for (const a of args) a.gen();
        fv.gen();
        code.op(Op.CALLCLOSURE, [nargs], nargs + 1, nres);
      } else {
        // the function value is evaluated before the arguments: f()(g())
        const t = this.newLocal();
        fv.gen();
        code.op(Op.SETLOCAL, [t]);
        for (const a of args) a.gen();
        code.op(Op.LOCAL, [t]);
        code.op(Op.CALLCLOSURE, [nargs], nargs + 1, nres);
      }
    };
    return this.hoistable(this.resultOperand(e, sig, gen));
  }

  /** For go and defer: the call's parts, so the statement can emit GO/DEFER forms. */
  deferredCall(e: A.Expr, what: 'go' | 'defer'): { emit: () => void } | undefined {
    let call = e;
    while (call.k === 'ParenExpr') call = call.x;
    if (call.k !== 'CallExpr') {
      this.error(e.pos, `expression in ${what} must be function call`);
      this.expr(e);
      return undefined;
    }
    const ce = call;
    const f = this.exprOrType(ce.fun);
    if (f.mode === 'invalid') return undefined;
    if (f.mode === 'type') {
      this.error(e.pos, `${what} requires function call, not conversion`);
      return undefined;
    }
    const [opStatic, opClosure] = what === 'go' ? [Op.GO, Op.GOCLOSURE] : [Op.DEFER, Op.DEFERCLOSURE];
    if (f.mode === 'builtin') {
      const b = f.builtin as string;
      if (['len', 'cap', 'make', 'new', 'append', 'min', 'max'].includes(b)) {
        this.error(e.pos, `${what} discards result of ${this.exprString(ce)}`);
        return undefined;
      }
      // a builtin runs in a small function taking the evaluated arguments
      const args = ce.args.map((a) => this.expr(a)).map((a) => this.defaultOp(a));
      if (args.some((a) => a.mode === 'invalid')) return undefined;
      const idx = this.c.litFunc(this.env.file, ce.pos, `${this.funcName()}.${what}${b}`);
      const saved = this.code;
      const savedN = this.nlocals;
      const body = new Code();
      this.code = body;
      this.nlocals = args.length;
      const params = args.map((a, i): Operand => ({ mode: 'value', type: a.type, expr: a.expr, gen: () => body.op(Op.LOCAL, [i]) }));
      const res = this.builtinWith(ce, b, params);
      res.gen();
      const nl = this.nlocals;
      this.code = saved;
      this.nlocals = savedN;
      if (res.mode === 'invalid') return undefined;
      if (res.mode === 'value') body.op(Op.DROP);
      body.op(Op.RET, [], 0, 0);
      this.c.b.defineFunc(idx, { code: body, nparams: args.length, nresults: 0, nlocals: nl });
      return {
        emit: () => {
          for (const a of args) a.gen();
          this.code.op(opStatic, [idx, args.length], args.length, 0);
        },
      };
    }
    const fv = this.single(f, ce.fun);
    const u = T.under(fv.type);
    if (u.t !== 'func') {
      this.error(e.pos, `invalid operation: cannot call non-function ${this.opText(fv)}`);
      return undefined;
    }
    const args = this.callArgs(ce, u, this.exprString(ce.fun));
    if (!args) return undefined;
    const n = args.length;
    const callee = fv.callee;
    // the call runs later: a struct or array argument (held by address) is copied now
    const bound = args.map((a): Operand =>
      T.isBlock(a.type) && !a.fresh ? { ...a, gen: () => { a.gen(); this.code.op(Op.NEWCOPY, [T.allocSize(a.type)]); } } : a);
    // defer of a nil func value panics when the deferred call runs, not at the defer
    const nilDeferred = (): void => {
      if (what !== 'defer') return;
      const thunk = this.c.synthFunc(`nildefer:${n}`, 'runtime.deferCallNil', (code) => {
        code.const(0);
        code.op(Op.NILCHECK);
        code.op(Op.DROP);
        code.op(Op.RET, [], 0, 0);
        return { nparams: n, nresults: 0, nlocals: n };
      });
      const l = this.code.label();
      this.code.op(Op.DUP);
      this.code.jump(Op.JMPIF, l);
      this.code.op(Op.DROP);
      this.code.op(Op.MAKECLOSURE, [thunk, 0], 0, 1);
      this.code.bind(l);
    };
    return {
      emit: () => {
        const code = this.code;
        if (callee?.k === 'static') {
          let m = n;
          if (callee.recv) {
            callee.recv(true);
            m++;
          }
          for (const a of bound) a.gen();
          code.op(opStatic, [callee.func, m], m, 0);
        } else if (callee?.k === 'intrinsic') {
          for (const a of bound) a.gen();
          code.op(opStatic, [callee.fo.index, n], n, 0);
        } else if (isQuiet(ce.fun)) {
          for (const a of bound) a.gen();
          fv.gen();
          nilDeferred();
          code.op(opClosure, [n], n + 1, 0);
        } else {
          const t = this.newLocal();
          fv.gen();
          code.op(Op.SETLOCAL, [t]);
          for (const a of bound) a.gen();
          code.op(Op.LOCAL, [t]);
          nilDeferred();
          code.op(opClosure, [n], n + 1, 0);
        }
      },
    };
  }

  builtinCall(e: A.CallExpr, name: string): Operand {
    if (e.ellipsis && name !== 'append') {
      this.error(e.pos, `invalid operation: invalid use of ... with built-in ${name}`);
      return this.invalid(e);
    }
    // make and new take a type first
    if (name === 'make' || name === 'new') {
      if (!e.args.length) {
        this.error(e.pos, `not enough arguments for ${name}() (expected 1, found 0)`);
        return this.invalid(e);
      }
      const t = this.resolveType(e.args[0]);
      if (t === T.Invalid) return this.invalid(e);
      const rest = e.args.slice(1).map((a) => this.intOperand(a, name === 'make' ? 'size' : 'argument'));
      if (rest.some((r) => r.mode === 'invalid')) return this.invalid(e);
      const tOp: Operand = { mode: 'type', type: t, expr: e.args[0], gen: noGen };
      return this.hoistable(this.builtinWith(e, name, [tOp, ...rest]));
    }
    const spread = e.args.length === 1 && !e.ellipsis ? this.spreadCall(e.args[0]) : undefined;
    const args = spread ?? e.args.map((a) => this.expr(a));
    if (args.some((a) => a.mode === 'invalid')) return this.invalid(e);
    const r = this.builtinWith(e, name, args);
    // gc orders these as calls; print, panic, delete, close are statements
    return ['len', 'cap', 'append', 'copy', 'complex', 'real', 'imag', 'recover'].includes(name) ? this.hoistable(r) : r;
  }

  /**
   * f(g()) with g returning several values: one operand per result, read from
   * temporaries that the first one's code fills by calling g (operands are
   * generated in order). Undefined when a is no multi-value call.
   */
  spreadCall(a: A.Expr): Operand[] | undefined {
    let x = a;
    while (x.k === 'ParenExpr') x = x.x;
    if (x.k !== 'CallExpr') return undefined;
    const op = this.exprOrType(a);
    // a single value is returned as checked: checking a again would be exponential in nesting
    if (op.mode !== 'multi') return [this.single(op, a)];
    const types = (op.type as T.Tuple).types;
    let temps: number[] = [];
    return types.map((t, i): Operand => ({
      mode: 'value', type: t, expr: a,
      gen: () => {
        if (i === 0) {
          temps = types.map(() => this.newLocal());
          op.gen();
          for (let j = temps.length - 1; j >= 0; j--) this.code.op(Op.SETLOCAL, [temps[j]]);
        }
        this.code.op(Op.LOCAL, [temps[i]]);
      },
    }));
  }

  /**
   * The length a [...]T or []T literal's indices give it: past Go's width
   * limit it is Go's error; past 2^31-1 p9rt's (lengths are i32; the
   * immediates would saturate and len would lie). False after the error.
   */
  private literalLength(e: A.CompositeLit, elem: T.Type, n: bigint, kind: 'array' | 'slice'): boolean {
    const w = T.goSizeOf(elem);
    if (w > 0 && n > BigInt(Math.floor((T.GO_MAX_WIDTH - 1) / w))) {
      // the element as written: Go says byte where the literal does
      const et = e.type?.k === 'ArrayType' ? this.exprString(e.type.elem) : this.typeStr(elem);
      this.error(e.pos, `type [${n}]${et} larger than address space`);
      return false;
    }
    if (n > BigInt(T.MAX_ARRAY_LEN)) {
      this.error(e.pos, `${kind} literal of length ${n} is not supported by p9rt (at most ${T.MAX_ARRAY_LEN})`);
      return false;
    }
    return true;
  }

  /** The index of an array or slice literal's key: an integer constant, or an untyped one representable as int ({1e1: x}). */
  private literalIndex(key: A.Expr): bigint | undefined {
    const k = this.c.constExpr(this.env, key, -1);
    if (!k) return undefined;
    const v = k.val.k === 'float' && T.isUntyped(k.type) ? C.represent(k.val, T.Int) : k.val;
    return v?.k === 'int' ? v.v : undefined;
  }

  /** Is e a local variable of this function that only this function's own code can change? */
  isStable(e: A.Expr): boolean {
    let x = e;
    while (x.k === 'ParenExpr') x = x.x;
    if (x.k !== 'Ident') return false;
    const o = this.lookup(x.name);
    return o?.kind === 'var' && !o.global && o.owner === this.fn && !o.boxed;
  }

  /** print of the slice on the stack, as Go's printslice: [len/cap]0xptr. */
  private printSlice(): void {
    const code = this.code;
    const t = this.newLocal();
    code.op(Op.SETLOCAL, [t]);
    const str = (x: string): void => {
      code.strconst(this.c.b.byteStr(x));
      code.op(Op.PRINTSTR);
    };
    str('[');
    code.op(Op.LOCAL, [t]);
    code.op(Op.LEN);
    code.op(Op.PRINTINT);
    str('/');
    code.op(Op.LOCAL, [t]);
    code.op(Op.CAP);
    code.op(Op.PRINTINT);
    str(']');
    // the header's first word is the array's address (docs/bytecode.md); a nil slice has none
    const l = code.label();
    code.op(Op.LOCAL, [t]);
    code.op(Op.DUP);
    code.jump(Op.JMPIFNOT, l);
    code.op(Op.LOAD, [0]);
    code.const(0xffffffff);
    code.op(Op.AND);
    code.bind(l);
    code.op(Op.PRINTPTR);
  }

  /** Does evaluating e call a function or receive (conversions and constant builtins are neither)? */
  hasCallOrRecv(e: A.Expr): boolean {
    let found = false;
    const walk = (x: A.Expr | undefined): void => {
      if (!x || found) return;
      switch (x.k) {
        case 'CallExpr': {
          let f = x.fun;
          while (f.k === 'ParenExpr') f = f.x;
          const o = f.k === 'Ident' ? this.lookup(f.name) : undefined;
          const conv = o?.kind === 'type' || ['ArrayType', 'MapType', 'ChanType', 'FuncType', 'StructType', 'InterfaceType', 'StarExpr'].includes(f.k);
          const constBuiltin = o?.kind === 'builtin' && ['len', 'cap', 'real', 'imag', 'complex'].includes(o.name);
          if (!conv && !constBuiltin) found = true;
          else { walk(x.fun); x.args.forEach(walk); }
          return;
        }
        case 'UnaryExpr':
          if (x.op === '<-') found = true;
          else walk(x.x);
          return;
        case 'ParenExpr': case 'StarExpr': return walk(x.x);
        case 'SelectorExpr': return walk(x.x);
        case 'IndexExpr': walk(x.x); return walk(x.index);
        case 'SliceExpr': walk(x.x); walk(x.lo); walk(x.hi); return walk(x.max);
        case 'BinaryExpr': walk(x.x); return walk(x.y);
        case 'TypeAssertExpr': return walk(x.x);
        case 'CompositeLit': for (const el of x.elts) walk(el); return;
        case 'KeyValueExpr': walk(x.key); return walk(x.value);
        default: return;
      }
    };
    walk(e);
    return found;
  }

  builtinWith(e: A.CallExpr, name: string, args: Operand[]): Operand {
    const code = (): Code => this.code;
    const nargs = (min: number, max: number): boolean => {
      if (args.length < min) {
        this.error(e.pos + ExprGen.exprText(e).length - 1, `not enough arguments for ${ExprGen.exprText(e)} (expected ${min}, found ${args.length})`);
        return false;
      }
      if (args.length > max) {
        this.error(args[max].expr.pos, `too many arguments for ${ExprGen.exprText(e)} (expected ${max}, found ${args.length})`);
        return false;
      }
      return true;
    };
    const value = (t: T.Type, gen: () => void): Operand => ({ mode: 'value', type: t, expr: e, gen });
    const novalue = (gen: () => void): Operand => ({ mode: 'novalue', type: { t: 'tuple', types: [] }, expr: e, gen });
    switch (name) {
      case 'len':
      case 'cap': {
        if (!nargs(1, 1)) return this.invalid(e);
        const x = args[0];
        let u = T.under(x.type);
        if (u.t === 'pointer' && T.under(u.elem).t === 'array') u = T.under(u.elem);
        if (T.isString(x.type) && name === 'len') {
          if (x.mode === 'const' && x.val?.k === 'string') return this.constOp(e, T.Int, C.cint(BigInt(x.val.v.length)));
          return value(T.Int, () => { x.gen(); code().op(Op.STRLEN); });
        }
        if (u.t === 'array') {
          // constant only without calls or receives in x (spec "Length and capacity"); else x runs
          if (!this.hasCallOrRecv(x.expr)) return this.constOp(e, T.Int, C.cint(BigInt(u.len)));
          const n = u.len;
          return value(T.Int, () => { x.gen(); code().op(Op.DROP); code().const(n); });
        }
        if (u.t === 'slice') return value(T.Int, () => { x.gen(); code().op(name === 'len' ? Op.LEN : Op.CAP); });
        if (u.t === 'chan') return value(T.Int, () => { x.gen(); code().op(name === 'len' ? Op.CHANLEN : Op.CHANCAP); });
        if (u.t === 'map' && name === 'len') return value(T.Int, () => { x.gen(); code().op(Op.MAPLEN); });
        this.error(x.expr.pos, `invalid argument: ${this.opText(x)} for built-in ${name}`);
        return this.invalid(e);
      }
      case 'append': {
        if (!args.length) {
          this.error(e.pos, 'not enough arguments for append() (expected 1, found 0)');
          return this.invalid(e);
        }
        const s = args[0];
        if (s.mode === 'nil') {
          this.error(s.expr.pos, 'first argument to append must be a typed slice; found untyped nil');
          return this.invalid(e);
        }
        const u = T.under(s.type);
        if (u.t !== 'slice') {
          this.error(s.expr.pos, `invalid argument: ${this.opText(s)} (first argument to append must be a slice; have ${this.exprString(s.expr)} (${this.describe(s)}))`.replace(/ \(first.*\)$/, ' is not a slice'));
          return this.invalid(e);
        }
        const es = T.elemSize(u.elem);
        const elem = u.elem;
        if (e.ellipsis) {
          if (!nargs(2, 2)) return this.invalid(e);
          const t = args[1];
          if (T.isString(t.type) && T.basicKind(elem) === 'uint8') {
            const tt = this.defaultOp(t);
            return value(s.type, () => { s.gen(); tt.gen(); code().op(Op.APPENDSTR); });
          }
          const tt = this.assignConv(t, s.type.t === 'named' ? u : s.type, 'append');
          if (tt.mode === 'invalid') return this.invalid(e);
          return value(s.type, () => { s.gen(); tt.gen(); code().op(Op.APPENDSLICE, [es]); });
        }
        const vals = args.slice(1).map((a) => this.assignConv(a, elem, 'argument to append'));
        if (vals.some((v) => v.mode === 'invalid')) return this.invalid(e);
        // every value is evaluated before the first write: append(s[:4], '5', s[4]) reads the old s[4]
        const early = vals.length > 1 && vals.some((v) => v.mode !== 'const');
        return value(s.type, () => {
          s.gen();
          if (!early) {
            for (const v of vals) {
              v.gen();
              code().op(Op.APPEND, [es]);
            }
            return;
          }
          const temps = vals.map((v) => {
            const t = this.newLocal();
            v.gen();
            if (T.isBlock(elem) && !v.fresh) code().op(Op.NEWCOPY, [T.allocSize(elem)]);
            code().op(Op.SETLOCAL, [t]);
            return t;
          });
          for (const t of temps) {
            code().op(Op.LOCAL, [t]);
            code().op(Op.APPEND, [es]);
          }
        });
      }
      case 'copy': {
        if (!nargs(2, 2)) return this.invalid(e);
        const [d, s] = args;
        const du = T.under(d.type);
        if (du.t !== 'slice') {
          this.error(e.pos, `invalid argument: copy expects slice arguments; found ${this.opText(d)} and ${this.opText(s)}`);
          return this.invalid(e);
        }
        const es = T.elemSize(du.elem);
        if (T.isString(s.type) && T.basicKind(du.elem) === 'uint8') {
          const ss = this.defaultOp(s);
          return value(T.Int, () => { d.gen(); ss.gen(); code().op(Op.BYTESFROMSTR); code().op(Op.COPYSLICE, [1]); });
        }
        const su = T.under(s.type);
        if (su.t !== 'slice' || !T.identical(su.elem, du.elem)) {
          this.error(e.pos, `invalid argument: copy expects slice arguments; found ${this.opText(d)} and ${this.opText(s)}`);
          return this.invalid(e);
        }
        return value(T.Int, () => { d.gen(); s.gen(); code().op(Op.COPYSLICE, [es]); });
      }
      case 'delete': {
        if (!nargs(2, 2)) return this.invalid(e);
        const m = args[0];
        const mu = T.under(m.type);
        if (mu.t !== 'map') {
          this.error(m.expr.pos, `invalid argument: ${this.opText(m)} is not a map`);
          return this.invalid(e);
        }
        const k = this.assignConv(args[1], mu.key, 'argument to delete');
        if (k.mode === 'invalid') return this.invalid(e);
        const kk = typeKind(mu.key);
        return novalue(() => { m.gen(); k.gen(); code().op(Op.MAPDELETE, [kk]); });
      }
      case 'close': {
        if (!nargs(1, 1)) return this.invalid(e);
        const ch = args[0];
        const cu = T.under(ch.type);
        if (cu.t !== 'chan') {
          this.error(ch.expr.pos, `invalid operation: non-chan argument ${this.opText(ch)} to close`);
          return this.invalid(e);
        }
        if (cu.dir === 'recv') {
          this.error(ch.expr.pos, `invalid operation: cannot close receive-only channel ${this.opText(ch)}`);
          return this.invalid(e);
        }
        return novalue(() => { ch.gen(); code().op(Op.CLOSE); });
      }
      case 'panic': {
        if (!nargs(1, 1)) return this.invalid(e);
        const v = this.assignConv(args[0], T.emptyIface, 'argument to panic');
        if (v.mode === 'invalid') return this.invalid(e);
        return novalue(() => { v.gen(); code().op(Op.PANIC); });
      }
      case 'recover':
        if (!nargs(0, 0)) return this.invalid(e);
        return value(T.emptyIface, () => code().op(Op.RECOVER));
      case 'print':
      case 'println': {
        const vals = args.map((a) => this.defaultOp(a));
        if (vals.some((v) => v.mode === 'invalid')) return this.invalid(e);
        return novalue(() => {
          vals.forEach((v, i) => {
            if (i && name === 'println') code().op(Op.PRINTSP);
            if (v.mode === 'nil') {
              code().const(0);
              code().op(Op.PRINTPTR);
              return;
            }
            v.gen();
            const t = v.type;
            const u = T.under(t);
            if (T.isBoolean(t)) code().op(Op.PRINTBOOL);
            else if (T.isFloat(t)) code().op(Op.PRINTFLOAT);
            else if (T.isUnsigned(t)) code().op(Op.PRINTUINT);
            else if (T.isInteger(t)) code().op(Op.PRINTINT);
            else if (T.isString(t)) code().op(Op.PRINTSTR);
            else if (u.t === 'interface') code().op(Op.PRINTIFACE);
            else if (u.t === 'slice') this.printSlice();
            else code().op(Op.PRINTPTR);
          });
          if (name === 'println') code().op(Op.PRINTNL);
        });
      }
      case 'new': {
        if (!nargs(1, 1)) return this.invalid(e);
        const t = args[0].type;
        return value({ t: 'pointer', elem: t }, () => code().op(Op.ALLOC, [T.allocSize(t)]));
      }
      case 'make': {
        const t = args[0].type;
        const u = T.under(t);
        if (u.t === 'slice') {
          if (!nargs(2, 3)) return this.invalid(e);
          const [, l, c] = args;
          if (l.mode === 'const' && c?.mode === 'const' && l.val && c.val && (l.val.v as bigint) > (c.val.v as bigint)) {
            this.error(l.expr.pos, `invalid argument: length and capacity swapped`);
            return this.invalid(e);
          }
          const es = T.elemSize(u.elem);
          return value(t, () => {
            if (c) {
              l.gen();
              c.gen();
            } else {
              l.gen();
              code().op(Op.DUP);
            }
            code().op(Op.MAKESLICE, [es]);
          });
        }
        if (u.t === 'map') {
          if (!nargs(1, 2)) return this.invalid(e);
          const h = args[1];
          const kk = typeKind(u.key);
          return value(t, () => { if (h) h.gen(); else code().const(0); code().op(Op.MAKEMAP, [this.mapKeyImm(u.key, kk)]); });
        }
        if (u.t === 'chan') {
          if (!nargs(1, 2)) return this.invalid(e);
          const n = args[1];
          return value(t, () => { if (n) n.gen(); else code().const(0); code().op(Op.MAKECHAN); });
        }
        this.error(args[0].expr.pos, `invalid argument: cannot make ${this.exprString(args[0].expr)}; type must be slice, map, or channel`);
        return this.invalid(e);
      }
      case 'min':
      case 'max': {
        if (!nargs(1, 1 << 20)) return this.invalid(e);
        let t: T.Type | undefined;
        for (const a of args) if (!T.isUntyped(a.type)) t = a.type;
        if (!t) {
          // all constant
          let best = args[0];
          for (const a of args.slice(1)) {
            if (!a.val || !best.val) return this.invalid(e);
            if (C.compareConst(name === 'min' ? '<' : '>', a.val, best.val)) best = a;
          }
          return { ...best, expr: e };
        }
        const tt = t;
        if (!(T.isNumeric(tt) || T.isString(tt))) {
          this.error(e.pos, `invalid argument: ${this.opText(args[0])} cannot be ordered`);
          return this.invalid(e);
        }
        const vals = args.map((a) => this.assignConv(a, tt, `argument to ${name}`));
        if (vals.some((v) => v.mode === 'invalid')) return this.invalid(e);
        const cmpOp = T.isFloat(tt) ? Op.FLT : T.isUnsigned(tt) ? Op.LTU : Op.LT;
        return value(tt, () => {
          vals[0].gen();
          for (const v of vals.slice(1)) {
            // keep the smaller (min) or larger (max) of the two words on top
            v.gen();
            code().op(Op.OVER);
            code().op(Op.OVER);
            if (T.isString(tt)) {
              code().op(Op.STRCMP);
              code().const(0);
              code().op(Op.LT);
            } else code().op(cmpOp);
            // stack: a b (a<b): min keeps a when a<b, max keeps a when !(a<b)
            const keepA = code().label();
            const end = code().label();
            if (name === 'min') code().jump(Op.JMPIF, keepA);
            else code().jump(Op.JMPIFNOT, keepA);
            code().op(Op.SWAP);
            code().bind(keepA);
            code().op(Op.DROP);
            void end;
          }
        });
      }
      case 'complex':
      case 'real':
      case 'imag':
        this.error(e.pos, 'complex numbers are not supported by p9rt');
        return this.invalid(e);
      case 'clear':
        this.error(e.pos, 'clear is not supported by p9rt');
        return this.invalid(e);
    }
    this.error(e.pos, `unknown builtin ${name}`);
    return this.invalid(e);
  }

  /** Types of the values of a right-hand side (for var declarations without type). */
  rhsTypes(rhs: A.Expr[], n: number, pos: number): T.Type[] {
    if (rhs.length === 1 && n > 1) {
      const op = this.rhsMulti(rhs[0], n);
      if (!op) return [];
      return op.types;
    }
    if (rhs.length !== n) {
      this.error(pos, `assignment mismatch: ${n} variable${n > 1 ? 's' : ''} but ${rhs.length} value${rhs.length > 1 ? 's' : ''}`);
      return [];
    }
    return rhs.map((e) => {
      const op = this.expr(e);
      if (op.mode === 'nil') {
        this.error(e.pos, 'use of untyped nil in variable declaration');
        return T.Invalid;
      }
      return T.defaultType(op.type);
    });
  }

  /**
   * A single expression giving n values: a multi-valued call, or the comma-ok
   * forms (map index, type assertion, receive) when n is 2.
   */
  rhsMulti(e: A.Expr, n: number): { types: T.Type[]; gen: () => void } | undefined {
    let inner = e;
    while (inner.k === 'ParenExpr') inner = inner.x;
    const op = this.exprOrType(inner);
    if (op.mode === 'invalid') return undefined;
    if (op.mode === 'multi') {
      const types = (op.type as T.Tuple).types;
      if (types.length !== n) {
        this.error(e.pos, `assignment mismatch: ${n} variables but ${this.exprString(e)} returns ${types.length} value${types.length > 1 ? 's' : ''}`);
        return undefined;
      }
      return { types, gen: op.gen };
    }
    if (n === 2 && op.commaOk && op.mode === 'value') {
      return { types: [op.type, T.Bool], gen: op.commaOk };
    }
    const what = op.mode === 'value' || op.mode === 'const' ? '1 value' : 'no value';
    this.error(e.pos, `assignment mismatch: ${n} variables but ${op.expr.k === 'CallExpr' ? this.exprString(e) + ' returns ' : ''}${what}`);
    return undefined;
  }

  /** The common Scope type is re-exported for the statement compiler. */
  newScope(): Scope {
    return new Scope(this.env.scope);
  }
}

export { Intrinsic };

function floatBits(f: number): bigint {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, f, true);
  return dv.getBigInt64(0, true);
}

function latin(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) out += String.fromCharCode(b);
  return out;
}

function foldBinary(op: string, a: C.Const, b: C.Const, t: T.Type): C.Const | undefined {
  if (a.k === 'string' && b.k === 'string') return op === '+' ? C.cstr(a.v + b.v) : undefined;
  if (a.k === 'bool' || b.k === 'bool' || a.k === 'string' || b.k === 'string') return undefined;
  const intRes = T.isInteger(t) || (a.k === 'int' && b.k === 'int' && !T.isFloat(t));
  if (intRes) {
    const x = a.k === 'int' ? a.v : BigInt(Math.trunc(a.v));
    const y = b.k === 'int' ? b.v : BigInt(Math.trunc(b.v));
    let v: bigint;
    switch (op) {
      case '+': v = x + y; break;
      case '-': v = x - y; break;
      case '*': v = x * y; break;
      case '/':
        if (y === 0n) return undefined;
        if (!T.isInteger(t) && x % y !== 0n) return C.crat(x, y);
        v = x / y;
        break;
      case '%': if (y === 0n) return undefined; v = x % y; break;
      case '&': v = x & y; break;
      case '|': v = x | y; break;
      case '^': v = x ^ y; break;
      case '&^': v = x & ~y; break;
      default: return undefined;
    }
    return C.cint(v);
  }
  const ea = C.exact(a);
  const eb = C.exact(b);
  if (ea && eb) {
    const [an, ad] = ea;
    const [bn, bd] = eb;
    switch (op) {
      case '+': return C.crat(an * bd + bn * ad, ad * bd);
      case '-': return C.crat(an * bd - bn * ad, ad * bd);
      case '*': return C.crat(an * bn, ad * bd);
      case '/': return bn === 0n ? undefined : C.crat(an * bd, ad * bn);
    }
  }
  const x = C.toFloat(a);
  const y = C.toFloat(b);
  switch (op) {
    case '+': return C.cfloat(x + y);
    case '-': return C.cfloat(x - y);
    case '*': return C.cfloat(x * y);
    case '/': return C.cfloat(x / y);
  }
  return undefined;
}

/**
 * An expression whose evaluation can neither panic nor have effects, so it may
 * be evaluated after an lvalue's checks: names, literals, and arithmetic on
 * them that cannot panic (no division, no shift by a variable).
 */
export function isQuiet(e: A.Expr): boolean {
  switch (e.k) {
    case 'Ident': case 'BasicLit': return true;
    case 'ParenExpr': return isQuiet(e.x);
    case 'UnaryExpr': return (e.op === '-' || e.op === '+' || e.op === '!' || e.op === '^') && isQuiet(e.x);
    case 'BinaryExpr':
      if (e.op === '/' || e.op === '%') return false;
      if ((e.op === '<<' || e.op === '>>') && e.y.k !== 'BasicLit') return false;
      return isQuiet(e.x) && isQuiet(e.y);
    default: return false;
  }
}
