// Deadline tests for net connections: the scenarios and assertions of Go's
// net/timeout_test.go that run on Plan 9 (docs/plan9-notes.md §4.1), written
// for p9rt. The file is an external test (package net_test) so that it
// compiles both under `p9rt test` (virtual time) and under the host's real
// `go test`; tests/node/golib-gotests.test.mjs runs it both ways.
//
// What Go skips on Plan 9 ("not supported on plan9": dial and accept
// timeouts, the MustNotReturn tests, write fluctuation, prolonged timeouts)
// is not here. TestVariousDeadlines runs, as in current Go since the
// issue-57114 fix. Tests run one after another (no t.Parallel).
package net_test

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"
)

// ---- test servers -----------------------------------------------------------

// tcpListener listens on a free loopback port; the test closes it.
func tcpListener(t *testing.T) net.Listener {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// udpConn is an unconnected UDP endpoint on a free loopback port.
func udpConn(t *testing.T) net.PacketConn {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return pc
}

// dialTo connects to ln's address.
func dialTo(t *testing.T, ln net.Listener) net.Conn {
	c, err := net.Dial(ln.Addr().Network(), ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// server runs accept on its own goroutine; stop closes the listener and
// waits until accept has returned.
type server struct {
	ln   net.Listener
	done chan struct{}
}

func startServer(t *testing.T, accept func(net.Listener)) *server {
	s := &server{ln: tcpListener(t), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		accept(s.ln)
	}()
	return s
}

func (s *server) stop() {
	s.ln.Close()
	<-s.done
}

// ---- what a timeout error must look like ---------------------------------------

// timedOut holds when err says "deadline exceeded" in all three ways a
// caller may ask: as a net.Error whose Timeout is true, and through
// errors.Is with os.ErrDeadlineExceeded.
func timedOut(err error) bool {
	ne, ok := err.(net.Error)
	if !ok || !ne.Timeout() {
		return false
	}
	return errors.Is(err, os.ErrDeadlineExceeded)
}

// systemError: the error type the operating system's calls return
// (syscall.ErrorString on Plan 9, syscall.Errno on Unix).
func systemError(err error) bool {
	switch fmt.Sprintf("%T", err) {
	case "syscall.ErrorString", "syscall.Errno":
		return true
	}
	return false
}

// checkNetError says what is wrong with the shape of an error a net.Conn
// method returned, or nil: it must be a *net.OpError with Op, Net and Err
// set, and inside it a system error (bare or in an *os.SyscallError),
// net.ErrClosed, or, when timeouts are allowed, os.ErrDeadlineExceeded.
// io.EOF as such passes when eof is true (a read at the end of the stream).
func checkNetError(err error, eof, timeouts bool) error {
	if err == nil || (eof && err == io.EOF) {
		return nil
	}
	op, ok := err.(*net.OpError)
	if !ok {
		return fmt.Errorf("want a *net.OpError, got %T", err)
	}
	switch {
	case op.Op == "":
		return fmt.Errorf("OpError without Op: %v", op)
	case op.Net == "":
		return fmt.Errorf("OpError without Net: %v", op)
	case op.Err == nil:
		return fmt.Errorf("OpError without Err: %v", op)
	}
	inner := op.Err
	if se, ok := inner.(*os.SyscallError); ok {
		if systemError(se.Err) {
			return nil
		}
		return fmt.Errorf("want a system error in the SyscallError, got %T", se.Err)
	}
	if systemError(inner) || inner == net.ErrClosed || (timeouts && inner == os.ErrDeadlineExceeded) {
		return nil
	}
	return fmt.Errorf("unexpected error inside the OpError: %T", inner)
}

// wantTimeout fails the test unless err is a well-formed deadline error.
func wantTimeout(t *testing.T, what string, err error, eof bool) {
	t.Helper()
	if bad := checkNetError(err, eof, true); bad != nil {
		t.Errorf("%s: %v", what, bad)
	}
	if !timedOut(err) {
		t.Fatalf("%s: %v, want a deadline error", what, err)
	}
}

// ---- dial ----------------------------------------------------------------------

func TestDialTimeoutMaxDuration(t *testing.T) {
	ln := tcpListener(t)
	defer func() {
		if err := ln.Close(); err != nil {
			t.Error(err)
		}
	}()
	const forever = time.Duration(1<<63 - 1)
	// Neither a timeout nor a deadline this far away may overflow into the past.
	for _, d := range []net.Dialer{{Timeout: forever}, {Deadline: time.Now().Add(forever)}} {
		name := fmt.Sprintf("timeout=%v/deadline=%v", d.Timeout, !d.Deadline.IsZero())
		t.Run(name, func(t *testing.T) {
			c, err := d.Dial("tcp", ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Close(); err != nil {
				t.Error(err)
			}
		})
	}
}

// ---- a deadline set once, then I/O until it passes --------------------------------

// A deadline row: the deadline is now+after; steps says, for each call in
// turn that fails, whether it must be the deadline's error. Calls that
// succeed (before the deadline) are repeated with a pause of after/3.
type deadlineRow struct {
	after time.Duration
	steps []bool
}

var (
	// Past deadlines fail at once, even with data waiting or room to write.
	readRows  = []deadlineRow{{-5 * time.Second, []bool{true, true}}, {50 * time.Millisecond, []bool{false, true}}}
	writeRows = []deadlineRow{{-5 * time.Second, []bool{true, true}}, {10 * time.Millisecond, []bool{false, true}}}
)

// runRow drives op through a row; op returns the count and error of one call.
func runRow(t *testing.T, i int, row deadlineRow, eof bool, op func() (int, error)) {
	for j, mustTimeOut := range row.steps {
		for {
			n, err := op()
			what := fmt.Sprintf("row %d, step %d", i, j)
			if mustTimeOut {
				wantTimeout(t, what, err, eof)
			}
			if err == nil {
				time.Sleep(row.after / 3)
				continue
			}
			if n != 0 {
				t.Fatalf("%s: %d bytes with error %v, want 0", what, n, err)
			}
			break
		}
	}
}

func TestReadTimeout(t *testing.T) {
	srv := startServer(t, func(ln net.Listener) {
		c, err := ln.Accept()
		if err != nil {
			t.Error(err)
			return
		}
		defer c.Close()
		c.Write([]byte("READ TIMEOUT TEST"))
	})
	defer srv.stop()
	c := dialTo(t, srv.ln)
	defer c.Close()

	one := make([]byte, 1)
	for i, row := range readRows {
		if err := c.SetReadDeadline(time.Now().Add(row.after)); err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
		runRow(t, i, row, true, func() (int, error) { return c.Read(one) })
	}
}

func TestReadFromTimeout(t *testing.T) {
	// The server sends one datagram to the address it is given.
	peer := make(chan net.Addr)
	srv := udpConn(t)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if to, ok := <-peer; ok {
			srv.WriteTo([]byte("READFROM TIMEOUT TEST"), to)
		}
	}()
	defer func() {
		close(peer)
		srv.Close()
		<-done
	}()

	host, _, err := net.SplitHostPort(srv.LocalAddr().String())
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.ListenPacket("udp", net.JoinHostPort(host, "0"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	peer <- c.LocalAddr()

	one := make([]byte, 1)
	for i, row := range readRows {
		if err := c.SetReadDeadline(time.Now().Add(row.after)); err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
		runRow(t, i, row, true, func() (int, error) {
			n, _, err := c.ReadFrom(one)
			if ne, ok := err.(net.Error); !ok || !ne.Timeout() {
				n = 0 // only a timed-out ReadFrom must report no bytes
			}
			return n, err
		})
	}
}

func TestWriteTimeout(t *testing.T) {
	ln := tcpListener(t)
	defer ln.Close()
	for i, row := range writeRows {
		// A fresh connection per row: the first row leaves its writes timed out.
		c := dialTo(t, ln)
		defer c.Close()
		if err := c.SetWriteDeadline(time.Now().Add(row.after)); err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
		msg := []byte("WRITE TIMEOUT TEST")
		runRow(t, i, row, false, func() (int, error) { return c.Write(msg) })
	}
}

func TestWriteToTimeout(t *testing.T) {
	dst := udpConn(t)
	defer dst.Close()
	host, _, err := net.SplitHostPort(dst.LocalAddr().String())
	if err != nil {
		t.Fatal(err)
	}
	for _, after := range []time.Duration{-5 * time.Second, 10 * time.Millisecond} {
		t.Run(after.String(), func(t *testing.T) {
			src, err := net.ListenPacket("udp", net.JoinHostPort(host, "0"))
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			if err := src.SetWriteDeadline(time.Now().Add(after)); err != nil {
				t.Fatalf("SetWriteDeadline: %v", err)
			}
			// Two timeouts in a row are wanted; before a future deadline
			// passes, writes may succeed.
			for timeouts, call := 0, 0; timeouts < 2; call++ {
				n, err := src.WriteTo([]byte("WRITETO TIMEOUT TEST"), dst.LocalAddr())
				t.Logf("call %d: %d, %v", call, n, err)
				if err == nil && after >= 0 && timeouts == 0 {
					time.Sleep(after / 3)
					continue
				}
				if bad := checkNetError(err, false, true); bad != nil {
					t.Errorf("error of the wrong shape: %v", bad)
				}
				if !timedOut(err) {
					t.Errorf("%v is not a deadline error", err)
				}
				if n != 0 {
					t.Errorf("%d bytes written by a timed-out WriteTo", n)
				}
				timeouts++
			}
		})
	}
}

// ---- how late a deadline fires ------------------------------------------------------

// The first deadline tried, and the last: a machine too busy to meet one
// gets a longer one (5/4 of what the call took), up to the last.
const (
	firstDeadline = time.Millisecond
	lastDeadline  = 4 * time.Second
)

// readNothing makes read calls that can never get data, each with a
// deadline d ahead, and wants each to fail with the deadline's error no
// earlier than the deadline and no more than a tenth of d after it.
func readNothing(t *testing.T, setDeadline func(time.Time) error, read func([]byte) (int, error)) {
	buf := make([]byte, 256)
	for d := firstDeadline; ; {
		start := time.Now()
		deadline := start.Add(d)
		if err := setDeadline(deadline); err != nil {
			t.Fatalf("deadline %v: %v", deadline, err)
		}
		n, err := read(buf)
		end := time.Now()
		took := end.Sub(start)

		if ne, ok := err.(net.Error); n != 0 || !ok || !ne.Timeout() {
			t.Errorf("got (%d, %v), want (0, a timeout)", n, err)
		}
		if bad := checkNetError(err, true, true); bad != nil {
			t.Error(bad)
		}
		if !timedOut(err) {
			t.Errorf("%v is not a deadline error", err)
		}
		if end.Before(deadline) {
			t.Errorf("returned after %v, before the deadline of %v", took, d)
		}
		if t.Failed() {
			return
		}
		if took <= d*11/10 {
			return
		}
		if took >= lastDeadline {
			t.Fatalf("returned after %v, want at most %v", took, d*11/10)
		}
		t.Logf("returned after %v for a deadline of %v; once more with more time", took, d)
		d = took * 5 / 4
		if d > lastDeadline {
			d = lastDeadline
		}
	}
}

func TestReadTimeoutFluctuation(t *testing.T) {
	ln := tcpListener(t)
	defer ln.Close()
	c := dialTo(t, ln)
	defer c.Close()
	readNothing(t, c.SetReadDeadline, c.Read)
}

func TestReadFromTimeoutFluctuation(t *testing.T) {
	pc := udpConn(t)
	defer pc.Close()
	c, err := net.Dial("udp", pc.LocalAddr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	readNothing(t, c.SetReadDeadline, func(b []byte) (int, error) {
		n, _, err := c.(net.PacketConn).ReadFrom(b)
		return n, err
	})
}

// ---- deadlines from a nanosecond to a second ------------------------------------------

func TestVariousDeadlines(t *testing.T) {
	variousDeadlines(t)
}

func TestVariousDeadlines1Proc(t *testing.T) {
	if testing.Short() {
		t.Skip("not in -short")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	variousDeadlines(t)
}

func TestVariousDeadlines4Proc(t *testing.T) {
	if testing.Short() {
		t.Skip("not in -short")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	variousDeadlines(t)
}

// variousDeadlines: the server never writes (it waits for the client to
// hang up), so copying from the connection can only end at the deadline.
// Tiny deadlines pass before the read starts, or while it is being set up.
func variousDeadlines(t *testing.T) {
	srv := startServer(t, func(ln net.Listener) {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Read(make([]byte, 1))
			c.Close()
		}
	})
	defer srv.stop()

	ns, us, ms := time.Nanosecond, time.Microsecond, time.Millisecond
	deadlines := []time.Duration{
		1 * ns, 2 * ns, 5 * ns, 50 * ns, 100 * ns, 200 * ns, 500 * ns, 750 * ns,
		1 * us, 5 * us, 25 * us, 250 * us, 500 * us,
		1 * ms, 5 * ms, 100 * ms, 250 * ms, 500 * ms, time.Second,
	}
	runs := 3
	if testing.Short() {
		runs = 1
	}
	for _, d := range deadlines {
		if testing.Short() && d > 500*us {
			break
		}
		for run := 0; run < runs; run++ {
			label := fmt.Sprintf("%v %d/%d", d, run, runs)
			t.Log(label)
			c := dialTo(t, srv.ln)
			start := time.Now()
			if err := c.SetDeadline(start.Add(d)); err != nil {
				t.Error(err)
			}
			n, err := io.Copy(io.Discard, c)
			took := time.Since(start)
			c.Close()
			ne, ok := err.(net.Error)
			if !ok || !ne.Timeout() {
				t.Fatalf("%s: io.Copy gave %d, %v; want a timeout", label, n, err)
			}
			t.Logf("%s: good timeout after %v; %d bytes", label, took, n)
		}
	}
}

// ---- deadlines changed while I/O runs --------------------------------------------------

func TestReadWriteDeadlineRace(t *testing.T) {
	rounds := 1000
	if testing.Short() {
		rounds = 50
	}
	ln := tcpListener(t)
	defer ln.Close()
	c := dialTo(t, ln)
	defer c.Close()

	var wg sync.WaitGroup
	wg.Add(3)
	// Deadlines 2µs ahead, renewed every 2µs; Read and Write loop meanwhile,
	// their errors ignored: the test is that nothing hangs or breaks.
	go func() {
		defer wg.Done()
		tick := time.NewTicker(2 * time.Microsecond)
		defer tick.Stop()
		for r := 0; r < rounds; r++ {
			for _, set := range []func(time.Time) error{c.SetReadDeadline, c.SetWriteDeadline} {
				if err := set(time.Now().Add(2 * time.Microsecond)); err != nil {
					if bad := checkNetError(err, false, false); bad != nil {
						t.Error(bad)
					}
					return
				}
			}
			<-tick.C
		}
	}()
	loop := func(op func([]byte) (int, error)) {
		defer wg.Done()
		b := make([]byte, 1)
		for r := 0; r < rounds; r++ {
			op(b)
		}
	}
	go loop(c.Read)
	go loop(c.Write)
	wg.Wait()
}

// Go issue 35367: many goroutines moving the deadlines of many connections
// ever earlier must neither crash nor hang (no I/O happens).
func TestConcurrentSetDeadline(t *testing.T) {
	ln := tcpListener(t)
	defer ln.Close()
	const workers, nconn, rounds = 8, 10, 100
	conns := make([]net.Conn, nconn)
	for k := range conns {
		conns[k] = dialTo(t, ln)
		defer conns[k].Close()
	}
	base := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := rounds; r > 0; r-- {
				for k, c := range conns {
					later := time.Duration(w*r*k) * time.Second
					c.SetReadDeadline(base.Add(2*time.Hour + later))
					c.SetWriteDeadline(base.Add(time.Hour + later))
				}
			}
		}(w)
	}
	wg.Wait()
}
