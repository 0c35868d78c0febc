package main

import "fmt"

type I interface{ M() }
type T struct{}

func main() {
	var x interface{} = T{}
	fmt.Println("start")
	i := x.(I)
	i.M()
}
