package net

import (
	"io"
	"os"
	"sync"
	"time"
)

// Pipe returns the two ends of a connection that lives in memory only:
// no kernel object, no notes. It is synchronous (a Write returns once
// Reads at the other end have taken every byte of it), full duplex, and
// both ends are Conns with working deadlines, as Go's net.Pipe.
func Pipe() (Conn, Conn) {
	aToB, bToA := make(chan []byte), make(chan []byte)
	aTook, bTook := make(chan int), make(chan int)
	aDone, bDone := make(chan struct{}), make(chan struct{})
	a := &pipe{in: bToA, took: aTook, out: aToB, peerTook: bTook, done: aDone, peerDone: bDone}
	b := &pipe{in: aToB, took: bTook, out: bToA, peerTook: aTook, done: bDone, peerDone: aDone}
	for _, e := range []*pipe{a, b} {
		e.rd.expired = make(chan struct{})
		e.wr.expired = make(chan struct{})
	}
	return a, b
}

// pipe is one end of a Pipe. A Write offers its bytes on out, and the
// Read at the other end answers on peerTook how many it copied; the
// roles are the same the other way round with in and took.
type pipe struct {
	in       <-chan []byte
	took     chan<- int
	out      chan<- []byte
	peerTook <-chan int

	// One Write at a time, so the bytes of two never interleave.
	writing sync.Mutex

	// done is closed by this end's Close, peerDone by the other's.
	closing  sync.Once
	done     chan struct{}
	peerDone <-chan struct{}

	rd, wr expiry
}

// An expiry is the deadline of one direction of a pipe end: its expired
// channel is closed while the deadline is past.
type expiry struct {
	mu      sync.Mutex
	timer   *time.Timer
	expired chan struct{}
}

// isClosed tells, without blocking, whether c has been closed.
func isClosed(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// set moves the deadline to t: the zero time removes it, a past time
// expires it at once, a future one arms a timer that expires it then.
func (x *expiry) set(t time.Time) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.timer != nil {
		if !x.timer.Stop() {
			// Too late: the timer's function runs or ran; let it finish
			// closing the channel before a new one replaces it.
			<-x.expired
		}
		x.timer = nil
	}
	past := isClosed(x.expired)
	left := time.Until(t)
	switch {
	case t.IsZero() || left > 0:
		if past {
			x.expired = make(chan struct{})
		}
		if !t.IsZero() {
			c := x.expired
			x.timer = time.AfterFunc(left, func() { close(c) })
		}
	case !past:
		close(x.expired)
	}
}

// channel is the current expired channel (set may replace it).
func (x *expiry) channel() chan struct{} {
	x.mu.Lock()
	c := x.expired
	x.mu.Unlock()
	return c
}

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "pipe" }

func (*pipe) LocalAddr() Addr  { return pipeAddr{} }
func (*pipe) RemoteAddr() Addr { return pipeAddr{} }

// pipeError wraps what a Read or Write failed with in an OpError, except
// io.EOF and io.ErrClosedPipe, which Go's pipe returns bare.
func pipeError(op string, err error) error {
	if err == nil || err == io.EOF || err == io.ErrClosedPipe {
		return err
	}
	return &OpError{Op: op, Net: "pipe", Err: err}
}

func (p *pipe) Read(b []byte) (int, error) {
	n, err := p.receive(b)
	return n, pipeError("read", err)
}

// receive waits for a Write at the other end and copies what fits of it.
// A closed end, a closed peer (end of stream) and a past deadline are
// reported before anything is taken.
func (p *pipe) receive(b []byte) (int, error) {
	expired := p.rd.channel()
	switch {
	case isClosed(p.done):
		return 0, io.ErrClosedPipe
	case isClosed(p.peerDone):
		return 0, io.EOF
	case isClosed(expired):
		return 0, os.ErrDeadlineExceeded
	}
	select {
	case offered := <-p.in:
		n := copy(b, offered)
		p.took <- n
		return n, nil
	case <-p.done:
		return 0, io.ErrClosedPipe
	case <-p.peerDone:
		return 0, io.EOF
	case <-expired:
		return 0, os.ErrDeadlineExceeded
	}
}

func (p *pipe) Write(b []byte) (int, error) {
	n, err := p.send(b)
	return n, pipeError("write", err)
}

// send offers b to the other end's Reads until all of it is taken; even
// an empty b is offered once (it meets one Read).
func (p *pipe) send(b []byte) (int, error) {
	if isClosed(p.done) || isClosed(p.peerDone) {
		return 0, io.ErrClosedPipe
	}
	expired := p.wr.channel()
	if isClosed(expired) {
		return 0, os.ErrDeadlineExceeded
	}
	p.writing.Lock()
	defer p.writing.Unlock()
	sent := 0
	for {
		select {
		case p.out <- b[sent:]:
			sent += <-p.peerTook
		case <-p.done:
			return sent, io.ErrClosedPipe
		case <-p.peerDone:
			return sent, io.ErrClosedPipe
		case <-expired:
			return sent, os.ErrDeadlineExceeded
		}
		if sent == len(b) {
			return sent, nil
		}
	}
}

// setDeadlines sets the deadline of the directions given; an end that
// either side has closed refuses.
func (p *pipe) setDeadlines(t time.Time, dirs ...*expiry) error {
	if isClosed(p.done) || isClosed(p.peerDone) {
		return io.ErrClosedPipe
	}
	for _, x := range dirs {
		x.set(t)
	}
	return nil
}

func (p *pipe) SetDeadline(t time.Time) error      { return p.setDeadlines(t, &p.rd, &p.wr) }
func (p *pipe) SetReadDeadline(t time.Time) error  { return p.setDeadlines(t, &p.rd) }
func (p *pipe) SetWriteDeadline(t time.Time) error { return p.setDeadlines(t, &p.wr) }

// Close closes this end: its own calls fail with io.ErrClosedPipe from
// now on, the other end reads io.EOF and cannot write. Closing twice is
// not an error.
func (p *pipe) Close() error {
	p.closing.Do(func() { close(p.done) })
	return nil
}
