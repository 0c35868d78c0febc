// The library: compile a Go program, run it on the emulated Plan 9.
export { compile } from '../compiler/index.js';
export { CompileError } from '../compiler/diag.js';
export { Machine } from './machine.js';
export type { PollOption, Engine, StartOptions, Exit, NoteTarget, Runnable, TraceEvent, ProcView } from './machine.js';
