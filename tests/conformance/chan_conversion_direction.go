package main

import "fmt"

type RO <-chan int

func main() {
	c := make(chan int, 2)
	r := (<-chan int)(c)
	s := (chan<- int)(c)
	s <- 4
	fmt.Println(<-r)
	var ro RO = RO(c)
	c <- 5
	fmt.Println(<-ro, len(ro), cap(s))
	fmt.Printf("%T %T %T\n", r, s, ro)
}
