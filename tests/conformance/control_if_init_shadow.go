package main

import "fmt"

func get() (int, error) { return 3, nil }

func main() {
	x := 1
	if x := 2; x > 1 {
		fmt.Println("inner", x)
	} else if y := x * 2; y > 0 {
		fmt.Println(y)
	}
	fmt.Println("outer", x)
	if v, err := get(); err == nil {
		fmt.Println(v)
	}
	{
		x := "block"
		fmt.Println(x)
	}
	fmt.Println(x)
}
