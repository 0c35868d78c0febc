package main

import "fmt"

func main() {
	a := make([]int, 5, 10)
	k := 4
	fmt.Println(len(a[1:3:k]))
	k = 11
	fmt.Println(a[1:3:k])
}
