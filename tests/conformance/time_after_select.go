package main

import (
	"fmt"
	"time"
)

func main() {
	c := make(chan int)
	go func() {
		time.Sleep(30 * time.Millisecond)
		c <- 1
	}()
	select {
	case v := <-c:
		fmt.Println("value first", v)
	case <-time.After(500 * time.Millisecond):
		fmt.Println("timeout")
	}
	select {
	case <-c:
		fmt.Println("unexpected")
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timeout second")
	}
}
