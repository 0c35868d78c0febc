// The compile worker: the compiler is synchronous, and compiling a program with the Go library
// under it takes long enough to freeze a page, so it runs here and never on the main thread.
// From the compiler itself, not src/api, so this worker does not carry the kernel's code.
import { compile } from '../src/compiler/index.ts';
import { translate } from '../src/engine/translate.ts';
import { golibLoader } from './golib.ts';

export interface CompileRequest {
  id: number;
  source: string;
  filename: string;
}

export type CompileReply =
  | { id: number; ok: true; program: unknown; ms: number }
  | { id: number; ok: false; message: string; ms: number; errors: CompileErrorAt[] };

/** One diagnostic of a CompileError, for the editor to draw at its line and column. */
export interface CompileErrorAt {
  file: string;
  line: number;
  col: number;
  message: string;
}

self.onmessage = (ev: MessageEvent<CompileRequest>) => {
  const { id, source, filename } = ev.data;
  const t0 = performance.now();
  let reply: CompileReply;
  try {
    const program = compile(source, { filename, loader: golibLoader });
    // The wasm engine's module too (Runnable.wasm): translating a program with
    // the library takes a tenth of a second or more, too long for the page's thread.
    reply = { id, ok: true, program: { ...program, wasm: translate(program.image) }, ms: performance.now() - t0 };
  } catch (e) {
    // A CompileError's message is its `file:line:col: message` lines; anything else is a
    // compiler bug, shown as such rather than swallowed.
    const err = e as Error;
    const isCompileError = err && err.name === 'CompileError';
    const message = isCompileError ? err.message : `compiler failure: ${err?.stack ?? String(e)}`;
    const errors = isCompileError ? ((err as unknown as { diagnostics?: CompileErrorAt[] }).diagnostics ?? []) : [];
    reply = { id, ok: false, message, ms: performance.now() - t0, errors: errors.map((d) => ({ file: d.file, line: d.line, col: d.col, message: d.message })) };
  }
  (self as unknown as Worker).postMessage(reply);
};
