// Diagnostics: what the checker reports, with positions as byte offsets until
// CompileError turns them into Go's `file:line:col: message`.

export interface Diagnostic {
  file: string;
  pos: number;
  message: string;
}

/** One compile error, at the place Go would report it. */
export interface Position {
  /** The file, as CompileOptions.filename or the loader named it. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
  /** Go's wording (go/types, Go 1.20+): "declared and not used: x". */
  message: string;
}

/** A compile failure; `message` is the diagnostics as Go prints them, one a line. */
export class CompileError extends Error {
  /** Every error found, in file order (at most 50). */
  readonly diagnostics: Position[];
  constructor(diagnostics: Position[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).join('\n'));
    this.name = 'CompileError';
    this.diagnostics = diagnostics;
  }
}

/** Compiling went past CompileOptions.deadline. */
export class CompileTimeout extends Error {
  constructor() {
    super('compiling took longer than the deadline');
    this.name = 'CompileTimeout';
  }
}
