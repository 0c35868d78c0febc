package poll

import (
	"errors"
	"io"
	"sync"
	"time"
)

// FD is a network connection's descriptor for package net (go internal/
// poll/fd_plan9.go, docs/plan9-notes.md §3.1).
type FD struct {
	// Lock sysfd and serialize access to Read and Write methods.
	fdmu fdMutex

	// Destroy closes the underlying files; net sets it.
	Destroy func()

	// Deadlines. rmu guards raio, rtimer and rtimedout; wmu the write side.
	rmu       sync.Mutex
	wmu       sync.Mutex
	raio      *asyncIO
	waio      *asyncIO
	rtimer    *time.Timer
	wtimer    *time.Timer
	rtimedout bool // set true when read deadline has been reached
	wtimedout bool // set true when write deadline has been reached

	// Whether this is a normal file. On Plan 9 this package is not used
	// for ordinary files, so it is always false.
	isFile bool
}

// We need this to close out a file descriptor when it is unlocked, but the
// real implementation has to live in the net package because it uses
// os.Files.
func (fd *FD) destroy() error {
	if fd.Destroy != nil {
		fd.Destroy()
	}
	return nil
}

// Close handles the locking for closing an FD. The real operation is in
// the net package.
func (fd *FD) Close() error {
	if !fd.fdmu.increfAndClose() {
		return errClosing(fd.isFile)
	}
	return nil
}

// Read implements io.Reader: fn (os.File.Read on the data file) runs in
// its own proc through an asyncIO, so a read deadline can cancel it.
func (fd *FD) Read(fn func([]byte) (int, error), b []byte) (int, error) {
	if err := fd.readLock(); err != nil {
		return 0, err
	}
	defer fd.readUnlock()
	// No system call and no deadline check for an empty read (§5 item 27).
	if len(b) == 0 {
		return 0, nil
	}
	fd.rmu.Lock()
	if fd.rtimedout {
		// Sticky until the next SetReadDeadline, even with data ready.
		fd.rmu.Unlock()
		return 0, ErrDeadlineExceeded
	}
	fd.raio = newAsyncIO(fn, b)
	fd.rmu.Unlock()
	n, err := fd.raio.Wait()
	ranpid := fd.raio.ranpid
	// Written without rmu, as in Go: a timer callback that reads it
	// under rmu finds a finished aio whose pid is -1 (docs/plan9-notes.md §3.9.7).
	fd.raio = nil
	if isHangup(err) {
		err = io.EOF
	}
	if isInterrupted(err) {
		err = ErrDeadlineExceeded
		runtime_traceEvent(traceIoTimeout, ranpid, 'r', n)
	}
	return n, err
}

// Write implements io.Writer. Unlike Read there is no empty-write shortcut
// and no Hangup mapping.
func (fd *FD) Write(fn func([]byte) (int, error), b []byte) (int, error) {
	if err := fd.writeLock(); err != nil {
		return 0, err
	}
	defer fd.writeUnlock()
	fd.wmu.Lock()
	if fd.wtimedout {
		fd.wmu.Unlock()
		return 0, ErrDeadlineExceeded
	}
	fd.waio = newAsyncIO(fn, b)
	fd.wmu.Unlock()
	n, err := fd.waio.Wait()
	ranpid := fd.waio.ranpid
	fd.waio = nil
	if isInterrupted(err) {
		err = ErrDeadlineExceeded
		runtime_traceEvent(traceIoTimeout, ranpid, 'w', n)
	}
	return n, err
}

// SetDeadline sets the read and write deadlines associated with fd.
func (fd *FD) SetDeadline(t time.Time) error {
	return setDeadline(fd, t, 'r'+'w')
}

// SetReadDeadline sets the read deadline associated with fd.
func (fd *FD) SetReadDeadline(t time.Time) error {
	return setDeadline(fd, t, 'r')
}

