// Package context: Go's contexts (deadlines, cancellation and request values
// handed down a call tree), written for p9rt after the behaviour of Go 1.19.
//
// A context is a chain from a root (Background, TODO) through the wrappers
// With* made: cancelCtx (WithCancel), timerCtx (a cancelCtx with a deadline
// and the timer that enforces it) and valueCtx (one key and value). Each
// cancelCtx keeps the set of cancelCtxs below it, so that cancelling it
// cancels them at once; a child that ends first takes itself out of that
// set, so a long-lived parent (a server's base context) does not collect
// every request's context. A parent of a type this package does not know
// is watched by a goroutine instead, as Go does.
package context

import (
	"errors"
	"internal/reflectlite"
	"sync"
	"time"
)

// A Context is what a function takes to learn when to give up and to find
// values its callers attached.
type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

// Canceled is Err's answer after a CancelFunc ran.
var Canceled = errors.New("context canceled")

// DeadlineExceeded is Err's answer after the deadline passed; it is a
// net.Error-style timeout.
var DeadlineExceeded error = deadlineExceededError{}

type deadlineExceededError struct{}

func (deadlineExceededError) Error() string   { return "context deadline exceeded" }
func (deadlineExceededError) Timeout() bool   { return true }
func (deadlineExceededError) Temporary() bool { return true }

// emptyCtx is a root: no deadline, no values, never done. Go declares it as
// an int; a struct with its name prints the same and %T agrees.
type emptyCtx struct {
	name string
}

func (*emptyCtx) Deadline() (deadline time.Time, ok bool) { return }
func (*emptyCtx) Done() <-chan struct{}                   { return nil }
func (*emptyCtx) Err() error                              { return nil }
func (*emptyCtx) Value(key any) any                       { return nil }
func (e *emptyCtx) String() string                        { return e.name }

var (
	background = &emptyCtx{"context.Background"}
	todo       = &emptyCtx{"context.TODO"}
)

// Background is the root of the contexts of a program's main work.
func Background() Context { return background }

// TODO is the root to use where the right context is not known yet.
func TODO() Context { return todo }

// A CancelFunc ends the work under its context; calls after the first do
// nothing.
type CancelFunc func()

// canceler is what a cancelCtx's set of children holds: a cancelCtx, or a
// timerCtx through its embedded one.
type canceler interface {
	cancel(fromParent bool, err error)
	Done() <-chan struct{}
}

// cancelCtx is the context of WithCancel and the cancellation half of a
// timerCtx.
type cancelCtx struct {
	Context // the parent

	mu    sync.Mutex
	done  chan struct{}
	below map[canceler]struct{} // children to cancel with this one; nil once cancelled
	err   error                 // set once, by the first cancel
}

func (c *cancelCtx) Done() <-chan struct{} { return c.done }

func (c *cancelCtx) Err() error {
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	return err
}

func (c *cancelCtx) String() string { return nameOf(c.Context) + ".WithCancel" }

// cancel records err, closes done and cancels everything below; unless the
// parent is the one cancelling (and about to forget all its children), c
// also leaves the parent's set.
func (c *cancelCtx) cancel(fromParent bool, err error) {
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err = err
	close(c.done)
	below := c.below
	c.below = nil
	c.mu.Unlock()
	for child := range below {
		child.cancel(true, err)
	}
	if !fromParent {
		leave(c.Context, c)
	}
}

// nearestCancel finds the cancelCtx that governs parent, looking through
// valueCtxs and timerCtxs; false when the chain reaches a root or a type
// this package does not know.
func nearestCancel(parent Context) (*cancelCtx, bool) {
	for {
		switch p := parent.(type) {
		case *cancelCtx:
			return p, true
		case *timerCtx:
			return &p.cancelCtx, true
		case *valueCtx:
			parent = p.Context
		default:
			return nil, false
		}
	}
}

// join makes child's cancellation follow parent's: at once if parent is
// already done, through the governing cancelCtx's set if there is one, or
// by a goroutine waiting on a foreign parent's Done.
func join(parent Context, child canceler) {
	done := parent.Done()
	if done == nil {
		return // a root: never cancelled
	}
	select {
	case <-done:
		child.cancel(false, parent.Err())
		return
	default:
	}
	if p, ok := nearestCancel(parent); ok {
		p.mu.Lock()
		if p.err != nil {
			p.mu.Unlock()
			child.cancel(false, p.err)
			return
		}
		if p.below == nil {
			p.below = make(map[canceler]struct{})
		}
		p.below[child] = struct{}{}
		p.mu.Unlock()
		return
	}
	go func() {
		select {
		case <-done:
			child.cancel(false, parent.Err())
		case <-child.Done():
		}
	}()
}

