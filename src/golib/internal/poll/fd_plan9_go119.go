package poll

import "time"

// The deadline logic of Go 1.19.8, before the fix of issue 57114, kept so
// both can be run on the same kernel and compared (docs/plan9-notes.md §3.6-3.7).
//
// Go119Deadlines selects it. It is read once, at package initialization,
// from the runtime (host/abi/defs.ts "internal/poll.runtime_pollVariant":
// 1 = Go 1.19.8); a program may also set it before making connections.
var Go119Deadlines = runtime_pollVariant() == 1

// runtime_pollVariant reports which deadline logic the run asked for:
// 0 = current Go, 1 = Go 1.19.8.
func runtime_pollVariant() int

// setDeadlineImplGo119 differs from setDeadlineImpl in three ways, each a
// bug the later CLs fixed:
//   - a new future deadline does not stop the previous timer: the old
//     timer still fires and sets timedout (and Cancels) later;
//   - the timer callback does not check that it is still the FD's timer, so
//     a callback already running when the deadline is cleared or moved
//     sets timedout after the fact (the #57114 interleaving, §3.7);
//   - a deadline of exactly now (d == 0) is ignored instead of being past
//     (#60282).
//
// timedout was an atomic in Go 1.19; every access here is under the
// direction's mutex too, so a plain bool behaves the same.
func setDeadlineImplGo119(fd *FD, t time.Time, mode int) error {
	d := t.Sub(time.Now())
	if mode == 'r' || mode == 'r'+'w' {
		fd.rmu.Lock()
		defer fd.rmu.Unlock()
		fd.rtimedout = false
	}
	if mode == 'w' || mode == 'r'+'w' {
		fd.wmu.Lock()
		defer fd.wmu.Unlock()
		fd.wtimedout = false
	}
	if t.IsZero() || d < 0 {
		// Stop timer
		if mode == 'r' || mode == 'r'+'w' {
			if fd.rtimer != nil {
				fd.rtimer.Stop()
			}
			fd.rtimer = nil
		}
		if mode == 'w' || mode == 'r'+'w' {
			if fd.wtimer != nil {
				fd.wtimer.Stop()
			}
			fd.wtimer = nil
		}
	} else {
		// Interrupt I/O operation once timer has expired
		if mode == 'r' || mode == 'r'+'w' {
			fd.rtimer = time.AfterFunc(d, func() {
				fd.rmu.Lock()
				fd.rtimedout = true
				if fd.raio != nil {
					fd.raio.Cancel()
				}
				fd.rmu.Unlock()
			})
		}
		if mode == 'w' || mode == 'r'+'w' {
			fd.wtimer = time.AfterFunc(d, func() {
				fd.wmu.Lock()
				fd.wtimedout = true
				if fd.waio != nil {
					fd.waio.Cancel()
				}
				fd.wmu.Unlock()
			})
		}
	}
	if !t.IsZero() && d < 0 {
		// Interrupt current I/O operation
		if mode == 'r' || mode == 'r'+'w' {
			fd.rtimedout = true
			if fd.raio != nil {
				fd.raio.Cancel()
			}
		}
		if mode == 'w' || mode == 'r'+'w' {
			fd.wtimedout = true
			if fd.waio != nil {
				fd.waio.Cancel()
			}
		}
	}
	return nil
}
