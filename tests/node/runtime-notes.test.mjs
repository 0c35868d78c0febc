// The Go runtime's note handling, observed from Go programs on p9rt
// (docs/plan9-notes.md §2, §5 items 14-18): which notes kill, which the table's
// prefixes catch, what os/signal's queue swallows, goexitsall's "go: exit",
// and runtime sleeps surviving a flood of notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { built, runGo } from './lib/run-go.mjs';

// main sleeps while a second M is blocked in a pipe read: a note to main
// must take both procs down.
const BLOCKED = `package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	r, _, _ := os.Pipe()
	go func() {
		b := make([]byte, 1)
		r.Read(b)
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("ready")
	time.Sleep(100 * time.Millisecond)
	fmt.Println("survived")
}
`;

const traced = (r, s) => JSON.stringify(r.trace).includes(s);

test('§5.14: hangup or interrupt with no Notify ends the whole program; goexitsall posts "go: exit <note>"', { skip: !built }, async () => {
  for (const note of ['hangup', 'interrupt']) {
    const r = await runGo(BLOCKED, { notes: [{ at: 50, target: 'main', text: note }] });
    assert.equal(r.stdout, 'ready\n', note);
    assert.equal(r.exitString, note);
    assert.equal(r.code, 1);
    assert.ok(traced(r, `go: exit ${note}`), `no "go: exit ${note}" in the trace`);
  }
});

test('§5.15: prefix matching: "interrupted" and "kill me" kill, "alarm clock" is ignored', { skip: !built }, async () => {
  for (const [note, want] of [['interrupted', 'interrupted'], ['kill me', 'kill me']]) {
    const r = await runGo(BLOCKED, { notes: [{ at: 50, target: 'main', text: note }] });
    assert.equal(r.stdout, 'ready\n', note);
    assert.equal(r.exitString, want);
  }
  const r = await runGo(BLOCKED, { notes: [{ at: 50, target: 'main', text: 'alarm clock' }] });
  assert.equal(r.stdout, 'ready\nsurvived\n');
  assert.equal(r.code, 0);
});

const NOTIFIED = `package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.Note("alarm"))
	fmt.Println("notified")
	time.Sleep(100 * time.Millisecond)
	signal.Stop(c)
	fmt.Println("stopped")
	time.Sleep(100 * time.Millisecond)
	fmt.Println("survived")
}
`;

test('§5.16: after any Notify, interrupt/hangup/abort/unknown notes are queued and never kill, even after Stop', { skip: !built }, async () => {
  const notes = ['interrupt', 'hangup', 'abort', 'whatever'].map((text, i) => ({ at: 10 + 10 * i, target: 'main', text }));
  notes.push({ at: 150, target: 'main', text: 'hangup' });
  const r = await runGo(NOTIFIED, { notes });
  assert.equal(r.stdout, 'notified\nstopped\nsurvived\n', r.stderr);
  assert.equal(r.code, 0);
});

test('issue 18.2: an empty note is an unknown note: queued for os/signal with Notify, ignored without; exit is not held', { skip: !built }, async () => {
  const HUP = `package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.Note("hangup"))
	time.Sleep(50 * time.Millisecond)
	fmt.Println("main returns")
}
`;
  for (const target of ['main', 'group']) {
    const r = await runGo(HUP, { notes: [{ at: 10, target, text: '' }] });
    assert.equal(r.stdout, 'main returns\n', `${target}: ${r.stderr}`);
    assert.equal(r.code, 0, target);
    assert.ok(r.trace.some((e) => e.kind === 'note.deliver' && e.text === ''), target);
  }
  const r = await runGo(BLOCKED, { notes: [{ at: 50, target: 'main', text: '' }] });
  assert.equal(r.stdout, 'ready\nsurvived\n', r.stderr);
  assert.equal(r.code, 0);
});

test('§5.14/16: kill always kills, even with Notify', { skip: !built }, async () => {
  const r = await runGo(NOTIFIED, { notes: [{ at: 50, target: 'main', text: 'kill' }] });
  assert.equal(r.stdout, 'notified\n');
  assert.equal(r.exitString, 'kill');
});

test('§5.17: os.Exit(3) ends every proc with status "3" through "go: exit 3"', { skip: !built }, async () => {
  const src = BLOCKED.replace('fmt.Println("ready")', 'fmt.Println("ready")\n\tos.Exit(3)');
  const r = await runGo(src);
  assert.equal(r.stdout, 'ready\n');
  assert.equal(r.exitString, '3');
  assert.equal(r.code, 3);
  assert.ok(traced(r, 'go: exit 3'));
});

test("§5.18: a flood of ignored notes from t=0 (the first call) interrupts runtime sleeps, which retry: the program is unaffected", { skip: !built }, async () => {
  const src = `package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	ping, pong := make(chan int), make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for v := range ping {
			pong <- v + 1
		}
	}()
	sum := 0
	for i := 0; i < 200; i++ {
		ping <- i
		sum += <-pong
		if i%10 == 0 {
			time.Sleep(time.Millisecond)
		}
	}
	close(ping)
	wg.Wait()
	t0 := time.Now()
	time.Sleep(20 * time.Millisecond)
	fmt.Println(sum, time.Since(t0) >= 20*time.Millisecond)
}
`;
  const notes = [];
  for (let i = 0; i < 60; i++) notes.push({ at: 0.25 * i, target: 'group', text: 'alarm' });
  const quiet = await runGo(src);
  const r = await runGo(src, { notes });
  assert.equal(quiet.stdout, '20100 true\n', JSON.stringify({ ...quiet, trace: quiet.trace.length }));
  assert.equal(r.stdout, '20100 true\n', r.stderr);
  assert.equal(r.code, 0);
  assert.ok(traced(r, 'alarm'));
});
