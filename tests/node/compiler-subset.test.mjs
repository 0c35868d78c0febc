// The edges of the Go subset (docs/language.md): what is valid Go but outside
// p9rt's subset is a compile error naming the feature; Go's type errors use
// Go's wording (go/types, Go 1.20+); every error of a file is reported; and
// no input makes the compiler crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compile, CompileError } from '../../dist/src/compiler/index.js';

const none = () => undefined;

function errors(src, loader = none) {
  try {
    compile(src, { filename: 'x.go', loader });
  } catch (e) {
    assert.ok(e instanceof CompileError, String(e && e.stack));
    assert.ok(!/internal compiler error/.test(e.message), e.message);
    return e.message;
  }
  return '';
}

const CASES = [
  ["all", "every error of a file is reported: generics, float32, complex, constant overflow, mismatched types", "package main\n\ntype Num interface{ ~int | ~float64 }\n\ntype Box[T any] struct{ v T }\n\nfunc Sum[T Num](xs []T) T { var s T; return s }\n\nfunc a() {\n\tvar f float32 = 2\n\t_ = f\n}\n\nfunc b() {\n\tc := 1 + 2i\n\t_ = c\n}\n\nfunc main() {\n\tvar u uint16 = -1\n\tq := \"s\" + 1\n\t_ = u\n}\n", "x.go:3:10: interfaces with type constraints are not supported by p9rt\nx.go:5:6: generic types are not supported by p9rt\nx.go:7:6: generic functions are not supported by p9rt\nx.go:10:8: type float32 is not supported by p9rt\nx.go:15:11: complex numbers are not supported by p9rt\nx.go:20:17: cannot use -1 (untyped int constant) as uint16 value in variable declaration (overflows)\nx.go:21:7: invalid operation: \"s\" + 1 (mismatched types untyped string and untyped int)"],
  ["types2", "Go's type errors: missing return, constant overflow, assignability, method sets, unused variables, := without new variables", "package main\n\nimport (\n)\n\ntype I interface{ M() }\ntype T struct{}\n\nfunc (t *T) M() {}\n\nfunc f() int {\n\tfor {\n\t\tbreak\n\t}\n}\n\nfunc main() {\n\tvar b uint8 = 300\n\tvar s string = 1\n\tvar i I = T{}\n\tx := 1\n\tx := 2\n\ty := 3\n\tif true {\n\t\tx := 5\n\t\t_ = x\n\t}\n\t_, _, _ = b, s, i\n}\n", "x.go:15:1: missing return\nx.go:18:16: cannot use 300 (untyped int constant) as uint8 value in variable declaration (overflows)\nx.go:19:17: cannot use 1 (untyped int constant) as string value in variable declaration\nx.go:20:12: cannot use T{} (value of type T) as I value in variable declaration: T does not implement I (method M has pointer receiver)\nx.go:21:2: declared and not used: x\nx.go:22:4: no new variables on left side of :=\nx.go:23:2: declared and not used: y"],
  ["gen", "generic functions, and no noise from their uses", "package main\n\nfunc Map[T any](x T) T { return x }\n\nfunc main() { _ = Map(1) }\n", "x.go:3:6: generic functions are not supported by p9rt"],
  ["uns", "unsafe", "package main\n\nimport \"unsafe\"\n\nfunc main() { var x int; _ = unsafe.Sizeof(x) }\n", "x.go:3:8: package unsafe is not supported by p9rt"],
  ["cgo", "cgo", "package main\n\n// int f() { return 1; }\nimport \"C\"\n\nfunc main() { _ = C.f() }\n", "x.go:4:8: cgo is not supported by p9rt"],
  ["cplx", "complex numbers", "package main\n\nfunc main() {\n\tc := complex(1, 2)\n\tvar d complex128 = 3i\n\t_ = c\n\t_ = d\n}\n", "x.go:4:7: complex numbers are not supported by p9rt\nx.go:5:8: type complex128 is not supported by p9rt\nx.go:5:21: complex numbers are not supported by p9rt"],
  ["fovf", "an untyped float constant past MaxFloat64 overflows float64 (go/types' text)", "package main\n\nconst Big = 1e308\n\nfunc main() {\n\tvar f float64 = Big * 1e308 * 10 / 100\n\t_ = f\n}\n", "x.go:6:18: cannot use Big * 1e308 * 10 / 100 (untyped float constant 1e+615) as float64 value in variable declaration (overflows)"],
  ["f32", "float32", "package main\n\nfunc main() {\n\tvar f float32 = 1.5\n\t_ = f\n}\n", "x.go:4:8: type float32 is not supported by p9rt"],
  ["pkg", "a standard package outside the subset", "package main\n\nimport \"math/big\"\n\nfunc main() { _ = big.NewInt(1) }\n", "x.go:3:8: package math/big is not supported by p9rt"],
  ["shadow", "a bare return under a shadowed named result", "package main\n\nfunc g() error { return nil }\n\nfunc f() (err error) {\n\tif true {\n\t\terr := g()\n\t\tif err != nil {\n\t\t\treturn\n\t\t}\n\t}\n\treturn nil\n}\n\nfunc main() { _ = f() }\n", "x.go:9:4: result parameter err not in scope at return"]
];

for (const [name, what, src, want] of CASES) {
  test(`${name}: ${what}`, () => assert.equal(errors(src), want));
}

test('unknown packages: not std, not a module', () => {
  assert.equal(errors('package main\n\nimport "nosuch/pkg"\n\nfunc main() { pkg.X() }\n'), 'x.go:3:8: package nosuch/pkg is not in std');
  assert.equal(errors('package main\n\nimport "github.com/a/b"\n\nfunc main() { b.X() }\n'),
    'x.go:3:8: package github.com/a/b is not supported by p9rt: a program imports only the standard packages');
  assert.equal(errors('package main\n\nimport x "encoding/json"\n\nfunc main() { x.Marshal(1) }\n'), 'x.go:3:8: package encoding/json is not supported by p9rt');
});

test('goto is in the subset', () => {
  assert.equal(errors('package main\n\nfunc main() {\n\ti := 0\nloop:\n\tif i < 3 {\n\t\ti++\n\t\tgoto loop\n\t}\n\tprintln(i)\n}\n'), '');
});

test('no input crashes the compiler: every prefix of a program is a CompileError or compiles', () => {
  const src = CASES.map((c) => c[2]).join('\n');
  for (let n = 0; n <= src.length; n += 7) {
    const cut = 'package main\n' + src.slice(0, n).replace(/package main\n/g, '');
    errors(cut);
  }
});
