package main

import "fmt"

func main() {
	m := map[string][2]int{}
	v := m["a"]
	v[0] = 5
	m["a"] = v
	w := m["a"]
	w[1] = 7
	fmt.Println(m["a"], w)
	arrs := map[[2]int]string{{1, 2}: "one-two"}
	fmt.Println(arrs[[2]int{1, 2}], len(arrs[[2]int{2, 1}]))
}
