package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
)

// exchange sends raw on a new connection and prints the whole reply.
func exchange(addr, raw string) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		panic(err)
	}
	defer c.Close()
	io.WriteString(c, raw)
	reply, _ := io.ReadAll(c)
	s := string(reply)
	// The date of OPTIONS * is the server's own.
	if i := strings.Index(s, "Date: "); i >= 0 && strings.HasPrefix(raw, "OPTIONS") {
		s = s[:i] + s[i+37:]
	}
	fmt.Printf("%q\n  -> %q\n", raw, s)
}

func main() {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Date", "Tue, 10 Nov 2009 23:00:00 GMT")
		switch r.URL.Path {
		case "/empty":
		case "/nocontent":
			w.WriteHeader(http.StatusNoContent)
			io.WriteString(w, "dropped")
		case "/big":
			io.WriteString(w, strings.Repeat("x", 3000))
		case "/length":
			w.Header().Set("Content-Length", "5")
			io.WriteString(w, "12345")
		case "/html":
			io.WriteString(w, "<html>hi</html>")
		case "/body":
			b, _ := io.ReadAll(r.Body)
			fmt.Fprintf(w, "got %q len=%d te=%v", b, r.ContentLength, r.TransferEncoding)
		default:
			fmt.Fprintf(w, "%s %s %s close=%v", r.Method, r.RequestURI, r.Proto, r.Close)
		}
	}))
	defer ts.Close()
	addr := ts.Listener.Addr().String()
	exchange(addr, "GET /a HTTP/1.0\r\n\r\n")
	exchange(addr, "GET /empty HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	exchange(addr, "GET /nocontent HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	exchange(addr, "HEAD /html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	exchange(addr, "GET /length HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /b HTTP/1.0\r\n\r\n")
	exchange(addr, "POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
	exchange(addr, "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\nTrailer-X: y\r\n\r\n")
	exchange(addr, "GET /q?x=1 HTTP/1.1\r\nHost: x\r\n\r\nGET /pipelined HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	exchange(addr, "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")

	// A chunked reply read by hand.
	c, _ := net.Dial("tcp", addr)
	io.WriteString(c, "GET /big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	br := bufio.NewReader(c)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			break
		}
		if len(line) > 40 {
			line = line[:20] + "..." + fmt.Sprint(len(line))
		}
		fmt.Printf("%q\n", line)
	}
	c.Close()
}
