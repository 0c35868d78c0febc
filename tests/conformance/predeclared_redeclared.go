package main

import "fmt"

type error int

func main() {
	true := false
	false := !true
	var e error = 3
	fmt.Println(true, false, e)
	{
		type bool int
		var b bool = 2
		fmt.Println(b)
	}
	nil := 5
	fmt.Println(nil)
}
