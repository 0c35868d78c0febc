// The M glue with the real core.wasm: pid 1's worker instantiates the core,
// copies a (hand-built) image and boots it; output and the exit string come
// back through the kernel. Skipped when the core or the image builder is not built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ready = existsSync(root + 'build/core.wasm') && existsSync(root + 'dist/src/compiler/image.js');

async function image(code) {
  const { ImageBuilder, Code } = await import('../../dist/src/compiler/image.js');
  const { Op, Intrinsic } = await import('../../dist/host/abi/defs.js');
  const b = new ImageBuilder();
  const main = b.declareFunc('main.main', 'x.go');
  const c = new Code();
  c.line(1);
  c.strconst(b.str('hello from the core\n'));
  c.op(Op.PRINTSTR);
  c.const(code);
  c.intrinsic(Intrinsic['runtime.exit'], 1, 0);
  c.op(Op.RET, [], 0, 0);
  b.defineFunc(main, { code: c, nparams: 0, nresults: 0, nlocals: 0 });
  b.entry = main;
  return b.build();
}

for (const [code, exitString] of [[0, ''], [3, '3']]) {
  test(`core.wasm boots an image, prints, and exits with "${exitString}"`, async (t) => {
    if (!ready) return t.skip('build/core.wasm or the compiler is not built');
    const { Machine } = await import('../../dist/src/api/machine.js');
    let stderr = '';
    const m = await Machine.start({ image: await image(code), filename: 'x.go' }, { onStderr: (s) => (stderr += s), timeoutMs: 15000 });
    const x = await m.exited;
    assert.equal(stderr, 'hello from the core\n');
    assert.deepEqual(x, { exitString, code, reason: 'pid 1 exited' });
  });
}
