package main

import "fmt"

type E struct{ s string }

func (e E) Error() string { return e.s }

func main() {
	var a, b interface{}
	fmt.Println(a == b, a == nil)
	a, b = 1, 1
	fmt.Println(a == b)
	b = int64(1)
	fmt.Println(a == b)
	a, b = "x", "x"
	fmt.Println(a == b)
	var e1 error = E{"x"}
	var e2 error = E{"x"}
	var e3 error = &E{"x"}
	var e4 error = &E{"x"}
	fmt.Println(e1 == e2, e3 == e4, e1 == e3)
	a = struct{ A, B int }{1, 2}
	b = struct{ A, B int }{1, 2}
	fmt.Println(a == b, a != nil)
}
