package main

import "fmt"

type Inc interface{ Inc() }
type C struct{ n int }

func (c *C) Inc() { c.n++ }

func main() {
	c := C{}
	var i Inc = &c
	i.Inc()
	i.Inc()
	fmt.Println(c.n)
	var x interface{} = c
	_, ok := x.(Inc)
	fmt.Println(ok)
	x = &c
	_, ok = x.(Inc)
	fmt.Println(ok)
}
