package main

import "fmt"

func main() {
	var a uint64 = 18446744073709551615
	a++
	fmt.Println(a)
	var b uint64
	b--
	fmt.Println(b)
	c := uint64(1) << 63
	fmt.Println(c, c*2, c+c-1, -c)
	var u uint = 0
	u--
	p := uintptr(7)
	fmt.Println(u, p-8 > 0)
}
