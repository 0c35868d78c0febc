// The compiler's own syntax tree, shaped after go/ast: parse.ts builds it from
// scanner.ts's tokens. Every node carries `pos`, an offset into its file's
// text; position() turns it into Go's line:col (columns in bytes).

export interface Node {
  pos: number;
}

export type Expr =
  | Ident
  | BasicLit
  | CompositeLit
  | FuncLit
  | ParenExpr
  | SelectorExpr
  | IndexExpr
  | SliceExpr
  | TypeAssertExpr
  | CallExpr
  | StarExpr
  | UnaryExpr
  | BinaryExpr
  | KeyValueExpr
  | ArrayType
  | MapType
  | ChanType
  | FuncType
  | StructType
  | InterfaceType
  | Ellipsis
  | BadExpr;

export interface Ident extends Node { k: 'Ident'; name: string }
export interface BasicLit extends Node { k: 'BasicLit'; kind: 'INT' | 'FLOAT' | 'IMAG' | 'CHAR' | 'STRING'; value: string }
/** type is undefined for an elided type inside another literal */
export interface CompositeLit extends Node { k: 'CompositeLit'; type?: Expr; elts: Expr[]; end: number }
export interface FuncLit extends Node { k: 'FuncLit'; type: FuncType; body: BlockStmt }
export interface ParenExpr extends Node { k: 'ParenExpr'; x: Expr }
export interface SelectorExpr extends Node { k: 'SelectorExpr'; x: Expr; sel: Ident }
export interface IndexExpr extends Node { k: 'IndexExpr'; x: Expr; index: Expr }
export interface SliceExpr extends Node { k: 'SliceExpr'; x: Expr; lo?: Expr; hi?: Expr; max?: Expr; slice3: boolean }
/** type undefined: x.(type) in a type switch */
export interface TypeAssertExpr extends Node { k: 'TypeAssertExpr'; x: Expr; type?: Expr }
export interface CallExpr extends Node { k: 'CallExpr'; fun: Expr; args: Expr[]; ellipsis: boolean; typeArgs?: Expr[] }
/** *x: a dereference or a pointer type */
export interface StarExpr extends Node { k: 'StarExpr'; x: Expr }
export interface UnaryExpr extends Node { k: 'UnaryExpr'; op: string; x: Expr }
export interface BinaryExpr extends Node { k: 'BinaryExpr'; op: string; opPos: number; x: Expr; y: Expr }
export interface KeyValueExpr extends Node { k: 'KeyValueExpr'; key: Expr; value: Expr }
/** len undefined: a slice type; len Ellipsis: [...]T */
export interface ArrayType extends Node { k: 'ArrayType'; len?: Expr; elem: Expr }
export interface MapType extends Node { k: 'MapType'; key: Expr; value: Expr }
export interface ChanType extends Node { k: 'ChanType'; dir: 'both' | 'send' | 'recv'; elem: Expr }
export interface FuncType extends Node { k: 'FuncType'; params: Field[]; results: Field[]; typeParams: boolean }
export interface StructType extends Node { k: 'StructType'; fields: Field[] }
export interface InterfaceType extends Node { k: 'InterfaceType'; methods: Field[]; embeds: Expr[]; unions: boolean }
export interface Ellipsis extends Node { k: 'Ellipsis' }
export interface BadExpr extends Node { k: 'BadExpr'; what: string }

export interface Field extends Node {
  names: Ident[];
  type: Expr;
  variadic: boolean;
  /** an embedded struct field */
  embedded?: boolean;
}

export type Stmt =
  | ExprStmt
  | SendStmt
  | IncDecStmt
  | AssignStmt
  | DeclStmt
  | BlockStmt
  | LabeledStmt
  | IfStmt
  | SwitchStmt
  | TypeSwitchStmt
  | ForStmt
  | RangeStmt
  | GoStmt
  | DeferStmt
  | SelectStmt
  | ReturnStmt
  | BranchStmt
  | EmptyStmt;

export interface ExprStmt extends Node { k: 'ExprStmt'; x: Expr }
export interface SendStmt extends Node { k: 'SendStmt'; chan: Expr; value: Expr }
export interface IncDecStmt extends Node { k: 'IncDecStmt'; x: Expr; inc: boolean }
/** tok: '=', ':=' or an op-assign such as '+=' */
export interface AssignStmt extends Node { k: 'AssignStmt'; lhs: Expr[]; tok: string; rhs: Expr[]; tokPos?: number }
export interface DeclStmt extends Node { k: 'DeclStmt'; decl: GenDecl }
export interface BlockStmt extends Node { k: 'BlockStmt'; list: Stmt[]; end: number }
export interface LabeledStmt extends Node { k: 'LabeledStmt'; label: Ident; stmt: Stmt }
export interface IfStmt extends Node { k: 'IfStmt'; init?: Stmt; cond: Expr; body: BlockStmt; else?: Stmt }
export interface CaseClause extends Node { list?: Expr[]; body: Stmt[] }
export interface SwitchStmt extends Node { k: 'SwitchStmt'; init?: Stmt; tag?: Expr; cases: CaseClause[] }
export interface TypeSwitchStmt extends Node { k: 'TypeSwitchStmt'; init?: Stmt; bind?: Ident; x: Expr; cases: CaseClause[] }
export interface ForStmt extends Node { k: 'ForStmt'; init?: Stmt; cond?: Expr; post?: Stmt; body: BlockStmt }
export interface RangeStmt extends Node { k: 'RangeStmt'; key?: Expr; value?: Expr; define: boolean; x: Expr; body: BlockStmt }
export interface GoStmt extends Node { k: 'GoStmt'; call: Expr }
export interface DeferStmt extends Node { k: 'DeferStmt'; call: Expr }
export interface CommClause extends Node { comm?: Stmt; body: Stmt[] }
export interface SelectStmt extends Node { k: 'SelectStmt'; cases: CommClause[] }
export interface ReturnStmt extends Node { k: 'ReturnStmt'; results: Expr[] }
export interface BranchStmt extends Node { k: 'BranchStmt'; tok: 'break' | 'continue' | 'goto' | 'fallthrough'; label?: Ident }
export interface EmptyStmt extends Node { k: 'EmptyStmt' }

