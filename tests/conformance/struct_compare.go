package main

import "fmt"

type P struct {
	X, Y int
	S    string
}

func main() {
	a := P{1, 2, "s"}
	b := P{1, 2, "s"}
	c := P{1, 2, "t"}
	fmt.Println(a == b, a == c, a != c)
	type Q struct {
		P P
		F float64
	}
	fmt.Println(Q{a, 1} == Q{b, 1}, Q{a, 1} == Q{b, 2})
	var z P
	fmt.Println(z == P{}, z)
	e := struct{}{}
	fmt.Println(e == struct{}{})
}
