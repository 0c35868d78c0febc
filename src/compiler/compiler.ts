// The program-level compiler: loads packages through the loader, collects and
// resolves package-level declarations, compiles every function, orders
// package initialization, and writes the image (entry, hooks, type records).

import { Intrinsic, Kind, Op, TypeId } from '../../host/abi/defs.js';
import type * as A from './ast.js';
import { fileOf, position } from './ast.js';
import { cbool, cint, represent, type Const } from './constant.js';
import { CompileTimeout, type Diagnostic, type Position } from './diag.js';
import { Code, ImageBuilder } from './image.js';
import { BuiltinObj, ConstObj, FuncObj, NilObj, PkgObj, Scope, TypeObj, VarObj, type Obj, type Package, type VarInit } from './objects.js';
import { parseFile } from './parse.js';
import { undefinedMember } from './subset.js';
import * as T from './types.js';
import { FnGen } from './stmt.js';
import { TypeRecords, typeKey } from './typerec.js';

/**
 * Parsed files by name, reused while the source is unchanged: the library's
 * packages are parsed once per process, not once per compile. The trees are
 * never modified after parsing.
 */
const parsed = new Map<string, { source: string; r: ReturnType<typeof parseFile> }>();
function parseCached(name: string, source: string, tree?: ReturnType<typeof parseFile>): ReturnType<typeof parseFile> {
  const c = parsed.get(name);
  if (c && c.source === source) return c.r;
  const r = tree ?? parseFile(name, source);
  parsed.set(name, { source, r });
  return r;
}

/** One Go source file. */
export interface SourceFile {
  /** Its name as positions print it (src/golib/fmt/print.go, x.go). */
  name: string;
  /** Its text. */
  source: string;
  /**
   * Its syntax tree as parse.ts made it from exactly this text, if the
   * loader has one (the Node loader's trees built with the package,
   * tools/gentrees.mjs); the compiler then skips parsing it.
   */
  tree?: ReturnType<typeof parseFile>;
}
/** Sources of a package's .go files by import path; undefined when there is no such package. */
export type PackageLoader = (importPath: string) => SourceFile[] | undefined;

export interface Env {
  pkg: Package;
  file: A.File;
  scope: Scope;
}

