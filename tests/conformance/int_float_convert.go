package main

import "fmt"

func main() {
	f := 3.99
	fmt.Println(int(f), int(-f), int64(f*1e10), uint8(f))
	g := -0.5
	fmt.Println(int(g))
	i := 1 << 53
	fmt.Println(float64(i), float64(i+1), float64(-7)/2)
	var u uint64 = 1<<64 - 1
	fmt.Println(float64(u) > 1.8e19)
}
