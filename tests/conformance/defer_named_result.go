package main

import "fmt"

func double() (r int) {
	defer func() { r *= 2 }()
	return 21
}

func tricky() (s string) {
	defer func() { s += "!" }()
	s = "x"
	return s + "y"
}

func counter() (n int) {
	for i := 0; i < 3; i++ {
		defer func() { n++ }()
	}
	return 10
}

func main() {
	fmt.Println(double(), tricky(), counter())
}
