package main

import "fmt"

const big = 1 << 100

func main() {
	fmt.Println(big>>98, big/(1<<97))
	fmt.Println(-7/2, -7%2, 7/-2, 7%-2)
	const c = 10 / 4
	const f = 10 / 4.0
	fmt.Println(c, f)
	var x uint = 1<<64 - 1
	fmt.Println(x / 3)
}
