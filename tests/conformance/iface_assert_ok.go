package main

import "fmt"

type R interface{ Read() string }
type W interface{ Write(string) }
type RW struct{ buf string }

func (r *RW) Read() string    { return r.buf }
func (r *RW) Write(s string) { r.buf += s }

func main() {
	var r R = &RW{"hi"}
	if w, ok := r.(W); ok {
		w.Write(" there")
	}
	fmt.Println(r.Read())
	var x interface{} = 5
	s, ok := x.(string)
	fmt.Printf("%q %v\n", s, ok)
	n, ok := x.(int)
	fmt.Println(n, ok)
	_, ok = x.(R)
	fmt.Println(ok)
}
