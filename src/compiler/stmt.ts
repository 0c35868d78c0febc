// Functions and statements. A function is compiled again when checking finds
// that one of its variables must live in a heap cell (captured by a closure or
// its address taken) after code reading it as a plain local was emitted: the
// second pass knows the set up front (FnShared.escapes).

import { Op } from '../../host/abi/defs.js';
import type * as A from './ast.js';
import { fileOf, lineOf } from './ast.js';
import type { Compiler, Env } from './compiler.js';
import * as C from './constant.js';
import { Code, type Label } from './image.js';
import { ExprGen, isQuiet, loadAt, storeAt, type OrderRoot } from './expr.js';
import { Scope, VarObj, type FuncObj, type VarInit } from './objects.js';
import { noGen, type LValue, type Operand } from './operand.js';
import * as T from './types.js';

interface Breakable {
  label?: string;
  brk: Label;
  cont?: Label;
}

export class FnGen extends ExprGen {
  private scopeVars: VarObj[][] = [];
  private breakables: Breakable[] = [];
  private labels = new Map<string, Label>();
  private hasDefer = false;
  private epilogue: Label | undefined;
  /** result words: variables (named results) or hidden locals */
  private resultVars: (VarObj | number)[] = [];
  private name = '';
  private lits = 0;
  private fallthroughTo: Label | undefined;

  static scratch(c: Compiler, env: Env, iota: number): FnGen {
    const g = new FnGen(c, env, null);
    g.iota = iota;
    return g;
  }

  static compileFunc(c: Compiler, fo: FuncObj): void {
    const d = fo.decl as A.FuncDecl;
    const f = fo.file as A.File;
    const shared = { escapes: new Set<string>(), rerun: false };
    for (let attempt = 0; attempt < 5; attempt++) {
      const g = new FnGen(c, { pkg: fo.pkg, file: f, scope: c.scopeOf(fo.pkg, f) }, null);
      g.shared = shared;
      g.deps = fo.deps;
      shared.rerun = false;
      const r = g.compileBody(d.recv, d.type, fo.sig, d.body as A.BlockStmt, fo.qualified, fo.recv);
      if (!shared.rerun || attempt === 4) {
        c.b.defineFunc(fo.index, r);
        return;
      }
    }
  }

  static compileVarInit(c: Compiler, vi: VarInit): void {
    const env: Env = { pkg: vi.pkg, file: vi.file, scope: c.scopeOf(vi.pkg, vi.file) };
    const g = new FnGen(c, env, null);
    g.deps = vi.deps;
    g.name = `${vi.pkg.path}.init`;
    if (vi.rhs.length) {
      g.code.line(lineOf(vi.file, vi.spec.pos), fileOf(vi.file, vi.spec.pos));
      const lvs = vi.lhs.map((v): LValue => (v.name === '_' ? blankLValue(g) : g.varLValue(v)));
      if (vi.rhs.length === vi.lhs.length) {
        vi.lhs.forEach((v, i) => {
          const op = g.assignConv(g.expr(vi.rhs[i]), v.type, 'variable declaration');
          if (op.mode === 'invalid') return;
          lvs[i].prep();
          op.gen();
          lvs[i].store();
        });
      } else if (vi.rhs.length === 1) {
        const m = g.rhsMulti(vi.rhs[0], vi.lhs.length);
        if (m) g.storeMulti(m, lvs, vi.lhs.map((v) => v.type), 'variable declaration');
      } else {
        g.error(vi.spec.pos, `assignment mismatch: ${vi.lhs.length} variable${vi.lhs.length > 1 ? 's' : ''} but ${vi.rhs.length} value${vi.rhs.length > 1 ? 's' : ''}`);
      }
    }
    g.code.op(Op.RET, [], 0, 0);
    c.b.defineFunc(vi.func, { code: g.code, nparams: 0, nresults: 0, nlocals: g.nlocals });
  }

  override funcName(): string {
    return this.name;
  }
  override litCounter(): number {
    return ++this.lits;
  }

  override compileLit(e: A.FuncLit, sig: T.Signature, idx: number): ExprGen {
    const child = new FnGen(this.c, { ...this.env }, this);
    const name = this.c.b.funcName(idx);
    const r = child.compileBody(undefined, e.type, sig, e.body, name);
    this.c.b.defineFunc(idx, r);
    return child;
  }

  // ---- scopes and variables ----------------------------------------------------------

  openScope(): void {
    this.env = { ...this.env, scope: new Scope(this.env.scope) };
    this.scopeVars.push([]);
  }

  closeScope(): void {
    const vars = this.scopeVars.pop() ?? [];
    for (const v of vars) if (!v.used && !v.isParam) this.error(v.pos, `declared and not used: ${v.name}`);
    this.env = { ...this.env, scope: this.env.scope.parent as Scope };
  }

  /** A new local variable in the current scope (not yet initialized). */
  declareVar(name: A.Ident, t: T.Type, isParam = false): VarObj {
    const v = new VarObj(name.name, t, name.pos, this.env.file);
    v.owner = this.fn;
    v.index = this.newLocal();
    v.isParam = isParam;
    v.boxed = this.shared.escapes.has(v.key) && !T.isBlock(t);
    if (name.name !== '_') {
      if (this.env.scope.names.has(name.name)) {
        this.error(name.pos, `${name.name} redeclared in this block`);
        v.used = true;
        return v;
      }
      this.env.scope.names.set(name.name, v);
      if (!isParam) this.scopeVars[this.scopeVars.length - 1]?.push(v);
    } else v.used = true;
    return v;
  }

  /** Initialize a declared variable with the value the operand pushes (or zero). */
  initVar(v: VarObj, value: Operand | null): void {
    const code = this.code;
    if (T.isBlock(v.type)) {
      if (value) {
        value.gen();
        if (!value.fresh) code.op(Op.NEWCOPY, [T.allocSize(v.type)]);
      } else code.op(Op.ALLOC, [T.allocSize(v.type)]);
      code.op(Op.SETLOCAL, [v.index]);
      return;
    }
    if (v.boxed) {
      code.op(Op.ALLOC, [8]);
      if (value) {
        code.op(Op.DUP);
        value.gen();
        storeAt(code, v.type);
      }
      code.op(Op.SETLOCAL, [v.index]);
      return;
    }
    if (value) value.gen();
    else code.const(0);
    code.op(Op.SETLOCAL, [v.index]);
  }

  /** Initialize v from a word already on the stack. */
  initVarFromStack(v: VarObj): void {
    const tmp = this.newLocal();
    this.code.op(Op.SETLOCAL, [tmp]);
    this.initVar(v, { mode: 'value', type: v.type, expr: { k: 'Ident', pos: v.pos, name: v.name }, gen: () => this.code.op(Op.LOCAL, [tmp]) });
  }

  // ---- functions ------------------------------------------------------------------------

  compileBody(recv: A.Field | undefined, ft: A.FuncType, sig: T.Signature, body: A.BlockStmt, name: string, recvType?: T.Named) {
    this.name = name;
    this.results = sig.results;
    this.hasDefer = containsDefer(body);
    this.collectLabels(body);
    this.openScope();
    const params: VarObj[] = [];
    const addParam = (n: A.Ident | undefined, t: T.Type): void => {
      if (n && n.name !== '_') params.push(this.declareVar(n, t, true));
      else this.newLocal();
    };
    if (recv) {
      const rt: T.Type = recvType ? (this.isPtrRecv(recv) ? { t: 'pointer', elem: recvType } : recvType) : T.Invalid;
      addParam(recv.names[0], rt);
    }
    let pi = 0;
    for (const p of ft.params) {
      if (!p.names.length) addParam(undefined, sig.params[pi++]);
      for (const n of p.names) addParam(n, sig.params[pi++]);
    }
    const nparams = this.nlocals;
    // named results are variables; with defers, unnamed ones get hidden locals
    let ri = 0;
    const named = ft.results.some((r) => r.names.length);
    for (const r of ft.results) {
      if (!r.names.length) {
        ri++;
        if (this.hasDefer) this.resultVars.push(this.newLocal());
      }
      for (const n of r.names) {
        const v = this.declareVar(n, sig.results[ri++], true);
        this.resultVars.push(v);
      }
    }
    const code = this.code;
    this.line(ft.pos);
    for (const v of params) {
      if (T.isBlock(v.type)) {
        // rule 3: the callee copies struct and array parameters
        code.op(Op.LOCAL, [v.index]);
        code.op(Op.NEWCOPY, [T.allocSize(v.type)]);
        code.op(Op.SETLOCAL, [v.index]);
      } else if (v.boxed) {
        code.op(Op.ALLOC, [8]);
        code.op(Op.DUP);
        code.op(Op.LOCAL, [v.index]);
        storeAt(code, v.type);
        code.op(Op.SETLOCAL, [v.index]);
      }
    }
    if (named) for (const v of this.resultVars) if (typeof v !== 'number') this.initVar(v, null);
    if (this.hasDefer) this.epilogue = code.label();
    this.stmtList(body.list);
    const terminated = isTerminatingList(body.list);
    if (sig.results.length && !terminated) this.error(body.end, 'missing return');
    let recoverpc = -1;
    if (this.epilogue) {
      if (!terminated) code.jump(Op.JMP, this.epilogue);
      code.bind(this.epilogue);
      recoverpc = code.pc;
      code.op(Op.RUNDEFERS);
      for (const r of this.resultVars) {
        if (typeof r === 'number') code.op(Op.LOCAL, [r]);
        else this.loadVar(r);
      }
      code.op(Op.RET, [], sig.results.length, 0);
    } else if (!terminated || !sig.results.length) {
      this.line(body.end);
      if (sig.results.length) {
        // unreachable; keeps the stack balanced for the core's verifier
        for (let i = 0; i < sig.results.length; i++) code.const(0);
      }
      code.op(Op.RET, [], sig.results.length, 0);
    }
    this.closeScope();
    this.orderCheck();
    for (const [n] of this.labels) {
      if (!this.usedLabels.has(n)) this.error(this.labelPos.get(n) ?? body.pos, `label ${n} defined and not used`);
    }
    return {
      code,
      nparams,
      nresults: sig.results.length,
      nlocals: this.nlocals,
      recoverpc,
      variadic: sig.variadic,
    };
  }

