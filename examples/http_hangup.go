// A handler that waits for its request's context while the client hangs up.
//
// While a handler runs, the server keeps one read pending on the connection
// (Go's connReader): that is how it notices a client going away. Request 1
// finishes normally, so the server aborts its pending read with a deadline
// in the past before reading request 2 — on Plan 9 a hangup note to the
// proc blocked in pread. During request 2 the client hangs up instead: the
// pending read ends, the connection's context is cancelled, and so is
// r.Context(), which the handler is waiting on. Run with --timeline and
// --explain to see the background reads, the note and the interrupted pread.
package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"time"
)

func main() {
	slowStarted := make(chan bool)
	finished := make(chan bool)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/fast" {
			fmt.Fprintln(w, "fast reply")
			return
		}
		slowStarted <- true
		select {
		case <-r.Context().Done():
			fmt.Println("handler: the client hung up:", r.Context().Err())
		case <-time.After(10 * time.Second):
			fmt.Println("handler: finished the slow work")
		}
		finished <- true
	}))
	defer ts.Close()

	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		panic(err)
	}
	replies := bufio.NewReader(conn)

	// Request 1: answered; the connection stays open for the next one.
	fmt.Fprintf(conn, "GET /fast HTTP/1.1\r\nHost: example\r\n\r\n")
	resp, err := http.ReadResponse(replies, nil)
	if err != nil {
		panic(err)
	}
	body, _ := io.ReadAll(resp.Body)
	fmt.Printf("client: %s %q\n", resp.Status, body)

	// Request 2: the client gives up before the answer.
	fmt.Fprintf(conn, "GET /slow HTTP/1.1\r\nHost: example\r\n\r\n")
	<-slowStarted
	time.Sleep(50 * time.Millisecond)
	fmt.Println("client: hanging up")
	conn.Close()
	<-finished
}
