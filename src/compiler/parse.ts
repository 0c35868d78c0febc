// From @lezer/go's concrete syntax tree to ast.ts. The grammar is a
// highlighting grammar: it accepts some non-Go (statements at top level) and
// leaves ambiguities (T(x) is a CallExpr, []T(x) a Conversion) that this walk
// settles. Error nodes become `syntax error` diagnostics.

import { parser as lezerGo } from '@lezer/go';
import { ContextTracker, type LRParser } from '@lezer/lr';
import type { SyntaxNode } from '@lezer/common';
import type * as A from './ast.js';
import type { Diagnostic } from './diag.js';

const skip = new Set(['LineComment', 'BlockComment']);

function kids(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (!skip.has(c.name)) out.push(c);
  return out;
}

const punct = new Set([';', ',', '(', ')', '{', '}', '[', ']', ':', '=', ':=', '.', '...', '<-', '*', '~', 'insertedSemi']);
const keywords = new Set([
  'func', 'var', 'const', 'type', 'package', 'import', 'return', 'if', 'else', 'for', 'range', 'switch', 'case',
  'default', 'select', 'go', 'defer', 'break', 'continue', 'goto', 'fallthrough', 'struct', 'interface', 'map', 'chan',
]);

function named(n: SyntaxNode): SyntaxNode[] {
  return kids(n).filter((c) => !punct.has(c.name) && !keywords.has(c.name));
}

class Parser {
  readonly diags: Diagnostic[] = [];
  constructor(
    private file: A.File,
    private src: string,
  ) {}

  text(n: SyntaxNode): string {
    return this.src.slice(n.from, n.to);
  }

  error(pos: number, msg: string): void {
    this.diags.push({ file: this.file.name, pos, message: msg });
  }

  ident(n: SyntaxNode): A.Ident {
    const name = this.text(n);
    return { k: 'Ident', pos: n.from, name: name === TRUE_ID ? 'true' : name === FALSE_ID ? 'false' : name };
  }

  bad(n: SyntaxNode, what: string): A.BadExpr {
    return { k: 'BadExpr', pos: n.from, what };
  }

  // ---- expressions and types ----

  /**
   * Error recovery leaves trees with missing children; a node whose shape is
   * not what the grammar promises is a syntax error (the error node itself
   * is reported by errors()), never a crash.
   */
  expr(n: SyntaxNode | undefined): A.Expr {
    if (!n) return { k: 'BadExpr', pos: 0, what: 'syntax' };
    try {
      return this.exprNode(n);
    } catch {
      this.syntaxError(n);
      return this.bad(n, 'syntax');
    }
  }

  exprNode(n: SyntaxNode): A.Expr {
    const c = named(n);
    switch (n.name) {
      case 'Number': {
        const t = this.text(n);
        let kind: A.BasicLit['kind'] = 'INT';
        if (t.endsWith('i')) kind = 'IMAG';
        else if (/^0[xX]/.test(t) ? /[.pP]/.test(t) : /[.eE]/.test(t)) kind = 'FLOAT';
        return { k: 'BasicLit', pos: n.from, kind, value: t };
      }
      case 'String':
        return { k: 'BasicLit', pos: n.from, kind: 'STRING', value: this.text(n) };
      case 'Rune':
        return { k: 'BasicLit', pos: n.from, kind: 'CHAR', value: this.text(n) };
      case 'Bool':
      case 'Nil':
      case 'VariableName':
      case 'TypeName':
      case 'FieldName':
      case 'DefName':
        return this.ident(n);
      case 'TypedLiteral':
        return { k: 'CompositeLit', pos: n.from, type: this.expr(c[0]), elts: this.literalValue(c[1]), end: n.to };
      case 'LiteralValue':
        return { k: 'CompositeLit', pos: n.from, elts: this.literalValue(n), end: n.to };
      case 'ParenthesizedExpr':
      case 'ParenthesizedType':
        return { k: 'ParenExpr', pos: n.from, x: this.expr(c[0]) };
      case 'FunctionLiteral':
        return { k: 'FuncLit', pos: n.from, type: this.signature(n, c), body: this.block(c[c.length - 1]) };
      case 'Conversion':
        return { k: 'CallExpr', pos: n.from, fun: this.expr(c[0]), args: [this.expr(c[1])], ellipsis: false };
      case 'SelectorExpr':
      case 'IndexExpr':
      case 'SliceExpr':
      case 'TypeAssertion':
      case 'CallExpr':
      case 'UnaryExp':
      case 'BinaryExp':
        return this.opExpr(n);
      case 'QualifiedType': {
        let x: A.Expr = this.ident(c[0]);
        for (let i = 1; i < c.length; i++) x = { k: 'SelectorExpr', pos: n.from, x, sel: this.ident(c[i]) };
        return x;
      }
      case 'PointerType':
        return { k: 'StarExpr', pos: n.from, x: this.expr(c[0]) };
      case 'FunctionType':
        return this.signature(n, c);
      case 'ArrayType':
        return { k: 'ArrayType', pos: n.from, len: this.expr(c[0]), elem: this.expr(c[1]) };
      case 'SliceType': {
        const dots = kids(n).some((k) => k.name === '...');
        return { k: 'ArrayType', pos: n.from, len: dots ? { k: 'Ellipsis', pos: n.from } : undefined, elem: this.expr(c[0]) };
      }
      case 'MapType':
        return { k: 'MapType', pos: n.from, key: this.expr(c[0]), value: this.expr(c[1]) };
      case 'ChannelType': {
        const ks = kids(n).map((k) => k.name);
        const dir = ks[0] === '<-' ? 'recv' : ks[1] === '<-' ? 'send' : 'both';
        return { k: 'ChanType', pos: n.from, dir, elem: this.expr(c[0]) };
      }
      case 'StructType':
        return { k: 'StructType', pos: n.from, fields: this.structBody(c[0]) };
      case 'InterfaceType':
        return this.interfaceType(n, c[0]);
      case 'ParameterizedType':
      case 'ParameterizedExpr':
        return this.bad(n, 'generic type instantiation');
      default:
        if (n.type.isError) {
          this.syntaxError(n);
          return this.bad(n, 'syntax');
        }
        this.error(n.from, `syntax error: unexpected ${this.text(n).slice(0, 20) || n.name}`);
        return this.bad(n, 'syntax');
    }
  }

