// The host-facing latencies of issue 13.4, self-timed: each line is "name value unit".
// The same source runs natively and on p9rt (bench/engine.mjs); Go's js/wasm port
// has no system calls, signals or sockets of its own, so it has no figures here.
package main

import (
	"fmt"
	"net"
	"os"
	"os/signal"
	"sort"
	"syscall"
	"time"
)

// A system call that does no work: seek to where the file already is.
func syscallRoundTrip(n int) float64 {
	f, err := os.Create("/tmp/p9rt-bench-seek")
	if err != nil {
		panic(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	fd := int(f.Fd())
	t := time.Now()
	for i := 0; i < n; i++ {
		if _, err := syscall.Seek(fd, 0, 0); err != nil {
			panic(err)
		}
	}
	return float64(time.Since(t).Nanoseconds()) / float64(n)
}

// A note (a signal natively) the program posts to itself, until the
// goroutine waiting for it in os/signal runs.
func noteToRunning(n int) []float64 {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	defer signal.Stop(c)
	p, err := os.FindProcess(os.Getpid())
	if err != nil {
		panic(err)
	}
	out := make([]float64, n)
	for i := range out {
		t := time.Now()
		if err := p.Signal(os.Interrupt); err != nil {
			panic(err)
		}
		<-c
		out[i] = float64(time.Since(t).Nanoseconds()) / 1e3
	}
	return out
}

// How late a read with a 1 ms deadline returns, on a loopback connection
// nobody writes to.
func deadlineLateness(n int) []float64 {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err == nil {
			defer c.Close()
			time.Sleep(time.Hour)
		}
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	defer c.Close()
	buf := make([]byte, 1)
	out := make([]float64, n)
	for i := range out {
		t := time.Now()
		c.SetReadDeadline(t.Add(time.Millisecond))
		if _, err := c.Read(buf); err == nil {
			panic("read returned data")
		}
		out[i] = float64(time.Since(t).Nanoseconds()-int64(time.Millisecond)) / 1e3
	}
	return out
}

func quantile(xs []float64, q float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[int(q*float64(len(s)-1))]
}

func main() {
	syscallRoundTrip(1000)
	fmt.Printf("syscall %.1f ns/call\n", syscallRoundTrip(20000))
	noteToRunning(20)
	notes := noteToRunning(200)
	fmt.Printf("note_p50 %.1f us\n", quantile(notes, 0.5))
	fmt.Printf("note_p99 %.1f us\n", quantile(notes, 0.99))
	late := deadlineLateness(200)
	fmt.Printf("deadline_p50 %.1f us\n", quantile(late, 0.5))
	fmt.Printf("deadline_p99 %.1f us\n", quantile(late, 0.99))
}
