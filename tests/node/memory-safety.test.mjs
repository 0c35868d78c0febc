// The memory-safety invariant (docs/bytecode.md "Nil checks"): no guest
// program, however written, reads or writes shared memory outside its own
// heap objects and stacks. Hostile programs try nil pointers at every
// offset, indexes and slices past their bounds, sizes that wrap 32 bits and
// zero-size elements; each attempt must end in Go's panic or fatal error
// before it touches memory, the runtime and the kernel must go on working,
// and canary objects beside the targets must be intact. Where Go runs the
// program the same way on any machine, its output is the expectation (live,
// with the installed go). A wasm trap, should one happen, is shown as Go's
// fatal error, never a JavaScript error. Build first: npm run build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { built, root, runGo } from './lib/run-go.mjs';
import { ImageBuilder, Code, Op, run } from './core-lib.mjs';

const haveGo = !spawnSync('go', ['version']).error;
const hostile = (f) => join(root, 'tests/node/fixtures/hostile', f);
const JS_ERROR = /RuntimeError|RangeError|TypeError|wasm-function|at .*\.js:\d+/;

function goRun(file, args = []) {
  const g = spawnSync('go', ['run', file, ...args], { encoding: 'utf8', timeout: 300_000 });
  if (g.error) throw g.error;
  return g;
}

test('attacks.go: every hostile access panics as in Go; runtime, kernel and canaries intact', { skip: !built }, async () => {
  const src = readFileSync(hostile('attacks.go'), 'utf8');
  const r = await runGo(src, {}, 'attacks.go');
  assert.doesNotMatch(r.stderr, JS_ERROR);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^small offset write: runtime error: invalid memory address or nil pointer dereference$/m);
  assert.match(r.stdout, /^128 MiB offset write: runtime error: invalid memory address or nil pointer dereference$/m);
  assert.match(r.stdout, /^canaries intact: true 203$/m);
  if (haveGo) {
    const g = goRun(hostile('attacks.go'));
    assert.equal(g.status, 0, g.stderr);
    assert.equal(r.stdout, g.stdout);
  }
});

// Go allocates these on a machine with the memory; p9rt's heap is at most
// 1 GiB, so its answer is Go's out-of-memory fatal error, naming the limit.
for (const form of ['new', 'local', 'literal', 'struct', 'make', 'make-wrap', 'bytes', 'chan']) {
  test(`sizes.go ${form}: a type or make past 2^32 bytes is out of memory, never a wrapped size`, { skip: !built }, async () => {
    const r = await runGo(readFileSync(hostile('sizes.go'), 'utf8'), { args: [form] }, 'sizes.go');
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^v before 1 2\nruntime: out of memory: cannot allocate (\d+-byte block|a block of 2147483647 bytes or more)\nruntime: the heap is limited to 1024 MiB \(--max-memory; [^\n]*\)\nfatal error: out of memory\n\ngoroutine 1 \[running\]:\nmain\.main\(\)\n/);
    assert.doesNotMatch(r.stderr, /v after/);
    assert.doesNotMatch(r.stderr, JS_ERROR);
    assert.equal(r.code, 2);
  });
}

// Go's compile errors for types past its 2^50-byte limit and globals past
// 2e9 bytes; p9rt must reject the same programs with the same messages.
const TOO_LARGE = {
  'type.go': 'package main\n\ntype Big [1 << 62]int64\n\nfunc main() {\n\tvar p *Big\n\tprintln(p == nil)\n}\n',
  'local.go': 'package main\n\nfunc main() {\n\tvar p *[1 << 61]int32\n\tprintln(p == nil)\n}\n',
  'global.go': 'package main\n\nvar a [1 << 40]byte\n\nfunc main() {\n\tprintln(len(a))\n}\n',
  'global2.go': 'package main\n\nvar a [1 << 31]byte\n\nfunc main() {\n\tprintln(len(a))\n}\n',
  'slicelit.go': 'package main\n\nfunc main() {\n\ts := []byte{1 << 60: 1}\n\tprintln(len(s))\n}\n',
  'arraylit.go': 'package main\n\nfunc main() {\n\ts := [...]int32{1 << 59: 1}\n\tprintln(len(s))\n}\n',
};
const compileErrors = (text) => text.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l)).map((l) => l.replace(/^\S+:\d+:\d+: /, ''));

for (const [name, src] of Object.entries(TOO_LARGE)) {
  test(`${name}: rejected as Go rejects it (too large)`, { skip: !built }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'p9rt-sizes-'));
    const file = join(dir, name);
    writeFileSync(file, src);
    const r = spawnSync(process.execPath, [join(root, 'bin/p9rt.js'), 'run', file], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 2, r.stdout + r.stderr);
    const ours = compileErrors(r.stderr);
    assert.equal(ours.length, 1, r.stderr);
    assert.match(ours[0], /larger than address space|symbol too large/);
    if (haveGo) {
      const g = spawnSync('go', ['build', '-o', join(dir, 'bin'), file], { encoding: 'utf8', timeout: 300_000 });
      assert.notEqual(g.status, 0);
      assert.deepEqual(ours, compileErrors(g.stderr));
    }
  });
}

