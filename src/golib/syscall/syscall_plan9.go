// Package syscall is Plan 9's system-call interface (go syscall/syscall_plan9.go),
// over the core's runtime.syscall intrinsic. Calls take and return words:
// strings and byte slices are passed as (address, length) (docs/abi.md).
package syscall

import (
	"internal/oserror"
	"runtime"
)

const ImplementsGetwd = false

// ErrorString is a Plan 9 error: the text the kernel left in the proc's
// error string. Plan 9 has no error numbers, so errors.Is with the os
// errors looks for the words the kernel and file servers use.
type ErrorString string

func (e ErrorString) Error() string { return string(e) }

// NewError makes an error of the text s.
func NewError(s string) error { return ErrorString(s) }

// The words that mark each kind of os error in Plan 9's error strings (the
// same lists Go's Plan 9 port matches).
var (
	permissionWords = []string{"permission denied"}
	existWords      = []string{"exists", "is a directory"}
	notExistWords   = []string{"does not exist", "not found", "has been removed", "no parent"}
)

func (e ErrorString) Is(target error) bool {
	var words []string
	switch target {
	case oserror.ErrPermission:
		words = permissionWords
	case oserror.ErrExist:
		words = existWords
	case oserror.ErrNotExist:
		words = notExistWords
	}
	for _, w := range words {
		if hasWord(string(e), w) {
			return true
		}
	}
	return false
}

// hasWord says whether w occurs in s (syscall cannot import strings).
func hasWord(s, w string) bool {
	for at := 0; at+len(w) <= len(s); at++ {
		if s[at:at+len(w)] == w {
			return true
		}
	}
	return false
}

// Temporary: worth retrying, as Go's Plan 9 port decides it.
func (e ErrorString) Temporary() bool {
	switch e {
	case EINTR, EMFILE:
		return true
	}
	return e.Timeout()
}

// Timeout: the error of a call that ran out of time.
func (e ErrorString) Timeout() bool {
	switch e {
	case EBUSY, ETIMEDOUT:
		return true
	}
	return false
}

// A Note is the text of a Plan 9 note, which os/signal treats as a signal.
type Note string

func (n Note) Signal() {}

func (n Note) String() string {
	return string(n)
}

var (
	Stdin  = 0
	Stdout = 1
	Stderr = 2
)

// The core's system-call entry, linked by name (host/abi/defs.ts Intrinsic).
func runtime_syscall(num, a0, a1, a2, a3, a4 int) int
func runtime_rawsyscall(num, a0, a1, a2, a3, a4 int) int
func runtime_stringData(s string) uintptr
func runtime_sliceData(b []byte) uintptr

// Syscall6 makes system call num and, if it fails, reads the proc's error
// string. Go's assembly does both before exitsyscall, on the same proc; here
// the goroutine is wired to its M across the two calls for the same reason:
// errstr belongs to the proc that failed, and a goroutine returning from a
// blocking call may otherwise be resumed on another M.
func Syscall6(num, a0, a1, a2, a3, a4 int) (int, error) {
	runtime.LockOSThread()
	r := runtime_syscall(num, a0, a1, a2, a3, a4)
	var err error
	if r == -1 {
		err = errstrError()
	}
	runtime.UnlockOSThread()
	return r, err
}

// RawSyscall6 is Syscall6 for calls that never block: the P is kept.
func RawSyscall6(num, a0, a1, a2, a3, a4 int) (int, error) {
	runtime.LockOSThread()
	r := runtime_rawsyscall(num, a0, a1, a2, a3, a4)
	var err error
	if r == -1 {
		err = errstrError()
	}
	runtime.UnlockOSThread()
	return r, err
}

func errstrError() error {
	return ErrorString(errstr())
}

// errstr swaps the proc's error string with an empty ERRMAX-byte buffer,
// as Plan 9's errstr(2) does, and returns what it held.
func errstr() string {
	var buf [ERRMAX]byte
	n := runtime_rawsyscall(SYS_ERRSTR, int(runtime_sliceData(buf[:])), ERRMAX, 0, 0, 0)
	if n < 0 || n > ERRMAX {
		n = 0
		for n < ERRMAX && buf[n] != 0 {
			n++
		}
	}
	return string(buf[:n])
}

