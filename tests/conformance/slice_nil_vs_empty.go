package main

import "fmt"

func main() {
	var a []int
	b := []int{}
	c := make([]int, 0)
	fmt.Println(a == nil, b == nil, c == nil, len(a), cap(a))
	fmt.Println(a, b, c)
	fmt.Printf("%v %d %v\n", a, len(b), a[:0] == nil)
	for range a {
		fmt.Println("never")
	}
	a = append(a, 1)
	fmt.Println(a)
}
