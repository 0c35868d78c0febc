// pingpong.go: two goroutines hand a value back and forth over unbuffered
// channels 5,000 times each way: 10,000 goroutine switches, no system calls
// in the loop. bench/trace-cost.mjs runs it with and without the trace.
package main

import "fmt"

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	n := 0
	for i := 0; i < 5000; i++ {
		ping <- n
		n = <-pong
	}
	close(ping)
	fmt.Println("round trips:", n)
}
