package main

import "fmt"

type Meters float64
type ID int
type Names []string

func (n Names) First() string { return n[0] }

func main() {
	m := Meters(3.5)
	f := float64(m) * 2
	fmt.Println(m, f, Meters(f)+m)
	var id ID = 7
	n := int(id) + 1
	fmt.Println(id, n, ID(n) > id)
	ns := Names([]string{"x", "y"})
	plain := []string(ns)
	fmt.Println(ns.First(), len(plain))
	fmt.Printf("%T %T %T\n", m, id, ns)
}