  syntaxError(n: SyntaxNode): void {
    const t = this.text(n).trim().split(/\s/)[0];
    this.error(n.from, t ? `syntax error: unexpected ${t}` : 'syntax error: unexpected newline');
  }

  literalValue(n: SyntaxNode): A.Expr[] {
    const out: A.Expr[] = [];
    for (const el of named(n)) {
      if (el.name !== 'Element') {
        this.expr(el);
        continue;
      }
      const parts = named(el);
      if (parts[0]?.name === 'Key') {
        const kn = named(parts[0])[0];
        out.push({ k: 'KeyValueExpr', pos: el.from, key: this.expr(kn), value: this.expr(parts[1]) });
      } else out.push(this.expr(parts[0]));
    }
    return out;
  }

  slicePart(n: SyntaxNode): (x: A.Expr) => A.Expr {
    const ks = kids(n);
    const parts: (A.Expr | undefined)[] = [undefined];
    let colons = 0;
    for (const k of ks.slice(2, -1)) {
      if (k.name === ':') {
        colons++;
        parts.push(undefined);
      } else parts[colons] = this.expr(k);
    }
    return (y) => ({ k: 'SliceExpr', pos: y.pos, x: y, lo: parts[0], hi: parts[1], max: parts[2], slice3: colons === 2 });
  }

  callPart(n: SyntaxNode, c: SyntaxNode[]): (x: A.Expr) => A.Expr {
    const argsNode = c[c.length - 1];
    const args = named(argsNode).map((a) => this.expr(a));
    const ellipsis = kids(argsNode).some((k) => k.name === '...');
    return (x) => ({ k: 'CallExpr', pos: x.pos, fun: x, args, ellipsis });
  }

