package httptest

import (
	"net"
	"net/http"
	"sync"
)

// A Server is an HTTP server on a loopback port, for tests.
type Server struct {
	URL      string // "http://127.0.0.1:port"
	Listener net.Listener

	// Config is the server; change it between NewUnstartedServer and Start.
	Config *http.Server

	wg     sync.WaitGroup // the serving goroutine and each connection
	mu     sync.Mutex
	closed bool
	peers  map[net.Conn]http.ConnState
	cl     *http.Client
}

// NewServer starts a server for handler on a free loopback port; Close it
// at the end.
func NewServer(handler http.Handler) *Server {
	ts := NewUnstartedServer(handler)
	ts.Start()
	return ts
}

// NewUnstartedServer is NewServer without Start.
func NewUnstartedServer(handler http.Handler) *Server {
	return &Server{Listener: loopbackListener(), Config: &http.Server{Handler: handler}}
}

// loopbackListener listens on a free port of 127.0.0.1.
func loopbackListener() net.Listener {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic("httptest: failed to listen on a port: " + err.Error())
	}
	return l
}

// Start starts serving.
func (ts *Server) Start() {
	if ts.URL != "" {
		panic("Server already started")
	}
	if ts.cl == nil {
		ts.cl = &http.Client{Transport: new(http.Transport)}
	}
	ts.URL = "http://" + ts.Listener.Addr().(*net.TCPAddr).String()
	ts.track()
	ts.wg.Add(1)
	go func() {
		defer ts.wg.Done()
		ts.Config.Serve(ts.Listener)
	}()
}

// track follows the connections' states (keeping the server'ts own hook),
// so Close can wait for them.
func (ts *Server) track() {
	previous := ts.Config.ConnState
	ts.Config.ConnState = func(c net.Conn, state http.ConnState) {
		ts.mu.Lock()
		switch state {
		case http.StateNew:
			if _, known := ts.peers[c]; known {
				ts.mu.Unlock()
				panic("invalid state transition")
			}
			if ts.peers == nil {
				ts.peers = map[net.Conn]http.ConnState{}
			}
			ts.wg.Add(1)
			ts.peers[c] = state
			if ts.closed {
				c.Close()
			}
		case http.StateActive:
			if _, known := ts.peers[c]; known {
				ts.peers[c] = state
			}
		case http.StateIdle:
			if _, known := ts.peers[c]; known {
				ts.peers[c] = state
			}
			if ts.closed {
				c.Close()
			}
		default: // hijacked or closed: no longer ours to wait for
			if _, known := ts.peers[c]; known {
				delete(ts.peers, c)
				ts.wg.Done()
			}
		}
		ts.mu.Unlock()
		if previous != nil {
			previous(c, state)
		}
	}
}

// Close stops the server: no new connections, idle ones closed, and it
// waits for the requests in progress to finish.
func (ts *Server) Close() {
	ts.mu.Lock()
	if !ts.closed {
		ts.closed = true
		ts.Listener.Close()
		ts.Config.SetKeepAlivesEnabled(false)
		// Connections between requests go now; busy ones after their reply.
		for c, state := range ts.peers {
			switch state {
			case http.StateIdle, http.StateNew:
				c.Close()
			}
		}
	}
	ts.mu.Unlock()
	if t, has := http.DefaultTransport.(interface{ CloseIdleConnections() }); has {
		t.CloseIdleConnections()
	}
	if ts.cl != nil {
		if t, has := ts.cl.Transport.(interface{ CloseIdleConnections() }); has {
			t.CloseIdleConnections()
		}
	}
	ts.wg.Wait()
}

// CloseClientConnections closes every connection to the server now.
func (ts *Server) CloseClientConnections() {
	ts.mu.Lock()
	for c := range ts.peers {
		c.Close()
	}
	ts.mu.Unlock()
}

// Client is a cl for this server, whose idle connections Close closes.
func (ts *Server) Client() *http.Client { return ts.cl }
