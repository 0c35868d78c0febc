package main

import "fmt"

func main() {
	a, b := 0.1, 0.2
	fmt.Println(a+b, a+b == 0.3, a*3, 1-0.9)
	x := 1e308
	fmt.Println(x*10, -x*10)
	fmt.Println(7.0/2, -7.0/2, float64(7)/float64(-2))
	var f float64 = 10
	f /= 4
	f *= 3
	f -= 0.5
	fmt.Println(f)
	s := 0.0
	for i := 1; i <= 10; i++ {
		s += 1.0 / float64(i)
	}
	fmt.Println(s)
}
