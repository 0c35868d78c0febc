package main

import "fmt"

func main() {
	var nilc chan int
	c := make(chan int, 1)
	c <- 5
	select {
	case v := <-nilc:
		fmt.Println("nil chan?", v)
	case v := <-c:
		fmt.Println("got", v)
	}
	select {
	case nilc <- 1:
		fmt.Println("sent to nil?")
	default:
		fmt.Println("default")
	}
}
