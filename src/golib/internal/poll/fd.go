// Package poll supports non-blocking I/O on file descriptors. On Plan 9 it
// has no poller: each Read or Write of a network connection runs on its own
// proc, so that a deadline can interrupt it with a note (fd_io_plan9.go).
// Only package net uses FD on Plan 9; os.File does not.
package poll

import "errors"

// errNetClosing is the type of the variable ErrNetClosing. It is used to
// implement net.ErrClosed, which must have Timeout and Temporary methods.
type errNetClosing struct{}

// Error returns the error message for ErrNetClosing. Keep this string
// consistent because of issue #4373: programs compare against it.
func (e errNetClosing) Error() string { return "use of closed network connection" }

func (e errNetClosing) Timeout() bool   { return false }
func (e errNetClosing) Temporary() bool { return false }

// ErrNetClosing is returned when a network descriptor is used after it has
// been closed.
var ErrNetClosing = errNetClosing{}

// ErrFileClosing is returned when a file descriptor is used after it has
// been closed.
var ErrFileClosing = errors.New("use of closed file")

// ErrNoDeadline is returned when a request is made to set a deadline on a
// file type that does not use the poller.
var ErrNoDeadline = errors.New("file type does not support deadline")

// errClosing returns the error for I/O on a closed descriptor.
func errClosing(isFile bool) error {
	if isFile {
		return ErrFileClosing
	}
	return ErrNetClosing
}

// ErrDeadlineExceeded is returned for an expired deadline. os and net
// export the same value as os.ErrDeadlineExceeded.
var ErrDeadlineExceeded error = &DeadlineExceededError{}

// DeadlineExceededError is returned for an expired deadline.
type DeadlineExceededError struct{}

// Implement the net.Error interface. The string is "i/o timeout" because
// that is what was returned by earlier Go versions; programs match it.
func (e *DeadlineExceededError) Error() string   { return "i/o timeout" }
func (e *DeadlineExceededError) Timeout() bool   { return true }
func (e *DeadlineExceededError) Temporary() bool { return true }

// stringsHasSuffix is strings.HasSuffix; poll may not import strings.
func stringsHasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}
