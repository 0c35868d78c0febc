package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// rawServer answers every connection with reply, then closes it.
func rawServer(reply string) (string, func()) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				buf := make([]byte, 4096)
				c.Read(buf)
				io.WriteString(c, reply)
				c.Close()
			}()
		}
	}()
	return "http://" + ln.Addr().String(), func() { ln.Close() }
}

func main() {
	for _, reply := range []string{
		"",
		"garbage\r\n\r\n",
		"HTTP/1.1 2000 Huge\r\n\r\n",
		"HTTP/1.1 abc Bad\r\n\r\n",
		"FTP/1.1 200 OK\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc",
		"HTTP/1.0 200 OK\r\n\r\nuntil close",
		"HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\nX-A: 1\r\n\r\nnope",
		"HTTP/1.1 200 OK\r\nBad Line\r\n\r\n",
	} {
		// Listeners stay open to the end: a closed port is soon reused, and on
		// Plan 9 an Accept blocked in the old listen file may take its calls.
		base, stop := rawServer(reply)
		defer stop()
		resp, err := http.Get(base + "/x")
		if err != nil {
			fmt.Printf("%q: error %s\n", reply, strings.Replace(err.Error(), base, "URL", 1))
		} else {
			b, rerr := io.ReadAll(resp.Body)
			resp.Body.Close()
			fmt.Printf("%q: %s %d %v %q %v close=%v\n", reply, resp.Status, resp.ContentLength, resp.Header, b, rerr, resp.Close)
		}
	}
	_, err := http.Get("ftp://example.com/")
	fmt.Println(err)
	_, err = http.Get("http:///nohost")
	fmt.Println(err)
	_, err = http.Get("::not a url")
	fmt.Println(err)
	var ue *url.Error
	fmt.Println(errors.As(err, &ue), ue.Op)

	// Client.Timeout while the server is slow to answer.
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		time.Sleep(time.Second)
		c.Close()
	}()
	client := &http.Client{Timeout: 100 * time.Millisecond}
	_, err = client.Get("http://" + ln.Addr().String() + "/slow")
	var ne net.Error
	fmt.Println(strings.Replace(err.Error(), ln.Addr().String(), "ADDR", 1), errors.As(err, &ne) && ne.Timeout())
	ln.Close()
}
