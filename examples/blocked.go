// blocked.go: a proc blocked forever, until you post it a note. The main
// goroutine reads a pipe that nobody writes, so its proc (pid 1) sleeps in
// pread. Post "interrupt" to pid 1 (the playground's Post a note, or
// `p9rt run --note 1s:main:interrupt`): the kernel fails the pread with
// "interrupted", the runtime's handler finds "interrupt" in its note table,
// nobody called signal.Notify, so it kills the program: exit string
// "interrupt". Post "hangup" to pid 2 instead and watch that proc die too.
// With no note, a goroutine gives up after 24 hours of the program's clock:
// in virtual time that is at once, in real time it is a long wait.
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println("pipe:", err)
		os.Exit(1)
	}
	go func() {
		time.Sleep(24 * time.Hour)
		w.Write([]byte("nobody posted a note"))
	}()
	fmt.Println("pid", os.Getpid(), "reads a pipe that nobody writes; post it a note")
	buf := make([]byte, 64)
	n, err := r.Read(buf)
	fmt.Printf("read returned %q, err=%v\n", buf[:n], err)
}
