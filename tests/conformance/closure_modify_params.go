package main

import "fmt"

func apply(xs []int, f func(*int)) {
	for i := range xs {
		f(&xs[i])
	}
}

func main() {
	sum := 0
	xs := []int{1, 2, 3}
	apply(xs, func(p *int) { *p *= 2; sum += *p })
	fmt.Println(xs, sum)
	fns := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(fns["add"](3, 4), fns["mul"](3, 4))
	var nf func()
	fmt.Println(nf == nil)
}
