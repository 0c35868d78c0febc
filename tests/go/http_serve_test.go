// The scenarios of Go's net/http/serve_test.go that concern the server's
// background read, request contexts, CloseNotify, Hijack, keep-alive,
// timeouts and shutdown, written for p9rt as an external test (package
// http_test). `p9rt test` runs them in virtual time and the host's `go test`
// in real time (tests/node/golib-gotests-http.test.mjs); both must pass.
//
// Adaptations: HTTP/2 variants are left out (p9rt speaks HTTP/1.x); Go's
// retries over growing timeouts are one try with a generous margin; the
// 1 MB request body of TestHijackBeforeRequestBodyRead is 64 KB, to keep
// the interpreter quick; TestServerHijackGetsBackgroundByte, skipped on
// Plan 9 by Go (issue 18657) because it half-closes the connection, runs
// here without the half-close.
package http_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// serve serves h on a new loopback test server; serveLater does not start it.
func serve(h func(http.ResponseWriter, *http.Request)) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(h))
}

func serveLater(h func(http.ResponseWriter, *http.Request)) *httptest.Server {
	return httptest.NewUnstartedServer(http.HandlerFunc(h))
}

// fetch GETs url with c and returns the body, failing the test on errors.
func fetch(t *testing.T, c *http.Client, url string) string {
	t.Helper()
	res, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// dialServer opens a raw connection to ts.
func dialServer(t *testing.T, ts *httptest.Server) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// within fails the test when ch does not deliver in d.
func within(t *testing.T, d time.Duration, what string, ch <-chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(d):
		t.Fatalf("timed out waiting for %s", what)
	}
}

// The client closing its connection cancels the context of the request in
// progress: the server notices because it keeps a read pending.
func TestServerRequestContextCancel_ConnClose(t *testing.T) {
	started, cancelled := make(chan struct{}), make(chan struct{})
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done()
		close(cancelled)
	})
	defer ts.Close()
	c := dialServer(t, ts)
	defer c.Close()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: example\r\n\r\n")
	<-started
	c.Close()
	within(t, 5*time.Second, "the handler's context to end", cancelled)
}

// A request's context is live while ServeHTTP runs and done once it returns.
func TestServerRequestContextCancel_ServeHTTPDone(t *testing.T) {
	contexts := make(chan context.Context, 1)
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		if err := r.Context().Err(); err != nil {
			t.Errorf("context ended inside ServeHTTP: %v", err)
		}
		contexts <- r.Context()
	})
	defer ts.Close()
	res, err := ts.Client().Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if err := (<-contexts).Err(); err == nil {
		t.Error("the context is still live after ServeHTTP returned")
	}
}

// The handler's context carries the *Server and the local address.
func TestServerContext_ServerContextKey(t *testing.T) {
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		if srv, ok := r.Context().Value(http.ServerContextKey).(*http.Server); !ok || srv == nil {
			t.Errorf("ServerContextKey's value is %T, not a *http.Server", r.Context().Value(http.ServerContextKey))
		}
	})
	defer ts.Close()
	fetch(t, ts.Client(), ts.URL)
}

func TestServerContext_LocalAddrContextKey(t *testing.T) {
	addrs := make(chan any, 1)
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		addrs <- r.Context().Value(http.LocalAddrContextKey)
	})
	defer ts.Close()
	fetch(t, ts.Client(), ts.URL)
	got, ok := (<-addrs).(net.Addr)
	if !ok || got.String() != ts.Listener.Addr().String() {
		t.Errorf("LocalAddrContextKey's value is %v, want the listener's %v", got, ts.Listener.Addr())
	}
}

// CloseNotify's channel fires when the client goes away.
func TestCloseNotifier(t *testing.T) {
	started, noticed := make(chan struct{}), make(chan struct{})
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		gone := w.(http.CloseNotifier).CloseNotify()
		close(started)
		<-gone
		close(noticed)
	})
	defer ts.Close()
	c := dialServer(t, ts)
	io.WriteString(c, "GET / HTTP/1.1\r\nConnection: keep-alive\r\nHost: foo\r\n\r\n")
	<-started
	c.Close()
	within(t, 5*time.Second, "CloseNotify", noticed)
}

