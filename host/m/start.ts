// What the kernel tells a pooled M worker when it gives it a proc.
import { parent, platformReady } from '../platform/index.js';
import { Mach, ProcExit } from './mailbox.js';

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

/**
 * Wait for the kernel's start message and run the proc. `run` never returns
 * normally for a real M; ProcExit unwinds it when the kernel ends the proc, and
 * any other throw (a wasm trap, a glue bug) is reported as an abort so the run
 * ends with the reason instead of hanging.
 */
export function serve(run: (m: Mach, s: StartMsg) => void): void {
  void platformReady().then(() => listen(run));
}

function listen(run: (m: Mach, s: StartMsg) => void): void {
  const p = parent();
  let busy = false;
  p.onMessage((msg: StartMsg) => {
    if (msg.t !== 'start' || busy) return;
    busy = true;
    serveOne(run, msg);
    busy = false;
    // The M has unwound: a reused machine may give this worker the next
    // run's proc (host/kernel/recycle.ts); an ordinary run ends it instead.
    p.post({ t: 'done', pid: msg.pid });
  });
  p.post({ t: 'ready' });
}

function serveOne(run: (m: Mach, s: StartMsg) => void, msg: StartMsg): void {
  const m = new Mach(msg.memory, msg.pid, msg.ring);
  try {
    run(m, msg);
    m.abort(`pid ${msg.pid}: the proc returned without exits`);
  } catch (e) {
    if (e instanceof ProcExit) return;
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    try {
      m.abort(text);
    } catch (e2) {
      if (!(e2 instanceof ProcExit)) throw e2;
    }
  }
}
