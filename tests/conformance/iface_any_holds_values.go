package main

import "fmt"

func main() {
	vals := []any{1, "two", 3.0, true, nil, []int{4}, map[string]int{"five": 5}, struct{ X int }{6}, 'r', byte(8)}
	for _, v := range vals {
		fmt.Printf("%v|%T\n", v, v)
	}
	x := 10
	var a any = x
	x = 20
	fmt.Println(a, x)
}
