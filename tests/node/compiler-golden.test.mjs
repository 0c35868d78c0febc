// Golden disassembly: the exact code of a small program (method on a pointer
// receiver, struct literal, []byte conversion, int8 wrap-around, range over a
// slice, packed byte loads, println). A change here is a change of the code
// the core runs: check it against docs/bytecode.md before updating.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compile, disassemble, readImage } from '../../dist/src/compiler/index.js';

const SRC = "package main\n\ntype T struct{ a, b int }\n\nfunc (t *T) Add(n int) int {\n\tt.a += n\n\treturn t.a + t.b\n}\n\nfunc main() {\n\tt := T{b: 2}\n\ts := []byte(\"hi\")\n\tvar x int8 = 100\n\tx += 100\n\tfor i := range s {\n\t\tprintln(i, t.Add(int(s[i])), x)\n\t}\n}\n";

const GOLDEN = "func 0 main.(*T).Add params 2 results 1 locals 2 stack 3\n     0  LINE 5\n     5  LINE 6\n    10  LOCAL 0\n    15  NILCHECK\n    16  DUP\n    17  LOAD 0\n    22  LOCAL 1\n    27  ADD\n    28  STORE 0\n    33  LINE 7\n    38  LOCAL 0\n    43  LOAD 0\n    48  LOCAL 0\n    53  LOAD 8\n    58  ADD\n    59  RET\nfunc 1 main.main params 0 results 0 locals 9 stack 3\n     0  LINE 10\n     5  LINE 11\n    10  ALLOC 16\n    15  DUP\n    16  FIELDADDR 8\n    21  CONST 2\n    30  STORE 0\n    35  SETLOCAL 0\n    40  LINE 12\n    45  STRCONST 928 ; \"hi\"\n    50  BYTESFROMSTR\n    51  SETLOCAL 1\n    56  LINE 13\n    61  CONST 100\n    70  SETLOCAL 2\n    75  LINE 14\n    80  LOCAL 2\n    85  CONST 100\n    94  ADD\n    95  EXT8S\n    96  SETLOCAL 2\n   101  LINE 15\n   106  LOCAL 1\n   111  SETLOCAL 3\n   116  LOCAL 3\n   121  LEN\n   122  SETLOCAL 4\n   127  CONST 0\n   136  SETLOCAL 5\n   141  CONST 0\n   150  SETLOCAL 7\n   155  LOCAL 5\n   160  LOCAL 4\n   165  LT\n   166  JMPIFNOT 267\n   171  LOCAL 5\n   176  SETLOCAL 7\n   181  LINE 16\n   186  LOCAL 0\n   191  LOCAL 1\n   196  LOCAL 7\n   201  INDEXADDR 1\n   206  LOAD8U 0\n   211  CALL 0 ; main.(*T).Add\n   216  SETLOCAL 8\n   221  LOCAL 7\n   226  PRINTINT\n   227  PRINTSP\n   228  LOCAL 8\n   233  PRINTINT\n   234  PRINTSP\n   235  LOCAL 2\n   240  PRINTINT\n   241  PRINTNL\n   242  LOCAL 5\n   247  CONST 1\n   256  ADD\n   257  SETLOCAL 5\n   262  JMP 155\n   267  LINE 18\n   272  RET\nfunc 2 main.init params 0 results 0 locals 0 stack 0\n     0  RET\n";

test('golden disassembly of g1.go', () => {
  const p = compile(SRC, { filename: 'g1.go', loader: () => undefined });
  assert.equal(disassemble(p.image, (n) => n.startsWith('main.')), GOLDEN);
  const img = readImage(p.image);
  assert.equal(img.funcs[img.entry].name, 'runtime.main');
  // no runtime package: no hooks
  assert.equal(img.hookFatalpanic, -1);
});

test('the entry runs package init, main.main, then exit(0)', () => {
  const p = compile(SRC, { filename: 'g1.go', loader: () => undefined });
  const text = disassemble(p.image, (n) => n === 'runtime.main');
  assert.match(text, /CALL \d+ ; main\.init\n.*CALL \d+ ; main\.main\n.*CONST 0\n.*INTRINSIC 20 ; runtime\.exit\n.*RET/s);
});

test('a captured variable lives in a heap cell, a struct variable does not need one', () => {
  const src = 'package main\n\ntype S struct{ n int }\n\nfunc main() {\n\tx := 1\n\ts := S{}\n\tf := func() { x++; s.n++ }\n\tf()\n\tprintln(x, s.n)\n}\n';
  const p = compile(src, { filename: 'c.go', loader: () => undefined });
  const main = disassemble(p.image, (n) => n === 'main.main');
  // x: ALLOC 8 cell; s: ALLOC of its block; both captured by address
  assert.match(main, /ALLOC 8\n.*DUP\n.*CONST 1\n.*STORE 0\n.*SETLOCAL 0/s);
  assert.match(main, /MAKECLOSURE \d+ 2/);
  const lit = disassemble(p.image, (n) => n === 'main.main.func1');
  assert.match(lit, /CAPTURE 0\n.*DUP\n.*LOAD 0\n.*CONST 1\n.*ADD\n.*STORE 0/s);
});

test('untyped constants are exact: folded comparisons and float bits', () => {
  const src = 'package main\n\nconst third = 1.0 / 3\n\nfunc main() {\n\tprintln(1-0.9 == 0.1, 1e300*1e300/1e300 == 1e300)\n\tvar f float64 = third\n\tvar i int8 = 127\n\tprintln(f, i+1 == -128)\n}\n';
  const p = compile(src, { filename: 'k.go', loader: () => undefined });
  const text = disassemble(p.image, (n) => n === 'main.main');
  // both comparisons fold to true at compile time
  assert.match(text, /CONST 1\n.*PRINTBOOL\n.*PRINTSP\n.*CONST 1\n.*PRINTBOOL/s);
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, 1 / 3, true);
  assert.match(text, new RegExp(`CONST ${bits.getBigInt64(0, true)}\\n`));
  // i+1 is not constant: wraps at run time with EXT8S
  assert.match(text, /ADD\n.*EXT8S\n.*CONST -128\n.*EQ/s);
});
