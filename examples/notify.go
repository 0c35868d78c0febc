// notify.go: signal.Notify catches "hangup". The same note that kills
// hangup.go is, once os/signal has asked for it, queued by the runtime's note
// handler (sendNote) and delivered on a channel: the program lives on, and a
// second hangup is caught the same way.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.Note("hangup"))

	p, err := os.FindProcess(os.Getpid())
	if err != nil {
		fmt.Println("find process:", err)
		return
	}
	for i := 1; i <= 2; i++ {
		fmt.Println("posting hangup, round", i)
		if err := p.Signal(syscall.Note("hangup")); err != nil {
			fmt.Println("signal:", err)
			return
		}
		select {
		case s := <-c:
			fmt.Println("caught", s)
		case <-time.After(time.Second):
			fmt.Println("no note within a second")
		}
	}
	fmt.Println("still running: Notify turned the hangup into a value")
}
