package main

import "fmt"

const N = 2.0
const M = 1e1 / 5

func main() {
	var a [1e1]int
	var b [N]int
	var c [len("abc")]int
	var d [M * 2]string
	e := [...]int{1e1 - 9: 5}
	fmt.Println(len(a), len(b), len(c), len(d), e)
	s := make([]int, 1e1, 2e1)
	fmt.Println(len(s), cap(s), s[1e0], s[2.0:3e0])
}
