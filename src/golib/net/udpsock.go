package net

import (
	"syscall"
	"time"
)

// A UDPAddr is one end of UDP traffic: host and port (Zone is for scoped
// IPv6 addresses).
type UDPAddr struct {
	IP   IP
	Port int
	Zone string
}

func (a *UDPAddr) Network() string { return "udp" }

// String is "host:port": "127.0.0.1:5000", ":5000" when the IP is unset.
func (a *UDPAddr) String() string {
	if a == nil {
		return "<nil>"
	}
	return hostPortString(a.IP, a.Zone, a.Port)
}

// isWildcard: no host, or the unspecified one.
func (a *UDPAddr) isWildcard() bool {
	return a == nil || a.IP == nil || a.IP.IsUnspecified()
}

// ResolveUDPAddr makes a *UDPAddr of "host:port", as ResolveTCPAddr does.
func ResolveUDPAddr(network, address string) (*UDPAddr, error) {
	if network != "" && network != "udp" && network != "udp4" && network != "udp6" {
		return nil, UnknownNetworkError(network)
	}
	ip, port, err := resolve("udp", address)
	if err != nil {
		return nil, err
	}
	return &UDPAddr{IP: ip, Port: port}, nil
}

// A PacketConn sends and receives datagrams, each with its own peer.
type PacketConn interface {
	ReadFrom(p []byte) (n int, addr Addr, err error)
	WriteTo(p []byte, addr Addr) (n int, err error)
	Close() error
	LocalAddr() Addr
	SetDeadline(t time.Time) error
	SetReadDeadline(t time.Time) error
	SetWriteDeadline(t time.Time) error
}

// A UDPConn is a UDP endpoint: a Conn when dialed, a PacketConn always.
type UDPConn struct {
	conn
}

func newUDPConn(fd *netFD) *UDPConn { return &UDPConn{conn{fd}} }

// ReadFromUDP reads one datagram; addr is its sender.
func (c *UDPConn) ReadFromUDP(b []byte) (n int, addr *UDPAddr, err error) {
	if !c.ok() {
		return 0, nil, syscall.EINVAL
	}
	n, addr, err = c.readFrom(b, new(UDPAddr))
	if err != nil {
		return n, addr, c.opError("read", err)
	}
	return n, addr, nil
}

// ReadFrom is ReadFromUDP for the PacketConn interface (a nil sender is a
// nil Addr, not a nil *UDPAddr in one).
func (c *UDPConn) ReadFrom(b []byte) (int, Addr, error) {
	n, from, err := c.ReadFromUDP(b)
	return n, udpAddrOrNil(from), err
}

// sendError wraps err, a failed send to, naming that destination.
func (c *UDPConn) sendError(to Addr, err error) error {
	return &OpError{Op: "write", Net: c.fd.net, Source: c.fd.laddr, Addr: to, Err: err}
}

// WriteToUDP sends b as one datagram to addr.
func (c *UDPConn) WriteToUDP(b []byte, addr *UDPAddr) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	n, err := c.writeTo(b, addr)
	if err != nil {
		return n, c.sendError(udpAddrOrNil(addr), err)
	}
	return n, nil
}

// WriteTo is WriteToUDP for the PacketConn interface; addr must be a
// *UDPAddr.
func (c *UDPConn) WriteTo(b []byte, addr Addr) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	to, isUDP := addr.(*UDPAddr)
	if !isUDP {
		return 0, c.sendError(addr, syscall.EINVAL)
	}
	n, err := c.writeTo(b, to)
	if err != nil {
		return n, c.sendError(to, err)
	}
	return n, nil
}

// udpAddrOrNil keeps a nil *UDPAddr out of an Addr interface.
func udpAddrOrNil(a *UDPAddr) Addr {
	if a == nil {
		return nil
	}
	return a
}

func isUDPNetwork(network string) bool {
	return network == "udp" || network == "udp4" || network == "udp6"
}

// DialUDP makes a UDP endpoint whose Read and Write talk to raddr.
func DialUDP(network string, laddr, raddr *UDPAddr) (*UDPConn, error) {
	failed := func(to Addr, err error) (*UDPConn, error) {
		return nil, &OpError{Op: "dial", Net: network, Source: udpAddrOrNil(laddr), Addr: to, Err: err}
	}
	switch {
	case !isUDPNetwork(network):
		return failed(udpAddrOrNil(raddr), UnknownNetworkError(network))
	case raddr == nil:
		return failed(nil, errMissingAddress)
	}
	fd, err := dialPlan9(network, udpAddrOrNil(laddr), raddr)
	if err != nil {
		return failed(raddr, err)
	}
	return newUDPConn(fd), nil
}

// ListenUDP makes a UDP endpoint at laddr; port 0 (or a nil laddr) lets
// the kernel choose, and LocalAddr says what it chose.
func ListenUDP(network string, laddr *UDPAddr) (*UDPConn, error) {
	if !isUDPNetwork(network) {
		return nil, &OpError{Op: "listen", Net: network, Addr: udpAddrOrNil(laddr), Err: UnknownNetworkError(network)}
	}
	if laddr == nil {
		laddr = new(UDPAddr)
	}
	c, err := listenUDP(network, laddr)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Addr: laddr, Err: err}
	}
	return c, nil
}

// ListenPacket makes a PacketConn at a "host:port" address; p9rt has
// "udp" (udp4, udp6) on literal addresses and "localhost".
func ListenPacket(network, address string) (PacketConn, error) {
	la, err := ResolveUDPAddr(network, address)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Err: err}
	}
	c, err := ListenUDP(network, la)
	if err != nil {
		return nil, err
	}
	return c, nil
}
