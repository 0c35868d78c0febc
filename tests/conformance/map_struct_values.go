package main

import "fmt"

type P struct{ X, Y int }

func main() {
	m := map[string]P{"a": {1, 2}}
	p := m["a"]
	p.X = 100
	fmt.Println(m["a"], p)
	m["a"] = p
	fmt.Println(m["a"])
	pm := map[string]*P{"b": {3, 4}}
	pm["b"].Y = 40
	fmt.Println(*pm["b"])
}
