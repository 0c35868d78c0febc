// stalled.go: a program ends its own blocked read (golang/go#41054, "allow
// termination of blocked syscalls", declined for Go; issue 11). A goroutine
// reads a pipe whose writer has stalled, so its proc sleeps in pread with no
// end in sight. p9rt/pending, p9rt's own package (not standard Go: the go
// command does not know it), lists the reads in flight; a watchdog finds
// the stalled one and ends it with pending.Interrupt, which is 9front's ctl
// "interrupt" to the proc in the call: no note is posted and no handler
// runs. The Read returns an error that wraps *pending.InterruptError, not a
// timeout, and nothing was lost: the retried Read gets what the writer
// sends once it is back.
package main

import (
	"errors"
	"fmt"
	"os"
	"p9rt/pending"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Println("pipe:", err)
		os.Exit(1)
	}
	result := make(chan error)
	go func() {
		buf := make([]byte, 64)
		_, err := r.Read(buf) // the writer has stalled: this waits for good
		result <- err
	}()

	// The watchdog gives reads 100ms.
	time.Sleep(100 * time.Millisecond)
	for _, op := range pending.List() {
		fmt.Println("stalled:", op)
		fmt.Println("interrupt:", pending.Interrupt(op))
	}
	err = <-result
	var ie *pending.InterruptError
	fmt.Println("the Read returned:", err)
	fmt.Println("ended by pending.Interrupt:", errors.As(err, &ie), "- a timeout:", errors.Is(err, os.ErrDeadlineExceeded))

	// The writer is back; the retried Read gets its data.
	go w.Write([]byte("the writer is back"))
	buf := make([]byte, 64)
	n, err := r.Read(buf)
	fmt.Printf("retried Read: %q, %v; reads in flight: %d\n", buf[:n], err, len(pending.List()))
}
