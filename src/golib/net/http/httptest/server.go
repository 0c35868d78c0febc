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
	conns  map[net.Conn]http.ConnState
	client *http.Client
}

// NewServer starts a server for handler on a free loopback port; Close it
// at the end.
func NewServer(handler http.Handler) *Server {
	s := NewUnstartedServer(handler)
	s.Start()
	return s
}

// NewUnstartedServer is NewServer without Start.
func NewUnstartedServer(handler http.Handler) *Server {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic("httptest: failed to listen on a port: " + err.Error())
	}
	return &Server{Listener: l, Config: &http.Server{Handler: handler}}
}

// Start starts serving.
func (s *Server) Start() {
	if s.URL != "" {
		panic("Server already started")
	}
	if s.client == nil {
		s.client = &http.Client{Transport: &http.Transport{}}
	}
	s.URL = "http://" + s.Listener.Addr().String()
	s.track()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.Config.Serve(s.Listener)
	}()
}

// track follows the connections' states (keeping the server's own hook),
// so Close can wait for them.
func (s *Server) track() {
	previous := s.Config.ConnState
	s.Config.ConnState = func(c net.Conn, st http.ConnState) {
		s.mu.Lock()
		switch st {
		case http.StateNew:
			if _, known := s.conns[c]; known {
				s.mu.Unlock()
				panic("invalid state transition")
			}
			if s.conns == nil {
				s.conns = make(map[net.Conn]http.ConnState)
			}
			s.wg.Add(1)
			s.conns[c] = st
			if s.closed {
				c.Close()
			}
		case http.StateActive:
			if _, known := s.conns[c]; known {
				s.conns[c] = st
			}
		case http.StateIdle:
			if _, known := s.conns[c]; known {
				s.conns[c] = st
			}
			if s.closed {
				c.Close()
			}
		case http.StateHijacked, http.StateClosed:
			if _, known := s.conns[c]; known {
				delete(s.conns, c)
				s.wg.Done()
			}
		}
		s.mu.Unlock()
		if previous != nil {
			previous(c, st)
		}
	}
}

// Close stops the server: no new connections, idle ones closed, and it
// waits for the requests in progress to finish.
func (s *Server) Close() {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		s.Listener.Close()
		s.Config.SetKeepAlivesEnabled(false)
		for c, st := range s.conns {
			if st == http.StateIdle || st == http.StateNew {
				c.Close()
			}
		}
	}
	s.mu.Unlock()
	if t, has := http.DefaultTransport.(interface{ CloseIdleConnections() }); has {
		t.CloseIdleConnections()
	}
	if s.client != nil {
		if t, has := s.client.Transport.(interface{ CloseIdleConnections() }); has {
			t.CloseIdleConnections()
		}
	}
	s.wg.Wait()
}

// CloseClientConnections closes every connection to the server now.
func (s *Server) CloseClientConnections() {
	s.mu.Lock()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
}

// Client is a client for this server, whose idle connections Close closes.
func (s *Server) Client() *http.Client { return s.client }
