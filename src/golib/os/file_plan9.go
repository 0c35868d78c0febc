package os

import (
	"internal/poll"
	"io"
	"syscall"
)

// A File is an open Plan 9 file descriptor and the name it was opened by.
// (Go puts these in an embedded *file so that copying a File cannot
// break it; p9rt keeps them in File itself.)
type File struct {
	fd   int
	name string
}

// closedFd marks a File that has been closed.
const closedFd = -1

// Fd is the Plan 9 file descriptor; after Close it means nothing.
func (f *File) Fd() uintptr {
	if f == nil {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

// NewFile makes a File of an open descriptor; nil for a negative one.
func NewFile(fd uintptr, name string) *File {
	if int(fd) < 0 {
		return nil
	}
	return &File{fd: int(fd), name: name}
}

// OpenFile opens (or creates) name, the way Go's Plan 9 port does:
// O_CREATE with O_TRUNC, or O_EXCL, is a create call (which truncates or
// fails on an existing file); O_CREATE alone opens and creates only when
// the open finds nothing. Plan 9 has no append mode, so O_APPEND is a
// seek to the end after opening.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	has := func(bit int) bool { return flag&bit != 0 }
	create, excl, trunc, appending := has(O_CREATE), has(O_EXCL), has(O_TRUNC), has(O_APPEND)
	mode := flag &^ (O_CREATE | O_APPEND)
	bits := uint32(perm & ModePerm)

	var fd int
	var err error
	if excl || (create && trunc) {
		fd, err = syscall.Create(name, mode, bits)
	} else if fd, err = syscall.Open(name, mode); err != nil && create && IsNotExist(err) {
		if fd, err = syscall.Create(name, mode, bits); err != nil {
			return nil, &PathError{Op: "create", Path: name, Err: err}
		}
	}
	if err != nil {
		return nil, &PathError{Op: "open", Path: name, Err: err}
	}
	if appending {
		if _, err := syscall.Seek(fd, 0, io.SeekEnd); err != nil {
			return nil, &PathError{Op: "seek", Path: name, Err: err}
		}
	}
	return NewFile(uintptr(fd), name), nil
}

// Close closes the descriptor; a second Close is ErrInvalid.
func (f *File) Close() error {
	if f == nil || f.fd == closedFd {
		return ErrInvalid
	}
	err := syscall.Close(f.fd)
	f.fd = closedFd
	if err != nil {
		return &PathError{Op: "close", Path: f.name, Err: err}
	}
	return nil
}

// count is a system call's byte count as File reports it: never negative
// (a failed call returns -1).
func count(n int, err error) (int, error) {
	if n < 0 {
		return 0, err
	}
	return n, err
}

// eof: Plan 9 says "end of file" with a read of 0 bytes and no error.
func eof(n int, err error, want int) (int, error) {
	if n == 0 && err == nil && want > 0 {
		return 0, io.EOF
	}
	return n, err
}

// read reads once at the current offset. It is not retried when a note
// interrupts it: on Plan 9 Go's os calls the system once
// (docs/plan9-notes.md §2.8).
//
// While it waits it is listed for p9rt/pending (issue 11: a pipe or
// /dev/cons can keep it forever), and pending.Interrupt ends it with an
// *InterruptError.
func (f *File) read(b []byte) (int, error) {
	op := poll.BeginFileRead(f.name, len(b))
	n, err := count(syscall.Read(f.fd, b))
	if poll.EndFileRead(op, err) {
		err = &poll.InterruptError{Op: op.String()}
	}
	return eof(n, err, len(b))
}

// pread reads once at offset off.
func (f *File) pread(b []byte, off int64) (int, error) {
	n, err := count(syscall.Pread(f.fd, b, off))
	return eof(n, err, len(b))
}

// write writes once. Plan 9 keeps write boundaries (an empty write is a
// message of its own on a pipe or a network connection), so an empty b is
// not written at all.
func (f *File) write(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	return count(syscall.Write(f.fd, b))
}

// Remove removes the file or (empty) directory name.
func Remove(name string) error {
	if err := syscall.Remove(name); err != nil {
		return &PathError{Op: "remove", Path: name, Err: err}
	}
	return nil
}

// Pipe makes a pipe: what is written to w is read from r. (A Plan 9 pipe
// is bidirectional; Go uses it one way.)
func Pipe() (r *File, w *File, err error) {
	fds := make([]int, 2)
	if err := syscall.Pipe(fds); err != nil {
		return nil, nil, NewSyscallError("pipe", err)
	}
	return NewFile(uintptr(fds[0]), "|0"), NewFile(uintptr(fds[1]), "|1"), nil
}
