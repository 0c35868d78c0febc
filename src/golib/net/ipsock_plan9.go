package net

import (
	"internal/itoa"
	"io/fs"
	"os"
	"syscall"
)

// Connections on Plan 9 are conversations of a protocol directory,
// /net/tcp or /net/udp. Opening the directory's clone file creates one
// and yields its ctl file, whose contents are the conversation's number
// n; control messages written to ctl ("connect", "announce") set it up;
// /net/<proto>/<n>/data carries the bytes, local and remote hold the
// addresses as "ip!port", and opening listen waits for a call to an
// announced conversation and yields the new call's ctl.

// convFile is the path of one file of conversation n of proto.
func convFile(proto, n, file string) string {
	return netdir + "/" + proto + "/" + n + "/" + file
}

// closeAll closes files in order; for the error paths below.
func closeAll(files ...*os.File) {
	for _, f := range files {
		f.Close()
	}
}

// parsePlan9Addr reads "ip!port" (or a bare port, meaning the
// unspecified address).
func parsePlan9Addr(s string) (ip IP, port int, err error) {
	ip = IPv4zero
	portText := s
	if bang := byteIndex(s, '!'); bang >= 0 {
		if ip = ParseIP(s[:bang]); ip == nil {
			return nil, 0, &ParseError{Type: "IP address", Text: s}
		}
		portText = s[bang+1:]
	}
	port, digits, ok := dtoi(portText)
	switch {
	case !ok:
		return nil, 0, &ParseError{Type: "port", Text: s}
	case port < 0 || port > 0xFFFF:
		return nil, 0, &AddrError{Err: "invalid port", Addr: portText[:digits]}
	}
	return ip, port, nil
}

// readPlan9Addr makes an Addr of network's kind from a local or remote
// file.
func readPlan9Addr(network, path string) (Addr, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	text := make([]byte, 128)
	n, err := f.Read(text)
	if err != nil {
		return nil, err
	}
	ip, port, err := parsePlan9Addr(string(text[:n]))
	if err != nil {
		return nil, err
	}
	if (network == "tcp4" || network == "udp4") && ip.Equal(IPv6zero) {
		ip = ip[:IPv4len]
	}
	switch network {
	case "tcp", "tcp4", "tcp6":
		return &TCPAddr{IP: ip, Port: port}, nil
	case "udp", "udp4", "udp6":
		return &UDPAddr{IP: ip, Port: port}, nil
	}
	return nil, UnknownNetworkError(network)
}

// ipPort takes apart a *TCPAddr or *UDPAddr; proto is "" for anything else.
func ipPort(a Addr) (proto string, ip IP, port int) {
	switch a := a.(type) {
	case *TCPAddr:
		if a != nil {
			return "tcp", a.IP, a.Port
		}
		return "tcp", nil, 0
	case *UDPAddr:
		if a != nil {
			return "udp", a.IP, a.Port
		}
		return "udp", nil, 0
	}
	return "", nil, 0
}

// startPlan9 creates a conversation for addr's protocol: its ctl file
// (open), the address in Plan 9's form for the ctl message, the protocol
// and the conversation's number.
func startPlan9(network string, addr Addr) (ctl *os.File, dest, proto, n string, err error) {
	proto, ip, port := ipPort(addr)
	if proto == "" {
		return nil, "", "", "", UnknownNetworkError(network)
	}
	if port > 65535 {
		return nil, "", "", "", InvalidAddrError("port should be < 65536")
	}
	clone, dest := csQuery(proto, ip, port)
	if ctl, err = os.OpenFile(clone, os.O_RDWR, 0); err != nil {
		return nil, "", "", "", err
	}
	num := make([]byte, 16)
	k, err := ctl.Read(num)
	if err != nil {
		ctl.Close()
		return nil, "", "", "", err
	}
	return ctl, dest, proto, trimNewline(string(num[:k])), nil
}

// csQuery gives what Plan 9's connection server (/net/cs) answers for a
// numeric address: the clone file to open and the address to write
// ("*" for any). Names are never looked up: p9rt's network is a loopback.
func csQuery(proto string, ip IP, port int) (clone, dest string) {
	host := "*"
	if len(ip) > 0 && !ip.IsUnspecified() {
		host = ip.String()
	}
	return netdir + "/" + proto + "/clone", host + "!" + itoa.Itoa(port)
}

// trimNewline drops the newlines and spaces a device may end a line with.
func trimNewline(s string) string {
	end := len(s)
	for end > 0 && (s[end-1] == '\n' || s[end-1] == ' ') {
		end--
	}
	return s[:end]
}

// fixErr unwraps, inside an *OpError, a *PathError around a Plan 9 error
// string, so the OpError holds the string itself, as Go's errors on Plan 9
// do.
func fixErr(err error) {
	oe, isOp := err.(*OpError)
	if !isOp {
		return
	}
	if pe, isPath := oe.Err.(*fs.PathError); isPath {
		if _, isPlan9 := pe.Err.(syscall.ErrorString); isPlan9 {
			oe.Err = pe.Err
		}
	}
}

