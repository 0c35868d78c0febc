// An M: a worker that instantiates core.wasm over the one shared memory and
// runs a proc (docs/abi.md "Threads and instances"); when the proc's call
// sleeps detached, the worker goes back to the pool and may later run
// another proc, or resume one, on the same instance (docs/scale.md §2).
import { Sys, WasmTrap } from '../abi/defs.js';
import { serve, type StartMsg, type ResumeMsg } from './start.js';
import { Mach } from './mailbox.js';

type CoreExports = {
  __init_data?: () => void;
  malloc: (n: number) => number;
  boot: (image: number, len: number) => void;
  tstart: (mp: number) => void;
  sigtramp: (note: number, len: number) => number;
  syscallblock: () => void;
  /** A wasm trap the glue caught: prints Go's fatal error for it and exits 2. Never returns. */
  trap?: (kind: number) => void;
  /** 1: run Gs with the program module (docs/backend.md) instead of the interpreter. */
  setengine: (e: number) => void;
  /** A proc whose call slept detached goes on from its result (Mbox.RESUME). Never returns. */
  sysresume: (pid: number, kind: number) => void;
  /** Instructions interpreted on this M and not yet charged (assembly/vm/interp.ts). */
  uncharged?: WebAssembly.Global;
};

/** AssemblyScript strings: UTF-16, byte length in the u32 before the data. */
function asString(m: Mach, ptr: number): string {
  if (ptr === 0) return '';
  const u8 = m.bytes();
  const len = new Uint32Array(u8.buffer, ptr - 4, 1)[0];
  const u16 = new Uint16Array(u8.slice(ptr, ptr + len).buffer);
  let s = '';
  for (let i = 0; i < u16.length; i++) s += String.fromCharCode(u16[i]);
  return s;
}

/** The program module's entry (docs/backend.md), bound once it is instantiated after the core. */
let enterCompiled: (f: number, pc: number) => number = () => {
  throw new Error('the core entered compiled code, but the run has no program module');
};

/** The proc this worker runs now: the instance's imports go to its mailbox. */
let m!: Mach;

function imports(memory: WebAssembly.Memory): WebAssembly.Imports {
  return {
    p9rt: { enter: (f: number, pc: number) => enterCompiled(f, pc) },
    env: {
      memory,
      abort: (msg: number, file: number, line: number, col: number) =>
        m.abort(`core abort: ${asString(m, msg)} at ${asString(m, file)}:${line}:${col}`),
    },
    host: {
      syscall: (num: number, a0: bigint, a1: bigint, a2: bigint, a3: bigint, a4: bigint, a5: bigint) =>
        m.syscall(num, a0, a1, a2, a3, a4, a5),
      resumed: () => m.resumed(),
      nanotime: () => m.nanotime(),
      trace: (kind: number, a: bigint, b: bigint, c: bigint, pos: bigint) => m.trace(kind, a, b, c, pos),
      debug: (a: bigint, b: bigint) => console.error(`p9rt debug pid ${m.pid}: ${a} ${b}`),
    },
  };
}

/**
 * Which WasmTrap a trap is, from the engine's message (V8's texts; other
 * engines' unknown texts are OTHER). A RangeError for the host stack is the
 * interpreter recursing without bound.
 */
function trapKind(e: unknown): number | undefined {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return WasmTrap.STACK;
  if (!(e instanceof WebAssembly.RuntimeError)) return undefined;
  const t = e.message;
  if (/out of bounds/.test(t)) return WasmTrap.OUT_OF_BOUNDS;
  if (/divide by zero|remainder by zero/.test(t)) return WasmTrap.DIVIDE;
  if (/unreachable/.test(t)) return WasmTrap.UNREACHABLE;
  if (/float unrepresentable|integer overflow/.test(t)) return WasmTrap.CONVERSION;
  return WasmTrap.OTHER;
}

/**
 * Run the core. A wasm trap in it is a p9rt bug (docs/bytecode.md "Nil
 * checks"), but the user sees it as Go shows a runtime fault: the core's
 * trap export prints `fatal error: ...` with the goroutine's traceback and
 * exits the program with status 2. If that traps too, the throw reaches
 * serve, which aborts the run with the engine's text.
 */
function enter(core: CoreExports, run: () => void): void {
  try {
    run();
  } catch (e) {
    const kind = trapKind(e);
    if (kind === undefined || !core.trap) throw e;
    core.trap(kind);
    throw e;
  }
}

/**
 * This worker's instance of the core (and of the program module), made for
 * its first proc and kept: every per-M global is set again by tstart or
 * sysresume, so any proc can run on it.
 */
let core: CoreExports | null = null;

function instance(s: StartMsg | ResumeMsg): CoreExports {
  if (core) return core;
  if (!s.core) throw new Error('M worker started without core.wasm');
  const inst = new WebAssembly.Instance(s.core, imports(s.memory));
  const c = inst.exports as unknown as CoreExports;
  if (s.program) {
    // The wasm engine: this M's instance of the program module, over the same
    // memory, importing the core's registers and slow path.
    const x = inst.exports;
    const prog = new WebAssembly.Instance(s.program, {
      env: { memory: s.memory },
      // what it imports from "core" (src/engine/translate.ts CORE_IMPORTS), by name
      core: Object.fromEntries(
        WebAssembly.Module.imports(s.program)
          .filter((i) => i.module === 'core')
          .map((i) => [i.name, x[i.name]]),
      ),
    });
    enterCompiled = prog.exports.enter as typeof enterCompiled;
    c.setengine(1);
  }
  return (core = c);
}

/** Bind the glue of proc m to the core. */
function attach(mach: Mach, c: CoreExports): void {
  m = mach;
  // The note handler runs inside a system call of the code below, so a trap
  // in it reaches enter() too.
  m.sigtramp = (note, len) => c.sigtramp(note, len);
  m.syscallblock = () => c.syscallblock();
  const g = c.uncharged;
  if (g) {
    m.insns = () => {
      const n = g.value as bigint;
      if (n !== 0n) g.value = 0n;
      return n;
    };
  }
}

serve(
  (mach, s) => {
    const c = instance(s);
    attach(mach, c);
    // The proc's first kernel entry: returns when the kernel first runs it.
    m.syscall(Sys.PROCSTART);
    const image = s.image;
    if (image) {
      c.__init_data?.();
      const p = c.malloc(image.length);
      m.bytes().set(image, p);
      enter(c, () => c.boot(p, image.length));
    } else {
      enter(c, () => c.tstart(Number(BigInt(s.arg))));
    }
  },
  (mach, s) => {
    const c = instance(s);
    attach(mach, c);
    enter(c, () => c.sysresume(s.pid, s.kind));
  },
);
