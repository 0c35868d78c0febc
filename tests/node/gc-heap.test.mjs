// The garbage-collected heap (assembly/runtime/malloc.ts, mheap.ts, mgc.ts):
// bounded memory under a 10 MiB live set, Go's out-of-memory message, the
// same output with and without the collector, and the roots a collection
// must not miss (parked goroutines, channel buffers, timers' closures,
// globals, a buffer a blocked read is filling). Build first: npm run build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { p9rtRun, root } from './golib-lib.mjs';

const bench = (f) => join(root, 'bench', f);

test('1 GiB allocated while 10 MiB stay live runs in bounded memory', () => {
  const r = p9rtRun(bench('gc-live.go'), [], ['1024']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /allocated 1024 MiB keeping 10 MiB live/);
  const m = /heap: max (\d+) MiB held, (\d+) MiB reached, (\d+) collections/.exec(r.stdout);
  assert.ok(m, r.stdout);
  assert.ok(Number(m[1]) <= 48, `heap held ${m[1]} MiB`);
  assert.ok(Number(m[2]) <= 64, `heap reached ${m[2]} MiB`);
  assert.ok(Number(m[3]) >= 10, `${m[3]} collections`);
});

test('with the collector off the same program dies with fatal error: out of memory', () => {
  const r = p9rtRun(bench('gc-live.go'), [], ['2048', 'off']);
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /fatal error: out of memory/);
  assert.match(r.stderr, /the heap is limited to 1024 MiB \(--max-memory/);
  assert.doesNotMatch(r.stderr, /RuntimeError|unreachable|wasm/);
});

test('an allocation-heavy program prints the same with and without the collector', () => {
  const on = p9rtRun(bench('gc-churn.go'));
  const off = p9rtRun(bench('gc-churn.go'), [], ['off']);
  assert.equal(on.status, 0, on.stderr);
  assert.equal(off.status, 0, off.stderr);
  assert.match(on.stdout, /^checksum \d+\n$/);
  assert.equal(on.stdout, off.stdout);
  const n = Number(/(\d+) collections/.exec(on.stderr)?.[1]);
  assert.ok(n > 0, on.stderr);
  assert.match(off.stderr, / 0 collections/);
});

const roots = `package main

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

var global []byte

func fill(n int, v byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = v
	}
	return b
}

func ok(b []byte, v byte) bool {
	for _, x := range b {
		if x != v {
			return false
		}
	}
	return true
}

func garbage() {
	for i := 0; i < 300; i++ {
		_ = make([]byte, 64<<10)
		_ = &struct{ a, b, c int }{i, i, i}
	}
	runtime.GC()
}

func main() {
	var ms runtime.MemStats
	global = fill(1<<20, 7)
	// a value only in a parked goroutine's frame
	ready := make(chan bool)
	done := make(chan bool)
	go func() {
		mine := fill(1<<20, 9)
		ready <- true
		<-ready
		done <- ok(mine, 9)
	}()
	<-ready
	// a value only in a channel's buffer
	buffered := make(chan []byte, 1)
	buffered <- fill(1<<20, 11)
	// a value only in a timer's closure
	fired := make(chan bool, 1)
	held := fill(1<<20, 13)
	time.AfterFunc(50*time.Millisecond, func() { fired <- ok(held, 13) })
	held = nil
	// a buffer a blocked read is filling
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	got := make(chan bool)
	go func() {
		buf := make([]byte, 4096)
		n, _ := r.Read(buf)
		got <- n == 5 && string(buf[:5]) == "hello"
	}()
	time.Sleep(10 * time.Millisecond)
	// garbage, collected: of the 19 MiB garbage() drops, less than 8 MiB is
	// still counted after its collection (signed: a heap that grew must not
	// wrap into a large "freed")
	runtime.ReadMemStats(&ms)
	before := int64(ms.HeapAlloc)
	garbage()
	runtime.ReadMemStats(&ms)
	fmt.Println("garbage freed:", int64(ms.HeapAlloc)-before < 8<<20, "gc ran:", ms.NumGC >= 1)
	garbage()
	w.Write([]byte("hello"))
	fmt.Println("read into a buffer kept:", <-got)
	ready <- true
	fmt.Println("parked goroutine's value kept:", <-done)
	fmt.Println("channel buffer kept:", ok(<-buffered, 11))
	fmt.Println("timer closure kept:", <-fired)
	fmt.Println("global kept:", ok(global, 7))
}
`;

test('a collection keeps what parked goroutines, channels, timers, globals and reads in flight hold', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gc-'));
  const f = join(dir, 'roots.go');
  writeFileSync(f, roots);
  const r = p9rtRun(f);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, [
    'garbage freed: true gc ran: true',
    'read into a buffer kept: true',
    "parked goroutine's value kept: true",
    'channel buffer kept: true',
    'timer closure kept: true',
    'global kept: true',
    '',
  ].join('\n'));
});
