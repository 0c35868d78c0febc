// issue57114.go: Go issue 57114, run with the pre-fix and the fixed
// internal/poll side by side. A deadline timer that has already fired (or is
// about to) when the deadline is cleared or moved used to act anyway: Go
// 1.19.8's timer callback did not check that it was still the FD's timer, so
// it set timedout and posted "hangup" to a Read that should have waited. Go
// 1.21 (CL 470215) makes the callback do nothing once its timer has been
// replaced. Here the deadline is set to 20ms and at once moved to an hour;
// the peer writes at 50ms. p9rt/poll (p9rt's own package: a program may not
// import internal/poll) picks the logic per run of the scenario: the pre-fix
// Read is cancelled at 20ms, the fixed one gets "late".
package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"p9rt/poll"
	"time"
)

func pair() (net.Listener, net.Conn, net.Conn) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		os.Exit(1)
	}
	acc := make(chan net.Conn)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			fmt.Println("accept:", err)
			os.Exit(1)
		}
		acc <- c
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println("dial:", err)
		os.Exit(1)
	}
	return ln, c, <-acc
}

func scenario(name string, go119 bool) {
	poll.SetGo119Deadlines(go119)
	ln, c, s := pair()
	defer ln.Close()
	defer c.Close()
	defer s.Close()
	buf := make([]byte, 64)

	c.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	c.SetReadDeadline(time.Now().Add(time.Hour)) // moved: the 20ms timer must not act
	go func() {
		time.Sleep(50 * time.Millisecond)
		s.Write([]byte("late"))
	}()
	start := time.Now()
	n, err := c.Read(buf)
	early := time.Since(start) < 50*time.Millisecond
	if err != nil {
		fmt.Printf("%-12s Read failed before the peer wrote: %v, deadline exceeded=%v\n", name, early, errors.Is(err, os.ErrDeadlineExceeded))
		c.SetReadDeadline(time.Time{})
		n, err = c.Read(buf) // the late data is still there
	} else {
		fmt.Printf("%-12s Read waited for the peer: %v\n", name, !early)
	}
	fmt.Printf("%-12s got %q, err=%v\n", name, buf[:n], err)
}

func main() {
	scenario("go1.19.8:", true)
	scenario("current Go:", false)
}
