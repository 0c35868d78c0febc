package main

import "fmt"

func main() {
	in := make(chan int)
	out := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			in <- i
		}
		close(in)
	}()
	go func() {
		for v := range out {
			fmt.Println("out", v)
		}
		fmt.Println("out done")
		close(in2)
	}()
	pending := []int{}
	for in != nil || len(pending) > 0 {
		var send chan int
		var next int
		if len(pending) > 0 {
			send = out
			next = pending[0]
		}
		select {
		case v, ok := <-in:
			if !ok {
				in = nil
				continue
			}
			pending = append(pending, v*10)
		case send <- next:
			pending = pending[1:]
		}
	}
	close(out)
	<-in2
}

var in2 = make(chan int)
