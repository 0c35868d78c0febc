// The keep-alive benchmark of bench/http.mjs: a net/http server and one
// client on the loopback, N GETs over one kept connection, timed with
// time.Now (which measures only under --realtime on p9rt). Prints "name
// value unit" lines.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

func main() {
	n := 200
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello, keep-alive\n")
	})}
	go srv.Serve(ln)
	conns := 0
	client := &http.Client{Transport: &http.Transport{}}
	srv.ConnState = func(c net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns++
		}
	}
	url := "http://" + ln.Addr().String() + "/"
	get := func() {
		resp, err := client.Get(url)
		if err != nil {
			panic(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	get() // the connection and the first request are not timed
	start := time.Now()
	for i := 0; i < n; i++ {
		get()
	}
	d := time.Since(start)
	fmt.Printf("keepalive_reqs_per_s %.1f req/s\n", float64(n)/d.Seconds())
	fmt.Printf("keepalive_us_per_req %.1f us\n", float64(d.Microseconds())/float64(n))
	fmt.Printf("connections %d conns\n", conns)
	srv.Close()
}
