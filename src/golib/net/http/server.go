package http

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// A Handler answers one request: it writes the reply's header and body to
// the ResponseWriter and returns when it is done with them.
type Handler interface {
	ServeHTTP(ResponseWriter, *Request)
}

// HandlerFunc makes a function a Handler.
type HandlerFunc func(ResponseWriter, *Request)

// ServeHTTP calls f(w, r).
func (f HandlerFunc) ServeHTTP(w ResponseWriter, r *Request) { f(w, r) }

// A ResponseWriter is how a Handler writes its reply.
type ResponseWriter interface {
	// Header is the header sent when WriteHeader (or the first Write) is
	// called; changes after that are not sent.
	Header() Header
	// Write writes body bytes, sending the header with status 200 first if
	// WriteHeader has not been called.
	Write([]byte) (int, error)
	// WriteHeader sends the header with the status code.
	WriteHeader(statusCode int)
}

// A Flusher sends what has been written so far.
type Flusher interface {
	Flush()
}

// A Hijacker lets a handler take over the connection.
type Hijacker interface {
	Hijack() (net.Conn, *bufio.ReadWriter, error)
}

// A CloseNotifier reports on its channel when the client's connection goes
// away. Deprecated in Go for Request.Context, which p9rt also cancels.
type CloseNotifier interface {
	CloseNotify() <-chan bool
}

// contextKey is the type of the package's context keys.
type contextKey struct {
	name string
}

func (k *contextKey) String() string { return "net/http context value " + k.name }

var (
	// ServerContextKey's value in a handler's context is the *Server.
	ServerContextKey = &contextKey{"http-server"}
	// LocalAddrContextKey's value is the connection's local net.Addr.
	LocalAddrContextKey = &contextKey{"local-addr"}
)

// TimeFormat is the format of HTTP dates, always in GMT.
const TimeFormat = "Mon, 02 Jan 2006 15:04:05 GMT"

// DefaultMaxHeaderBytes is the largest request header a Server reads by
// default (1 MB).
const DefaultMaxHeaderBytes = 1 << 20

// aLongTimeAgo is a deadline that has passed: setting it stops a read now.
var aLongTimeAgo = time.Unix(1, 0)

const maxInt64 = 1<<63 - 1

// A ConnState is where a server connection is in its life.
type ConnState int

const (
	StateNew      ConnState = iota // accepted, nothing read yet
	StateActive                    // a request is being read or served
	StateIdle                      // between requests of a keep-alive connection
	StateHijacked                  // taken over by a Handler (final)
	StateClosed                    // closed (final)
)

var stateNames = []string{"new", "active", "idle", "hijacked", "closed"}

// String is the state's name; an unknown state is "", as in Go.
func (s ConnState) String() string {
	if s >= 0 && int(s) < len(stateNames) {
		return stateNames[s]
	}
	return ""
}

// A Server serves HTTP/1.x on the connections of its listeners.
type Server struct {
	Addr    string  // ":http" when empty
	Handler Handler // DefaultServeMux when nil

	// ReadTimeout bounds reading a whole request, body included;
	// ReadHeaderTimeout the header alone (ReadTimeout when zero);
	// WriteTimeout writing the reply, counted from the end of the request
	// header; IdleTimeout the wait for the next request of a keep-alive
	// connection (ReadTimeout when zero). Zero is no limit.
	ReadTimeout       time.Duration
	ReadHeaderTimeout time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration

	// MaxHeaderBytes bounds the request line and header (DefaultMaxHeaderBytes when zero).
	MaxHeaderBytes int

	// ConnState, when set, is called at each change of a connection's state.
	ConnState func(net.Conn, ConnState)

	// BaseContext gives the context of a listener's requests; ConnContext
	// the context of one connection's.
	BaseContext func(net.Listener) context.Context
	ConnContext func(ctx context.Context, c net.Conn) context.Context

	mu          sync.Mutex
	listeners   map[*net.Listener]bool
	conns       map[*conn]bool
	closing     atomic.Bool
	noKeepAlive atomic.Bool
	onShutdown  []func()
}

func (s *Server) maxHeaderBytes() int {
	if s.MaxHeaderBytes > 0 {
		return s.MaxHeaderBytes
	}
	return DefaultMaxHeaderBytes
}

// The read limit while reading a request header: a little more than
// MaxHeaderBytes, as in Go, for the request line and the framing.
func (s *Server) headerReadLimit() int64 { return int64(s.maxHeaderBytes()) + 4096 }

func (s *Server) headerTimeout() time.Duration {
	if s.ReadHeaderTimeout != 0 {
		return s.ReadHeaderTimeout
	}
	return s.ReadTimeout
}

func (s *Server) idleLimit() time.Duration {
	if s.IdleTimeout != 0 {
		return s.IdleTimeout
	}
	return s.ReadTimeout
}

func (s *Server) keepAlives() bool { return !s.noKeepAlive.Load() && !s.closing.Load() }

// SetKeepAlivesEnabled turns keep-alive connections on or off (they are on
// by default); off also closes idle ones.
func (s *Server) SetKeepAlivesEnabled(v bool) {
	s.noKeepAlive.Store(!v)
	if !v {
		s.closeIdle()
	}
}

// RegisterOnShutdown adds f to the functions Shutdown calls.
func (s *Server) RegisterOnShutdown(f func()) {
	s.mu.Lock()
	s.onShutdown = append(s.onShutdown, f)
	s.mu.Unlock()
}

// logPrintf writes a line to standard error as Go's log package does by default.
func (s *Server) logPrintf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if !strings.HasSuffix(msg, "\n") {
		msg += "\n"
	}
	os.Stderr.WriteString(time.Now().Format("2006/01/02 15:04:05 ") + msg)
}

