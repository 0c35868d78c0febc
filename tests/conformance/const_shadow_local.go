package main

import "fmt"

const n = 3

type T int

func main() {
	const n = n * 2
	println("n =", n)
	const (
		A    = iota
		iota = iota
		B
		C
	)
	println(A, B, C)
	{
		const x, y = 1, n
		const n = x + n
		fmt.Println(x, y, n)
	}
	const T = T(5)
	fmt.Printf("%v %T\n", T, T)
	var v = 5
	{
		v := v + 1
		println(v)
	}
	println(v)
	const len = len("abc")
	println(len)
}
