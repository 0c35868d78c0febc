package os

import (
	"errors"
	"syscall"
)

// ErrProcessDone indicates a Process has finished.
var ErrProcessDone = errors.New("os: process already finished")

// Process stores the information about a process created by StartProcess
// or found by FindProcess.
type Process struct {
	Pid  int
	done bool
}

// A Signal represents an operating system signal; on Plan 9 a note
// (syscall.Note).
type Signal interface {
	String() string
	Signal() // to distinguish from other Stringers
}

// The only signal values guaranteed to be present in the os package on
// all systems are Interrupt and Kill.
var (
	Interrupt Signal = syscall.Note("interrupt")
	Kill      Signal = syscall.Note("kill")
)

// FindProcess looks for a running process by its pid. On Plan 9 it always
// succeeds, and returns a Process for the given pid regardless of whether
// the process exists.
func FindProcess(pid int) (*Process, error) {
	return &Process{Pid: pid}, nil
}

// Signal sends a signal to the Process: on Plan 9, writes the note's text
// to /proc/<pid>/note.
func (p *Process) Signal(sig Signal) error {
	return p.signal(sig)
}

// Kill causes the Process to exit immediately: it is sent the note "kill".
func (p *Process) Kill() error {
	return p.signal(Kill)
}

// Release releases any resources associated with the Process p.
func (p *Process) Release() error {
	p.Pid = -1
	return nil
}
