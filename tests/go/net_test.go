// Ported from Go's net/net_test.go (Go 1.19.8 on this machine; Copyright
// 2009 The Go Authors, BSD-style license): the tests of docs/plan9-notes.md §4.2 that
// run on plan9. Run by `p9rt test` in virtual time and by `go test` on the
// host (tests/node/golib-gotests.test.mjs runs both).
//
// Adaptations, all forced by the Go subset or the emulated network:
//   - package net_test, not net: identifiers are qualified, and
//     newLocalListener and withTCPConnPair are re-created below (tcp on
//     127.0.0.1 only); newLocalListener is shared with net_timeout_test.go
//     in Go's package but each p9rt test file is one program, so it is
//     repeated here.
//   - t.Parallel() calls are dropped: p9rt's testing runs tests one by one.
//   - TestZeroByteRead runs its "tcp" case only: "unix" and "unixpacket"
//     are not testable on plan9 (testableNetwork is false there) and p9rt
//     has no unix sockets.
//   - TestReadTimeoutUnblocksRead does not print runtime.Stack when its 5 s
//     watchdog fires (p9rt has no runtime.Stack); the failure is the same.
//   - TestCloseUnblocksReadUDP (#72770) is current Go's (Go 1.19.8 has no
//     such test); it calls ReadFromUDP where Go calls ReadFromUDPAddrPort
//     (p9rt has no net/netip), which reads the same way on Plan 9.
//   - TestCloseRead, TestCloseWrite, TestAcceptIgnoreAbortedConnRequest are
//     left out: Go skips them on plan9.
package net_test

import (
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"testing"
	"time"
)

