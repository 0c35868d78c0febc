// Go source to ast.ts: a recursive-descent parser over scanner.ts's tokens,
// following the spec's grammar (docs/language.md) and reporting syntax errors
// as cmd/compile does: "syntax error: unexpected X, expecting Y" at the
// offending token, one per line, recovering at the same points. Nesting is
// bounded (maxNesting) so that no input can exhaust the compiler's stack; the
// error names the limit.

import type * as A from './ast.js';
import type { Diagnostic } from './diag.js';
import { Scanner, type Tok } from './scanner.js';

/**
 * How deep expressions, types and blocks may nest, in units. Go has no such
 * limit; the compiler's recursive walks (here, in checking and in emitting)
 * need one to stay inside the JavaScript stack (about 1 MB). A block,
 * parenthesis, operator, index or type counts 1; a call or composite
 * literal 2, a function literal 4 more than its body block, in proportion to
 * the stack their checking takes (measured: about 1,250 nested calls, 1,050
 * nested composite literals, 430 nested function literals fit). 1,100 lets
 * 1,000 nested ifs through with room to spare.
 */
export const maxNesting = 1100;
const weight = { call: 2, compositeLit: 2, funcLit: 3 };
export const nestingMessage = `nesting too deep: p9rt's compiler limit is ${maxNesting} levels (blocks, parentheses and operators count 1, calls and composite literals 2, function literals 4)`;

const stopTokens = new Set<Tok>(['break', 'const', 'continue', 'defer', 'fallthrough', 'for', 'go', 'goto', 'if', 'return', 'select', 'switch', 'type', 'var']);

class Bail extends Error {}

class Parser {
  readonly diags: Diagnostic[] = [];
  private s: Scanner;
  private tok: Tok = 'EOF';
  private lit = '';
  private pos = 0;
  /** > 0 inside function bodies: statement keywords stop error recovery */
  private fnest = 0;
  /** expression level: < 0 in control clauses, where `{` starts the block */
  private xnest = 0;
  private depth = 0;
  private lastErrLine = -1;
  private nerrs = 0;
  private lineStarts: number[];

  constructor(
    private file: A.File,
    private src: string,
  ) {
    this.s = new Scanner(file.name, src);
    this.lineStarts = file.lineStarts;
    this.next();
  }

  /** The current token (a call, so that checks after next() are not narrowed away). */
  private t(): Tok {
    return this.tok;
  }

  private next(): void {
    this.lastEnd = this.pos + tokenLength(this.s);
    this.s.next();
    this.tok = this.s.tok;
    this.lit = this.s.lit;
    this.pos = this.s.pos;
  }

  private lineOf(pos: number): number {
    return lineIndex(this.lineStarts, pos);
  }

  private errorAt(pos: number, msg: string): void {
    this.nerrs++;
    this.diags.push({ file: this.file.name, pos, message: msg });
  }

  /** Go's syntax error: the message completed with the current token, one per line. */
  private syntaxErrorAt(pos: number, msg: string): void {
    if (this.t() === 'EOF' && this.nerrs > 0) return;
    const line = this.lineOf(pos);
    if (line === this.lastErrLine) return;
    this.lastErrLine = line;
    if (msg.startsWith('in ') || msg.startsWith('at ') || msg.startsWith('after ')) msg = ' ' + msg;
    else if (msg.startsWith('expecting ')) msg = ', ' + msg;
    else {
      this.errorAt(pos, 'syntax error: ' + msg);
      return;
    }
    this.errorAt(pos, `syntax error: unexpected ${this.tokDesc()}${msg}`);
  }

  private syntaxError(msg: string): void {
    this.syntaxErrorAt(this.pos, msg);
  }

  private tokDesc(): string {
    switch (this.t()) {
      case 'name': return 'name ' + this.lit;
      case ';': return this.lit;
      case 'literal': return 'literal ' + this.lit;
      case 'op': case '*': case '<-': return this.lit;
      case 'assignop': return this.lit + '=';
      case 'incop': return this.lit + this.lit;
      default: return tokString(this.t());
    }
  }

  private got(t: Tok): boolean {
    if (this.t() === t) {
      this.next();
      return true;
    }
    return false;
  }

  private want(t: Tok): void {
    if (!this.got(t)) {
      this.syntaxError('expecting ' + tokString(t));
      this.advance();
    }
  }

  /** Skip to a token of follow (or a statement keyword inside a function); with none, skip one token. */
  private advance(...follow: Tok[]): void {
    if (!follow.length) {
      if (this.t() !== 'EOF') this.next();
      return;
    }
    const set = new Set<Tok>(follow);
    while (this.t() !== 'EOF' && !set.has(this.t()) && !(this.fnest > 0 && stopTokens.has(this.t()))) this.next();
  }

  /** Enter one more level of nesting; past maxNesting the parse stops with an error naming the limit. */
  /** Enter w more units of nesting; past maxNesting the parse stops with an error naming the limit. */
  private enter(w = 1): void {
    this.depth += w;
    if (this.depth > maxNesting) {
      this.errorAt(this.pos, nestingMessage);
      throw new Bail();
    }
  }

  private leave(w = 1): void {
    this.depth -= w;
  }

  /**
   * list = [ f { sep f } [sep] ] close . Returns the position of close.
   */
  private list(context: string, sep: Tok, close: Tok, f: () => boolean): number {
    let done = false;
    while (this.t() !== 'EOF' && this.t() !== close && !done) {
      done = f();
      if (!this.got(sep) && this.t() !== close) {
        this.syntaxError(`in ${context}; possibly missing ${tokString(sep)} or ${tokString(close)}`);
        this.advance(')', ']', '}');
        if (this.t() !== close) return this.pos;
      }
    }
    const pos = this.pos;
    this.want(close);
    return pos;
  }

  // ---- files and declarations ----

