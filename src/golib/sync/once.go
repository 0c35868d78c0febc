package sync

import "sync/atomic"

// Once is an object that will perform exactly one action.
type Once struct {
	done int32
	m    Mutex
}

// Do calls the function f if and only if Do is being called for the first
// time for this instance of Once. No call to Do returns until the one call
// to f returns; if f panics, Do considers it to have returned.
func (o *Once) Do(f func()) {
	if atomic.LoadInt32(&o.done) == 0 {
		o.doSlow(f)
	}
}

func (o *Once) doSlow(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done == 0 {
		defer atomic.StoreInt32(&o.done, 1)
		f()
	}
}
