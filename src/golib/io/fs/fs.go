// Package fs defines the errors and types os shares with other packages
// (go io/fs: the parts p9rt's os uses).
package fs

import "internal/oserror"

// Generic file system errors.
var (
	ErrInvalid    = oserror.ErrInvalid    // "invalid argument"
	ErrPermission = oserror.ErrPermission // "permission denied"
	ErrExist      = oserror.ErrExist      // "file already exists"
	ErrNotExist   = oserror.ErrNotExist   // "file does not exist"
	ErrClosed     = oserror.ErrClosed     // "file already closed"
)

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }

// Timeout reports whether this error represents a timeout.
func (e *PathError) Timeout() bool {
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

// A FileMode represents a file's mode and permission bits.
type FileMode uint32

// The mode bits (Go's values).
const (
	ModeDir       FileMode = 1 << (32 - 1 - 0)
	ModeAppend    FileMode = 1 << (32 - 1 - 1)
	ModeExclusive FileMode = 1 << (32 - 1 - 2)
	ModeTemporary FileMode = 1 << (32 - 1 - 3)
	ModePerm      FileMode = 0777
)
