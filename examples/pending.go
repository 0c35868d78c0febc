// pending.go: a read that never returns, ended from outside (golang/go#41054,
// issue 11). The client's Read has no deadline and its peer says nothing, so
// the proc that runs it sleeps in pread for good and the whole run waits:
// the page says "waiting: every proc is blocked". Press "interrupt" on that
// proc's row under "Post a note or interrupt a call" (or run `p9rt run
// --interrupt 1ms:PID examples/pending.go`): the kernel fails the pread with
// "interrupted", as 9front's ctl interrupt does, without posting a note, and
// internal/poll returns the error as Go's Plan 9 port does (i/o timeout).
// Nothing was lost: the connection still works, and the next Read gets what
// the peer writes.
package main

import (
	"fmt"
	"net"
	"os"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		os.Exit(1)
	}
	accepted := make(chan net.Conn)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			fmt.Println("accept:", err)
			os.Exit(1)
		}
		accepted <- c
	}()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println("dial:", err)
		os.Exit(1)
	}
	peer := <-accepted
	buf := make([]byte, 64)
	fmt.Println("Read waits for a peer that says nothing, with no deadline")
	n, err := conn.Read(buf)
	fmt.Printf("Read returned %d, %v\n", n, err)
	peer.Write([]byte("hello after the interrupt"))
	n, err = conn.Read(buf)
	fmt.Printf("the connection still works: %q, %v\n", buf[:n], err)
}
