package main

import "fmt"

func try(a, b int64) (r int64, err interface{}) {
	defer func() { err = recover() }()
	return a / b, nil
}

func main() {
	fmt.Println(try(10, 2))
	r, e := try(10, 0)
	fmt.Println(r, e)
	if re, ok := e.(error); ok {
		fmt.Println("error:", re.Error())
	}
}
