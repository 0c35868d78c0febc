package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	inHandler := make(chan bool)
	release := make(chan bool)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			inHandler <- true
			<-release
		}
		io.WriteString(w, "done "+r.URL.Path)
	})}
	hooks := make(chan string, 1)
	srv.RegisterOnShutdown(func() { hooks <- "shutdown hook ran" })
	served := make(chan error)
	go func() { served <- srv.Serve(ln) }()
	url := "http://" + ln.Addr().String()

	// An idle keep-alive connection and an active request.
	resp, err := http.Get(url + "/quick")
	if err != nil {
		panic(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(string(b))
	slow := make(chan string)
	go func() {
		resp, err := http.Get(url + "/slow")
		if err != nil {
			slow <- "slow request failed: " + err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		slow <- "slow request got: " + string(b)
	}()
	<-inHandler

	// Shutdown with a short context gives up while the handler runs.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	err = srv.Shutdown(ctx)
	cancel()
	fmt.Println("first Shutdown:", err)
	fmt.Println("Serve returned:", <-served)
	fmt.Println(<-hooks)
	_, err = net.Dial("tcp", ln.Addr().String())
	fmt.Println("dial after Shutdown fails:", err != nil)

	// A second Shutdown waits for the handler to finish.
	shut := make(chan error)
	go func() { shut <- srv.Shutdown(context.Background()) }()
	time.Sleep(20 * time.Millisecond)
	release <- true
	fmt.Println(<-slow)
	fmt.Println("second Shutdown:", <-shut)
	fmt.Println("ListenAndServe after:", srv.ListenAndServe())

	// Close ends active connections at once.
	ln2, _ := net.Listen("tcp", "127.0.0.1:0")
	seen := make(chan string, 1)
	srv2 := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inHandler <- true
		<-r.Context().Done()
		seen <- fmt.Sprint("handler saw: ", r.Context().Err())
	})}
	go func() { served <- srv2.Serve(ln2) }()
	go func() {
		_, err := http.Get("http://" + ln2.Addr().String() + "/")
		slow <- fmt.Sprint("client error is EOF: ", err != nil)
	}()
	<-inHandler
	fmt.Println("Close:", srv2.Close())
	fmt.Println(<-seen)
	fmt.Println(<-slow)
	fmt.Println("Serve returned:", <-served)
}
