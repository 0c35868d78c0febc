// Compile errors: Go's wording (go/types, Go 1.20+), at file:line:col, and
// never a crash. Each case is a program and the exact diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compile, CompileError } from '../../dist/src/compiler/index.js';

const none = () => undefined;

function errors(src, loader = none) {
  try {
    compile(src, { filename: 'x.go', loader });
  } catch (e) {
    assert.ok(e instanceof CompileError, String(e && e.stack));
    assert.equal(e.message, e.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).join('\n'));
    return e.message;
  }
  return '';
}

const cases = [
  ['unused variable and undefined name', `package main

func main() {
	x := 1
	y = 2
}
`, `x.go:4:2: declared and not used: x
x.go:5:2: undefined: y`],
  ['unused import', `package main

import "fmt"

func main() {}
`, `x.go:3:8: "fmt" imported and not used`, (p) => (p === 'fmt' ? [{ name: 'fmt/p.go', source: 'package fmt\nfunc Println(a ...any) {}\n' }] : undefined)],
  ['unknown package', `package main

import "nosuch/pkg"

func main() {}
`, `x.go:3:8: package nosuch/pkg is not in std`],
  // Go's rule for internal packages: a program is not rooted at their parent
  // (the text and position are go build's); p9rt's own switches are in p9rt/...
  ['internal package', `package main

import (
	"internal/itoa"
	"internal/poll"
)

func main() { _ = poll.ErrNetClosing; _ = itoa.Itoa(1) }
`, `x.go:4:2: use of internal package internal/itoa not allowed
x.go:5:2: use of internal package internal/poll not allowed`, (p) => [{ name: `${p}/p.go`, source: `package ${p.split('/').pop()}\nvar ErrNetClosing error\nfunc Itoa(int) string { return "" }\n` }]],
  ['assignability and constants', `package main

func main() {
	var s string = 2
	var b int8 = 300
	var f float64 = "x"
	_, _, _ = s, b, f
}
`, `x.go:4:17: cannot use 2 (untyped int constant) as string value in variable declaration
x.go:5:15: cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)
x.go:6:18: cannot use "x" (untyped string constant) as float64 value in variable declaration`],
  ['interface satisfaction', `package main

type I interface{ M() }
type T struct{}

func (t *T) M() {}

type U struct{}

func main() {
	var i I = T{}
	var j I = U{}
	_, _ = i, j
}
`, `x.go:11:12: cannot use T{} (value of type T) as I value in variable declaration: T does not implement I (method M has pointer receiver)
x.go:12:12: cannot use U{} (value of type U) as I value in variable declaration: U does not implement I (missing method M)`],
  ['redeclaration and :=', `package main

func main() {
	a := 1
	a := 2
	var a int
	_ = a
}
`, `x.go:5:4: no new variables on left side of :=
x.go:6:6: a redeclared in this block`],
  ['mismatched operands and calls', `package main

func f(a int, b string) int { return a }

func main() {
	x := 1 + "a"
	y := f(1)
	z := f(1, "b", 3)
	_, _, _ = x, y, z
}
`, `x.go:6:7: invalid operation: 1 + "a" (mismatched types untyped int and untyped string)
x.go:7:10: not enough arguments in call to f
	have (number)
	want (int, string)
x.go:8:17: too many arguments in call to f
	have (number, string, number)
	want (int, string)`],
  ['missing return and multi-value', `package main

func two() (int, int) { return 1, 2 }

func g() int {
	for i := 0; i < 3; i++ {
		return i
	}
}

func main() {
	x := two()
	_ = x
}
`, `x.go:9:1: missing return
x.go:12:7: assignment mismatch: 1 variable but two() returns 2 values`],
  ['generics are outside the subset', `package main

func Map[T any](x T) T { return x }

func main() {}
`, `x.go:3:6: generic functions are not supported by p9rt`],
  ['syntax error', `package main

func main() {
	x := (1 +
}
`, null],
  ['fields, methods and nil', `package main

type T struct{ a int }

func main() {
	var t T
	t.b = 1
	t.m()
	var p *int = nil
	var n int = nil
	_, _ = p, n
}
`, `x.go:7:4: t.b undefined (type T has no field or method b)
x.go:8:4: t.m undefined (type T has no field or method m)
x.go:10:14: cannot use nil (untyped nil) as int value in variable declaration`],
  ['bodyless function without an intrinsic', `package main

func nothing()

func main() { nothing() }
`, `x.go:3:6: missing function body (no p9rt intrinsic main.nothing)`],
];

for (const [name, src, want, loader] of cases) {
  test(name, () => {
    const got = errors(src, loader);
    if (want === null) {
      assert.match(got, /^x\.go:\d+:\d+: syntax error/);
      return;
    }
    assert.equal(got, want);
  });
}

test('a program without errors compiles', () => {
  assert.equal(errors('package main\n\nfunc main() { println("hi") }\n'), '');
});
