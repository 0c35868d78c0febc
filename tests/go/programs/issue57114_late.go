// issue57114_late.go: p9rt explore's first target (docs/explore.md). A 1ms
// read deadline is cleared after a 990µs sleep, and data is already waiting,
// so the Read after the clear must succeed. Go 1.19.8's deadline timer
// callback (--poll=go1.19) does not check that it is still the FD's timer: if
// the timer fires before the clear and its callback runs after it, the FD
// stays timed out and the Read fails. In Go's own order (and so in p9rt run,
// whatever the seed) the callback runs first and the program passes; on a
// loaded machine the sleep and the timer come due together and either may
// run first. The fixed poll passes under every schedule.
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
		fmt.Println(err)
		os.Exit(1)
	}
	acc := make(chan net.Conn)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		acc <- c
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	s := <-acc
	s.Write([]byte("x"))
	c.SetReadDeadline(time.Now().Add(time.Millisecond))
	time.Sleep(990 * time.Microsecond)
	c.SetReadDeadline(time.Time{})
	time.Sleep(2 * time.Millisecond)
	b := make([]byte, 1)
	if _, err := c.Read(b); err != nil {
		fmt.Println("read:", err)
		os.Exit(1)
	}
	fmt.Println("ok")
}