  parseFile(): void {
    const f = this.file;
    if (this.t() !== 'package') {
      this.syntaxError('package statement must be first');
      return;
    }
    this.next();
    f.pkgName = this.name();
    this.want(';');
    if (this.nerrs) return;
    while (this.got('import')) {
      this.group(() => this.importSpec());
      this.want(';');
    }
    while (this.t() !== 'EOF') {
      const pos = this.pos;
      switch (this.t()) {
        case 'const':
        case 'var':
        case 'type': {
          const kw = this.t() as 'const' | 'var' | 'type';
          this.next();
          f.decls.push(this.genDecl(kw, pos));
          break;
        }
        case 'func': {
          this.next();
          const d = this.funcDecl(pos);
          if (d) f.decls.push(d);
          break;
        }
        case 'import':
          this.syntaxError('imports must appear before other declarations');
          this.next();
          this.group(() => this.importSpec());
          break;
        default: {
          const last = f.decls[f.decls.length - 1];
          if (this.t() === '{' && last && last.k === 'FuncDecl' && !last.body) this.syntaxError('unexpected semicolon or newline before {');
          else this.syntaxError('non-declaration statement outside function body');
          f.stray.push({ pos });
          this.advance('const', 'type', 'var', 'func');
          continue;
        }
      }
      if (this.t() !== 'EOF' && !this.got(';')) {
        this.syntaxError('after top level declaration');
        this.advance('const', 'type', 'var', 'func');
      }
    }
  }

  /** group(f) = f | "(" { f ";" } ")" */
  private group(f: () => void): void {
    if (this.got('(')) {
      while (this.t() !== 'EOF' && this.t() !== ')') {
        f();
        if (!this.got(';') && this.t() !== ')') {
          this.syntaxError('in grouped declaration; possibly missing semicolon or newline or )');
          this.advance(')', ';');
          this.got(';');
        }
      }
      this.want(')');
    } else f();
  }

  private importSpec(): void {
    const pos = this.pos;
    let name: A.Ident | undefined;
    let dot = false;
    if (this.t() === 'name') name = this.name();
    else if (this.t() === '.') {
      dot = true;
      this.next();
    }
    if (this.t() !== 'literal' || this.s.litKind !== 'STRING') {
      this.syntaxError(this.t() === ';' || this.t() === ')' ? 'missing import path' : 'import path must be a string');
      this.advance(';', ')');
      return;
    }
    const lit = this.lit;
    const bad = this.s.bad;
    this.next();
    if (!bad) this.file.imports.push({ pos, name, dot, path: unquote(lit) });
  }

  private genDecl(kw: 'const' | 'var' | 'type', pos: number): A.GenDecl {
    if (kw === 'type') {
      const specs: A.TypeSpec[] = [];
      this.group(() => {
        const s = this.typeSpec();
        if (s) specs.push(s);
      });
      return { k: 'type', pos, specs };
    }
    const specs: A.ValueSpec[] = [];
    let iota = 0;
    this.group(() => {
      const s = this.valueSpec(kw, iota++);
      if (s) specs.push(s);
    });
    return kw === 'const' ? { k: 'const', pos, specs } : { k: 'var', pos, specs };
  }

  private valueSpec(kw: 'const' | 'var', iota: number): A.ValueSpec | undefined {
    const pos = this.pos;
    const names = this.nameList();
    let type: A.Expr | undefined;
    let values: A.Expr[] = [];
    if (kw === 'var') {
      // var x = v | var x T [= v]: a var without type needs a value
      if (!this.gotAssign()) {
        type = this.type();
        if (this.gotAssign()) values = this.exprList();
      } else values = this.exprList();
    } else if (this.t() !== 'EOF' && this.t() !== ';' && this.t() !== ')') {
      type = this.typeOrNil();
      if (this.gotAssign()) values = this.exprList();
    }
    return { pos, names, type, values, iota };
  }

  /** `=` (or `:=`, reported) in a declaration. */
  private gotAssign(): boolean {
    if (this.t() === ':=') this.syntaxError('expecting =');
    else if (this.t() !== '=') return false;
    this.next();
    return true;
  }

  private typeSpec(): A.TypeSpec | undefined {
    const pos = this.pos;
    const name = this.name();
    let typeParams = false;
    if (this.t() === '[') {
      // type T[P any] ... (generic) or type T [N]E (array)
      const lpos = this.pos;
      this.next();
      if (this.t() === 'name' && this.isTypeParamStart()) {
        typeParams = true;
        this.typeParamList();
      } else {
        let len: A.Expr | undefined;
        if (this.t() === '...') len = this.ellipsisLen();
        else if (this.t() !== ']') {
          this.xnest++;
          len = this.expr();
          this.xnest--;
        }
        this.want(']');
        const elem = this.type();
        return { pos, name, alias: false, typeParams, type: { k: 'ArrayType', pos: lpos, len, elem }, end: this.prevEnd };
      }
    }
    const alias = this.got('=');
    const type = this.typeOrNil();
    if (!type) {
      this.syntaxError('in type declaration');
      this.advance(';', ')');
      return { pos, name, alias, typeParams, type: { k: 'BadExpr', pos: this.pos, what: 'syntax' }, end: this.pos };
    }
    return { pos, name, alias, typeParams, type, end: this.prevEnd };
  }

  private ellipsisLen(): A.Expr {
    const pos = this.pos;
    this.next();
    return { k: 'Ellipsis', pos };
  }

  /** After `[` and a name: is this a type parameter list? */
  private isTypeParamStart(): boolean {
    // peek: the scanner state is cheap to copy
    const save = this.saveState();
    this.next();
    const t = this.t();
    const lit = this.lit;
    this.restoreState(save);
    return ['name', 'interface', '[', 'func', 'chan', 'map', 'struct', '*', ','].includes(t) || (t === 'op' && lit === '~');
  }

  private saveState(): unknown {
    return { s: Object.assign(Object.create(Object.getPrototypeOf(this.s)), this.s, { diags: [...this.s.diags] }), tok: this.t(), lit: this.lit, pos: this.pos };
  }

  private restoreState(st: unknown): void {
    const x = st as { s: Scanner; tok: Tok; lit: string; pos: number };
    this.s = x.s;
    this.tok = x.tok;
    this.lit = x.lit;
    this.pos = x.pos;
  }

  /** [P any, Q interface{...}] after the `[`: skipped (generics are outside the subset). */
  private typeParamList(): void {
    this.list('type parameter list', ',', ']', () => {
      this.nameList();
      if (this.t() !== ',' && this.t() !== ']') this.constraint();
      return false;
    });
  }

