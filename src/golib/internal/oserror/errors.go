// Package oserror defines errors values used in the os package
// (go internal/oserror/errors.go).
//
// They live below os and io/fs so that syscall can refer to them too.
package oserror

import "errors"

var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)