  /**
   * @lezer/go gives selectors, index, slice, assertion and call lower
   * precedence than unary and binary operators (a + b.c parses as (a + b).c)
   * and so can build operator trees that Go does not. The in-order walk of
   * its tree is still the source order: flatten operator expressions to
   * operands and operators and rebuild them with Go's precedence.
   */
  opExpr(n: SyntaxNode): A.Expr {
    const items: Item[] = [];
    const walk = (m: SyntaxNode): void => {
      const c = named(m);
      switch (m.name) {
        case 'BinaryExp':
          walk(c[0]);
          items.push({ k: 'bin', op: this.text(c[1]), pos: c[1].from });
          walk(c[2]);
          return;
        case 'UnaryExp':
          items.push({ k: 'pre', op: this.text(kids(m)[0]), pos: m.from });
          walk(c[c.length - 1]);
          return;
        case 'SelectorExpr': {
          walk(c[0]);
          const sel = this.ident(c[1]);
          items.push({ k: 'post', wrap: (x) => ({ k: 'SelectorExpr', pos: x.pos, x, sel }) });
          return;
        }
        case 'IndexExpr': {
          walk(c[0]);
          const index = this.expr(c[1]);
          items.push({ k: 'post', wrap: (x) => ({ k: 'IndexExpr', pos: x.pos, x, index }) });
          return;
        }
        case 'SliceExpr':
          walk(kids(m)[0]);
          items.push({ k: 'post', wrap: this.slicePart(m) });
          return;
        case 'TypeAssertion': {
          walk(c[0]);
          const type = this.expr(c[1]);
          items.push({ k: 'post', wrap: (x) => ({ k: 'TypeAssertExpr', pos: x.pos, x, type }) });
          return;
        }
        case 'CallExpr': {
          const f = c[0];
          if (f.name === 'make' || f.name === 'new') items.push({ k: 'operand', x: { k: 'Ident', pos: f.from, name: f.name } });
          else walk(f);
          items.push({ k: 'post', wrap: this.callPart(m, c) });
          return;
        }
        default:
          items.push({ k: 'operand', x: this.expr(m) });
      }
    };
    walk(n);
    let i = 0;
    const unaryExpr = (): A.Expr => {
      const it = items[i];
      if (it?.k === 'pre') {
        i++;
        const x = unaryExpr();
        if (it.op === '*') return { k: 'StarExpr', pos: it.pos, x };
        return { k: 'UnaryExpr', pos: it.pos, op: it.op, x };
      }
      let x: A.Expr;
      if (it?.k === 'operand') {
        i++;
        x = it.x;
      } else {
        x = { k: 'BadExpr', pos: n.from, what: 'syntax' };
        this.error(n.from, 'syntax error: unexpected operator');
        i++;
      }
      while (items[i]?.k === 'post') x = (items[i++] as PostItem).wrap(x);
      return x;
    };
    const binary = (minPrec: number): A.Expr => {
      let x = unaryExpr();
      for (;;) {
        const it = items[i];
        if (!it || it.k !== 'bin') return x;
        const p = precedence(it.op);
        if (p < minPrec) return x;
        i++;
        const y = binary(p + 1);
        x = { k: 'BinaryExpr', pos: x.pos, op: it.op, opPos: it.pos, x, y };
      }
    };
    return binary(1);
  }

  /** Parameters [Parameters | type] of a func type, literal or declaration (sig nodes in c). */
  signature(n: SyntaxNode, c: SyntaxNode[]): A.FuncType {
    const ps = c.filter((k) => k.name === 'Parameters');
    const params = ps[0] ? this.params(ps[0]) : [];
    let results: A.Field[] = [];
    if (ps[1]) results = this.params(ps[1]);
    else {
      const last = c[c.length - 1];
      const after = ps[0] ? c.indexOf(ps[0]) + 1 : c.length;
      for (let i = after; i < c.length; i++) {
        if (c[i].name === 'Block') break;
        results = [{ pos: c[i].from, names: [], type: this.expr(c[i]), variadic: false }];
        void last;
      }
    }
    const typeParams = c.some((k) => k.name === 'TypeParams');
    return { k: 'FuncType', pos: n.from, params, results, typeParams };
  }

  params(n: SyntaxNode): A.Field[] {
    const out: A.Field[] = [];
    for (const p of named(n)) {
      if (p.name !== 'Parameter') {
        this.expr(p);
        continue;
      }
      const pk = kids(p);
      const names = pk.filter((k) => k.name === 'DefName').map((k) => this.ident(k));
      const variadic = pk.some((k) => k.name === '...');
      const tn = named(p).filter((k) => k.name !== 'DefName');
      const type = tn[0] ? this.expr(tn[0]) : this.bad(p, 'syntax');
      out.push({ pos: p.from, names, type, variadic });
    }
    // (a, b int) parses as two Parameters if a has no type: Go's grouping rule
    // is handled by the checker (an unnamed list followed by named ones).
    return out;
  }

  structBody(n: SyntaxNode): A.Field[] {
    const out: A.Field[] = [];
    for (const f of named(n)) {
      if (f.name !== 'FieldDecl') {
        this.expr(f);
        continue;
      }
      const fk = named(f).filter((k) => k.name !== 'String');
      const names = fk.filter((k) => k.name === 'FieldName').map((k) => this.ident(k));
      const tn = fk.filter((k) => k.name !== 'FieldName');
      if (names.length) {
        out.push({ pos: f.from, names, type: this.expr(tn[0]), variadic: false });
      } else {
        const star = kids(f).some((k) => k.name === '*');
        let type = this.expr(tn[0]);
        if (star) type = { k: 'StarExpr', pos: f.from, x: type };
        out.push({ pos: f.from, names: [], type, variadic: false, embedded: true });
      }
    }
    return out;
  }

