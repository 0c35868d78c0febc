// hangup.go: a program posts the note "hangup" to its own proc without ever
// calling signal.Notify. The runtime's note handler finds "hangup" in its note
// table (Notify+Kill), nobody asked for it and this M does not ignore hangup,
// so it posts "go: exit hangup" to every other proc and exits: the program's
// exit string is "hangup" and the last line is never printed.
package main

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

func main() {
	fmt.Println("posting hangup to my own proc")
	p, err := os.FindProcess(os.Getpid())
	if err != nil {
		fmt.Println("find process:", err)
		return
	}
	if err := p.Signal(syscall.Note("hangup")); err != nil {
		fmt.Println("signal:", err)
		return
	}
	time.Sleep(100 * time.Millisecond)
	fmt.Println("still running: this line must never appear")
}