// SetWriteDeadline sets the write deadline associated with fd.
func (fd *FD) SetWriteDeadline(t time.Time) error {
	return setDeadline(fd, t, 'w')
}

// setDeadline runs the deadline logic of the selected Go version
// (deadline_variant.go): current Go's by default, Go 1.19.8's on request.
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

// setDeadlineImpl is current Go's (docs/plan9-notes.md §3.4): with the fix of
// issue 57114 (CL 470215), a timer callback acts only if it is still the
// FD's timer for its direction, and a deadline of exactly now counts as
// past (CL 496137).
func setDeadlineImpl(fd *FD, t time.Time, mode int) error {
	d := t.Sub(time.Now())
	if mode == 'r' || mode == 'r'+'w' {
		fd.rmu.Lock()
		defer fd.rmu.Unlock()
		if fd.rtimer != nil {
			fd.rtimer.Stop()
			fd.rtimer = nil
		}
		fd.rtimedout = false
	}
	if mode == 'w' || mode == 'r'+'w' {
		fd.wmu.Lock()
		defer fd.wmu.Unlock()
		if fd.wtimer != nil {
			fd.wtimer.Stop()
			fd.wtimer = nil
		}
		fd.wtimedout = false
	}
	if !t.IsZero() && d > 0 {
		// Interrupt I/O operation once timer has expired. The timer is
		// stored under the mutex its callback takes, so even a callback
		// that runs at once finds its own pointer there.
		if mode == 'r' || mode == 'r'+'w' {
			var timer *time.Timer
			timer = time.AfterFunc(d, func() {
				fd.rmu.Lock()
				defer fd.rmu.Unlock()
				if fd.rtimer != timer {
					// deadline was changed
					return
				}
				fd.rtimedout = true
				if fd.raio != nil {
					fd.raio.Cancel()
				}
			})
			fd.rtimer = timer
		}
		if mode == 'w' || mode == 'r'+'w' {
			var timer *time.Timer
			timer = time.AfterFunc(d, func() {
				fd.wmu.Lock()
				defer fd.wmu.Unlock()
				if fd.wtimer != timer {
					// deadline was changed
					return
				}
				fd.wtimedout = true
				if fd.waio != nil {
					fd.waio.Cancel()
				}
			})
			fd.wtimer = timer
		}
	}
	if !t.IsZero() && d <= 0 {
		// Interrupt current I/O operation
		if mode == 'r' || mode == 'r'+'w' {
			fd.rtimedout = true
			if fd.raio != nil {
				fd.raio.Cancel()
			}
		}
		if mode == 'w' || mode == 'r'+'w' {
			fd.wtimedout = true
			if fd.waio != nil {
				fd.waio.Cancel()
			}
		}
	}
	return nil
}

// On Plan 9 only, expose the locking for the net code.

// ReadLock wraps FD.readLock.
func (fd *FD) ReadLock() error {
	return fd.readLock()
}

// ReadUnlock wraps FD.readUnlock.
func (fd *FD) ReadUnlock() {
	fd.readUnlock()
}

func isHangup(err error) bool {
	return err != nil && stringsHasSuffix(err.Error(), "Hangup")
}

func isInterrupted(err error) bool {
	return err != nil && stringsHasSuffix(err.Error(), "interrupted")
}

// IsPollDescriptor reports whether fd is the descriptor being used by the
// poller. This is only used for testing.
func IsPollDescriptor(fd uintptr) bool {
	return false
}

// RawControl invokes the user-defined function f for a non-IO operation.
func (fd *FD) RawControl(f func(uintptr)) error {
	return errors.New("not implemented")
}

// RawRead invokes the user-defined function f for a read operation.
func (fd *FD) RawRead(f func(uintptr) bool) error {
	return errors.New("not implemented")
}

// RawWrite invokes the user-defined function f for a write operation.
func (fd *FD) RawWrite(f func(uintptr) bool) error {
	return errors.New("not implemented")
}