// ListenAndServe listens on s.Addr and serves; it returns ErrServerClosed
// after Shutdown or Close.
func (s *Server) ListenAndServe() error {
	if s.closing.Load() {
		return ErrServerClosed
	}
	addr := s.Addr
	if addr == "" {
		addr = ":http"
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(l)
}

// Serve accepts connections on l and serves each on its own goroutine. It
// returns ErrServerClosed after Shutdown or Close, or the listener's error.
func (s *Server) Serve(l net.Listener) error {
	if !s.trackListener(&l, true) {
		return ErrServerClosed
	}
	defer s.trackListener(&l, false)
	base := context.Background()
	if s.BaseContext != nil {
		base = s.BaseContext(l)
		if base == nil {
			panic("BaseContext returned a nil context")
		}
	}
	ctx := context.WithValue(base, ServerContextKey, s)
	var backoff time.Duration
	for {
		rw, err := l.Accept()
		if err != nil {
			if s.closing.Load() {
				return ErrServerClosed
			}
			if ne, isNet := err.(net.Error); isNet && ne.Temporary() {
				// Wait a little longer each time, up to a second.
				if backoff == 0 {
					backoff = 5 * time.Millisecond
				} else if backoff *= 2; backoff > time.Second {
					backoff = time.Second
				}
				s.logPrintf("http: Accept error: %v; retrying in %v", err, backoff)
				time.Sleep(backoff)
				continue
			}
			return err
		}
		backoff = 0
		connCtx := ctx
		if s.ConnContext != nil {
			connCtx = s.ConnContext(connCtx, rw)
			if connCtx == nil {
				panic("ConnContext returned nil")
			}
		}
		c := &conn{server: s, nc: rw}
		c.setState(StateNew)
		go c.serve(connCtx)
	}
}

func (s *Server) trackListener(l *net.Listener, add bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listeners == nil {
		s.listeners = make(map[*net.Listener]bool)
	}
	if add {
		if s.closing.Load() {
			return false
		}
		s.listeners[l] = true
	} else {
		delete(s.listeners, l)
	}
	return true
}

func (s *Server) noteConn(c *conn, add bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conns == nil {
		s.conns = make(map[*conn]bool)
	}
	if add {
		s.conns[c] = true
	} else {
		delete(s.conns, c)
	}
}

// closeListeners closes every listener; the first error is returned.
func (s *Server) closeListeners() error {
	var err error
	for l := range s.listeners {
		if cerr := (*l).Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	return err
}

// Close closes the listeners and every connection at once, whatever it is
// doing; hijacked connections are the handler's. Serve returns
// ErrServerClosed.
func (s *Server) Close() error {
	s.closing.Store(true)
	s.mu.Lock()
	err := s.closeListeners()
	for c := range s.conns {
		c.nc.Close()
		delete(s.conns, c)
	}
	s.mu.Unlock()
	return err
}

// How often Shutdown looks for connections that went idle: from 1ms,
// doubling, up to 500ms.
const (
	shutdownPollFirst = time.Millisecond
	shutdownPollMax   = 500 * time.Millisecond
)

// Shutdown stops the server gently: the listeners close, idle connections
// close, and it waits for the active ones to finish and go idle, or for
// ctx to end (its error is then returned). Serve returns ErrServerClosed.
func (s *Server) Shutdown(ctx context.Context) error {
	s.closing.Store(true)
	s.mu.Lock()
	err := s.closeListeners()
	for _, f := range s.onShutdown {
		go f()
	}
	s.mu.Unlock()
	wait := shutdownPollFirst
	timer := time.NewTimer(wait)
	defer timer.Stop()
	for {
		if s.closeIdle() {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
			if wait *= 2; wait > shutdownPollMax {
				wait = shutdownPollMax
			}
			timer.Reset(wait)
		}
	}
}

// closeIdle closes the idle connections and reports whether all were idle.
// A new connection that has sent nothing for 5 seconds counts as idle.
func (s *Server) closeIdle() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	all := true
	for c := range s.conns {
		state, since := c.getState()
		if state == StateNew && since < time.Now().Unix()-5 {
			state = StateIdle
		}
		if state != StateIdle {
			all = false
			continue
		}
		c.nc.Close()
		delete(s.conns, c)
	}
	return all
}

// ListenAndServe serves handler (DefaultServeMux when nil) on addr.
func ListenAndServe(addr string, handler Handler) error {
	s := &Server{Addr: addr, Handler: handler}
	return s.ListenAndServe()
}

// Serve serves handler (DefaultServeMux when nil) on l's connections.
func Serve(l net.Listener, handler Handler) error {
	s := &Server{Handler: handler}
	return s.Serve(l)
}

// A conn is the server side of one connection.
type conn struct {
	server    *Server
	nc        net.Conn
	peer      string
	cancelCtx context.CancelFunc // ends the connection's context
	werr      error              // the first write error

	r   *connReader
	in  *bufio.Reader
	out *bufio.Writer

	lastMethod string

	reqMu  sync.Mutex
	curReq *response // the request being served, for CloseNotify

	stateMu sync.Mutex
	state   ConnState
	stateAt int64 // Unix time of the last change

	mu       sync.Mutex
	hijacked bool
}

func (c *conn) setState(state ConnState) {
	switch state {
	case StateNew:
		c.server.noteConn(c, true)
	case StateHijacked, StateClosed:
		c.server.noteConn(c, false)
	}
	c.stateMu.Lock()
	c.state = state
	c.stateAt = time.Now().Unix()
	c.stateMu.Unlock()
	if hook := c.server.ConnState; hook != nil {
		hook(c.nc, state)
	}
}

func (c *conn) getState() (ConnState, int64) {
	c.stateMu.Lock()
	defer c.stateMu.Unlock()
	return c.state, c.stateAt
}

func (c *conn) isHijacked() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hijacked
}

