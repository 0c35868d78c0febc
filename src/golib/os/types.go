package os

import (
	"io/fs"
	"syscall"
)

// FileMode is io/fs's: a file's kind and permission bits.
type FileMode = fs.FileMode

// The defined file mode bits.
const (
	ModeDir    = fs.ModeDir
	ModeAppend = fs.ModeAppend
	ModePerm   = fs.ModePerm
)

// Flags to OpenFile, wrapping those of the underlying system (go os/file.go).
const (
	O_RDONLY int = syscall.O_RDONLY
	O_WRONLY int = syscall.O_WRONLY
	O_RDWR   int = syscall.O_RDWR
	O_APPEND int = syscall.O_APPEND
	O_CREATE int = syscall.O_CREAT
	O_EXCL   int = syscall.O_EXCL
	O_SYNC   int = syscall.O_SYNC
	O_TRUNC  int = syscall.O_TRUNC
)

// Seek whence values.
const (
	SEEK_SET int = 0
	SEEK_CUR int = 1
	SEEK_END int = 2
)