  private constraint(): void {
    for (;;) {
      if (this.t() === 'op' && this.lit === '~') this.next();
      this.type();
      if (this.t() === 'op' && this.lit === '|') this.next();
      else return;
    }
  }

  private funcDecl(pos: number): A.FuncDecl | undefined {
    let recv: A.Field | undefined;
    if (this.t() === '(') {
      const rl = this.paramList('(', ')');
      if (rl.length === 0) this.errorAt(this.pos, 'method has no receiver');
      else if (rl.length > 1 || rl[0].names.length > 1) this.errorAt(this.pos, 'method has multiple receivers');
      recv = rl[0];
    }
    if (this.t() !== 'name') {
      this.syntaxError('expecting name or (');
      this.advance('{', ';');
      return undefined;
    }
    const name = this.name();
    let typeParams = false;
    if (this.t() === '[') {
      this.next();
      typeParams = true;
      this.typeParamList();
    }
    const type = this.signature(pos);
    type.typeParams = typeParams;
    let body: A.BlockStmt | undefined;
    if (this.t() === '{') {
      this.fnest++;
      body = this.blockStmt('');
      this.fnest--;
    }
    return { k: 'FuncDecl', pos, recv, name, type, body, end: this.prevEnd };
  }

  /** End of the last token consumed (for `end` fields). */
  private get prevEnd(): number {
    return this.lastEnd;
  }
  private lastEnd = 0;

  private signature(pos: number): A.FuncType {
    const params = this.paramList('(', ')');
    let results: A.Field[] = [];
    if (this.t() === '(') results = this.paramList('(', ')');
    else {
      const rpos = this.pos;
      const t = this.typeOrNil();
      if (t) results = [{ pos: rpos, names: [], type: t, variadic: false }];
    }
    return { k: 'FuncType', pos, params, results, typeParams: false };
  }

  /**
   * A parameter list: entries are `name`, `name Type`, `Type` or `...Type`;
   * when any entry has a name and a type, the bare names before it share it
   * (a, b int) — else every entry is a type (int, string).
   */
  private paramList(open: Tok, close: Tok): A.Field[] {
    this.want(open);
    type Entry = { pos: number; name?: A.Ident; type?: A.Expr; variadic: boolean };
    const entries: Entry[] = [];
    this.list('parameter list', ',', close, () => {
      const pos = this.pos;
      let variadic = false;
      if (this.t() === 'name') {
        const n = this.name();
        if (this.t() === '.') {
          // a qualified type name
          this.next();
          const sel = this.name();
          entries.push({ pos, type: this.pexprFrom({ k: 'SelectorExpr', pos, x: n, sel }), variadic });
          return false;
        }
        if (this.t() === '...') {
          this.next();
          variadic = true;
          entries.push({ pos, name: n, type: this.variadicType(), variadic });
          return false;
        }
        if (this.t() === '[') {
          // name [N]T, name []T — or a generic type instance G[T], an unnamed
          // parameter: after the brackets a type makes the array, a ',' or the
          // end of the list the instance (cmd/compile's arrayOrTArgs)
          const lpos = this.pos;
          this.next();
          this.enter();
          try {
            if (this.got(']')) {
              entries.push({ pos, name: n, type: { k: 'ArrayType', pos: lpos, elem: this.type() }, variadic });
              return false;
            }
            let len: A.Expr;
            if (this.t() === '...') len = this.ellipsisLen();
            else {
              this.xnest++;
              len = this.expr();
              this.xnest--;
            }
            if (this.t() === ',') {
              this.syntaxError('unexpected comma; expecting ]');
              this.advance(']');
            }
            this.want(']');
            if (this.t() === ',' || this.t() === close) {
              entries.push({ pos, type: { k: 'IndexExpr', pos, x: n, index: len }, variadic });
              return false;
            }
            entries.push({ pos, name: n, type: { k: 'ArrayType', pos: lpos, len, elem: this.type() }, variadic });
            return false;
          } finally {
            this.leave();
          }
        }
        const t = this.t() === ',' || this.t() === close ? undefined : this.typeOrNil();
        entries.push({ pos, name: n, type: t, variadic });
        return false;
      }
      if (this.t() === '...') {
        this.next();
        entries.push({ pos, type: this.variadicType(), variadic: true });
        return false;
      }
      const t = this.typeOrNil();
      if (!t) {
        this.syntaxError('expecting )');
        this.advance(',', close);
        return false;
      }
      entries.push({ pos, type: t, variadic });
      return false;
    });
    const named = entries.some((e) => e.name && e.type);
    const out: A.Field[] = [];
    if (!named) {
      // all types: a bare name is a type name
      for (const e of entries) out.push({ pos: e.pos, names: [], type: e.type ?? (e.name as A.Ident), variadic: e.variadic });
      return out;
    }
    let pending: A.Ident[] = [];
    let pendPos = -1;
    for (const e of entries) {
      if (e.name && !e.type) {
        if (!pending.length) pendPos = e.pos;
        pending.push(e.name);
        continue;
      }
      if (!e.name) {
        this.syntaxErrorAt(e.pos, 'mixed named and unnamed parameters');
        continue;
      }
      out.push({ pos: pending.length ? pendPos : e.pos, names: [...pending, e.name], type: e.type as A.Expr, variadic: e.variadic });
      pending = [];
    }
    if (pending.length) this.syntaxErrorAt(pending[pending.length - 1].pos, 'mixed named and unnamed parameters');
    return out;
  }

  private variadicType(): A.Expr {
    const t = this.typeOrNil();
    if (!t) {
      this.syntaxError('... is missing type');
      return { k: 'BadExpr', pos: this.pos, what: 'syntax' };
    }
    return t;
  }

  // ---- types ----

  private type(): A.Expr {
    const t = this.typeOrNil();
    if (!t) {
      this.syntaxError('expecting type');
      this.advance(',', ':', ';', ')', ']', '}');
      return { k: 'BadExpr', pos: this.pos, what: 'syntax' };
    }
    return t;
  }

