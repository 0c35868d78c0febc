package main

import "fmt"

func main() {
	n := 2
	fmt.Println(len(make([]int, n)))
	n = -3
	s := make([]int, n)
	fmt.Println(s)
}
