package poll

import (
	"internal/itoa"
	"runtime"
	"sync"
	"syscall"
)

// The pending-operation registry behind package p9rt/pending (issue 11,
// the proposal of golang/go#41054): not Go's. Every Read and Write of an FD
// runs its one system call on a proc of its own (asyncIO); while it is in
// flight it is listed here, and Interrupt ends it with 9front's ctl
// "interrupt" to that proc (docs/plan9-notes.md §1.10): no note is posted,
// the call fails with "interrupted", and the Read or Write returns an
// *InterruptError rather than the deadline's ErrDeadlineExceeded.
//
// An os.File's Read (a pipe, /dev/cons) makes its call on the caller's own
// proc instead: os lists it with BeginFileRead and EndFileRead, the
// goroutine wired to its M meanwhile so that the pid Interrupt sends to is
// the one in the call.

// PendingOp is one Read or Write in flight.
type PendingOp struct {
	// Kind is "read" or "write".
	Kind string
	// Fn is the Plan 9 system call it makes: "pread" or "pwrite".
	Fn string
	// Params are its arguments in words: "64 bytes".
	Params string
	// Pathname is the file it reads or writes: /net/tcp/4/data.
	Pathname string

	aio *asyncIO
	// interrupted: Interrupt sent ctl interrupt to its proc (under aio.mu,
	// or mu for a file's read).
	interrupted bool

	// An os.File's read: mu guards pid, the proc making the call (-1 once
	// it is over).
	mu  sync.Mutex
	pid int
}

// String describes the operation: `read /net/tcp/4/data (pread, 64 bytes)`.
func (op *PendingOp) String() string {
	return op.Kind + " " + op.Pathname + " (" + op.Fn + ", " + op.Params + ")"
}

// InterruptError is the error of a Read or Write that Interrupt ended. It is
// not a timeout: errors.Is(err, os.ErrDeadlineExceeded) is false.
type InterruptError struct {
	// Op is the String of the operation that was ended.
	Op string
}

func (e *InterruptError) Error() string   { return "interrupted by pending.Interrupt: " + e.Op }
func (e *InterruptError) Timeout() bool   { return false }
func (e *InterruptError) Temporary() bool { return false }

var (
	pendingMu  sync.Mutex
	pendingOps []*PendingOp
)

func newPendingOp(kind, fn, path string, n int) *PendingOp {
	return &PendingOp{Kind: kind, Fn: fn, Params: itoa.Itoa(n) + " bytes", Pathname: path, pid: -1}
}

func addPending(op *PendingOp) {
	pendingMu.Lock()
	pendingOps = append(pendingOps, op)
	pendingMu.Unlock()
}

func removePending(op *PendingOp) {
	pendingMu.Lock()
	for i, o := range pendingOps {
		if o == op {
			copy(pendingOps[i:], pendingOps[i+1:])
			pendingOps[len(pendingOps)-1] = nil
			pendingOps = pendingOps[:len(pendingOps)-1]
			break
		}
	}
	pendingMu.Unlock()
}

// PendingList returns the operations in flight, oldest first.
func PendingList() []*PendingOp {
	pendingMu.Lock()
	defer pendingMu.Unlock()
	return append([]*PendingOp(nil), pendingOps...)
}

// errPendingOver is Interrupt's answer for an operation no longer in flight.
type errPendingOver struct{ op string }

func (e *errPendingOver) Error() string {
	return "pending.Interrupt: " + e.op + ": the operation is over"
}

// PendingInterrupt ends op's system call: ctl "interrupt" to the proc that
// runs it. Under aio.mu, as asyncIO.Cancel posts its note, so the proc is
// the one running the call (its pid is set) and the call has not returned.
// 9front's interrupt also ends the proc's next blocking call if it is not in
// one yet: the call about to start.
func PendingInterrupt(op *PendingOp) error {
	mu, pid := &op.mu, &op.pid
	if aio := op.aio; aio != nil {
		mu, pid = &aio.mu, &aio.pid
	}
	mu.Lock()
	defer mu.Unlock()
	if *pid == -1 {
		return &errPendingOver{op.String()}
	}
	op.interrupted = true
	if err := procctl(*pid, "interrupt"); err != nil {
		op.interrupted = false
		return err
	}
	return nil
}

// procctl writes msg to /proc/pid/ctl.
func procctl(pid int, msg string) error {
	f, err := syscall.Open("/proc/"+itoa.Itoa(pid)+"/ctl", syscall.O_WRONLY)
	if err != nil {
		return err
	}
	defer syscall.Close(f)
	_, err = syscall.Write(f, []byte(msg))
	return err
}

// byInterrupt: op's call failed because Interrupt asked it to.
func (op *PendingOp) byInterrupt() bool {
	op.aio.mu.Lock()
	defer op.aio.mu.Unlock()
	return op.interrupted
}

// BeginFileRead lists an os.File's Read of n bytes of path, about to make
// its call on this goroutine's proc, which it stays wired to until
// EndFileRead.
//
// It answers nil for the read of an FD's asyncIO, which is listed as the
// FD's operation already.
func BeginFileRead(path string, n int) *PendingOp {
	runtime.LockOSThread()
	pid := runtime_mpid()
	pendingMu.Lock()
	async := asyncProcs[pid]
	pendingMu.Unlock()
	if async {
		runtime.UnlockOSThread()
		return nil
	}
	op := newPendingOp("read", "pread", path, n)
	op.pid = pid
	addPending(op)
	return op
}

// asyncProcs holds the pids of the procs running an asyncIO's call.
var asyncProcs = map[int]bool{}

// asyncProc marks pid as running an asyncIO's call (on), or no more.
func asyncProc(pid int, on bool) {
	pendingMu.Lock()
	if on {
		asyncProcs[pid] = true
	} else {
		delete(asyncProcs, pid)
	}
	pendingMu.Unlock()
}

// EndFileRead ends op after its call returned err, and reports whether
// Interrupt ended it. An interrupt that came after the call had returned
// (or to a call that did not sleep) is still pending on the proc, where it
// would end the next blocking call, whoever makes it: it is cleared
// ("nointerrupt").
func EndFileRead(op *PendingOp, err error) bool {
	if op == nil {
		return false
	}
	op.mu.Lock()
	pid := op.pid
	op.pid = -1
	interrupted := op.interrupted
	op.mu.Unlock()
	removePending(op)
	ended := interrupted && isInterrupted(err)
	if interrupted && !ended {
		procctl(pid, "nointerrupt")
	}
	runtime.UnlockOSThread()
	return ended
}

// runtime_mpid is the pid of the proc running the calling goroutine (the
// runtime keeps it; syscall.Getpid costs three calls).
func runtime_mpid() int