  private typeOrNil(): A.Expr | undefined {
    const pos = this.pos;
    switch (this.t()) {
      case '*': {
        this.next();
        this.enter();
        try {
          return { k: 'StarExpr', pos, x: this.type() };
        } finally {
          this.leave();
        }
      }
      case '<-': {
        this.next();
        this.want('chan');
        return { k: 'ChanType', pos, dir: 'recv', elem: this.chanElem() };
      }
      case 'func':
        this.next();
        return this.signature(pos);
      case '[': {
        this.next();
        this.enter();
        try {
          if (this.got(']')) return { k: 'ArrayType', pos, elem: this.type() };
          let len: A.Expr;
          if (this.t() === '...') len = this.ellipsisLen();
          else {
            this.xnest++;
            len = this.expr();
            this.xnest--;
          }
          if (this.t() === ',') {
            this.syntaxError('unexpected comma; expecting ]');
            this.advance(']');
          }
          this.want(']');
          return { k: 'ArrayType', pos, len, elem: this.type() };
        } finally {
          this.leave();
        }
      }
      case 'chan': {
        this.next();
        let dir: A.ChanType['dir'] = 'both';
        if (this.got('<-')) dir = 'send';
        return { k: 'ChanType', pos, dir, elem: this.chanElem() };
      }
      case 'map': {
        this.next();
        this.want('[');
        this.enter();
        try {
          const key = this.type();
          this.want(']');
          return { k: 'MapType', pos, key, value: this.type() };
        } finally {
          this.leave();
        }
      }
      case 'struct':
        return this.structType();
      case 'interface':
        return this.interfaceType();
      case 'name':
        return this.qualifiedName();
      case '(': {
        this.next();
        this.enter();
        try {
          const t = this.type();
          this.want(')');
          return { k: 'ParenExpr', pos, x: t };
        } finally {
          this.leave();
        }
      }
    }
    return undefined;
  }

  private chanElem(): A.Expr {
    const t = this.typeOrNil();
    if (!t) {
      this.syntaxError('missing channel element type');
      return { k: 'BadExpr', pos: this.pos, what: 'syntax' };
    }
    return t;
  }

  /** Name, pkg.Name, or a generic instance Name[T] (outside the subset). */
  private qualifiedName(): A.Expr {
    const pos = this.pos;
    let x: A.Expr = this.name();
    if (this.t() === '.') {
      this.next();
      x = { k: 'SelectorExpr', pos, x, sel: this.name() };
    }
    if (this.t() === '[') {
      this.enter();
      try {
        return this.genericRest(pos);
      } finally {
        this.leave();
      }
    }
    return x;
  }

  private structType(): A.StructType {
    const pos = this.pos;
    this.next();
    this.want('{');
    const fields: A.Field[] = [];
    this.enter();
    try {
      this.list('struct type', ';', '}', () => {
        this.fieldDecl(fields);
        return false;
      });
    } finally {
      this.leave();
    }
    return { k: 'StructType', pos, fields };
  }

  private fieldDecl(out: A.Field[]): void {
    const pos = this.pos;
    if (this.t() === 'name') {
      const n = this.name();
      if (this.t() === '.' || this.t() === ';' || this.t() === '}' || (this.t() === 'literal' && this.s.litKind === 'STRING')) {
        // embedded type name (possibly qualified)
        let type: A.Expr = n;
        if (this.got('.')) type = { k: 'SelectorExpr', pos, x: n, sel: this.name() };
        if (this.t() === '[') type = this.genericRest(pos);
        this.tag();
        out.push({ pos, names: [], type, variadic: false, embedded: true });
        return;
      }
      const names = [n];
      while (this.got(',')) names.push(this.name());
      const type = this.type();
      this.tag();
      out.push({ pos, names, type, variadic: false });
      return;
    }
    if (this.t() === '*') {
      this.next();
      if (this.t() === '(') {
        this.syntaxError('cannot parenthesize embedded type');
        this.advance(';', '}');
        return;
      }
      const t = this.qualifiedName();
      this.tag();
      out.push({ pos, names: [], type: { k: 'StarExpr', pos, x: t }, variadic: false, embedded: true });
      return;
    }
    if (this.t() === '(') {
      this.syntaxError('cannot parenthesize embedded type');
      this.advance(';', '}');
      return;
    }
    this.syntaxError('expecting field name or embedded type');
    this.advance(';', '}');
  }

  /** G[T, ...] after G, at the `[`: an empty list is Go's "expecting type" at the `]`. */
  private genericRest(pos: number): A.Expr {
    this.next();
    if (this.t() === ']') {
      this.syntaxError('expecting type');
      this.next();
      return { k: 'BadExpr', pos, what: 'generic type instantiation' };
    }
    this.list('type argument list', ',', ']', () => {
      this.type();
      return false;
    });
    return { k: 'BadExpr', pos, what: 'generic type instantiation' };
  }

  private tag(): void {
    if (this.t() === 'literal' && this.s.litKind === 'STRING') this.next();
  }

  private interfaceType(): A.InterfaceType {
    const pos = this.pos;
    this.next();
    this.want('{');
    const methods: A.Field[] = [];
    const embeds: A.Expr[] = [];
    let unions = false;
    this.enter();
    try {
      this.list('interface type', ';', '}', () => {
        const epos = this.pos;
        if (this.t() === 'name') {
          const n = this.name();
          if (this.t() === '(') {
            methods.push({ pos: epos, names: [n], type: this.signature(epos), variadic: false });
            return false;
          }
          let t: A.Expr = n;
          if (this.got('.')) t = { k: 'SelectorExpr', pos: epos, x: n, sel: this.name() };
          if (this.t() === '[') t = this.genericRest(epos);
          if (this.t() === 'op' && this.lit === '|') {
            unions = true;
            this.next();
            this.constraint();
            return false;
          }
          embeds.push(t);
          return false;
        }
        // ~T, unions and other type terms: constraints (outside the subset)
        unions = true;
        this.constraint();
        return false;
      });
    } finally {
      this.leave();
    }
    return { k: 'InterfaceType', pos, methods, embeds, unions };
  }

  // ---- expressions ----

  private name(): A.Ident {
    if (this.t() === 'name') {
      const id: A.Ident = { k: 'Ident', pos: this.pos, name: this.lit };
      this.next();
      return id;
    }
    const pos = this.pos;
    this.syntaxError('expecting name');
    this.advance();
    return { k: 'Ident', pos, name: '_' };
  }

