package main

import "fmt"

type Acc struct{ total int }

func (a *Acc) Add(n int) { a.total += n }
func (a Acc) Get() int   { return a.total }

func main() {
	a := &Acc{}
	add := a.Add
	add(5)
	add(7)
	fmt.Println(a.total)
	v := Acc{100}
	get := v.Get
	v.total = 200
	fmt.Println(get(), v.Get())
	fs := []func(int){a.Add, a.Add}
	for i, f := range fs {
		f(i + 1)
	}
	fmt.Println(a.Get())
}
