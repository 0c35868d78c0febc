package main

import "fmt"

func main() {
	c := make(chan int)
	done := make(chan bool)
	go func() {
		for v := range c {
			fmt.Println("got", v)
		}
		done <- true
	}()
	c <- 1
	c <- 2
	<-done
}
