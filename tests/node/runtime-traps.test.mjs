// Trap notes and notes that reach a proc before the runtime owns it
// (docs/plan9-notes.md §2.2, §2.4 Panic, §5 items 19-20), from Go programs on p9rt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { built, runGo } from './lib/run-go.mjs';

// A goroutine spins in a loop (its only kernel entries are safepoint ticks)
// and reports what it recovered; main starts three of them in turn.
const SPIN = `package main

import (
	"fmt"
	"time"
)

var sink int

func spin(done chan string) {
	defer func() {
		done <- fmt.Sprint(recover())
	}()
	x := 0
	for {
		x++
		sink = x
	}
}

func main() {
	done := make(chan string)
	for i := 0; i < 3; i++ {
		go spin(done)
		fmt.Println(<-done)
	}
	time.Sleep(time.Millisecond)
	fmt.Println("end")
}
`;

test('§5.20: sys: trap: notes become recoverable panics in the running goroutine', { skip: !built }, async () => {
  const notes = ['sys: trap: fault read addr=0x0', 'sys: trap: divide error', 'sys: fp: invalid operation']
    .map((text, i) => ({ at: 1 + i, target: 'main', text }));
  const r = await runGo(SPIN, { notes });
  assert.equal(r.stdout, [
    'runtime error: invalid memory address or nil pointer dereference',
    'runtime error: integer divide by zero',
    'runtime error: floating point error',
    'end', '',
  ].join('\n'), r.stderr);
  assert.equal(r.code, 0);
  assert.ok(JSON.stringify(r.trace).includes('"decision":"panic"'));
});

test('§2.4: a fault at or above 0x1000 and a bare trap throw (go sigpanic), status 2', { skip: !built }, async () => {
  let r = await runGo(SPIN, { notes: [{ at: 1, target: 'main', text: 'sys: trap: fault write addr=0x12345678' }] });
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^unexpected fault address 0x12345678\nfatal error: fault\n\ngoroutine 2 \[running\]:\nmain\.spin/);
  assert.equal(r.code, 2);
  r = await runGo(SPIN, { notes: [{ at: 1, target: 'main', text: 'sys: trap: page fault' }] });
  assert.match(r.stderr, /^fatal error: sys: trap: page fault pc=0x0+\n/);
  assert.equal(r.code, 2);
});

test('§5.19: a note that reaches a forked proc before its TLS g is set ends only that proc (badsignal2)', { skip: !built }, async () => {
  const src = `package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	r, w, _ := os.Pipe()
	go func() {
		time.Sleep(5 * time.Millisecond)
		w.Write([]byte("x"))
	}()
	b := make([]byte, 1)
	n, err := r.Read(b)
	fmt.Println(n, err)
}
`;
  const quiet = await runGo(src);
  assert.equal(quiet.stdout, '1 <nil>\n');
  const msg = 'runtime: signal received on thread not created by Go.\n';
  const r = await runGo(src, { notes: [{ at: 0, target: 2, text: 'alarm', atStart: true }], waitForHost: false });
  assert.equal(r.stderr, msg);
  const exits = r.trace.filter((e) => e.kind === 'proc.exit');
  assert.deepEqual(exits.map((e) => [e.pid, e.text]), [[2, msg]]);
  // pid 1 was not touched; it waits for a write that the dead M's P would have run.
  assert.equal(r.code, 3);
  assert.match(r.reason, /deadlock/);
});

test('Gosched lets a goroutine woken by os/signal run (one P, virtual time)', { skip: !built }, async () => {
  const src = `package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.Note("alarm"))
	for {
		select {
		case s := <-c:
			fmt.Println("got", s)
			return
		default:
		}
		runtime.Gosched()
	}
}
`;
  const r = await runGo(src, { notes: [{ at: 1, target: 'main', text: 'alarm' }], timeoutMs: 15_000 });
  assert.equal(r.stdout, 'got alarm\n', r.stderr);
  assert.equal(r.code, 0);
});
