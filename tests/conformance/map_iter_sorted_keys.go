package main

import (
	"fmt"
	"sort"
)

func main() {
	m := map[string][]int{}
	words := []string{"x", "y", "x", "z", "y", "x"}
	for i, w := range words {
		m[w] = append(m[w], i)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, m[k])
	}
	sum := 0
	for _, v := range map[int]int{1: 10, 2: 20, 3: 30} {
		sum += v
	}
	fmt.Println(sum)
}
