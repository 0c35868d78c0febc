package main

import "fmt"

func main() {
	s := "a"
	s += "b"
	n := 0
	n++
	k := 10
	k -= 3
	var m map[string]int
	m = nil
	_ = m
	fmt.Println("compiled")
}
