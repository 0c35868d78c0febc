// issue57114_race.go: Go issue 57114's interleaving, searched for in virtual
// time: a read deadline is cleared just as its timer fires, the callback
// already running (blocked on the FD's read mutex while the clearing
// SetReadDeadline holds it). For each lead time δ before the deadline, the
// deadline is cleared δ early by a goroutine that spins until then; the
// timer's goroutine preempts it at a safepoint once due. The window is
// about 10 ns of virtual time wide and where it falls moves with every
// change to the instructions the library runs, so δ steps by 10 ns: a
// coarser sweep can miss every window after an unrelated change. Data is already
// waiting, so the Read after the clear must succeed. Go 1.19.8's callback
// (--poll=go1.19) does not check that it is still the FD's timer and marks
// the FD timed out after the clear: "stale" counts those runs. The fixed
// callback returns without acting. Prints the runs and the stale ones.
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
		fmt.Println(err)
		os.Exit(1)
	}
	acc := make(chan net.Conn)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			acc <- c
		}
	}()
	runs, stale := 0, 0
	for lead := 0; lead < 4000; lead += 10 {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		s := <-acc
		s.Write([]byte("x"))
		d := 200 * time.Microsecond
		deadline := time.Now().Add(d)
		c.SetReadDeadline(deadline)
		clearAt := deadline.Add(-time.Duration(lead) * time.Nanosecond)
		for time.Now().Before(clearAt) {
		}
		c.SetReadDeadline(time.Time{})
		// Let a timer goroutine still pending finish its work.
		time.Sleep(time.Millisecond)
		b := make([]byte, 1)
		_, err = c.Read(b)
		runs++
		if errors.Is(err, os.ErrDeadlineExceeded) {
			stale++
		} else if err != nil {
			fmt.Println("read:", err)
			os.Exit(1)
		}
		c.Close()
		s.Close()
	}
	fmt.Println("runs", runs, "stale", stale)
}
