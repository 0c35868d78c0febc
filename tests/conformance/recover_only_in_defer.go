package main

import "fmt"

func helper() interface{} { return recover() }

func main() {
	defer func() {
		r := recover()
		fmt.Println("outer recovered:", r)
	}()
	defer func() {
		fmt.Println("helper got:", helper())
	}()
	panic("p")
}
