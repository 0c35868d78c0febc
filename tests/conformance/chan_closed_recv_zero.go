package main

import "fmt"

type P struct{ A int }

func main() {
	c := make(chan P, 2)
	c <- P{1}
	close(c)
	for i := 0; i < 3; i++ {
		v, ok := <-c
		fmt.Println(v, ok)
	}
	done := make(chan struct{})
	close(done)
	<-done
	<-done
	fmt.Println("closed done is always ready")
}