  interfaceType(n: SyntaxNode, body: SyntaxNode): A.InterfaceType {
    const methods: A.Field[] = [];
    const embeds: A.Expr[] = [];
    let unions = false;
    for (const e of named(body)) {
      if (e.name === 'MethodElem') {
        const c = named(e);
        methods.push({ pos: e.from, names: [this.ident(c[0])], type: this.signature(e, c.slice(1)), variadic: false });
      } else if (e.name === 'TypeElem' || e.name === 'UnderlyingType') unions = true;
      else embeds.push(this.expr(e));
    }
    return { k: 'InterfaceType', pos: n.from, methods, embeds, unions };
  }

  // ---- statements ----

  block(n: SyntaxNode): A.BlockStmt {
    return { k: 'BlockStmt', pos: n.from, list: this.stmts(named(n)), end: n.to - 1 };
  }

  stmts(ns: SyntaxNode[]): A.Stmt[] {
    const out: A.Stmt[] = [];
    for (const s of ns) {
      const st = this.stmt(s);
      if (st) out.push(st);
    }
    return out;
  }

  stmt(n: SyntaxNode | undefined): A.Stmt | undefined {
    if (!n) return undefined;
    try {
      return this.stmtNode(n);
    } catch {
      this.syntaxError(n);
      return undefined;
    }
  }

  stmtNode(n: SyntaxNode): A.Stmt | undefined {
    const c = named(n);
    const pos = n.from;
    switch (n.name) {
      case 'ExprStatement':
        return { k: 'ExprStmt', pos, x: this.expr(c[0]) };
      case 'SendStatement':
        return { k: 'SendStmt', pos, chan: this.expr(c[0]), value: this.expr(c[1]) };
      case 'IncDecStatement':
        return { k: 'IncDecStmt', pos, x: this.expr(c[0]), inc: this.text(c[1]) === '++' };
      case 'Assignment': {
        const ks = kids(n);
        const i = ks.findIndex((k) => k.name === '=' || k.name === 'UpdateOp');
        const lhs = ks.slice(0, i).filter((k) => k.name !== ',').map((k) => this.expr(k));
        const rhs = ks.slice(i + 1).filter((k) => k.name !== ',').map((k) => this.expr(k));
        return { k: 'AssignStmt', pos, lhs, tok: this.text(ks[i]), rhs, tokPos: ks[i].from };
      }
      case 'VarDecl':
        if (kids(n)[0].name !== 'var') {
          const ks = kids(n);
          const i = ks.findIndex((k) => k.name === ':=');
          const lhs = ks.slice(0, i).filter((k) => k.name === 'DefName').map((k) => this.ident(k));
          const rhs = ks.slice(i + 1).filter((k) => k.name !== ',').map((k) => this.expr(k));
          return { k: 'AssignStmt', pos, lhs, tok: ':=', rhs, tokPos: ks[i].from };
        }
        return { k: 'DeclStmt', pos, decl: this.genDecl(n) };
      case 'ConstDecl':
      case 'TypeDecl':
        return { k: 'DeclStmt', pos, decl: this.genDecl(n) };
      case 'Block':
        return this.block(n);
      case 'LabeledStatement': {
        const st = c[1] ? this.stmt(c[1]) : undefined;
        return { k: 'LabeledStmt', pos, label: this.ident(c[0]), stmt: st ?? { k: 'EmptyStmt', pos } };
      }
      case 'IfStatement':
        return this.ifStmt(n);
      case 'SwitchStatement':
      case 'TypeSwitchStatement':
        return this.switchStmt(n);
      case 'ForStatement':
        return this.forStmt(n);
      case 'GoStatement':
        return { k: 'GoStmt', pos, call: this.expr(c[0]) };
      case 'DeferStatement':
        return { k: 'DeferStmt', pos, call: this.expr(c[0]) };
      case 'SelectStatement':
        return this.selectStmt(c[0]);
      case 'ReturnStatement':
        return { k: 'ReturnStmt', pos, results: c.map((e) => this.expr(e)) };
      case 'GotoStatement': {
        const tok = kids(n)[0].name as 'break' | 'continue' | 'goto';
        return { k: 'BranchStmt', pos, tok, label: c[0] ? this.ident(c[0]) : undefined };
      }
      case 'FallthroughStatement':
        return { k: 'BranchStmt', pos, tok: 'fallthrough' };
      default:
        if (n.type.isError) this.syntaxError(n);
        else this.error(pos, `syntax error: unexpected ${this.text(n).slice(0, 20)}`);
        return undefined;
    }
  }

