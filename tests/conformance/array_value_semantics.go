package main

import "fmt"

func modify(a [3]int) [3]int {
	a[0] = 100
	return a
}

func modifyPtr(a *[3]int) { a[1] = 200 }

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[2] = 30
	c := modify(a)
	modifyPtr(&a)
	fmt.Println(a, b, c)
	fmt.Println(a == [3]int{1, 200, 3}, a != b)
	var z [4]string
	fmt.Printf("%q %d\n", z, len(z))
}
