// Package syscall is Plan 9's system-call interface (go syscall/syscall_plan9.go),
// over the core's runtime.syscall intrinsic. Calls take and return words:
// strings and byte slices are passed as (address, length) (docs/abi.md).
package syscall

import (
	"internal/oserror"
	"runtime"
)

const ImplementsGetwd = false

// ErrorString implements Error's String method by returning itself.
//
// ErrorString values can be tested against error values using errors.Is.
type ErrorString string

func (e ErrorString) Error() string { return string(e) }

// NewError converts s to an ErrorString, which satisfies the Error interface.
func NewError(s string) error { return ErrorString(s) }

func (e ErrorString) Is(target error) bool {
	switch target {
	case oserror.ErrPermission:
		return checkErrMessageContent(e, "permission denied")
	case oserror.ErrExist:
		return checkErrMessageContent(e, "exists", "is a directory")
	case oserror.ErrNotExist:
		return checkErrMessageContent(e, "does not exist", "not found",
			"has been removed", "no parent")
	}
	return false
}

// checkErrMessageContent checks if err message contains one of msgs.
func checkErrMessageContent(e ErrorString, msgs ...string) bool {
	for _, msg := range msgs {
		if contains(string(e), msg) {
			return true
		}
	}
	return false
}

// contains is a local version of strings.Contains. It knows len(sep) > 1.
func contains(s, sep string) bool {
	n := len(sep)
	c := sep[0]
	for i := 0; i+n <= len(s); i++ {
		if s[i] == c && s[i:i+n] == sep {
			return true
		}
	}
	return false
}

func (e ErrorString) Temporary() bool {
	return e == EINTR || e == EMFILE || e.Timeout()
}

func (e ErrorString) Timeout() bool {
	return e == EBUSY || e == ETIMEDOUT
}

// A Note is a string describing a process note.
// It implements the os.Signal interface.
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

// readnum reads a decimal number from a small file such as #c/pid, whose
// text is "%11d " (go syscall/syscall_plan9.go).
func readnum(path string) (uint, error) {
	var b [12]byte

	fd, e := Open(path, O_RDONLY)
	if e != nil {
		return 0, e
	}
	defer Close(fd)

	n, e := Pread(fd, b[:], 0)

	if e != nil {
		return 0, e
	}

	m := 0
	for ; m < n && b[m] == ' '; m++ {
	}

	return atoi(b[m : n-1]), nil
}

func atoi(b []byte) (n uint) {
	n = 0
	for i := 0; i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
		n = n*10 + uint(b[i]-'0')
	}
	return
}

// Getpid is the pid of the proc (M) running the calling goroutine, read
// from "#c/pid" with three system calls, as on Plan 9: internal/poll relies
// on it being the current proc's (docs/plan9-notes.md §5 item 28).
func Getpid() (pid int) {
	n, _ := readnum("#c/pid")
	return int(n)
}

func Getppid() (ppid int) {
	n, _ := readnum("#c/ppid")
	return int(n)
}
