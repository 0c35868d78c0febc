package main

import "fmt"

func main() {
	block := make(chan int)
	go func() {
		<-block
		fmt.Println("never printed")
	}()
	fmt.Println("main returns while a goroutine blocks")
}
