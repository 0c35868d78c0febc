// The library: compile a Go program, run it on the emulated Plan 9.
// docs/api.md is generated from what this file exports (tools/genapidoc.mjs).
export { compile } from '../compiler/index.js';
export type { CompileOptions, Program, PackageLoader, SourceFile } from '../compiler/index.js';
export { CompileError, CompileTimeout, type Position } from '../compiler/diag.js';
export { decodeSource } from '../compiler/scanner.js';
export { Machine, WAITING, Reuse } from './machine.js';
export type { PollOption, Engine, StartOptions, StdinSource, HostNote, HostAction, Exit, NoteTarget, Runnable, TraceEvent, TraceEventKind, ProcView, PendingCall } from './machine.js';
export type { RunSchedule, Explored } from './machine.js';
// issue 15: p9rt explore (docs/explore.md)
export { explore, replay, mergeReports, classify } from '../explore/explore.js';
export type { ExploreOptions, ExploreReport, ExploreFailure, Lateness, NoteSpec, Expectation } from '../explore/explore.js';
export { parseSchedule, imageHash } from '../explore/schedule.js';
export type { ScheduleFile, FailureInfo } from '../explore/schedule.js';
