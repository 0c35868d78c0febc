// issue57114_instant.go: issue 57114 at one instant (docs/explore.md). A
// timer set to the read deadline's own instant clears the deadline; the
// deadline's timer fires at the same moment. Whichever of the two callbacks
// runs first, the Read that follows must find the data already waiting. Under
// Go 1.19.8's poll (--poll=go1.19) it fails when the deadline's callback runs
// after the clear, which Go's order does not do but a schedule may.
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
	deadline := time.Now().Add(time.Millisecond)
	cleared := make(chan bool)
	time.AfterFunc(time.Until(deadline), func() {
		c.SetReadDeadline(time.Time{})
		cleared <- true
	})
	c.SetReadDeadline(deadline)
	<-cleared
	time.Sleep(2 * time.Millisecond)
	b := make([]byte, 1)
	if _, err := c.Read(b); err != nil {
		fmt.Println("read:", err)
		os.Exit(1)
	}
	fmt.Println("ok")
}
