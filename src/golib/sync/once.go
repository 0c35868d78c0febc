package sync

import "sync/atomic"

// A Once runs one function, the first time Do is called.
type Once struct {
	done int32
	m    Mutex
}

// Do calls the function f if and only if Do is being called for the first
// time for this instance of Once. No call to Do returns until the one call
// to f returns; if f panics, Do considers it to have returned.
func (o *Once) Do(f func()) {
	if atomic.LoadInt32(&o.done) == 0 {
		o.first(f)
	}
}

func (o *Once) first(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done == 0 {
		defer atomic.StoreInt32(&o.done, 1)
		f()
	}
}