export interface ImportSpec extends Node { name?: Ident; path: string; dot: boolean }
export interface ValueSpec extends Node { names: Ident[]; type?: Expr; values: Expr[]; iota: number }
export interface TypeSpec extends Node { name: Ident; alias: boolean; type: Expr; typeParams: boolean; end: number }

export type GenDecl =
  | { k: 'const'; pos: number; specs: ValueSpec[] }
  | { k: 'var'; pos: number; specs: ValueSpec[] }
  | { k: 'type'; pos: number; specs: TypeSpec[] };

export interface FuncDecl extends Node {
  k: 'FuncDecl';
  recv?: Field;
  name: Ident;
  type: FuncType;
  body?: BlockStmt;
  /** source offset just past the declaration */
  end: number;
}

export interface File {
  name: string;
  src: string;
  pkgName: Ident;
  imports: ImportSpec[];
  decls: (GenDecl | FuncDecl)[];
  /** statements at top level that Go does not allow there */
  stray: Node[];
  lineStarts: number[];
  /** insertions made before parsing: [offset in the parsed text, length] */
  shifts: [number, number][];
}

/** 1-based line and column (in bytes, as Go counts) of an offset. */
export function position(f: File, parsedPos: number): { line: number; col: number } {
  let pos = parsedPos;
  for (let i = f.shifts.length - 1; i >= 0; i--) {
    const [at, len] = f.shifts[i];
    if (parsedPos >= at + len) pos -= len;
    else if (parsedPos >= at) pos = at - f.shifts.slice(0, i).reduce((a, s) => a + s[1], 0);
  }
  let lo = 0;
  let hi = f.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (f.lineStarts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  const lineText = f.src.slice(f.lineStarts[lo], pos);
  return { line: lo + 1, col: new TextEncoder().encode(lineText).length + 1 };
}

/**
 * A line directive: from source offset `pos` on, the text is line `line` of
 * `file` (and the lines after it follow on). `//line file:line[:col]` at the
 * start of a line takes effect on the next line; the block comment form
 * (`/*line file:line[:col]` closed by a star and slash) right after the
 * comment (cmd/compile's rules).
 */
interface LineDirective { pos: number; rawLine: number; file: string; line: number }
const lineDirectives = new WeakMap<File, LineDirective[]>();

/** The line directives of f, in source order. */
function directivesOf(f: File): LineDirective[] {
  let ds = lineDirectives.get(f);
  if (ds) return ds;
  ds = [];
  let file = f.name;
  const re = /^\/\/line (.*?)[ \t\r]*$|\/\*line ([^\n]*?)\*\//gm;
  for (let m; (m = re.exec(f.src)); ) {
    const text = m[1] ?? m[2];
    // filename:line:col, else filename:line (a filename may hold colons)
    const c = /^(.*):(\d+):(\d+)$/.exec(text) ?? /^(.*):(\d+)$/.exec(text);
    if (!c || Number(c[2]) === 0) continue;
    let pos = m.index + m[0].length;
    if (m[1] !== undefined) pos = f.src.indexOf('\n', pos) < 0 ? f.src.length : f.src.indexOf('\n', pos) + 1;
    // an empty filename keeps the one in effect in the :line:col form; without a column it is
    // empty, which Go's runtime reports as "??"
    if (c[1]) file = c[1];
    else if (c[3] === undefined) file = '??';
    ds.push({ pos, rawLine: lineAtRaw(f, pos), file, line: Number(c[2]) });
  }
  lineDirectives.set(f, ds);
  return ds;
}

/** The directive in effect at raw offset pos, if any. */
function directiveAt(f: File, pos: number): LineDirective | undefined {
  let d: LineDirective | undefined;
  for (const x of directivesOf(f)) {
    if (x.pos > pos) break;
    d = x;
  }
  return d;
}

/** The line Go reports for parsedPos (runtime.Caller, tracebacks): line directives applied. */
export function lineOf(f: File, parsedPos: number): number {
  const pos = rawPosOf(f, parsedPos);
  const raw = lineAtRaw(f, pos);
  const d = directiveAt(f, pos);
  return d ? d.line + raw - d.rawLine : raw;
}

/** The file name Go reports for code at parsedPos (a line directive may rename it). */
export function fileOf(f: File, parsedPos: number): string {
  return directiveAt(f, rawPosOf(f, parsedPos))?.file ?? f.name;
}

/** The offset in f.src of a parsed offset (without the parser's insertions). */
function rawPosOf(f: File, parsedPos: number): number {
  let pos = parsedPos;
  for (let i = f.shifts.length - 1; i >= 0; i--) if (parsedPos >= f.shifts[i][0]) pos -= Math.min(f.shifts[i][1], parsedPos - f.shifts[i][0]);
  return pos;
}

/** The 1-based line of an offset in f.src. */
function lineAtRaw(f: File, pos: number): number {
  let lo = 0;
  let hi = f.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (f.lineStarts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
