package main

import "fmt"

type B bool

func main() {
	var x interface{} = true
	var y interface{} = B(true)
	var e error
	switch {
	case y:
		fmt.Println("y")
	case x:
		fmt.Println("x")
	}
	switch x {
	case true:
		fmt.Println("yes")
	case 1:
	}
	switch e {
	case nil:
		fmt.Println("nil")
	}
	switch {
	case bool(B(false)):
	case !false:
		fmt.Println("bool")
	}
}
