package main

import "fmt"

func main() {
	var a uint32 = 4294967295
	a++
	fmt.Println(a)
	var b uint32
	b--
	fmt.Println(b)
	c := uint32(100000)
	fmt.Println(c*c, -c, ^c, c<<20)
}
