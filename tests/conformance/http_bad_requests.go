package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
)

func main() {
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "handled")
	}))
	ts.Config.MaxHeaderBytes = 256
	ts.Start()
	defer ts.Close()
	for _, raw := range []string{
		"GARBAGE\r\n\r\n",
		"GET /\r\n\r\n",
		"GET / HTTP/1.1\r\n\r\n",
		"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
		"GET / HTTP/2.0\r\nHost: x\r\n\r\n",
		"GET / FTP/1.1\r\nHost: x\r\n\r\n",
		"G(T / HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: a b\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("b", 5000) + "\r\n\r\n",
		"GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\nExpect: something\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		" GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
	} {
		c, err := net.Dial("tcp", ts.Listener.Addr().String())
		if err != nil {
			panic(err)
		}
		io.WriteString(c, raw)
		reply, _ := io.ReadAll(c)
		c.Close()
		s := string(reply)
		if i := strings.Index(s, "Date: "); i >= 0 {
			s = s[:i] + s[i+37:]
		}
		if len(raw) > 60 {
			raw = raw[:60] + "..."
		}
		fmt.Printf("%q\n  -> %q\n", raw, s)
	}
}
