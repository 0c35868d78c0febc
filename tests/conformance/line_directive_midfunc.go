package main

import (
	"fmt"
	"runtime"
)

func where() string {
	_, file, line, _ := runtime.Caller(1)
	return fmt.Sprintf("%s:%d", file, line)
}

// A //line directive inside a function changes the file of what follows,
// for runtime.Caller as for tracebacks.
func f() string {
//line gen.go:10
	a := where()
//line other.go:20
	b := where()
	return a + " " + b
}

func main() {
//line main1.go:100
	fmt.Println(where())
	fmt.Println(f())
	g := func() string {
//line closure.go:5
		return where()
	}
	fmt.Println(g())
//line last.go:1
	fmt.Println(where())
	for i := 0; i < 2; i++ {
//line loop.go:7
		fmt.Println(where())
	}
}
