package main

import "fmt"

func main() {
	var a uint16 = 65535
	a++
	fmt.Println(a)
	var b uint16
	b -= 2
	fmt.Println(b)
	c := uint16(1000)
	fmt.Println(c*c, -c, ^c)
}
