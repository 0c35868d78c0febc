package main

import "fmt"

type Inner struct{ N int }
type Outer struct {
	In   Inner
	Arr  [2]int
	Sl   []int
	Name string
}

func main() {
	a := Outer{Inner{1}, [2]int{1, 2}, []int{1, 2}, "a"}
	b := a
	b.In.N = 10
	b.Arr[0] = 10
	b.Sl[0] = 10
	b.Name = "b"
	fmt.Println(a)
	fmt.Println(b)
	fmt.Printf("%+v\n", a)
}
