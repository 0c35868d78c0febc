// Running a Go program on p9rt from a test: the real compiler and
// core.wasm through the library API, output and trace collected.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../..', import.meta.url));
/** Whether dist/ and build/core.wasm are there; tests skip without them. */
export const built = existsSync(root + 'build/core.wasm') && existsSync(root + 'dist/src/api/index.js');
const api = built ? await import(root + 'dist/src/api/index.js') : null;

/** Compile and run source; the exit, stdout, stderr and trace events. */
export async function runGo(source, opts = {}, filename = 'prog.go') {
  const program = api.compile(source, { filename });
  let stdout = '';
  let stderr = '';
  const m = await api.Machine.start(program, {
    timeoutMs: 30_000,
    ...opts,
    onStdout: (s) => (stdout += s),
    onStderr: (s) => (stderr += s),
  });
  const x = await m.exited;
  return { ...x, stdout, stderr, trace: m.trace(), threads: m.threads };
}

/** runGo on tests/node/fixtures/<file>. */
export function runFixture(file, opts = {}) {
  return runGo(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'), opts, file);
}
