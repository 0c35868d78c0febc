package sync

import "sync/atomic"

// A WaitGroup lets goroutines wait until a count of work in flight, raised
// by Add and lowered by Done, comes back to zero.
//
// state holds the counter in its high 32 bits and the number of waiters in
// its low 32 bits, so both change in one atomic step: a Wait that sees a
// nonzero counter registers itself in the same CAS, and the Add that brings
// the counter to zero cannot miss it.
type WaitGroup struct {
	state int64
	sema  uint32
}

// Add changes the count by delta (negative to lower it). Reaching zero lets
// every waiting goroutine go; going below zero is a panic.
func (wg *WaitGroup) Add(delta int) {
	state := atomic.AddInt64(&wg.state, int64(delta)<<32)
	v := int32(state >> 32)
	w := uint32(state)
	if v < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if v > 0 || w == 0 {
		return
	}
	// The counter is 0 and there are waiters: reset and wake them all.
	atomic.StoreInt64(&wg.state, 0)
	for ; w != 0; w-- {
		runtime_Semrelease(&wg.sema)
	}
}

// Done lowers the count by one.
func (wg *WaitGroup) Done() {
	wg.Add(-1)
}

// Wait returns once the count is zero: at once if it already is.
func (wg *WaitGroup) Wait() {
	for {
		state := atomic.LoadInt64(&wg.state)
		if int32(state>>32) == 0 {
			return
		}
		if atomic.CompareAndSwapInt64(&wg.state, state, state+1) {
			runtime_Semacquire(&wg.sema)
			return
		}
	}
}
