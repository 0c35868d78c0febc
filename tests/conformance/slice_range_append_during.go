package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	for i, v := range s {
		s = append(s, v*10)
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println()
	fmt.Println(s)
}
