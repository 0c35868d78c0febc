package main

import "fmt"

func newCounter() *int {
	x := 0
	return &x
}

func main() {
	a := newCounter()
	b := newCounter()
	*a = 5
	fmt.Println(*a, *b, a != b)
	ptrs := []*int{}
	for i := 0; i < 3; i++ {
		v := i * i
		ptrs = append(ptrs, &v)
	}
	for _, p := range ptrs {
		fmt.Print(*p, " ")
	}
	fmt.Println()
}
