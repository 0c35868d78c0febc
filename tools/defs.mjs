// The one way the build tools (and the tests that check them) read
// host/abi/defs.ts before tsc has run: transpile it and import the result.
// genabi.mjs, gengolib.mjs and postlink.mjs generate from what this returns.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** host/abi/defs.ts's exports, evaluated. */
export async function loadDefs() {
  const js = ts.transpileModule(readFileSync(root + 'host/abi/defs.ts', 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  return import('data:text/javascript;base64,' + Buffer.from(js).toString('base64'));
}
