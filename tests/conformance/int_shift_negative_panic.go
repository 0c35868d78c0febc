package main

import "fmt"

func main() {
	n := -1
	fmt.Println("start")
	fmt.Println(1 << n)
}
