package main

import "fmt"

func producer(out chan<- string) {
	out <- "x"
	out <- "y"
	close(out)
}

func consumer(in <-chan string, done chan<- bool) {
	for s := range in {
		fmt.Println("recv", s)
	}
	done <- true
}

func main() {
	c := make(chan string)
	d := make(chan bool)
	go producer(c)
	go consumer(c, d)
	<-d
	fmt.Println("end")
}
