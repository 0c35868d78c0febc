package main

import "fmt"

func main() {
	n := 0
	for n < 5 {
		n++
	}
	fmt.Println(n)
	for {
		n--
		if n == 2 {
			break
		}
	}
	fmt.Println(n)
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Print(i, ",", j, " ")
	}
	fmt.Println()
	for i := range [3]struct{}{} {
		fmt.Print(i)
	}
	for range "abc" {
		fmt.Print(".")
	}
	fmt.Println()
}
