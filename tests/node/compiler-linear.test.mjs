// The compiler's work is linear in the program's size: nesting an expression
// or statement form N deep checks each node a bounded number of times (once,
// or twice when its function is compiled again because a variable turned out
// to need a heap cell; four for a captured variable in a literal in a literal). Checking an operand twice per nesting level made
// f(f(...f(0)...)) and func() { ... }() take time exponential in the depth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compile } from '../../dist/src/compiler/index.js';
import { ExprGen } from '../../dist/src/compiler/expr.js';

const pre = `package main

type S struct{ a int; p *S }

func (s S) M(x int) int  { return x }
func (s *S) P(x int) int { return x }
func f(x int) int        { return x + 1 }
func two(x int) (int, int) { return x, x }
func g(a, b int) int     { return a + b }

type I interface{ M(int) int }

var m = map[int]int{}
var sl = []int{1, 2, 3}
`;
const exprShapes = {
  call: (x) => `f(${x})`,
  paren: (x) => `(${x})`,
  add: (x) => `${x} + 1`,
  index: (x) => `[]int{${x}}[0]`,
  field: (x) => `(&S{a: ${x}}).a`,
  mapIndex: (x) => `m[${x}]`,
  slice: (x) => `sl[${x}:][0]`,
  conversion: (x) => `int(${x})`,
  assert: (x) => `any(${x}).(int)`,
  builtin: (x) => `len(append(sl, ${x}))`,
  method: (x) => `S{}.M(${x})`,
  ptrMethod: (x) => `(&S{}).P(${x})`,
  ifaceMethod: (x) => `I(S{}).M(${x})`,
  funcLit: (x) => `func() int { return ${x} }()`,
  capture: (x) => `func() int { v := ${x}; return func() int { return v }() }()`,
  addrOf: (x) => `*func() *int { v := ${x}; return &v }()`,
  multi: (x) => `g(two(${x}))`,
  deref: (x) => `*&[]int{${x}}[0]`,
};
const stmtShapes = {
  if: (x) => `if v > 0 {\n${x}\n}`,
  for: (x) => `for i := 0; i < 1; i++ {\n${x}\n}`,
  switch: (x) => `switch v {\ncase 1:\n${x}\n}`,
  funcLit: (x) => `func() {\n${x}\n}()`,
  defer: (x) => `defer func() {\n${x}\n}()`,
  capture: (x) => `func() {\nv++\n${x}\n}()`,
  typeSwitch: (x) => `switch any(v).(type) {\ncase int:\n${x}\n}`,
  shadow: (x) => `{\nv := v\n_ = &v\n${x}\n}`,
};

function program(shape, isExpr, depth) {
  if (isExpr) {
    let x = '1';
    for (let i = 0; i < depth; i++) x = shape(x);
    return pre + `func main() { println(${x}) }\n`;
  }
  let x = 'println(v)';
  for (let i = 0; i < depth; i++) x = shape(x);
  return pre + `func main() {\nv := 1\n${x}\n}\n`;
}

// how many times each node of x.go is checked
function checks(src) {
  const counts = new Map();
  const orig = ExprGen.prototype.exprOrType;
  ExprGen.prototype.exprOrType = function (e) {
    if (this.env.file.name === 'x.go') counts.set(e, (counts.get(e) ?? 0) + 1);
    return orig.call(this, e);
  };
  try {
    compile(src, { filename: 'x.go' });
  } finally {
    ExprGen.prototype.exprOrType = orig;
  }
  return Math.max(...counts.values());
}

for (const [isExpr, shapes] of [[true, exprShapes], [false, stmtShapes]]) {
  for (const [name, shape] of Object.entries(shapes)) {
    test(`${isExpr ? 'expression' : 'statement'} ${name} nested 40 deep: every node checked a bounded number of times`, { timeout: 60_000 }, () => {
      // twice when a function is compiled again for a heap cell; a captured
      // variable inside a function literal inside another may make it four
      // (each literal compiled again once), but never more with depth
      const at20 = checks(program(shape, isExpr, 20));
      const at40 = checks(program(shape, isExpr, 40));
      assert.ok(at40 <= 4, `${at40} checks of one node`);
      assert.equal(at40, at20, 'the count does not grow with depth');
    });
  }
}
