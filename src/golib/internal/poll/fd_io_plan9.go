package poll

import (
	"internal/itoa"
	"runtime"
	"sync"
	"syscall"
)

// asyncIO implements asynchronous cancelable I/O (go internal/poll/
// fd_io_plan9.go, docs/plan9-notes.md §3.2). An asyncIO represents a single Read or
// Write. Plan 9 has no asynchronous system calls, so the one blocking call
// runs in a goroutine wired to its own proc (M); a deadline cancels it by
// posting the note "hangup" to that proc, which the kernel turns into an
// "interrupted" error, and which the proc's runtime ignores because the
// goroutine asked it to (runtime_ignoreHangup).
type asyncIO struct {
	res chan result

	// mu guards the pid field.
	mu sync.Mutex

	// pid holds the process id of the process running the I/O: set once
	// the goroutine is on its proc, -1 once the call is over.
	pid int

	// ranpid is pid, kept after the call for the trace's IO_TIMEOUT record.
	ranpid int
}

// result is the return value of a Read or Write operation.
type result struct {
	n   int
	err error
}

// newAsyncIO returns a new asyncIO that performs an I/O operation by
// calling fn, which must do one and only one interruptible system call.
func newAsyncIO(fn func([]byte) (int, error), b []byte) *asyncIO {
	aio := &asyncIO{
		res: make(chan result, 0),
	}
	// Locked before the goroutine starts, so a Cancel issued during its
	// setup waits for the pid instead of being lost.
	aio.mu.Lock()
	go func() {
		// Wire the goroutine to its proc for good (the M is never given
		// back), so the pid below stays the one running fn, and ignore
		// "hangup" so Cancel's note does not take the program down.
		runtime.LockOSThread()
		runtime_ignoreHangup()
		// The current proc's pid. Go reads it from #c/pid
		// (syscall.Getpid: open, pread, close); the runtime already
		// knows it, and three calls for each Read or Write were 18 of
		// a keep-alive HTTP request's 47 (bench/http.mjs).
		aio.pid = runtime_mpid()
		aio.ranpid = aio.pid
		aio.mu.Unlock()

		// fn is an os.File's Read: p9rt/pending lists this call as the
		// FD's, not as the file's too.
		asyncProc(aio.ranpid, true)
		n, err := fn(b)
		asyncProc(aio.ranpid, false)

		aio.mu.Lock()
		aio.pid = -1
		runtime_unignoreHangup()
		aio.mu.Unlock()

		aio.res <- result{n, err}
	}()
	return aio
}

// Cancel interrupts the I/O operation, causing the Wait function to
// return. Errors are ignored: a note that cannot be posted (a full note
// queue: "note not posted") is lost, as in Go.
func (aio *asyncIO) Cancel() {
	aio.mu.Lock()
	defer aio.mu.Unlock()
	if aio.pid == -1 {
		return
	}
	// The trace's IO_CANCEL region: the note posted below names it as its
	// cause (docs/trace.md).
	runtime_traceEvent(traceIoCancel, aio.pid, 0, 0)
	f, e := syscall.Open("/proc/"+itoa.Itoa(aio.pid)+"/note", syscall.O_WRONLY)
	if e != nil {
		runtime_traceEvent(traceRegionEnd, 0, 0, 0)
		return
	}
	syscall.Write(f, []byte("hangup"))
	syscall.Close(f)
	runtime_traceEvent(traceRegionEnd, 0, 0, 0)
}

// Wait for the I/O operation to complete.
func (aio *asyncIO) Wait() (int, error) {
	res := <-aio.res
	return res.n, res.err
}

// The following functions, provided by the runtime, are used to ignore and
// unignore the "hangup" note received by the current proc.
func runtime_ignoreHangup()
func runtime_unignoreHangup()

// runtime_traceEvent writes a trace record (kinds in ztrace.go); the runtime
// drops it when the run is not traced.
func runtime_traceEvent(kind, a, b, c int)
