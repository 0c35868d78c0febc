// The compiler's entry point: Go subset source -> program image.
//
//   const program = compile(source, { filename: 'x.go' })
//
// Packages other than main come from a PackageLoader (import path -> the
// package's .go files). In Node the default loader reads src/golib
// (node-loader.ts, the only file here that touches the file system); a
// browser passes one built from its bundle.

import { Compiler, type PackageLoader, type SourceFile } from './compiler.js';
import { CompileError, CompileTimeout } from './diag.js';
import { nestingMessage } from './parse.js';

export { CompileError, CompileTimeout } from './diag.js';
export { decodeSource } from './scanner.js';
export type { Position as Diagnostic } from './diag.js';
export type { PackageLoader, SourceFile } from './compiler.js';
export { ImageBuilder, Code, Label } from './image.js';
export { disassemble, readImage } from './disasm.js';

/** A compiled program: what compile returns and Machine.start runs. */
export interface Program {
  /** the image of docs/bytecode.md */
  image: Uint8Array;
  /** import paths in initialization order, main last */
  packages: string[];
  /** the main file's name, as diagnostics and tracebacks print it */
  filename: string;
}

/** What compile needs besides the source. */
export interface CompileOptions {
  /** The main file's name, as error positions, tracebacks and traces print it (os.Args[0] is its base name). */
  filename: string;
  /**
   * Where imported packages come from: import path -> that package's .go
   * files (undefined: no such package). In Node the default reads the Go
   * library shipped with the package (src/golib); a browser passes its own.
   */
  loader?: PackageLoader;
  /** More files of package main (p9rt test's generated main beside the _test.go file). */
  files?: SourceFile[];
  /** Date.now() past which compiling stops with CompileTimeout (the CLI's --timeout). */
  deadline?: number;
}

let defaultLoader: PackageLoader | undefined;

/** The loader compile() uses when none is given (node-loader.ts installs itself in Node). */
export function setDefaultLoader(l: PackageLoader): void {
  defaultLoader = l;
}

if (typeof process !== 'undefined' && process.versions?.node) {
  const spec = './node-loader.js';
  const m = (await import(/* @vite-ignore */ spec)) as { nodeLoader: PackageLoader };
  defaultLoader ??= m.nodeLoader;
}

/**
 * Compile a main package given as one source file (plus opts.files) and the
 * library packages it imports, into one program image.
 * @throws CompileError with every error Go would report, at file:line:col.
 */
export function compile(source: string, opts: CompileOptions): Program {
  const loader = opts.loader ?? defaultLoader ?? ((): SourceFile[] | undefined => undefined);
  let escapes = new Set<string>();
  for (let attempt = 0; ; attempt++) {
    const c = new Compiler(loader, escapes);
    c.deadline = opts.deadline;
    let main;
    let early = 0;
    try {
      main = c.load('main', [{ name: opts.filename, source }, ...(opts.files ?? [])]);
      // Declaration errors (generics, unsupported imports) do not stop the
      // checking of bodies, so every error of the file is reported; syntax
      // errors do, as in Go.
      early = c.diags.length;
      if (main && !c.syntaxFailed) c.compileProgram(main);
    } catch (e) {
      if (e instanceof CompileError || e instanceof CompileTimeout) throw e;
      if (e instanceof RangeError && c.at) {
        // deeper than the parser's limit allows for: still the named limit, at the place
        c.error(c.at.file, c.at.pos, nestingMessage);
        throw new CompileError(c.positions().slice(0, 50));
      }
      // checking on past an earlier error tripped over it: that error is the report
      if (early) throw new CompileError(c.positions().slice(0, 50));
      // a bug in the compiler: report it at the file, never as a stack trace alone
      const msg = e instanceof Error ? e.message : String(e);
      throw new CompileError([...c.positions(), { file: opts.filename, line: 1, col: 1, message: `internal compiler error: ${msg}` }]);
    }
    if (c.diags.length) throw new CompileError(c.positions().slice(0, 50));
    if (c.rerun && attempt < 3) {
      escapes = c.globalEscapes;
      continue;
    }
    return { image: c.b.build(), packages: c.order.map((p) => p.path), filename: opts.filename };
  }
}
