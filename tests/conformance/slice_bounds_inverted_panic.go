package main

import "fmt"

func main() {
	s := []int{1, 2, 3, 4}
	i, j := 3, 1
	fmt.Println(s[j:i])
	fmt.Println(s[i:j])
}