// dialPlan9 makes a connected conversation: "connect dest [local]" on a
// new ctl, then its data file and its local address.
func dialPlan9(network string, laddr, raddr Addr) (fd *netFD, err error) {
	defer func() { fixErr(err) }()
	if isWildcard(raddr) {
		raddr = toLocal(raddr, network)
	}
	ctl, dest, proto, n, err := startPlan9(network, raddr)
	if err != nil {
		return nil, err
	}
	msg := "connect " + dest
	if local := plan9LocalAddr(laddr); local != "" {
		msg += " " + local
	}
	if _, err := ctl.WriteString(msg); err != nil {
		ctl.Close()
		return nil, err
	}
	data, err := os.OpenFile(convFile(proto, n, "data"), os.O_RDWR, 0)
	if err != nil {
		ctl.Close()
		return nil, err
	}
	if laddr, err = readPlan9Addr(network, convFile(proto, n, "local")); err != nil {
		closeAll(data, ctl)
		return nil, err
	}
	return newFD(proto, n, nil, ctl, data, laddr, raddr)
}

// listenPlan9 makes an announced conversation: "announce dest" on a new
// ctl, then the local address (with the port the kernel chose for 0).
func listenPlan9(network string, laddr Addr) (fd *netFD, err error) {
	defer func() { fixErr(err) }()
	ctl, dest, proto, n, err := startPlan9(network, laddr)
	if err != nil {
		return nil, err
	}
	if _, err := ctl.WriteString("announce " + dest); err != nil {
		ctl.Close()
		return nil, &OpError{Op: "announce", Net: network, Source: laddr, Err: err}
	}
	if laddr, err = readPlan9Addr(network, convFile(proto, n, "local")); err != nil {
		ctl.Close()
		return nil, err
	}
	return newFD(proto, n, nil, ctl, nil, laddr, nil)
}

// acceptPlan9 waits for a call: opening listen blocks until one comes
// and yields the call's ctl, which names the new conversation. It is not
// an asyncIO, so listener deadlines do not interrupt it
// (docs/plan9-notes.md §3.5).
func (fd *netFD) acceptPlan9() (nfd *netFD, err error) {
	defer func() { fixErr(err) }()
	if err := fd.pfd.ReadLock(); err != nil {
		return nil, err
	}
	defer fd.pfd.ReadUnlock()
	listen, err := os.Open(fd.dir + "/listen")
	if err != nil {
		return nil, fd.closedErr(err)
	}
	num := make([]byte, 16)
	k, err := listen.Read(num)
	if err != nil {
		listen.Close()
		return nil, fd.closedErr(err)
	}
	n := trimNewline(string(num[:k]))
	ctl, err := os.OpenFile(convFile(fd.net, n, "ctl"), os.O_RDWR, 0)
	if err != nil {
		listen.Close()
		return nil, err
	}
	data, err := os.OpenFile(convFile(fd.net, n, "data"), os.O_RDWR, 0)
	if err != nil {
		closeAll(listen, ctl)
		return nil, err
	}
	raddr, err := readPlan9Addr(fd.net, convFile(fd.net, n, "remote"))
	if err != nil {
		closeAll(listen, ctl, data)
		return nil, err
	}
	return newFD(fd.net, n, listen, ctl, data, fd.laddr, raddr)
}

// closedErr: a wait for a call that the listener's Close ended (its
// "hangup" fails the open of listen) is, as on Go's other ports, the use
// of a closed connection, not the kernel's word for it.
func (fd *netFD) closedErr(err error) error {
	if fd.pfd.Closing() {
		return ErrClosed
	}
	return err
}

// isWildcard: a TCP or UDP address without a host (dialing it means the
// loopback).
func isWildcard(a Addr) bool {
	switch a := a.(type) {
	case *TCPAddr:
		return a.isWildcard()
	case *UDPAddr:
		return a.isWildcard()
	}
	return false
}

// toLocal points a wildcard address at the network's loopback address.
func toLocal(a Addr, network string) Addr {
	switch a := a.(type) {
	case *TCPAddr:
		a.IP = loopbackIP(network)
	case *UDPAddr:
		a.IP = loopbackIP(network)
	}
	return a
}

// plan9LocalAddr is the optional local address of "connect": "" for
// none, a bare port, or ip!port.
func plan9LocalAddr(addr Addr) string {
	_, ip, port := ipPort(addr)
	if len(ip) > 0 && !ip.IsUnspecified() {
		return ip.String() + "!" + itoa.Itoa(port)
	}
	if port != 0 {
		return itoa.Itoa(port)
	}
	return ""
}
