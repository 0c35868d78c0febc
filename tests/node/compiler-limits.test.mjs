// The compiler is total: any input ends, in time linear in its size, with a
// program or file:line:col errors. Deep nesting compiles as Go compiles it up
// to a named limit (parse.ts maxNesting); past it, the error names the limit,
// never a JavaScript stack overflow; a deadline stops compiling (CompileTimeout).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, CompileTimeout } from '../../dist/src/compiler/index.js';
import { maxNesting } from '../../dist/src/compiler/parse.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function result(src) {
  try {
    compile(src, { filename: 'x.go' });
    return '';
  } catch (e) {
    assert.equal(e.name, 'CompileError', String(e.stack));
    return e.message;
  }
}

const limitRe = new RegExp(`^x\\.go:\\d+:\\d+: nesting too deep: p9rt's compiler limit is ${maxNesting} levels`);

test('1,000 nested ifs compile', () => {
  assert.equal(result(`package main\n\nfunc main() {\n\tx := 1\n${'if x > 0 {\n'.repeat(1000)}println(x)\n${'}\n'.repeat(1000)}}\n`), '');
});

test('a 5,000-term + chain compiles', () => {
  assert.equal(result(`package main\n\nfunc main() {\n\tx := 1\n\tprintln(${Array(5000).fill('x').join(' + ')})\n}\n`), '');
});

test('5,000 && terms compile', () => {
  assert.equal(result(`package main\n\nfunc main() {\n\tx := true\n\tprintln(${Array(5000).fill('x').join(' && ')})\n}\n`), '');
});

test('10,000 nested parentheses: an error naming the limit, at the place', () => {
  const got = result(`package main\n\nfunc main() {\n\tprintln(${'('.repeat(10000)}1${')'.repeat(10000)})\n}\n`);
  assert.match(got, limitRe);
  assert.equal(got.split('\n').length, 1);
});

for (const [name, make] of [
  ['calls', (n) => `${'f('.repeat(n)}0${')'.repeat(n)}`],
  ['function literals', (n) => { let b = '0'; for (let i = 0; i < n; i++) b = `func() int { return ${b} }()`; return b; }],
  ['composite literals', (n) => `len(${'[]any{'.repeat(n)}1${'}'.repeat(n)})`],
  ['unary operators', (n) => `${'-'.repeat(0)}${'^'.repeat(n)}0`],
]) {
  test(`nested ${name}: compile below the limit, the limit's error past it`, () => {
    const prog = (n) => `package main\n\nfunc f(x int) int { return x }\n\nfunc main() {\n\tprintln(${make(n)})\n}\n`;
    assert.equal(result(prog(200)), '');
    assert.match(result(prog(20000)), limitRe);
  });
}

test('invalid recursive types are errors, not stack overflows', () => {
  assert.equal(result('package main\n\ntype T struct{ a [2]T }\n\nfunc main() {}\n'), 'x.go:3:6: invalid recursive type: T refers to itself');
  assert.equal(result('package main\n\ntype P *P\ntype L struct{ next *L; s []L; m map[int]L; f func(L) L }\n\nfunc main() { var p P; var l L; _, _ = p, l }\n'), '');
});

test('a byte-order mark at the start is accepted, elsewhere it is an error', () => {
  assert.equal(result('\ufeffpackage main\n\nfunc main() {}\n'), '');
  assert.equal(result('package main\n\nfunc main() {}\ufeff\n'), 'x.go:3:15: invalid BOM in the middle of the file');
});

test('compile stops with CompileTimeout past its deadline', () => {
  assert.throws(() => compile('package main\n\nfunc main() { println(1) }\n', { filename: 'x.go', deadline: Date.now() - 1 }), CompileTimeout);
});
