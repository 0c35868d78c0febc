package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
)

func exchange(addr, raw string) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		panic(err)
	}
	defer c.Close()
	io.WriteString(c, raw)
	reply, _ := io.ReadAll(c)
	fmt.Printf("%q\n  -> %q\n", raw, reply)
}

func main() {
	errs := make(chan string, 10)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Date", "D")
		switch r.URL.Path {
		case "/more":
			w.Header().Set("Content-Length", "3")
			_, err := io.WriteString(w, "abcdef")
			errs <- fmt.Sprint("more: ", err)
		case "/less":
			w.Header().Set("Content-Length", "10")
			io.WriteString(w, "abc")
		case "/early":
			w.WriteHeader(103)
			w.Header().Set("X-Late", "1")
			io.WriteString(w, "after hints")
		case "/continue":
			b, _ := io.ReadAll(r.Body)
			fmt.Fprintf(w, "read %q", b)
		case "/ignore":
			io.WriteString(w, "did not read")
		case "/head":
			_, err := io.WriteString(w, "body for head")
			errs <- fmt.Sprint("head write: ", err)
		case "/nobody":
			w.WriteHeader(304)
			_, err := io.WriteString(w, "x")
			errs <- fmt.Sprint("304 write: ", err)
		case "/big":
			io.WriteString(w, strings.Repeat("y", 2100))
		case "/te":
			w.Header().Set("Transfer-Encoding", "identity")
			io.WriteString(w, "identity body")
		}
	}))
	defer ts.Close()
	a := ts.Listener.Addr().String()
	exchange(a, "GET /more HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	fmt.Println(<-errs)
	exchange(a, "GET /less HTTP/1.1\r\nHost: x\r\n\r\n")
	exchange(a, "GET /early HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	exchange(a, "POST /continue HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbody")
	exchange(a, "POST /ignore HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\nConnection: close\r\n\r\n")
	exchange(a, "HEAD /head HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	fmt.Println(<-errs)
	exchange(a, "GET /nobody HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	fmt.Println(<-errs)
	exchange(a, "GET /big HTTP/1.0\r\n\r\n")
	exchange(a, "GET /te HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	exchange(a, "GET /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 300000\r\nConnection: close\r\n\r\nshort")
}
