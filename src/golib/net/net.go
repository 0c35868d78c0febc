// Package net is Go's network package for programs on p9rt, over the
// kernel's /net/tcp and /net/udp the way Go's Plan 9 port does it (its
// net.go, fd_plan9.go, ipsock_plan9.go, tcpsock*.go, udpsock*.go are the
// reference). Deadlines are Plan 9's: each blocked Read or Write has a proc
// of its own, and a hangup note to that proc cancels it (internal/poll).
package net

import (
	"internal/poll"
	"io"
	"os"
	"syscall"
	"time"
)

// An Addr is the address of one end of a connection.
type Addr interface {
	Network() string // "tcp", "udp", "pipe"
	String() string  // host:port, "127.0.0.1:80"
}

// A Conn is a stream connection, with deadlines.
type Conn interface {
	Read(b []byte) (n int, err error)
	Write(b []byte) (n int, err error)
	Close() error
	LocalAddr() Addr
	RemoteAddr() Addr
	SetDeadline(t time.Time) error
	SetReadDeadline(t time.Time) error
	SetWriteDeadline(t time.Time) error
}

// conn is the Conn of a TCP or UDP conversation (TCPConn and UDPConn
// embed it).
type conn struct {
	fd *netFD
}

func (c *conn) ok() bool { return c != nil && c.fd != nil }

// opError wraps err, the failure of op on c, with the connection's
// network and addresses.
func (c *conn) opError(op string, err error) error {
	if op == "set" {
		// Deadline errors name only the local address.
		return &OpError{Op: op, Net: c.fd.net, Addr: c.fd.laddr, Err: err}
	}
	return &OpError{Op: op, Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
}

// Read reads from the connection; the end of the stream is io.EOF, bare.
func (c *conn) Read(b []byte) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	n, err := c.fd.Read(b)
	if err == nil || err == io.EOF {
		return n, err
	}
	return n, c.opError("read", err)
}

// Write writes to the connection.
func (c *conn) Write(b []byte) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	n, err := c.fd.Write(b)
	if err == nil {
		return n, nil
	}
	return n, c.opError("write", err)
}

// Close closes the connection; a Read or Write blocked on it returns.
func (c *conn) Close() error {
	if !c.ok() {
		return syscall.EINVAL
	}
	if err := c.fd.Close(); err != nil {
		return c.opError("close", err)
	}
	return nil
}

func (c *conn) LocalAddr() Addr {
	if c.ok() {
		return c.fd.laddr
	}
	return nil
}

func (c *conn) RemoteAddr() Addr {
	if c.ok() {
		return c.fd.raddr
	}
	return nil
}

// setDeadline runs one of the fd's deadline setters.
func (c *conn) setDeadline(set func(*netFD, time.Time) error, t time.Time) error {
	if !c.ok() {
		return syscall.EINVAL
	}
	if err := set(c.fd, t); err != nil {
		return c.opError("set", err)
	}
	return nil
}

// SetDeadline sets both deadlines (docs/plan9-notes.md §3.4).
func (c *conn) SetDeadline(t time.Time) error {
	return c.setDeadline((*netFD).SetDeadline, t)
}

func (c *conn) SetReadDeadline(t time.Time) error {
	return c.setDeadline((*netFD).SetReadDeadline, t)
}

func (c *conn) SetWriteDeadline(t time.Time) error {
	return c.setDeadline((*netFD).SetWriteDeadline, t)
}

// A Listener hands out the connections that arrive at an address.
type Listener interface {
	Accept() (Conn, error)
	Close() error
	Addr() Addr
}

// Error is what the package's errors are: with Timeout true for a
// deadline.
type Error interface {
	error
	Timeout() bool
	Temporary() bool // deprecated in Go; kept for the interface
}

type timeout interface {
	Timeout() bool
}

type temporary interface {
	Temporary() bool
}

// An OpError is how the package reports a failed operation: which (Op),
// on which network (Net), between which addresses (Source, local, and
// Addr, remote or the one the operation was about), and the cause (Err).
type OpError struct {
	Op     string
	Net    string
	Source Addr
	Addr   Addr
	Err    error
}

