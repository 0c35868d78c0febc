package poll

import "time"

// Go 1.19.8's deadline logic, from before the fix of issue 57114, kept so
// that both can be run on the same kernel and compared
// (docs/plan9-notes.md §3.6-3.7).
//
// Go119Deadlines selects it. It is read once, when the package is
// initialized, from the runtime (host/abi/defs.ts
// "internal/poll.runtime_pollVariant": 1 = Go 1.19.8); a program may also
// set it before it makes connections.
var Go119Deadlines = runtime_pollVariant() == 1

// runtime_pollVariant says which deadline logic the run asked for: 0 for
// current Go, 1 for Go 1.19.8.
func runtime_pollVariant() int

// setDeadlineImplGo119 has the three faults later CLs removed:
//   - a new future deadline leaves the previous timer running, so it still
//     fires later, sets timedout and Cancels;
//   - the callback does not check that it is still the FD's timer, so one
//     already running when the deadline is cleared or moved sets timedout
//     afterwards (the issue-57114 interleaving, §3.7);
//   - a deadline of exactly now (d == 0) is ignored rather than past
//     (issue 60282).
//
// Go 1.19 kept timedout in an atomic; here every access holds the
// direction's mutex as well, which comes to the same.
func setDeadlineImplGo119(fd *FD, t time.Time, mode int) error {
	left := t.Sub(time.Now())
	sides := fd.sides(mode)
	for _, s := range sides {
		s.mu.Lock()
		defer s.mu.Unlock()
		*s.timedout = false
	}
	for _, s := range sides {
		switch {
		case t.IsZero() || left < 0:
			s.disarm()
		default:
			s.armUnchecked(left)
		}
	}
	if !t.IsZero() && left < 0 {
		for _, s := range sides {
			s.expire()
		}
	}
	return nil
}

// armUnchecked starts a timer whose callback expires the side whatever
// has happened to the deadline since. The old timer, if any, is
// overwritten without being stopped.
func (s side) armUnchecked(d time.Duration) {
	*s.timer = time.AfterFunc(d, func() {
		s.mu.Lock()
		s.expire()
		s.mu.Unlock()
	})
}
