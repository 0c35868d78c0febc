package main

import "fmt"

func main() {
	a := make([]int, 2, 2)
	b := append(a, 3)
	b[0] = 9
	fmt.Println(a, b)
	x := []int{1, 2, 3}
	x = append(x[:1], x[2:]...)
	fmt.Println(x, len(x))
	y := []int{1, 2, 3, 4}
	y = append(y, y...)
	fmt.Println(y)
	z := append([]int(nil), 7)
	fmt.Println(z, len(z))
	var nilS []int
	fmt.Println(append(nilS), append(nilS) == nil)
}
