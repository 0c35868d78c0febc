package main

import "fmt"

type T struct{ A int }

func main() {
	t := &T{5}
	fmt.Printf("%v %+v\n", t, t)
	var np *T
	fmt.Println(np == nil)
	fmt.Printf("%v\n", np)
	pp := &[]int{1}
	fmt.Println(pp)
	m := &map[string]int{"a": 1}
	fmt.Println(m)
}
