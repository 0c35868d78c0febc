package main

import (
	"fmt"
)

type runtimeError interface {
	error
	RuntimeError()
}

func main() {
	defer func() {
		r := recover()
		err, ok := r.(error)
		fmt.Println(ok, err)
		_, isRT := r.(runtimeError)
		fmt.Println(isRT)
	}()
	var m map[int]int
	m[1] = 2
}
