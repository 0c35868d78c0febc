package main

import "fmt"

func main() {
	ws := []string{"", "a", "ab", "b", "B", "é", "abc", "ab\x00"}
	for _, a := range ws {
		for _, b := range ws {
			if a < b {
				fmt.Printf("%q<%q ", a, b)
			}
		}
		fmt.Println()
	}
}
