package main

import "fmt"

func main() {
	m := map[string]int{}
	for round := 0; round < 3; round++ {
		for i := 0; i < 50; i++ {
			m[fmt.Sprint("k", i)] = i * round
		}
		fmt.Println(len(m), m["k49"])
		for k := range m {
			delete(m, k)
		}
		fmt.Println(len(m))
	}
}
