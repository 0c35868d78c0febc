package poll

import (
	"errors"
	"io"
	"sync"
	"time"
)

// FD is what package net reads and writes a conversation's data file
// through, so that reads and writes have deadlines. The fields keep the
// names of Go's FD on Plan 9 (docs/plan9-notes.md §3.1).
type FD struct {
	// References, and the read and write locks that let Close wait for
	// I/O in progress.
	fdmu fdMutex

	// Destroy closes the conversation's files once the last reference
	// is gone; net sets it, since the files are os.Files.
	Destroy func()

	// Per direction: the mutex, the I/O in flight, the armed deadline
	// timer, and whether the deadline has passed (then every call fails
	// until the deadline is set again).
	rmu       sync.Mutex
	wmu       sync.Mutex
	raio      *asyncIO
	waio      *asyncIO
	rtimer    *time.Timer
	wtimer    *time.Timer
	rtimedout bool
	wtimedout bool

	// Always false: on Plan 9 ordinary files do not use this package.
	isFile bool

	// Pathname is the data file, for p9rt/pending's list (not Go's).
	Pathname string
}

// side is one direction of an FD: pointers to the fields its mutex
// guards, so that reads and writes, and both deadline variants, share
// one piece of code for each step.
type side struct {
	mu       *sync.Mutex
	aio      **asyncIO
	timer    **time.Timer
	timedout *bool
}

func (fd *FD) readSide() side  { return side{&fd.rmu, &fd.raio, &fd.rtimer, &fd.rtimedout} }
func (fd *FD) writeSide() side { return side{&fd.wmu, &fd.waio, &fd.wtimer, &fd.wtimedout} }

// sides are the directions mode names: 'r', 'w', or 'r'+'w' (read first,
// so the mutexes are always taken in the same order).
func (fd *FD) sides(mode int) []side {
	switch mode {
	case 'r':
		return []side{fd.readSide()}
	case 'w':
		return []side{fd.writeSide()}
	}
	return []side{fd.readSide(), fd.writeSide()}
}

// expire marks the deadline passed and cancels the I/O in flight, if any
// (its proc gets a hangup note). The caller holds the mutex.
func (s side) expire() {
	*s.timedout = true
	if *s.aio != nil {
		(*s.aio).Cancel()
	}
}

// disarm stops and forgets the timer. The caller holds the mutex.
func (s side) disarm() {
	if *s.timer != nil {
		(*s.timer).Stop()
		*s.timer = nil
	}
}

func (fd *FD) destroy() error {
	if fd.Destroy != nil {
		fd.Destroy()
	}
	return nil
}

// Closing reports whether Close has begun (p9rt's, not Go's API). On Plan
// 9 a listener's Accept waits in the kernel, outside this package's locks,
// so net asks it to tell a call that failed because Close ended it from
// any other failure.
func (fd *FD) Closing() bool {
	fd.fdmu.mu.Lock()
	defer fd.fdmu.mu.Unlock()
	return fd.fdmu.closing
}

// Close marks the FD closed; the files go when the last reference does.
func (fd *FD) Close() error {
	if fd.fdmu.beginClose() {
		return nil
	}
	return errClosing(fd.isFile)
}

// start runs fn(b) as an asyncIO, a proc of its own, unless the
// direction's deadline has passed; then waits for it. It returns the
// result and the pid of the proc that ran it (for the trace).
//
// While it is in flight the call is listed for p9rt/pending as op.
func (s side) start(fn func([]byte) (int, error), b []byte, op *PendingOp) (n, pid int, err error) {
	s.mu.Lock()
	if *s.timedout {
		s.mu.Unlock()
		return 0, 0, ErrDeadlineExceeded
	}
	aio := newAsyncIO(fn, b)
	*s.aio = aio
	op.aio = aio
	addPending(op)
	s.mu.Unlock()
	n, err = aio.Wait()
	removePending(op)
	// Cleared without the mutex, as Go does: a timer callback that looks
	// under the mutex meanwhile cancels an aio that is over, which does
	// nothing (docs/plan9-notes.md §3.9.7).
	*s.aio = nil
	return n, aio.ranpid, err
}

// Read runs fn (os.File.Read of the data file) so that a read deadline
// can cancel it. The errors are Plan 9's: "... Hangup" is the end of the
// stream, io.EOF; "interrupted" is the deadline's note,
// ErrDeadlineExceeded (§3.3).
func (fd *FD) Read(fn func([]byte) (int, error), b []byte) (int, error) {
	if err := fd.readLock(); err != nil {
		return 0, err
	}
	defer fd.readUnlock()
	if len(b) == 0 {
		// Nothing to read: no call, no deadline check (§5 item 27).
		return 0, nil
	}
	op := newPendingOp("read", "pread", fd.Pathname, len(b))
	n, pid, err := fd.readSide().start(fn, b, op)
	switch {
	case isHangup(err):
		err = io.EOF
	case isInterrupted(err) && op.byInterrupt():
		// p9rt/pending's Interrupt, not a deadline (not Go's).
		err = &InterruptError{op.String()}
	case isInterrupted(err):
		err = ErrDeadlineExceeded
		runtime_traceEvent(traceIoTimeout, pid, 'r', n)
	}
	return n, err
}

