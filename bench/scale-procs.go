// bench/scale.mjs: N TCP connections (os.Args[1]) each read by a goroutine
// with one deadline, os.Args[2] ms (default 1000) after the dials; nobody
// writes, so every read ends by its deadline. On Plan 9 each pending read
// holds a proc (docs/plan9-notes.md §3.2). Prints how late the deadline
// fired for the reads: p50, p99 and the worst.
package main

import (
	"fmt"
	"net"
	"os"
	"sort"
	"strconv"
	"sync"
	"time"
)

func main() {
	n := 100
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	wait := 1000
	if len(os.Args) > 2 {
		wait, _ = strconv.Atoi(os.Args[2])
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		os.Exit(1)
	}
	var peers []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			peers = append(peers, c)
		}
	}()
	t0 := time.Now()
	conns := make([]net.Conn, n)
	for i := range conns {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			fmt.Println("dial:", err)
			os.Exit(1)
		}
		conns[i] = c
	}
	dialed := time.Since(t0)
	var wg sync.WaitGroup
	var mu sync.Mutex
	late := make([]time.Duration, 0, n)
	timeouts := 0
	deadline := time.Now().Add(time.Duration(wait) * time.Millisecond)
	for _, c := range conns {
		wg.Add(1)
		go func(c net.Conn) {
			defer wg.Done()
			c.SetReadDeadline(deadline)
			buf := make([]byte, 1)
			_, err := c.Read(buf)
			d := time.Since(deadline)
			mu.Lock()
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				timeouts++
			}
			late = append(late, d)
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	sort.Slice(late, func(i, j int) bool { return late[i] < late[j] })
	q := func(p int) int64 { return late[(len(late)-1)*p/100].Microseconds() }
	fmt.Printf("procs %d timeouts %d dial %d us late p50 %d us p99 %d us max %d us all %d us\n",
		n, timeouts, dialed.Microseconds(), q(50), q(99), q(100), time.Since(t0).Microseconds())
}
