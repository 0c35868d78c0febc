package sync

// Cond implements a condition variable, a rendezvous point for goroutines
// waiting for or announcing the occurrence of an event.
//
// Each waiter sleeps on its own semaphore, queued in arrival order, so
// Signal wakes the longest waiter, as Go's notify list does.
type Cond struct {
	L Locker

	mu      Mutex
	waiters []*uint32
}

// NewCond makes a Cond whose waiters hold l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait atomically unlocks c.L and suspends execution of the calling
// goroutine. After later resuming execution, Wait locks c.L before
// returning.
func (c *Cond) Wait() {
	s := new(uint32)
	c.mu.Lock()
	c.waiters = append(c.waiters, s)
	c.mu.Unlock()
	c.L.Unlock()
	runtime_Semacquire(s)
	c.L.Lock()
}

// Signal wakes the longest waiter, if any.
func (c *Cond) Signal() {
	c.mu.Lock()
	if len(c.waiters) > 0 {
		s := c.waiters[0]
		c.waiters = c.waiters[1:]
		runtime_Semrelease(s)
	}
	c.mu.Unlock()
}

// Broadcast wakes every waiter.
func (c *Cond) Broadcast() {
	c.mu.Lock()
	for _, s := range c.waiters {
		runtime_Semrelease(s)
	}
	c.waiters = nil
	c.mu.Unlock()
}
