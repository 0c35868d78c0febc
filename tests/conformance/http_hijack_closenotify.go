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

func main() {
	notified := make(chan string)
	states := make(chan http.ConnState, 10)
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/hijack":
			conn, rw, err := w.(http.Hijacker).Hijack()
			if err != nil {
				panic(err)
			}
			// The rest of what the client sent is in rw's reader.
			line, _ := rw.ReadString('\n')
			rw.WriteString("HTTP/1.1 200 OK\r\nX-Hijacked: yes\r\n\r\nraw echo: " + strings.TrimSpace(line) + "\n")
			rw.Flush()
			_, _, err = w.(http.Hijacker).Hijack()
			fmt.Println("second Hijack:", err)
			conn.Close()
		case "/notify":
			ch := w.(http.CloseNotifier).CloseNotify()
			notified <- "waiting"
			select {
			case v := <-ch:
				notified <- fmt.Sprint("CloseNotify fired: ", v)
			case <-r.Context().Done():
				notified <- "context first"
			}
		}
	}))
	ts.Config.ConnState = func(c net.Conn, s http.ConnState) {
		if s == http.StateHijacked {
			states <- s
		}
	}
	ts.Start()
	defer ts.Close()

	c, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		panic(err)
	}
	io.WriteString(c, "GET /hijack HTTP/1.1\r\nHost: x\r\n\r\nhello after the header\n")
	reply, _ := io.ReadAll(c)
	fmt.Printf("%q\n", reply)
	c.Close()
	fmt.Println("state:", <-states)

	c, _ = net.Dial("tcp", ts.Listener.Addr().String())
	io.WriteString(c, "GET /notify HTTP/1.1\r\nHost: x\r\n\r\n")
	fmt.Println(<-notified)
	c.Close()
	fmt.Println(<-notified)

	// The Request's body read to its end, then the background read sees the hangup.
	got := make(chan string)
	ts2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		<-r.Context().Done()
		got <- fmt.Sprintf("read %q, then %v", b, r.Context().Err())
	}))
	defer ts2.Close()
	c, _ = net.Dial("tcp", ts2.Listener.Addr().String())
	io.WriteString(c, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody")
	br := bufio.NewReader(c)
	_ = br
	c.Close()
	fmt.Println(<-got)
}
