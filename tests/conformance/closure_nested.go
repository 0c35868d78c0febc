package main

import "fmt"

func adder(base int) func(int) func() int {
	return func(d int) func() int {
		return func() int {
			base += d
			return base
		}
	}
}

func main() {
	a := adder(100)
	p1 := a(1)
	p10 := a(10)
	fmt.Println(p1(), p10(), p1(), p10())
	compose := func(f, g func(int) int) func(int) int {
		return func(x int) int { return f(g(x)) }
	}
	inc := func(x int) int { return x + 1 }
	dbl := func(x int) int { return x * 2 }
	fmt.Println(compose(inc, dbl)(5), compose(dbl, inc)(5))
}
