package main

import "fmt"

func main() {
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println(fib(20))
	memo := map[int]int{}
	var f2 func(int) int
	f2 = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		memo[n] = f2(n-1) + f2(n-2)
		return memo[n]
	}
	fmt.Println(f2(90))
}
