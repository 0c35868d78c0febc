package net

import (
	"internal/itoa"
	"syscall"
	"time"
)

// UDPAddr represents the address of a UDP end point.
type UDPAddr struct {
	IP   IP
	Port int
	Zone string // IPv6 scoped addressing zone
}

// Network returns the address's network name, "udp".
func (a *UDPAddr) Network() string { return "udp" }

// String is "host:port": "127.0.0.1:5000", ":5000" when the IP is unset.
func (a *UDPAddr) String() string {
	if a == nil {
		return "<nil>"
	}
	ip := ipEmptyString(a.IP)
	if a.Zone != "" {
		return JoinHostPort(ip+"%"+a.Zone, itoa.Itoa(a.Port))
	}
	return JoinHostPort(ip, itoa.Itoa(a.Port))
}

func (a *UDPAddr) isWildcard() bool {
	if a == nil || a.IP == nil {
		return true
	}
	return a.IP.IsUnspecified()
}

// ResolveUDPAddr returns an address of UDP end point. Only literal IPv4
// addresses, "localhost" and an empty host resolve: p9rt has no /net/cs.
func ResolveUDPAddr(network, address string) (*UDPAddr, error) {
	switch network {
	case "udp", "udp4", "udp6":
	case "":
		network = "udp"
	default:
		return nil, UnknownNetworkError(network)
	}
	host, port, err := SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	p, err := parsePort(port)
	if err != nil {
		if de, ok := err.(*DNSError); ok {
			de.Name = "udp/" + port
		}
		return nil, err
	}
	a := &UDPAddr{Port: p}
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

// PacketConn is a generic packet-oriented network connection.
type PacketConn interface {
	ReadFrom(p []byte) (n int, addr Addr, err error)
	WriteTo(p []byte, addr Addr) (n int, err error)
	Close() error
	LocalAddr() Addr
	SetDeadline(t time.Time) error
	SetReadDeadline(t time.Time) error
	SetWriteDeadline(t time.Time) error
}

// UDPConn is the implementation of the Conn and PacketConn interfaces for
// UDP network connections.
type UDPConn struct {
	conn
}

func newUDPConn(fd *netFD) *UDPConn { return &UDPConn{conn{fd}} }

// ReadFromUDP acts like ReadFrom but returns a UDPAddr.
func (c *UDPConn) ReadFromUDP(b []byte) (n int, addr *UDPAddr, err error) {
	if !c.ok() {
		return 0, nil, syscall.EINVAL
	}
	n, addr, err = c.readFrom(b, &UDPAddr{})
	if err != nil {
		err = &OpError{Op: "read", Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
	}
	return n, addr, err
}

// ReadFrom implements the PacketConn ReadFrom method.
func (c *UDPConn) ReadFrom(b []byte) (int, Addr, error) {
	n, addr, err := c.ReadFromUDP(b)
	if addr == nil {
		return n, nil, err
	}
	return n, addr, err
}

// WriteToUDP acts like WriteTo but takes a UDPAddr.
func (c *UDPConn) WriteToUDP(b []byte, addr *UDPAddr) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	n, err := c.writeTo(b, addr)
	if err != nil {
		err = &OpError{Op: "write", Net: c.fd.net, Source: c.fd.laddr, Addr: opUDPAddr(addr), Err: err}
	}
	return n, err
}

// WriteTo implements the PacketConn WriteTo method.
func (c *UDPConn) WriteTo(b []byte, addr Addr) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	a, ok := addr.(*UDPAddr)
	if !ok {
		return 0, &OpError{Op: "write", Net: c.fd.net, Source: c.fd.laddr, Addr: addr, Err: syscall.EINVAL}
	}
	n, err := c.writeTo(b, a)
	if err != nil {
		err = &OpError{Op: "write", Net: c.fd.net, Source: c.fd.laddr, Addr: a, Err: err}
	}
	return n, err
}

// opUDPAddr keeps a nil *UDPAddr out of an Addr interface.
func opUDPAddr(a *UDPAddr) Addr {
	if a == nil {
		return nil
	}
	return a
}

// DialUDP acts like Dial for UDP networks.
func DialUDP(network string, laddr, raddr *UDPAddr) (*UDPConn, error) {
	switch network {
	case "udp", "udp4", "udp6":
	default:
		return nil, &OpError{Op: "dial", Net: network, Source: opUDPAddr(laddr), Addr: opUDPAddr(raddr), Err: UnknownNetworkError(network)}
	}
	if raddr == nil {
		return nil, &OpError{Op: "dial", Net: network, Source: opUDPAddr(laddr), Addr: nil, Err: errMissingAddress}
	}
	var la Addr
	if laddr != nil {
		la = laddr
	}
	fd, err := dialPlan9(network, la, raddr)
	if err != nil {
		return nil, &OpError{Op: "dial", Net: network, Source: opUDPAddr(laddr), Addr: raddr, Err: err}
	}
	return newUDPConn(fd), nil
}

// ListenUDP acts like ListenPacket for UDP networks: ListenUDP("udp",
// &UDPAddr{IP: IPv4(127, 0, 0, 1)}) picks a free port, which LocalAddr
// reports.
func ListenUDP(network string, laddr *UDPAddr) (*UDPConn, error) {
	switch network {
	case "udp", "udp4", "udp6":
	default:
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: opUDPAddr(laddr), Err: UnknownNetworkError(network)}
	}
	if laddr == nil {
		laddr = &UDPAddr{}
	}
	c, err := listenUDP(network, laddr)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: laddr, Err: err}
	}
	return c, nil
}

// ListenPacket announces on the local network address; p9rt supports
// "udp" (and "udp4") on literal IPv4 addresses and "localhost".
func ListenPacket(network, address string) (PacketConn, error) {
	la, err := ResolveUDPAddr(network, address)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: nil, Err: err}
	}
	c, err := ListenUDP(network, la)
	if err != nil {
		return nil, err
	}
	return c, nil
}