func (c *conn) setCurrent(w *response) {
	c.reqMu.Lock()
	c.curReq = w
	c.reqMu.Unlock()
}

// connWriter is the connection as the reply's buffered writer sees it: it
// keeps the first write error and ends the connection's context on it.
type connWriter struct{ c *conn }

func (w connWriter) Write(p []byte) (int, error) {
	n, err := w.c.nc.Write(p)
	if err != nil && w.c.werr == nil {
		w.c.werr = err
		w.c.cancelCtx()
	}
	return n, err
}

// The answers to requests the server cannot read.
const plainClose = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

// codedError is a request error answered with its code and text.
type codedError struct {
	code int
	text string
}

func (e codedError) Error() string { return StatusText(e.code) + ": " + e.text }

var errHeaderTooBig = errors.New("http: request too large")

// serve reads requests from the connection and runs the handler on each,
// one at a time, until the connection ends or cannot be used again.
func (c *conn) serve(ctx context.Context) {
	c.peer = c.nc.RemoteAddr().String()
	ctx = context.WithValue(ctx, LocalAddrContextKey, c.nc.LocalAddr())
	var inFlight *response
	defer func() {
		if v := recover(); v != nil && v != ErrAbortHandler {
			c.server.logPrintf("http: panic serving %v: %v", c.peer, v)
		}
		if inFlight != nil {
			inFlight.cancelCtx()
		}
		if !c.isHijacked() {
			if inFlight != nil {
				inFlight.conn.r.abortPendingRead()
				inFlight.body.Close()
			}
			c.close()
			c.setState(StateClosed)
		}
	}()

	ctx, cancel := context.WithCancel(ctx)
	c.cancelCtx = cancel
	defer cancel()
	c.r = &connReader{conn: c}
	c.r.cond = sync.NewCond(&c.r.mu)
	c.in = bufio.NewReaderSize(c.r, 4096)
	c.out = bufio.NewWriterSize(connWriter{c}, 4<<10)

	for {
		w, err := c.readRequest(ctx)
		if c.r.left != c.server.headerReadLimit() {
			// Some of a request has arrived.
			c.setState(StateActive)
		}
		if err != nil {
			c.answerBadRequest(err)
			return
		}
		req := w.req
		if req.expectsContinue() {
			if req.ProtoAtLeast(1, 1) && req.ContentLength != 0 {
				req.Body = &continueReader{src: req.Body, w: w}
				w.canWriteContinue.Store(true)
			}
		} else if req.Header.get("Expect") != "" {
			w.refuseExpectation()
			return
		}
		c.setCurrent(w)
		// Keep a read pending whenever the handler is not reading the body,
		// so that a client hangup cancels the request's context.
		if bodyRemains(req.Body) {
			if b, isBody := w.body.(*bodyReader); isBody {
				b.mu.Lock()
				b.onHitEOF = c.r.startBackgroundRead
				b.mu.Unlock()
			}
		} else {
			c.r.startBackgroundRead()
		}
		inFlight = w
		c.server.handler().ServeHTTP(w, w.req)
		inFlight = nil
		w.cancelCtx()
		if c.isHijacked() {
			return
		}
		w.finish()
		if !w.reusable() {
			if w.bodyTooBig || w.bodyAbandoned() {
				c.lingerClose()
			}
			return
		}
		c.setState(StateIdle)
		c.setCurrent(nil)
		if !c.server.keepAlives() {
			return
		}
		if d := c.server.idleLimit(); d != 0 {
			c.nc.SetReadDeadline(time.Now().Add(d))
			if _, err := c.in.Peek(4); err != nil {
				return
			}
		}
		c.nc.SetReadDeadline(time.Time{})
	}
}

// answerBadRequest writes the reply to a request that could not be read,
// if any, as Go's server does.
func (c *conn) answerBadRequest(err error) {
	if err == errHeaderTooBig {
		msg := "431 Request Header Fields Too Large"
		io.WriteString(c.nc, "HTTP/1.1 "+msg+plainClose+msg)
		c.lingerClose()
		return
	}
	if te, isTE := err.(*unsupportedTEError); isTE && te != nil {
		fmt.Fprintf(c.nc, "HTTP/1.1 %d %s%sUnsupported transfer encoding", StatusNotImplemented, StatusText(StatusNotImplemented), plainClose)
		return
	}
	if quietReadError(err) {
		return
	}
	if se, isStatus := err.(codedError); isStatus {
		fmt.Fprintf(c.nc, "HTTP/1.1 %d %s: %s%s%d %s: %s", se.code, StatusText(se.code), se.text, plainClose, se.code, StatusText(se.code), se.text)
		return
	}
	io.WriteString(c.nc, "HTTP/1.1 400 Bad Request"+plainClose+"400 Bad Request")
}