// leave takes child out of the set of the cancelCtx governing parent.
func leave(parent Context, child canceler) {
	p, ok := nearestCancel(parent)
	if !ok {
		return
	}
	p.mu.Lock()
	if p.below != nil {
		delete(p.below, child)
	}
	p.mu.Unlock()
}

func mustHaveParent(parent Context) {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
}

// WithCancel derives a context that is done when the returned CancelFunc
// runs or when parent is done, whichever comes first.
func WithCancel(parent Context) (ctx Context, cancel CancelFunc) {
	mustHaveParent(parent)
	c := &cancelCtx{Context: parent, done: make(chan struct{})}
	join(parent, c)
	return c, func() { c.cancel(false, Canceled) }
}

// timerCtx is WithDeadline's context: a cancelCtx that its timer cancels
// with DeadlineExceeded.
type timerCtx struct {
	cancelCtx
	timer    *time.Timer // nil once cancelled, or if the deadline had passed
	deadline time.Time
}

func (c *timerCtx) Deadline() (deadline time.Time, ok bool) { return c.deadline, true }

// String names the deadline and, as Go does, the time left until it when
// String is called (negative once it has passed).
func (c *timerCtx) String() string {
	return nameOf(c.cancelCtx.Context) + ".WithDeadline(" + c.deadline.String() +
		" [" + time.Until(c.deadline).String() + "])"
}

func (c *timerCtx) cancel(fromParent bool, err error) {
	c.cancelCtx.cancel(true, err) // the parent's set holds c, not the inner cancelCtx
	if !fromParent {
		leave(c.cancelCtx.Context, c)
	}
	c.mu.Lock()
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	c.mu.Unlock()
}

// WithDeadline derives a context that is also done at d. A parent whose own
// deadline comes first already says everything: the result is then a plain
// WithCancel, as in Go.
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	mustHaveParent(parent)
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		return WithCancel(parent)
	}
	c := &timerCtx{cancelCtx: cancelCtx{Context: parent, done: make(chan struct{})}, deadline: d}
	join(parent, c)
	stop := func() { c.cancel(false, Canceled) }
	left := time.Until(d)
	if left <= 0 {
		c.cancel(false, DeadlineExceeded)
		return c, stop
	}
	c.mu.Lock()
	if c.err == nil {
		c.timer = time.AfterFunc(left, func() { c.cancel(false, DeadlineExceeded) })
	}
	c.mu.Unlock()
	return c, stop
}

// WithTimeout is WithDeadline at timeout from now.
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, time.Now().Add(timeout))
}

// valueCtx attaches one key and its value; every other question goes to
// the parent.
type valueCtx struct {
	Context
	key, val any
}

// WithValue derives a context in which key answers val. Keys compare with
// ==, so a key must be comparable, and Go asks for a type of one's own.
func WithValue(parent Context, key, val any) Context {
	mustHaveParent(parent)
	if key == nil {
		panic("nil key")
	}
	return &valueCtx{parent, key, val}
}

func (c *valueCtx) Value(key any) any {
	for {
		if c.key == key {
			return c.val
		}
		up, ok := c.Context.(*valueCtx)
		if !ok {
			return c.Context.Value(key)
		}
		c = up
	}
}

func (c *valueCtx) String() string {
	return nameOf(c.Context) + ".WithValue(type " + reflectlite.Name(reflectlite.TypeOf(c.key)) +
		", val " + describe(c.val) + ")"
}

type stringer interface{ String() string }

// nameOf is how a context's String names its parent: the parent's own
// String, or else its type.
func nameOf(c Context) string {
	if s, ok := c.(stringer); ok {
		return s.String()
	}
	return reflectlite.Name(reflectlite.TypeOf(c))
}

// describe shows a value without fmt (which context must not import).
func describe(v any) string {
	switch s := v.(type) {
	case stringer:
		return s.String()
	case string:
		return s
	}
	return "<not Stringer>"
}
