package time

// A Ticker holds a channel that delivers “ticks” of a clock at intervals.
type Ticker struct {
	C  <-chan Time
	c  chan Time // C, for sending and for Reset
	id int
}

// NewTicker returns a new Ticker containing a channel that will send the
// current time on the channel after each tick. The period of the ticks is
// specified by the duration argument. The ticker drops ticks to make up for
// slow receivers. The duration d must be greater than zero.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c, c: c}
	t.id = startTimer(when(d), int64(d), func() { sendTime(c) })
	return t
}

// Stop turns off a ticker. After Stop, no more ticks will be sent.
func (t *Ticker) Stop() {
	stopTimer(t.id)
}

// Reset stops a ticker and resets its period to the specified duration.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	stopTimer(t.id)
	c := t.c
	t.id = startTimer(when(d), int64(d), func() { sendTime(c) })
}

// Tick is a convenience wrapper for NewTicker providing access to the
// ticking channel only.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
