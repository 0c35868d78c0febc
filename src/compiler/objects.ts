// Named language entities (go/types Object) and scopes.

import type * as A from './ast.js';
import type { Const } from './constant.js';
import type { Named, Signature, Type } from './types.js';

export interface Package {
  path: string;
  name: string;
  files: A.File[];
  scope: Scope;
  imports: Package[];
  /** package-level vars in declaration order */
  vars: VarObj[];
  inits: FuncObj[];
  funcs: FuncObj[];
  /** variable initializers (one per spec), compiled to functions */
  varInits: VarInit[];
}

export interface VarInit {
  pkg: Package;
  file: A.File;
  lhs: VarObj[];
  rhs: A.Expr[];
  spec: A.ValueSpec;
  func: number;
  /** objects referenced by the initializer (for initialization order) */
  deps: Set<VarObj | FuncObj>;
}

/** Where a variable lives at run time. */
export interface FnRef {
  id: number;
}

export class VarObj {
  readonly kind = 'var';
  used = false;
  /** local index, or global index for package-level vars */
  index = -1;
  /** non-block variable kept in a heap cell (captured or address taken) */
  boxed = false;
  /** function context that owns the local; null for package-level */
  owner: FnRef | null = null;
  isParam = false;
  constructor(
    public name: string,
    public type: Type,
    public pos: number,
    public file: A.File,
    public global = false,
  ) {}
  get key(): string {
    return `${this.file.name}:${this.pos}:${this.name}`;
  }
}

export class ConstObj {
  readonly kind = 'const';
  used = false;
  state: 0 | 1 | 2 = 2;
  constructor(
    public name: string,
    public type: Type,
    public val: Const,
    public pos: number,
  ) {}
  /** for package-level constants resolved lazily */
  lazy?: () => void;
}

export class TypeObj {
  readonly kind = 'type';
  constructor(
    public name: string,
    public type: Type,
    public pos: number,
  ) {}
  lazy?: () => void;
}

export class FuncObj {
  readonly kind = 'func';
  /** image function index */
  index = -1;
  intrinsic = -1;
  generic = false;
  sig!: Signature;
  recv?: Named;
  ptrRecv = false;
  /** objects referenced by the body (for initialization order) */
  deps = new Set<VarObj | FuncObj>();
  constructor(
    public name: string,
    public pkg: Package,
    public decl: A.FuncDecl | null,
    public file: A.File | null,
  ) {}
  get qualified(): string {
    const p = this.pkg.path;
    if (this.recv) return `${p}.${this.ptrRecv ? '(*' + this.recv.name + ')' : this.recv.name}.${this.name}`;
    return `${p}.${this.name}`;
  }
}

export class PkgObj {
  readonly kind = 'pkg';
  used = false;
  constructor(
    public name: string,
    public pkg: Package,
    public spec: A.ImportSpec,
    public file: A.File,
  ) {}
}

export class BuiltinObj {
  readonly kind = 'builtin';
  constructor(public name: string) {}
}

export class NilObj {
  readonly kind = 'nil';
  readonly name = 'nil';
}

export type Obj = VarObj | ConstObj | TypeObj | FuncObj | PkgObj | BuiltinObj | NilObj;

export class Scope {
  readonly names = new Map<string, Obj>();
  constructor(public parent: Scope | null) {}
  lookup(name: string): Obj | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const o = s.names.get(name);
      if (o) return o;
    }
    return undefined;
  }
}
