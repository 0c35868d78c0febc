package os

import (
	"internal/poll"
	"io/fs"
)

// The errors os functions report, whatever the system; the file-system
// ones are io/fs's.
var (
	ErrInvalid    = fs.ErrInvalid // "invalid argument"; also File's methods on a nil *File
	ErrPermission = fs.ErrPermission
	ErrExist      = fs.ErrExist
	ErrNotExist   = fs.ErrNotExist
	ErrClosed     = fs.ErrClosed

	ErrNoDeadline       = errNoDeadline()
	ErrDeadlineExceeded = errDeadlineExceeded()
)

func errNoDeadline() error { return poll.ErrNoDeadline }

// errDeadlineExceeded returns the value for os.ErrDeadlineExceeded: the
// same value as poll.ErrDeadlineExceeded, so errors.Is matches the error a
// net Read returns.
func errDeadlineExceeded() error { return poll.ErrDeadlineExceeded }

// A PathError is a failed operation on a named file (io/fs's type).
type PathError = fs.PathError

// A SyscallError is the failure of the system call it names.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

func (e *SyscallError) Unwrap() error { return e.Err }

// Timeout is Err's Timeout, false when Err has none.
func (e *SyscallError) Timeout() bool {
	if t, has := e.Err.(interface{ Timeout() bool }); has {
		return t.Timeout()
	}
	return false
}

// NewSyscallError wraps err, the failure of the named call; nil stays nil.
func NewSyscallError(syscall string, err error) error {
	if err != nil {
		return &SyscallError{Syscall: syscall, Err: err}
	}
	return nil
}

// IsExist, IsNotExist and IsPermission look at err itself or, for a
// *PathError or *SyscallError, at the error inside (one level only, not the
// whole chain: that is errors.Is), and compare it with ErrExist,
// ErrNotExist or ErrPermission, directly or through its Is method.
func IsExist(err error) bool      { return causeIs(err, ErrExist) }
func IsNotExist(err error) bool   { return causeIs(err, ErrNotExist) }
func IsPermission(err error) bool { return causeIs(err, ErrPermission) }

// IsTimeout: the same cause's Timeout method says so.
func IsTimeout(err error) bool {
	t, has := cause(err).(interface{ Timeout() bool })
	return has && t.Timeout()
}

func causeIs(err, target error) bool {
	c := cause(err)
	if c == target {
		return true
	}
	m, has := c.(interface{ Is(error) bool })
	return has && m.Is(target)
}

// cause unwraps one *PathError or *SyscallError.
func cause(err error) error {
	if pe, ok := err.(*PathError); ok {
		return pe.Err
	}
	if se, ok := err.(*SyscallError); ok {
		return se.Err
	}
	return err
}
