// deadline.go: a read deadline interrupts a blocked Read, and the connection
// stays usable. On Plan 9 the Read runs on its own proc (an M) that ignores the
// "hangup" note; when the deadline timer fires, internal/poll posts "hangup" to
// that proc, the kernel interrupts its pread with "interrupted", and Read
// returns os.ErrDeadlineExceeded. Clearing the deadline lets the next Read wait
// for the peer's data. Prints the same on p9rt and on real Go.
package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		os.Exit(1)
	}
	defer ln.Close()

	go func() {
		c, err := ln.Accept()
		if err != nil {
			fmt.Println("accept:", err)
			return
		}
		time.Sleep(300 * time.Millisecond)
		c.Write([]byte("hello after 300ms"))
	}()

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println("dial:", err)
		os.Exit(1)
	}
	defer conn.Close()

	conn.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	buf := make([]byte, 64)
	start := time.Now()
	n, err := conn.Read(buf)
	elapsed := time.Since(start)
	ne, isNetErr := err.(net.Error)
	fmt.Println("read returned", n, "bytes")
	fmt.Println("deadline exceeded:", errors.Is(err, os.ErrDeadlineExceeded))
	fmt.Println("net.Error with Timeout():", isNetErr && ne.Timeout())
	fmt.Println("waited at least 50ms:", elapsed >= 50*time.Millisecond)
	fmt.Println("returned well before the peer wrote:", elapsed < 250*time.Millisecond)

	conn.SetReadDeadline(time.Time{})
	n, err = conn.Read(buf)
	fmt.Printf("after clearing the deadline: %q, err=%v\n", buf[:n], err)
}
