package main

import "fmt"

func main() {
	m := map[string]int{"zeta": 26, "alpha": 1, "mid": 13}
	fmt.Println(m)
	n := map[int]string{3: "c", -1: "neg", 10: "ten", 0: "zero"}
	fmt.Println(n)
	fmt.Printf("%v %d\n", map[bool]int{true: 1, false: 0}, len(n))
	var nilm map[string]bool
	fmt.Println(nilm, len(nilm))
}
