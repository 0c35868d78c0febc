package poll

import (
	"internal/itoa"
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
	// interrupted: Interrupt sent ctl interrupt to its proc (under aio.mu).
	interrupted bool
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
	return &PendingOp{Kind: kind, Fn: fn, Params: itoa.Itoa(n) + " bytes", Pathname: path}
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
	aio := op.aio
	if aio == nil {
		return &errPendingOver{op.String()}
	}
	aio.mu.Lock()
	defer aio.mu.Unlock()
	if aio.pid == -1 {
		return &errPendingOver{op.String()}
	}
	f, err := syscall.Open("/proc/"+itoa.Itoa(aio.pid)+"/ctl", syscall.O_WRONLY)
	if err != nil {
		return err
	}
	defer syscall.Close(f)
	op.interrupted = true
	if _, err := syscall.Write(f, []byte("interrupt")); err != nil {
		op.interrupted = false
		return err
	}
	return nil
}

// byInterrupt: op's call failed because Interrupt asked it to.
func (op *PendingOp) byInterrupt() bool {
	op.aio.mu.Lock()
	defer op.aio.mu.Unlock()
	return op.interrupted
}