  private nameList(): A.Ident[] {
    const out = [this.name()];
    while (this.got(',')) out.push(this.name());
    return out;
  }

  expr(): A.Expr {
    return this.binaryExpr(1);
  }

  private exprList(): A.Expr[] {
    const out = [this.expr()];
    while (this.got(',')) out.push(this.expr());
    return out;
  }

  /** Precedence climbing: a chain of one precedence is a loop, not a recursion. */
  private binaryExpr(minPrec: number): A.Expr {
    let x = this.unaryExpr();
    for (;;) {
      if (!((this.t() === 'op' || this.t() === '*') && this.s.prec >= minPrec)) return x;
      const op = this.lit;
      const prec = this.s.prec;
      const opPos = this.pos;
      this.next();
      this.enter();
      let y: A.Expr;
      try {
        y = this.binaryExpr(prec + 1);
      } finally {
        this.leave();
      }
      x = { k: 'BinaryExpr', pos: x.pos, op, opPos, x, y };
    }
  }

  private unaryExpr(): A.Expr {
    const pos = this.pos;
    if ((this.t() === 'op' && ['+', '-', '!', '^', '&', '~'].includes(this.lit)) || this.t() === '*' || this.t() === '<-') {
      const tok = this.t();
      const op = this.lit;
      this.next();
      this.enter();
      try {
        if (tok === '*') return { k: 'StarExpr', pos, x: this.unaryExpr() };
        if (tok === '<-') {
          const x = this.unaryExpr();
          // <-chan T is a channel type; the arrow moves onto the type
          if (x.k === 'ChanType') return this.recvChanType(pos, x);
          return { k: 'UnaryExpr', pos, op: '<-', x };
        }
        if (op === '~') this.errorAt(pos, 'cannot use ~ outside of interface or type constraint');
        return { k: 'UnaryExpr', pos, op, x: this.unaryExpr() };
      } finally {
        this.leave();
      }
    }
    return this.pexprFrom(this.operand());
  }

  /** `<-` followed by a channel type: <-chan T, <-chan <-chan T. */
  private recvChanType(pos: number, c: A.ChanType): A.Expr {
    if (c.dir === 'send') {
      this.syntaxErrorAt(pos, 'unexpected <-, expecting chan');
      return c;
    }
    if (c.dir === 'recv') {
      // <-(<-chan T) : <-chan (<-chan T)
      return { k: 'ChanType', pos, dir: 'recv', elem: { ...c, dir: 'both' } };
    }
    return { k: 'ChanType', pos, dir: 'recv', elem: c.elem };
  }

  private operand(): A.Expr {
    const pos = this.pos;
    switch (this.t()) {
      case 'name':
        return this.name();
      case 'literal': {
        const x: A.BasicLit = { k: 'BasicLit', pos, kind: this.s.litKind, value: this.lit };
        const bad = this.s.bad;
        this.next();
        return bad ? { k: 'BadExpr', pos, what: 'syntax' } : x;
      }
      case '(': {
        this.next();
        this.enter();
        this.xnest++;
        try {
          const x = this.binaryExpr(1);
          this.want(')');
          return { k: 'ParenExpr', pos, x };
        } finally {
          this.xnest--;
          this.leave();
        }
      }
      case 'func': {
        this.next();
        const type = this.signature(pos);
        if (this.t() === '{') {
          this.xnest++;
          this.fnest++;
          this.enter(weight.funcLit);
          try {
            const body = this.blockStmt('');
            return { k: 'FuncLit', pos, type, body };
          } finally {
            this.leave(weight.funcLit);
            this.fnest--;
            this.xnest--;
          }
        }
        return type;
      }
      case '[': case 'chan': case 'map': case 'struct': case 'interface': case '*': case '<-':
        return this.type();
    }
    this.syntaxError('expecting expression');
    this.advance(')', ']', '}', ';', ',');
    return { k: 'BadExpr', pos, what: 'syntax' };
  }



  private pexprFrom(start: A.Expr): A.Expr {
    let x = start;
    const pos = x.pos;
    for (;;) {
      switch (this.t()) {
        case '.': {
          this.next();
          if (this.t() === 'name') {
            x = { k: 'SelectorExpr', pos, x, sel: this.name() };
            break;
          }
          if (this.t() === '(') {
            this.next();
            if (this.got('type')) x = { k: 'TypeAssertExpr', pos, x };
            else {
              this.enter();
              try {
                x = { k: 'TypeAssertExpr', pos, x, type: this.type() };
              } finally {
                this.leave();
              }
            }
            this.want(')');
            break;
          }
          this.syntaxError('expecting name or (');
          this.advance(';', ')');
          break;
        }
        case '[': {
          this.next();
          this.enter();
          this.xnest++;
          try {
            x = this.indexOrSlice(x, pos);
          } finally {
            this.xnest--;
            this.leave();
          }
          break;
        }
        case '(': {
          this.next();
          this.enter(weight.call);
          this.xnest++;
          try {
            x = this.callArgs(x, pos);
          } finally {
            this.xnest--;
            this.leave(weight.call);
          }
          break;
        }
        case '{': {
          const t = unparen(x);
          let ok = false;
          switch (t.k) {
            case 'Ident':
            case 'SelectorExpr':
              ok = this.xnest >= 0;
              break;
            case 'BadExpr':
              ok = this.xnest >= 0 && t.what === 'generic type instantiation';
              break;
            case 'IndexExpr':
              ok = this.xnest >= 0 && !isValue(t);
              break;
            case 'ArrayType':
            case 'StructType':
            case 'MapType':
              ok = true;
          }
          if (!ok) return x;
          if (t !== x) this.syntaxError('cannot parenthesize type in composite literal');
          x = this.compositeLit(x, pos);
          break;
        }
        default:
          return x;
      }
    }
  }

