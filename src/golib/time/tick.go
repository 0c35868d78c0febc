package time

// A Ticker sends the time on C once every period.
type Ticker struct {
	C  <-chan Time
	c  chan Time // C, for sending and for Reset
	id int
}

// NewTicker starts a Ticker of period d (which must be more than 0). C has
// room for one tick: a receiver that falls behind misses ticks rather than
// receiving a backlog.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c, c: c}
	t.id = startTimer(when(d), int64(d), func() { sendTime(c) })
	return t
}

// Stop ends the ticks; C is not closed, so a receiver just waits.
func (t *Ticker) Stop() {
	stopTimer(t.id)
}

// Reset starts the ticks over with period d, the first one d from now.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	stopTimer(t.id)
	c := t.c
	t.id = startTimer(when(d), int64(d), func() { sendTime(c) })
}

// Tick is NewTicker(d).C, for a ticker that is never stopped; nil for a
// d of 0 or less.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
