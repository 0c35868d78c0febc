package main

import "fmt"

func main() {
	a := []int{1, 2, 3, 4, 5}
	b := make([]int, 3)
	n := copy(b, a)
	fmt.Println(n, b)
	n = copy(a[1:], a)
	fmt.Println(n, a)
	n = copy(a, a[2:])
	fmt.Println(n, a)
	n = copy(b, []int{})
	fmt.Println(n, b)
	bs := make([]byte, 4)
	n = copy(bs, "héllo")
	fmt.Println(n, bs)
}
