package os

import "internal/itoa"

// signal posts sig's text as a note to the process, by writing it to
// /proc/<pid>/note: that is all a signal is on Plan 9.
func (p *Process) signal(sig Signal) error {
	if p.done {
		return ErrProcessDone
	}
	note, err := OpenFile("/proc/"+itoa.Itoa(p.Pid)+"/note", O_WRONLY, 0)
	if err == nil {
		_, err = note.Write([]byte(sig.String()))
		note.Close()
	}
	if err != nil {
		return NewSyscallError("signal", err)
	}
	return nil
}
