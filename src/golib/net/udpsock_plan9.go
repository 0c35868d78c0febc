package net

import (
	"errors"
	"os"
)

// An announced UDP conversation in "headers" mode (what listenUDP sets up)
// puts a header before every datagram on its data file, in both
// directions: the remote address, the local address and the interface
// address, 16 bytes each in IPv6 form, then the remote and the local
// port, 2 bytes each, big-endian (Plan 9's Udphdrsize, 52 bytes).
const (
	udpAddrLen    = 16
	udpHeaderSize = 3*udpAddrLen + 2*2
)

// putUDPHeader writes a header for a datagram from local to remote into
// b[:udpHeaderSize]; the interface address is left zero (the kernel
// ignores it on output).
func putUDPHeader(b []byte, remote, local *UDPAddr) {
	for i := range b[:udpHeaderSize] {
		b[i] = 0
	}
	copy(b[0:udpAddrLen], remote.IP.To16())
	copy(b[udpAddrLen:2*udpAddrLen], local.IP.To16())
	ports := b[3*udpAddrLen:]
	ports[0], ports[1] = byte(remote.Port>>8), byte(remote.Port)
	ports[2], ports[3] = byte(local.Port>>8), byte(local.Port)
}

// udpSender is the remote address and port a header names.
func udpSender(h []byte) *UDPAddr {
	ip := make(IP, udpAddrLen)
	copy(ip, h[:udpAddrLen])
	p := h[3*udpAddrLen:]
	return &UDPAddr{IP: ip, Port: int(p[0])<<8 | int(p[1])}
}

var errShortUDPHeader = errors.New("short read reading UDP header")

// readFrom reads one datagram, copies what fits of its payload to b and
// stores its sender in *addr.
func (c *UDPConn) readFrom(b []byte, addr *UDPAddr) (int, *UDPAddr, error) {
	dgram := make([]byte, udpHeaderSize+len(b))
	m, err := c.fd.Read(dgram)
	if err != nil {
		return 0, nil, err
	}
	if m < udpHeaderSize {
		// This is also how a hung-up conversation reads: the fd turned its
		// end of stream into (0, nil).
		return 0, nil, errShortUDPHeader
	}
	*addr = *udpSender(dgram)
	return copy(b, dgram[udpHeaderSize:m]), addr, nil
}

// writeTo sends b to addr as one write of header and payload, so the
// kernel sees one datagram.
func (c *UDPConn) writeTo(b []byte, addr *UDPAddr) (int, error) {
	if addr == nil {
		return 0, errMissingAddress
	}
	dgram := make([]byte, udpHeaderSize+len(b))
	putUDPHeader(dgram, addr, c.fd.laddr.(*UDPAddr))
	copy(dgram[udpHeaderSize:], b)
	if _, err := c.fd.Write(dgram); err != nil {
		return 0, err
	}
	return len(b), nil
}

// listenUDP announces the address, asks for headers mode, and opens the
// data file (Go's net/udpsock_plan9.go does the same).
func listenUDP(network string, laddr *UDPAddr) (*UDPConn, error) {
	fd, err := listenPlan9(network, laddr)
	if err != nil {
		return nil, err
	}
	if _, err := fd.ctl.WriteString("headers"); err != nil {
		fd.ctl.Close()
		return nil, err
	}
	if fd.data, err = os.OpenFile(fd.dir+"/data", os.O_RDWR, 0); err != nil {
		fd.ctl.Close()
		return nil, err
	}
	return newUDPConn(fd), nil
}
