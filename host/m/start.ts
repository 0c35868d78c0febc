// What the kernel tells a pooled M worker when it gives it a proc.
import { parent, platformReady } from '../platform/index.js';
import { Detached, Mach, ProcExit } from './mailbox.js';

export interface StartMsg {
  t: 'start';
  pid: number;
  memory: WebAssembly.Memory;
  /** core.wasm, compiled once by the kernel; null for test fixtures. */
  core: WebAssembly.Module | null;
  /** The wasm engine's program module (docs/backend.md), null with the interpreter. */
  program: WebAssembly.Module | null;
  /** pid 1: the program image; forked procs: none. */
  image: Uint8Array | null;
  /** rfork's arg (the runtime's M), for tstart. */
  arg: string;
  /** The proc's trace ring (host/abi/glue.ts TRACE_RING), null when the run is not traced. */
  ring: SharedArrayBuffer | null;
}

/** A proc whose call slept detached goes on here (host/kernel/trap.ts resume). */
export interface ResumeMsg {
  t: 'resume';
  pid: number;
  /** Where the core goes on (Resume, host/abi/defs.ts). */
  kind: number;
  memory: WebAssembly.Memory;
  core: WebAssembly.Module | null;
  program: WebAssembly.Module | null;
  ring: SharedArrayBuffer | null;
}

/**
 * Wait for the kernel's messages and run the procs they give. A worker runs
 * one proc at a time: a start, or a resume of a proc that slept detached.
 * `run` and `resume` never return normally for a real M; ProcExit unwinds
 * them when the kernel ends the proc, Detached when the proc's call sleeps
 * detached (the worker then says so and waits for the next proc), and any
 * other throw (a wasm trap, a glue bug) is reported as an abort so the run
 * ends with the reason instead of hanging.
 */
export function serve(run: (m: Mach, s: StartMsg) => void, resume?: (m: Mach, s: ResumeMsg) => void): void {
  void platformReady().then(() => listen(run, resume));
}

function listen(run: (m: Mach, s: StartMsg) => void, resume?: (m: Mach, s: ResumeMsg) => void): void {
  const p = parent();
  p.onMessage((msg: StartMsg | ResumeMsg) => {
    if (msg.t !== 'start' && (msg.t !== 'resume' || !resume)) return;
    // Either way the M has unwound and the worker may be given another proc:
    // of this run (the kernel's pool, when the proc left: 'detached') or of
    // the next run on a reused machine (host/kernel/recycle.ts).
    const left = serveOne(run, resume, msg);
    p.post({ t: left ? 'detached' : 'done', pid: msg.pid });
  });
  p.post({ t: 'ready' });
}

/**
 * Run or resume the proc; true when it left the worker (it ended, ProcExit,
 * or its call sleeps detached, Detached), false after an abort.
 */
function serveOne(run: (m: Mach, s: StartMsg) => void, resume: ((m: Mach, s: ResumeMsg) => void) | undefined, msg: StartMsg | ResumeMsg): boolean {
  const m = new Mach(msg.memory, msg.pid, msg.ring);
  try {
    if (msg.t === 'start') run(m, msg);
    else resume!(m, msg);
    m.abort(`pid ${msg.pid}: the proc returned without exits`);
  } catch (e) {
    if (e instanceof ProcExit || e instanceof Detached) return true;
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    try {
      m.abort(text);
    } catch (e2) {
      if (!(e2 instanceof ProcExit)) throw e2;
    }
  }
  return false;
}