// A second request pipelined behind the first does not fire the first's
// CloseNotify.
func TestCloseNotifierPipelined(t *testing.T) {
	served := make(chan bool, 2)
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-w.(http.CloseNotifier).CloseNotify():
			t.Error("CloseNotify fired for a pipelined request")
		case <-time.After(100 * time.Millisecond):
		}
		served <- true
	})
	defer ts.Close()
	c := dialServer(t, ts)
	defer c.Close()
	const one = "GET / HTTP/1.1\r\nConnection: keep-alive\r\nHost: foo\r\n\r\n"
	io.WriteString(c, one+one)
	for i := 0; i < 2; i++ {
		select {
		case <-served:
		case <-time.After(5 * time.Second):
			t.Fatalf("request %d was not served", i+1)
		}
	}
}

// fakeConn is a net.Conn over a byte buffer, closed once.
type fakeConn struct {
	in     *bytes.Reader
	out    bytes.Buffer
	mu     sync.Mutex
	closed chan bool
}

func (c *fakeConn) Read(p []byte) (int, error) { return c.in.Read(p) }
func (c *fakeConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.out.Write(p)
}
func (c *fakeConn) Close() error {
	select {
	case c.closed <- true:
	default:
	}
	return nil
}
func (c *fakeConn) LocalAddr() net.Addr              { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 80} }
func (c *fakeConn) RemoteAddr() net.Addr             { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1234} }
func (c *fakeConn) SetDeadline(time.Time) error      { return nil }
func (c *fakeConn) SetReadDeadline(time.Time) error  { return nil }
func (c *fakeConn) SetWriteDeadline(time.Time) error { return nil }

// singleListener hands out one connection, then blocks until closed.
type singleListener struct {
	mu   sync.Mutex
	conn net.Conn
	done chan struct{}
}

func (l *singleListener) Accept() (net.Conn, error) {
	l.mu.Lock()
	c := l.conn
	l.conn = nil
	l.mu.Unlock()
	if c != nil {
		return c, nil
	}
	<-l.done
	return nil, errors.New("listener closed")
}

func (l *singleListener) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	select {
	case <-l.done:
	default:
		close(l.done)
	}
	return nil
}

func (l *singleListener) Addr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 80} }

// A handler that asks for CloseNotify's channel and never reads it does
// not keep the connection from closing.
func TestCloseNotifierChanLeak(t *testing.T) {
	for i := 0; i < 20; i++ {
		conn := &fakeConn{in: bytes.NewReader([]byte("GET / HTTP/1.0\r\nHost: golang.org\r\n\r\n")), closed: make(chan bool, 1)}
		ln := &singleListener{conn: conn, done: make(chan struct{})}
		go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.(http.CloseNotifier).CloseNotify()
		}))
		select {
		case <-conn.closed:
		case <-time.After(5 * time.Second):
			t.Fatalf("connection %d never closed", i)
		}
		ln.Close()
	}
}

// CloseNotify in one request, then Hijack in the next on the same
// connection: the byte the background read took is given back.
func TestHijackAfterCloseNotifier(t *testing.T) {
	plans := make(chan string, 2)
	plans <- "closenotify"
	plans <- "hijack"
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		switch <-plans {
		case "closenotify":
			w.(http.CloseNotifier).CloseNotify()
			w.Header().Set("X-Addr", r.RemoteAddr)
		case "hijack":
			c, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				t.Errorf("Hijack: %v", err)
				return
			}
			if _, isTCP := c.(*net.TCPConn); !isTCP {
				t.Errorf("the hijacked conn is a %T, not a *net.TCPConn", c)
			}
			fmt.Fprintf(c, "HTTP/1.0 200 OK\r\nX-Addr: %v\r\nContent-Length: 0\r\n\r\n", r.RemoteAddr)
			c.Close()
		}
	})
	defer ts.Close()
	first, err := http.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	first.Body.Close()
	second, err := http.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	second.Body.Close()
	a, b := first.Header.Get("X-Addr"), second.Header.Get("X-Addr")
	if a == "" || a != b {
		t.Errorf("the two requests came from %q and %q; want one connection", a, b)
	}
}