  private isPtrRecv(f: A.Field): boolean {
    let t = f.type;
    while (t.k === 'ParenExpr') t = t.x;
    return t.k === 'StarExpr';
  }

  private usedLabels = new Set<string>();
  private labelPos = new Map<string, number>();

  private collectLabels(body: A.BlockStmt): void {
    const walk = (s: A.Stmt): void => {
      switch (s.k) {
        case 'LabeledStmt':
          if (this.labels.has(s.label.name)) this.error(s.label.pos, `label ${s.label.name} already defined`);
          this.labels.set(s.label.name, this.code.label());
          this.labelPos.set(s.label.name, s.label.pos);
          walk(s.stmt);
          break;
        case 'BlockStmt': s.list.forEach(walk); break;
        case 'IfStmt': walk(s.body); if (s.else) walk(s.else); break;
        case 'ForStmt': case 'RangeStmt': walk(s.body); break;
        case 'SwitchStmt': case 'TypeSwitchStmt': for (const c of s.cases) c.body.forEach(walk); break;
        case 'SelectStmt': for (const c of s.cases) c.body.forEach(walk); break;
      }
    };
    body.list.forEach(walk);
  }

  // ---- statements ---------------------------------------------------------------------

  stmtList(list: A.Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  /** A LINE op for the code at pos, in the file a //line directive may have named. */
  line(pos: number): void {
    this.code.line(lineOf(this.env.file, pos), fileOf(this.env.file, pos));
  }

  stmt(s: A.Stmt, label?: string): void {
    if (s.k !== 'BlockStmt' && s.k !== 'EmptyStmt' && s.k !== 'LabeledStmt') this.line(s.pos);
    switch (s.k) {
      case 'ExprStmt': return this.ordered(strip(s.x), () => this.exprStmt(s));
      case 'SendStmt': return this.ordered(undefined, () => this.sendStmt(s));
      case 'IncDecStmt': return this.ordered(undefined, () => this.incDec(s));
      case 'AssignStmt': {
        // x = f(), x, ok := <-c, a, b := f(): the one call is the statement's value
        const plain = (s.tok === '=' || s.tok === ':=') && s.rhs.length === 1 && s.lhs.every((l) => strip(l).k === 'Ident');
        return this.ordered(plain ? strip(s.rhs[0]) : undefined, () => this.assign(s));
      }
      case 'DeclStmt': {
        const d = s.decl;
        const one = d.k === 'var' && d.specs.length === 1 && d.specs[0].values.length === 1 ? strip(d.specs[0].values[0]) : undefined;
        return this.ordered(one, () => this.declStmt(s));
      }
      case 'BlockStmt':
        this.openScope();
        this.stmtList(s.list);
        this.closeScope();
        return;
      case 'LabeledStmt': {
        const l = this.labels.get(s.label.name) as Label;
        if (l.pos < 0) this.code.bind(l);
        return this.stmt(s.stmt, s.label.name);
      }
      case 'IfStmt': return this.ifStmt(s);
      case 'SwitchStmt': return this.switchStmt(s, label);
      case 'TypeSwitchStmt': return this.typeSwitch(s, label);
      case 'ForStmt': return this.forStmt(s, label);
      case 'RangeStmt': return this.rangeStmt(s, label);
      case 'GoStmt':
      case 'DeferStmt': {
        // not ordered as one statement: gc evaluates each argument into a
        // temporary of its own, in order (the go/defer call's normal form)
        const d = this.deferredCall(s.call, s.k === 'GoStmt' ? 'go' : 'defer');
        d?.emit();
        return;
      }
      case 'SelectStmt': return this.selectStmt(s, label);
      case 'ReturnStmt': return this.ordered(s.results.length === 1 ? strip(s.results[0]) : undefined, () => this.returnStmt(s));
      case 'BranchStmt': return this.branch(s);
      case 'EmptyStmt': return;
    }
  }

  /**
   * A simple statement in gc's order (OrderRoot): the calls its checking
   * collects run into temporaries just before its first op; value is the
   * statement's own call, if it is one.
   */
  private ordered(value: A.Expr | undefined, run: () => void): void {
    const root: OrderRoot = { calls: [], value };
    const prev = this.orderBegin(root);
    const code = this.code;
    code.beforeNext(() => this.orderFlush(root));
    try {
      run();
    } finally {
      code.beforeNext(undefined);
      this.orderBegin(prev);
      this.orderDone(root);
    }
  }

  exprStmt(s: A.ExprStmt): void {
    const op = this.exprOrType(s.x);
    if (op.mode === 'invalid') return;
    let x = s.x;
    while (x.k === 'ParenExpr') x = x.x;
    const isCall = x.k === 'CallExpr';
    const isRecv = x.k === 'UnaryExpr' && x.op === '<-';
    if (!isCall && !isRecv || op.mode === 'type' || (isCall && op.mode === 'const') ||
      (isCall && op.mode === 'value' && (x as A.CallExpr).fun.k === 'Ident' && ['len', 'cap', 'append', 'make', 'new', 'min', 'max'].includes(((x as A.CallExpr).fun as A.Ident).name) && op.type !== T.Invalid && !this.isShadowed((x as A.CallExpr).fun as A.Ident))) {
      if (op.mode === 'type') this.error(s.x.pos, `${this.exprString(s.x)} (type) is not an expression`);
      else this.error(s.x.pos, `${this.exprString(s.x)} (${this.describe(op)}) is not used`);
      return;
    }
    if (isCall && op.mode === 'value' && this.isConversion(x as A.CallExpr)) {
      this.error(s.x.pos, `${this.exprString(s.x)} (${this.describe(op)}) is not used`);
      return;
    }
    op.gen();
    const n = op.mode === 'multi' ? (op.type as T.Tuple).types.length : op.mode === 'novalue' ? 0 : 1;
    for (let i = 0; i < n; i++) this.code.op(Op.DROP);
  }

  private isShadowed(id: A.Ident): boolean {
    return this.lookup(id.name)?.kind !== 'builtin';
  }

  private isConversion(e: A.CallExpr): boolean {
    const f = e.fun;
    if (f.k === 'ArrayType' || f.k === 'MapType' || f.k === 'ChanType' || f.k === 'FuncType' || f.k === 'InterfaceType') return true;
    if (f.k === 'Ident') return this.lookup(f.name)?.kind === 'type';
    return false;
  }

  sendStmt(s: A.SendStmt): void {
    const ch = this.expr(s.chan);
    const v = this.expr(s.value);
    if (ch.mode === 'invalid' || v.mode === 'invalid') return;
    const u = T.under(ch.type);
    if (u.t !== 'chan') {
      this.error(s.pos, `invalid operation: cannot send to non-channel ${this.opText(ch)}`);
      return;
    }
    if (u.dir === 'recv') {
      this.error(s.pos, `invalid operation: cannot send to receive-only channel ${this.opText(ch)}`);
      return;
    }
    const vv = this.assignConv(v, u.elem, 'send');
    if (vv.mode === 'invalid') return;
    ch.gen();
    vv.gen();
    if (T.isBlock(u.elem) && !vv.fresh) this.code.op(Op.NEWCOPY, [T.allocSize(u.elem)]);
    this.code.op(Op.SEND);
  }

  lvalue(e: A.Expr, forWhat: string): { lv: LValue; type: T.Type; op?: Operand } | undefined {
    let x = e;
    while (x.k === 'ParenExpr') x = x.x;
    if (x.k === 'Ident' && x.name === '_') return { lv: blankLValue(this), type: T.Invalid };
    // a plain variable being assigned is not a use of it
    let prevUsed: boolean | undefined;
    let v: VarObj | undefined;
    if (x.k === 'Ident') {
      const o = this.lookup(x.name);
      if (o?.kind === 'var') {
        v = o;
        prevUsed = o.used;
      }
    }
    const op = this.expr(e);
    if (v && prevUsed !== undefined) v.used = prevUsed;
    if (op.mode === 'invalid') return undefined;
    if (!op.lv) {
      const what = x.k === 'SelectorExpr' && op.isVar ? `cannot assign to struct field ${this.exprString(e)} in map` : '';
      if (x.k === 'IndexExpr' && T.isString(this.exprTypeOf(x.x))) {
        this.error(e.pos, `cannot assign to ${this.exprString(e)} (neither addressable nor a map index expression)`);
      } else if (what && x.k === 'SelectorExpr' && x.x.k === 'IndexExpr') this.error(e.pos, what);
      else this.error(e.pos, `cannot assign to ${this.exprString(e)} (neither addressable nor a map index expression)`);
      void forWhat;
      return undefined;
    }
    return { lv: op.lv, type: op.type, op };
  }

  private exprTypeOf(e: A.Expr): T.Type {
    return this.exprOrType(e).type;
  }

  incDec(s: A.IncDecStmt): void {
    const l = this.lvalue(s.x, 'inc/dec');
    if (!l) return;
    this.markUsed(s.x);
    if (!T.isNumeric(l.type)) {
      this.error(s.pos, `invalid operation: ${this.exprString(s.x)}${s.inc ? '++' : '--'} (non-numeric type ${this.typeStr(l.type)})`);
      return;
    }
    const { lv, type } = l;
    lv.prep();
    this.dupWords(lv.words);
    lv.load();
    if (T.isFloat(type)) this.emitConst(C.cfloat(1), type);
    else this.code.const(1);
    this.arith(s.inc ? '+' : '-', type);
    lv.store();
  }

  dupWords(n: number): void {
    if (n === 1) this.code.op(Op.DUP);
    else if (n === 2) {
      this.code.op(Op.OVER);
      this.code.op(Op.OVER);
    }
  }

  assign(s: A.AssignStmt): void {
    if (s.tok === ':=') return this.define(s);
    if (s.tok !== '=') return this.opAssign(s);
    if (s.lhs.length === s.rhs.length) {
      if (s.lhs.length === 1) {
        const l = this.lvalue(s.lhs[0], 'assignment');
        const r = this.singleValue(s.rhs[0], 1);
        if (!l || r.mode === 'invalid') return;
        const v = l.type === T.Invalid ? this.blankValue(r) : this.assignConv(r, l.type, 'assignment');
        if (v.mode === 'invalid') return;
        const sp = l.lv.split;
        if (!sp || isQuiet(s.rhs[0]) || sp.finish === noGen) {
          // nothing can come between the left's checks and the value (a map's come at the store)
          l.lv.prep();
          v.gen();
          l.lv.store();
        } else if (sp.stable && l.lv.words === 1) {
          // operands no call can change: the value, then the checked address under it
          v.gen();
          l.lv.prep();
          this.code.op(Op.SWAP);
          l.lv.store();
        } else {
          const lv = this.evalOperands(l.lv);
          const t = this.newLocal();
          v.gen();
          if (T.isBlock(v.type) && !v.fresh) this.code.op(Op.NEWCOPY, [T.allocSize(v.type)]);
          this.code.op(Op.SETLOCAL, [t]);
          lv.prep();
          this.code.op(Op.LOCAL, [t]);
          lv.store();
        }
        return;
      }
      // the left's operands and every value in order, then the checks and stores
      const ls = s.lhs.map((e) => this.lvalue(e, 'assignment'));
      const rs = s.rhs.map((e, i) => {
        const r = s.rhs.length === 1 ? this.singleValue(e, 1) : this.expr(e);
        const l = ls[i];
        if (!l || r.mode === 'invalid') return r;
        return l.type === T.Invalid ? this.blankValue(r) : this.assignConv(r, l.type, 'assignment');
      });
      if (ls.some((l) => !l) || rs.some((r) => r.mode === 'invalid')) return;
      const lvs = ls.map((l) => this.evalOperands((l as { lv: LValue }).lv));
      const temps = rs.map((r) => {
        const t = this.newLocal();
        r.gen();
        if (T.isBlock(r.type) && !r.fresh) this.code.op(Op.NEWCOPY, [T.allocSize(r.type)]);
        this.code.op(Op.SETLOCAL, [t]);
        return t;
      });
      lvs.forEach((lv, i) => {
        lv.prep();
        this.code.op(Op.LOCAL, [temps[i]]);
        lv.store();
      });
      return;
    }
    if (s.rhs.length === 1) {
      const ls = s.lhs.map((e) => this.lvalue(e, 'assignment'));
      const m = this.rhsMulti(s.rhs[0], s.lhs.length);
      if (!m || ls.some((l) => !l)) return;
      const lvs = ls.map((l) => this.evalOperands((l as { lv: LValue }).lv));
      this.storeMulti(m, lvs, ls.map((l) => (l as { type: T.Type }).type), 'assignment');
      return;
    }
    this.error(s.pos, `assignment mismatch: ${s.lhs.length} variable${s.lhs.length > 1 ? 's' : ''} but ${s.rhs.length} value${s.rhs.length > 1 ? 's' : ''}`);
  }

  /**
   * Phase one of an assignment: evaluate lv's index and indirection operands
   * now, into temporaries; the returned lvalue's prep reloads them and does
   * the checks (bounds, nil) in phase two.
   */
  evalOperands(lv: LValue, alone = false): LValue {
    const sp = lv.split;
    // stable operands may wait only when no other store of the statement comes first
    if (!sp || (sp.stable && alone)) return lv;
    sp.push();
    const temps = Array.from({ length: sp.n }, () => this.newLocal());
    for (let i = sp.n - 1; i >= 0; i--) this.code.op(Op.SETLOCAL, [temps[i]]);
    return {
      words: lv.words, load: lv.load, store: lv.store,
      prep: () => {
        for (const t of temps) this.code.op(Op.LOCAL, [t]);
        sp.finish();
      },
    };
  }

  /** Values assigned to _ still get their default type (and are evaluated). */
  /** An expression on the right of an n-to-n assignment: a multi-value call is a count mismatch. */
  singleValue(e: A.Expr, n: number): Operand {
    let x = e;
    while (x.k === 'ParenExpr') x = x.x;
    if (x.k === 'CallExpr') {
      const op = this.exprOrType(e);
      if (op.mode === 'multi') {
        const k = (op.type as T.Tuple).types.length;
        this.error(e.pos, `assignment mismatch: ${n} variable${n > 1 ? 's' : ''} but ${this.exprString(e)} returns ${k} values`);
        return this.invalid(e);
      }
      if (op.mode === 'novalue') {
        this.error(e.pos, `${this.exprString(e)} (no value) used as value`);
        return this.invalid(e);
      }
      return this.single(op, e);
    }
    return this.expr(e);
  }

  blankValue(r: Operand): Operand {
    if (r.mode === 'nil') {
      this.error(r.expr.pos, 'use of untyped nil in assignment');
      return this.invalid(r.expr);
    }
    return this.defaultOp(r);
  }

  /** Store n words pushed by m.gen into lvalues (through temps, since stores need their prep first). */
  storeMulti(m: { types: T.Type[]; gen: () => void }, lvs: LValue[], types: T.Type[], ctx: string): void {
    const temps = m.types.map(() => this.newLocal());
    const convs: Operand[] = m.types.map((t, i) => {
      const src: Operand = { mode: 'value', type: t, expr: { k: 'Ident', pos: 0, name: '_' }, gen: () => this.code.op(Op.LOCAL, [temps[i]]) };
      const want = types[i];
      if (!want || want === T.Invalid) return src;
      if (this.assignable(t, want) !== undefined) {
        this.error(0, `cannot use ${this.typeStr(t)} value as ${this.typeStr(want)} value in ${ctx}`);
        return this.invalid(src.expr);
      }
      return this.assignConv(src, want, ctx);
    });
    m.gen();
    for (let i = temps.length - 1; i >= 0; i--) this.code.op(Op.SETLOCAL, [temps[i]]);
    lvs.forEach((lv, i) => {
      lv.prep();
      convs[i].gen();
      lv.store();
    });
  }

  opAssign(s: A.AssignStmt): void {
    const op = s.tok.slice(0, -1);
    if (s.lhs.length !== 1 || s.rhs.length !== 1) {
      this.error(s.pos, `assignment operation ${s.tok} requires single-valued expressions`);
      return;
    }
    const l = this.lvalue(s.lhs[0], 'assignment');
    if (!l) {
      this.expr(s.rhs[0]);
      return;
    }
    // check as the binary expression lhs op rhs
    // (each side checked once: checking again per nesting level is exponential)
    const bin: A.BinaryExpr = { k: 'BinaryExpr', pos: s.pos, op, opPos: s.pos, x: s.lhs[0], y: s.rhs[0] };
    // gc (Go 1.19) counts x op= y and x++ as uses of x
    this.markUsed(s.lhs[0]);
    const rhs0 = this.expr(s.rhs[0]);
    const r = this.binaryOp(bin, l.op ?? this.expr(s.lhs[0]), rhs0);
    if (r.mode === 'invalid') return;
    let rhs = rhs0;
    if (op === '<<' || op === '>>') {
      if (T.isUntyped(rhs.type)) {
        const c = this.convertUntyped(rhs, T.basic('uint'));
        if (typeof c !== 'string') rhs = c;
      }
    } else rhs = this.assignConv(rhs, l.type, 'assignment');
    if (rhs.mode === 'invalid') return;
    const { type } = l;
    // x op= f(): x's operands, then f, then x's checks, load and store (as gc does)
    let val = rhs;
    let lv = l.lv;
    if (!isQuiet(s.rhs[0])) {
      lv = this.evalOperands(lv, true);
      const t = this.newLocal();
      rhs.gen();
      this.code.op(Op.SETLOCAL, [t]);
      val = { ...rhs, gen: () => this.code.op(Op.LOCAL, [t]) };
    }
    lv.prep();
    this.dupWords(lv.words);
    lv.load();
    val.gen();
    this.arith(op, type);
    lv.store();
  }

  /** x++ reads x: gc (Go 1.19) counts it as a use. */
  private markUsed(e: A.Expr): void {
    let x = e;
    while (x.k === 'ParenExpr') x = x.x;
    if (x.k !== 'Ident') return;
    const o = this.lookup(x.name);
    if (o?.kind === 'var') o.used = true;
  }

  define(s: A.AssignStmt): void {
    const idents: A.Ident[] = [];
    for (const l of s.lhs) {
      if (l.k !== 'Ident') {
        this.error(l.pos, `non-name ${this.exprString(l)} on left side of :=`);
        return;
      }
      idents.push(l);
    }
    // evaluate the right side in the outer scope
    let values: Operand[] | undefined;
    let multi: { types: T.Type[]; gen: () => void } | undefined;
    if (s.rhs.length === idents.length) values = s.rhs.map((e) => this.singleValue(e, idents.length));
    else if (s.rhs.length === 1) multi = this.rhsMulti(s.rhs[0], idents.length);
    else {
      this.error(s.pos, `assignment mismatch: ${idents.length} variable${idents.length > 1 ? 's' : ''} but ${s.rhs.length} value${s.rhs.length > 1 ? 's' : ''}`);
      return;
    }
    const types: T.Type[] = values ? values.map((v) => (v.mode === 'nil' ? T.Invalid : T.defaultType(v.type))) : multi ? multi.types : [];
    if (values) values.forEach((v) => { if (v.mode === 'nil') this.error(v.expr.pos, 'use of untyped nil in assignment'); });
    // which names are new
    let anyNew = false;
    const targets: { v?: VarObj; lv?: LValue; type: T.Type; isNew: boolean }[] = idents.map((id, i) => {
      if (id.name === '_') return { lv: blankLValue(this), type: T.Invalid, isNew: false };
      const existing = this.env.scope.names.get(id.name);
      if (existing && existing.kind === 'var' && idents.findIndex((x) => x.name === id.name) === i) {
        const prev = existing.used;
        const lv = this.varLValue(existing);
        existing.used = prev;
        return { lv, type: existing.type, isNew: false };
      }
      anyNew = true;
      return { type: types[i] ?? T.Invalid, isNew: true };
    });
    if (!anyNew) this.error(s.tokPos ?? s.pos, 'no new variables on left side of :=');
    if (values && values.some((v) => v.mode === 'invalid')) {
      // still declare the names to avoid follow-on "undefined" errors
      targets.forEach((t, i) => { if (t.isNew) { const v = this.declareVar(idents[i], T.Invalid); v.used = true; } });
      return;
    }
    if (!values && !multi) {
      targets.forEach((t, i) => { if (t.isNew) { const v = this.declareVar(idents[i], T.Invalid); v.used = true; } });
      return;
    }
    if (values) {
      const convs = values.map((v, i) => (targets[i].isNew || targets[i].type === T.Invalid ? this.defaultOp(v) : this.assignConv(v, targets[i].type, 'assignment')));
      if (idents.length === 1) {
        const t = targets[0];
        if (t.isNew) this.initVar(this.declareVar(idents[0], types[0]), convs[0]);
        else if (t.lv) {
          t.lv.prep();
          convs[0].gen();
          t.lv.store();
        }
        return;
      }
      const temps = convs.map((c) => {
        const tmp = this.newLocal();
        c.gen();
        this.code.op(Op.SETLOCAL, [tmp]);
        return tmp;
      });
      targets.forEach((t, i) => {
        const src: Operand = { mode: 'value', type: types[i], expr: idents[i], gen: () => this.code.op(Op.LOCAL, [temps[i]]) };
        if (t.isNew) this.initVar(this.declareVar(idents[i], types[i]), src);
        else if (t.lv) {
          t.lv.prep();
          src.gen();
          t.lv.store();
        }
      });
      return;
    }
    const m = multi as { types: T.Type[]; gen: () => void };
    const temps = m.types.map(() => this.newLocal());
    m.gen();
    for (let i = temps.length - 1; i >= 0; i--) this.code.op(Op.SETLOCAL, [temps[i]]);
    targets.forEach((t, i) => {
      let src: Operand = { mode: 'value', type: m.types[i], expr: idents[i], gen: () => this.code.op(Op.LOCAL, [temps[i]]) };
      if (t.isNew) this.initVar(this.declareVar(idents[i], m.types[i]), src);
      else if (t.lv) {
        if (t.type !== T.Invalid) src = this.assignConv(src, t.type, 'assignment');
        t.lv.prep();
        src.gen();
        t.lv.store();
      }
    });
  }

  declStmt(s: A.DeclStmt): void {
    const d = s.decl;
    if (d.k === 'type') {
      for (const sp of d.specs) {
        const to = this.c.declareType(this.env, sp, this.env.scope);
        to.lazy?.();
      }
      return;
    }
    if (d.k === 'const') {
      const cs = this.c.declareConsts(this.env, d.specs, this.env.scope, false);
      for (const c of cs) c.lazy?.();
      return;
    }
    for (const sp of d.specs) {
      const t = sp.type ? this.resolveType(sp.type) : undefined;
      if (sp.values.length === 0) {
        for (const n of sp.names) this.initVar(this.declareVar(n, t ?? T.Invalid), null);
        continue;
      }
      if (sp.values.length === sp.names.length) {
        const ops = sp.values.map((e) => {
          const op = this.singleValue(e, sp.names.length);
          if (t) return this.assignConv(op, t, 'variable declaration');
          if (op.mode === 'nil') {
            this.error(e.pos, 'use of untyped nil in variable declaration');
            return this.invalid(e);
          }
          return this.defaultOp(op);
        });
        if (sp.names.length === 1) {
          const v = this.declareVar(sp.names[0], t ?? ops[0].type);
          if (ops[0].mode === 'invalid') v.used = true;
          else this.initVar(v, ops[0]);
          continue;
        }
        const temps = ops.map((op) => {
          const tmp = this.newLocal();
          if (op.mode !== 'invalid') {
            op.gen();
            this.code.op(Op.SETLOCAL, [tmp]);
          }
          return tmp;
        });
        sp.names.forEach((n, i) => {
          const v = this.declareVar(n, t ?? ops[i].type);
          this.initVar(v, { mode: 'value', type: v.type, expr: n, gen: () => this.code.op(Op.LOCAL, [temps[i]]) });
        });
        continue;
      }
      if (sp.values.length === 1) {
        const m = this.rhsMulti(sp.values[0], sp.names.length);
        if (!m) {
          for (const n of sp.names) this.declareVar(n, T.Invalid).used = true;
          continue;
        }
        const temps = m.types.map(() => this.newLocal());
        m.gen();
        for (let i = temps.length - 1; i >= 0; i--) this.code.op(Op.SETLOCAL, [temps[i]]);
        sp.names.forEach((n, i) => {
          let src: Operand = { mode: 'value', type: m.types[i], expr: n, gen: () => this.code.op(Op.LOCAL, [temps[i]]) };
          if (t) src = this.assignConv(src, t, 'variable declaration');
          this.initVar(this.declareVar(n, t ?? m.types[i]), src);
        });
        continue;
      }
      this.error(sp.pos, `assignment mismatch: ${sp.names.length} variable${sp.names.length > 1 ? 's' : ''} but ${sp.values.length} value${sp.values.length > 1 ? 's' : ''}`);
    }
  }

  cond(e: A.Expr, what: string): Operand | undefined {
    // a condition is ordered as a statement of its own, where it stands (each time round a loop)
    const root: OrderRoot = { calls: [], value: strip(e) };
    const prev = this.orderBegin(root);
    const c = this.expr(e);
    this.orderBegin(prev);
    if (c.mode === 'invalid') return undefined;
    if (!T.isBoolean(c.type)) {
      this.error(e.pos, `non-boolean condition in ${what} statement`);
      return undefined;
    }
    return { ...c, gen: () => { this.orderFlush(root); c.gen(); this.orderDone(root); } };
  }

  ifStmt(s: A.IfStmt): void {
    this.openScope();
    if (s.init) this.stmt(s.init);
    const c = this.cond(s.cond, 'if');
    const elseL = this.code.label();
    const end = this.code.label();
    if (c) {
      c.gen();
      this.code.jump(Op.JMPIFNOT, elseL);
    }
    this.stmt(s.body);
    if (s.else) {
      if (!isTerminating(s.body)) this.code.jump(Op.JMP, end);
      this.code.bind(elseL);
      this.stmt(s.else);
      this.code.bind(end);
    } else {
      this.code.bind(elseL);
      this.code.bind(end);
    }
    this.closeScope();
  }

  switchStmt(s: A.SwitchStmt, label?: string): void {
    this.openScope();
    if (s.init) this.stmt(s.init);
    let tag: Operand | undefined;
    let tagTmp = -1;
    if (s.tag) {
      const t = this.expr(s.tag);
      if (t.mode !== 'invalid') {
        if (t.mode === 'nil') this.error(s.tag.pos, 'use of untyped nil in switch expression');
        tag = this.defaultOp(t);
        tagTmp = this.newLocal();
        tag.gen();
        this.code.op(Op.SETLOCAL, [tagTmp]);
      }
    }
    const end = this.code.label();
    const bodies = s.cases.map(() => this.code.label());
    let defaultIdx = -1;
    // constant case values seen, by type and value: Go rejects a repeated one
    const seen = new Map<string, number>();
    const dupCheck = (e: A.Expr, x: Operand): void => {
      if (x.mode !== 'const' || !x.val) return;
      const key = `${this.typeStr(x.type)} ${C.constString(x.val)}`;
      const prev = seen.get(key);
      // (a binary expression is where its operator is, as Go places it)
      if (prev === undefined) seen.set(key, e.k === 'BinaryExpr' ? e.opPos : e.pos);
      else this.error(e.pos, `duplicate case ${this.exprString(e)} (${this.describe(x)}) in expression switch\n\t${this.c.posText(this.file, prev)}: previous case`);
    };
    s.cases.forEach((cl, i) => {
      if (!cl.list) {
        if (defaultIdx >= 0) this.error(cl.pos, 'multiple defaults in switch');
        defaultIdx = i;
        return;
      }
      for (const e of cl.list) {
        if (s.tag) {
          if (!tag) {
            this.expr(e);
            continue;
          }
          const tagOp: Operand = { ...tag, expr: s.tag, gen: () => this.code.op(Op.LOCAL, [tagTmp]) };
          const x = this.expr(e);
          if (x.mode === 'invalid') continue;
          const bin: A.BinaryExpr = { k: 'BinaryExpr', pos: e.pos, op: '==', opPos: e.pos, x: s.tag, y: e };
          const xc = T.isUntyped(x.type) ? this.convertOrSelf(x, tag.type) : x;
          const cmp = this.comparison(bin, tagOp, xc);
          if (cmp.mode === 'invalid') continue;
          dupCheck(e, xc);
          cmp.gen();
        } else {
          // a tagless switch is switch true: an interface case compares true == x
          const x = this.expr(e);
          if (x.mode === 'invalid') continue;
          if (T.isInterface(x.type)) {
            const tru: Operand = this.constOp(e, T.Bool, C.cbool(true));
            const bin: A.BinaryExpr = { k: 'BinaryExpr', pos: e.pos, op: '==', opPos: e.pos, x: e, y: e };
            const cmp = this.comparison(bin, tru, x);
            if (cmp.mode === 'invalid') continue;
            cmp.gen();
          } else if (!T.isBoolean(x.type)) {
            this.error(e.pos, 'non-boolean condition in case statement');
            continue;
          } else if (!T.isUntyped(x.type) && !T.identical(x.type, T.Bool)) {
            this.error(e.pos, `invalid case ${this.exprString(e)} in switch on true (mismatched types ${this.typeStr(x.type)} and bool)`);
            continue;
          } else x.gen();
        }
        this.code.jump(Op.JMPIF, bodies[i]);
      }
    });
    this.code.jump(Op.JMP, defaultIdx >= 0 ? bodies[defaultIdx] : end);
    this.breakables.push({ label, brk: end });
    // a switch nested in a case must leave that case's fallthrough target as it found it
    const outerFallthrough = this.fallthroughTo;
    s.cases.forEach((cl, i) => {
      this.code.bind(bodies[i]);
      this.openScope();
      const ft = cl.body[cl.body.length - 1];
      const hasFall = ft?.k === 'BranchStmt' && ft.tok === 'fallthrough';
      if (hasFall && i === s.cases.length - 1) this.error(ft.pos, 'cannot fallthrough final case in switch');
      this.fallthroughTo = hasFall ? bodies[i + 1] : undefined;
      this.stmtList(cl.body);
      this.fallthroughTo = undefined;
      this.closeScope();
      if (!hasFall && i < s.cases.length - 1) this.code.jump(Op.JMP, end);
    });
    this.fallthroughTo = outerFallthrough;
    this.breakables.pop();
    this.code.bind(end);
    this.closeScope();
  }

  private convertOrSelf(x: Operand, t: T.Type): Operand {
    const r = this.convertUntyped(x, t);
    return typeof r === 'string' ? x : r;
  }

  typeSwitch(s: A.TypeSwitchStmt, label?: string): void {
    this.openScope();
    if (s.init) this.stmt(s.init);
    let xe = s.x;
    while (xe.k === 'ParenExpr') xe = xe.x;
    const inner = xe.k === 'TypeAssertExpr' ? xe.x : xe;
    const x = this.expr(inner);
    const end = this.code.label();
    if (x.mode === 'invalid') {
      this.closeScope();
      return;
    }
    if (!T.isInterface(x.type)) {
      this.error(inner.pos, `${this.exprString(inner)} (${this.describe(x)}) is not an interface`);
      this.closeScope();
      return;
    }
    const tmp = this.newLocal();
    x.gen();
    this.code.op(Op.SETLOCAL, [tmp]);
    const bodies = s.cases.map(() => this.code.label());
    let defaultIdx = -1;
    const caseTypes: (T.Type | null)[][] = [];
    const seenTypes: { t: T.Type; pos: number }[] = [];
    s.cases.forEach((cl, i) => {
      const types: (T.Type | null)[] = [];
      caseTypes.push(types);
      if (!cl.list) {
        if (defaultIdx >= 0) this.error(cl.pos, 'multiple defaults in switch');
        defaultIdx = i;
        return;
      }
      for (const te of cl.list) {
        if (te.k === 'Ident' && te.name === 'nil' && this.lookup('nil')?.kind === 'nil') {
          types.push(null);
          this.code.op(Op.LOCAL, [tmp]);
          this.code.const(0);
          this.code.op(Op.EQ);
          this.code.jump(Op.JMPIF, bodies[i]);
          continue;
        }
        const t = this.resolveType(te);
        if (t !== T.Invalid) {
          const prev = seenTypes.find((p) => T.identical(p.t, t));
          if (prev) this.error(te.pos, `duplicate case ${this.typeStr(t)} in type switch\n\t${this.c.posText(this.file, prev.pos)}: previous case`);
          else seenTypes.push({ t, pos: te.pos });
        }
        types.push(t);
        if (t === T.Invalid) continue;
        const id = this.c.types.id(t);
        if (T.isInterface(t)) {
          this.code.op(Op.LOCAL, [tmp]);
          this.code.op(Op.ASSERTIFACEOK, [id]);
          this.code.op(Op.SWAP);
          this.code.op(Op.DROP);
        } else {
          const m = T.implementsIface(t, T.under(x.type) as T.Iface);
          if (m) {
            this.error(te.pos, `impossible type switch case: ${this.exprString(inner)} (${this.describe(x)}) cannot have dynamic type ${this.typeStr(t)} (missing method ${m.name})`);
            continue;
          }
          this.code.op(Op.LOCAL, [tmp]);
          this.code.op(Op.IFACETYPE);
          this.code.const(id);
          this.code.op(Op.EQ);
        }
        this.code.jump(Op.JMPIF, bodies[i]);
      }
    });
    this.code.jump(Op.JMP, defaultIdx >= 0 ? bodies[defaultIdx] : end);
    this.breakables.push({ label, brk: end });
    const binds: VarObj[] = [];
    s.cases.forEach((cl, i) => {
      this.code.bind(bodies[i]);
      this.openScope();
      if (s.bind) {
        const types = caseTypes[i];
        const t = types.length === 1 && types[0] ? types[0] : x.type;
        const v = this.declareVar(s.bind, t);
        this.scopeVars[this.scopeVars.length - 1].pop();
        binds.push(v);
        const src: Operand = {
          mode: 'value', type: t, expr: s.bind,
          gen: () => {
            this.code.op(Op.LOCAL, [tmp]);
            if (!T.isInterface(t)) this.code.op(Op.IFACEDATA);
          },
        };
        this.initVar(v, src);
      }
      this.stmtList(cl.body);
      this.closeScope();
      if (i < s.cases.length - 1) this.code.jump(Op.JMP, end);
    });
    if (s.bind && !binds.some((v) => v.used)) this.error(s.bind.pos, `declared and not used: ${s.bind.name}`);
    this.breakables.pop();
    this.code.bind(end);
    this.closeScope();
  }

  forStmt(s: A.ForStmt, label?: string): void {
    this.openScope();
    if (s.init) this.stmt(s.init);
    const top = this.code.label();
    const cont = this.code.label();
    const end = this.code.label();
    this.code.bind(top);
    if (s.cond) {
      const c = this.cond(s.cond, 'for');
      if (c) {
        c.gen();
        this.code.jump(Op.JMPIFNOT, end);
      }
    }
    this.breakables.push({ label, brk: end, cont });
    this.stmt(s.body);
    this.breakables.pop();
    this.code.bind(cont);
    if (s.post) {
      if (s.post.k === 'AssignStmt' && s.post.tok === ':=') this.error(s.post.pos, 'cannot declare in post statement of for loop');
      else this.stmt(s.post);
    }
    this.code.jump(Op.JMP, top);
    this.code.bind(end);
    this.closeScope();
  }

  rangeStmt(s: A.RangeStmt, label?: string): void {
    this.openScope();
    const x = this.expr(s.x);
    const top = this.code.label();
    const cont = this.code.label();
    const end = this.code.label();
    if (x.mode === 'invalid') {
      this.declareRangeVars(s, T.Invalid, T.Invalid, true);
      this.stmt(s.body);
      this.closeScope();
      return;
    }
    const code = this.code;
    const xv = this.defaultOp(x);
    let u = T.under(xv.type);
    if (u.t === 'pointer' && T.under(u.elem).t === 'array') u = T.under(u.elem);
    let keyT: T.Type;
    let valT: T.Type | undefined;
    // each iteration: key/value words on the stack are handed to assign(k, v)
    let next: (assign: (k: () => void, v: (() => void) | undefined) => void) => void;
    if (T.isInteger(xv.type)) {
      keyT = xv.type;
      const n = this.newLocal();
      const i = this.newLocal();
      xv.gen();
      code.op(Op.SETLOCAL, [n]);
      code.const(0);
      code.op(Op.SETLOCAL, [i]);
      next = (assign) => {
        code.bind(top);
        code.op(Op.LOCAL, [i]);
        code.op(Op.LOCAL, [n]);
        code.op(Op.LT);
        code.jump(Op.JMPIFNOT, end);
        assign(() => code.op(Op.LOCAL, [i]), undefined);
        this.rangeBody(s, label, end, cont);
        code.bind(cont);
        code.op(Op.LOCAL, [i]);
        code.const(1);
        code.op(Op.ADD);
        code.op(Op.SETLOCAL, [i]);
        code.jump(Op.JMP, top);
      };
      if (s.value) this.error(s.value.pos, `range over ${this.opText(xv)} permits only one iteration variable`);
    } else if (u.t === 'slice' || u.t === 'array' || T.isString(xv.type)) {
      const isStr = T.isString(xv.type);
      const arr = u.t === 'array' ? u : undefined;
      keyT = T.Int;
      valT = isStr ? T.Rune : (u as T.Slice | T.ArrayT).elem;
      const elem = valT;
      const xs = this.newLocal();
      const n = this.newLocal();
      const i = this.newLocal();
      const w = this.newLocal();
      xv.gen();
      code.op(Op.SETLOCAL, [xs]);
      if (arr) code.const(arr.len);
      else {
        code.op(Op.LOCAL, [xs]);
        code.op(isStr ? Op.STRLEN : Op.LEN);
      }
      code.op(Op.SETLOCAL, [n]);
      code.const(0);
      code.op(Op.SETLOCAL, [i]);
      const es = T.elemSize(elem);
      // an array is ranged over as a copy (Go evaluates x once, by value)
      if (arr && T.under(xv.type).t !== 'pointer' && s.value) {
        code.op(Op.LOCAL, [xs]);
        code.op(Op.NEWCOPY, [T.allocSize(xv.type)]);
        code.op(Op.SETLOCAL, [xs]);
      }
      next = (assign) => {
        code.bind(top);
        code.op(Op.LOCAL, [i]);
        code.op(Op.LOCAL, [n]);
        code.op(Op.LT);
        code.jump(Op.JMPIFNOT, end);
        if (isStr) {
          code.op(Op.LOCAL, [xs]);
          code.op(Op.LOCAL, [i]);
          code.op(Op.STRDECODERUNE);
          code.op(Op.SETLOCAL, [w]);
          const r = this.newLocal();
          code.op(Op.SETLOCAL, [r]);
          assign(() => code.op(Op.LOCAL, [i]), () => code.op(Op.LOCAL, [r]));
        } else {
          assign(() => code.op(Op.LOCAL, [i]), () => {
            code.op(Op.LOCAL, [xs]);
            code.op(Op.LOCAL, [i]);
            if (arr) code.op(Op.ARRAYINDEXADDR, [es, arr.len]);
            else code.op(Op.INDEXADDR, [es]);
            loadAt(code, elem);
          });
        }
        this.rangeBody(s, label, end, cont);
        code.bind(cont);
        code.op(Op.LOCAL, [i]);
        if (isStr) code.op(Op.LOCAL, [w]);
        else code.const(1);
        code.op(Op.ADD);
        code.op(Op.SETLOCAL, [i]);
        code.jump(Op.JMP, top);
      };
    } else if (u.t === 'map') {
      keyT = u.key;
      valT = u.elem;
      const it = this.newLocal();
      const k = this.newLocal();
      const v = this.newLocal();
      xv.gen();
      code.op(Op.MAPITER);
      code.op(Op.SETLOCAL, [it]);
      next = (assign) => {
        code.bind(top);
        code.op(Op.LOCAL, [it]);
        code.op(Op.MAPNEXT);
        const ok = this.newLocal();
        code.op(Op.SETLOCAL, [ok]);
        code.op(Op.SETLOCAL, [v]);
        code.op(Op.SETLOCAL, [k]);
        code.op(Op.LOCAL, [ok]);
        code.jump(Op.JMPIFNOT, end);
        assign(() => code.op(Op.LOCAL, [k]), () => code.op(Op.LOCAL, [v]));
        this.rangeBody(s, label, end, cont);
        code.bind(cont);
        code.jump(Op.JMP, top);
      };
    } else if (u.t === 'chan') {
      keyT = u.elem;
      if (u.dir === 'send') this.error(s.x.pos, `invalid operation: range ${this.exprString(s.x)} receive from send-only channel ${this.typeStr(xv.type)}`);
      if (s.value) this.error(s.value.pos, `range over ${this.opText(xv)} permits only one iteration variable`);
      const ch = this.newLocal();
      const v = this.newLocal();
      const elem = u.elem;
      xv.gen();
      code.op(Op.SETLOCAL, [ch]);
      next = (assign) => {
        code.bind(top);
        code.op(Op.LOCAL, [ch]);
        code.op(Op.RECVOK);
        const ok = this.newLocal();
        code.op(Op.SETLOCAL, [ok]);
        this.zeroFix(elem);
        code.op(Op.SETLOCAL, [v]);
        code.op(Op.LOCAL, [ok]);
        code.jump(Op.JMPIFNOT, end);
        assign(() => code.op(Op.LOCAL, [v]), undefined);
        this.rangeBody(s, label, end, cont);
        code.bind(cont);
        code.jump(Op.JMP, top);
      };
    } else {
      this.error(s.x.pos, u.t === 'func' ? 'range over functions is not supported by p9rt' : `cannot range over ${this.opText(xv)}`);
      this.declareRangeVars(s, T.Invalid, T.Invalid, true);
      this.stmt(s.body);
      this.closeScope();
      return;
    }
    const kt = keyT;
    const vt = valT;
    // One variable for the whole loop, as in Go 1.19 (closures capturing it
    // see the last value); assigned at the top of every iteration.
    let kv: VarObj | undefined;
    let vv: VarObj | undefined;
    if (s.define) {
      if (s.key && s.key.k !== 'Ident') this.error(s.key.pos, `non-name ${this.exprString(s.key)} on left side of :=`);
      else if (s.key && s.key.name !== '_') {
        kv = this.declareVar(s.key, kt);
        this.initVar(kv, null);
      }
      if (s.value && s.value.k !== 'Ident') this.error(s.value.pos, `non-name ${this.exprString(s.value)} on left side of :=`);
      else if (s.value && vt && s.value.name !== '_') {
        vv = this.declareVar(s.value, vt);
        this.initVar(vv, null);
      }
    }
    next((k, v) => {
      if (s.define) {
        for (const [obj, gen] of [[kv, k], [vv, v]] as const) {
          if (!obj || !gen) continue;
          const prev = obj.used;
          const lv = this.varLValue(obj);
          obj.used = prev;
          lv.prep();
          gen();
          lv.store();
        }
        return;
      }
      if (s.key) {
        const l = this.lvalue(s.key, 'range');
        if (l) {
          const src = l.type === T.Invalid ? this.wordOp(kt, k) : this.assignConv(this.wordOp(kt, k), l.type, 'range');
          l.lv.prep();
          src.gen();
          l.lv.store();
        }
      }
      if (s.value && vt && v) {
        const l = this.lvalue(s.value, 'range');
        if (l) {
          const src = l.type === T.Invalid ? this.wordOp(vt, v) : this.assignConv(this.wordOp(vt, v), l.type, 'range');
          l.lv.prep();
          src.gen();
          l.lv.store();
        }
      }
    });
    code.bind(end);
    this.closeScope();
  }

  private wordOp(t: T.Type, gen: () => void): Operand {
    return { mode: 'value', type: t, expr: { k: 'Ident', pos: 0, name: '_' }, gen };
  }

  private declareRangeVars(s: A.RangeStmt, kt: T.Type, vt: T.Type, used: boolean): void {
    if (!s.define) return;
    for (const [e, t] of [[s.key, kt], [s.value, vt]] as const) {
      if (e?.k === 'Ident' && e.name !== '_') this.declareVar(e, t).used = used;
    }
  }

  private rangeBody(s: A.RangeStmt, label: string | undefined, end: Label, cont: Label): void {
    this.breakables.push({ label, brk: end, cont });
    this.openScope();
    this.stmtList(s.body.list);
    this.closeScope();
    this.breakables.pop();
  }

  selectStmt(s: A.SelectStmt, label?: string): void {
    const code = this.code;
    const end = code.label();
    let hasDefault = 0;
    type Case = { kind: 'send' | 'recv' | 'default'; chan?: Operand; value?: Operand; elem?: T.Type; clause: A.CommClause; recv?: A.AssignStmt | A.ExprStmt };
    const cases: Case[] = [];
    for (const cl of s.cases) {
      if (!cl.comm) {
        if (hasDefault) this.error(cl.pos, 'multiple defaults in select');
        hasDefault = 1;
        cases.push({ kind: 'default', clause: cl });
        continue;
      }
      const cm = cl.comm;
      if (cm.k === 'SendStmt') {
        const ch = this.expr(cm.chan);
        const u = T.under(ch.type);
        if (ch.mode === 'invalid' || u.t !== 'chan') {
          if (ch.mode !== 'invalid') this.error(cm.pos, `invalid operation: cannot send to non-channel ${this.opText(ch)}`);
          cases.push({ kind: 'send', clause: cl });
          continue;
        }
        const v = this.assignConv(this.expr(cm.value), u.elem, 'send');
        cases.push({ kind: 'send', chan: ch, value: v, elem: u.elem, clause: cl });
        continue;
      }
      let rx: A.Expr | undefined;
      if (cm.k === 'ExprStmt') rx = cm.x;
      else if (cm.k === 'AssignStmt' && cm.rhs.length === 1) rx = cm.rhs[0];
      while (rx && rx.k === 'ParenExpr') rx = rx.x;
      if (!rx || rx.k !== 'UnaryExpr' || rx.op !== '<-') {
        this.error(cm.pos, 'select case must be receive, send or assign recv');
        cases.push({ kind: 'recv', clause: cl });
        continue;
      }
      const ch = this.expr(rx.x);
      const u = T.under(ch.type);
      if (ch.mode === 'invalid' || u.t !== 'chan') {
        if (ch.mode !== 'invalid') this.error(rx.pos, `invalid operation: cannot receive from non-channel ${this.opText(ch)}`);
        cases.push({ kind: 'recv', clause: cl });
        continue;
      }
      cases.push({ kind: 'recv', chan: ch, elem: u.elem, clause: cl, recv: cm as A.AssignStmt | A.ExprStmt });
    }
    const real = cases.filter((c) => c.kind !== 'default');
    for (const c of real) {
      if (c.chan) c.chan.gen();
      else code.const(0);
      if (c.kind === 'send' && c.value && c.value.mode !== 'invalid') {
        c.value.gen();
        if (c.elem && T.isBlock(c.elem) && !c.value.fresh) code.op(Op.NEWCOPY, [T.allocSize(c.elem)]);
      } else code.const(0);
      code.const(c.kind === 'send' ? 1 : 2);
    }
    code.op(Op.SELECT, [real.length, hasDefault], real.length * 3, 3);
    const idx = this.newLocal();
    const val = this.newLocal();
    const ok = this.newLocal();
    code.op(Op.SETLOCAL, [ok]);
    code.op(Op.SETLOCAL, [val]);
    code.op(Op.SETLOCAL, [idx]);
    const bodies = cases.map(() => code.label());
    let ri = 0;
    cases.forEach((c, i) => {
      code.op(Op.LOCAL, [idx]);
      code.const(c.kind === 'default' ? -1 : ri++);
      code.op(Op.EQ);
      code.jump(Op.JMPIF, bodies[i]);
    });
    code.jump(Op.JMP, end);
    this.breakables.push({ label, brk: end });
    cases.forEach((c, i) => {
      code.bind(bodies[i]);
      this.openScope();
      if (c.kind === 'recv' && c.recv?.k === 'AssignStmt' && c.elem) {
        const a = c.recv;
        const elem = c.elem;
        const vOp = this.wordOp(elem, () => {
          code.op(Op.LOCAL, [val]);
          this.zeroFix(elem);
        });
        const okOp = this.wordOp(T.Bool, () => code.op(Op.LOCAL, [ok]));
        const srcs = [vOp, okOp];
        if (a.lhs.length > 2) this.error(a.pos, `assignment mismatch: ${a.lhs.length} variables but 2 values`);
        a.lhs.slice(0, 2).forEach((l, j) => {
          if (a.tok === ':=') {
            if (l.k !== 'Ident') this.error(l.pos, `non-name ${this.exprString(l)} on left side of :=`);
            else if (l.name !== '_') this.initVar(this.declareVar(l, j ? T.Bool : elem), srcs[j]);
          } else {
            const lv = this.lvalue(l, 'assignment');
            if (!lv) return;
            const src = lv.type === T.Invalid ? srcs[j] : this.assignConv(srcs[j], lv.type, 'assignment');
            lv.lv.prep();
            src.gen();
            lv.lv.store();
          }
        });
      }
      this.stmtList(c.clause.body);
      this.closeScope();
      code.jump(Op.JMP, end);
    });
    this.breakables.pop();
    code.bind(end);
  }

  returnStmt(s: A.ReturnStmt): void {
    const want = this.results;
    const code = this.code;
    if (!s.results.length) {
      if (want.length && !this.resultVars.some((r) => typeof r !== 'number')) {
        this.error(s.pos, `not enough return values\n\thave ()\n\twant (${want.map((t) => this.typeStr(t)).join(', ')})`);
        return;
      }
      // A bare return must see the named results themselves, not an inner
      // variable of the same name (go/types' check).
      for (const r of this.resultVars) {
        if (typeof r === 'number' || r.name === '_') continue;
        const o = this.lookup(r.name);
        if (o && o !== r) this.error(s.pos, `result parameter ${r.name} not in scope at return`);
      }
      if (this.epilogue) {
        code.jump(Op.JMP, this.epilogue);
        return;
      }
      for (const r of this.resultVars) if (typeof r !== 'number') this.loadVar(r);
      code.op(Op.RET, [], want.length, 0);
      return;
    }
    let ops: Operand[];
    if (s.results.length === 1 && want.length > 1) {
      const op = this.exprOrType(s.results[0]);
      if (op.mode === 'invalid') return;
      if (op.mode !== 'multi') {
        this.error(s.results[0].pos, `not enough return values\n\thave (${this.typeStr(op.type)})\n\twant (${want.map((t) => this.typeStr(t)).join(', ')})`);
        return;
      }
      const types = (op.type as T.Tuple).types;
      if (types.length !== want.length) {
        this.error(s.results[0].pos, `${types.length < want.length ? 'not enough' : 'too many'} return values\n\thave (${types.map((t) => this.typeStr(t)).join(', ')})\n\twant (${want.map((t) => this.typeStr(t)).join(', ')})`);
        return;
      }
      const temps = types.map(() => this.newLocal());
      ops = types.map((t, i) => this.assignConv(this.wordOp(t, () => code.op(Op.LOCAL, [temps[i]])), want[i], 'return statement'));
      op.gen();
      for (let i = temps.length - 1; i >= 0; i--) code.op(Op.SETLOCAL, [temps[i]]);
    } else {
      const vals = s.results.map((e) => this.expr(e));
      if (vals.some((v) => v.mode === 'invalid')) return;
      if (vals.length !== want.length) {
        const have = '(' + vals.map((v) => (v.mode === 'const' && T.isUntyped(v.type) ? 'number' : this.typeStr(v.type))).join(', ') + ')';
        const wantS = '(' + want.map((t) => this.typeStr(t)).join(', ') + ')';
        if (!want.length) this.error(s.results[0].pos, `too many return values\n\thave ${have}\n\twant ()`);
        else this.error(s.results[0].pos, `${vals.length < want.length ? 'not enough' : 'too many'} return values\n\thave ${have}\n\twant ${wantS}`);
        return;
      }
      ops = vals.map((v, i) => this.assignConv(v, want[i], 'return statement'));
    }
    if (ops.some((o) => o.mode === 'invalid')) return;
    if (this.epilogue) {
      // store into the result variables, then run the deferred calls
      const temps = ops.map((o) => {
        const t = this.newLocal();
        o.gen();
        code.op(Op.SETLOCAL, [t]);
        return t;
      });
      this.resultVars.forEach((r, i) => {
        if (typeof r === 'number') {
          code.op(Op.LOCAL, [temps[i]]);
          code.op(Op.SETLOCAL, [r]);
        } else {
          const lv = this.varLValue(r);
          lv.prep();
          code.op(Op.LOCAL, [temps[i]]);
          lv.store();
        }
      });
      code.jump(Op.JMP, this.epilogue);
      return;
    }
    for (const o of ops) o.gen();
    code.op(Op.RET, [], want.length, 0);
  }

  branch(s: A.BranchStmt): void {
    const code = this.code;
    switch (s.tok) {
      case 'goto': {
        const l = s.label ? this.labels.get(s.label.name) : undefined;
        if (!l || !s.label) {
          this.error(s.pos, `label ${s.label?.name} not defined`);
          return;
        }
        this.usedLabels.add(s.label.name);
        code.jump(Op.JMP, l);
        return;
      }
      case 'fallthrough':
        if (!this.fallthroughTo) {
          this.error(s.pos, 'fallthrough statement out of place');
          return;
        }
        code.jump(Op.JMP, this.fallthroughTo);
        return;
      case 'break':
      case 'continue': {
        let target: Breakable | undefined;
        if (s.label) {
          this.usedLabels.add(s.label.name);
          target = [...this.breakables].reverse().find((b) => b.label === s.label?.name);
          if (!target || (s.tok === 'continue' && !target.cont)) {
            this.error(s.label.pos, `invalid ${s.tok} label ${s.label.name}`);
            return;
          }
        } else {
          target = [...this.breakables].reverse().find((b) => s.tok === 'break' || b.cont);
          if (!target) {
            this.error(s.pos, `${s.tok} is not in a loop${s.tok === 'break' ? ', switch, or select' : ''}`);
            return;
          }
        }
        code.jump(Op.JMP, s.tok === 'break' ? target.brk : (target.cont as Label));
        return;
      }
    }
  }
}

function blankLValue(g: ExprGen): LValue {
  return { words: 0, prep: noGen, load: noGen, store: () => g.code.op(Op.DROP) };
}

function containsDefer(b: A.BlockStmt): boolean {
  let found = false;
  const walk = (s: A.Stmt): void => {
    if (found) return;
    switch (s.k) {
      case 'DeferStmt': found = true; break;
      case 'BlockStmt': s.list.forEach(walk); break;
      case 'LabeledStmt': walk(s.stmt); break;
      case 'IfStmt': walk(s.body); if (s.else) walk(s.else); break;
      case 'ForStmt': case 'RangeStmt': walk(s.body); break;
      case 'SwitchStmt': case 'TypeSwitchStmt': for (const c of s.cases) c.body.forEach(walk); break;
      case 'SelectStmt': for (const c of s.cases) c.body.forEach(walk); break;
    }
  };
  b.list.forEach(walk);
  return found;
}

/** The spec's terminating statements. */
export function isTerminating(s: A.Stmt): boolean {
  switch (s.k) {
    case 'ReturnStmt': return true;
    case 'BranchStmt': return s.tok === 'goto';
    case 'ExprStmt': {
      let x = s.x;
      while (x.k === 'ParenExpr') x = x.x;
      return x.k === 'CallExpr' && x.fun.k === 'Ident' && x.fun.name === 'panic';
    }
    case 'BlockStmt': return isTerminatingList(s.list);
    case 'IfStmt': return !!s.else && isTerminating(s.body) && isTerminating(s.else);
    case 'ForStmt': return !s.cond && !hasBreak(s.body.list, true);
    case 'LabeledStmt': return isTerminating(s.stmt) && !hasLabeledBreak(s.stmt, s.label.name);
    case 'SwitchStmt':
    case 'TypeSwitchStmt':
      return s.cases.some((c) => !c.list) && s.cases.every((c) => {
        const last = c.body[c.body.length - 1];
        return (isTerminatingList(c.body) || (last?.k === 'BranchStmt' && last.tok === 'fallthrough')) && !hasBreak(c.body, false);
      });
    case 'SelectStmt': return s.cases.every((c) => isTerminatingList(c.body) && !hasBreak(c.body, false));
    default: return false;
  }
}

export function isTerminatingList(list: A.Stmt[]): boolean {
  let i = list.length - 1;
  while (i >= 0 && list[i].k === 'EmptyStmt') i--;
  return i >= 0 && isTerminating(list[i]);
}

/** An unlabeled break that targets the enclosing statement. */
function hasBreak(list: A.Stmt[], _loop: boolean): boolean {
  const walk = (s: A.Stmt): boolean => {
    switch (s.k) {
      case 'BranchStmt': return s.tok === 'break' && !s.label;
      case 'BlockStmt': return s.list.some(walk);
      case 'IfStmt': return walk(s.body) || (!!s.else && walk(s.else));
      case 'LabeledStmt': return walk(s.stmt);
      default: return false; // nested for/switch/select own their unlabeled breaks
    }
  };
  return list.some(walk);
}

function hasLabeledBreak(s: A.Stmt, label: string): boolean {
  const walk = (x: A.Stmt): boolean => {
    switch (x.k) {
      case 'BranchStmt': return x.tok === 'break' && x.label?.name === label;
      case 'BlockStmt': return x.list.some(walk);
      case 'IfStmt': return walk(x.body) || (!!x.else && walk(x.else));
      case 'LabeledStmt': return walk(x.stmt);
      case 'ForStmt': case 'RangeStmt': return walk(x.body);
      case 'SwitchStmt': case 'TypeSwitchStmt': case 'SelectStmt': return x.cases.some((c) => c.body.some(walk));
      default: return false;
    }
  };
  return walk(s);
}

/** e without its parentheses. */
function strip(e: A.Expr): A.Expr {
  let x = e;
  while (x.k === 'ParenExpr') x = x.x;
  return x;
}
