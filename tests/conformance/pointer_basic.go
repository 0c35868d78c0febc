package main

import "fmt"

func inc(p *int) { *p++ }

func main() {
	x := 1
	p := &x
	inc(p)
	inc(&x)
	fmt.Println(x, *p, p == &x)
	pp := &p
	**pp = 42
	fmt.Println(x)
	q := new(int)
	fmt.Println(*q, q != nil)
	*q = 7
	r := q
	*r++
	fmt.Println(*q)
	var np *int
	fmt.Println(np == nil)
}
