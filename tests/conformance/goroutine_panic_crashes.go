package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		panic("in goroutine")
	}()
	time.Sleep(time.Second)
	fmt.Println("unreachable")
}
