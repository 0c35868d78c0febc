package main

import "fmt"

func main() {
	s := ""
	for i := 0; i < 20; i++ {
		s += string(rune('a' + i%26))
	}
	fmt.Println(s, len(s))
	parts := []string{"x", "y", "z"}
	acc := ""
	for _, p := range parts {
		acc = p + acc
	}
	fmt.Println(acc)
}