func (e *OpError) Unwrap() error { return e.Err }

// Error reads "op net source->addr: err", leaving out what is not set.
func (e *OpError) Error() string {
	if e == nil {
		return "<nil>"
	}
	b := []byte(e.Op)
	if e.Net != "" {
		b = append(b, ' ')
		b = append(b, e.Net...)
	}
	if e.Source != nil {
		b = append(b, ' ')
		b = append(b, e.Source.String()...)
	}
	if e.Addr != nil {
		if e.Source == nil {
			b = append(b, ' ')
		} else {
			b = append(b, '-', '>')
		}
		b = append(b, e.Addr.String()...)
	}
	b = append(b, ':', ' ')
	b = append(b, e.Err.Error()...)
	return string(b)
}

// cause is the error to ask Timeout or Temporary: Err, or what an
// *os.SyscallError in Err holds.
func (e *OpError) cause() error {
	if se, isSys := e.Err.(*os.SyscallError); isSys {
		return se.Err
	}
	return e.Err
}

// Timeout is the cause's Timeout: true for a read or write past its
// deadline (os.ErrDeadlineExceeded).
func (e *OpError) Timeout() bool {
	t, has := e.cause().(timeout)
	return has && t.Timeout()
}

func (e *OpError) Temporary() bool {
	t, has := e.cause().(temporary)
	return has && t.Temporary()
}

// ErrClosed is the error returned by an I/O call on a network connection
// that has already been closed, or that is closed by another goroutine
// before the I/O is completed. It is poll.ErrNetClosing ("use of closed
// network connection").
var ErrClosed error = poll.ErrNetClosing

// errTimeout is a dial's timeout error: os.ErrDeadlineExceeded, as in Go.
var errTimeout error = poll.ErrDeadlineExceeded

// A ParseError reports text that is not the address it should be: Type
// says what was expected ("IP address"), Text is what was given.
type ParseError struct {
	Type string
	Text string
}

func (e *ParseError) Error() string { return "invalid " + e.Type + ": " + e.Text }

func (e *ParseError) Timeout() bool   { return false }
func (e *ParseError) Temporary() bool { return false }

// An AddrError is an error about a network address.
type AddrError struct {
	Err  string
	Addr string
}

func (e *AddrError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Err
	if e.Addr != "" {
		s = "address " + e.Addr + ": " + s
	}
	return s
}

func (e *AddrError) Timeout() bool   { return false }
func (e *AddrError) Temporary() bool { return false }

// UnknownNetworkError is the error for a network name net does not know.
type UnknownNetworkError string

func (e UnknownNetworkError) Error() string   { return "unknown network " + string(e) }
func (e UnknownNetworkError) Timeout() bool   { return false }
func (e UnknownNetworkError) Temporary() bool { return false }

// InvalidAddrError is the error for a malformed address.
type InvalidAddrError string

func (e InvalidAddrError) Error() string   { return string(e) }
func (e InvalidAddrError) Timeout() bool   { return false }
func (e InvalidAddrError) Temporary() bool { return false }

// A DNSError reports a name that did not resolve. p9rt has neither
// /net/cs nor /net/dns: only "localhost" and literal addresses resolve.
type DNSError struct {
	Err        string // what went wrong
	Name       string // the name asked for
	Server     string // who was asked, if anyone
	IsTimeout  bool
	IsNotFound bool
}

func (e *DNSError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := "lookup " + e.Name
	if e.Server != "" {
		s += " on " + e.Server
	}
	s += ": " + e.Err
	return s
}

func (e *DNSError) Timeout() bool   { return e.IsTimeout }
func (e *DNSError) Temporary() bool { return e.IsTimeout }

var errMissingAddress = &AddrError{Err: "missing address"}

// aLongTimeAgo: a deadline set to it cancels I/O at once (it is not the
// zero time, which means no deadline).
var aLongTimeAgo = time.Unix(1, 0)

// noDeadline is the zero time: no deadline.
var noDeadline = time.Time{}
