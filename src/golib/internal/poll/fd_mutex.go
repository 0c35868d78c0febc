package poll

import "sync"

// fdMutex is an FD's reference count and its two locks, one per direction.
// What a program can see is Go's: at most one Read and one Write run at a
// time and the others queue; from Close on, every new operation fails with
// errClosing, queued ones included; the descriptor is destroyed when the
// last operation in flight ends. Go packs all of this in one word updated
// lock-free; here a sync.Mutex guards plain fields, which is as correct and
// far shorter, and FD operations are not hot enough on p9rt to notice.
type fdMutex struct {
	mu      sync.Mutex
	side    [2]fdSide // [sideRead], [sideWrite]
	refs    int       // operations in flight, lock holders among them
	closing bool
}

// fdSide is the lock of one direction.
type fdSide struct {
	held  bool
	queue *sync.Cond // operations waiting for held to clear (made on first use)
}

const (
	sideRead  = 0
	sideWrite = 1
)

// cond answers the queue of side s, making it on first use so that the
// zero FD works, as in Go.
func (m *fdMutex) cond(s int) *sync.Cond {
	if m.side[s].queue == nil {
		m.side[s].queue = sync.NewCond(&m.mu)
	}
	return m.side[s].queue
}

// hold counts one more operation in flight, unless Close has begun.
func (m *fdMutex) hold() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closing {
		return false
	}
	m.refs++
	return true
}

// release ends an operation; true means it was the last one after Close,
// and the caller must destroy the descriptor.
func (m *fdMutex) release() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.drop()
}

// drop is release with m.mu held.
func (m *fdMutex) drop() bool {
	if m.refs--; m.refs < 0 {
		panic("inconsistent poll.fdMutex")
	}
	return m.closing && m.refs == 0
}

// beginClose marks the descriptor closing, counting Close itself as an
// operation, and wakes every queued operation so that it fails. It answers
// false when Close had already begun.
func (m *fdMutex) beginClose() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closing {
		return false
	}
	m.closing = true
	m.refs++
	m.cond(sideRead).Broadcast()
	m.cond(sideWrite).Broadcast()
	return true
}

// acquire waits for side s and takes it, counting an operation in flight;
// false once Close has begun, also for an operation that was queued.
func (m *fdMutex) acquire(s int) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	for !m.closing {
		if !m.side[s].held {
			m.side[s].held = true
			m.refs++
			return true
		}
		m.cond(s).Wait()
	}
	return false
}

// unlock gives side s back to the next queued operation and ends this one;
// true as for release.
func (m *fdMutex) unlock(s int) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.side[s].held {
		panic("inconsistent poll.fdMutex")
	}
	m.side[s].held = false
	m.cond(s).Signal()
	return m.drop()
}

// The FD's side of it: a failed lock is errClosing, and whoever ends the
// last operation after Close destroys the descriptor.

func (fd *FD) incref() error {
	if fd.fdmu.hold() {
		return nil
	}
	return errClosing(fd.isFile)
}

func (fd *FD) decref() error {
	if !fd.fdmu.release() {
		return nil
	}
	return fd.destroy()
}

func (fd *FD) lockSide(s int) error {
	if fd.fdmu.acquire(s) {
		return nil
	}
	return errClosing(fd.isFile)
}

func (fd *FD) unlockSide(s int) {
	if fd.fdmu.unlock(s) {
		fd.destroy()
	}
}

func (fd *FD) readLock() error  { return fd.lockSide(sideRead) }
func (fd *FD) readUnlock()      { fd.unlockSide(sideRead) }
func (fd *FD) writeLock() error { return fd.lockSide(sideWrite) }
func (fd *FD) writeUnlock()     { fd.unlockSide(sideWrite) }
