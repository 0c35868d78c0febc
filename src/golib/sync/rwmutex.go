package sync

import "sync/atomic"

// A RWMutex is a reader/writer mutual exclusion lock. The zero value is an
// unlocked mutex. A writer that calls Lock excludes new readers, waits for
// the readers inside to leave, and runs alone.
type RWMutex struct {
	w           Mutex  // held by a writer, and by a writer waiting for readers
	writerSem   uint32 // the writer waits here for the last reader
	readerSem   uint32 // readers wait here for the writer
	readerCount int32  // readers inside; minus rwmutexMaxReaders while a writer is pending
	readerWait  int32  // readers the pending writer still waits for
}

const rwmutexMaxReaders = 1 << 30

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if atomic.AddInt32(&rw.readerCount, 1) < 0 {
		// A writer is pending: wait for it.
		runtime_Semacquire(&rw.readerSem)
	}
}

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool {
	for {
		c := atomic.LoadInt32(&rw.readerCount)
		if c < 0 {
			return false
		}
		if atomic.CompareAndSwapInt32(&rw.readerCount, c, c+1) {
			return true
		}
	}
}

// RUnlock undoes a single RLock call.
func (rw *RWMutex) RUnlock() {
	r := atomic.AddInt32(&rw.readerCount, -1)
	if r >= 0 {
		return
	}
	if r+1 == 0 || r+1 == -rwmutexMaxReaders {
		fatal("sync: RUnlock of unlocked RWMutex")
	}
	// A writer is pending; the last reader out wakes it.
	if atomic.AddInt32(&rw.readerWait, -1) == 0 {
		runtime_Semrelease(&rw.writerSem)
	}
}

// Lock locks rw for writing.
func (rw *RWMutex) Lock() {
	rw.w.Lock()
	// Announce the writer, and learn how many readers are inside.
	r := atomic.AddInt32(&rw.readerCount, -rwmutexMaxReaders) + rwmutexMaxReaders
	if r != 0 && atomic.AddInt32(&rw.readerWait, r) != 0 {
		runtime_Semacquire(&rw.writerSem)
	}
}

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	if !atomic.CompareAndSwapInt32(&rw.readerCount, 0, -rwmutexMaxReaders) {
		rw.w.Unlock()
		return false
	}
	return true
}

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() {
	r := atomic.AddInt32(&rw.readerCount, rwmutexMaxReaders)
	if r >= rwmutexMaxReaders {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	// Let in the readers that queued behind the writer.
	for i := 0; i < int(r); i++ {
		runtime_Semrelease(&rw.readerSem)
	}
	rw.w.Unlock()
}

// RLocker returns a Locker interface that implements the Lock and Unlock
// methods by calling rw.RLock and rw.RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return &rlocker{rw}
}

type rlocker struct{ rw *RWMutex }

func (r *rlocker) Lock()   { r.rw.RLock() }
func (r *rlocker) Unlock() { r.rw.RUnlock() }
