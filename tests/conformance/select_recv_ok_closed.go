package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	step := make(chan bool)
	go func() {
		a <- 1
		close(a)
		<-step
		b <- 2
		close(b)
	}()
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				fmt.Println("a closed")
				step <- true
				continue
			}
			fmt.Println("a", v)
		case v, ok := <-b:
			if !ok {
				b = nil
				fmt.Println("b closed")
				continue
			}
			fmt.Println("b", v)
		}
	}
}