const BUILTINS = ['append', 'cap', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover', 'clear'];

export function universe(): Scope {
  const u = new Scope(null);
  const types: [string, T.Type][] = [
    ['bool', T.Bool], ['int', T.Int], ['int8', T.basic('int8')], ['int16', T.basic('int16')], ['int32', T.Int32],
    ['int64', T.Int64], ['uint', T.basic('uint')], ['uint8', T.Uint8], ['uint16', T.basic('uint16')],
    ['uint32', T.basic('uint32')], ['uint64', T.basic('uint64')], ['uintptr', T.Uintptr], ['float64', T.Float64],
    ['string', T.Str], ['byte', T.Byte], ['rune', T.Rune], ['error', T.errorType], ['any', T.emptyIface],
    ['float32', T.basic('invalid')], ['complex64', T.basic('invalid')], ['complex128', T.basic('invalid')],
  ];
  for (const [n, t] of types) u.names.set(n, new TypeObj(n, t, -1));
  u.names.set('true', new ConstObj('true', T.UntypedBool, cbool(true), -1));
  u.names.set('false', new ConstObj('false', T.UntypedBool, cbool(false), -1));
  u.names.set('iota', new ConstObj('iota', T.UntypedInt, cint(0n), -1));
  u.names.set('nil', new NilObj());
  for (const b of BUILTINS) u.names.set(b, new BuiltinObj(b));
  return u;
}

export class Compiler {
  readonly b = new ImageBuilder();
  readonly diags: Diagnostic[] = [];
  private diagKeys = new Set<string>();
  readonly pkgs = new Map<string, Package>();
  readonly order: Package[] = [];
  readonly universe = universe();
  readonly files = new Map<string, A.File>();
  /** function literals by source position: the same index across recompilations */
  readonly litFuncs = new Map<string, number>();
  readonly types: TypeRecords;
  /** named types declared as another named type still being resolved: they get its underlying when it is done */
  private underWaiters = new Map<T.Named, T.Named[]>();
  /** package-level non-block variables that need a heap cell (address taken) */
  globalEscapes: Set<string>;
  /** set when a global was found to need a cell after its uses were compiled */
  rerun = false;
  private loading = new Set<string>();
  /** funcs synthesized once per key (method thunks, wrappers) */
  readonly synth = new Map<string, number>();
  readonly blockGlobals: VarObj[] = [];
  /** the expression being checked last (a stack overflow is reported there) */
  at: { file: A.File; pos: number } | undefined;
  /** `file:line:col` of an offset, for the lines that follow an error's first */
  posText(file: A.File, pos: number): string {
    const p = position(file, pos);
    return `${file.name}:${p.line}:${p.col}`;
  }

  /** "x refers to y" lines of a cycle (Go's continuation lines, tab-indented) */
  private refersTo(cycle: { name: string; file: A.File; pos: number }[]): string {
    return cycle.map((o, i) => `\n\t${this.posText(o.file, o.pos)}: ${o.name} refers to ${cycle[(i + 1) % cycle.length].name}`).join('');
  }

  /** type declarations being resolved, with the indirection count at their start */
  private typePath: { obj: TypeObj; file: A.File; ind: number }[] = [];
  /** pointers, slices, maps, channels, funcs and interfaces entered while resolving a type */
  private indirections = 0;
  /** package-level constants being evaluated (a cycle among them is an error) */
  private constPath: { obj: ConstObj; file: A.File }[] = [];

  /** some file had lexical or syntax errors: nothing is checked (as in Go) */
  syntaxFailed = false;
  /** CompileOptions.deadline */
  deadline: number | undefined;
  private ticks = 0;

  /** Called for each expression checked: past the deadline, stop. */
  tick(): void {
    if ((++this.ticks & 255) === 0) this.checkDeadline();
  }

  checkDeadline(): void {
    if (this.deadline !== undefined && Date.now() > this.deadline) throw new CompileTimeout();
  }

  constructor(
    private loader: PackageLoader,
    globalEscapes: Set<string> = new Set(),
  ) {
    this.globalEscapes = globalEscapes;
    this.types = new TypeRecords(this);
  }

  // Errors that only follow from one already reported: inside a generic
  // declaration (its type parameters are unknown names), and uses of an
  // import that could not be loaded.
  private quiet: { file: string; from: number; to: number }[] = [];
  private deadImports = new Set<string>();

  /** Report code in [from, to) of file no more: an error there was reported. */
  quietRange(file: A.File, from: number, to: number): void {
    this.quiet.push({ file: file.name, from, to });
  }

  error(file: A.File, pos: number, message: string): void {
    if (this.quiet.some((q) => q.file === file.name && pos >= q.from && pos < q.to)) return;
    if (message.startsWith('undefined: ') && this.deadImports.has(`${file.name}:${message.slice(11)}`)) return;
    const key = `${file.name}:${pos}:${message}`;
    if (this.diagKeys.has(key)) return;
    this.diagKeys.add(key);
    this.diags.push({ file: file.name, pos, message });
  }

  positions(): Position[] {
    const out = this.diags.map((d) => {
      const f = this.files.get(d.file);
      const p = f ? position(f, d.pos) : { line: 1, col: 1 };
      return { file: d.file, line: p.line, col: p.col, message: d.message };
    });
    out.sort((a, b) => (a.file === b.file ? a.line - b.line || a.col - b.col : 0));
    return out;
  }

  // ---- loading ---------------------------------------------------------------

  load(path: string, sources: SourceFile[], from?: { file: A.File; pos: number }): Package | undefined {
    const existing = this.pkgs.get(path);
    if (existing) return existing;
    if (this.loading.has(path)) {
      if (from) this.error(from.file, from.pos, `import cycle not allowed`);
      return undefined;
    }
    this.loading.add(path);
    const files: A.File[] = [];
    let parseFailed = false;
    for (const s of sources) {
      const { file, diags } = parseCached(s.name, s.source, s.tree);
      this.files.set(s.name, file);
      for (const d of diags) this.error(file, d.pos, d.message);
      if (diags.length) parseFailed = true;
      files.push(file);
    }
    if (parseFailed) {
      // as in Go, a package that does not parse is not checked: its other errors would be noise
      this.syntaxFailed = true;
      this.loading.delete(path);
      return undefined;
    }
    const name = files[0]?.pkgName.name ?? path;
    for (const f of files) {
      if (f.pkgName.name && f.pkgName.name !== name) {
        this.error(f, f.pkgName.pos, `package ${f.pkgName.name}; expected package ${name}`);
      }
    }
    const pkg: Package = {
      path, name, files, scope: new Scope(this.universe), imports: [], vars: [], inits: [], funcs: [], varInits: [],
    };
    // the runtime is every program's dependency: its hooks handle panics
    const deps = new Map<string, { file: A.File; spec?: A.ImportSpec }>();
    if (path !== 'runtime' && this.loader('runtime')) deps.set('runtime', { file: files[0] });
    for (const f of files) for (const imp of f.imports) if (!deps.has(imp.path) || !deps.get(imp.path)?.spec) deps.set(imp.path, { file: f, spec: imp });
    for (const [ipath, at] of deps) {
      if (at.spec && path === 'main' && /(^|\/)internal(\/|$)/.test(ipath)) {
        // Go's rule: only packages rooted at internal's parent may import it; a program is not one
        // (p9rt's own switches live in packages p9rt/..., such as p9rt/poll)
        this.error(at.file, at.spec.pos, `use of internal package ${ipath} not allowed`);
        this.deadImports.add(`${at.file.name}:${at.spec.name?.name ?? ipath.split('/').pop()}`);
        continue;
      }
      const src = this.loader(ipath);
      if (!src || !src.length) {
        if (at.spec) {
          this.error(at.file, at.spec.pos, missingPackage(ipath));
          this.deadImports.add(`${at.file.name}:${at.spec.name?.name ?? ipath.split('/').pop()}`);
        }
        continue;
      }
      const dep = this.load(ipath, src, at.spec ? { file: at.file, pos: at.spec.pos } : undefined);
      if (dep) pkg.imports.push(dep);
    }
    this.loading.delete(path);
    this.pkgs.set(path, pkg);
    this.order.push(pkg);
    this.collect(pkg);
    return pkg;
  }

  fileScope(pkg: Package, f: A.File): Scope {
    const s = new Scope(pkg.scope);
    for (const imp of f.imports) {
      const dep = this.pkgs.get(imp.path);
      if (!dep) continue;
      if (imp.dot) {
        this.error(f, imp.pos, 'dot imports are not supported by p9rt');
        continue;
      }
      const name = imp.name?.name ?? dep.name;
      if (name === '_') continue;
      const prev = s.names.get(name);
      if (prev?.kind === 'pkg') {
        this.error(f, imp.pos, `${name} redeclared in this block\n\t${this.posText(f, prev.spec.pos)}: other declaration of ${name}`);
        // kept under a name no identifier has, so that it is reported unused too
        s.names.set(`${name} ${imp.pos}`, new PkgObj(name, dep, imp, f));
        continue;
      }
      s.names.set(name, new PkgObj(name, dep, imp, f));
    }
    return s;
  }

  private fileScopes = new Map<A.File, Scope>();
  scopeOf(pkg: Package, f: A.File): Scope {
    let s = this.fileScopes.get(f);
    if (!s) {
      s = this.fileScope(pkg, f);
      this.fileScopes.set(f, s);
    }
    return s;
  }

  // ---- package-level declarations ---------------------------------------------

  declare(pkg: Package, f: A.File, name: A.Ident, obj: Obj): void {
    if (name.name === '_') return;
    const prev = pkg.scope.names.get(name.name);
    if (prev) {
      this.error(f, name.pos, `${name.name} redeclared in this block`);
      return;
    }
    pkg.scope.names.set(name.name, obj);
  }

  collect(pkg: Package): void {
    for (const f of pkg.files) {
      const env: Env = { pkg, file: f, scope: this.scopeOf(pkg, f) };
      for (const d of f.decls) {
        if (d.k === 'FuncDecl') {
          if (d.type.typeParams) {
            this.error(f, d.name.pos, 'generic functions are not supported by p9rt');
            this.quietRange(f, d.pos, d.end);
          }
          const fo = new FuncObj(d.name.name, pkg, d, f);
          if (d.recv) {
            pkg.funcs.push(fo);
            continue;
          }
          if (d.name.name === 'init') {
            if (d.type.params.length || d.type.results.length) this.error(f, d.name.pos, 'func init must have no arguments and no return values');
            pkg.inits.push(fo);
          } else if (d.name.name === 'main' && pkg.name === 'main' && (d.type.params.length || d.type.results.length)) {
            this.error(f, d.name.pos, 'func main must have no arguments and no return values');
            this.declare(pkg, f, d.name, fo);
          } else this.declare(pkg, f, d.name, fo);
          pkg.funcs.push(fo);
        } else if (d.k === 'type') {
          for (const s of d.specs) this.declareType(env, s, pkg.scope);
        } else if (d.k === 'const') {
          this.declareConsts(env, d.specs, pkg.scope, true);
        } else {
          for (const s of d.specs) {
            const vs = s.names.map((n) => {
              const v = new VarObj(n.name, T.Invalid, n.pos, f, true);
              v.index = this.b.addGlobal(`${pkg.path}.${n.name}`);
              this.declare(pkg, f, n, v);
              pkg.vars.push(v);
              return v;
            });
            const vi: VarInit = { pkg, file: f, lhs: vs, rhs: s.values, spec: s, func: -1, deps: new Set() };
            pkg.varInits.push(vi);
            this.lazyVarTypes(env, vi);
          }
        }
      }
    }
    // Signatures and methods need every type of the package declared first.
    for (const fo of pkg.funcs) this.resolveFunc(fo);
  }

  /** Declare a type name (package level or local); resolution is lazy. */
  declareType(env: Env, s: A.TypeSpec, scope: Scope): TypeObj {
    if (s.typeParams) {
      this.error(env.file, s.name.pos, 'generic types are not supported by p9rt');
      this.quietRange(env.file, s.pos, s.end);
    }
    if (s.alias) {
      const to = new TypeObj(s.name.name, T.Invalid, s.name.pos);
      to.lazy = () => {
        to.lazy = undefined;
        to.type = this.resolveType(env, s.type);
      };
      if (scope === env.pkg.scope) this.declare(env.pkg, env.file, s.name, to);
      else scope.names.set(s.name.name, to);
      return to;
    }
    const named: T.Named = {
      t: 'named', name: s.name.name, pkg: env.pkg.path, pkgName: env.pkg.name, underlying: T.Invalid, methods: [], state: 0,
    };
    const to = new TypeObj(s.name.name, named, s.name.pos);
    to.lazy = () => {
      to.lazy = undefined;
      named.state = 1;
      this.typePath.push({ obj: to, file: env.file, ind: this.indirections });
      let u: T.Type;
      try {
        u = this.resolveType(env, s.type);
      } finally {
        this.typePath.pop();
      }
      if (u.t === 'named' && u.state === 1) {
        // type T2 T1 reached from inside T1 (a field *T2): T1's underlying is
        // not known yet; T2 stays unfinished until T1 is done
        const waiting = this.underWaiters.get(u) ?? [];
        waiting.push(named);
        this.underWaiters.set(u, waiting);
        return;
      }
      const done = (n: T.Named, under: T.Type): void => {
        n.underlying = under;
        n.state = 2;
        const ws = this.underWaiters.get(n) ?? [];
        this.underWaiters.delete(n);
        for (const w of ws) done(w, under);
      };
      done(named, T.under(u));
    };
    if (scope === env.pkg.scope) this.declare(env.pkg, env.file, s.name, to);
    else scope.names.set(s.name.name, to);
    return to;
  }

  declareConsts(env: Env, specs: A.ValueSpec[], scope: Scope, pkgLevel: boolean): ConstObj[] {
    let last: A.ValueSpec | undefined;
    const out: ConstObj[] = [];
    for (const s of specs) {
      const src = s.values.length || s.type ? s : last;
      if (s.values.length || s.type) last = s;
      s.names.forEach((n, i) => {
        const c = new ConstObj(n.name, T.Invalid, cint(0n), n.pos);
        c.state = 0;
        const resolve = (): void => {
          c.lazy = undefined;
          c.state = 1;
          if (pkgLevel) this.constPath.push({ obj: c, file: env.file });
          const e = src?.values[i];
          if (!e) {
            this.error(env.file, n.pos, src && src.values.length ? 'missing init expr for const declaration' : 'missing init expr for const declaration');
          } else {
            const r = this.constExpr(env, e, s.iota, src?.type);
            if (r) {
              c.type = r.type;
              c.val = r.val;
            }
          }
          if (pkgLevel) this.constPath.pop();
          c.state = 2;
        };
        c.lazy = resolve;
        if (pkgLevel) this.declare(env.pkg, env.file, n, c);
        out.push(c);
      });
      // a local constant's scope begins after its ConstSpec: `const n = n * 2` reads the outer n
      if (!pkgLevel) {
        const cs = out.slice(-s.names.length);
        for (const c of cs) c.lazy?.();
        s.names.forEach((n, i) => { if (n.name !== '_') scope.names.set(n.name, cs[i]); });
      }
    }
    return out;
  }

  /** Evaluate a constant expression at iota (in a scratch function context). */
  constExpr(env: Env, e: A.Expr, iota: number, typeExpr?: A.Expr): { type: T.Type; val: Const } | undefined {
    const g = FnGen.scratch(this, env, iota);
    let op = g.expr(e);
    if (op.mode === 'invalid') return undefined;
    if (op.mode !== 'const' || !op.val) {
      this.error(env.file, e.pos, `${g.exprString(e)} (${g.describe(op)}) is not constant`);
      return undefined;
    }
    if (typeExpr) {
      const t = this.resolveType(env, typeExpr);
      op = g.assignConv(op, t, 'constant declaration');
      if (op.mode !== 'const' || !op.val) return undefined;
    }
    return { type: op.type, val: op.val };
  }

  lazyVarTypes(env: Env, vi: VarInit): void {
    const s = vi.spec;
    let state = 0;
    const resolve = (): void => {
      if (state === 2) return;
      if (state === 1) {
        for (const v of vi.lhs) if (v.type === T.Invalid) this.error(env.file, v.pos, `initialization cycle or invalid recursive reference to ${v.name}`);
        return;
      }
      state = 1;
      if (s.type) {
        const t = this.resolveType(env, s.type);
        for (const v of vi.lhs) v.type = t;
      } else if (s.values.length) {
        const g = FnGen.scratch(this, env, -1);
        const types = g.rhsTypes(vi.rhs, vi.lhs.length, s.pos);
        vi.lhs.forEach((v, i) => (v.type = types[i] ?? T.Invalid));
      }
      state = 2;
      for (const v of vi.lhs) {
        const size = T.goSizeOf(v.type);
        if (size > T.GO_MAX_SYMBOL) {
          this.error(env.file, v.pos, `${vi.pkg.path}.${v.name}: symbol too large (${size} bytes > ${T.GO_MAX_SYMBOL} bytes)`);
        }
      }
    };
    for (const v of vi.lhs) this.varResolvers.set(v, resolve);
  }

  readonly varResolvers = new Map<VarObj, () => void>();

  /** Make sure a package-level object is resolved. */
  resolveObj(o: Obj): void {
    if (o.kind === 'type' && o.lazy) o.lazy();
    else if (o.kind === 'const' && o.lazy) o.lazy();
    else if (o.kind === 'const' && o.state === 1) {
      // a constant used while its own value is computed: an initialization cycle
      const at = this.constPath.findIndex((p) => p.obj === o);
      if (at >= 0) {
        const ring = this.constPath.slice(at).map((p) => ({ name: p.obj.name, file: p.file, pos: p.obj.pos }));
        const head = ring[0];
        if (ring.length === 1) this.error(head.file, head.pos, `initialization cycle: ${head.name} refers to itself`);
        else this.error(head.file, head.pos, `initialization cycle for ${head.name}${this.refersTo(ring)}`);
      }
      o.state = 2;
    } else if (o.kind === 'var' && o.global) this.varResolvers.get(o)?.();
  }

  resolveFunc(fo: FuncObj): void {
    const d = fo.decl as A.FuncDecl;
    const f = fo.file as A.File;
    const env: Env = { pkg: fo.pkg, file: f, scope: this.scopeOf(fo.pkg, f) };
    if (d.type.typeParams) {
      // reported at collection; its type parameters would only add noise
      fo.sig = { t: 'func', params: [], results: [], variadic: false };
      fo.index = this.b.declareFunc(fo.qualified, f.name);
      fo.generic = true;
      return;
    }
    fo.sig = this.resolveSig(env, d.type);
    if (d.recv) {
      let rt = d.recv.type;
      if (rt.k === 'ParenExpr') rt = rt.x;
      let ptr = false;
      if (rt.k === 'StarExpr') {
        ptr = true;
        rt = rt.x;
      }
      const o = rt.k === 'Ident' ? fo.pkg.scope.names.get(rt.name) : undefined;
      if (!o || o.kind !== 'type' || o.type.t !== 'named') {
        this.error(f, d.recv.type.pos, rt.k === 'Ident' && !o ? `undefined: ${rt.name}` : `invalid receiver type ${rt.k === 'Ident' ? rt.name : ''}`);
        fo.index = this.b.declareFunc(fo.name, f.name);
        return;
      }
      const named = o.type;
      fo.recv = named;
      fo.ptrRecv = ptr;
      if (named.methods.some((m) => m.name === fo.name)) {
        this.error(f, d.name.pos, `method ${named.name}.${fo.name} already declared`);
      }
      this.resolveObj(o);
      if (T.under(named).t === 'struct') {
        const st = T.under(named) as T.StructT;
        if (st.fields.some((x) => x.name === fo.name)) this.error(f, d.name.pos, `field and method with the same name ${fo.name}`);
      }
      if (T.under(named).t === 'pointer' || T.under(named).t === 'interface') {
        this.error(f, d.recv.type.pos, `invalid receiver type ${named.name} (pointer or interface type)`);
      }
      named.methods.push({ name: fo.name, pkg: fo.pkg.path, sig: fo.sig, ptrRecv: ptr, fn: fo });
    }
    fo.index = this.b.declareFunc(fo.qualified, fileOf(f, d.pos));
    if (!d.body) {
      const id = (Intrinsic as Record<string, number>)[`${fo.pkg.path}.${fo.name}`];
      if (id === undefined || d.recv) this.error(f, d.name.pos, `missing function body (no p9rt intrinsic ${fo.pkg.path}.${fo.name})`);
      else fo.intrinsic = id;
    }
  }

  // ---- types ---------------------------------------------------------------------

  resolveSig(env: Env, ft: A.FuncType): T.Signature {
    const params: T.Type[] = [];
    let variadic = false;
    ft.params.forEach((p, i) => {
      let t = this.resolveType(env, p.type);
      if (p.variadic) {
        if (i !== ft.params.length - 1 || p.names.length > 1) this.error(env.file, p.pos, 'can only use ... with final parameter in list');
        t = { t: 'slice', elem: t };
        variadic = true;
      }
      for (let n = 0; n < Math.max(1, p.names.length); n++) params.push(t);
    });
    const results: T.Type[] = [];
    for (const r of ft.results) {
      const t = this.resolveType(env, r.type);
      for (let n = 0; n < Math.max(1, r.names.length); n++) results.push(t);
    }
    return { t: 'func', params, results, variadic };
  }

  lookupType(env: Env, e: A.Expr): Obj | undefined {
    if (e.k === 'Ident') return env.scope.lookup(e.name);
    if (e.k === 'SelectorExpr' && e.x.k === 'Ident') {
      const p = env.scope.lookup(e.x.name);
      if (p?.kind === 'pkg') {
        p.used = true;
        const o = p.pkg.scope.names.get(e.sel.name);
        if (!o || !T.isExported(e.sel.name)) {
          this.error(env.file, e.sel.pos, undefinedMember(p.pkg.path, e.x.name, e.sel.name));
          return undefined;
        }
        return o;
      }
    }
    return undefined;
  }

  /** Resolve through a pointer, slice, map, channel, func or interface: a type may refer to itself there. */
  private indirect<R>(f: () => R): R {
    this.indirections++;
    try {
      return f();
    } finally {
      this.indirections--;
    }
  }

  /**
   * A reference to a type still being declared: a cycle unless a pointer,
   * slice, map, channel, func or interface came between (Go's "invalid
   * recursive type"). Reports it and returns true when it is one.
   */
  private recursiveType(o: TypeObj): boolean {
    const at = this.typePath.findIndex((p) => p.obj === o);
    if (at < 0 || this.typePath[at].ind !== this.indirections) return false;
    const cycle = this.typePath.slice(at).map((p) => ({ name: p.obj.name, file: p.file, pos: p.obj.pos }));
    // reported at the cycle's first declaration in the source
    let first = 0;
    cycle.forEach((c, i) => {
      if (c.file === cycle[first].file && c.pos < cycle[first].pos) first = i;
    });
    const ring = [...cycle.slice(first), ...cycle.slice(0, first)];
    const head = ring[0];
    if (ring.length === 1) this.error(head.file, head.pos, `invalid recursive type: ${head.name} refers to itself`);
    else this.error(head.file, head.pos, `invalid recursive type ${head.name}${this.refersTo(ring)}`);
    return true;
  }

  resolveType(env: Env, e: A.Expr): T.Type {
    switch (e.k) {
      case 'Ident':
      case 'SelectorExpr': {
        const o = this.lookupType(env, e);
        if (!o) {
          if (e.k === 'Ident') this.error(env.file, e.pos, `undefined: ${e.name}`);
          else if (e.x.k !== 'Ident' || env.scope.lookup(e.x.name)?.kind !== 'pkg') this.error(env.file, e.pos, `${this.exprText(env, e)} is not a type`);
          return T.Invalid;
        }
        if (o.kind !== 'type') {
          this.error(env.file, e.pos, `${this.exprText(env, e)} is not a type`);
          return T.Invalid;
        }
        if (o.type.t === 'named' && o.type.state === 1 && this.recursiveType(o)) return T.Invalid;
        if (o.lazy) o.lazy();
        if (o.type === T.basic('invalid') && e.k === 'Ident' && ['float32', 'complex64', 'complex128'].includes(e.name)) {
          this.error(env.file, e.pos, `type ${e.name} is not supported by p9rt`);
        }
        return o.type;
      }
      case 'ParenExpr':
        return this.resolveType(env, e.x);
      case 'StarExpr':
        return { t: 'pointer', elem: this.indirect(() => this.resolveType(env, e.x)) };
      case 'ArrayType': {
        const elem = e.len ? this.resolveType(env, e.elem) : this.indirect(() => this.resolveType(env, e.elem));
        if (!e.len) return { t: 'slice', elem };
        if (e.len.k === 'Ellipsis') {
          this.error(env.file, e.pos, 'invalid use of [...] array (outside a composite literal)');
          return T.Invalid;
        }
        const c = this.constExpr(env, e.len, -1);
        // an untyped constant representable as an int will do: [1e1]int, [2.0]int
        if (c && c.val.k === 'float' && T.isUntyped(c.type)) c.val = represent(c.val, T.Int) ?? c.val;
        if (!c || c.val.k !== 'int' || c.val.v < 0n) {
          if (c) this.error(env.file, e.len.pos, `array length ${this.exprText(env, e.len)} must be a non-negative integer constant`);
          return T.Invalid;
        }
        return this.arrayType(env, e, elem, c.val.v);
      }
      case 'MapType': {
        const key = this.indirect(() => this.resolveType(env, e.key));
        const elem = this.indirect(() => this.resolveType(env, e.value));
        if (key !== T.Invalid && T.under(key) !== T.Invalid && !T.comparable(key)) this.error(env.file, e.key.pos, `invalid map key type ${this.typeStr(env, key)}`);
        return { t: 'map', key, elem };
      }
      case 'ChanType':
        return { t: 'chan', elem: this.indirect(() => this.resolveType(env, e.elem)), dir: e.dir };
      case 'FuncType':
        if (e.typeParams) this.error(env.file, e.pos, 'generic functions are not supported by p9rt');
        return this.indirect(() => this.resolveSig(env, e));
      case 'StructType': {
        const fields: T.Field[] = [];
        const seen = new Set<string>();
        for (const f of e.fields) {
          const t = this.resolveType(env, f.type);
          const add = (name: string, pos: number, embedded: boolean): void => {
            if (name !== '_' && seen.has(name)) this.error(env.file, pos, `${name} redeclared`);
            seen.add(name);
            fields.push({ name, type: t, embedded, pkg: env.pkg.path });
          };
          if (f.embedded) {
            let te = f.type;
            if (te.k === 'StarExpr') te = te.x;
            const name = te.k === 'SelectorExpr' ? te.sel.name : te.k === 'Ident' ? te.name : '?';
            add(name, f.pos, true);
          } else for (const n of f.names) add(n.name, n.pos, false);
        }
        return { t: 'struct', fields };
      }
      case 'InterfaceType': {
        if (e.unions) this.error(env.file, e.pos, 'interfaces with type constraints are not supported by p9rt');
        const explicit: T.IfaceMethod[] = e.methods.map((m) => ({
          name: m.names[0].name,
          pkg: env.pkg.path,
          sig: this.indirect(() => this.resolveSig(env, m.type as A.FuncType)),
        }));
        const embeds = e.embeds.map((x) => {
          const t = this.resolveType(env, x);
          if (t !== T.Invalid && T.under(t).t !== 'interface' && T.under(t) !== T.Invalid) {
            this.error(env.file, x.pos, `interfaces with type constraints are not supported by p9rt`);
          }
          return t;
        });
        return { t: 'interface', explicit, embeds };
      }
      case 'BadExpr':
        if (e.what !== 'syntax') this.error(env.file, e.pos, `${e.what} is not supported by p9rt`);
        return T.Invalid;
      default:
        this.error(env.file, e.pos, `${this.exprText(env, e)} is not a type`);
        return T.Invalid;
    }
  }

  /**
   * [len]elem, with the sizes Go refuses (docs/bytecode.md "Nil checks" 4):
   * Go's own width past its 2^50 limit is Go's error; p9rt's block sizes are
   * then exact numbers. Lengths past 2^31-1 only fit zero-size elements
   * (anything else cannot be allocated), which p9rt cannot index: named.
   */
  arrayType(env: Env, e: A.ArrayType, elem: T.Type, len: bigint): T.Type {
    const t: T.ArrayT = { t: 'array', elem, len: Number(len) };
    const w = T.goSizeOf(elem);
    if (w > 0 && len > BigInt(Math.floor((T.GO_MAX_WIDTH - 1) / w))) {
      this.error(env.file, e.pos, `type [${len}]${this.typeStr(env, elem)} larger than address space`);
      return T.Invalid;
    }
    if (len > BigInt(T.MAX_ARRAY_LEN) && T.sizeOf(elem) === 0) {
      this.error(env.file, e.len!.pos, `array length ${len} of a zero-size element type is not supported by p9rt (at most ${T.MAX_ARRAY_LEN})`);
      return T.Invalid;
    }
    return t;
  }

  exprText(env: Env, e: A.Expr): string {
    return FnGen.exprText(e);
  }

  /** A type as error messages print it from package env.pkg. */
  typeStr(env: Env | Package, t: T.Type): string {
    const path = 'pkg' in env ? env.pkg.path : env.path;
    return T.typeString(t, (n) => (n.pkg === path || !n.pkg ? '' : n.pkgName));
  }

  // ---- function indices for synthesized code ---------------------------------------

  litFunc(file: A.File, pos: number, name: string): number {
    const key = `${file.name}:${pos}`;
    let i = this.litFuncs.get(key);
    if (i === undefined) {
      i = this.b.declareFunc(name, fileOf(file, pos));
      this.litFuncs.set(key, i);
    }
    return i;
  }

  /**
   * A method's id: its name (package-qualified when unexported) and its
   * signature, so an assertion to `interface{ M(string) }` does not match a
   * type whose M takes an int. The image keeps the plain name for messages.
   */
  methodId(name: string, pkg: string, sig: T.Signature): number {
    const q = T.isExported(name) ? name : `${pkg}.${name}`;
    return this.b.methodId(`${q}${typeKey(sig)}`, name);
  }

  /** A function built once per key by `make` (wrappers, method-value thunks). */
  synthFunc(key: string, name: string, make: (code: Code) => { nparams: number; nresults: number; nlocals: number }): number {
    let i = this.synth.get(key);
    if (i !== undefined) return i;
    i = this.b.declareFunc(name, '<autogenerated>');
    this.synth.set(key, i);
    const code = new Code();
    const r = make(code);
    this.b.defineFunc(i, { code, ...r });
    return i;
  }

  // ---- whole program ----------------------------------------------------------------

  compileProgram(main: Package): void {
    this.checkDeadline();
    for (const pkg of this.order) {
      for (const o of pkg.scope.names.values()) this.resolveObj(o);
    }
    for (const pkg of this.order) {
      for (const v of pkg.vars) {
        if (T.isBlock(v.type)) this.blockGlobals.push(v);
        else if (this.globalEscapes.has(v.key)) {
          v.boxed = true;
          this.blockGlobals.push(v);
        }
      }
    }
    for (const pkg of this.order) {
      for (const fo of pkg.funcs) {
        if (fo.decl?.body && !fo.generic) FnGen.compileFunc(this, fo);
        else if (fo.intrinsic >= 0) this.intrinsicWrapper(fo);
        else if (fo.index >= 0) this.b.defineFunc(fo.index, { code: new Code(), nparams: 0, nresults: 0, nlocals: 0 });
      }
      for (const [i, vi] of pkg.varInits.entries()) {
        vi.func = this.b.declareFunc(`${pkg.path}.init.var${i}`, fileOf(vi.file, vi.spec.pos));
        FnGen.compileVarInit(this, vi);
      }
      this.checkUnusedImports(pkg);
    }
    const pkgInits = this.order.map((p) => this.packageInit(p));
    if (main.name !== 'main') this.error(main.files[0], main.files[0].pkgName.pos, `package ${main.name} is not a main package`);
    const mainFn = main.scope.names.get('main');
    if (!mainFn || mainFn.kind !== 'func') {
      this.error(main.files[0], 0, 'function main is undeclared in the main package');
    }
    const entry = new Code();
    for (const v of this.blockGlobals) {
      entry.op(Op.ALLOC, [v.boxed ? 8 : T.allocSize(v.type)]);
      entry.op(Op.SETGLOBAL, [v.index]);
    }
    for (const f of pkgInits) entry.call(f, 0, 0);
    if (mainFn?.kind === 'func') entry.call(mainFn.index, 0, 0);
    entry.const(0);
    entry.intrinsic(Intrinsic['runtime.exit'], 1, 0);
    entry.op(Op.RET, [], 0, 0);
    this.b.entry = this.b.addFunc('runtime.main', '<autogenerated>', { code: entry, nparams: 0, nresults: 0, nlocals: 0 });
    this.b.hookFatalpanic = this.runtimeFunc('fatalpanic');
    this.b.hookPanicRuntime = this.runtimeFunc('panicRuntime');
    this.types.finish();
  }

  /** The index of a function of package runtime the compiler calls, or -1. */
  runtimeFunc(name: string): number {
    const o = this.pkgs.get('runtime')?.scope.names.get(name);
    return o?.kind === 'func' ? o.index : -1;
  }

  intrinsicWrapper(fo: FuncObj): void {
    const c = new Code();
    const np = fo.sig.params.length;
    for (let i = 0; i < np; i++) c.op(Op.LOCAL, [i]);
    c.intrinsic(fo.intrinsic, np, fo.sig.results.length);
    c.op(Op.RET, [], fo.sig.results.length, 0);
    this.b.defineFunc(fo.index, { code: c, nparams: np, nresults: fo.sig.results.length, nlocals: np });
  }

  checkUnusedImports(pkg: Package): void {
    for (const f of pkg.files) {
      const s = this.scopeOf(pkg, f);
      for (const o of s.names.values()) {
        if (o.kind === 'pkg' && !o.used) {
          const named = o.spec.name ? ` as ${o.spec.name.name}` : '';
          this.error(f, o.spec.pos, `"${o.pkg.path}" imported${named} and not used`);
        }
      }
    }
  }

  /** pkg.init: variable initializers in dependency order, then the init funcs. */
  packageInit(pkg: Package): number {
    const code = new Code();
    for (const vi of this.initOrder(pkg)) code.call(vi.func, 0, 0);
    for (const fo of pkg.inits) code.call(fo.index, 0, 0);
    code.op(Op.RET, [], 0, 0);
    return this.b.addFunc(`${pkg.path}.init`, pkg.files[0]?.name ?? '', { code, nparams: 0, nresults: 0, nlocals: 0 });
  }

  /**
   * Go's rule: a package-level variable whose initializer refers back to it,
   * through other variables and functions, is an initialization cycle. The
   * first such variable in declaration order is reported, with the path.
   */
  private initCycle(pkg: Package): boolean {
    const initOf = new Map<VarObj, VarInit>();
    for (const vi of pkg.varInits) for (const v of vi.lhs) initOf.set(v, vi);
    const depsOf = (d: VarObj | FuncObj): Set<VarObj | FuncObj> | undefined => (d.kind === 'var' ? initOf.get(d)?.deps : d.deps);
    for (const vi of pkg.varInits) {
      for (const v of vi.lhs) {
        // depth-first, with an explicit stack: the path is the stack when v is reached again
        const seen = new Set<VarObj | FuncObj>();
        const stack: { node: VarObj | FuncObj; it: Iterator<VarObj | FuncObj> }[] = [{ node: v, it: vi.deps.values() }];
        let ring: (VarObj | FuncObj)[] | undefined;
        while (stack.length && !ring) {
          const top = stack[stack.length - 1];
          const n = top.it.next();
          if (n.done) {
            stack.pop();
            continue;
          }
          const d = n.value;
          if (d === v) ring = stack.map((f) => f.node);
          else if (!seen.has(d)) {
            seen.add(d);
            const next = depsOf(d);
            if (next) stack.push({ node: d, it: next.values() });
          }
        }
        if (!ring) continue;
        const named = ring.map((o) =>
          o.kind === 'var' ? { name: o.name, file: o.file, pos: o.pos } : { name: o.name, file: o.file as A.File, pos: o.decl?.name.pos ?? 0 });
        if (named.length === 1) this.error(named[0].file, named[0].pos, `initialization cycle: ${named[0].name} refers to itself`);
        else this.error(named[0].file, named[0].pos, `initialization cycle for ${named[0].name}${this.refersTo(named)}`);
        return true;
      }
    }
    return false;
  }

  /** Go's rule: repeatedly the earliest variable in declaration order with no uninitialized dependencies. */
  initOrder(pkg: Package): VarInit[] {
    if (this.initCycle(pkg)) return pkg.varInits;
    const pending = new Set<VarObj>();
    for (const vi of pkg.varInits) for (const v of vi.lhs) pending.add(v);
    const varDeps = (vi: VarInit): Set<VarObj> => {
      const out = new Set<VarObj>();
      const seenF = new Set<FuncObj>();
      const walk = (deps: Set<VarObj | FuncObj>): void => {
        for (const d of deps) {
          if (d.kind === 'var') out.add(d);
          else if (!seenF.has(d)) {
            seenF.add(d);
            walk(d.deps);
          }
        }
      };
      walk(vi.deps);
      return out;
    };
    const deps = new Map(pkg.varInits.map((vi) => [vi, varDeps(vi)]));
    const order: VarInit[] = [];
    const left = [...pkg.varInits];
    while (left.length) {
      let i = left.findIndex((vi) => [...(deps.get(vi) as Set<VarObj>)].every((v) => !pending.has(v) || vi.lhs.includes(v)));
      if (i < 0) {
        const vi = left[0];
        this.error(vi.file, vi.spec.pos, `initialization cycle: ${vi.lhs[0]?.name ?? '_'} refers to itself`);
        i = 0;
      }
      const vi = left.splice(i, 1)[0];
      for (const v of vi.lhs) pending.delete(v);
      order.push(vi);
    }
    return order;
  }
}

export { Kind, TypeId };

// The roots of Go 1.19's standard library (`go list std`): a path under one
// of them is Go's but outside p9rt's subset; any other path is not Go's.
const stdRoots = new Set(('archive bufio builtin bytes compress container context crypto database debug embed encoding ' +
  'errors expvar flag fmt go hash html image index io log math mime net os path plugin reflect regexp runtime sort ' +
  'strconv strings sync syscall testing text time unicode unsafe').split(' '));

/** The error for an import the loader does not have. */
function missingPackage(path: string): string {
  if (path === 'C') return 'cgo is not supported by p9rt';
  const root = path.split('/')[0];
  if (stdRoots.has(root)) return `package ${path} is not supported by p9rt`;
  if (root.includes('.')) return `package ${path} is not supported by p9rt: a program imports only the standard packages`;
  return `package ${path} is not in std`;
}
