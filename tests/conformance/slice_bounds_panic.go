package main

import "fmt"

func main() {
	s := make([]int, 3, 5)
	j := 5
	fmt.Println(len(s[:j]))
	j = 6
	fmt.Println(s[:j])
}
