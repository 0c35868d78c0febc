package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "b": 2}
	m["c"] = 3
	fmt.Println(len(m), m["a"], m["z"])
	v, ok := m["b"]
	fmt.Println(v, ok)
	v, ok = m["q"]
	fmt.Println(v, ok)
	delete(m, "a")
	delete(m, "nothing")
	_, ok = m["a"]
	fmt.Println(len(m), ok)
	m["b"] += 40
	fmt.Println(m["b"])
}