  /** Split [simpleStatement ";"] prefix from a header's children. */
  header(ks: SyntaxNode[]): { init?: A.Stmt; rest: SyntaxNode[] } {
    const semi = ks.findIndex((k) => k.name === ';');
    if (semi < 0) return { rest: ks };
    const before = ks.slice(0, semi).filter((k) => !keywords.has(k.name));
    const init = before[0] ? this.simpleStmt(before[0]) : undefined;
    return { init, rest: ks.slice(semi + 1) };
  }

  /** A simple statement; a bare expression node in the header is an ExprStmt. */
  simpleStmt(n: SyntaxNode): A.Stmt | undefined {
    const stmtNames = ['ExprStatement', 'SendStatement', 'IncDecStatement', 'Assignment', 'VarDecl'];
    if (stmtNames.includes(n.name)) return this.stmt(n);
    return { k: 'ExprStmt', pos: n.from, x: this.expr(n) };
  }

  ifStmt(n: SyntaxNode): A.IfStmt {
    const ks = kids(n).filter((k) => k.name !== 'if');
    const { init, rest } = this.header(ks);
    const r = rest.filter((k) => k.name !== 'else');
    const cond = this.expr(r[0]);
    const body = this.block(r[1]);
    let els: A.Stmt | undefined;
    if (r[2]) els = r[2].name === 'IfStatement' ? this.ifStmt(r[2]) : this.block(r[2]);
    return { k: 'IfStmt', pos: n.from, init, cond, body, else: els };
  }

  switchStmt(n: SyntaxNode): A.SwitchStmt | A.TypeSwitchStmt {
    const ks = kids(n).filter((k) => k.name !== 'switch');
    const { init, rest } = this.header(ks);
    const blockNode = rest[rest.length - 1];
    const head = rest.slice(0, -1);
    const typeSwitch = n.name === 'TypeSwitchStatement';
    const cases: A.CaseClause[] = [];
    let cur: A.CaseClause | undefined;
    for (const k of named(blockNode)) {
      if (k.name === 'Case') {
        const ck = kids(k);
        const isDefault = ck[0].name === 'default';
        cur = { pos: k.from, list: isDefault ? undefined : named(k).map((e) => this.expr(e)), body: [] };
        cases.push(cur);
      } else if (cur) {
        const st = this.stmt(k);
        if (st) cur.body.push(st);
      } else this.stmt(k);
    }
    if (typeSwitch) {
      const hn = head.filter((k) => !punct.has(k.name) && k.name !== 'type');
      let bind: A.Ident | undefined;
      let x: A.Expr;
      if (hn[0].name === 'DefName') {
        bind = this.ident(hn[0]);
        x = this.expr(hn[1]);
      } else x = this.expr(hn[0]);
      return { k: 'TypeSwitchStmt', pos: n.from, init, bind, x, cases };
    }
    const tagNode = head.find((k) => !punct.has(k.name));
    return { k: 'SwitchStmt', pos: n.from, init, tag: tagNode ? this.expr(tagNode) : undefined, cases };
  }

  forStmt(n: SyntaxNode): A.ForStmt | A.RangeStmt {
    const c = named(n);
    const body = this.block(c[c.length - 1]);
    const h = c.length > 1 ? c[0] : undefined;
    if (!h) return { k: 'ForStmt', pos: n.from, body };
    if (h.name === 'ForClause') {
      const parts: (SyntaxNode | undefined)[] = [undefined];
      for (const k of kids(h)) {
        if (k.name === ';') parts.push(undefined);
        else parts[parts.length - 1] = k;
      }
      return {
        k: 'ForStmt',
        pos: n.from,
        init: parts[0] ? this.simpleStmt(parts[0]) : undefined,
        cond: parts[1] ? this.expr(parts[1]) : undefined,
        post: parts[2] ? this.simpleStmt(parts[2]) : undefined,
        body,
      };
    }
    if (h.name === 'RangeClause') {
      const ks = kids(h);
      const ri = ks.findIndex((k) => k.name === 'range');
      const op = ks.findIndex((k) => k.name === '=' || k.name === ':=');
      const lhs = op >= 0 ? ks.slice(0, op).filter((k) => k.name !== ',').map((k) => this.expr(k)) : [];
      const define = op >= 0 && ks[op].name === ':=';
      return { k: 'RangeStmt', pos: n.from, key: lhs[0], value: lhs[1], define, x: this.expr(ks[ri + 1]), body };
    }
    return { k: 'ForStmt', pos: n.from, cond: this.expr(h), body };
  }

