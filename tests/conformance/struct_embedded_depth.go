package main

import "fmt"

type A struct{ X int }
type B struct {
	A
	Y int
}
type C struct {
	B
	X string
}

func main() {
	c := C{B{A{1}, 2}, "shadow"}
	fmt.Println(c.X, c.B.X, c.A.X, c.Y, c.B.A.X)
	c.A.X = 10
	fmt.Println(c.B.X)
	fmt.Printf("%v %+v\n", c, c)
}
