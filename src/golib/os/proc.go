package os

import "syscall"

// Args hold the command-line arguments, starting with the program name.
var Args []string

func init() {
	Args = readArgs()
}

// readArgs reads the program's arguments from the kernel's /dev/args: the
// program name first, each argument followed by a NUL byte (docs/abi.md).
// (Plan 9 hands a program its arguments on the stack at exec; p9rt's
// kernel serves them as a file instead.)
func readArgs() []string {
	fd, err := syscall.Open("/dev/args", syscall.O_RDONLY)
	if err != nil {
		return nil
	}
	defer syscall.Close(fd)
	var data []byte
	buf := make([]byte, 512)
	for {
		n, err := syscall.Read(fd, buf)
		if n <= 0 || err != nil {
			break
		}
		data = append(data, buf[:n]...)
	}
	var args []string
	start := 0
	for i := 0; i < len(data); i++ {
		if data[i] == 0 {
			args = append(args, string(data[start:i]))
			start = i + 1
		}
	}
	if start < len(data) {
		args = append(args, string(data[start:]))
	}
	return args
}

// Getpid returns the process id of the caller: on Plan 9, the pid of the
// proc (M) running the calling goroutine.
func Getpid() int { return syscall.Getpid() }

// Getppid returns the process id of the caller's parent.
func Getppid() int { return syscall.Getppid() }

// Exit causes the current program to exit with the given status code.
// Conventionally, code zero indicates success, non-zero an error. The
// program terminates immediately; deferred functions are not run. The
// runtime posts "go: exit <code>" to every other proc and exits with the
// code as the exit string ("" for 0).
func Exit(code int) {
	syscall.Exit(code)
}
