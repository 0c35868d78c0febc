package main

import "fmt"

func main() {
	defer func() {
		panic("second")
	}()
	fmt.Println("x")
	panic("first")
}