// Write is Read's twin for fn = os.File.Write, but an empty b is written
// like any other and Hangup is returned as it is.
func (fd *FD) Write(fn func([]byte) (int, error), b []byte) (int, error) {
	if err := fd.writeLock(); err != nil {
		return 0, err
	}
	defer fd.writeUnlock()
	op := newPendingOp("write", "pwrite", fd.Pathname, len(b))
	n, pid, err := fd.writeSide().start(fn, b, op)
	if isInterrupted(err) && op.byInterrupt() {
		err = &InterruptError{op.String()}
	} else if isInterrupted(err) {
		err = ErrDeadlineExceeded
		runtime_traceEvent(traceIoTimeout, pid, 'w', n)
	}
	return n, err
}

func (fd *FD) SetDeadline(t time.Time) error      { return setDeadline(fd, t, 'r'+'w') }
func (fd *FD) SetReadDeadline(t time.Time) error  { return setDeadline(fd, t, 'r') }
func (fd *FD) SetWriteDeadline(t time.Time) error { return setDeadline(fd, t, 'w') }

// setDeadline runs the deadline logic of the selected Go version
// (fd_plan9_go119.go): current Go's by default, Go 1.19.8's on request.
func setDeadline(fd *FD, t time.Time, mode int) error {
	// The trace's DEADLINE region: the timers set and stopped, and a
	// Cancel for a past deadline, name it as their cause (docs/trace.md).
	d, cleared := 0, 0
	if t.IsZero() {
		cleared = 1
	} else {
		d = int(t.Sub(time.Now()))
	}
	runtime_traceEvent(traceDeadline, mode, d, cleared)
	var err error
	if Go119Deadlines {
		err = setDeadlineImplGo119(fd, t, mode)
	} else {
		err = setDeadlineImpl(fd, t, mode)
	}
	runtime_traceEvent(traceRegionEnd, 0, 0, 0)
	return err
}

// setDeadlineImpl is current Go's logic (docs/plan9-notes.md §3.4). Each
// direction's old timer is stopped and its timedout cleared; then a future
// deadline arms a timer, and a deadline now or past (CL 496137) expires
// at once. A timer whose callback already runs when the deadline changes
// does nothing, because it is no longer the FD's timer: that is the fix
// of issue 57114 (CL 470215, §3.7).
func setDeadlineImpl(fd *FD, t time.Time, mode int) error {
	left := t.Sub(time.Now())
	sides := fd.sides(mode)
	for _, s := range sides {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.disarm()
		*s.timedout = false
	}
	if t.IsZero() {
		return nil
	}
	for _, s := range sides {
		if left > 0 {
			s.arm(left)
		} else {
			s.expire()
		}
	}
	return nil
}

// arm starts the timer that expires the side after d. It is stored under
// the mutex its callback takes, so a callback that runs at once still
// finds itself stored. The caller holds the mutex.
func (s side) arm(d time.Duration) {
	var timer *time.Timer
	timer = time.AfterFunc(d, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if *s.timer == timer {
			s.expire()
		}
	})
	*s.timer = timer
}

// ReadLock and ReadUnlock give package net the read lock, for Accept
// (Plan 9 only).
func (fd *FD) ReadLock() error { return fd.readLock() }
func (fd *FD) ReadUnlock()     { fd.readUnlock() }

// isHangup: Plan 9's error for I/O on a hung-up conversation ends in
// "Hangup".
func isHangup(err error) bool {
	return err != nil && stringsHasSuffix(err.Error(), "Hangup")
}

// isInterrupted: a call a note cut short fails with "interrupted".
func isInterrupted(err error) bool {
	return err != nil && stringsHasSuffix(err.Error(), "interrupted")
}

// IsPollDescriptor is for Go's tests; no descriptor here is the poller's.
func IsPollDescriptor(fd uintptr) bool { return false }

var errNoRaw = errors.New("not implemented")

// The raw access of syscall.RawConn has no meaning for a Plan 9
// conversation.
func (fd *FD) RawControl(f func(uintptr)) error    { return errNoRaw }
func (fd *FD) RawRead(f func(uintptr) bool) error  { return errNoRaw }
func (fd *FD) RawWrite(f func(uintptr) bool) error { return errNoRaw }
