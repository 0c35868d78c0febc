package main

import "fmt"

type A struct {
	b *B
	c []C
	n int
}
type B A
type C B
type D []D2
type D2 D

func main() {
	x := B{b: &B{n: 2}, c: []C{{n: 3}}, n: 1}
	fmt.Println(x.n, x.b.n, x.c[0].n)
	var d D = D{nil, D2{}}
	fmt.Println(len(d))
}
