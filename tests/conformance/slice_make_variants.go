package main

import "fmt"

func main() {
	a := make([]string, 3)
	fmt.Printf("%q %d %d\n", a, len(a), cap(a))
	b := make([]float64, 2, 8)
	fmt.Println(b, len(b), cap(b), len(b[:8]))
	type S struct {
		A int
		B string
	}
	c := make([]S, 2)
	c[1].B = "x"
	fmt.Printf("%+v\n", c)
	d := make([]*int, 2)
	fmt.Println(d[0] == nil)
}