// p9rt's one limit here: slice lengths are 32-bit, which only zero-size
// elements can reach (anything else runs out of memory first). Past it,
// make and append answer as Go does for a length out of range.
test('zero-size elements: past 2^31-1, make and append panic with Go\'s texts', { skip: !built }, async () => {
  const src = `package main

import "fmt"

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	n := 1 << 40
	try(func() { _ = make([]struct{}, n) })
	try(func() { _ = make([]struct{}, 0, n) })
	try(func() {
		z := make([]struct{}, 1<<30)
		z = append(z, z...)
	})
	try(func() {
		z := make([]struct{}, 1<<31-1)
		z = append(z, struct{}{})
	})
	z := make([]struct{}, 1<<31-1)
	fmt.Println(len(z), z[1<<31-2])
}
`;
  const r = await runGo(src);
  assert.equal(r.stdout, [
    'runtime error: makeslice: len out of range',
    'runtime error: makeslice: cap out of range',
    'runtime error: growslice: cap out of range',
    'runtime error: growslice: cap out of range',
    '2147483647 {}', '',
  ].join('\n'), r.stderr);
  assert.equal(r.code, 0);
});

// A literal's length is known when compiling: past p9rt's 32-bit lengths it is
// refused there, naming the limit (it was saturated: len said 2147483647).
test('a slice or [...] literal longer than 2^31-1 is a compile error naming the limit', { skip: !built }, async () => {
  for (const [lit, n] of [['[]struct{}{1 << 40: {}}', 1099511627777n], ['[...]struct{}{1 << 31: {}}', 2147483649n], ['[]byte{1<<31 - 1: 1}', 2147483648n]]) {
    const src = `package main\n\nfunc main() {\n\ts := ${lit}\n\tprintln(len(s))\n}\n`;
    const dir = mkdtempSync(join(tmpdir(), 'p9rt-lit-'));
    writeFileSync(join(dir, 'lit.go'), src);
    const r = spawnSync(process.execPath, [join(root, 'bin/p9rt.js'), 'run', join(dir, 'lit.go')], { encoding: 'utf8', timeout: 60_000 });
    const kind = lit.startsWith('[]') ? 'slice' : 'array';
    assert.equal(r.stderr, `${join(dir, 'lit.go')}:4:7: ${kind} literal of length ${n} is not supported by p9rt (at most 2147483647)\n`);
    assert.equal(r.status, 2);
  }
});

// The compiler saturates sizes past 2^31-1 (docs/bytecode.md), so an object
// of such a type must never be made: under --max-memory 4GiB the heap could
// give a 2 GiB block, and the type's far elements would lie past its end.
test('under --max-memory 4GiB, a type of 2 GiB or more is still out of memory', { skip: !built }, async () => {
  const src = `package main

type Big [1<<31 + 1<<24]byte

var v = []int64{1, 2}

func main() {
	p := new(Big)
	for i := 0; i < 1<<24; i += 4096 {
		p[1<<31+i] = 0x41
	}
	println("v after", v[0], v[1])
}
`;
  const r = await runGo(src, { maxMemory: 4 * 2 ** 30 });
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^runtime: out of memory: cannot allocate a block of 2147483647 bytes or more\nruntime: the heap is limited to 4096 MiB \(--max-memory\)\nfatal error: out of memory\n/);
  assert.doesNotMatch(r.stderr, JS_ERROR);
  assert.equal(r.code, 2);
});

// A wasm trap cannot come from a Go program (that is the invariant), so a
// hand-built image makes one: a load from an address past the memory.
test('a wasm trap in the core is Go\'s fatal error with a traceback, exit 2, not a JavaScript error', { skip: !built }, async () => {
  const b = new ImageBuilder();
  const main = b.declareFunc('main.main', 'trap.go');
  const c = new Code();
  c.line(7);
  c.const(0xfff00000);
  c.op(Op.LOAD, [0]);
  c.op(Op.DROP);
  c.op(Op.RET, [], 0, 0);
  b.defineFunc(main, { code: c, nparams: 0, nresults: 0, nlocals: 0 });
  b.entry = main;
  const r = await run(b.build());
  assert.match(r.err, /^fatal error: unexpected fault: wasm trap: memory access out of bounds \(a p9rt bug\)\n\ngoroutine 1 \[running\]:\nmain\.main\(\)\n\ttrap\.go:7\n/);
  assert.doesNotMatch(r.err, JS_ERROR);
  assert.equal(r.code, 2);
});
