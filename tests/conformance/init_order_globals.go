package main

import "fmt"

var (
	a = b + 1
	b = f()
	c = "c"
)

func f() int {
	fmt.Println("f runs, c =", c)
	return 10
}

func init() {
	fmt.Println("init 1", a, b)
	a = 100
}

func init() {
	fmt.Println("init 2", a)
}

func main() {
	fmt.Println("main", a, b, c)
}
