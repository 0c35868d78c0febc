package sync

import "sync/atomic"

// A RWMutex lets many readers or one writer in; its zero value is unlocked.
// A writer that arrives turns new readers away before it waits for the
// readers already inside, so a stream of readers cannot starve it.
//
// One word, active, carries both sides: it counts the readers inside, and a
// writer subtracts writerBias from it, which makes it negative for as long
// as the writer wants or holds the lock. A reader that sees a negative count
// after its increment queues on readerQ; the writer, which learnt from its
// own subtraction how many readers were inside, waits on writerQ until that
// many have left (counted down in leaving).
type RWMutex struct {
	gate    Mutex  // held by the writer from Lock to Unlock: one writer at a time
	writerQ uint32 // the writer sleeps here until the last reader inside leaves
	readerQ uint32 // readers that arrived during a write sleep here
	active  int32  // readers inside; minus writerBias while a writer wants or holds the lock
	leaving int32  // readers the waiting writer still waits for
}

// writerBias is more than any number of readers, so active < 0 exactly when
// a writer is present.
const writerBias = 1 << 30

// RLock takes rw for reading.
func (rw *RWMutex) RLock() {
	if atomic.AddInt32(&rw.active, 1) >= 0 {
		return
	}
	runtime_Semacquire(&rw.readerQ) // the writer's Unlock lets us in
}

// TryRLock takes rw for reading if no writer is present, and says whether it did.
func (rw *RWMutex) TryRLock() bool {
	for {
		n := atomic.LoadInt32(&rw.active)
		if n < 0 {
			return false
		}
		if atomic.CompareAndSwapInt32(&rw.active, n, n+1) {
			return true
		}
	}
}

// RUnlock gives back one RLock.
func (rw *RWMutex) RUnlock() {
	n := atomic.AddInt32(&rw.active, -1)
	if n >= 0 {
		return
	}
	// Either a writer is present, or there was no reader to leave.
	if before := n + 1; before == 0 || before == -writerBias {
		fatal("sync: RUnlock of unlocked RWMutex")
	}
	if atomic.AddInt32(&rw.leaving, -1) == 0 {
		runtime_Semrelease(&rw.writerQ) // the last reader the writer waited for
	}
}

// Lock takes rw for writing.
func (rw *RWMutex) Lock() {
	rw.gate.Lock()
	inside := atomic.AddInt32(&rw.active, -writerBias) + writerBias
	if inside == 0 {
		return
	}
	// Readers that leave before this Add already counted leaving down below
	// zero; the sum is zero when all of them have gone.
	if atomic.AddInt32(&rw.leaving, inside) != 0 {
		runtime_Semacquire(&rw.writerQ)
	}
}

// TryLock takes rw for writing if nobody holds it, and says whether it did.
func (rw *RWMutex) TryLock() bool {
	if !rw.gate.TryLock() {
		return false
	}
	if atomic.CompareAndSwapInt32(&rw.active, 0, -writerBias) {
		return true
	}
	rw.gate.Unlock()
	return false
}

// Unlock gives back the write lock.
func (rw *RWMutex) Unlock() {
	queued := atomic.AddInt32(&rw.active, writerBias)
	if queued >= writerBias {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	// Every reader counted in active now is one that queued during the write.
	for ; queued > 0; queued-- {
		runtime_Semrelease(&rw.readerQ)
	}
	rw.gate.Unlock()
}

// RLocker answers a Locker whose Lock and Unlock are rw's RLock and RUnlock.
// (Its dynamic type is *sync.rlocker, as %T shows in Go.)
func (rw *RWMutex) RLocker() Locker {
	return &rlocker{rw}
}

type rlocker struct{ rw *RWMutex }

func (l *rlocker) Lock()   { l.rw.RLock() }
func (l *rlocker) Unlock() { l.rw.RUnlock() }