// The body is read whole even with CloseNotify asked for first, and the
// notification still comes when the client leaves.
func TestHijackBeforeRequestBodyRead(t *testing.T) {
	body := bytes.Repeat([]byte("a"), 64<<10)
	bodyOK, notified := make(chan bool, 1), make(chan bool, 1)
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		defer close(bodyOK)
		reqBody := r.Body
		r.Body = nil // the server must not rely on the field
		gone := w.(http.CloseNotifier).CloseNotify()
		got, err := io.ReadAll(reqBody)
		if err != nil || !bytes.Equal(got, body) {
			t.Errorf("read %d bytes, %v; want the %d sent", len(got), err, len(body))
			return
		}
		bodyOK <- true
		select {
		case <-gone:
			notified <- true
		case <-time.After(5 * time.Second):
			notified <- false
		}
	})
	defer ts.Close()
	c := dialServer(t, ts)
	fmt.Fprintf(c, "PUT / HTTP/1.1\r\nHost: foo\r\nContent-Length: %d\r\n\r\n", len(body))
	go c.Write(body)
	if !<-bodyOK {
		t.Fatal("the handler did not read the body")
	}
	c.Close()
	if !<-notified {
		t.Error("no CloseNotify after the client left")
	}
}

// Hijack after the background read took a byte of what the client sent
// next: the byte is in the returned reader.
func TestServerHijackGetsBackgroundByte(t *testing.T) {
	done := make(chan struct{})
	inHandler := make(chan bool, 1)
	sent := make(chan bool, 1)
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		defer close(done)
		inHandler <- true
		<-sent
		time.Sleep(20 * time.Millisecond) // let the background read take the 'f'
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		if peek, err := buf.Reader.Peek(3); string(peek) != "foo" || err != nil {
			t.Errorf("Peek = %q, %v; want foo, nil", peek, err)
		}
		if err := r.Context().Err(); err != nil {
			t.Errorf("the context ended: %v", err)
		}
	})
	defer ts.Close()
	c := dialServer(t, ts)
	defer c.Close()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: e.com\r\n\r\n")
	<-inHandler
	io.WriteString(c, "foo")
	sent <- true
	within(t, 5*time.Second, "the handler", done)
}

func TestDoubleHijack(t *testing.T) {
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		if _, _, err := w.(http.Hijacker).Hijack(); err != http.ErrHijacked {
			t.Errorf("second Hijack: %v, want ErrHijacked", err)
		}
	})
	defer ts.Close()
	c := dialServer(t, ts)
	defer c.Close()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: foo\r\n\r\n")
	io.ReadAll(c)
}

func TestWriteAfterHijack(t *testing.T) {
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		buf.WriteString("Hello, world!")
		buf.Flush()
		conn.Close()
	})
	defer ts.Close()
	c := dialServer(t, ts)
	defer c.Close()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: foo\r\n\r\n")
	got, _ := io.ReadAll(c)
	if string(got) != "Hello, world!" {
		t.Errorf("got %q", got)
	}
}

// ReadTimeout and WriteTimeout: a request in time is served, a connection
// that sends nothing is closed after the timeout, and the server goes on.
func TestServerTimeouts(t *testing.T) {
	const timeout = 250 * time.Millisecond
	n := 0
	ts := serveLater(func(w http.ResponseWriter, r *http.Request) {
		n++
		fmt.Fprintf(w, "req=%d", n)
	})
	ts.Config.ReadTimeout = timeout
	ts.Config.WriteTimeout = timeout
	ts.Start()
	defer ts.Close()
	c := ts.Client()
	if got := fetch(t, c, ts.URL); got != "req=1" {
		t.Fatalf("first request: %q", got)
	}
	start := time.Now()
	conn := dialServer(t, ts)
	k, err := conn.Read(make([]byte, 1))
	conn.Close()
	if k != 0 || err != io.EOF {
		t.Fatalf("an idle connection read %d, %v; want 0, EOF", k, err)
	}
	if waited := time.Since(start); waited < timeout*4/5 {
		t.Fatalf("closed after %v, before the %v timeout", waited, timeout)
	}
	if got := fetch(t, c, ts.URL); got != "req=2" {
		t.Fatalf("second request: %q", got)
	}
}

