package os

import "syscall"

// Args hold the command-line arguments, starting with the program name.
var Args []string

func init() {
	Args = runtime_args()
}

// runtime_args is the program's argument list, from the runtime.
func runtime_args() []string

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
