// Package fs defines the errors and types os shares with other packages
// (go io/fs: the parts p9rt's os uses).
package fs

import "internal/oserror"

// The errors every file system reports in the same way; os gives them
// other names (os.ErrNotExist is ErrNotExist).
var (
	ErrInvalid    = oserror.ErrInvalid    // "invalid argument"
	ErrPermission = oserror.ErrPermission // "permission denied"
	ErrExist      = oserror.ErrExist      // "file already exists"
	ErrNotExist   = oserror.ErrNotExist   // "file does not exist"
	ErrClosed     = oserror.ErrClosed     // "file already closed"
)

// A PathError is a failed operation on a file: what was done (Op), to
// which path, and why (Err). Error reads "op path: err".
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }

// Timeout is Err's Timeout, false when Err has none.
func (e *PathError) Timeout() bool {
	if t, has := e.Err.(interface{ Timeout() bool }); has {
		return t.Timeout()
	}
	return false
}

// A FileMode holds a file's kind (the high bits) and its permissions (the
// low nine).
type FileMode uint32

// The mode bits (Go's values).
const (
	ModeDir       FileMode = 1 << (32 - 1 - 0)
	ModeAppend    FileMode = 1 << (32 - 1 - 1)
	ModeExclusive FileMode = 1 << (32 - 1 - 2)
	ModeTemporary FileMode = 1 << (32 - 1 - 3)
	ModePerm      FileMode = 0777
)
