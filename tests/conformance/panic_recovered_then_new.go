package main

import "fmt"

func main() {
	func() {
		defer func() { fmt.Println("recovered", recover()) }()
		panic("a")
	}()
	fmt.Println("continuing")
	var s []int
	fmt.Println(s[1])
}
