package poll

import "sync"

// fdMutex serializes the Reads and the Writes of an FD and records its
// Close: a simplified form of Go's fdMutex (one lock-free state word with
// reference count, closing flag and reader/writer lock bits and waiter
// counts). The observable behaviour is kept: one Read and one Write at a
// time, waiters queued, and every lock after Close failing with
// errClosing. p9rt's one P makes Go's lock-free packing unnecessary.
type fdMutex struct {
	mu      sync.Mutex
	rcond   *sync.Cond // readers waiting for rlocked to clear
	wcond   *sync.Cond // writers waiting for wlocked to clear
	closing bool
	ref     int // references, lock holders included
	rlocked bool
	wlocked bool
}

// init makes the condition variables on first use: an FD's zero value
// must be usable, as in Go.
func (mu *fdMutex) init() {
	if mu.rcond == nil {
		mu.rcond = sync.NewCond(&mu.mu)
		mu.wcond = sync.NewCond(&mu.mu)
	}
}

// incref adds a reference to mu. It reports whether mu is available.
func (mu *fdMutex) incref() bool {
	mu.mu.Lock()
	defer mu.mu.Unlock()
	if mu.closing {
		return false
	}
	mu.ref++
	return true
}

// increfAndClose sets the closing state of mu and adds a reference. It
// reports false if mu was already closing. Waiting readers and writers are
// woken so they fail with errClosing.
func (mu *fdMutex) increfAndClose() bool {
	mu.mu.Lock()
	defer mu.mu.Unlock()
	if mu.closing {
		return false
	}
	mu.init()
	mu.closing = true
	mu.ref++
	mu.rcond.Broadcast()
	mu.wcond.Broadcast()
	return true
}

// decref removes a reference from mu. It reports whether there is no
// remaining reference and mu is closing.
func (mu *fdMutex) decref() bool {
	mu.mu.Lock()
	defer mu.mu.Unlock()
	mu.ref--
	if mu.ref < 0 {
		panic("inconsistent poll.fdMutex")
	}
	return mu.closing && mu.ref == 0
}

// rwlock adds a reference and locks the read (read true) or write side.
// It reports whether it succeeded; it fails once mu is closing.
func (mu *fdMutex) rwlock(read bool) bool {
	mu.mu.Lock()
	defer mu.mu.Unlock()
	mu.init()
	for {
		if mu.closing {
			return false
		}
		if read && !mu.rlocked {
			mu.rlocked = true
			mu.ref++
			return true
		}
		if !read && !mu.wlocked {
			mu.wlocked = true
			mu.ref++
			return true
		}
		if read {
			mu.rcond.Wait()
		} else {
			mu.wcond.Wait()
		}
	}
}

// rwunlock unlocks the read or write side and removes a reference. It
// reports whether there is no remaining reference and mu is closing.
func (mu *fdMutex) rwunlock(read bool) bool {
	mu.mu.Lock()
	defer mu.mu.Unlock()
	mu.init()
	if read {
		if !mu.rlocked {
			panic("inconsistent poll.fdMutex")
		}
		mu.rlocked = false
		mu.rcond.Signal()
	} else {
		if !mu.wlocked {
			panic("inconsistent poll.fdMutex")
		}
		mu.wlocked = false
		mu.wcond.Signal()
	}
	mu.ref--
	return mu.closing && mu.ref == 0
}

// incref adds a reference to fd.
func (fd *FD) incref() error {
	if !fd.fdmu.incref() {
		return errClosing(fd.isFile)
	}
	return nil
}

// decref removes a reference from fd, destroying it after Close when the
// last reference goes.
func (fd *FD) decref() error {
	if fd.fdmu.decref() {
		return fd.destroy()
	}
	return nil
}

// readLock adds a reference to fd and locks fd for reading.
func (fd *FD) readLock() error {
	if !fd.fdmu.rwlock(true) {
		return errClosing(fd.isFile)
	}
	return nil
}

// readUnlock removes a reference from fd and unlocks fd for reading.
func (fd *FD) readUnlock() {
	if fd.fdmu.rwunlock(true) {
		fd.destroy()
	}
}

// writeLock adds a reference to fd and locks fd for writing.
func (fd *FD) writeLock() error {
	if !fd.fdmu.rwlock(false) {
		return errClosing(fd.isFile)
	}
	return nil
}

// writeUnlock removes a reference from fd and unlocks fd for writing.
func (fd *FD) writeUnlock() {
	if fd.fdmu.rwunlock(false) {
		fd.destroy()
	}
}
