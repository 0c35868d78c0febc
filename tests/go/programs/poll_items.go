// poll_items.go: internal/poll's observable rules (docs/plan9-notes.md §5 items 21,
// 23, 24, 26, 27, 29), one line each; run with and without --poll=go1.19.
package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"
)

func pair(ln net.Listener) (net.Conn, net.Conn) {
	acc := make(chan net.Conn)
	go func() {
		c, _ := ln.Accept()
		acc <- c
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	return c, <-acc
}

func dl(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout() && errors.Is(err, os.ErrDeadlineExceeded)
}

func main() {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	b := make([]byte, 8)

	// 21: a past deadline fails reads even with data ready, and sticks.
	c, s := pair(ln)
	s.Write([]byte("data"))
	c.SetReadDeadline(time.Now().Add(-time.Second))
	n1, e1 := c.Read(b)
	n2, e2 := c.Read(b)
	fmt.Println("21 past:", n1, dl(e1), n2, dl(e2))
	// 21: exactly now counts as past (CL 496137; Go 1.19 ignored it).
	c.SetReadDeadline(time.Time{})
	c.SetReadDeadline(time.Now())
	n, e := c.Read(b)
	fmt.Println("21 now:", n, dl(e))
	// 27: a zero-length read is (0, nil), no deadline check.
	c.SetReadDeadline(time.Now().Add(-time.Second))
	n, e = c.Read(nil)
	fmt.Println("27 zero:", n, e)
	c.Close()
	s.Close()

	// 23: timers firing during asyncIO setup note the right proc: every
	// read times out and the program lives (a hangup to a proc not ignoring
	// it would end the run).
	ok := 0
	for i := 1; i <= 40; i++ {
		c, s = pair(ln)
		c.SetReadDeadline(time.Now().Add(time.Duration(i*25) * time.Nanosecond))
		if _, e := c.Read(b); dl(e) {
			ok++
		}
		c.Close()
		s.Close()
	}
	fmt.Println("23 setup:", ok)

	// 24: a timer firing after the read finished posts nothing: the read
	// has its data, the next one times out (sticky), the program lives.
	c, s = pair(ln)
	s.Write([]byte("x"))
	c.SetReadDeadline(time.Now().Add(5 * time.Millisecond))
	n1, e1 = c.Read(b)
	time.Sleep(10 * time.Millisecond)
	n2, e2 = c.Read(b)
	fmt.Println("24 late:", n1, e1, n2, dl(e2))
	c.Close()
	s.Close()

	// 26: "interrupted" maps to the deadline error; 29: Close of the peer
	// (ctl "close", Hangup) maps to io.EOF for a blocked reader.
	c, s = pair(ln)
	go func() {
		time.Sleep(20 * time.Millisecond)
		s.Close()
	}()
	n, e = c.Read(b)
	fmt.Println("29 close:", n, e == io.EOF)
	c.Close()
	ln.Close()
}