  selectStmt(n: SyntaxNode): A.SelectStmt {
    const cases: A.CommClause[] = [];
    let cur: A.CommClause | undefined;
    for (const k of named(n)) {
      if (k.name === 'Case') {
        const ck = named(k);
        let comm: A.Stmt | undefined;
        if (ck[0]?.name === 'SendStatement') comm = this.stmt(ck[0]);
        else if (ck[0]?.name === 'ReceiveStatement') comm = this.recvStmt(ck[0]);
        cur = { pos: k.from, comm, body: [] };
        cases.push(cur);
      } else if (cur) {
        const st = this.stmt(k);
        if (st) cur.body.push(st);
      }
    }
    return { k: 'SelectStmt', pos: n.from, cases };
  }

  recvStmt(n: SyntaxNode): A.Stmt {
    const ks = kids(n);
    const op = ks.findIndex((k) => k.name === '=' || k.name === ':=');
    if (op < 0) return { k: 'ExprStmt', pos: n.from, x: this.expr(named(n)[0]) };
    const lhs = ks.slice(0, op).filter((k) => k.name !== ',').map((k) => this.expr(k));
    const rhs = ks.slice(op + 1).filter((k) => k.name !== ',').map((k) => this.expr(k));
    return { k: 'AssignStmt', pos: n.from, lhs, tok: ks[op].name, rhs };
  }

  // ---- declarations ----

  genDecl(n: SyntaxNode): A.GenDecl {
    const kw = kids(n)[0].name;
    let specNodes = named(n);
    if (specNodes[0]?.name === 'SpecList') specNodes = named(specNodes[0]);
    if (kw === 'type') {
      const specs: A.TypeSpec[] = [];
      for (const s of specNodes) {
        const c = named(s);
        const alias = kids(s).some((k) => k.name === '=');
        const typeParams = c.some((k) => k.name === 'TypeParams');
        const tn = c.filter((k) => k.name !== 'DefName' && k.name !== 'TypeParams');
        specs.push({ pos: s.from, name: this.ident(c[0]), alias, typeParams, type: this.expr(tn[0]), end: s.to });
      }
      return { k: 'type', pos: n.from, specs };
    }
    const specs: A.ValueSpec[] = [];
    specNodes.forEach((s, iota) => {
      const ks = kids(s);
      const eq = ks.findIndex((k) => k.name === '=');
      const before = eq >= 0 ? ks.slice(0, eq) : ks;
      const names = before.filter((k) => k.name === 'DefName').map((k) => this.ident(k));
      const tn = before.filter((k) => !punct.has(k.name) && k.name !== 'DefName');
      const values = eq >= 0 ? ks.slice(eq + 1).filter((k) => k.name !== ',').map((k) => this.expr(k)) : [];
      specs.push({ pos: s.from, names, type: tn[0] ? this.expr(tn[0]) : undefined, values, iota });
    });
    return kw === 'const' ? { k: 'const', pos: n.from, specs } : { k: 'var', pos: n.from, specs };
  }

  funcDecl(n: SyntaxNode): A.FuncDecl {
    const c = named(n);
    const body = c.find((k) => k.name === 'Block');
    if (n.name === 'MethodDecl') {
      const recvs = this.params(c[0]);
      const name = this.ident(c[1]);
      const type = this.signature(n, c.slice(2).filter((k) => k.name !== 'Block'));
      if (recvs.length !== 1 || recvs[0].names.length > 1) this.error(c[0].from, 'method has multiple receivers');
      return { k: 'FuncDecl', pos: n.from, recv: recvs[0], name, type, body: body ? this.block(body) : undefined, end: n.to };
    }
    const name = this.ident(c[0]);
    const type = this.signature(n, c.slice(1).filter((k) => k.name !== 'Block'));
    return { k: 'FuncDecl', pos: n.from, name, type, body: body ? this.block(body) : undefined, end: n.to };
  }

  parseTop(top: SyntaxNode): void {
    for (const n of named(top)) {
      try {
        this.topDecl(n);
      } catch {
        this.syntaxError(n);
      }
    }
  }

