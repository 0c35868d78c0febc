// p9rt/pending (issue 11): a goroutine's Read with no deadline is listed by
// pending.List and ended by pending.Interrupt from another goroutine; the
// error wraps *pending.InterruptError, is not a timeout, and the connection
// stays usable. An operation that is over cannot be interrupted. Not
// standard Go: p9rt only (tests/node/host-control.test.mjs).
package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"p9rt/pending"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		os.Exit(1)
	}
	accepted := make(chan net.Conn)
	go func() {
		c, _ := ln.Accept()
		accepted <- c
	}()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println("dial:", err)
		os.Exit(1)
	}
	peer := <-accepted
	fmt.Println("in flight before the Read:", len(pending.List()))
	done := make(chan error)
	go func() {
		buf := make([]byte, 64)
		_, err := conn.Read(buf)
		done <- err
	}()
	for len(pending.List()) == 0 {
		time.Sleep(time.Millisecond)
	}
	ops := pending.List()
	op := ops[0]
	fmt.Println("in flight:", len(ops), op.Kind, op.Fn, op.Params, op.Pathname)
	fmt.Println("String:", op)
	fmt.Println("Interrupt:", pending.Interrupt(op))
	err = <-done
	var ie *pending.InterruptError
	fmt.Println("Read:", err)
	fmt.Println("errors.As InterruptError:", errors.As(err, &ie), "timeout:", errors.Is(err, os.ErrDeadlineExceeded))
	fmt.Println("again:", pending.Interrupt(op))
	peer.Write([]byte("still here"))
	buf := make([]byte, 64)
	n, err := conn.Read(buf)
	fmt.Printf("next Read: %q %v, in flight: %d\n", buf[:n], err, len(pending.List()))
	// A deadline's timeout is still ErrDeadlineExceeded, not an InterruptError.
	conn.SetReadDeadline(time.Now().Add(5 * time.Millisecond))
	_, err = conn.Read(buf)
	fmt.Println("deadline:", errors.Is(err, os.ErrDeadlineExceeded), errors.As(err, &ie))
}
