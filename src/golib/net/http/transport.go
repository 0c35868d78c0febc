package http

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"
)

// A RoundTripper carries out one HTTP exchange.
type RoundTripper interface {
	RoundTrip(*Request) (*Response, error)
}

// DefaultMaxIdleConnsPerHost is how many idle connections per host a
// Transport keeps by default.
const DefaultMaxIdleConnsPerHost = 2

// DefaultTransport is the Transport of DefaultClient.
var DefaultTransport RoundTripper = &Transport{
	MaxIdleConns:          100,
	IdleConnTimeout:       90 * time.Second,
	ExpectContinueTimeout: 1 * time.Second,
}

// A Transport sends requests over HTTP/1.1 connections and keeps the
// connections of finished exchanges, for reuse by later requests to the
// same host (keep-alive). p9rt's Transport speaks plain HTTP only (no TLS,
// proxies or HTTP/2) and does not decompress gzip bodies.
type Transport struct {
	// DialContext opens connections; net.Dialer's when nil.
	DialContext func(ctx context.Context, network, addr string) (net.Conn, error)

	// DisableKeepAlives: one connection per request.
	DisableKeepAlives bool
	// DisableCompression: do not ask for gzip (which p9rt would not
	// decompress anyway).
	DisableCompression bool

	// MaxIdleConns bounds the idle connections of all hosts (0: no bound);
	// MaxIdleConnsPerHost those of one (0: DefaultMaxIdleConnsPerHost).
	MaxIdleConns        int
	MaxIdleConnsPerHost int

	// IdleConnTimeout closes a connection idle that long (0: never).
	IdleConnTimeout time.Duration

	// ResponseHeaderTimeout bounds the wait for a response's header after
	// the request is written (0: none).
	ResponseHeaderTimeout time.Duration

	// ExpectContinueTimeout is accepted for Go's API; p9rt sends the body
	// at once.
	ExpectContinueTimeout time.Duration

	mu     sync.Mutex
	idle   map[string][]*persistConn
	nidle  int
	dialer net.Dialer
}

// persistConn is one client connection, kept between exchanges.
type persistConn struct {
	t      *Transport
	key    string
	conn   net.Conn
	cr     *countingReader
	br     *bufio.Reader
	bw     *bufio.Writer
	reused bool
	timer  *time.Timer // the idle timeout, while idle
}

// countingReader counts what the connection has delivered, so that a
// failure before the first byte of a response can be told apart.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (pc *persistConn) close() { pc.conn.Close() }

// httpError is a Transport or Client error that may be a timeout.
type httpError struct {
	err     string
	timeout bool
}

func (e *httpError) Error() string   { return e.err }
func (e *httpError) Timeout() bool   { return e.timeout }
func (e *httpError) Temporary() bool { return true }

var errTimeoutHeaders = &httpError{err: "net/http: timeout awaiting response headers", timeout: true}

// RoundTrip sends req and returns the response with its body still to read.
func (t *Transport) RoundTrip(req *Request) (*Response, error) {
	if req.URL == nil {
		closeRequestBody(req)
		return nil, errors.New("http: nil Request.URL")
	}
	if req.Header == nil {
		closeRequestBody(req)
		return nil, errors.New("http: nil Request.Header")
	}
	if req.URL.Scheme != "http" {
		closeRequestBody(req)
		return nil, badStringError("unsupported protocol scheme", req.URL.Scheme)
	}
	if req.Method != "" && !validMethod(req.Method) {
		closeRequestBody(req)
		return nil, fmt.Errorf("net/http: invalid method %q", req.Method)
	}
	if req.URL.Host == "" {
		closeRequestBody(req)
		return nil, errors.New("http: no Host in request URL")
	}
	ctx := req.Context()
	key := req.URL.Host
	if !strings.Contains(key, ":") || strings.HasSuffix(key, "]") {
		key += ":80"
	}
	for {
		select {
		case <-ctx.Done():
			closeRequestBody(req)
			return nil, ctx.Err()
		default:
		}
		pc, err := t.getConn(ctx, key)
		if err != nil {
			closeRequestBody(req)
			return nil, err
		}
		resp, err := pc.roundTrip(req)
		if err == nil {
			return resp, nil
		}
		// A kept connection the server had closed: try a new one once more,
		// if the request can be sent again.
		retry, ok := err.(retryableError)
		if !ok {
			return nil, err
		}
		if !replayable(req) {
			return nil, retry.err
		}
		if req.GetBody != nil && req.Body != nil && req.Body != NoBody {
			body, gerr := req.GetBody()
			if gerr != nil {
				return nil, retry.err
			}
			req.Body = body
		}
	}
}

