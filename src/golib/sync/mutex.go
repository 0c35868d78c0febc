// Package sync provides basic synchronization primitives.
package sync

import "sync/atomic"

// A Locker is anything with Lock and Unlock.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock. The zero value is an unlocked mutex.
//
// The algorithm is Go 1.0's: key counts the goroutines that hold or want
// the lock; whoever takes it from 0 to 1 owns it, the others sleep on sema,
// and Unlock hands the lock to one sleeper through the semaphore. p9rt runs
// one P, so Go's spinning and starvation mode would buy nothing.
type Mutex struct {
	key  int32
	sema uint32
}

// Lock takes m, waiting for whoever holds it to let go.
func (m *Mutex) Lock() {
	if atomic.AddInt32(&m.key, 1) == 1 {
		return
	}
	runtime_Semacquire(&m.sema)
}

// TryLock takes m if it is free and says whether it did.
func (m *Mutex) TryLock() bool {
	return atomic.CompareAndSwapInt32(&m.key, 0, 1)
}

// Unlock unlocks m. It is a run-time error if m is not locked on entry.
func (m *Mutex) Unlock() {
	v := atomic.AddInt32(&m.key, -1)
	if v == 0 {
		return
	}
	if v < 0 {
		atomic.AddInt32(&m.key, 1)
		fatal("sync: unlock of unlocked mutex")
	}
	runtime_Semrelease(&m.sema)
}
