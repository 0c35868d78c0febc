package net

import (
	"internal/itoa"
	"syscall"
	"time"
)

// TCPAddr represents the address of a TCP end point.
type TCPAddr struct {
	IP   IP
	Port int
	Zone string // IPv6 scoped addressing zone
}

// Network returns the address's network name, "tcp".
func (a *TCPAddr) Network() string { return "tcp" }

// String is "host:port": "127.0.0.1:5000", ":5000" when the IP is unset.
func (a *TCPAddr) String() string {
	if a == nil {
		return "<nil>"
	}
	ip := ipEmptyString(a.IP)
	if a.Zone != "" {
		return JoinHostPort(ip+"%"+a.Zone, itoa.Itoa(a.Port))
	}
	return JoinHostPort(ip, itoa.Itoa(a.Port))
}

func (a *TCPAddr) isWildcard() bool {
	if a == nil || a.IP == nil {
		return true
	}
	return a.IP.IsUnspecified()
}

// ResolveTCPAddr returns an address of TCP end point. Only literal IPv4
// addresses, "localhost" and an empty host resolve: p9rt has no /net/cs.
func ResolveTCPAddr(network, address string) (*TCPAddr, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
	case "":
		network = "tcp"
	default:
		return nil, UnknownNetworkError(network)
	}
	host, port, err := SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	p, err := parsePort(port)
	if err != nil {
		return nil, err
	}
	a := &TCPAddr{Port: p}
	switch host {
	case "":
	case "localhost":
		a.IP = IPv4(127, 0, 0, 1)
	default:
		a.IP = ParseIP(host)
		if a.IP == nil {
			return nil, &DNSError{Err: "no such host", Name: host, IsNotFound: true}
		}
	}
	return a, nil
}

func parsePort(service string) (int, error) {
	if service == "" {
		return 0, nil
	}
	n, i, ok := dtoi(service)
	if !ok || i != len(service) {
		return 0, &DNSError{Err: "unknown port", Name: "tcp/" + service, IsNotFound: true}
	}
	if n > 0xFFFF {
		return 0, &AddrError{Err: "invalid port", Addr: service}
	}
	return n, nil
}

// TCPConn is an implementation of the Conn interface for TCP network
// connections.
type TCPConn struct {
	conn
}

func newTCPConn(fd *netFD) *TCPConn {
	return &TCPConn{conn{fd}}
}

// CloseRead and CloseWrite are not supported by Plan 9's TCP.
func (c *TCPConn) CloseRead() error {
	if !c.ok() {
		return errInvalidConn
	}
	if err := c.fd.closeRead(); err != nil {
		return &OpError{Op: "close", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
	}
	return nil
}

func (c *TCPConn) CloseWrite() error {
	if !c.ok() {
		return errInvalidConn
	}
	if err := c.fd.closeWrite(); err != nil {
		return &OpError{Op: "close", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
	}
	return nil
}

// SetLinger sets the behavior of Close on a connection which still has data
// waiting to be sent. Plan 9 has no such option (go net/sockopt_plan9.go
// setLinger returns EPLAN9), so Close always hangs the conversation up.
func (c *TCPConn) SetLinger(sec int) error {
	if !c.ok() {
		return errInvalidConn
	}
	return &OpError{Op: "set", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: syscall.EPLAN9}
}

// TCPListener is a TCP network listener.
type TCPListener struct {
	fd *netFD
}

func (ln *TCPListener) ok() bool { return ln != nil && ln.fd != nil && ln.fd.ctl != nil }

// Accept waits for and returns the next connection to the listener. On
// Plan 9 it blocks in the open of the listen file, without asyncIO: a
// listener deadline does not interrupt it (docs/plan9-notes.md §3.5).
func (l *TCPListener) Accept() (Conn, error) {
	c, err := l.AcceptTCP()
	if err != nil {
		return nil, err
	}
	return c, nil
}

// AcceptTCP accepts the next incoming call and returns the new connection.
func (l *TCPListener) AcceptTCP() (*TCPConn, error) {
	if !l.ok() {
		return nil, errInvalidConn
	}
	fd, err := l.fd.acceptPlan9()
	if err != nil {
		return nil, &OpError{Op: "accept", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: err}
	}
	return newTCPConn(fd), nil
}

// Close stops listening on the TCP address: the conversation is hung up
// through its ctl file (go net/tcpsock_plan9.go).
func (l *TCPListener) Close() error {
	if !l.ok() {
		return errInvalidConn
	}
	if err := l.close(); err != nil {
		return &OpError{Op: "close", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: err}
	}
	return nil
}

func (ln *TCPListener) close() error {
	if err := ln.fd.pfd.Close(); err != nil {
		return err
	}
	if _, err := ln.fd.ctl.WriteString("hangup"); err != nil {
		ln.fd.ctl.Close()
		return err
	}
	if err := ln.fd.ctl.Close(); err != nil {
		return err
	}
	return nil
}

// Addr returns the listener's network address, a *TCPAddr.
func (l *TCPListener) Addr() Addr { return l.fd.laddr }

// SetDeadline sets the deadline associated with the listener. On Plan 9
// it is recorded but never interrupts an Accept (docs/plan9-notes.md §3.5).
func (l *TCPListener) SetDeadline(t time.Time) error {
	if !l.ok() {
		return errInvalidConn
	}
	if err := l.fd.pfd.SetDeadline(t); err != nil {
		return &OpError{Op: "set", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: err}
	}
	return nil
}