// retryableError: the exchange failed on a reused connection before the
// server said anything.
type retryableError struct{ err error }

func (e retryableError) Error() string { return e.err.Error() }

// replayable: the request can be sent again without changing its meaning.
func replayable(r *Request) bool {
	if r.Body != nil && r.Body != NoBody && r.GetBody == nil {
		return false
	}
	switch r.Method {
	case "", "GET", "HEAD", "OPTIONS", "TRACE":
		return true
	}
	return r.Header.has("Idempotency-Key") || r.Header.has("X-Idempotency-Key")
}

func closeRequestBody(r *Request) {
	if r.Body != nil {
		r.Body.Close()
	}
}

// getConn takes the most recently idle connection for key, or dials one.
func (t *Transport) getConn(ctx context.Context, key string) (*persistConn, error) {
	t.mu.Lock()
	if list := t.idle[key]; len(list) > 0 {
		pc := list[len(list)-1]
		t.idle[key] = list[:len(list)-1]
		t.nidle--
		t.mu.Unlock()
		if pc.timer != nil {
			pc.timer.Stop()
			pc.timer = nil
		}
		pc.reused = true
		return pc, nil
	}
	t.mu.Unlock()
	var c net.Conn
	var err error
	if t.DialContext != nil {
		c, err = t.DialContext(ctx, "tcp", key)
	} else {
		c, err = t.dialer.DialContext(ctx, "tcp", key)
	}
	if err != nil {
		return nil, err
	}
	if c == nil {
		return nil, errors.New("net/http: Transport.DialContext hook returned (nil, nil)")
	}
	pc := &persistConn{t: t, key: key, conn: c}
	pc.cr = &countingReader{r: c}
	pc.br = bufio.NewReaderSize(pc.cr, 4096)
	pc.bw = bufio.NewWriterSize(c, 4096)
	return pc, nil
}

// putIdle keeps pc for reuse, or closes it when the pool is full.
func (t *Transport) putIdle(pc *persistConn) {
	if t.DisableKeepAlives {
		pc.close()
		return
	}
	per := t.MaxIdleConnsPerHost
	if per == 0 {
		per = DefaultMaxIdleConnsPerHost
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.idle == nil {
		t.idle = make(map[string][]*persistConn)
	}
	if len(t.idle[pc.key]) >= per || t.MaxIdleConns != 0 && t.nidle >= t.MaxIdleConns {
		pc.close()
		return
	}
	t.idle[pc.key] = append(t.idle[pc.key], pc)
	t.nidle++
	if t.IdleConnTimeout > 0 {
		pc.timer = time.AfterFunc(t.IdleConnTimeout, func() { t.dropIdle(pc) })
	}
}

// dropIdle closes pc if it is still idle.
func (t *Transport) dropIdle(pc *persistConn) {
	t.mu.Lock()
	defer t.mu.Unlock()
	list := t.idle[pc.key]
	for i, x := range list {
		if x == pc {
			t.idle[pc.key] = append(list[:i:i], list[i+1:]...)
			t.nidle--
			pc.close()
			return
		}
	}
}

// CloseIdleConnections closes the kept connections.
func (t *Transport) CloseIdleConnections() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for key, list := range t.idle {
		for _, pc := range list {
			if pc.timer != nil {
				pc.timer.Stop()
			}
			pc.close()
		}
		delete(t.idle, key)
	}
	t.nidle = 0
}

