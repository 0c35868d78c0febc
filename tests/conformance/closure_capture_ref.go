package main

import "fmt"

func main() {
	x := 1
	f := func() { x *= 10 }
	f()
	f()
	fmt.Println(x)
	g := func() int { return x }
	x = 7
	fmt.Println(g())
	counter := func() func() int {
		c := 0
		return func() int { c++; return c }
	}
	a, b := counter(), counter()
	a()
	a()
	fmt.Println(a(), b())
}
