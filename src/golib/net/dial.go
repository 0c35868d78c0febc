package net

// Dial connects to the address on the named network. p9rt supports "tcp"
// (and "tcp4") to literal IPv4 addresses and "localhost".
func Dial(network, address string) (Conn, error) {
	ra, err := ResolveTCPAddr(network, address)
	if err != nil {
		return nil, &OpError{Op: "dial", Net: network, Source: nil, Addr: nil, Err: err}
	}
	c, err := DialTCP(network, nil, ra)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// DialTCP acts like Dial for TCP networks.
func DialTCP(network string, laddr, raddr *TCPAddr) (*TCPConn, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return nil, &OpError{Op: "dial", Net: network, Source: opAddr(laddr), Addr: opAddr(raddr), Err: UnknownNetworkError(network)}
	}
	if raddr == nil {
		return nil, &OpError{Op: "dial", Net: network, Source: opAddr(laddr), Addr: nil, Err: errMissingAddress}
	}
	var la Addr
	if laddr != nil {
		la = laddr
	}
	fd, err := dialPlan9(network, la, raddr)
	if err != nil {
		return nil, &OpError{Op: "dial", Net: network, Source: opAddr(laddr), Addr: raddr, Err: err}
	}
	return newTCPConn(fd), nil
}

// opAddr keeps a nil *TCPAddr out of an Addr interface.
func opAddr(a *TCPAddr) Addr {
	if a == nil {
		return nil
	}
	return a
}

// Listen announces on the local network address: Listen("tcp",
// "127.0.0.1:0") picks a free port, which Addr reports.
func Listen(network, address string) (Listener, error) {
	la, err := ResolveTCPAddr(network, address)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: nil, Err: err}
	}
	l, err := ListenTCP(network, la)
	if err != nil {
		return nil, err
	}
	return l, nil
}

// ListenTCP acts like Listen for TCP networks.
func ListenTCP(network string, laddr *TCPAddr) (*TCPListener, error) {
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: opAddr(laddr), Err: UnknownNetworkError(network)}
	}
	if laddr == nil {
		laddr = &TCPAddr{}
	}
	fd, err := listenPlan9(network, laddr)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: laddr, Err: err}
	}
	return &TCPListener{fd: fd}, nil
}
