package main

import "fmt"

func f() {
	for i := 0; i < 4; i++ {
		defer fmt.Println("defer", i)
	}
	fmt.Println("body")
}

func main() {
	f()
	x := 1
	defer fmt.Println("args evaluated at defer:", x)
	x = 2
	defer func() { fmt.Println("closure sees:", x) }()
	x = 3
}
