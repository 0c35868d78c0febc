package main

import "fmt"

func main() {
	a := [...]string{2: "c", 0: "a", 4: "e"}
	fmt.Printf("%q %d\n", a, len(a))
	b := [5]int{1, 2}
	fmt.Println(b)
	c := []int{5: 1, 2, 1: 7}
	fmt.Println(c, len(c))
	type pt struct{ x, y int }
	ps := [...]pt{{1, 2}, {y: 5}}
	fmt.Println(ps)
}