// A write past the write deadline fails, and the client sees an error.
func TestOnlyWriteTimeout(t *testing.T) {
	var mu sync.Mutex
	var last net.Conn
	lateWrite := make(chan error, 1)
	ts := serveLater(func(w http.ResponseWriter, r *http.Request) {
		buf := make([]byte, 64<<10)
		if _, err := w.Write(buf); err != nil {
			t.Errorf("first Write: %v", err)
			return
		}
		mu.Lock()
		conn := last
		mu.Unlock()
		conn.SetWriteDeadline(time.Now().Add(-30 * time.Second))
		_, err := w.Write(buf)
		if err == nil {
			// The bytes may still sit in the server's buffers.
			w.(http.Flusher).Flush()
			_, err = w.Write(buf)
		}
		lateWrite <- err
	})
	ts.Listener = &rememberingListener{Listener: ts.Listener, mu: &mu, last: &last}
	ts.Start()
	defer ts.Close()
	res, err := ts.Client().Get(ts.URL)
	if err == nil {
		_, err = io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	if err == nil {
		t.Error("the client got the whole reply")
	}
	if err := <-lateWrite; err == nil {
		t.Error("no error writing after the deadline")
	}
}

// rememberingListener remembers the last accepted connection.
type rememberingListener struct {
	net.Listener
	mu   *sync.Mutex
	last *net.Conn
}

func (l *rememberingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.mu.Lock()
		*l.last = c
		l.mu.Unlock()
	}
	return c, err
}

// IdleTimeout closes a kept connection; ReadHeaderTimeout a connection
// whose header does not end.
func TestServerIdleTimeout(t *testing.T) {
	ts := serveLater(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		io.WriteString(w, r.RemoteAddr)
	})
	ts.Config.ReadHeaderTimeout = 1 * time.Second
	ts.Config.IdleTimeout = 2 * time.Second
	ts.Start()
	defer ts.Close()
	c := ts.Client()
	a1, a2 := fetch(t, c, ts.URL), fetch(t, c, ts.URL)
	if a1 != a2 {
		t.Fatal("two quick requests used two connections")
	}
	time.Sleep(3 * time.Second)
	if a3 := fetch(t, c, ts.URL); a3 == a2 {
		t.Fatal("a connection idle past IdleTimeout was used again")
	}
	conn := dialServer(t, ts)
	defer conn.Close()
	io.WriteString(conn, "GET / HTTP/1.1\r\nHost: foo.com\r\n")
	time.Sleep(2 * time.Second)
	if _, err := io.CopyN(io.Discard, conn, 1); err == nil {
		t.Fatal("a header that never ended got an answer")
	}
}

// ReadTimeout does not cut a handler that is still working: the pending
// background read has no deadline.
func TestServerCancelsReadTimeoutWhenIdle(t *testing.T) {
	const timeout = 50 * time.Millisecond
	ts := serveLater(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * timeout):
			fmt.Fprint(w, "ok")
		case <-r.Context().Done():
			fmt.Fprint(w, r.Context().Err())
		}
	})
	ts.Config.ReadTimeout = timeout
	ts.Start()
	defer ts.Close()
	if got := fetch(t, ts.Client(), ts.URL); got != "ok" {
		t.Fatalf("got %q, want ok", got)
	}
}

