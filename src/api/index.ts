// The library: compile a Go program, run it on the emulated Plan 9.
// docs/api.md is generated from what this file exports (tools/genapidoc.mjs).
export { compile } from '../compiler/index.js';
export type { CompileOptions, Program, PackageLoader, SourceFile } from '../compiler/index.js';
export { CompileError, CompileTimeout, type Position } from '../compiler/diag.js';
export { decodeSource } from '../compiler/scanner.js';
export { Machine, WAITING } from './machine.js';
export type { PollOption, Engine, StartOptions, StdinSource, HostNote, HostAction, Exit, NoteTarget, Runnable, TraceEvent, TraceEventKind, ProcView, PendingCall } from './machine.js';
