package main

import "fmt"

func main() {
	x := 5
	n := 3
	fmt.Println(x<<n, x>>1, 1<<n)
	var i8 int8 = 2
	fmt.Println(x<<i8, uint16(0xffff)>>i8)
}
