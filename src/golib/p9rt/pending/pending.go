// Package pending lists a program's network reads and writes in flight, and
// its os.File reads (a pipe, /dev/cons), and ends any of them: the API golang/go#41054 proposed (declined for Go),
// built on 9front's ctl "interrupt" (issue 11; docs/plan9-notes.md §1.10).
//
// It is not standard Go: it exists only in p9rt, and a program that
// imports it does not build with the go command.
//
// Interrupt ends the operation's system call without a note: no handler
// runs, the Read or Write returns an error that wraps an *InterruptError
// (find it with errors.As), which is not a timeout, and the connection
// (or pipe) stays usable: nothing was read, and a later Read gets the data.
package pending

import "internal/poll"

// Op is one Read or Write in flight: Kind ("read", "write"), Fn (the system
// call, "pread"), Params ("64 bytes"), Pathname (/net/tcp/4/data), String.
type Op = poll.PendingOp

// InterruptError is the error a Read or Write ended by Interrupt returns,
// wrapped in the net package's *OpError.
type InterruptError = poll.InterruptError

// List returns the operations in flight, oldest first.
func List() []*Op {
	return poll.PendingList()
}

// Interrupt ends op's system call: its Read or Write returns an error
// wrapping *InterruptError. It fails if op is no longer in flight.
func Interrupt(op *Op) error {
	return poll.PendingInterrupt(op)
}
