// Notes delivered to os/signal: the scenarios of Go's
// os/signal/signal_plan9_test.go (docs/plan9-notes.md §4.3), written for
// p9rt and run by `p9rt test` in virtual time
// (tests/node/golib-gotests-signal.test.mjs). Plan 9 only: it posts notes
// through /proc/<pid>/note, so the host's `go test` does not build it.
//
// A program notes itself through syscall.Getpid(), which on Plan 9 is the
// pid of the proc (M) running the goroutine: whichever M posts is the one
// noted (docs/plan9-notes.md §5 item 28).
//
// TestStress runs 3 s of virtual time, or 2 ms with -short where Go uses
// 100 ms: each round (open, write, close of the note file, a delivery,
// Gosched) costs about 1.2 µs of virtual time but some 3 ms of host time,
// and 2 ms already posts over a thousand alarms, many more than the
// runtime's 64-note queue holds, so the full-queue path runs too.

//go:build plan9

package signal_test

import (
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// note posts text to the proc running the calling goroutine.
func note(text string) error {
	f, err := os.OpenFile("/proc/"+strconv.Itoa(syscall.Getpid())+"/note", os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.Write([]byte(text))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// expect fails the test unless want arrives on c within a second.
func expect(t *testing.T, c <-chan os.Signal, want string) {
	t.Helper()
	select {
	case got := <-c:
		if got != syscall.Note(want) {
			t.Fatalf("received %v, want %v", got, want)
		}
	case <-time.After(time.Second):
		t.Fatalf("no %v within a second", want)
	}
}

// quiet fails the test if anything arrives on c within 100ms.
func quiet(t *testing.T, c <-chan os.Signal) {
	t.Helper()
	select {
	case got := <-c:
		t.Fatalf("received %v after Stop", got)
	case <-time.After(100 * time.Millisecond):
	}
}

func TestSignal(t *testing.T) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.Note("hangup"))
	defer signal.Stop(hup)
	t.Logf("posting hangup")
	note("hangup")
	expect(t, hup, "hangup")

	// A second channel subscribed to every note.
	all := make(chan os.Signal, 1)
	signal.Notify(all)
	t.Logf("posting alarm")
	note("alarm")
	expect(t, all, "alarm")

	// hup is not read now and fills up after one more hangup; delivery to
	// all must go on regardless.
	for i := 0; i < 2; i++ {
		t.Logf("posting hangup")
		note("hangup")
		expect(t, all, "hangup")
	}
	expect(t, hup, "hangup")
}

func TestStress(t *testing.T) {
	length := 3 * time.Second
	if testing.Short() {
		length = 2 * time.Millisecond
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))

	stop := make(chan struct{})
	var both [2]chan struct{}
	for i := range both {
		both[i] = make(chan struct{})
	}
	// One goroutine takes alarms off a channel as they come ...
	go func() {
		defer close(both[0])
		alarms := make(chan os.Signal, 1)
		signal.Notify(alarms, syscall.Note("alarm"))
		defer signal.Stop(alarms)
		for {
			select {
			case <-alarms:
			case <-stop:
				return
			}
		}
	}()
	// ... while another posts them as fast as it can.
	go func() {
		defer close(both[1])
		for {
			select {
			case <-stop:
				return
			default:
			}
			note("alarm")
			runtime.Gosched()
		}
	}()
	time.Sleep(length)
	close(stop)
	<-both[0]
	<-both[1]
	// Alarms still on their way must not reach the next test.
	time.Sleep(10 * time.Millisecond)
}

func TestStop(t *testing.T) {
	if testing.Short() {
		t.Skip("not in -short")
	}
	for _, sig := range []string{"alarm", "hangup"} {
		// Before anyone asked for it, an alarm is ignored by the runtime.
		// A hangup would end the program, so none is posted unasked.
		if sig != "hangup" {
			note(sig)
		}
		time.Sleep(100 * time.Millisecond)

		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.Note(sig))
		defer signal.Stop(c)
		note(sig)
		expect(t, c, sig)

		// After Stop the channel hears nothing, posted or not.
		signal.Stop(c)
		quiet(t, c)
		if sig != "hangup" {
			note(sig)
		}
		quiet(t, c)
	}
}
