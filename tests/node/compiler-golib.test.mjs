// Every package of src/golib compiles with the default (Node) loader, and so
// do the two walking-slice examples; the images have an entry and both hooks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, CompileError } from '../../dist/src/compiler/index.js';
import { readImage } from '../../dist/src/compiler/disasm.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const golib = root + 'src/golib/';

function packages(dir = '') {
  const out = [];
  for (const name of readdirSync(golib + dir)) {
    const p = dir ? `${dir}/${name}` : name;
    if (!statSync(golib + p).isDirectory()) continue;
    if (readdirSync(golib + p).some((f) => f.endsWith('.go') && !f.endsWith('_test.go'))) out.push(p);
    out.push(...packages(p));
  }
  return out;
}

function compileOrFail(src, filename) {
  try {
    return compile(src, { filename });
  } catch (e) {
    if (e instanceof CompileError) assert.fail(`${filename}:\n${e.message}`);
    throw e;
  }
}

test('every golib package compiles', () => {
  const pkgs = packages();
  assert.ok(pkgs.includes('runtime') && pkgs.includes('fmt'), pkgs.join(' '));
  // internal packages are not a program's to import (Go's rule); the others reach them
  const src = 'package main\n\nimport (\n' + pkgs.filter((p) => !/(^|\/)internal(\/|$)/.test(p)).map((p) => `\t_ "${p}"\n`).join('') + ')\n\nfunc main() {}\n';
  const prog = compileOrFail(src, 'all.go');
  for (const p of pkgs) assert.ok(prog.packages.includes(p), `${p} not in ${prog.packages}`);
  assert.equal(prog.packages[0], 'runtime');
  assert.equal(prog.packages.at(-1), 'main');
});

for (const ex of readdirSync(root + 'examples').filter((f) => f.endsWith('.go'))) {
  test(`examples/${ex} compiles to an image with entry and hooks`, () => {
    const file = root + 'examples/' + ex;
    assert.ok(existsSync(file));
    const prog = compileOrFail(readFileSync(file, 'utf8'), ex);
    const img = readImage(prog.image);
    assert.equal(img.funcs[img.entry].name, 'runtime.main');
    assert.equal(img.funcs[img.hookFatalpanic].name, 'runtime.fatalpanic');
    assert.equal(img.funcs[img.hookPanicRuntime].name, 'runtime.panicRuntime');
    assert.ok(img.funcs.some((f) => f.name === 'main.main'));
    // %T names as Go prints them
    assert.ok(img.types.some((t) => t.name === '*net.OpError') || ex !== 'deadline.go');
  });
}