func TestZeroByteRead(t *testing.T) {
	for _, network := range []string{"tcp"} {
		network := network
		t.Run(network, func(t *testing.T) {
			ln := newLocalListener(t, network)
			connc := make(chan net.Conn, 1)
			go func() {
				defer ln.Close()
				c, err := ln.Accept()
				if err != nil {
					t.Error(err)
				}
				connc <- c // might be nil
			}()
			c, err := net.Dial(network, ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			sc := <-connc
			if sc == nil {
				return
			}
			defer sc.Close()

			if runtime.GOOS == "windows" {
				// A zero byte read on Windows caused a wait for readability first.
				// Rather than change that behavior, satisfy it in this test.
				// See Issue 15735.
				go io.WriteString(sc, "a")
			}

			n, err := c.Read(nil)
			if n != 0 || err != nil {
				t.Errorf("%s: zero byte client read = %v, %v; want 0, nil", network, n, err)
			}

			if runtime.GOOS == "windows" {
				// Same as comment above.
				go io.WriteString(c, "a")
			}
			n, err = sc.Read(nil)
			if n != 0 || err != nil {
				t.Errorf("%s: zero byte server read = %v, %v; want 0, nil", network, n, err)
			}
		})
	}
}

// withTCPConnPair sets up a TCP connection between two peers, then
// runs peer1 and peer2 concurrently. withTCPConnPair returns when
// both have completed.
func withTCPConnPair(t *testing.T, peer1, peer2 func(c *net.TCPConn) error) {
	ln := newLocalListener(t, "tcp")
	defer ln.Close()
	errc := make(chan error, 2)
	go func() {
		c1, err := ln.Accept()
		if err != nil {
			errc <- err
			return
		}
		defer c1.Close()
		errc <- peer1(c1.(*net.TCPConn))
	}()
	go func() {
		c2, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			errc <- err
			return
		}
		defer c2.Close()
		errc <- peer2(c2.(*net.TCPConn))
	}()
	for i := 0; i < 2; i++ {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
}

// Tests that a blocked Read is interrupted by a concurrent SetReadDeadline
// modifying that Conn's read deadline to the past.
// See golang.org/cl/30164 which documented this. The net/http package
// depends on this.
func TestReadTimeoutUnblocksRead(t *testing.T) {
	serverDone := make(chan struct{})
	server := func(cs *net.TCPConn) error {
		defer close(serverDone)
		errc := make(chan error, 1)
		go func() {
			defer close(errc)
			go func() {
				// TODO: find a better way to wait
				// until we're blocked in the cs.Read
				// call below. Sleep is lame.
				time.Sleep(100 * time.Millisecond)

				// Interrupt the upcoming Read, unblocking it:
				cs.SetReadDeadline(time.Unix(123, 0)) // time in the past
			}()
			var buf [1]byte
			n, err := cs.Read(buf[:1])
			if n != 0 || err == nil {
				errc <- fmt.Errorf("Read = %v, %v; want 0, non-nil", n, err)
			}
		}()
		select {
		case err := <-errc:
			return err
		case <-time.After(5 * time.Second):
			return errors.New("timeout waiting for Read to finish")
		}

	}
	// Do nothing in the client. Never write. Just wait for the
	// server's half to be done.
	client := func(*net.TCPConn) error {
		<-serverDone
		return nil
	}
	withTCPConnPair(t, client, server)
}

// Issue 17695: verify that a blocked Read is woken up by a Close.
func TestCloseUnblocksRead(t *testing.T) {
	server := func(cs *net.TCPConn) error {
		// Give the client time to get stuck in a Read:
		time.Sleep(20 * time.Millisecond)
		cs.Close()
		return nil
	}
	client := func(ss *net.TCPConn) error {
		n, err := ss.Read([]byte{0})
		if n != 0 || err != io.EOF {
			return fmt.Errorf("Read = %v, %v; want 0, EOF", n, err)
		}
		return nil
	}
	withTCPConnPair(t, client, server)
}

// Issue 72770: verify that a blocked UDP read is woken up by a Close.
func TestCloseUnblocksReadUDP(t *testing.T) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	time.AfterFunc(250*time.Millisecond, func() {
		t.Logf("closing conn...")
		pc.Close()
	})
	timer := time.AfterFunc(time.Second*10, func() {
		panic("timeout waiting for Close")
	})
	defer timer.Stop()

	n, src, err := pc.(*net.UDPConn).ReadFromUDP([]byte{})

	// Check for n > 0. Checking err == nil alone isn't enough;
	// on macOS, it returns (n=0, src=0.0.0.0:0, err=nil).
	if n > 0 {
		t.Fatalf("unexpected Read success from ReadFromUDP; read %d bytes from %v, err=%v", n, src, err)
	}
	t.Logf("got expected UDP read error")
}

// Issue 24808: verify that ECONNRESET is not temporary for read.
func TestNotTemporaryRead(t *testing.T) {
	ln := newLocalListener(t, "tcp")
	serverDone := make(chan struct{})
	dialed := make(chan struct{})
	go func() {
		defer close(serverDone)

		cs, err := ln.Accept()
		if err != nil {
			return
		}
		<-dialed
		cs.(*net.TCPConn).SetLinger(0)
		cs.Close()
	}()
	defer func() {
		ln.Close()
		<-serverDone
	}()

	ss, err := net.Dial("tcp", ln.Addr().String())
	close(dialed)
	if err != nil {
		t.Fatal(err)
	}
	defer ss.Close()

	_, err = ss.Read([]byte{0})
	if err == nil {
		t.Fatal("Read succeeded unexpectedly")
	} else if err == io.EOF {
		// This happens on Plan 9, but for some reason (prior to CL 385314) it was
		// accepted everywhere else too.
		if runtime.GOOS == "plan9" {
			return
		}
		t.Fatal("Read unexpectedly returned io.EOF after socket was abruptly closed")
	}
	if ne, ok := err.(net.Error); !ok {
		t.Errorf("Read error does not implement net.Error: %v", err)
	} else if ne.Temporary() {
		t.Errorf("Read error is unexpectedly temporary: %v", err)
	}
}

func newLocalListener(t *testing.T, network string) net.Listener {
	ln, err := net.Listen(network, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}
