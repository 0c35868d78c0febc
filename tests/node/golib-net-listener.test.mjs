// Listener.Close ends an Accept blocked in the open of the listen file, on
// both clocks, with net.ErrClosed as Go's other ports report it (a real-time
// run deadlocked: the woken listener re-tried its open before the hangup had
// marked the conversation closed, and slept again). The program also opens a
// new listener before the blocked Accept runs again, so that, in virtual
// time, it is given the closed listener's conversation: the old Accept must
// fail, not wait on (and steal calls from) the new one. Expected output:
// real Go's (the test checks it with go run when Go is installed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(join(root, 'dist/src/cli/main.js'));
const haveGo = !spawnSync('go', ['version']).error;
const dir = mkdtempSync(join(tmpdir(), 'p9rt-listener-'));
const file = join(dir, 'main.go');

const PROGRAM = `package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"
)

func describe(err error) string {
	var oe *net.OpError
	return fmt.Sprintf("op=%v closed=%v text=%v", errors.As(err, &oe) && oe.Op == "accept",
		errors.Is(err, net.ErrClosed), err != nil && strings.HasSuffix(err.Error(), ": use of closed network connection"))
}

func main() {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	done := make(chan error)
	go func() {
		_, err := l.Accept()
		done <- err
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("close:", l.Close())
	// A new listener at once, before the blocked Accept has run again: it
	// may be given the closed listener's conversation.
	l2, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	fmt.Println("blocked accept:", describe(<-done))
	_, err = l.Accept()
	fmt.Println("accept after close:", describe(err))
	fmt.Println("second close:", l.Close() != nil)

	go func() {
		c, err := net.Dial("tcp", l2.Addr().String())
		if err != nil {
			panic(err)
		}
		c.Write([]byte("hello"))
		c.Close()
	}()
	c, err := l2.Accept()
	if err != nil {
		panic(err)
	}
	b, err := io.ReadAll(c)
	fmt.Printf("new listener: %q %v\\n", b, err)
	c.Close()
	l2.Close()
}
`;

const WANT = `close: <nil>
blocked accept: op=true closed=true text=true
accept after close: op=true closed=true text=true
second close: true
new listener: "hello" <nil>
`;

writeFileSync(file, PROGRAM);
const run = (...flags) => spawnSync(process.execPath, [join(root, 'bin/p9rt.js'), 'run', ...flags, file], { cwd: root, encoding: 'utf8', timeout: 60_000 });

test('Listener.Close ends a blocked Accept with net.ErrClosed (virtual time)', (t) => {
  if (!built) return t.skip('CLI not built');
  const r = run();
  assert.equal(r.stdout, WANT, r.stderr);
  assert.equal(r.status, 0, r.stderr);
});

test('Listener.Close ends a blocked Accept with net.ErrClosed (--realtime)', (t) => {
  if (!built) return t.skip('CLI not built');
  const r = run('--realtime');
  assert.equal(r.stdout, WANT, r.stderr);
  assert.equal(r.status, 0, r.stderr);
});

test('real Go prints the same', (t) => {
  if (!haveGo) return t.skip('no Go toolchain');
  const r = spawnSync('go', ['run', file], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.stdout, WANT, r.stderr);
});
