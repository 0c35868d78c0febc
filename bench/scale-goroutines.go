// bench/scale.mjs: start N goroutines (os.Args[1]) that all park on one
// channel, then release them and wait for every one. Prints the time to
// create them, in tenths, so a creation cost that grows with N shows.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

func main() {
	n := 100000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	tenth := n / 10
	if tenth == 0 {
		tenth = 1
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	t0 := time.Now()
	last := t0
	var steps []time.Duration
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			<-stop
			wg.Done()
		}()
		if (i+1)%tenth == 0 {
			now := time.Now()
			steps = append(steps, now.Sub(last))
			last = now
		}
	}
	created := time.Since(t0)
	close(stop)
	wg.Wait()
	all := time.Since(t0)
	fmt.Printf("goroutines %d created %d us all %d us tenths", n, created.Microseconds(), all.Microseconds())
	for _, s := range steps {
		fmt.Printf(" %d", s.Microseconds())
	}
	fmt.Println()
}
