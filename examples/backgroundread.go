// backgroundread.go: the net/http server's background read, aborted by a
// past deadline, and the connection reused. While a handler runs, net/http
// keeps a Read pending on the connection to notice the client going away.
// When the handler is done it stops that Read with SetReadDeadline(a long
// time ago): on Plan 9 the Read sits in pread on its own proc, and the past
// deadline makes internal/poll post "hangup" to that proc at once. The proc
// ignores hangup (ignoreHangup), so only the pread is interrupted, the Read
// returns a timeout, and after clearing the deadline the next request is read
// from the same connection.
package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"time"
)

// aLongTimeAgo is net/http's: a non-zero time far in the past.
var aLongTimeAgo = time.Unix(1, 0)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		os.Exit(1)
	}
	defer ln.Close()
	accepted := make(chan net.Conn)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			fmt.Println("accept:", err)
			os.Exit(1)
		}
		accepted <- c
	}()
	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println("dial:", err)
		os.Exit(1)
	}
	defer client.Close()
	server := <-accepted

	// Request 1 arrives; the handler starts and the background read begins.
	client.Write([]byte("GET /one"))
	buf := make([]byte, 64)
	n, _ := server.Read(buf)
	fmt.Printf("request 1: %q\n", buf[:n])

	done := make(chan error)
	go func() {
		b := make([]byte, 1)
		_, err := server.Read(b) // blocks: the client sends nothing while it waits
		done <- err
	}()
	time.Sleep(20 * time.Millisecond) // the handler's work
	server.Write([]byte("200 OK"))

	// The handler is done: abort the background read.
	server.SetReadDeadline(aLongTimeAgo)
	err = <-done
	fmt.Println("background read aborted:", errors.Is(err, os.ErrDeadlineExceeded))

	// Reuse the connection for the next request.
	server.SetReadDeadline(time.Time{})
	n, _ = client.Read(buf)
	fmt.Printf("client got: %q\n", buf[:n])
	client.Write([]byte("GET /two"))
	n, err = server.Read(buf)
	fmt.Printf("request 2 on the same connection: %q, err=%v\n", buf[:n], err)
}
