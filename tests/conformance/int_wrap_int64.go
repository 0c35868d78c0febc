package main

import "fmt"

func main() {
	var a int64 = 9223372036854775807
	a++
	fmt.Println(a)
	var b int64 = -9223372036854775808
	b--
	fmt.Println(b)
	var c int64 = 1 << 62
	c *= 4
	fmt.Println(c)
	d := int64(-9223372036854775808)
	fmt.Println(-d, d/-1, d%-1)
	var e int = 1 << 62
	fmt.Println(e*2, e*4)
}
