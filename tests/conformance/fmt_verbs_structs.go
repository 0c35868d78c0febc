package main

import "fmt"

type P struct {
	Name string
	Age  int
	Tags []string
	M    map[string]int
	Ptr  *int
}

func main() {
	p := P{"x", 3, []string{"a", "b"}, map[string]int{"k": 1}, nil}
	fmt.Printf("%v\n%+v\n", p, p)
	fmt.Printf("%T %T %T %T\n", p, &p, p.Tags, p.M)
	fmt.Printf("%v %d %s %q\n", []int{1, 2}, []int{3, 4}, []string{"a", "b"}, []string{"c", "d"})
	fmt.Printf("%x %X % x\n", "hi", []byte("hi"), []byte{1, 171})
	fmt.Printf("%t %v\n", false, [2]bool{true, false})
}
