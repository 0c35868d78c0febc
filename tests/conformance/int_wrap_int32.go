package main

import "fmt"

func main() {
	var a int32 = 2147483647
	a++
	fmt.Println(a)
	var b int32 = -2147483648
	b--
	fmt.Println(b)
	var c int32 = 65536
	c *= 65536
	fmt.Println(c)
	var d int32 = 123456789
	d *= 100
	fmt.Println(d)
}
