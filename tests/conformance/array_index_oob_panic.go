package main

import "fmt"

func main() {
	var a [4]int
	idx := []int{0, 3, 4}
	for _, i := range idx {
		a[i] = i
		fmt.Println(a)
	}
}
