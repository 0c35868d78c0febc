package main

import "fmt"

func main() {
	c := make(chan int)
	close(c)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	c <- 1
}
