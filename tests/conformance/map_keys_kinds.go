package main

import "fmt"

type K int

func main() {
	a := map[float64]string{1.5: "x", -0.0: "zero"}
	fmt.Println(a[1.5], a[0])
	b := map[rune]int{'é': 1}
	fmt.Println(b['é'])
	c := map[K]bool{K(3): true}
	fmt.Println(c[3])
	d := map[interface{}]int{1: 1, "1": 2, 1.0: 3}
	fmt.Println(d[1], d["1"], d[1.0], len(d))
	e := map[bool]string{}
	e[true] = "t"
	fmt.Println(e[true], e[false] == "")
	var p1, p2 = new(int), new(int)
	f := map[*int]int{p1: 1, p2: 2}
	fmt.Println(f[p1], f[p2], len(f))
}
