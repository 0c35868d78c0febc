package main

import "fmt"

func main() {
	a := []int{0, 1, 2, 3, 4, 5, 6, 7}
	b := a[2:4:5]
	fmt.Println(b, len(b), cap(b))
	b = append(b, 100)
	fmt.Println(a)
	b = append(b, 200)
	b[0] = -1
	fmt.Println(a, b)
	arr := [5]int{1, 2, 3, 4, 5}
	c := arr[1:2:3]
	fmt.Println(c, cap(c))
	d := a[:0:0]
	fmt.Println(len(d), cap(d))
}
