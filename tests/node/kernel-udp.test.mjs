// The kernel's /net/udp (host/kernel/dev/udp.ts), driven through its files
// by a Go program on the real compiler and core: clone, announce/connect,
// "headers" framing (the 52-byte header of go net/udpsock_plan9.go), one
// datagram per read (the excess is lost), a connected conversation taking
// only its peer's datagrams, drops to unbound ports, ctl errors, a blocked
// read interrupted by a note consuming nothing, and Hangup after "hangup".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, p9rtRun } from './golib-lib.mjs';

const built = existsSync(join(root, 'dist/src/cli/main.js')) && existsSync(join(root, 'build/core.wasm'));

const program = String.raw`package main

import (
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func clone() (*os.File, string) {
	f, err := os.OpenFile("/net/udp/clone", os.O_RDWR, 0)
	if err != nil {
		panic(err)
	}
	b := make([]byte, 16)
	n, _ := f.Read(b)
	return f, string(b[:n])
}

func ctl(f *os.File, s string) {
	if _, err := f.Write([]byte(s)); err != nil {
		fmt.Println("ctl", s+":", err)
	}
}

func open(n, file string) *os.File {
	f, err := os.OpenFile("/net/udp/"+n+"/"+file, os.O_RDWR, 0)
	if err != nil {
		panic(err)
	}
	return f
}

func cat(n, file string) string {
	f := open(n, file)
	defer f.Close()
	b := make([]byte, 64)
	m, _ := f.Read(b)
	return string(b[:m])
}

// header shows a 52-byte Plan 9 UDP header: raddr laddr ifcaddr rport lport.
func header(b []byte) string {
	ip := func(o int) string {
		return fmt.Sprintf("%x:%d.%d.%d.%d", b[o:o+12], b[o+12], b[o+13], b[o+14], b[o+15])
	}
	return fmt.Sprintf("r=%s l=%s ifc=%s rport=%d lport=%d", ip(0), ip(16), ip(32), int(b[48])<<8|int(b[49]), int(b[50])<<8|int(b[51]))
}

func mkheader(port int) []byte {
	h := make([]byte, 52)
	h[10], h[11], h[12], h[15] = 0xff, 0xff, 127, 1
	h[48], h[49] = byte(port>>8), byte(port)
	return h
}

func main() {
	a, an := clone()
	ctl(a, "announce 127.0.0.1!7000")
	ctl(a, "headers")
	ad := open(an, "data")
	fmt.Printf("a local %q\n", cat(an, "local"))

	b, bn := clone()
	ctl(b, "connect 127.0.0.1!7000")
	bd := open(bn, "data")
	fmt.Printf("b local %q remote %q\n", cat(bn, "local"), cat(bn, "remote"))

	bd.Write([]byte("one"))
	bd.Write([]byte("twotwo"))
	buf := make([]byte, 100)
	n, err := ad.Read(buf)
	fmt.Println("a read", n, err, header(buf), string(buf[52:n]))
	n, err = ad.Read(buf[:54])
	fmt.Println("a read short", n, err, string(buf[52:n]))

	// A reply with a header reaches b without one; a datagram from a
	// stranger to b's port is not b's (b is connected to 7000).
	c, cn := clone()
	ctl(c, "announce 127.0.0.1!0")
	ctl(c, "headers")
	cd := open(cn, "data")
	bport, _ := strconv.Atoi(strings.TrimPrefix(cat(bn, "local"), "127.0.0.1!")[:5])
	cd.Write(append(mkheader(bport), []byte("stranger")...))
	ad.Write(append(mkheader(bport), []byte("reply")...))
	ad.Write(append(mkheader(9), []byte("nobody")...))
	n, err = bd.Read(buf)
	fmt.Println("b read", n, err, string(buf[:n]))

	x, _ := clone()
	ctl(x, "announce 127.0.0.1!7000")
	ctl(x, "frob")
	x.Close()

	// A note interrupts a blocked read, which consumes nothing: the
	// datagram sent after it is read whole.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.Note("alarm"))
	go func() {
		<-sig
		time.Sleep(20 * time.Millisecond)
		bd.Write([]byte("after the note"))
	}()
	n, err = ad.Read(buf)
	fmt.Println("a read interrupted", n, err)
	n, err = ad.Read(buf)
	fmt.Println("a read", n, err, string(buf[52:n]))

	ctl(a, "hangup")
	n, err = ad.Read(buf)
	fmt.Println("a read after hangup", n, err)
	_, err = ad.Write(mkheader(bport))
	fmt.Println("a write after hangup", err)
	a.Close()
	ad.Close()
	_, err = os.OpenFile("/net/udp/"+an+"/data", os.O_RDWR, 0)
	fmt.Println("reopen after last close", err)
	b.Close()
	bd.Close()
	c.Close()
	cd.Close()
}
`;

const expected = "a local \"127.0.0.1!7000\\n\"\nb local \"127.0.0.1!40000\\n\" remote \"127.0.0.1!7000\\n\"\na read 55 <nil> r=00000000000000000000ffff:127.0.0.1 l=00000000000000000000ffff:127.0.0.1 ifc=00000000000000000000ffff:127.0.0.1 rport=40000 lport=7000 one\na read short 54 <nil> tw\nb read 5 <nil> reply\nctl announce 127.0.0.1!7000: write /net/udp/clone: address in use\nctl frob: write /net/udp/clone: bad control message\na read interrupted 0 read /net/udp/0/data: interrupted\na read 66 <nil> after the note\na read after hangup 0 read /net/udp/0/data: Hangup\na write after hangup write /net/udp/0/data: Hangup\nreopen after last close open /net/udp/0/data: file does not exist\n";

test('/net/udp: framing, datagrams, filtering, errors, an interrupted read, hangup', (t) => {
  if (!built) return t.skip('not built');
  const dir = mkdtempSync(join(tmpdir(), 'p9rt-udp-'));
  const file = join(dir, 'udp.go');
  writeFileSync(file, program);
  // The note reaches pid 1 while it sleeps in the read of a's data.
  const r = p9rtRun(file, ['--note', '10ms:main:alarm']);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, expected);
});

test('/net/udp: the same run twice gives the same bytes (virtual time, one seed)', (t) => {
  if (!built) return t.skip('not built');
  const dir = mkdtempSync(join(tmpdir(), 'p9rt-udp-'));
  const file = join(dir, 'udp.go');
  writeFileSync(file, program);
  const a = p9rtRun(file, ['--note', '10ms:main:alarm', '--seed', '7']);
  const b = p9rtRun(file, ['--note', '10ms:main:alarm', '--seed', '7']);
  assert.equal(a.stdout, expected);
  assert.equal(b.stdout, a.stdout);
});
