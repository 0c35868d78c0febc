// pollrace.go: the race of Go issue 57114, decided by which internal/poll runs it.
// The read deadline is set to 20ms and at once moved to an hour, and the peer
// writes at 50ms. With today's internal/poll the first timer is simply
// forgotten: the Read waits and gets the data. Go 1.19.8's timer callback did
// not check that it was still the connection's timer, so at 20ms it marks the
// connection timed out and posts "hangup" to the Read: the Read fails, and so
// does the next one, though the deadline is an hour away, until the deadline
// is set again.
// In the playground, pick Options > internal/poll; on the command line,
// p9rt run --poll=go1.19 examples/pollrace.go.
// Like every example it stands alone (one file to read in the playground), so its
// listener setup repeats theirs by design.
package main

import (
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

	conn.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	conn.SetReadDeadline(time.Now().Add(time.Hour)) // moved: the 20ms timer must not act
	go func() {
		time.Sleep(50 * time.Millisecond)
		peer.Write([]byte("late"))
	}()

	buf := make([]byte, 16)
	start := time.Now()
	n, err := conn.Read(buf)
	early := time.Since(start) < 50*time.Millisecond
	if err == nil {
		fmt.Printf("Read waited for the peer: %v, got %q\n", !early, buf[:n])
		return
	}
	fmt.Printf("Read 1 failed before the peer wrote: %v: %v\n", early, err)
	_, err = conn.Read(buf)
	fmt.Printf("Read 2 failed too, the conn stays timed out: %v\n", err)
	conn.SetReadDeadline(time.Time{})
	n, err = conn.Read(buf)
	fmt.Printf("after clearing the deadline: got %q, err=%v\n", buf[:n], err)
}
