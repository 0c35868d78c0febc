// Package os is Go's operating-system interface for programs on p9rt,
// over the emulated Plan 9 kernel; Go's os/file.go and file_plan9.go are
// the reference.
package os

import (
	"io"
	"syscall"
	"time"
)

// The program's standard input, output and error (descriptors 0, 1, 2,
// all /dev/cons in the kernel).
var (
	Stdin  = NewFile(uintptr(syscall.Stdin), "/dev/stdin")
	Stdout = NewFile(uintptr(syscall.Stdout), "/dev/stdout")
	Stderr = NewFile(uintptr(syscall.Stderr), "/dev/stderr")
)

// Name is the name the file was opened by.
func (f *File) Name() string { return f.name }

// pathError is err, from op on f, as the methods of File return it:
// nothing and io.EOF as they are, any other error in a *PathError.
func (f *File) pathError(op string, err error) error {
	if err == nil || err == io.EOF {
		return err
	}
	return &PathError{Op: op, Path: f.name, Err: err}
}

// Read reads what is there, up to len(b) bytes; at the end of the file it
// returns 0 and io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	n, err = f.read(b)
	return n, f.pathError("read", err)
}

// ReadAt fills b from offset off, reading as often as it takes; fewer
// bytes than len(b) come with an error (io.EOF at the end of the file).
func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	for n < len(b) {
		k, err := f.pread(b[n:], off+int64(n))
		if err != nil {
			return n, f.pathError("read", err)
		}
		if k == 0 {
			return n, io.EOF
		}
		n += k
	}
	return n, nil
}

// Write writes b; when not all of it was written the error says why, or
// is io.ErrShortWrite.
func (f *File) Write(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	n, err = f.write(b)
	if err != nil {
		return n, f.pathError("write", err)
	}
	if n != len(b) {
		return n, io.ErrShortWrite
	}
	return n, nil
}

// WriteString writes the bytes of s.
func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// Seek moves the file's offset, counted from where whence says
// (io.SeekStart, io.SeekCurrent, io.SeekEnd), and returns the new offset.
func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	ret, err = syscall.Seek(f.fd, offset, whence)
	if err != nil {
		return 0, f.pathError("seek", err)
	}
	return ret, nil
}

// Open opens name for reading only.
func Open(name string) (*File, error) { return OpenFile(name, O_RDONLY, 0) }

// Create makes name an empty file open for reading and writing, creating
// it (mode 0666) when it does not exist.
func Create(name string) (*File, error) {
	return OpenFile(name, O_CREATE|O_TRUNC|O_RDWR, 0666)
}

// ReadFile returns the whole contents of name.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	contents, err := io.ReadAll(f)
	if err != nil {
		return contents, err
	}
	return contents, nil
}

// WriteFile makes name hold data (created with perm if it does not exist,
// emptied first if it does).
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_CREATE|O_TRUNC|O_WRONLY, perm)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil {
		return werr
	}
	return cerr
}

// Plan 9 files have no deadlines (they do not go through internal/poll):
// the three setters return ErrNoDeadline itself, unwrapped, as Go's Plan 9
// port does.

func (f *File) noDeadline() error {
	if f == nil {
		return ErrInvalid
	}
	return ErrNoDeadline
}

func (f *File) SetDeadline(t time.Time) error      { return f.noDeadline() }
func (f *File) SetReadDeadline(t time.Time) error  { return f.noDeadline() }
func (f *File) SetWriteDeadline(t time.Time) error { return f.noDeadline() }
