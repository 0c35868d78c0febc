package main

import "fmt"

type I interface{ M() }

func main() {
	var x interface{}
	fmt.Println("start")
	_ = x.(I)
}
