package main

import "fmt"

func main() {
	reqs := make(chan chan int)
	go func() {
		n := 0
		for reply := range reqs {
			n++
			reply <- n * 100
		}
	}()
	for i := 0; i < 3; i++ {
		r := make(chan int)
		reqs <- r
		fmt.Println(<-r)
	}
	close(reqs)
}