  topDecl(n: SyntaxNode): void {
    const f = this.file;
    {
      switch (n.name) {
        case 'PackageClause':
          f.pkgName = this.ident(named(n)[0]);
          break;
        case 'ImportDecl': {
          let specs = named(n);
          if (specs[0]?.name === 'SpecList') specs = named(specs[0]);
          for (const s of specs) {
            const sk = kids(s);
            const str = sk.find((k) => k.name === 'String');
            if (!str) continue;
            const nameNode = sk.find((k) => k.name === 'DefName');
            f.imports.push({
              pos: s.from,
              name: nameNode ? this.ident(nameNode) : undefined,
              dot: sk.some((k) => k.name === '.'),
              path: unquote(this.text(str)),
            });
          }
          break;
        }
        case 'FunctionDecl':
        case 'MethodDecl':
          f.decls.push(this.funcDecl(n));
          break;
        case 'ConstDecl':
        case 'VarDecl':
        case 'TypeDecl':
          if (kids(n)[0].name === 'var' || n.name !== 'VarDecl') {
            f.decls.push(this.genDecl(n));
            break;
          }
        // fallthrough: x := 1 at top level
        default:
          if (n.type.isError) this.syntaxError(n);
          else this.error(n.from, 'syntax error: non-declaration statement outside function body');
      }
    }
  }

  /** Report every error node of the tree once (the walk above may skip some). */
  errors(top: SyntaxNode): void {
    const seen = new Set(this.diags.map((d) => d.pos));
    const cur = top.cursor();
    do {
      if (cur.type.isError && !seen.has(cur.from)) {
        seen.add(cur.from);
        this.syntaxError(cur.node);
      }
    } while (cur.next());
  }
}

type PostItem = { k: 'post'; wrap: (x: A.Expr) => A.Expr };
type Item =
  | { k: 'operand'; x: A.Expr }
  | { k: 'pre'; op: string; pos: number }
  | { k: 'bin'; op: string; pos: number }
  | PostItem;

/** Go's binary operator precedence (5 binds tightest). */
function precedence(op: string): number {
  switch (op) {
    case '*': case '/': case '%': case '<<': case '>>': case '&': case '&^': return 5;
    case '+': case '-': case '|': case '^': return 4;
    case '==': case '!=': case '<': case '<=': case '>': case '>=': return 3;
    case '&&': return 2;
    case '||': return 1;
  }
  return 1;
}

/** The value of a Go string literal (interpreted or raw). */
export function unquote(lit: string): string {
  // a raw string is its UTF-8 bytes too (len(`ä`) == 2), carriage returns dropped
  if (lit.startsWith('`')) return bytesToLatin([...new TextEncoder().encode(lit.slice(1, -1).replace(/\r/g, ''))]);
  return decodeEscapes(lit.slice(1, -1));
}

export function decodeEscapes(s: string): string {
  // Build bytes: \x and octal escapes are bytes, \u are code points.
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch !== '\\') {
      const cp = s.codePointAt(i) as number;
      if (cp > 0xffff) i++;
      bytes.push(...enc.encode(String.fromCodePoint(cp)));
      continue;
    }
    const e = s[++i];
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34 };
    if (e in simple) bytes.push(simple[e]);
    else if (e === 'x') {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      bytes.push(...enc.encode(String.fromCodePoint(parseInt(s.slice(i + 1, i + 1 + n), 16))));
      i += n;
    } else if (e >= '0' && e <= '7') {
      bytes.push(parseInt(s.slice(i, i + 3), 8) & 255);
      i += 2;
    }
  }
  return bytesToLatin(bytes);
}

/**
 * Strings inside the compiler are JS strings holding UTF-8 bytes as chars
 * 0-255 ("byte strings"), so that "\xff" and len() behave as in Go.
 */
function bytesToLatin(b: number[]): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
}

/**
 * @lezer/go inserts semicolons at line ends only after the tokens its
 * context tracker lists, which misses true, false and nil (they are
 * specialized tokens with their own term ids), so `x = true` followed by a
 * line fails to parse. Find those terms and track them too.
 */
