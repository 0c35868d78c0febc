// Diagnostics: what the checker reports, with positions as byte offsets until
// CompileError turns them into Go's `file:line:col: message`.

export interface Diagnostic {
  file: string;
  pos: number;
  message: string;
}

export interface Position {
  file: string;
  line: number;
  col: number;
  message: string;
}

/** A compile failure; `message` is the diagnostics as Go prints them, one a line. */
export class CompileError extends Error {
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