  private indexOrSlice(x: A.Expr, pos: number): A.Expr {
    if (this.t() === ']') {
      this.syntaxError('expecting operand');
      this.next();
      return x;
    }
    let lo: A.Expr | undefined;
    if (this.t() !== ':') {
      lo = this.binaryExpr(1);
      if (this.t() === ',') {
        // x[a, b]: a generic instance
        while (this.got(',') && this.t() !== ']') this.binaryExpr(1);
        this.want(']');
        return { k: 'BadExpr', pos, what: 'generic type instantiation' };
      }
      if (this.got(']')) return { k: 'IndexExpr', pos, x, index: lo };
    }
    if (this.t() !== ':') {
      this.syntaxError('expecting comma, : or ]');
      this.advance(']');
      this.got(']');
      return { k: 'BadExpr', pos, what: 'syntax' };
    }
    this.next();
    let hi: A.Expr | undefined;
    let max: A.Expr | undefined;
    let slice3 = false;
    if (this.t() !== ':' && this.t() !== ']') hi = this.expr();
    if (this.t() === ':') {
      slice3 = true;
      this.next();
      if (!hi) this.errorAt(this.pos, 'middle index required in 3-index slice');
      if (this.t() !== ']') max = this.expr();
      else this.errorAt(this.pos, 'final index required in 3-index slice');
    }
    this.want(']');
    return { k: 'SliceExpr', pos, x, lo, hi, max, slice3 };
  }

  private callArgs(fun: A.Expr, pos: number): A.Expr {
    const args: A.Expr[] = [];
    let ellipsis = false;
    this.list('argument list', ',', ')', () => {
      args.push(this.binaryExpr(1));
      if (this.t() === '...') {
        ellipsis = true;
        this.next();
      }
      return ellipsis;
    });
    return { k: 'CallExpr', pos, fun, args, ellipsis };
  }

  private compositeLit(type: A.Expr | undefined, pos: number): A.CompositeLit {
    const lpos = this.pos;
    this.want('{');
    this.enter(weight.compositeLit);
    this.xnest++;
    const elts: A.Expr[] = [];
    let end: number;
    try {
      end = this.list('composite literal', ',', '}', () => {
        const epos = this.pos;
        let k = this.bare();
        if (this.got(':')) {
          const v = this.bare();
          k = { k: 'KeyValueExpr', pos: epos, key: k, value: v };
        }
        elts.push(k);
        return false;
      });
    } finally {
      this.xnest--;
      this.leave(weight.compositeLit);
    }
    return { k: 'CompositeLit', pos: type ? pos : lpos, type, elts, end: end + 1 };
  }

  /** An element or key: an expression, or a literal value with its type elided. */
  private bare(): A.Expr {
    if (this.t() === '{') return this.compositeLit(undefined, this.pos);
    return this.expr();
  }

  // ---- statements ----

  private blockStmt(context: string): A.BlockStmt {
    const pos = this.pos;
    if (!this.got('{')) {
      this.syntaxError('expecting { after ' + context);
      this.advance('name', '}');
    }
    this.enter();
    try {
      const list = this.stmtList();
      const end = this.pos;
      this.want('}');
      return { k: 'BlockStmt', pos, list, end };
    } finally {
      this.leave();
    }
  }

  private stmtList(): A.Stmt[] {
    const out: A.Stmt[] = [];
    while (this.t() !== 'EOF' && this.t() !== '}' && this.t() !== 'case' && this.t() !== 'default') {
      const s = this.stmtOrNil();
      if (!s) break;
      out.push(s);
      // ";" is optional before "}"
      if (!this.got(';') && this.t() !== '}') {
        this.syntaxError('at end of statement');
        this.advance(';', '}', 'case', 'default');
        this.got(';');
      }
    }
    return out;
  }

  private stmtOrNil(): A.Stmt | undefined {
    const pos = this.pos;
    if (this.t() === 'name') return this.simpleStmt(false, true);
    switch (this.t()) {
      case ';':
        return { k: 'EmptyStmt', pos };
      case 'var':
      case 'const':
      case 'type': {
        const kw = this.t() as 'const' | 'var' | 'type';
        this.next();
        return { k: 'DeclStmt', pos, decl: this.genDecl(kw, pos) };
      }
      case '{':
        return this.blockStmt('');
      case 'if':
        return this.ifStmt();
      case 'for':
        return this.forStmt();
      case 'switch':
        return this.switchStmt();
      case 'select':
        return this.selectStmt();
      case 'go':
      case 'defer': {
        const kw = this.t();
        this.next();
        const call = this.expr();
        return kw === 'go' ? { k: 'GoStmt', pos, call } : { k: 'DeferStmt', pos, call };
      }
      case 'return': {
        this.next();
        const results = this.t() !== ';' && this.t() !== '}' ? this.exprList() : [];
        return { k: 'ReturnStmt', pos, results };
      }
      case 'break':
      case 'continue':
      case 'goto': {
        const tok = this.t() as 'break' | 'continue' | 'goto';
        this.next();
        const label = this.t() === 'name' ? this.name() : undefined;
        return { k: 'BranchStmt', pos, tok, label };
      }
      case 'fallthrough':
        this.next();
        return { k: 'BranchStmt', pos, tok: 'fallthrough' };
      case 'func':
      case 'name': case 'literal': case '(': case '[': case 'struct': case 'map': case 'chan': case 'interface': case '*': case '<-': case 'op':
        return this.simpleStmt(false);
    }
    return undefined;
  }

  private labeled(label: A.Ident, pos: number): A.Stmt {
    if (this.t() === '}') {
      // a label before the closing brace labels an empty statement
      return { k: 'LabeledStmt', pos, label, stmt: { k: 'EmptyStmt', pos: this.pos } };
    }
    const s = this.stmtOrNil();
    if (!s) {
      this.syntaxErrorAt(this.pos, 'missing statement after label');
      return { k: 'LabeledStmt', pos, label, stmt: { k: 'EmptyStmt', pos } };
    }
    return { k: 'LabeledStmt', pos, label, stmt: s };
  }

