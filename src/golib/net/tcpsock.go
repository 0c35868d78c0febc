package net

import (
	"internal/itoa"
	"syscall"
	"time"
)

// A TCPAddr is one end of a TCP connection: host and port (Zone is for
// scoped IPv6 addresses).
type TCPAddr struct {
	IP   IP
	Port int
	Zone string
}

func (a *TCPAddr) Network() string { return "tcp" }

// String is "host:port": "127.0.0.1:5000", ":5000" when the IP is unset.
func (a *TCPAddr) String() string {
	if a == nil {
		return "<nil>"
	}
	return hostPortString(a.IP, a.Zone, a.Port)
}

// hostPortString is the host:port form of an IP, zone and port, the IPv6
// ones in brackets.
func hostPortString(ip IP, zone string, port int) string {
	host := ipEmptyString(ip)
	if zone != "" {
		host += "%" + zone
	}
	return JoinHostPort(host, itoa.Itoa(port))
}

// isWildcard: no host, or the unspecified one.
func (a *TCPAddr) isWildcard() bool {
	return a == nil || a.IP == nil || a.IP.IsUnspecified()
}

// ResolveTCPAddr makes a *TCPAddr of "host:port". Only literal addresses,
// "localhost" and an empty host resolve: p9rt has no /net/cs.
func ResolveTCPAddr(network, address string) (*TCPAddr, error) {
	if network != "" && network != "tcp" && network != "tcp4" && network != "tcp6" {
		return nil, UnknownNetworkError(network)
	}
	ip, port, err := resolve("tcp", address)
	if err != nil {
		return nil, err
	}
	return &TCPAddr{IP: ip, Port: port}, nil
}

// resolve takes "host:port" apart for proto ("tcp" or "udp"): the host
// may be empty (no IP), "localhost" or a literal address; the port may be
// empty (0) or a decimal number.
func resolve(proto, address string) (IP, int, error) {
	host, service, err := SplitHostPort(address)
	if err != nil {
		return nil, 0, err
	}
	port := 0
	if service != "" {
		n, digits, ok := dtoi(service)
		switch {
		case !ok || digits != len(service):
			return nil, 0, &DNSError{Err: "unknown port", Name: proto + "/" + service, IsNotFound: true}
		case n > 0xFFFF:
			return nil, 0, &AddrError{Err: "invalid port", Addr: service}
		}
		port = n
	}
	switch host {
	case "":
		return nil, port, nil
	case "localhost":
		return IPv4(127, 0, 0, 1), port, nil
	}
	ip := ParseIP(host)
	if ip == nil {
		return nil, 0, &DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	return ip, port, nil
}

// A TCPConn is a TCP connection: a Conn, plus the TCP-only calls.
type TCPConn struct {
	conn
}

func newTCPConn(fd *netFD) *TCPConn { return &TCPConn{conn{fd}} }

// halfClose runs one of the fd's half-close calls; Plan 9's TCP has
// neither, so a live connection gets EPLAN9 in an OpError.
func (c *TCPConn) halfClose(shut func(*netFD) error) error {
	if !c.ok() {
		return errInvalidConn
	}
	if err := shut(c.fd); err != nil {
		return c.opError("close", err)
	}
	return nil
}

func (c *TCPConn) CloseRead() error  { return c.halfClose((*netFD).closeRead) }
func (c *TCPConn) CloseWrite() error { return c.halfClose((*netFD).closeWrite) }

// SetLinger fails: Plan 9 has no such option (Go's setLinger for Plan 9
// returns EPLAN9), and Close always hangs the conversation up.
func (c *TCPConn) SetLinger(sec int) error {
	if !c.ok() {
		return errInvalidConn
	}
	return &OpError{Op: "set", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: syscall.EPLAN9}
}

// A TCPListener is an announced TCP address.
type TCPListener struct {
	fd *netFD
}

func (l *TCPListener) ok() bool { return l != nil && l.fd != nil && l.fd.ctl != nil }

// listenError wraps err, the failure of op on the listener, naming its
// address.
func (l *TCPListener) listenError(op string, err error) error {
	return &OpError{Op: op, Net: l.fd.net, Addr: l.fd.laddr, Err: err}
}

// Accept returns the next call. On Plan 9 it waits in the open of the
// listen file, not through asyncIO, so a listener deadline does not
// interrupt it (docs/plan9-notes.md §3.5).
func (l *TCPListener) Accept() (Conn, error) {
	c, err := l.AcceptTCP()
	if err != nil {
		return nil, err
	}
	return c, nil
}

// AcceptTCP is Accept with the connection's own type.
func (l *TCPListener) AcceptTCP() (*TCPConn, error) {
	if !l.ok() {
		return nil, errInvalidConn
	}
	fd, err := l.fd.acceptPlan9()
	if err != nil {
		return nil, l.listenError("accept", err)
	}
	return newTCPConn(fd), nil
}

// Close stops listening: the conversation is told to "hangup" through its
// ctl file, then ctl is closed (as Go's tcpsock_plan9.go does).
func (l *TCPListener) Close() error {
	if !l.ok() {
		return errInvalidConn
	}
	err := l.fd.pfd.Close()
	if err == nil {
		if _, err = l.fd.ctl.WriteString("hangup"); err != nil {
			l.fd.ctl.Close()
		} else {
			err = l.fd.ctl.Close()
		}
	}
	if err != nil {
		return l.listenError("close", err)
	}
	return nil
}

// Addr is the announced address, a *TCPAddr (with the port the kernel
// chose when 0 was asked for).
func (l *TCPListener) Addr() Addr { return l.fd.laddr }

// SetDeadline records a deadline for Accept; on Plan 9 it never
// interrupts one (docs/plan9-notes.md §3.5).
func (l *TCPListener) SetDeadline(t time.Time) error {
	if !l.ok() {
		return errInvalidConn
	}
	if err := l.fd.pfd.SetDeadline(t); err != nil {
		return l.listenError("set", err)
	}
	return nil
}
