package net

import (
	"internal/poll"
	"io"
	"os"
	"syscall"
	"time"
)

// A netFD is one conversation of /net/<proto>: its directory, the files
// open in it (ctl always; data once connected; listen while a listener
// waits for a call), and the poll.FD that gives reads and writes their
// deadlines (docs/plan9-notes.md §3.5).
type netFD struct {
	pfd poll.FD

	// Set by newFD and left alone until Close.
	net               string // "tcp" or "udp"
	n                 string // the conversation's number
	dir               string // /net/<proto>/<n>
	listen, ctl, data *os.File
	laddr, raddr      Addr
	isStream          bool
}

// netdir is where the network devices are mounted.
var netdir = "/net"

var errInvalidConn = syscall.EINVAL

func newFD(proto, num string, listen, ctl, data *os.File, laddr, raddr Addr) (*netFD, error) {
	fd := &netFD{net: proto, n: num, listen: listen, ctl: ctl, data: data, laddr: laddr, raddr: raddr}
	fd.dir = netdir + "/" + proto + "/" + num
	fd.pfd.Pathname = fd.dir + "/data"
	// The poll.FD closes the files once its last reference is gone.
	fd.pfd.Destroy = fd.destroy
	return fd, nil
}

func (fd *netFD) ok() bool { return fd != nil && fd.ctl != nil }

// closeFiles closes ctl, data and listen (those that are open), forgets
// them, and reports the first failure.
func (fd *netFD) closeFiles() error {
	var first error
	for _, f := range []*os.File{fd.ctl, fd.data, fd.listen} {
		if f == nil {
			continue
		}
		if err := f.Close(); first == nil {
			first = err
		}
	}
	fd.ctl, fd.data, fd.listen = nil, nil, nil
	return first
}

func (fd *netFD) destroy() {
	if fd.ok() {
		fd.closeFiles()
	}
}

// connected: the conversation has a data file to move bytes through.
func (fd *netFD) connected() bool { return fd.ok() && fd.data != nil }

// Read goes through poll.FD so that a deadline can interrupt it. A UDP
// conversation has no end of stream: what poll reports as io.EOF (a
// Hangup) is an empty datagram there.
func (fd *netFD) Read(b []byte) (int, error) {
	if !fd.connected() {
		return 0, syscall.EINVAL
	}
	n, err := fd.pfd.Read(fd.data.Read, b)
	if err == io.EOF && fd.net == "udp" {
		return 0, nil
	}
	return n, err
}

func (fd *netFD) Write(b []byte) (int, error) {
	if !fd.connected() {
		return 0, syscall.EINVAL
	}
	return fd.pfd.Write(fd.data.Write, b)
}

// halfClose: Plan 9's conversations cannot be shut in one direction.
func (fd *netFD) halfClose() error {
	if fd.ok() {
		return syscall.EPLAN9
	}
	return syscall.EINVAL
}

func (fd *netFD) closeRead() error  { return fd.halfClose() }
func (fd *netFD) closeWrite() error { return fd.halfClose() }

// Close releases the poll.FD, then makes sure nobody stays blocked in a
// Read of this conversation: a TCP one is told to "close" through ctl,
// after which reads on both ends get Hangup (io.EOF); a UDP one has no
// peer to hang up, so its read deadline is moved into the past, which
// cancels a blocked read with a hangup note (Go issue 72770). Then the
// files are closed.
func (fd *netFD) Close() error {
	if err := fd.pfd.Close(); err != nil {
		return err
	}
	if !fd.ok() {
		return syscall.EINVAL
	}
	switch fd.net {
	case "tcp":
		if _, err := fd.ctl.WriteString("close"); err != nil {
			return err
		}
	case "udp":
		fd.SetReadDeadline(time.Now().Add(-time.Hour))
	}
	return fd.closeFiles()
}

func (fd *netFD) SetDeadline(t time.Time) error      { return fd.pfd.SetDeadline(t) }
func (fd *netFD) SetReadDeadline(t time.Time) error  { return fd.pfd.SetReadDeadline(t) }
func (fd *netFD) SetWriteDeadline(t time.Time) error { return fd.pfd.SetWriteDeadline(t) }