// roundTrip writes req on pc and reads the response header. The
// connection is closed if req's context ends first.
func (pc *persistConn) roundTrip(req *Request) (*Response, error) {
	t := pc.t
	ctx := req.Context()
	var extra Header
	if !t.DisableCompression && req.Header.Get("Accept-Encoding") == "" && req.Header.Get("Range") == "" && req.Method != "HEAD" {
		extra = Header{"Accept-Encoding": {"gzip"}}
	}
	if t.DisableKeepAlives && !req.wantsClose() {
		if extra == nil {
			extra = make(Header)
		}
		extra.Set("Connection", "close")
	}
	// Watch the context for the whole exchange, body included.
	finished := make(chan struct{})
	var once sync.Once
	finish := func() { once.Do(func() { close(finished) }) }
	var cancelMu sync.Mutex
	var cancelErr error
	if done := ctx.Done(); done != nil {
		go func() {
			select {
			case <-done:
				cancelMu.Lock()
				cancelErr = ctx.Err()
				cancelMu.Unlock()
				pc.close()
			case <-finished:
			}
		}()
	}
	cancelled := func() error {
		cancelMu.Lock()
		defer cancelMu.Unlock()
		return cancelErr
	}
	before := pc.cr.n
	werr := req.write(pc.bw, extra)
	if werr == nil {
		werr = pc.bw.Flush()
	}
	if werr != nil {
		finish()
		pc.close()
		if err := cancelled(); err != nil {
			return nil, err
		}
		if pc.reused {
			return nil, retryableError{werr}
		}
		return nil, werr
	}
	var headerTimer *time.Timer
	timedOut := false
	if d := t.ResponseHeaderTimeout; d > 0 {
		headerTimer = time.AfterFunc(d, func() {
			cancelMu.Lock()
			timedOut = true
			cancelMu.Unlock()
			pc.close()
		})
	}
	var resp *Response
	var err error
	for {
		resp, err = ReadResponse(pc.br, req)
		if err != nil || resp.StatusCode < 100 || resp.StatusCode > 199 || resp.StatusCode == 101 {
			break
		}
		// An informational reply (100 Continue): the real one follows.
	}
	if headerTimer != nil {
		headerTimer.Stop()
	}
	if err != nil {
		finish()
		pc.close()
		if cerr := cancelled(); cerr != nil {
			return nil, cerr
		}
		cancelMu.Lock()
		late := timedOut
		cancelMu.Unlock()
		if late {
			return nil, errTimeoutHeaders
		}
		if pc.cr.n == before && (err == io.EOF || err == io.ErrUnexpectedEOF) {
			if pc.reused {
				return nil, retryableError{io.EOF}
			}
			return nil, io.EOF
		}
		if err == io.ErrUnexpectedEOF && pc.cr.n == before {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("net/http: HTTP/1.x transport connection broken: %v", err)
	}
	keep := !resp.Close && !req.wantsClose() && !t.DisableKeepAlives
	if resp.Body == NoBody {
		finish()
		if keep {
			t.putIdle(pc)
		} else {
			pc.close()
		}
		return resp, nil
	}
	resp.Body = &responseBody{body: resp.Body, pc: pc, keep: keep, finish: finish, cancelled: cancelled}
	return resp, nil
}

// responseBody is a response's Body on a client: at its end the connection
// goes back to the pool; closed before its end, the connection is closed.
type responseBody struct {
	body      io.ReadCloser
	pc        *persistConn
	keep      bool
	finish    func()
	cancelled func() error

	mu   sync.Mutex
	done bool
	rerr error
}

func (b *responseBody) Read(p []byte) (int, error) {
	b.mu.Lock()
	if b.done {
		err := b.rerr
		b.mu.Unlock()
		if err == nil {
			err = io.EOF
		}
		return 0, err
	}
	b.mu.Unlock()
	n, err := b.body.Read(p)
	if err == nil {
		return n, nil
	}
	if cerr := b.cancelled(); cerr != nil && err != io.EOF {
		err = cerr
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.done {
		return n, err
	}
	b.done = true
	b.finish()
	if err == io.EOF {
		if b.keep {
			b.pc.t.putIdle(b.pc)
		} else {
			b.pc.close()
		}
		return n, err
	}
	b.rerr = err
	b.pc.close()
	return n, err
}

func (b *responseBody) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.done {
		return nil
	}
	b.done = true
	b.rerr = errors.New("http: read on closed response body")
	b.finish()
	b.pc.close()
	return nil
}
