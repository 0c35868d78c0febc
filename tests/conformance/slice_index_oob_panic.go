package main

import "fmt"

func main() {
	s := []int{10, 20, 30}
	for i := 0; i <= len(s); i++ {
		fmt.Println(s[i])
	}
}
