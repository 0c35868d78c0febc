package main

import "fmt"

func main() {
	xs := []int{7, -7}
	ys := []int{2, -2, 3, -3}
	for _, x := range xs {
		for _, y := range ys {
			fmt.Println(x, y, x/y, x%y)
		}
	}
	var a int8 = -128
	var m int8 = -1
	fmt.Println(a/m, a%m)
	var b int32 = -2147483648
	var n int32 = -1
	fmt.Println(b/n, b%n)
	fmt.Println(uint8(250)/7, uint8(250)%7)
}