  /**
   * A simple statement; with rangeOk (a for header), also `range x` and
   * `k, v := range x`, returned as a RangeStmt without body.
   */
  private simpleStmt(rangeOk: boolean, labelOk = false): A.Stmt {
    const pos = this.pos;
    if (rangeOk && this.t() === 'range') {
      this.next();
      return { k: 'RangeStmt', pos, define: false, x: this.expr(), body: { k: 'BlockStmt', pos, list: [], end: pos } };
    }
    const lhs = this.exprList();
    if (labelOk && lhs.length === 1 && lhs[0].k === 'Ident' && this.t() === ':') {
      this.next();
      return this.labeled(lhs[0], pos);
    }
    if (lhs.length === 1) {
      switch (this.t()) {
        case 'assignop': {
          const op = this.lit;
          const tokPos = this.pos;
          this.next();
          return { k: 'AssignStmt', pos, lhs, tok: op + '=', rhs: [this.expr()], tokPos };
        }
        case 'incop': {
          const inc = this.lit === '+';
          this.next();
          return { k: 'IncDecStmt', pos, x: lhs[0], inc };
        }
        case '<-': {
          this.next();
          return { k: 'SendStmt', pos, chan: lhs[0], value: this.expr() };
        }
      }
    }
    if (this.t() === '=' || this.t() === ':=') {
      const tok = this.t();
      const tokPos = this.pos;
      this.next();
      if (rangeOk && this.t() === 'range') {
        this.next();
        if (lhs.length > 2) this.errorAt(lhs[2].pos, 'range clause permits at most two iteration variables');
        return { k: 'RangeStmt', pos, key: lhs[0], value: lhs[1], define: tok === ':=', x: this.expr(), body: { k: 'BlockStmt', pos, list: [], end: pos } };
      }
      const rhs = this.exprList();
      return { k: 'AssignStmt', pos, lhs, tok, rhs, tokPos };
    }
    if (lhs.length > 1) {
      this.syntaxError('expecting := or = or comma');
      this.advance(';', '}');
      return { k: 'ExprStmt', pos, x: lhs[0] };
    }
    return { k: 'ExprStmt', pos, x: lhs[0] };
  }

  /** The header of if/switch/for: [init ;] cond, with `{` starting the body. */
  private header(kw: 'if' | 'switch' | 'for'): { init?: A.Stmt; cond?: A.Stmt; post?: A.Stmt; bad?: boolean } {
    if (this.t() === '{') {
      if (kw === 'if') {
        this.syntaxError('missing condition in if statement');
        return { bad: true };
      }
      return {};
    }
    const outer = this.xnest;
    this.xnest = -1;
    try {
      let init: A.Stmt | undefined;
      if (this.t() !== ';') {
        if (this.got('var')) this.syntaxError(`var declaration not allowed in ${kw} initializer`);
        init = this.simpleStmt(kw === 'for');
        if (init.k === 'RangeStmt') return { cond: init };
      }
      let cond: A.Stmt | undefined;
      let post: A.Stmt | undefined;
      let semiLit = '';
      let semiPos = -1;
      if (this.t() !== '{') {
        if (this.t() === ';') {
          semiLit = this.lit;
          semiPos = this.pos;
          this.next();
        } else {
          this.want('{');
          if (this.t() !== '{') this.advance('{', '}');
        }
        if (kw === 'for') {
          if (this.t() !== ';') {
            if (this.t() === '{') {
              this.syntaxError('expecting for loop condition');
              return { init };
            }
            cond = this.simpleStmt(false);
          }
          this.want(';');
          if (this.t() !== '{') {
            post = this.simpleStmt(false);
            if (post.k === 'AssignStmt' && post.tok === ':=') this.syntaxErrorAt(post.pos, 'cannot declare in post statement of for loop');
          }
        } else if (this.t() !== '{') cond = this.simpleStmt(false);
      } else {
        cond = init;
        init = undefined;
      }
      if (!cond && kw === 'if' && semiPos >= 0) {
        if (semiLit === 'semicolon') this.syntaxErrorAt(semiPos, 'missing condition in if statement');
        else this.syntaxErrorAt(semiPos, `unexpected ${semiLit}, expecting { after if clause`);
        return { init, bad: true };
      }
      return { init, cond, post };
    } finally {
      this.xnest = outer;
    }
  }

  private condExpr(s: A.Stmt | undefined, kw: string): A.Expr | undefined {
    if (!s) return undefined;
    if (s.k === 'ExprStmt') return s.x;
    const list = (l: A.Expr[]): string => l.map(exprText).join(', ');
    const what = s.k === 'AssignStmt' && s.tok === ':=' ? `${list(s.lhs)} := ${list(s.rhs)}`
      : s.k === 'AssignStmt' ? `assignment ${list(s.lhs)} ${s.tok} ${list(s.rhs)}` : 'statement';
    this.syntaxErrorAt(s.k === 'AssignStmt' && s.tokPos !== undefined ? s.tokPos : s.pos, `cannot use ${what} as value`);
    void kw;
    return { k: 'BadExpr', pos: s.pos, what: 'syntax' };
  }

  private ifStmt(): A.IfStmt {
    const pos = this.pos;
    this.next();
    const h = this.header('if');
    let cond = this.condExpr(h.cond, 'if');
    if (!cond) cond = { k: 'BadExpr', pos, what: 'syntax' };
    const body = this.blockStmt('if clause');
    let els: A.Stmt | undefined;
    if (this.got('else')) {
      if (this.t() === 'if') els = this.ifStmt();
      else if (this.t() === '{') els = this.blockStmt('');
      else {
        this.syntaxError('else must be followed by if or statement block');
        this.advance('name', '}');
      }
    }
    return { k: 'IfStmt', pos, init: h.init, cond, body, else: els };
  }

  private forStmt(): A.ForStmt | A.RangeStmt {
    const pos = this.pos;
    this.next();
    const h = this.header('for');
    const body = this.blockStmt('for clause');
    if (h.cond?.k === 'RangeStmt' && !h.init) return { ...h.cond, pos, body };
    if (h.init?.k === 'RangeStmt') {
      this.syntaxErrorAt(h.init.pos, 'expecting for loop condition');
      return { k: 'ForStmt', pos, body };
    }
    return { k: 'ForStmt', pos, init: h.init, cond: this.condExpr(h.cond, 'for'), post: h.post, body };
  }

