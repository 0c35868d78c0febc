// How a blocked Read on a net connection ends: the scenarios of Go's
// net/net_test.go that run on Plan 9 (docs/plan9-notes.md §4.2), written for
// p9rt as an external test (package net_test), run by `p9rt test` in
// virtual time and by the host's `go test` (tests/node/golib-gotests.test.mjs).
//
// Only TCP is tried for the zero-byte read: Go does not test unix sockets on
// Plan 9 and p9rt has none. The UDP close test (Go issue 72770) is current
// Go's; it reads with ReadFromUDP since p9rt has no net/netip.
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

// loopback listens on a free TCP port of 127.0.0.1.
func loopback(t *testing.T) net.Listener {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// connected runs accepted and dialed, each on its own goroutine, with the
// two ends of one TCP connection, and fails the test with the first error
// either returns. Each end is closed when its function returns.
func connected(t *testing.T, accepted, dialed func(*net.TCPConn) error) {
	ln := loopback(t)
	defer ln.Close()
	errs := make(chan error, 2)
	run := func(get func() (net.Conn, error), f func(*net.TCPConn) error) {
		c, err := get()
		if err != nil {
			errs <- err
			return
		}
		defer c.Close()
		errs <- f(c.(*net.TCPConn))
	}
	go run(ln.Accept, accepted)
	go run(func() (net.Conn, error) { return net.Dial("tcp", ln.Addr().String()) }, dialed)
	for n := 0; n < 2; n++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

func TestZeroByteRead(t *testing.T) {
	t.Run("tcp", func(t *testing.T) {
		ln := loopback(t)
		accepted := make(chan net.Conn, 1)
		go func() {
			defer ln.Close()
			c, err := ln.Accept()
			if err != nil {
				t.Error(err)
			}
			accepted <- c
		}()
		client, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer client.Close()
		server := <-accepted
		if server == nil {
			return
		}
		defer server.Close()
		// Windows waits for data before a zero-byte read returns (Go issue
		// 15735); give it some there. Elsewhere nothing is ever written.
		for end, c := range map[string]net.Conn{"client": client, "server": server} {
			if runtime.GOOS == "windows" {
				other := server
				if c == server {
					other = client
				}
				go io.WriteString(other, "a")
			}
			if n, err := c.Read(nil); n != 0 || err != nil {
				t.Errorf("%s: Read(nil) = %d, %v; want 0, nil", end, n, err)
			}
		}
	})
}

// A deadline moved into the past releases a Read that is already blocked
// (net/http relies on it; Go CL 30164).
func TestReadTimeoutUnblocksRead(t *testing.T) {
	finished := make(chan struct{})
	reader := func(c *net.TCPConn) error {
		defer close(finished)
		result := make(chan error, 1)
		go func() {
			// Long enough for the Read below to block first.
			time.AfterFunc(100*time.Millisecond, func() { c.SetReadDeadline(time.Unix(123, 0)) })
			b := make([]byte, 1)
			n, err := c.Read(b)
			if n != 0 || err == nil {
				result <- fmt.Errorf("Read = %d, %v; want 0 and an error", n, err)
				return
			}
			result <- nil
		}()
		select {
		case err := <-result:
			return err
		case <-time.After(5 * time.Second):
			return errors.New("the Read is still blocked 5s later")
		}
	}
	// The other end stays silent until the reader is done.
	silent := func(*net.TCPConn) error {
		<-finished
		return nil
	}
	connected(t, silent, reader)
}

// Go issue 17695: the peer's Close ends a blocked Read with io.EOF.
func TestCloseUnblocksRead(t *testing.T) {
	closer := func(c *net.TCPConn) error {
		time.Sleep(20 * time.Millisecond) // the reader blocks meanwhile
		return c.Close()
	}
	reader := func(c *net.TCPConn) error {
		if n, err := c.Read(make([]byte, 1)); n != 0 || err != io.EOF {
			return fmt.Errorf("Read = %d, %v; want 0, io.EOF", n, err)
		}
		return nil
	}
	connected(t, reader, closer)
}

// Go issue 72770: closing a UDP endpoint releases its own blocked read.
func TestCloseUnblocksReadUDP(t *testing.T) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	time.AfterFunc(250*time.Millisecond, func() {
		t.Logf("closing the endpoint")
		pc.Close()
	})
	watchdog := time.AfterFunc(10*time.Second, func() { panic("Close did not release the read within 10s") })
	defer watchdog.Stop()

	// Some systems answer (0, nil) here, so only a positive count is wrong.
	n, from, err := pc.(*net.UDPConn).ReadFromUDP(nil)
	if n > 0 {
		t.Fatalf("ReadFromUDP read %d bytes from %v (error %v) from a closed endpoint", n, from, err)
	}
	t.Logf("the read ended without data: %v", err)
}

// Go issue 24808: a Read that fails because the peer reset the connection
// is not a temporary error. On Plan 9 the reset reads as io.EOF, which Go
// accepts there.
func TestNotTemporaryRead(t *testing.T) {
	ln := loopback(t)
	dialed := make(chan struct{})
	serverDone := make(chan struct{})
	go func() {
		defer close(serverDone)
		c, err := ln.Accept()
		if err != nil {
			return
		}
		<-dialed
		c.(*net.TCPConn).SetLinger(0) // close by reset
		c.Close()
	}()
	defer func() {
		ln.Close()
		<-serverDone
	}()

	c, err := net.Dial("tcp", ln.Addr().String())
	close(dialed)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	_, err = c.Read(make([]byte, 1))
	switch {
	case err == nil:
		t.Fatal("Read of a reset connection succeeded")
	case err == io.EOF && runtime.GOOS == "plan9":
		return
	case err == io.EOF:
		t.Fatal("Read of a reset connection returned io.EOF")
	}
	ne, ok := err.(net.Error)
	if !ok {
		t.Errorf("Read error %v is not a net.Error", err)
	} else if ne.Temporary() {
		t.Errorf("Read error %v says it is temporary", err)
	}
}
