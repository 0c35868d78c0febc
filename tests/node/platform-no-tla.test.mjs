// No module of host/ may use a top-level await. Such a module is evaluated
// asynchronously, and terminating a worker while it is still being evaluated
// aborts the whole Node 20 process (V8 "Check failed: (location_) !=
// nullptr" in SourceTextModule::ExecuteAsyncModule; nodejs/node#43182). The
// kernel terminates pre-started M workers at the end of every run, some of
// them still starting: a conformance run once lost 88 programs to it. The
// platform layer loads Node's modules in platformReady() instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Positions of `await` (and `for await`) that belong to the module itself, not to a function. */
function topLevelAwaits(path) {
  const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found = [];
  const visit = (n) => {
    if (ts.isFunctionLike(n) || ts.isClassStaticBlockDeclaration(n)) return;
    if (ts.isAwaitExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier)) {
      const { line } = sf.getLineAndCharacterOfPosition(n.getStart());
      found.push(`${path.slice(root.length)}:${line + 1}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

test('the check finds a top-level await', () => {
  const p = join(root, 'tests/node/fixtures/tla-sample.ts');
  assert.deepEqual(topLevelAwaits(p).map((s) => s.split(':')[1]), ['3']);
});

test('no module the kernel and M workers load has a top-level await', () => {
  const hits = files(join(root, 'host')).flatMap(topLevelAwaits);
  assert.deepEqual(hits, []);
});
