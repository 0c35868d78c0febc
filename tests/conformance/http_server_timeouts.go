package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
)

func main() {
	// ReadHeaderTimeout: a header that never ends.
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	ts.Config.ReadHeaderTimeout = 100 * time.Millisecond
	ts.Start()
	c, _ := net.Dial("tcp", ts.Listener.Addr().String())
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n")
	start := time.Now()
	reply, err := io.ReadAll(c)
	fmt.Printf("header timeout: %q %v, waited at least 100ms: %v\n", reply, err, time.Since(start) >= 100*time.Millisecond)
	c.Close()
	ts.Close()

	// ReadTimeout: the body stops coming.
	bodyErr := make(chan string, 1)
	ts = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		var ne net.Error
		bodyErr <- fmt.Sprintf("handler read %q, timeout=%v", b, errors.As(err, &ne) && ne.Timeout())
	}))
	ts.Config.ReadTimeout = 100 * time.Millisecond
	ts.Start()
	c, _ = net.Dial("tcp", ts.Listener.Addr().String())
	io.WriteString(c, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf")
	fmt.Println(<-bodyErr)
	c.Close()
	ts.Close()

	// WriteTimeout: the handler answers too late.
	ts = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(200 * time.Millisecond)
		io.WriteString(w, "too late")
	}))
	ts.Config.WriteTimeout = 100 * time.Millisecond
	ts.Start()
	_, err = ts.Client().Get(ts.URL)
	fmt.Println("write timeout:", strings.Replace(fmt.Sprint(err), ts.URL, "URL", 1))
	ts.Close()

	// IdleTimeout: a kept connection is closed after it.
	closed := make(chan time.Duration, 4)
	var idleSince time.Time
	ts = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }))
	ts.Config.IdleTimeout = 300 * time.Millisecond
	ts.Config.ConnState = func(c net.Conn, s http.ConnState) {
		switch s {
		case http.StateIdle:
			idleSince = time.Now()
		case http.StateClosed:
			closed <- time.Since(idleSince)
		}
	}
	ts.Start()
	resp, err := ts.Client().Get(ts.URL)
	if err != nil {
		panic(err)
	}
	io.ReadAll(resp.Body)
	resp.Body.Close()
	d := <-closed
	fmt.Println("idle connection closed after about 300ms:", d >= 300*time.Millisecond && d < 400*time.Millisecond)
	ts.Close()

	// TimeoutHandler.
	ts = httptest.NewServer(http.TimeoutHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			<-r.Context().Done()
			time.Sleep(50 * time.Millisecond) // well after the timeout's reply
			_, err := w.Write([]byte("late"))
			bodyErr <- fmt.Sprint("late write: ", err)
			return
		}
		w.Header().Set("X-Fast", "1")
		io.WriteString(w, "in time")
	}), 100*time.Millisecond, "gave up"))
	for _, p := range []string{"/fast", "/slow"} {
		resp, err := ts.Client().Get(ts.URL + p)
		if err != nil {
			panic(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("%s %s %q %q\n", p, resp.Status, b, resp.Header.Get("X-Fast"))
	}
	fmt.Println(<-bodyErr)
	ts.Close()
}