// quietReadError: the connection ended or failed, which needs no answer.
func quietReadError(err error) bool {
	if err == io.EOF {
		return true
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	var oe *net.OpError
	return errors.As(err, &oe) && oe.Op == "read"
}

func badRequest(text string) error { return codedError{StatusBadRequest, text} }

// readRequest reads the next request's header under the header timeout and
// size limit and sets up its response.
func (c *conn) readRequest(ctx context.Context) (*response, error) {
	if c.isHijacked() {
		return nil, ErrHijacked
	}
	var headerDeadline, requestDeadline time.Time
	start := time.Now()
	if d := c.server.headerTimeout(); d > 0 {
		headerDeadline = start.Add(d)
	}
	if d := c.server.ReadTimeout; d > 0 {
		requestDeadline = start.Add(d)
	}
	c.nc.SetReadDeadline(headerDeadline)
	if d := c.server.WriteTimeout; d > 0 {
		defer func() { c.nc.SetWriteDeadline(time.Now().Add(d)) }()
	}
	c.r.limitReads(c.server.headerReadLimit())
	if c.lastMethod == "POST" {
		// Some clients send a stray CRLF after a POST body.
		peek, _ := c.in.Peek(4)
		stray := 0
		for stray < len(peek) && (peek[stray] == '\r' || peek[stray] == '\n') {
			stray++
		}
		c.in.Discard(stray)
	}
	req, err := readRequest(c.in)
	if err != nil {
		if c.r.atLimit() {
			return nil, errHeaderTooBig
		}
		return nil, err
	}
	if req.ProtoMajor != 1 {
		return nil, codedError{StatusHTTPVersionNotSupported, "unsupported protocol version"}
	}
	c.lastMethod = req.Method
	c.r.limitReads(maxInt64)
	hosts, hasHost := req.Header["Host"]
	if req.ProtoAtLeast(1, 1) && (!hasHost || len(hosts) == 0) && req.Method != "CONNECT" {
		return nil, badRequest("missing required Host header")
	}
	if len(hosts) == 1 && !validHost(hosts[0]) {
		return nil, badRequest("malformed Host header")
	}
	for k, vs := range req.Header {
		if !validHeaderName(k) {
			return nil, badRequest("invalid header name")
		}
		for _, v := range vs {
			if !validHeaderValue(v) {
				return nil, badRequest("invalid header value")
			}
		}
	}
	delete(req.Header, "Host")

	reqCtx, cancel := context.WithCancel(ctx)
	req.ctx = reqCtx
	req.RemoteAddr = c.peer
	if b, isBody := req.Body.(*bodyReader); isBody {
		b.doEarlyClose = true
	}
	if !headerDeadline.Equal(requestDeadline) {
		c.nc.SetReadDeadline(requestDeadline)
	}
	w := &response{
		conn:          c,
		cancelCtx:     cancel,
		req:           req,
		body:          req.Body,
		hdr:           make(Header),
		declaredLen:   -1,
		closeNotifyCh: make(chan bool, 1),
		keepAlive10:   req.wantsHttp10KeepAlive(),
		wantsClose:    req.wantsClose(),
	}
	w.framer.res = w
	w.w = bufio.NewWriterSize(&w.framer, bufferBeforeChunking)
	return w, nil
}

// validHost: the bytes a Host header may hold.
func validHost(h string) bool {
	for i := 0; i < len(h); i++ {
		c := h[i]
		ok := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80 ||
			strings.IndexByte("!$%&'()*+,-.:;=[]_~", c) >= 0
		if !ok {
			return false
		}
	}
	return true
}

// close flushes what is buffered and closes the connection.
func (c *conn) close() {
	c.out.Flush()
	c.nc.Close()
}

// lingerClose flushes, half-closes (which Plan 9 cannot do) and waits
// a little so the client reads the reply before the connection goes.
func (c *conn) lingerClose() {
	c.out.Flush()
	if tcp, isTCP := c.nc.(interface{ CloseWrite() error }); isTCP {
		tcp.CloseWrite()
	}
	time.Sleep(500 * time.Millisecond)
}

// connReader is what the connection's bufio.Reader reads: it limits reads
// while a header is read, and it can keep one byte's read pending in the
// background while a handler runs, so that the client hanging up is seen
// (Go's change "make Server Handler's Request.Context be done on conn
// errors"). That read is ended by a deadline in the past
// (abortPendingRead); on Plan 9 the deadline is a hangup note to the proc
// blocked in pread.
type connReader struct {
	conn *conn

	mu       sync.Mutex
	cond     *sync.Cond
	pending  bool // a read is in flight (background or Read)
	aborting bool // abortPendingRead set the past deadline
	hasByte  bool // the background read got a byte, not yet handed out
	oneByte  [1]byte
	left     int64 // bytes Read may still return
}

func (cr *connReader) limitReads(n int64) { cr.left = n }
func (cr *connReader) atLimit() bool      { return cr.left <= 0 }

// startBackgroundRead starts the pending one-byte read.
func (cr *connReader) startBackgroundRead() {
	cr.mu.Lock()
	defer cr.mu.Unlock()
	if cr.pending {
		panic("invalid concurrent Body.Read call")
	}
	if cr.hasByte {
		return
	}
	cr.pending = true
	cr.conn.nc.SetReadDeadline(time.Time{})
	go cr.backgroundRead()
}

func (cr *connReader) backgroundRead() {
	n, err := cr.conn.nc.Read(cr.oneByte[:])
	cr.mu.Lock()
	if n == 1 {
		cr.hasByte = true // the start of the next (pipelined) request
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() && cr.aborting {
		// Our own abort, not the client.
	} else if err != nil {
		cr.readFailed()
	}
	cr.aborting = false
	cr.pending = false
	cr.mu.Unlock()
	cr.cond.Broadcast()
}

// abortPendingRead ends the background read, if any, and waits for it.
func (cr *connReader) abortPendingRead() {
	cr.mu.Lock()
	defer cr.mu.Unlock()
	if !cr.pending {
		return
	}
	cr.aborting = true
	// The trace names this step (docs/trace.md "http.abortPendingRead"):
	// the deadline in the past that follows, its hangup note and the
	// interrupted pread are its doing.
	runtime_traceEvent(traceAbortRead, 0, 0, 0)
	cr.conn.nc.SetReadDeadline(aLongTimeAgo)
	runtime_traceEvent(traceRegionEnd, 0, 0, 0)
	for cr.pending {
		cr.cond.Wait()
	}
	cr.conn.nc.SetReadDeadline(time.Time{})
}

// runtime_traceEvent adds a record to the trace of a traced run (the
// core's, as internal/poll's; nothing otherwise).
func runtime_traceEvent(kind, a, b, c int)

// readFailed: the client is gone or the connection broke; the connection's
// context (and so the request's) ends and CloseNotify fires.
func (cr *connReader) readFailed() {
	cr.conn.cancelCtx()
	c := cr.conn
	c.reqMu.Lock()
	w := c.curReq
	c.reqMu.Unlock()
	if w != nil && atomic.CompareAndSwapInt32(&w.didCloseNotify, 0, 1) {
		w.closeNotifyCh <- true
	}
}

func (cr *connReader) Read(p []byte) (n int, err error) {
	cr.mu.Lock()
	if cr.pending {
		cr.mu.Unlock()
		if cr.conn.isHijacked() {
			panic("invalid Body.Read call. After hijacked, the original Request must not be used")
		}
		panic("invalid concurrent Body.Read call")
	}
	if cr.atLimit() {
		cr.mu.Unlock()
		return 0, io.EOF
	}
	if len(p) == 0 {
		cr.mu.Unlock()
		return 0, nil
	}
	if int64(len(p)) > cr.left {
		p = p[:cr.left]
	}
	if cr.hasByte {
		p[0] = cr.oneByte[0]
		cr.hasByte = false
		cr.mu.Unlock()
		return 1, nil
	}
	cr.pending = true
	cr.mu.Unlock()
	n, err = cr.conn.nc.Read(p)
	cr.mu.Lock()
	cr.pending = false
	if err != nil {
		cr.readFailed()
	}
	cr.left -= int64(n)
	cr.mu.Unlock()
	cr.cond.Broadcast()
	return n, err
}

// How much of a reply is buffered before the server decides between a
// Content-Length (the handler finished within it) and chunking.
const bufferBeforeChunking = 2048

// response is the server's ResponseWriter for one request.
type response struct {
	conn      *conn
	req       *Request
	body      io.ReadCloser
	cancelCtx context.CancelFunc

	wroteHeader      bool
	wroteContinue    bool
	canWriteContinue atomic.Bool
	continueMu       sync.Mutex
	keepAlive10      bool
	wantsClose       bool

	w      *bufio.Writer // buffers the body in front of framer
	framer bodyFramer

	hdr         Header
	headerTaken bool
	status      int

	wroteLen    int64 // body bytes the handler wrote
	declaredLen int64 // from the handler's Content-Length header, or -1

	closeAfter  bool
	bodyTooBig  bool
	handlerDone atomic.Bool

	closeNotifyCh  chan bool
	didCloseNotify int32
}

func (w *response) Header() Header {
	if w.framer.header == nil && w.wroteHeader && !w.framer.wroteHeader {
		// WriteHeader was called but the header is not out yet: later
		// changes must not reach it.
		w.framer.header = w.hdr.Clone()
	}
	w.headerTaken = true
	return w.hdr
}

// checkStatus panics on a status code outside 100-999, as Go does.
func checkStatus(code int) {
	if code < 100 || code > 999 {
		panic(fmt.Sprintf("invalid WriteHeader code %v", code))
	}
}

func (w *response) WriteHeader(code int) {
	if w.conn.isHijacked() {
		w.conn.server.logPrintf("http: response.WriteHeader on hijacked connection")
		return
	}
	if w.wroteHeader {
		w.conn.server.logPrintf("http: superfluous response.WriteHeader call")
		return
	}
	checkStatus(code)
	if code >= 100 && code <= 199 {
		// An informational reply goes out at once; the real one follows.
		if code == 100 && w.canWriteContinue.Load() {
			w.continueMu.Lock()
			w.canWriteContinue.Store(false)
			w.continueMu.Unlock()
		}
		writeStatusLine(w.conn.out, w.req.ProtoAtLeast(1, 1), code)
		w.hdr.WriteSubset(w.conn.out, noBodyHeaders)
		w.conn.out.WriteString("\r\n")
		w.conn.out.Flush()
		return
	}
	w.wroteHeader = true
	w.status = code
	if w.headerTaken && w.framer.header == nil {
		w.framer.header = w.hdr.Clone()
	}
	if cl := w.hdr.get("Content-Length"); cl != "" {
		v, err := strconv.ParseInt(cl, 10, 64)
		if err == nil && v >= 0 {
			w.declaredLen = v
		} else {
			w.conn.server.logPrintf("http: invalid Content-Length of %q", cl)
			w.hdr.Del("Content-Length")
		}
	}
}

var noBodyHeaders = map[string]bool{"Content-Length": true, "Transfer-Encoding": true}

func writeStatusLine(bw *bufio.Writer, is11 bool, code int) {
	if is11 {
		bw.WriteString("HTTP/1.1 ")
	} else {
		bw.WriteString("HTTP/1.0 ")
	}
	text := StatusText(code)
	if text == "" {
		text = "status code " + strconv.Itoa(code)
	}
	bw.WriteString(strconv.Itoa(code) + " " + text + "\r\n")
}

func (w *response) mayHaveBody() bool {
	if !w.wroteHeader {
		panic("")
	}
	return bodyAllowedForStatus(w.status)
}

func (w *response) Write(data []byte) (int, error) { return w.write(len(data), data, "") }

// WriteString writes s without the copy to []byte.
func (w *response) WriteString(s string) (int, error) { return w.write(len(s), nil, s) }

func (w *response) write(n int, data []byte, s string) (int, error) {
	if w.conn.isHijacked() {
		if n > 0 {
			w.conn.server.logPrintf("http: response.Write on hijacked connection")
		}
		return 0, ErrHijacked
	}
	if w.canWriteContinue.Load() {
		// The handler answers without reading the body: no 100 Continue.
		w.continueMu.Lock()
		w.canWriteContinue.Store(false)
		w.continueMu.Unlock()
	}
	if !w.wroteHeader {
		w.WriteHeader(StatusOK)
	}
	if n == 0 {
		return 0, nil
	}
	if !w.mayHaveBody() {
		return 0, ErrBodyNotAllowed
	}
	w.wroteLen += int64(n)
	if w.declaredLen != -1 && w.wroteLen > w.declaredLen {
		return 0, ErrContentLength
	}
	if data != nil {
		return w.w.Write(data)
	}
	return w.w.WriteString(s)
}

// refuseExpectation answers an Expect header other than 100-continue.
func (w *response) refuseExpectation() {
	w.Header().Set("Connection", "close")
	w.WriteHeader(StatusExpectationFailed)
	w.finish()
}

// finish sends whatever the handler left and ends the request: the
// pending background read is aborted and the body closed (drained) so the
// connection can serve the next request.
func (w *response) finish() {
	w.handlerDone.Store(true)
	if !w.wroteHeader {
		w.WriteHeader(StatusOK)
	}
	w.w.Flush()
	w.framer.close()
	w.conn.out.Flush()
	w.conn.r.abortPendingRead()
	w.body.Close()
}

// reusable: the reply was complete and nothing broke.
func (w *response) reusable() bool {
	if w.closeAfter {
		return false
	}
	if w.req.Method != "HEAD" && w.declaredLen != -1 && w.mayHaveBody() && w.declaredLen != w.wroteLen {
		return false // a short body would desynchronize the client
	}
	if w.conn.werr != nil {
		return false
	}
	return !w.bodyAbandoned()
}

func (w *response) bodyAbandoned() bool {
	b, isBody := w.req.Body.(*bodyReader)
	return isBody && b.didEarlyClose()
}

// Flush sends what has been written so far.
func (w *response) Flush() {
	if !w.wroteHeader {
		w.WriteHeader(StatusOK)
	}
	w.w.Flush()
	w.framer.flush()
}

// Hijack hands the connection to the handler: the background read is
// aborted first, and the deadlines cleared.
func (w *response) Hijack() (nc net.Conn, buf *bufio.ReadWriter, err error) {
	if w.handlerDone.Load() {
		panic("net/http: Hijack called after ServeHTTP finished")
	}
	if w.wroteHeader {
		w.framer.flush()
	}
	c := w.conn
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.hijacked {
		return nil, nil, ErrHijacked
	}
	c.r.abortPendingRead()
	c.hijacked = true
	nc = c.nc
	nc.SetDeadline(time.Time{})
	buf = bufio.NewReadWriter(c.in, bufio.NewWriter(nc))
	if c.r.hasByte {
		// The byte the background read got belongs to the caller.
		if _, err := c.in.Peek(c.in.Buffered() + 1); err != nil {
			return nil, nil, fmt.Errorf("unexpected Peek failure reading buffered byte: %v", err)
		}
	}
	c.setState(StateHijacked)
	return nc, buf, nil
}

// CloseNotify's channel receives true once when the client's connection
// goes away while the request is served.
func (w *response) CloseNotify() <-chan bool {
	if w.handlerDone.Load() {
		panic("net/http: CloseNotify called after ServeHTTP finished")
	}
	return w.closeNotifyCh
}

// markBodyTooBig: the handler left too much body unread to drain.
func (w *response) markBodyTooBig() {
	w.closeAfter = true
	w.bodyTooBig = true
	if !w.wroteHeader {
		w.Header().Set("Connection", "close")
	}
}

// bodyFramer writes the reply's header on the first write, then the body,
// as chunks when the length is not known.
type bodyFramer struct {
	res         *response
	header      Header // the header as of WriteHeader, when the handler kept changing it
	wroteHeader bool
	chunking    bool
}

func (framer *bodyFramer) Write(p []byte) (n int, err error) {
	if !framer.wroteHeader {
		framer.writeHeader(p)
	}
	if framer.res.req.Method == "HEAD" {
		return len(p), nil
	}
	bw := framer.res.conn.out
	if framer.chunking {
		if _, err = bw.WriteString(strconv.FormatInt(int64(len(p)), 16) + "\r\n"); err != nil {
			framer.res.conn.nc.Close()
			return
		}
	}
	n, err = bw.Write(p)
	if framer.chunking && err == nil {
		_, err = bw.WriteString("\r\n")
	}
	if err != nil {
		framer.res.conn.nc.Close()
	}
	return
}

func (framer *bodyFramer) flush() {
	if !framer.wroteHeader {
		framer.writeHeader(nil)
	}
	framer.res.conn.out.Flush()
}

func (framer *bodyFramer) close() {
	if !framer.wroteHeader {
		framer.writeHeader(nil)
	}
	if framer.chunking {
		// The last chunk and an empty trailer.
		framer.res.conn.out.WriteString("0\r\n\r\n")
	}
}

// writeHeader decides the reply's framing from the handler's header, its
// status and, when the handler has finished, the whole body p: it adds
// Content-Length, Content-Type (sniffed), Date, Transfer-Encoding and
// Connection as Go's server does, and writes the status line and header.
func (framer *bodyFramer) writeHeader(p []byte) {
	if framer.wroteHeader {
		return
	}
	framer.wroteHeader = true
	w := framer.res
	keepAlives := w.conn.server.keepAlives()
	head := w.req.Method == "HEAD"
	header := framer.header
	owned := header != nil
	if !owned {
		header = w.hdr
	}
	var exclude map[string]bool
	drop := func(key string) {
		if owned {
			header.Del(key)
			return
		}
		if _, has := header[key]; !has {
			return
		}
		if exclude == nil {
			exclude = make(map[string]bool)
		}
		exclude[key] = true
	}
	var extra extraHeader
	te := header.get("Transfer-Encoding")
	haveEncoding := te != ""
	// The handler is done and all it wrote is here: send its length.
	if w.handlerDone.Load() && !haveEncoding && bodyAllowedForStatus(w.status) && header.get("Content-Length") == "" && (!head || len(p) > 0) {
		w.declaredLen = int64(len(p))
		extra.declaredLen = strconv.Itoa(len(p))
	}
	if w.keepAlive10 && keepAlives {
		if header.get("Content-Length") != "" && header.get("Connection") == "keep-alive" {
			w.closeAfter = false
		}
	}
	haveLen := w.declaredLen != -1
	if w.keepAlive10 && (head || haveLen || !bodyAllowedForStatus(w.status)) {
		if _, set := header["Connection"]; !set {
			extra.connection = "keep-alive"
		}
	} else if !w.req.ProtoAtLeast(1, 1) || w.wantsClose {
		w.closeAfter = true
	}
	if header.get("Connection") == "close" || !keepAlives {
		w.closeAfter = true
	}
	if cr, isContinue := w.req.Body.(*continueReader); isContinue && !cr.sawEOF.Load() {
		w.closeAfter = true
	}
	// Unread request body: drain a little of it so the connection can be
	// used again, or give up on the connection.
	if w.req.ContentLength != 0 && !w.closeAfter {
		discard, tooBig := false, false
		switch b := w.req.Body.(type) {
		case *continueReader:
			discard = w.wroteContinue
		case *bodyReader:
			b.mu.Lock()
			switch {
			case b.closed:
				if !b.sawEOF {
					w.closeAfter = true
				}
			case b.unreadBytes() >= maxPostHandlerReadBytes:
				tooBig = true
			default:
				discard = true
			}
			b.mu.Unlock()
		default:
			discard = true
		}
		if discard {
			_, err := io.CopyN(io.Discard, w.body, maxPostHandlerReadBytes+1)
			switch err {
			case nil:
				tooBig = true
			case ErrBodyReadAfterClose:
			case io.EOF:
				if w.body.Close() != nil {
					w.closeAfter = true
				}
			default:
				w.closeAfter = true
			}
		}
		if tooBig {
			w.markBodyTooBig()
			drop("Connection")
			extra.connection = "close"
		}
	}
	code := w.status
	if bodyAllowedForStatus(code) {
		_, hasType := header["Content-Type"]
		if header.Get("Content-Encoding") == "" && !hasType && !haveEncoding && len(p) > 0 {
			extra.contentType = DetectContentType(p)
		}
	} else {
		for _, k := range []string{"Content-Type", "Content-Length", "Transfer-Encoding"} {
			if code == StatusNotModified && k != "Content-Length" && k != "Transfer-Encoding" {
				continue
			}
			drop(k)
		}
	}
	if !header.has("Date") {
		extra.date = time.Now().UTC().Format(TimeFormat)
	}
	if haveLen && haveEncoding && te != "identity" {
		w.conn.server.logPrintf("http: WriteHeader called with both Transfer-Encoding of %q and a Content-Length of %d", te, w.declaredLen)
		drop("Content-Length")
		haveLen = false
	}
	switch {
	case head || !bodyAllowedForStatus(code) || code == StatusNoContent:
		drop("Transfer-Encoding")
	case haveLen:
		drop("Transfer-Encoding")
	case w.req.ProtoAtLeast(1, 1):
		if haveEncoding && te == "identity" {
			framer.chunking = false
			w.closeAfter = true
			drop("Transfer-Encoding")
		} else {
			framer.chunking = true
			extra.transferEncoding = "chunked"
			if haveEncoding && te == "chunked" {
				drop("Transfer-Encoding") // we write it ourselves
			}
		}
	default:
		// HTTP/1.0 without a length: the body ends with the connection.
		w.closeAfter = true
		drop("Transfer-Encoding")
	}
	if framer.chunking {
		drop("Content-Length")
	}
	if !w.req.ProtoAtLeast(1, 0) {
		return
	}
	if w.closeAfter && (!keepAlives || !hasToken(framer.header.get("Connection"), "close")) && !switchingProtocols(code, header) {
		drop("Connection")
		if w.req.ProtoAtLeast(1, 1) {
			extra.connection = "close"
		}
	}
	bw := w.conn.out
	writeStatusLine(bw, w.req.ProtoAtLeast(1, 1), code)
	framer.header.WriteSubset(bw, exclude)
	extra.write(bw)
	bw.WriteString("\r\n")
}

func switchingProtocols(code int, h Header) bool {
	return code == StatusSwitchingProtocols && hasToken(h.get("Connection"), "upgrade") && h.get("Upgrade") != ""
}

// extraHeader is what the server adds to the handler's header, written in
// Go's order after it.
type extraHeader struct {
	contentType      string
	connection       string
	transferEncoding string
	date             string
	declaredLen      string
}

func (h extraHeader) write(bw *bufio.Writer) {
	if h.date != "" {
		bw.WriteString("Date: " + h.date + "\r\n")
	}
	if h.declaredLen != "" {
		bw.WriteString("Content-Length: " + h.declaredLen + "\r\n")
	}
	if h.contentType != "" {
		bw.WriteString("Content-Type: " + h.contentType + "\r\n")
	}
	if h.connection != "" {
		bw.WriteString("Connection: " + h.connection + "\r\n")
	}
	if h.transferEncoding != "" {
		bw.WriteString("Transfer-Encoding: " + h.transferEncoding + "\r\n")
	}
}

// continueReader is a request body that sends "100 Continue" before its
// first read.
type continueReader struct {
	src    io.ReadCloser
	w      *response
	sawEOF atomic.Bool
	closed atomic.Bool
}

func (cr *continueReader) Read(p []byte) (n int, err error) {
	if cr.closed.Load() {
		return 0, ErrBodyReadAfterClose
	}
	w := cr.w
	if !w.wroteContinue && w.canWriteContinue.Load() && !w.conn.isHijacked() {
		w.wroteContinue = true
		w.continueMu.Lock()
		if w.canWriteContinue.Load() {
			w.conn.out.WriteString("HTTP/1.1 100 Continue\r\n\r\n")
			w.conn.out.Flush()
			w.canWriteContinue.Store(false)
		}
		w.continueMu.Unlock()
	}
	n, err = cr.src.Read(p)
	if err == io.EOF {
		cr.sawEOF.Store(true)
	}
	return
}

func (cr *continueReader) Close() error {
	cr.closed.Store(true)
	return cr.src.Close()
}

// serverHandler is the Server's handler, DefaultServeMux when unset; an
// "OPTIONS *" request is answered with 200 and no body.
type serverHandler struct{ s *Server }

func (s *Server) handler() Handler { return serverHandler{s} }

func (sh serverHandler) ServeHTTP(w ResponseWriter, r *Request) {
	h := sh.s.Handler
	if h == nil {
		h = DefaultServeMux
	}
	if r.RequestURI == "*" && r.Method == "OPTIONS" {
		h = optionsStarHandler{}
	}
	h.ServeHTTP(w, r)
}

type optionsStarHandler struct{}

func (optionsStarHandler) ServeHTTP(w ResponseWriter, r *Request) {
	w.Header().Set("Content-Length", "0")
	if r.ContentLength != 0 {
		// Read a little of a body, which nobody wants.
		io.Copy(io.Discard, io.LimitReader(r.Body, 4<<10))
	}
}

// Error replies with code and the text error, as plain text.
func Error(w ResponseWriter, error string, code int) {
	h := w.Header()
	h.Del("Content-Length")
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	fmt.Fprintln(w, error)
}

// NotFound replies "404 page not found".
func NotFound(w ResponseWriter, r *Request) { Error(w, "404 page not found", StatusNotFound) }

// NotFoundHandler is a Handler that replies with NotFound.
func NotFoundHandler() Handler { return HandlerFunc(NotFound) }

// TimeoutHandler runs h with a time limit: past it the client gets 503
// with msg (a default page when empty), and h's writes fail with
// ErrHandlerTimeout.
func TimeoutHandler(h Handler, dt time.Duration, msg string) Handler {
	return &timeoutHandler{h: h, dt: dt, body: msg}
}

type timeoutHandler struct {
	h    Handler
	dt   time.Duration
	body string
}

func (th *timeoutHandler) errorBody() string {
	if th.body != "" {
		return th.body
	}
	return "<html><head><title>Timeout</title></head><body><h1>Timeout</h1></body></html>"
}

func (th *timeoutHandler) ServeHTTP(w ResponseWriter, r *Request) {
	ctx, cancel := context.WithTimeout(r.Context(), th.dt)
	defer cancel()
	r = r.WithContext(ctx)
	done := make(chan struct{})
	tb := &timeoutWriter{w: w, h: make(Header), req: r}
	panicked := make(chan any, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				panicked <- p
			}
		}()
		th.h.ServeHTTP(tb, r)
		close(done)
	}()
	select {
	case p := <-panicked:
		panic(p)
	case <-done:
		tb.mu.Lock()
		defer tb.mu.Unlock()
		dst := w.Header()
		for k, vs := range tb.h {
			dst[k] = vs
		}
		if !tb.wroteHeader {
			tb.code = StatusOK
		}
		w.WriteHeader(tb.code)
		w.Write(tb.wbuf)
	case <-ctx.Done():
		tb.mu.Lock()
		defer tb.mu.Unlock()
		if ctx.Err() == context.DeadlineExceeded {
			w.WriteHeader(StatusServiceUnavailable)
			io.WriteString(w, th.errorBody())
			tb.err = ErrHandlerTimeout
		} else {
			w.WriteHeader(StatusServiceUnavailable)
			tb.err = ctx.Err()
		}
	}
}

type timeoutWriter struct {
	w           ResponseWriter
	h           Header
	wbuf        []byte
	req         *Request
	mu          sync.Mutex
	err         error
	wroteHeader bool
	code        int
}

func (tb *timeoutWriter) Header() Header { return tb.h }

func (tb *timeoutWriter) Write(p []byte) (int, error) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if tb.err != nil {
		return 0, tb.err
	}
	if !tb.wroteHeader {
		tb.setCodeLocked(StatusOK)
	}
	tb.wbuf = append(tb.wbuf, p...)
	return len(p), nil
}

func (tb *timeoutWriter) setCodeLocked(code int) {
	checkStatus(code)
	switch {
	case tb.err != nil:
		return
	case tb.wroteHeader:
		// Superfluous: the first code stands.
	default:
		tb.wroteHeader = true
		tb.code = code
	}
}

func (tb *timeoutWriter) WriteHeader(code int) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.setCodeLocked(code)
}
