// Package signal implements access to incoming signals: on Plan 9, notes
// (go os/signal/signal.go, signal_plan9.go; docs/plan9-notes.md §2.5).
//
// The first Notify switches the runtime's note queue on for good: from then
// on every note the note table marks Notify (interrupt, hangup, alarm,
// abort, unknown notes...) is queued for this package instead of killing
// the program, even after Stop, until the runtime's 64-slot queue is full.
// A goroutine started by the first Notify receives them and delivers each
// to the channels that asked for it, never blocking: a full channel misses
// the note.
package signal

import (
	"os"
	"sync"
	"syscall"
)

// The runtime's note queue, linked by name (host/abi/defs.ts).
func signal_enable(note string)
func signal_recv() string

// A handler is one channel's subscription: every note, or the named ones.
type handler struct {
	c       chan<- os.Signal
	all     bool
	notes   []string
	ignored []string // notes Ignore or Reset removed from an "all" subscription
}

func (h *handler) wants(note string) bool {
	if h.all {
		return !contains(h.ignored, note)
	}
	return contains(h.notes, note)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func remove(list []string, s string) []string {
	out := list[:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

var handlers struct {
	mu   sync.Mutex
	list []*handler
}

var watchOnce sync.Once

// Notify causes package signal to relay incoming notes to c. If no notes
// are provided, all incoming notes will be relayed to c. Otherwise, just
// the provided notes will.
//
// Package signal will not block sending to c: the caller must ensure that
// c has sufficient buffer space to keep up with the expected note rate.
func Notify(c chan<- os.Signal, sig ...os.Signal) {
	if c == nil {
		panic("os/signal: Notify using nil channel")
	}
	handlers.mu.Lock()
	defer handlers.mu.Unlock()
	var h *handler
	for _, x := range handlers.list {
		if x.c == c {
			h = x
		}
	}
	if h == nil {
		h = &handler{c: c}
		handlers.list = append(handlers.list, h)
	}
	watchOnce.Do(func() { go loop() })
	if len(sig) == 0 {
		h.all = true
		h.ignored = nil
		signal_enable("")
		return
	}
	for _, s := range sig {
		name := s.String()
		if h.all {
			h.ignored = remove(h.ignored, name)
		} else if !contains(h.notes, name) {
			h.notes = append(h.notes, name)
		}
		signal_enable(name)
	}
}

// Stop causes package signal to stop relaying incoming notes to c. When
// Stop returns, it is guaranteed that c will receive no more notes. The
// runtime keeps queueing notes (Plan 9 cannot disable the queue), so they
// no longer kill the program.
func Stop(c chan<- os.Signal) {
	handlers.mu.Lock()
	defer handlers.mu.Unlock()
	for i, h := range handlers.list {
		if h.c == c {
			handlers.list = append(handlers.list[:i], handlers.list[i+1:]...)
			return
		}
	}
}

// Ignore causes the provided notes to be ignored by every channel (with
// none, all notes). The runtime's side does nothing on Plan 9.
func Ignore(sig ...os.Signal) {
	cancel(sig)
}

// Reset undoes the effect of any prior calls to Notify for the provided
// notes (with none, all notes).
func Reset(sig ...os.Signal) {
	cancel(sig)
}

func cancel(sig []os.Signal) {
	handlers.mu.Lock()
	defer handlers.mu.Unlock()
	if len(sig) == 0 {
		handlers.list = nil
		return
	}
	for _, h := range handlers.list {
		for _, s := range sig {
			name := s.String()
			if h.all {
				if !contains(h.ignored, name) {
					h.ignored = append(h.ignored, name)
				}
			} else {
				h.notes = remove(h.notes, name)
			}
		}
	}
}

// Ignored reports whether sig is currently ignored: never on Plan 9, whose
// runtime has no per-note ignore (signal_ignored returns false).
func Ignored(sig os.Signal) bool {
	return false
}

// loop receives notes from the runtime's queue for ever.
func loop() {
	for {
		process(syscall.Note(signal_recv()))
	}
}

// process delivers a note to every channel that wants it, without blocking.
func process(sig os.Signal) {
	name := sig.String()
	handlers.mu.Lock()
	defer handlers.mu.Unlock()
	for _, h := range handlers.list {
		if h.wants(name) {
			select {
			case h.c <- sig:
			default:
			}
		}
	}
}
