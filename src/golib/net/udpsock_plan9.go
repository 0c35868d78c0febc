package net

import (
	"errors"
	"os"
)

// readFrom reads one datagram with the header the "headers" ctl message
// asked the kernel for, and returns its payload and sender.
func (c *UDPConn) readFrom(b []byte, addr *UDPAddr) (int, *UDPAddr, error) {
	buf := make([]byte, udpHeaderSize+len(b))
	m, err := c.fd.Read(buf)
	if err != nil {
		return 0, nil, err
	}
	if m < udpHeaderSize {
		// Also a hung-up conversation: its EOF was mapped to (0, nil).
		return 0, nil, errors.New("short read reading UDP header")
	}
	buf = buf[:m]

	h, buf := unmarshalUDPHeader(buf)
	n := copy(b, buf)
	*addr = UDPAddr{IP: h.raddr, Port: int(h.rport)}
	return n, addr, nil
}

// writeTo sends b to addr in one write of header and payload, so the
// kernel sees one datagram.
func (c *UDPConn) writeTo(b []byte, addr *UDPAddr) (int, error) {
	if addr == nil {
		return 0, errMissingAddress
	}
	h := new(udpHeader)
	h.raddr = addr.IP.To16()
	h.laddr = c.fd.laddr.(*UDPAddr).IP.To16()
	h.ifcaddr = IPv6zero // ignored (receive only)
	h.rport = uint16(addr.Port)
	h.lport = uint16(c.fd.laddr.(*UDPAddr).Port)

	buf := make([]byte, udpHeaderSize+len(b))
	i := copy(buf, h.Bytes())
	copy(buf[i:], b)
	if _, err := c.fd.Write(buf); err != nil {
		return 0, err
	}
	return len(b), nil
}

// udpHeaderSize is Plan 9's Udphdrsize: raddr, laddr, ifcaddr (16 bytes
// each, IPv6 form), rport and lport (big-endian).
const udpHeaderSize = 16*3 + 2*2

type udpHeader struct {
	raddr, laddr, ifcaddr IP
	rport, lport          uint16
}

func (h *udpHeader) Bytes() []byte {
	b := make([]byte, udpHeaderSize)
	i := 0
	i += copy(b[i:i+16], h.raddr)
	i += copy(b[i:i+16], h.laddr)
	i += copy(b[i:i+16], h.ifcaddr)
	b[i] = byte(h.rport >> 8)
	b[i+1] = byte(h.rport)
	b[i+2] = byte(h.lport >> 8)
	b[i+3] = byte(h.lport)
	return b
}

func unmarshalUDPHeader(b []byte) (*udpHeader, []byte) {
	h := new(udpHeader)
	h.raddr, b = IP(b[:16]), b[16:]
	h.laddr, b = IP(b[:16]), b[16:]
	h.ifcaddr, b = IP(b[:16]), b[16:]
	h.rport, b = uint16(b[0])<<8|uint16(b[1]), b[2:]
	h.lport, b = uint16(b[0])<<8|uint16(b[1]), b[2:]
	return h, b
}

// listenUDP announces, then switches the data file to headers mode so
// every datagram carries its addresses (go net/udpsock_plan9.go).
func listenUDP(network string, laddr *UDPAddr) (*UDPConn, error) {
	fd, err := listenPlan9(network, laddr)
	if err != nil {
		return nil, err
	}
	_, err = fd.ctl.WriteString("headers")
	if err != nil {
		fd.ctl.Close()
		return nil, err
	}
	fd.data, err = os.OpenFile(fd.dir+"/data", os.O_RDWR, 0)
	if err != nil {
		fd.ctl.Close()
		return nil, err
	}
	return newUDPConn(fd), nil
}
