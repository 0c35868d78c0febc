// Helpers for the core's node tests: hand-built program images (the
// compiler's ImageBuilder, from dist/) run on the real kernel and core.wasm
// through the library's Machine. Build first: npm run build.
import { ImageBuilder, Code } from '../../dist/src/compiler/image.js';
import { Machine } from '../../dist/src/api/index.js';
import { Op, Intrinsic, Sys, TypeId, Kind } from '../../dist/host/abi/defs.js';

export { ImageBuilder, Code, Op, Intrinsic, Sys, TypeId, Kind };

/** Intrinsic id by Go name. */
export const I = (name) => {
  const id = Intrinsic[name];
  if (id === undefined) throw new Error(`no intrinsic ${name}`);
  return id;
};

/** Emit runtime.exit(code): the program ends with "" (0) or the decimal code. */
export function exit(c, code = 0) {
  c.const(code);
  c.intrinsic(I('runtime.exit'), 1, 0);
}

/** Emit a syscall through runtime.syscall (entersyscall/exitsyscall); leaves the result. */
export function syscall(c, num, args = [], raw = false) {
  c.const(num);
  for (let i = 0; i < 5; i++) {
    const a = args[i] ?? 0;
    if (typeof a === 'function') a();
    else c.const(a);
  }
  c.intrinsic(I(raw ? 'runtime.rawsyscall' : 'runtime.syscall'), 6, 1);
}

/** Emit print(string constant). */
export function prints(b, c, s) {
  c.strconst(b.str(s));
  c.op(Op.PRINTSTR);
}

/** Run an image; resolves to { exitString, code, reason, out, err, trace }. */
export async function run(image, opts = {}) {
  let out = '';
  let err = '';
  const m = await Machine.start(
    { image },
    { timeoutMs: 15000, ...opts, onStdout: (s) => (out += s), onStderr: (s) => (err += s) },
  );
  const e = await m.exited;
  return { ...e, out, err, trace: m.trace() };
}