function fixedParser(): LRParser {
  const orig = (lezerGo as unknown as { context: TrackerSpec | null }).context;
  if (!orig) return lezerGo;
  const termAfterEq = (word: string): number | undefined => {
    const seen: number[] = [];
    const probe = new ContextTracker<unknown>({
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      start: orig.start,
      shift: (c, term, s, i) => {
        seen.push(term);
        return orig.shift(c, term, s as unknown, i as unknown);
      },
      strict: false,
    });
    lezerGo.configure({ contextTracker: probe }).parse(`package p;var x=${word}`);
    const eq = seen.findIndex((t) => lezerGo.getName(t) === '=');
    return eq >= 0 ? seen[eq + 1] : undefined;
  };
  const extra = new Set<number>();
  for (const w of ['true', 'false', 'nil']) {
    const t = termAfterEq(w);
    if (t !== undefined) extra.add(t);
  }
  const tracker = new ContextTracker<unknown>({
    start: orig.start,
    shift: (c, term, s, i) => (extra.has(term) ? true : orig.shift(c, term, s as unknown, i as unknown)),
    strict: false,
  });
  return lezerGo.configure({ contextTracker: tracker });
}

let goParser: LRParser | undefined;

/** What `true` and `false` are parsed as (U+00B7 is in no Go identifier), same length. */
const TRUE_ID = 'tru\u00b7';
const FALSE_ID = 'fals\u00b7';

/** The fields of a ContextTracker (its .d.ts keeps them private). */
interface TrackerSpec {
  start: unknown;
  shift: (c: unknown, term: number, stack: unknown, input: unknown) => unknown;
}

/**
 * The grammar has no `for range x` (Go 1.4's form without variables):
 * rewrite it to `for _ = range x`, outside strings and comments, and
 * remember the insertions so positions map back to the original text.
 */
export function rewriteBareRange(src: string): { src: string; shifts: [number, number][] } {
  const shifts: [number, number][] = [];
  let out = '';
  let i = 0;
  const n = src.length;
  const isWord = (c: string | undefined): boolean => !!c && /[A-Za-z0-9_]/.test(c);
  while (i < n) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      const e = src.indexOf('\n', i);
      const end = e < 0 ? n : e;
      out += src.slice(i, end);
      i = end;
    } else if (c === '/' && src[i + 1] === '*') {
      const e = src.indexOf('*/', i + 2);
      const end = e < 0 ? n : e + 2;
      out += src.slice(i, end);
      i = end;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < n && src[j] !== c && (c === '`' || src[j] !== '\n')) j += src[j] === '\\' && c !== '`' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else if ((c === 't' || c === 'f') && !isWord(src[i - 1]) && /^(true|false)(?![A-Za-z0-9_\u00a1-\uffff])/.test(src.slice(i, i + 6))) {
      // true and false are keywords to the grammar but predeclared names to Go
      // (true := false is valid): same-length names no Go identifier can be
      out += c === 't' ? TRUE_ID : FALSE_ID;
      i += c === 't' ? 4 : 5;
    } else if ((c === 'i' || c === 's') && !isWord(src[i - 1]) && /^(if|switch)[ \t]*;/.test(src.slice(i, i + 16))) {
      // an empty init statement (`if ; cond {`, `switch ; {`), which the grammar lacks:
      // the semicolon becomes a space, so no position moves
      const m = /^(if|switch)[ \t]*;/.exec(src.slice(i, i + 16)) as RegExpExecArray;
      out += m[0].slice(0, -1) + ' ';
      i += m[0].length;
    } else if (c === 'f' && src.startsWith('for', i) && !isWord(src[i - 1]) && !isWord(src[i + 3])) {
      const m = /^for[ \t]+range(?![A-Za-z0-9_])/.exec(src.slice(i, i + 40));
      if (m) {
        const at = out.length + m[0].length - 5;
        out += m[0].slice(0, -5) + '_ = range';
        shifts.push([at, 4]);
        i += m[0].length;
      } else {
        out += 'for';
        i += 3;
      }
    } else {
      out += c;
      i++;
    }
  }
  return { src: out, shifts };
}

export function parseFile(name: string, original: string): { file: A.File; diags: Diagnostic[] } {
  const { src, shifts } = rewriteBareRange(original);
  const lineStarts = [0];
  for (let i = 0; i < original.length; i++) if (original.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const file: A.File = {
    name,
    src: original,
    shifts,
    pkgName: { k: 'Ident', pos: 0, name: '' },
    imports: [],
    decls: [],
    stray: [],
    lineStarts,
  };
  const p = new Parser(file, src);
  goParser ??= fixedParser();
  const tree = goParser.parse(src);
  p.parseTop(tree.topNode);
  p.errors(tree.topNode);
  if (!file.pkgName.name && !p.diags.length) p.error(0, 'syntax error: package statement must be first');
  return { file, diags: p.diags };
}
