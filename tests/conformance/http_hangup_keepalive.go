package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
)

func main() {
	inHandler := make(chan bool)
	done := make(chan string)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inHandler <- true
		select {
		case <-r.Context().Done():
			done <- "context done: " + r.Context().Err().Error()
		case <-time.After(5 * time.Second):
			done <- "timed out"
		}
	}))
	defer ts.Close()
	c, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		panic(err)
	}
	fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: foo\r\n\r\n")
	<-inHandler
	c.Close()
	fmt.Println(<-done)

	// Chunked reply with Flush, then keep-alive reuse.
	states := make(chan string, 20)
	ts2 := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			io.WriteString(w, "part one,")
			w.(http.Flusher).Flush()
			io.WriteString(w, " part two")
			return
		}
		fmt.Fprintf(w, "path=%s proto=%s", r.URL.Path, r.Proto)
	}))
	ts2.Config.ConnState = func(c net.Conn, s http.ConnState) { states <- s.String() }
	ts2.Start()
	client := ts2.Client()
	for _, p := range []string{"/a", "/chunked", "/b"} {
		resp, err := client.Get(ts2.URL + p)
		if err != nil {
			panic(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, resp.ContentLength, resp.TransferEncoding, string(b))
	}
	ts2.Close()
	close(states)
	var seen []string
	for s := range states {
		seen = append(seen, s)
	}
	fmt.Println(strings.Join(seen, " "))

	// HTTP/1.0 over a raw connection.
	ts3 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Date", "fixed")
		fmt.Fprintf(w, "hi %s", r.Proto)
	}))
	defer ts3.Close()
	c, _ = net.Dial("tcp", ts3.Listener.Addr().String())
	fmt.Fprintf(c, "GET /x HTTP/1.0\r\n\r\n")
	all, _ := io.ReadAll(c)
	fmt.Printf("%q\n", all)
	c.Close()
	c, _ = net.Dial("tcp", ts3.Listener.Addr().String())
	fmt.Fprintf(c, "GARBAGE\r\n\r\n")
	all, _ = io.ReadAll(c)
	fmt.Printf("%q\n", all)
	c.Close()
	c, _ = net.Dial("tcp", ts3.Listener.Addr().String())
	fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n")
	all, _ = io.ReadAll(c)
	fmt.Printf("%q\n", all)
	c.Close()
	c, _ = net.Dial("tcp", ts3.Listener.Addr().String())
	fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /second HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	br := bufio.NewReader(c)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			break
		}
		fmt.Printf("%q\n", line)
	}
	c.Close()
}
