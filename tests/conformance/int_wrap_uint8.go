package main

import "fmt"

func main() {
	var a uint8 = 255
	a++
	fmt.Println(a)
	var b uint8 = 0
	b--
	fmt.Println(b)
	var c byte = 200
	c += 100
	fmt.Println(c)
	d := uint8(17)
	fmt.Println(-d, ^d, d*d*d)
}