// A connection goes through new, active, idle, active, ... closed, and a
// hijacked one ends in hijacked.
func TestServerConnState(t *testing.T) {
	var mu sync.Mutex
	seen := map[string][]http.ConnState{}
	ts := serveLater(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/hijack" {
			c, _, _ := w.(http.Hijacker).Hijack()
			c.Close()
		}
	})
	closed := make(chan bool, 4)
	ts.Config.ConnState = func(c net.Conn, s http.ConnState) {
		mu.Lock()
		key := c.RemoteAddr().String()
		seen[key] = append(seen[key], s)
		mu.Unlock()
		if s == http.StateClosed || s == http.StateHijacked {
			closed <- true
		}
	}
	ts.Start()
	defer ts.Close()
	c := ts.Client()
	fetch(t, c, ts.URL)
	fetch(t, c, ts.URL)
	c.CloseIdleConnections()
	<-closed
	if _, err := c.Get(ts.URL + "/hijack"); err == nil {
		t.Error("a hijacked and closed request got a reply")
	}
	<-closed
	mu.Lock()
	defer mu.Unlock()
	var got []string
	for _, states := range seen {
		got = append(got, fmt.Sprint(states))
	}
	want := map[string]bool{"[new active idle active idle closed]": true, "[new active hijacked]": true}
	if len(got) != 2 || !want[got[0]] || !want[got[1]] || got[0] == got[1] {
		t.Errorf("states %v; want one connection with %v", got, want)
	}
}

// SetKeepAlivesEnabled(false) makes each request use its own connection.
func TestServerKeepAlivesEnabled(t *testing.T) {
	ts := serveLater(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.RemoteAddr)
	})
	ts.Config.SetKeepAlivesEnabled(false)
	ts.Start()
	defer ts.Close()
	c := ts.Client()
	if a, b := fetch(t, c, ts.URL), fetch(t, c, ts.URL); a == b {
		t.Errorf("both requests came from %s with keep-alives off", a)
	}
}

// Turning keep-alives off closes the idle connections.
func TestServerSetKeepAlivesEnabledClosesConns(t *testing.T) {
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.RemoteAddr)
	})
	defer ts.Close()
	c := ts.Client()
	a := fetch(t, c, ts.URL)
	if b := fetch(t, c, ts.URL); a != b {
		t.Fatal("keep-alive did not reuse the connection")
	}
	ts.Config.SetKeepAlivesEnabled(false)
	time.Sleep(50 * time.Millisecond)
	if b := fetch(t, c, ts.URL); a == b {
		t.Error("the idle connection survived SetKeepAlivesEnabled(false)")
	}
}

// Shutdown from inside a handler: the request in progress finishes, the
// hooks run, and later requests fail.
func TestServerShutdown(t *testing.T) {
	shutdownErr := make(chan error, 1)
	hook := make(chan struct{}, 1)
	var ts *httptest.Server
	ts = serveLater(func(w http.ResponseWriter, r *http.Request) {
		go func() { shutdownErr <- ts.Config.Shutdown(context.Background()) }()
		time.Sleep(20 * time.Millisecond)
		io.WriteString(w, r.RemoteAddr)
	})
	ts.Config.RegisterOnShutdown(func() { hook <- struct{}{} })
	ts.Start()
	defer ts.Close()
	c := ts.Client()
	fetch(t, c, ts.URL)
	if err := <-shutdownErr; err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	within(t, 5*time.Second, "the shutdown hook", hook)
	if res, err := c.Get(ts.URL); err == nil {
		res.Body.Close()
		t.Fatal("a request after Shutdown succeeded")
	}
}

