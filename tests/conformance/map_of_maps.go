package main

import "fmt"

func main() {
	g := map[string]map[string]int{}
	add := func(a, b string) {
		if g[a] == nil {
			g[a] = map[string]int{}
		}
		g[a][b]++
	}
	add("x", "y")
	add("x", "y")
	add("x", "z")
	add("q", "y")
	fmt.Println(g["x"]["y"], g["x"]["z"], g["q"]["y"], g["none"]["y"], len(g))
	fmt.Println(g)
}