// Errstr returns the proc's current error string and clears it.
func Errstr() string {
	runtime.LockOSThread()
	s := errstr()
	runtime.UnlockOSThread()
	return s
}

func str(s string) (int, int) {
	return int(runtime_stringData(s)), len(s)
}

func buf(b []byte) (int, int) {
	if len(b) == 0 {
		return 0, 0
	}
	return int(runtime_sliceData(b)), len(b)
}

// Exit ends the program with the status code (go runtime links
// syscall.Exit to its exit: goexitsall, then exits).
func Exit(code int)

func Open(path string, mode int) (fd int, err error) {
	p, n := str(path)
	return Syscall6(SYS_OPEN, p, n, mode, 0, 0)
}

func Create(path string, mode int, perm uint32) (fd int, err error) {
	p, n := str(path)
	return Syscall6(SYS_CREATE, p, n, mode, int(perm), 0)
}

func Remove(path string) error {
	p, n := str(path)
	_, err := Syscall6(SYS_REMOVE, p, n, 0, 0, 0)
	return err
}

func Close(fd int) (err error) {
	_, err = Syscall6(SYS_CLOSE, fd, 0, 0, 0, 0)
	return
}

func Dup(oldfd, newfd int) (fd int, err error) {
	return Syscall6(SYS_DUP, oldfd, newfd, 0, 0, 0)
}

// Pread reads from fd at offset; offset -1 reads at the current offset.
func Pread(fd int, p []byte, offset int64) (n int, err error) {
	b, l := buf(p)
	return Syscall6(SYS_PREAD, fd, b, l, int(offset), 0)
}

// Pwrite writes to fd at offset; offset -1 writes at the current offset.
func Pwrite(fd int, p []byte, offset int64) (n int, err error) {
	b, l := buf(p)
	return Syscall6(SYS_PWRITE, fd, b, l, int(offset), 0)
}

func Read(fd int, p []byte) (n int, err error) {
	return Pread(fd, p, -1)
}

func Write(fd int, p []byte) (n int, err error) {
	return Pwrite(fd, p, -1)
}

func Seek(fd int, offset int64, whence int) (newoffset int64, err error) {
	r, err := Syscall6(SYS_SEEK, fd, int(offset), whence, 0, 0)
	return int64(r), err
}

// Pipe makes a pipe: p[0] and p[1] are its two ends, both readable and
// writable (Plan 9 pipes are bidirectional).
func Pipe(p []int) error {
	if len(p) != 2 {
		return NewError("bad arg in system call")
	}
	// The kernel writes two little-endian i64 words.
	var b [16]byte
	_, err := Syscall6(SYS_PIPE, int(runtime_sliceData(b[:])), 0, 0, 0, 0)
	p[0], p[1] = int(le64(b[0:8])), int(le64(b[8:16]))
	return err
}

func le64(b []byte) uint64 {
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// Sleep sleeps for ms milliseconds; a note ends it early with EINTR.
func Sleep(ms int) error {
	_, err := Syscall6(SYS_SLEEP, ms, 0, 0, 0, 0)
	return err
}

// numberIn reads the number a small device file holds, such as #c/pid,
// whose text is the number right-aligned in 11 columns and a space.
func numberIn(path string) (uint, error) {
	fd, err := Open(path, O_RDONLY)
	if err != nil {
		return 0, err
	}
	var text [12]byte
	got, err := Pread(fd, text[:], 0)
	Close(fd)
	if err != nil {
		return 0, err
	}
	var v uint
	for _, c := range text[:got] {
		switch {
		case c >= '0' && c <= '9':
			v = v*10 + uint(c-'0')
		case c == ' ' && v == 0:
			// the padding before the digits
		default:
			return v, nil
		}
	}
	return v, nil
}

// Getpid is the pid of the proc (M) running the calling goroutine, read
// from "#c/pid" with three system calls, as on Plan 9: internal/poll relies
// on it being the current proc's (docs/plan9-notes.md §5 item 28).
func Getpid() (pid int) {
	n, _ := numberIn("#c/pid")
	return int(n)
}

func Getppid() (ppid int) {
	n, _ := numberIn("#c/ppid")
	return int(n)
}