  private switchStmt(): A.SwitchStmt | A.TypeSwitchStmt {
    const pos = this.pos;
    this.next();
    const h = this.header('switch');
    if (!this.got('{')) {
      this.syntaxError('missing { after switch clause');
      this.advance('case', 'default', '}');
    }
    const cases: A.CaseClause[] = [];
    this.enter();
    try {
      while (this.t() !== 'EOF' && this.t() !== '}') {
        const cpos = this.pos;
        let list: A.Expr[] | undefined;
        if (this.got('case')) list = this.exprList();
        else if (!this.got('default')) {
          this.syntaxError('expecting case or default or }');
          this.advance(':', 'case', 'default', '}');
        }
        this.want(':');
        cases.push({ pos: cpos, list, body: this.stmtList() });
      }
      this.want('}');
    } finally {
      this.leave();
    }
    const g = h.cond;
    if (g?.k === 'ExprStmt' && g.x.k === 'TypeAssertExpr' && !g.x.type) return { k: 'TypeSwitchStmt', pos, init: h.init, x: g.x.x, cases };
    if (g?.k === 'AssignStmt' && g.tok === ':=' && g.lhs.length === 1 && g.rhs.length === 1 && g.rhs[0].k === 'TypeAssertExpr' && !g.rhs[0].type && g.lhs[0].k === 'Ident') {
      return { k: 'TypeSwitchStmt', pos, init: h.init, bind: g.lhs[0], x: g.rhs[0].x, cases };
    }
    return { k: 'SwitchStmt', pos, init: h.init, tag: this.condExpr(g, 'switch'), cases };
  }

  private selectStmt(): A.SelectStmt {
    const pos = this.pos;
    this.next();
    if (!this.got('{')) {
      this.syntaxError('missing { after select clause');
      this.advance('case', 'default', '}');
    }
    const cases: A.CommClause[] = [];
    this.enter();
    try {
      while (this.t() !== 'EOF' && this.t() !== '}') {
        const cpos = this.pos;
        let comm: A.Stmt | undefined;
        if (this.got('case')) comm = this.simpleStmt(false);
        else if (!this.got('default')) {
          this.syntaxError('expecting case or default or }');
          this.advance(':', 'case', 'default', '}');
        }
        this.want(':');
        cases.push({ pos: cpos, comm, body: this.stmtList() });
      }
      this.want('}');
    } finally {
      this.leave();
    }
    return { k: 'SelectStmt', pos, cases };
  }

  run(): void {
    try {
      this.parseFile();
    } catch (e) {
      if (e instanceof RangeError) {
        // the stack ran out before maxNesting: still a limit, named as such
        this.errorAt(this.pos, nestingMessage);
        return;
      }
      if (!(e instanceof Bail)) throw e;
    }
  }

}

/** Length of the current token in the source (for end positions). */
function tokenLength(s: Scanner): number {
  if (s.tok === ';') return s.lit === 'semicolon' ? 1 : 0;
  if (s.tok === 'EOF') return 0;
  if (s.tok === 'assignop') return s.lit.length + 1;
  if (s.tok === 'incop') return 2;
  return s.lit.length;
}

function lineIndex(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function unparen(x: A.Expr): A.Expr {
  while (x.k === 'ParenExpr') x = x.x;
  return x;
}

/** Must x be a value (not a type)? Decides whether `x[i] {` starts a composite literal. */
function isValue(x: A.Expr): boolean {
  switch (x.k) {
    case 'BasicLit': case 'CompositeLit': case 'FuncLit': case 'SliceExpr': case 'TypeAssertExpr': case 'CallExpr':
      return true;
    case 'UnaryExpr': case 'BinaryExpr':
      return true;
    case 'ParenExpr':
      return isValue(x.x);
    case 'IndexExpr':
      return isValue(x.x) || isValue(x.index);
  }
  return false;
}

function tokString(t: Tok): string {
  switch (t) {
    case ',': return 'comma';
    case ';': return 'semicolon or newline';
    case 'name': return 'name';
    case 'literal': return 'literal';
    case 'op': return 'op';
    case 'assignop': return 'op=';
    case 'incop': return 'opop';
  }
  if (/^[a-z]/.test(t)) return 'keyword ' + t;
  return t;
}

function exprText(e: A.Expr): string {
  switch (e.k) {
    case 'Ident': return e.name;
    case 'BasicLit': return e.value;
    case 'SelectorExpr': return exprText(e.x) + '.' + e.sel.name;
    case 'CallExpr': return exprText(e.fun) + '(' + e.args.map(exprText).join(', ') + ')';
    case 'BinaryExpr': return exprText(e.x) + ' ' + e.op + ' ' + exprText(e.y);
    case 'UnaryExpr': return e.op + exprText(e.x);
    case 'ParenExpr': return '(' + exprText(e.x) + ')';
    case 'IndexExpr': return exprText(e.x) + '[' + exprText(e.index) + ']';
    case 'StarExpr': return '*' + exprText(e.x);
  }
  return '…';
}

/** The value of a Go string literal (interpreted or raw). */
export function unquote(lit: string): string {
  if (lit.startsWith('`')) return latinBytes(lit.slice(1, -1).replace(/\r/g, ''));
  return decodeEscapes(lit.slice(1, -1));
}

/** UTF-8 bytes of text as a byte string (one char 0-255 per byte). */
function latinBytes(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return bytesToLatin([...new TextEncoder().encode(s)]);
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
      if (cp < 0x80) bytes.push(cp);
      else bytes.push(...enc.encode(String.fromCodePoint(cp)));
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

export function parseFile(name: string, src: string): { file: A.File; diags: Diagnostic[] } {
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const file: A.File = {
    name,
    src,
    shifts: [],
    pkgName: { k: 'Ident', pos: 0, name: '' },
    imports: [],
    decls: [],
    stray: [],
    lineStarts,
  };
  const p = new Parser(file, src);
  p.run();
  // lexical errors first where they share a position with the syntax error they cause
  const scanDiags = (p as unknown as { s: Scanner }).s.diags;
  const all = [...scanDiags, ...p.diags].sort((a, b) => a.pos - b.pos);
  // as cmd/compile: an error repeating the one before it on the same line is dropped
  const diags: Diagnostic[] = [];
  let last: { line: number; msg: string } | undefined;
  for (const d of all) {
    const line = lineIndex(lineStarts, d.pos);
    if (!d.message.startsWith('syntax error') && last && last.line === line && last.msg === d.message) continue;
    if (!d.message.startsWith('syntax error')) last = { line, msg: d.message };
    diags.push(d);
  }
  return { file, diags };
}
