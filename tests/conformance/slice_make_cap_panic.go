package main

import "fmt"

func main() {
	n := 10
	c := 5
	s := make([]int, n, c)
	fmt.Println(s)
}
