package main

import "fmt"

func main() {
	defer fmt.Println("1")
	defer func() {
		fmt.Println("2")
	}()
	func() {
		defer fmt.Println("inner")
		panic("deep")
	}()
	fmt.Println("unreachable")
}
