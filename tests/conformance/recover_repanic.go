package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("final:", recover())
	}()
	defer func() {
		r := recover()
		fmt.Println("first:", r)
		panic(fmt.Sprint(r, " again"))
	}()
	panic("one")
}
