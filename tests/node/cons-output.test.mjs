// Output through the console ring (host/abi/defs.ts ConsRing, issue 18.6):
// writes to the run's stdout and stderr are records in shared memory, not
// system calls. Nothing may be lost or reordered: across stdout and stderr,
// among fmt, os.File, syscall and the print builtins, goroutines, writes
// longer than a record, more than the ring holds between two kernel
// entries, and fd tables that change under the ring (dup, close, open).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { built, root } from './lib/run-go.mjs';

const api = built ? await import(join(root, 'dist/src/api/index.js')) : null;
const haveGo = !spawnSync('go', ['version']).error;
const orderGo = join(root, 'tests/node/fixtures/cons-order.go');

/** Run source; stdout, stderr, and both as one sequence of [stream, text] in the order the host got them. */
async function run(source, opts = {}) {
  const program = api.compile(source, { filename: 'prog.go' });
  const seq = [];
  let stdout = '';
  let stderr = '';
  const m = await api.Machine.start(program, {
    timeoutMs: 120_000,
    ...opts,
    onStdout: (s) => { stdout += s; seq.push(['out', s]); },
    onStderr: (s) => { stderr += s; seq.push(['err', s]); },
  });
  const x = await m.exited;
  return { ...x, stdout, stderr, seq, trace: m.trace() };
}

/** The numbered lines of a run, stdout and stderr merged in the order the host got them. */
function numbered(seq) {
  const text = { out: '', err: '' };
  const order = [];
  for (const [s, t] of seq) {
    text[s] += t;
    const lines = text[s].split('\n');
    text[s] = lines.pop();
    for (const l of lines) {
      const m = /^(\d+) /.exec(l);
      if (m) order.push(Number(m[1]));
    }
  }
  return order;
}

test('stdout and stderr keep their order across every way of writing', { skip: !built }, async () => {
  const r = await run(readFileSync(orderGo, 'utf8'));
  assert.equal(r.code, 2, r.stderr.slice(-500));
  const order = numbered(r.seq);
  assert.equal(order.length, 20000); // and 20001, the panic
  for (let i = 0; i < order.length; i++) assert.equal(order[i], i + 1, `line ${i + 1} came as ${order[i]}`);
  assert.match(r.stderr, /\npanic: 20001 the end\n\ngoroutine 1 \[running\]:\n/);
  if (haveGo) {
    const g = spawnSync('go', ['run', orderGo], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 300_000 });
    assert.equal(r.stdout, g.stdout);
    const head = (s) => s.slice(0, s.indexOf('\ngoroutine 1 [running]:'));
    assert.equal(head(r.stderr), head(g.stderr));
  }
});

test('a traced run makes every write a call, with the same output', { skip: !built }, async () => {
  const src = 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tfor i := 0; i < 5; i++ {\n\t\tfmt.Println("out", i)\n\t\tfmt.Fprintln(os.Stderr, "err", i)\n\t}\n}\n';
  const plain = await run(src, { trace: false });
  const traced = await run(src, { trace: true });
  assert.deepEqual(numbered(traced.seq), numbered(plain.seq));
  assert.equal(traced.stdout, plain.stdout);
  assert.equal(traced.stdout, [0, 1, 2, 3, 4].map((i) => `out ${i}\n`).join(''));
  const writes = traced.trace.filter((e) => e.kind === 'sys.enter' && e.sys === 'pwrite');
  assert.equal(writes.length, 10);
});

test('100,000 lines, most of them between two kernel entries, arrive whole and in order', { skip: !built }, async () => {
  const src = 'package main\n\nimport "os"\n\nfunc main() {\n\tb := []byte("0123456789abcdef\\n")\n\tfor i := 0; i < 100000; i++ {\n\t\tb[0] = byte(\'0\' + i%10)\n\t\tos.Stdout.Write(b)\n\t}\n}\n';
  const r = await run(src);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.length, 100000 * 17);
  const lines = r.stdout.split('\n');
  for (let i = 0; i < 100000; i++) assert.equal(lines[i][0], String(i % 10));
});

// Plan 9's fd calls (syscall.Dup(old, new), Close, Open of /dev/cons) change
// which fds the ring may take; the kernel tells every proc sharing the table.
test('an fd table that changes moves writes between the ring, the call and the error', { skip: !built }, async () => {
  const src = `package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	fmt.Println("1 to stdout")
	syscall.Dup(2, 1) // fd 1 is now stderr's
	fmt.Println("2 to stderr through fd 1")
	syscall.Close(1)
	_, err := syscall.Write(1, []byte("never\\n"))
	fmt.Fprintln(os.Stderr, "3 closed:", err)
	fd, err := syscall.Open("/dev/cons", syscall.O_WRONLY)
	fmt.Fprintln(os.Stderr, "4 reopened:", fd, err)
	syscall.Write(fd, []byte("5 to stdout again\\n"))
	done := make(chan bool)
	go func() {
		syscall.Write(fd, []byte("6 from a goroutine\\n"))
		done <- true
	}()
	<-done
}
`;
  const r = await run(src);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(numbered(r.seq), [1, 2, 3, 4, 5, 6]);
  assert.equal(r.stdout, '1 to stdout\n5 to stdout again\n6 from a goroutine\n');
  assert.equal(r.stderr, '2 to stderr through fd 1\n3 closed: fd out of range or not open\n4 reopened: 1 <nil>\n');
});
