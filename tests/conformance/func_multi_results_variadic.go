package main

import "fmt"

func divmod(a, b int) (int, int) { return a / b, a % b }

func sum(xs ...int) (total int) {
	for _, x := range xs {
		total += x
	}
	return
}

func prefix(p string, xs ...string) []string {
	out := []string{}
	for _, x := range xs {
		out = append(out, p+x)
	}
	return out
}

func pair() (a, b string) {
	a = "x"
	b = "y"
	return b, a
}

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(divmod(-17, 5))
	fmt.Println(sum(), sum(1), sum(1, 2, 3), sum([]int{4, 5}...))
	fmt.Println(prefix("p-", "a", "b"), len(prefix("x")))
	fmt.Println(pair())
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
}
