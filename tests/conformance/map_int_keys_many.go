package main

import "fmt"

func main() {
	m := make(map[int]int)
	for i := 0; i < 5000; i++ {
		m[i*7919%10007] = i
	}
	fmt.Println(len(m), m[0], m[7919], m[10006])
	sum := 0
	for k, v := range m {
		sum += k - v
	}
	fmt.Println(sum)
	for i := 0; i < 5000; i += 2 {
		delete(m, i*7919%10007)
	}
	fmt.Println(len(m))
}
