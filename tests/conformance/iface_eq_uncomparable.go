package main

import "fmt"

type S struct{ s []int }
type W struct {
	a int
	i interface{}
}
type A [2]interface{}

func try(name string, f func() bool) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	fmt.Println(name, f())
}

func main() {
	var x interface{} = S{}
	var y interface{} = S{[]int{1}}
	try("same", func() bool { return x == x })
	try("diff", func() bool { return x == y })
	try("othertype", func() bool { return x == interface{}(1) })
	try("nil", func() bool { return x == nil })
	try("func", func() bool { var f interface{} = main; return f == f })
	try("map", func() bool { var m interface{} = map[int]int{}; return m != 1 })
	try("struct-with-iface", func() bool { return W{1, []int{}} == W{2, []int{}} })
	try("struct-with-iface2", func() bool { return W{1, []int{}} == W{1, []int{}} })
	try("array-iface", func() bool { return A{1, []int{}} == A{1, []int{}} })
	try("array-iface2", func() bool { return A{1, []int{}} == A{2, []int{}} })
	try("nested", func() bool { var a, b interface{} = W{1, S{}}, W{1, S{}}; return a == b })
	try("mapkey", func() bool { m := map[interface{}]int{}; m[S{}] = 1; return true })
	try("switch", func() bool {
		switch x {
		case 1:
			return false
		}
		return true
	})
}
