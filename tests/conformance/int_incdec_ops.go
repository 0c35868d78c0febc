package main

import "fmt"

func main() {
	x := 10
	x += 5
	x -= 3
	x *= 4
	x /= 5
	x %= 7
	x <<= 3
	x >>= 1
	x |= 1
	x &= 0xf
	x ^= 0x5
	x &^= 2
	fmt.Println(x)
	arr := []int{1, 2, 3}
	arr[1]++
	arr[2] *= 10
	fmt.Println(arr)
	m := map[string]int{}
	m["a"]++
	m["a"] += 5
	fmt.Println(m["a"])
}