// Shutdown waits about 5 seconds for a connection that never sends a
// request, then closes it.
func TestServerShutdownStateNew(t *testing.T) {
	if testing.Short() {
		t.Skip("takes 5 seconds")
	}
	accepted := make(chan struct{})
	ts := serveLater(func(w http.ResponseWriter, r *http.Request) {})
	ts.Config.ConnState = func(c net.Conn, s http.ConnState) {
		if s == http.StateNew {
			close(accepted)
		}
	}
	ts.Start()
	defer ts.Close()
	c := dialServer(t, ts)
	defer c.Close()
	<-accepted
	start := time.Now()
	shut := make(chan error, 1)
	go func() { shut <- ts.Config.Shutdown(context.Background()) }()
	readErr := make(chan error, 1)
	go func() {
		_, err := c.Read(make([]byte, 1))
		readErr <- err
	}()
	select {
	case err := <-shut:
		if err != nil {
			t.Fatalf("Shutdown: %v", err)
		}
		if d := time.Since(start); d < 2500*time.Millisecond {
			t.Errorf("Shutdown returned after %v, too soon", d)
		}
	case <-time.After(8 * time.Second):
		t.Fatal("Shutdown did not return")
	}
	select {
	case err := <-readErr:
		if err == nil {
			t.Error("the connection was not closed")
		}
	case <-time.After(2 * time.Second):
		t.Error("the Read did not end")
	}
}

func TestServerCloseDeadlock(t *testing.T) {
	var s http.Server
	s.Close()
	s.Close()
}

// Serve after Shutdown returns ErrServerClosed at once.
func TestServerShutdownThenServe(t *testing.T) {
	var srv http.Server
	srv.Shutdown(context.Background())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		t.Errorf("Serve after Shutdown: %v, want ErrServerClosed", err)
	}
}

// Close and Shutdown close each listener once.
type countingListener struct {
	net.Listener
	mu     sync.Mutex
	closes int
}

func (l *countingListener) Close() error {
	l.mu.Lock()
	l.closes++
	l.mu.Unlock()
	return l.Listener.Close()
}

func TestServerCloseListenerOnce(t *testing.T) {
	raw, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln := &countingListener{Listener: raw}
	srv := &http.Server{}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	time.Sleep(10 * time.Millisecond)
	srv.Shutdown(context.Background())
	if err := <-served; err != http.ErrServerClosed {
		t.Errorf("Serve: %v", err)
	}
	srv.Close()
	ln.mu.Lock()
	defer ln.mu.Unlock()
	if ln.closes != 1 {
		t.Errorf("the listener was closed %d times", ln.closes)
	}
}

// A handler that reads the body, then flushes and hijacks, keeps the bytes
// that follow.
func TestServerFlushAndHijack(t *testing.T) {
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "Hello, ")
		w.(http.Flusher).Flush()
		conn, buf, _ := w.(http.Hijacker).Hijack()
		buf.WriteString("6\r\nworld!\r\n0\r\n\r\n")
		if err := buf.Flush(); err != nil {
			t.Error(err)
		}
		if err := conn.Close(); err != nil {
			t.Error(err)
		}
	})
	defer ts.Close()
	res, err := http.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	all, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if string(all) != "Hello, world!" {
		t.Errorf("got %q", all)
	}
}

// Keep-alive over HTTP/1.0: with "Connection: keep-alive" and a known length
// the connection stays; a 204 needs no length.
func TestHTTP10KeepAlive204Response(t *testing.T) {
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	defer ts.Close()
	c := dialServer(t, ts)
	defer c.Close()
	br := bufio.NewReader(c)
	for i := 0; i < 2; i++ {
		io.WriteString(c, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
		res, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
		if res.StatusCode != 204 || res.Close || res.Header.Get("Connection") != "keep-alive" {
			t.Fatalf("request %d: %s close=%v %v", i+1, res.Status, res.Close, res.Header)
		}
		res.Body.Close()
	}
}

// A handler's panic closes the connection without a reply and the server
// goes on.
func TestHandlerPanicNil(t *testing.T) {
	ts := serve(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/panic" {
			panic(http.ErrAbortHandler)
		}
		io.WriteString(w, "fine")
	})
	defer ts.Close()
	if _, err := ts.Client().Get(ts.URL + "/panic"); err == nil || !strings.Contains(err.Error(), "EOF") {
		t.Errorf("a panicking handler's client got %v, want EOF", err)
	}
	if got := fetch(t, ts.Client(), ts.URL); got != "fine" {
		t.Errorf("after the panic: %q", got)
	}
}
