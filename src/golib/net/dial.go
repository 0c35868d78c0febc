package net

import (
	"context"
	"time"
)

// Dial connects to the address on the named network. p9rt supports "tcp"
// and "udp" (and "tcp4", "udp4") to literal IPv4 addresses and "localhost".
func Dial(network, address string) (Conn, error) {
	switch network {
	case "udp", "udp4", "udp6":
		ra, err := ResolveUDPAddr(network, address)
		if err != nil {
			return nil, &OpError{Op: "dial", Net: network, Source: nil, Addr: nil, Err: err}
		}
		c, err := DialUDP(network, nil, ra)
		if err != nil {
			return nil, err
		}
		return c, nil
	}
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

// A Dialer contains options for connecting to an address (go net/dial.go):
// p9rt's have Timeout and Deadline.
type Dialer struct {
	// Timeout is the maximum amount of time a dial will wait for a connect
	// to complete; zero means no timeout.
	Timeout time.Duration
	// Deadline is the absolute point in time after which dials will fail;
	// zero means no deadline.
	Deadline time.Time
}

// deadline returns the earliest of now+Timeout and Deadline (go
// Dialer.deadline), or the zero time.
func (d *Dialer) deadline(now time.Time) time.Time {
	var earliest time.Time
	if d.Timeout != 0 {
		earliest = now.Add(d.Timeout)
	}
	if !d.Deadline.IsZero() && (earliest.IsZero() || d.Deadline.Before(earliest)) {
		earliest = d.Deadline
	}
	return earliest
}

// Dial connects to the address on the named network. The emulated loopback
// network connects at once, so a deadline can only fail a dial that starts
// after it (Go on Plan 9 hangs the conversation up through ctl when its
// context expires; no note is involved).
func (d *Dialer) Dial(network, address string) (Conn, error) {
	now := time.Now()
	if dl := d.deadline(now); !dl.IsZero() && !dl.After(now) {
		return nil, &OpError{Op: "dial", Net: network, Source: nil, Addr: nil, Err: errTimeout}
	}
	return Dial(network, address)
}

// DialContext is Dial that fails at once when ctx has already ended; the
// loopback connects without waiting, so nothing else can be cancelled.
func (d *Dialer) DialContext(ctx context.Context, network, address string) (Conn, error) {
	if ctx == nil {
		panic("nil context")
	}
	select {
	case <-ctx.Done():
		return nil, &OpError{Op: "dial", Net: network, Source: nil, Addr: nil, Err: ctx.Err()}
	default:
	}
	return d.Dial(network, address)
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
