package time

// Sleep pauses the current goroutine for at least the duration d.
// A negative or zero duration causes Sleep to return immediately.
func Sleep(d Duration)

// The core's timers, linked by name (host/abi/defs.ts Intrinsic): a timer
// runs f in a new goroutine when the runtime clock reaches when, then every
// period ns if period > 0.
func startTimer(when int64, period int64, f func()) int
func stopTimer(id int) bool
func resetTimer(id int, when int64) bool

// when is a time d from now on the runtime clock, saturating rather than
// overflowing (Go's when).
func when(d Duration) int64 {
	if d <= 0 {
		return runtimeNano()
	}
	t := runtimeNano() + int64(d)
	if t < 0 {
		t = 1<<63 - 1
	}
	return t
}

// The Timer type represents a single event. When the Timer expires, the
// current time will be sent on C, unless the Timer was created by AfterFunc.
type Timer struct {
	C  <-chan Time
	id int
}

// Stop prevents the Timer from firing. It returns true if the call stops
// the timer, false if the timer has already expired or been stopped.
func (t *Timer) Stop() bool {
	if t.id == 0 {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(t.id)
}

// Reset changes the timer to expire after duration d. It returns true if
// the timer had been active, false if the timer had expired or been stopped.
func (t *Timer) Reset(d Duration) bool {
	if t.id == 0 {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(t.id, when(d))
}

// sendTime does a non-blocking send of the current time on c: a reader
// that is not ready misses the tick, as in Go.
func sendTime(c chan Time) {
	select {
	case c <- Now():
	default:
	}
}

// NewTimer creates a new Timer that will send the current time on its
// channel after at least duration d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c}
	t.id = startTimer(when(d), 0, func() { sendTime(c) })
	return t
}

// After waits for the duration to elapse and then sends the current time
// on the returned channel.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc waits for the duration to elapse and then calls f in its own
// goroutine. It returns a Timer that can be used to cancel the call using
// its Stop method.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{}
	t.id = startTimer(when(d), 0, f)
	return t
}
