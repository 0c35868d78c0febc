// Package poll picks the deadline logic of p9rt's internal/poll for the rest
// of a run: Go 1.19.8's, from before the fix of Go issue 57114, or current
// Go's (docs/plan9-notes.md §3.6-3.7). It is p9rt's own package: a program
// may not import internal/poll, as Go refuses it. `p9rt run --poll` (and
// Machine.start's poll option) picks the logic a run starts with.
package poll

import ipoll "internal/poll"

// SetGo119Deadlines selects Go 1.19.8's deadline logic (true) or current
// Go's (false) for the deadlines set after the call.
func SetGo119Deadlines(on bool) {
	ipoll.Go119Deadlines = on
}

// Go119Deadlines reports whether Go 1.19.8's deadline logic is selected.
func Go119Deadlines() bool {
	return ipoll.Go119Deadlines
}
